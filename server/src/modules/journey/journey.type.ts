import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { JourneyProblemNode } from './journey-problem.type';

@ObjectType('Journey', { description: 'A customer journey: its draft and its published versions.' })
export class JourneyNode {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  description!: string;

  @Field(() => String, { description: 'draft, active, paused or archived.' })
  status!: string;

  @Field(() => GraphQLJSONObject, { description: 'The graph being edited (may have problems).' })
  draft!: Record<string, unknown>;

  @Field(() => Int, { description: 'Bumped on every draft save; send it back with the next save.' })
  draftRevision!: number;

  @Field(() => Int, { nullable: true, description: 'The published version customers enter now.' })
  liveVersion!: number | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;
}

@ObjectType('JourneyVersion', { description: 'A published, immutable version of a journey.' })
export class JourneyVersionNode {
  @Field(() => Int)
  version!: number;

  @Field(() => GraphQLJSONObject)
  graph!: Record<string, unknown>;

  @Field(() => [String], { description: 'What changed since the version before.' })
  changes!: string[];

  @Field(() => Date)
  publishedAt!: Date;
}

@ObjectType('JourneyPayload', {
  description: 'The journey after a save or publish, with the problems the compiler found.',
})
export class JourneyPayload {
  @Field(() => JourneyNode, { nullable: true })
  journey!: JourneyNode | null;

  @Field(() => [JourneyProblemNode], { description: 'Errors and warnings, each on its node.' })
  problems!: JourneyProblemNode[];

  @Field(() => Boolean, { description: 'True when the action was carried out.' })
  ok!: boolean;
}

@ObjectType('JourneyNodeStats', {
  description: 'How many customers reached a step, and where they are.',
})
export class JourneyNodeStats {
  @Field(() => ID)
  nodeId!: string;

  @Field(() => Int, { description: 'Customers who reached the step.' })
  entered!: number;

  @Field(() => Int, { description: 'Customers waiting at the step now.' })
  waiting!: number;

  @Field(() => Int, { description: 'Customers whose journey ended at this step.' })
  exited!: number;

  @Field(() => Int, { description: 'Of those who reached the step, how many converted (a goal).' })
  converted!: number;
}

@ObjectType('JourneyStats')
export class JourneyStats {
  @Field(() => Int, { nullable: true, description: 'The version counted; null for all versions.' })
  version!: number | null;

  @Field(() => Int)
  entered!: number;

  @Field(() => Int)
  active!: number;

  @Field(() => Int)
  converted!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'converted / entered; null before anyone entered.',
  })
  conversionRate!: number | null;

  @Field(() => [JourneyNodeStats])
  nodes!: JourneyNodeStats[];
}
