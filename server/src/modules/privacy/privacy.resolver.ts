import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import type { RequestContext } from '../../graphql/context';
import type { CustomerExport } from './customer-export';
import { PrivacyService } from './privacy.service';
import { EraseCustomerPayload } from './privacy.type';

const service = (ctx: RequestContext) => new PrivacyService(ctx.em, ctx.workspace);

@Resolver()
export class PrivacyResolver {
  @Query(() => GraphQLJSONObject, {
    description:
      'Everything held about one customer (profile, traits, identities, events, orders, consent, scores, segment memberships, merges) as one JSON document, for a GDPR/CCPA access or portability request.',
  })
  exportCustomerData(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
  ): Promise<CustomerExport> {
    return service(ctx).exportCustomerData(id);
  }

  @Mutation(() => EraseCustomerPayload, {
    description:
      "Erases a customer (GDPR/CCPA): profile, identities, events, orders, consent, scores, memberships, merge records and the person's values in the catalog, in one transaction. Only hashed tombstones of the identifiers remain.",
  })
  async eraseCustomer(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
  ): Promise<EraseCustomerPayload> {
    return { customerId: id, ...(await service(ctx).eraseCustomer(id)) };
  }
}
