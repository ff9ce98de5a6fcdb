import { Field, Float, ID, ObjectType } from 'type-graphql';

@ObjectType('CampaignTarget', { description: 'A KPI target of a campaign.' })
export class CampaignTargetNode {
  @Field(() => String)
  kpiId!: string;

  @Field(() => Float)
  value!: number;

  @Field(() => Float, { nullable: true })
  tolerance!: number | null;

  @Field(() => String, { nullable: true })
  toleranceKind!: string | null;
}

@ObjectType('CampaignSpend', { description: "A day's spend on one channel." })
export class CampaignSpendNode {
  @Field(() => String)
  day!: string;

  @Field(() => String)
  channel!: string;

  @Field(() => Float)
  amount!: number;
}

@ObjectType('Campaign', {
  description: 'A campaign: objective, channels, budget, spend, links, targets.',
})
export class CampaignNode {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  objective!: string;

  @Field(() => [String])
  channels!: string[];

  @Field(() => Float, { nullable: true })
  budget!: number | null;

  @Field(() => String, { nullable: true })
  utmCampaign!: string | null;

  @Field(() => [ID])
  journeyIds!: string[];

  @Field(() => [ID])
  segmentIds!: string[];

  @Field(() => [CampaignTargetNode])
  targets!: CampaignTargetNode[];

  @Field(() => Date)
  startsAt!: Date;

  @Field(() => Date, { nullable: true })
  endsAt!: Date | null;

  @Field(() => Date, { nullable: true })
  archivedAt!: Date | null;
}
