import { Field, Float, ID, InputType } from 'type-graphql';

@InputType('CampaignTargetInput', { description: 'A target for one built-in KPI of a campaign.' })
export class CampaignTargetInput {
  @Field(() => String, { description: 'A built-in KPI id, e.g. "conversionRate" or "cac".' })
  kpiId!: string;

  @Field(() => Float, { description: "In the KPI's unit (rates in percent)." })
  value!: number;

  @Field(() => Float, { nullable: true, description: 'How far on the wrong side still counts.' })
  tolerance?: number | null;

  @Field(() => String, { nullable: true, description: '"absolute" (default) or "relative".' })
  toleranceKind?: string | null;
}

@InputType('CampaignInput', { description: 'A campaign as the planner saves it.' })
export class CampaignInput {
  @Field(() => String, { description: '1 to 200 characters.' })
  name!: string;

  @Field(() => String, {
    description: 'awareness, acquisition, nurture, retention or reactivation.',
  })
  objective!: string;

  @Field(() => [String], { description: 'Channels it runs on (email, sms, cpc, social…).' })
  channels!: string[];

  @Field(() => Float, { nullable: true })
  budget?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Events with this `utm_campaign` property are attributed to the campaign.',
  })
  utmCampaign?: string | null;

  @Field(() => [ID], { defaultValue: [] })
  journeyIds!: string[];

  @Field(() => [ID], { defaultValue: [] })
  segmentIds!: string[];

  @Field(() => [CampaignTargetInput], { defaultValue: [] })
  targets!: CampaignTargetInput[];

  @Field(() => Date)
  startsAt!: Date;

  @Field(() => Date, { nullable: true })
  endsAt?: Date | null;
}

@InputType('CampaignSpendInput', { description: "A day's spend on one channel (replaces it)." })
export class CampaignSpendInput {
  @Field(() => String, { description: 'The local date, YYYY-MM-DD.' })
  day!: string;

  @Field(() => String)
  channel!: string;

  @Field(() => Float, { description: '0 or more, in the workspace currency.' })
  amount!: number;
}
