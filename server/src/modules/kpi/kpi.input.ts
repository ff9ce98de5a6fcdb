import { Field, ID, InputType } from 'type-graphql';

@InputType('KpiScopeInput', {
  description:
    'What a KPI series is for: kind campaign (campaignId), journey (journeyId), journeyNode (journeyId, nodeId), segment (segmentId), channel (channel) or experimentArm (journeyId, nodeId, arm).',
})
export class KpiScopeInput {
  @Field(() => String)
  kind!: string;

  @Field(() => ID, { nullable: true })
  campaignId?: string | null;

  @Field(() => ID, { nullable: true })
  journeyId?: string | null;

  @Field(() => String, { nullable: true })
  nodeId?: string | null;

  @Field(() => ID, { nullable: true })
  segmentId?: string | null;

  @Field(() => String, { nullable: true })
  channel?: string | null;

  @Field(() => String, { nullable: true, description: 'The handle taken at a random split.' })
  arm?: string | null;
}
