import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';

@ObjectType('KpiValue', {
  description: 'A KPI for one period, with its status against the target.',
})
export class KpiValueNode {
  @Field(() => String)
  kpiId!: string;

  @Field(() => Float, {
    nullable: true,
    description: 'Null when a metric is missing or a denominator is 0.',
  })
  value!: number | null;

  @Field(() => String)
  unit!: string;

  @Field(() => String)
  direction!: string;

  @Field(() => Float, { nullable: true })
  target!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'onTarget, offTarget or noData; null without a target.',
  })
  status!: string | null;
}

@ObjectType('KpiBucket', { description: 'One bucket of a KPI series.' })
export class KpiBucketNode {
  @Field(() => String, { description: 'The first local date of the bucket, YYYY-MM-DD.' })
  label!: string;

  @Field(() => Date)
  start!: Date;

  @Field(() => Date)
  end!: Date;

  @Field(() => GraphQLJSONObject, { description: 'The base metrics computed for the scope.' })
  metrics!: Record<string, number>;

  @Field(() => [KpiValueNode])
  values!: KpiValueNode[];
}

@ObjectType('KpiAlert', { description: 'A campaign KPI that went off target or came back.' })
export class KpiAlertNode {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  kpiId!: string;

  @Field(() => String, { description: 'wentOffTarget or backOnTarget.' })
  kind!: string;

  @Field(() => Float, { nullable: true })
  value!: number | null;

  @Field(() => Float)
  target!: number;

  @Field(() => Date)
  at!: Date;
}

@ObjectType('ExperimentArm', { description: 'Exposures and conversions of one arm.' })
export class ExperimentArmNode {
  @Field(() => String)
  id!: string;

  @Field(() => Int)
  exposures!: number;

  @Field(() => Int)
  conversions!: number;
}

@ObjectType('ExperimentResult', { description: 'Arms of a random split and the winner decision.' })
export class ExperimentResultNode {
  @Field(() => [ExperimentArmNode])
  arms!: ExperimentArmNode[];

  @Field(() => String, { description: 'noData, sampleNotReached, notSignificant or winner.' })
  kind!: string;

  @Field(() => String)
  message!: string;

  @Field(() => String, { nullable: true })
  winnerId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The peeking warning before the planned sample.',
  })
  warning!: string | null;

  @Field(() => GraphQLJSONObject, {
    description: 'Comparisons: rates, uplift, intervals, z, p-values.',
  })
  decision!: Record<string, unknown>;
}
