import { Field, Float, InputType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';

@InputType('ScoreRuleInput', { description: 'Points awarded while a rule holds for a lead.' })
export class ScoreRuleInput {
  @Field(() => String, { description: 'Unique within the model, 1 to 100 characters.' })
  id!: string;

  @Field(() => String)
  label!: string;

  @Field(() => String, { description: '"behavior" (what they did) or "fit" (who they are).' })
  kind!: string;

  @Field(() => Float, { description: 'Points while the rule holds; negative points subtract.' })
  points!: number;

  @Field(() => GraphQLJSONObject, {
    description: 'A rule document: { "version": 1, "root": { ... } }.',
  })
  rule!: Record<string, unknown>;
}

@InputType('ScoringModelInput', {
  description: 'A lead-scoring model as the editor saves it; each save is a new version.',
})
export class ScoringModelInput {
  @Field(() => String, {
    description:
      'The name rules and score_entries use (lower case letters, digits, "_", "-", "."); fixed after creation.',
  })
  key!: string;

  @Field(() => String, { description: '1 to 200 characters.' })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Score only the members of this segment (SMB, Enterprise); everyone when null.',
  })
  segmentId?: string | null;

  @Field(() => [ScoreRuleInput], { description: '1 to 100 rules.' })
  rules!: ScoreRuleInput[];

  @Field(() => Float, {
    nullable: true,
    description: 'Points halve after each this many days without an event; no decay when null.',
  })
  halfLifeDays?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Reaching this score marks the lead MQL (an event and a sales notification).',
  })
  mqlThreshold?: number | null;
}
