import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { RuleProblemNode } from '../../graphql/rule-problem.type';

@ObjectType('ScoreRule', { description: 'Points awarded while a rule holds.' })
export class ScoreRuleNode {
  @Field(() => String)
  id!: string;

  @Field(() => String)
  label!: string;

  @Field(() => String, { description: '"behavior" or "fit".' })
  kind!: string;

  @Field(() => Float)
  points!: number;

  @Field(() => GraphQLJSONObject)
  rule!: Record<string, unknown>;
}

@ObjectType('ScoringModel', {
  description: 'A lead-scoring model: rules that award points, decay and an MQL threshold.',
})
export class ScoringModelNode {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'The model name rules read with `score` conditions.' })
  key!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  segmentId!: string | null;

  @Field(() => [ScoreRuleNode])
  rules!: ScoreRuleNode[];

  @Field(() => Float, { nullable: true })
  halfLifeDays!: number | null;

  @Field(() => Float, { nullable: true })
  mqlThreshold!: number | null;

  @Field(() => Int)
  version!: number;

  @Field(() => Date, { nullable: true })
  archivedAt!: Date | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;
}

@ObjectType('ScoringModelPayload', {
  description: 'The saved model, or the problems that blocked saving (each with its path).',
})
export class ScoringModelPayload {
  @Field(() => ScoringModelNode, { nullable: true })
  model!: ScoringModelNode | null;

  @Field(() => [RuleProblemNode], {
    description: 'Blocking problems; paths start at input.rules.<i>.rule.',
  })
  problems!: RuleProblemNode[];

  @Field(() => [RuleProblemNode], { description: 'Unseen traits or events (saved anyway).' })
  warnings!: RuleProblemNode[];
}

@ObjectType('ScorePoint', {
  description: "One entry of a score's history: the value from `at` on.",
})
export class ScorePointNode {
  @Field(() => Date)
  at!: Date;

  @Field(() => Float)
  value!: number;
}

@ObjectType('ScoreChange', {
  description: 'A score over a window: at its start, at its end, the change.',
})
export class ScoreChangeNode {
  @Field(() => Float)
  from!: number;

  @Field(() => Float)
  to!: number;

  @Field(() => Float)
  change!: number;
}

@ObjectType('LeadNotification', { description: 'A lead that became MQL, for sales.' })
export class LeadNotificationNode {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  customerId!: string;

  @Field(() => String)
  model!: string;

  @Field(() => Float)
  score!: number;

  @Field(() => Float)
  threshold!: number;

  @Field(() => Date)
  at!: Date;

  @Field(() => Date, { nullable: true })
  acknowledgedAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When sales accepted the lead as sales-qualified (acceptLeadNotification).',
  })
  acceptedAt!: Date | null;
}
