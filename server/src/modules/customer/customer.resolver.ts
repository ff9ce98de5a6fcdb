import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { InputProblem } from '../../graphql/problem.type';
import { CustomerInput } from './customer.input';
import { CustomerService } from './customer.service';
import {
  CustomerConnection,
  CustomerNode,
  UpsertCustomersPayload,
  UpsertStatus,
} from './customer.type';

const service = (ctx: RequestContext) => new CustomerService(ctx.em, ctx.workspace);

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

  @Mutation(() => UpsertCustomersPayload, {
    description: 'Creates or updates up to 1,000 customers; one result per item.',
  })
  async upsertCustomers(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => [CustomerInput]) input: CustomerInput[],
  ): Promise<UpsertCustomersPayload> {
    const outcomes = await service(ctx).upsert(input);
    const count = (status: UpsertStatus) => outcomes.filter((o) => o.status === status).length;
    return {
      results: outcomes.map((o) => ({
        index: o.index,
        status: UpsertStatus[o.status],
        customer: o.status === 'FAILED' ? null : o.customer,
        problems: o.status === 'FAILED' ? o.problems.map(InputProblem.of) : [],
      })),
      created: count(UpsertStatus.CREATED),
      updated: count(UpsertStatus.UPDATED),
      unchanged: count(UpsertStatus.UNCHANGED),
      failed: count(UpsertStatus.FAILED),
    };
  }
}
