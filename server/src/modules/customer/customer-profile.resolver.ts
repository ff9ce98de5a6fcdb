import { CustomerSegmentNode } from '../segment/segment.type';
import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { ConsentRecordNode } from './consent.type';
import { EventPageArgs } from './customer-events.input';
import { readEventPageArgs } from './customer-events.service';
import { EventConnection } from './customer-events.type';
import { CustomerMergeNode } from './customer-merge.type';
import { CustomerNode } from './customer.type';
import { IdentityNode } from './identity.type';
import { OrderNode } from './order.type';
import { ScoreNode } from './score.type';

/**
 * The Customer 360: a profile's identities, timeline, orders, consent, scores, segments and merges.
 * Each field goes through the request's loaders, so a list of customers costs one query per field.
 */
@Resolver(() => CustomerNode)
export class CustomerProfileResolver {
  @FieldResolver(() => [IdentityNode], { description: 'Its identifiers, oldest first.' })
  identities(@Root() customer: CustomerNode, @Ctx() ctx: RequestContext): Promise<IdentityNode[]> {
    return ctx.loaders.list('identities').load(customer.id);
  }

  @FieldResolver(() => EventConnection, { description: 'Its events, newest first.' })
  async events(
    @Root() customer: CustomerNode,
    @Ctx() ctx: RequestContext,
    @Args(() => EventPageArgs) args: EventPageArgs,
  ): Promise<EventConnection> {
    const query = readEventPageArgs(args);
    const page = await ctx.loaders.eventPages(query).load(customer.id);
    return new EventConnection(page, () => ctx.loaders.eventCounts(query.filter).load(customer.id));
  }

  @FieldResolver(() => [OrderNode], { description: 'Its orders, newest first.' })
  orders(@Root() customer: CustomerNode, @Ctx() ctx: RequestContext): Promise<OrderNode[]> {
    return ctx.loaders.list('orders').load(customer.id);
  }

  @FieldResolver(() => [ConsentRecordNode], {
    description: 'The current consent per channel (its latest record), by channel.',
  })
  consent(
    @Root() customer: CustomerNode,
    @Ctx() ctx: RequestContext,
  ): Promise<ConsentRecordNode[]> {
    return ctx.loaders.list('consent').load(customer.id);
  }

  @FieldResolver(() => [ConsentRecordNode], { description: 'Every consent record, newest first.' })
  consentHistory(
    @Root() customer: CustomerNode,
    @Ctx() ctx: RequestContext,
  ): Promise<ConsentRecordNode[]> {
    return ctx.loaders.list('consentHistory').load(customer.id);
  }

  @FieldResolver(() => [ScoreNode], {
    description: 'The current value of each score model, by model.',
  })
  scores(@Root() customer: CustomerNode, @Ctx() ctx: RequestContext): Promise<ScoreNode[]> {
    return ctx.loaders.list('scores').load(customer.id);
  }

  @FieldResolver(() => [CustomerSegmentNode], {
    description: 'The segments it is in now, with when it entered.',
  })
  segments(
    @Root() customer: CustomerNode,
    @Ctx() ctx: RequestContext,
  ): Promise<CustomerSegmentNode[]> {
    return ctx.loaders.list('segmentMemberships').load(customer.id);
  }

  @FieldResolver(() => [CustomerMergeNode], {
    description: 'The profiles merged into it, newest first.',
  })
  merges(@Root() customer: CustomerNode, @Ctx() ctx: RequestContext): Promise<CustomerMergeNode[]> {
    return ctx.loaders.list('merges').load(customer.id);
  }
}
