import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { JourneyProblemNode } from './journey-problem.type';

@ObjectType('JourneyEnrollment', {
  description: 'One entry of a customer into a journey, and where they are.',
})
export class JourneyEnrollmentNode {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  journeyId!: string;

  @Field(() => String)
  journeyName!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => Int, { description: '1 for the first entry, 2 for the next…' })
  entryNumber!: number;

  @Field(() => String, { description: 'active or exited.' })
  status!: string;

  @Field(() => String, { description: 'The step they are at (the last one, once exited).' })
  nodeId!: string;

  @Field(() => Date, { description: 'When they reached that step.' })
  since!: Date;

  @Field(() => String, { nullable: true, description: 'For a wait for an event: which event.' })
  awaiting!: string | null;

  @Field(() => Date)
  enteredAt!: Date;

  @Field(() => Date, { nullable: true })
  exitedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'exit, goal, archived or stepLimit.' })
  exitReason!: string | null;

  @Field(() => Date, { nullable: true })
  convertedAt!: Date | null;
}

@ObjectType('JourneyDeadLetter', {
  description: 'A timer or message that failed too often; retry it once fixed.',
})
export class JourneyDeadLetterNode {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'timer or message.' })
  kind!: string;

  @Field(() => ID)
  customerId!: string;

  @Field(() => String)
  nodeId!: string;

  @Field(() => Int)
  attempts!: number;

  @Field(() => String, { description: 'The last error, which says what to fix.' })
  error!: string;

  @Field(() => Date)
  at!: Date;
}

@InputType('SimulatedEventInput')
export class SimulatedEventInput {
  @Field(() => String)
  name!: string;

  @Field(() => Date)
  occurredAt!: Date;

  @Field(() => GraphQLJSONObject, { nullable: true })
  properties?: Record<string, unknown> | null;
}

@InputType('SimulateJourneyInput', {
  description:
    "What to simulate (a journey's draft, or a graph) for whom (a customer, or a profile) over which events.",
})
export class SimulateJourneyInput {
  @Field(() => ID, { nullable: true, description: 'The journey whose draft to simulate.' })
  journeyId?: string | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'A graph to simulate instead.' })
  graph?: Record<string, unknown> | null;

  @Field(() => ID, {
    nullable: true,
    description: 'A stored customer: their history before `start` counts.',
  })
  customerId?: string | null;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: 'Or a profile by hand: { traits, email, consent: { email: true } }.',
  })
  profile?: Record<string, unknown> | null;

  @Field(() => [SimulatedEventInput], { description: 'Events after `start`, in any order.' })
  events!: SimulatedEventInput[];

  @Field(() => Date, { nullable: true, description: 'When the simulation starts (default: now).' })
  start?: Date | null;

  @Field(() => String, {
    nullable: true,
    description: "IANA time zone (default: the customer's, else UTC).",
  })
  timeZone?: string | null;
}

@ObjectType('SimulationStep', { description: 'One step of a simulated path.' })
export class SimulationStepNode {
  @Field(() => String, { description: 'decide, action, wait, resume or exit.' })
  type!: string;

  @Field(() => String)
  nodeId!: string;

  @Field(() => Date)
  at!: Date;

  @Field(() => String, {
    nullable: true,
    description: 'The output taken (decisions, resumed waits).',
  })
  handle!: string | null;

  @Field(() => Date, { nullable: true, description: 'For a wait: when it ends at the latest.' })
  wakeAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'For an exit: why.' })
  reason!: string | null;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: 'For a decision: the evaluated rule tree.',
  })
  explanation!: Record<string, unknown> | null;
}

@ObjectType('SimulatedSend', {
  description: 'A message the journey would send, decided as at send time.',
})
export class SimulatedSendNode {
  @Field(() => String)
  nodeId!: string;

  @Field(() => String)
  channel!: string;

  @Field(() => Date)
  at!: Date;

  @Field(() => String, { description: 'send, defer (quiet hours) or skip.' })
  decision!: string;

  @Field(() => String, { nullable: true, description: 'Why it was skipped or deferred.' })
  reason!: string | null;

  @Field(() => Date, { nullable: true, description: 'When a deferred message goes out.' })
  deferredUntil!: Date | null;

  @Field(() => String, { nullable: true })
  subject!: string | null;

  @Field(() => String, { nullable: true })
  body!: string | null;

  @Field(() => [String], {
    description: 'Template variables the customer lacks (the send would fail).',
  })
  missingVariables!: string[];
}

@ObjectType('JourneySimulation')
export class JourneySimulationNode {
  @Field(() => Boolean)
  entered!: boolean;

  @Field(() => Date, { nullable: true })
  enteredAt!: Date | null;

  @Field(() => [SimulationStepNode])
  steps!: SimulationStepNode[];

  @Field(() => [SimulatedSendNode])
  sends!: SimulatedSendNode[];

  @Field(() => String, { nullable: true, description: 'waiting or exited, at the end.' })
  status!: string | null;

  @Field(() => String, { nullable: true, description: 'Where the customer is at the end.' })
  nodeId!: string | null;

  @Field(() => Date, { nullable: true })
  convertedAt!: Date | null;

  @Field(() => [JourneyProblemNode], { description: 'When the graph cannot run: its problems.' })
  problems!: JourneyProblemNode[];
}
