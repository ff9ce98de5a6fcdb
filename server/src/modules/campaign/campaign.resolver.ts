import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { CampaignInput, CampaignSpendInput } from './campaign.input';
import { CampaignService } from './campaign.service';
import { CampaignNode, CampaignSpendNode } from './campaign.type';

const campaigns = (ctx: RequestContext) => new CampaignService(ctx.em, ctx.workspace);

@Resolver(() => CampaignNode)
export class CampaignResolver {
  @Query(() => [CampaignNode], { description: 'The campaigns, newest start first.' })
  campaigns(
    @Ctx() ctx: RequestContext,
    @Arg('includeArchived', () => Boolean, { defaultValue: false }) includeArchived: boolean,
  ) {
    return campaigns(ctx).list(includeArchived);
  }

  @Query(() => CampaignNode, {
    nullable: true,
    description: 'One campaign; null when there is none.',
  })
  campaign(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return campaigns(ctx).get(id);
  }

  @Mutation(() => CampaignNode, { description: 'Creates a campaign.' })
  createCampaign(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CampaignInput) input: CampaignInput,
  ) {
    return campaigns(ctx).save(undefined, input);
  }

  @Mutation(() => CampaignNode, { description: 'Saves a campaign’s fields.' })
  updateCampaign(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => CampaignInput) input: CampaignInput,
  ) {
    return campaigns(ctx).save(id, input);
  }

  @Mutation(() => CampaignNode, {
    description: 'Archives a campaign: events stop being attributed.',
  })
  archiveCampaign(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return campaigns(ctx).archive(id);
  }

  @Mutation(() => [CampaignSpendNode], {
    description:
      'Sets the spend of days and channels (replacing earlier entries); returns all spend.',
  })
  setCampaignSpend(
    @Ctx() ctx: RequestContext,
    @Arg('campaignId', () => ID) campaignId: string,
    @Arg('entries', () => [CampaignSpendInput]) entries: CampaignSpendInput[],
  ) {
    return campaigns(ctx).setSpend(campaignId, entries);
  }

  @FieldResolver(() => [CampaignSpendNode], { description: 'Spend per day and channel, by day.' })
  spend(@Root() campaign: CampaignNode, @Ctx() ctx: RequestContext) {
    return ctx.loaders
      .keyed('campaignSpend', (ids) => campaigns(ctx).spendOf(ids))
      .load(campaign.id);
  }
}
