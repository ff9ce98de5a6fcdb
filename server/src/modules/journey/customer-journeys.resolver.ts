import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { CustomerNode } from '../customer/customer.type';
import { JourneyEnrollmentNode } from './journey-run.type';
import { JourneyRunsService } from './journey-runs.service';
import { enrollmentNode } from './journey-map';

@Resolver(() => CustomerNode)
export class CustomerJourneysResolver {
  @FieldResolver(() => [JourneyEnrollmentNode], {
    description: 'Its journeys, newest entry first, with the current step.',
  })
  async journeys(
    @Root() customer: CustomerNode,
    @Ctx() ctx: RequestContext,
  ): Promise<JourneyEnrollmentNode[]> {
    const rows = await ctx.loaders
      .keyed('journeyEnrollments', (ids) =>
        new JourneyRunsService(ctx.em, ctx.workspace).enrollmentsOf(ids),
      )
      .load(customer.id);
    return rows.map(enrollmentNode);
  }
}
