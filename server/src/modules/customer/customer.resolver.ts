import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { CustomerService } from './customer.service';
import { CustomerConnection, CustomerNode } from './customer.type';

const service = (ctx: RequestContext) => new CustomerService(ctx.em);

@Resolver(() => CustomerNode)
export class CustomerResolver {
  @Query(() => CustomerConnection, { description: 'Customers of the workspace, newest first.' })
  customers(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { defaultValue: 20, description: 'Page size, 1 to 100.' })
    first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('search', () => String, { nullable: true, description: 'Matches email or name.' })
    search: string | null,
  ): Promise<CustomerConnection> {
    return service(ctx).list({ first, after, search });
  }

  @Query(() => CustomerNode, {
    nullable: true,
    description: 'One customer by id; null when there is none.',
  })
  customer(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
  ): Promise<CustomerNode | null> {
    return service(ctx).get(id);
  }
}
