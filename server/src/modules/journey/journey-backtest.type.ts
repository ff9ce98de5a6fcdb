import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import type { ProjectedSends } from '@cairn/schema';
import { JourneyProblemNode } from './journey-problem.type';
import { JourneyStats } from './journey.type';

@InputType('BacktestJourneyInput', {
  description: "What to backtest (a journey's draft, or a graph) over which window and sample.",
})
export class BacktestJourneyInput {
  @Field(() => ID, { nullable: true, description: 'The journey whose draft to backtest.' })
  journeyId?: string | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'A graph to backtest instead.' })
  graph?: Record<string, unknown> | null;

  @Field(() => Date, { nullable: true, description: 'Replay from (default: 30 days before `to`).' })
  from?: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Replay until (default: now); at most 400 days.',
  })
  to?: Date | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Customers to replay, drawn at random from those the trigger could enter: 1 to 5,000 (default 500).',
  })
  sampleSize?: number | null;
}

@ObjectType('ProjectedSends', { description: 'What one send step would have sent in a backtest.' })
export class ProjectedSendsNode {
  @Field(() => ID)
  nodeId!: string;

  @Field(() => String)
  channel!: string;

  @Field(() => Int, { description: 'Messages that would have gone out.' })
  sent!: number;

  @Field(() => Int, { description: 'Held for quiet hours (they go out when the hours end).' })
  deferred!: number;

  @Field(() => Int, { description: 'Skipped: no consent for the channel.' })
  skippedNoConsent!: number;

  @Field(() => Int, { description: 'Skipped: over the frequency cap.' })
  skippedFrequencyCap!: number;

  static of(p: ProjectedSends): ProjectedSendsNode {
    return Object.assign(new ProjectedSendsNode(), p);
  }
}

@ObjectType('JourneyBacktest', {
  description:
    "A draft replayed over a sample of real customers' history on a virtual clock: per-node counts and projected sends. Nothing is written or sent.",
})
export class JourneyBacktestNode {
  @Field(() => Date, { nullable: true })
  from!: Date | null;

  @Field(() => Date, { nullable: true })
  to!: Date | null;

  @Field(() => Int, { description: 'Customers the trigger could have entered in the window.' })
  eligibleCustomers!: number;

  @Field(() => Int, { description: 'Customers replayed (the sample).' })
  sampledCustomers!: number;

  @Field(() => Int, { description: 'Of the sample, customers who entered at least once.' })
  enteredCustomers!: number;

  @Field(() => JourneyStats, {
    nullable: true,
    description:
      "The sample's counts, as the live stats count them: entries per node, waiting at the end, conversion.",
  })
  stats!: JourneyStats | null;

  @Field(() => [ProjectedSendsNode])
  sends!: ProjectedSendsNode[];

  @Field(() => [JourneyProblemNode], { description: 'When the graph cannot run: its problems.' })
  problems!: JourneyProblemNode[];
}
