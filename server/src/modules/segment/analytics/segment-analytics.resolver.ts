import { Arg, Ctx, FieldResolver, Float, Int, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../../graphql/context';
import { SegmentNode } from '../segment.type';
import { dayRange, MAX_BOUNDARIES, MAX_HISTORY_DAYS, MAX_TOP } from './analytics-args';
import { SegmentCrossTab } from './cross-tab.type';
import { SegmentAnalyticsService } from './segment-analytics.service';
import { SegmentValue } from './segment-value.type';
import { SegmentSizePoint } from './size-history.type';

const analytics = (ctx: RequestContext) => new SegmentAnalyticsService(ctx.em, ctx.workspace);

/** Size over time, value and cross-tabs of a segment; a list of segments batches the first two. */
@Resolver(() => SegmentNode)
export class SegmentAnalyticsResolver {
  @FieldResolver(() => [SegmentSizePoint], {
    description: `The size at the end of each UTC day from \`from\` to \`to\` (both included, at most ${MAX_HISTORY_DAYS} days), from the entered/exited transitions; days without changes included.`,
  })
  sizeHistory(
    @Root() segment: SegmentNode,
    @Ctx() ctx: RequestContext,
    @Arg('from', () => String, { description: 'First day, YYYY-MM-DD (UTC).' }) from: string,
    @Arg('to', () => String, { description: 'Last day, YYYY-MM-DD (UTC).' }) to: string,
  ) {
    const range = dayRange(from, to);
    return ctx.loaders
      .keyed(`segmentSizeHistory:${from}:${to}`, (ids) => analytics(ctx).sizeHistories(ids, range))
      .load(segment.id);
  }

  @FieldResolver(() => SegmentValue, {
    description: 'Members, and what they bought per currency: revenue, averages, average CLV.',
  })
  value(
    @Root() segment: SegmentNode,
    @Ctx() ctx: RequestContext,
    @Arg('since', () => Date, {
      nullable: true,
      description: 'Count revenue, orders and buyers from this instant on; all time when omitted.',
    })
    since: Date | null,
  ) {
    return ctx.loaders
      .keyed(`segmentValue:${since?.toISOString() ?? ''}`, (ids) =>
        analytics(ctx).values(ids, since ?? null),
      )
      .load(segment.id);
  }

  @FieldResolver(() => SegmentCrossTab, {
    description:
      'The segment against a trait: members, customers, shares, representation index and revenue per bucket. String and boolean traits: one bucket per value; number traits: ranges.',
  })
  crossTab(
    @Root() segment: SegmentNode,
    @Ctx() ctx: RequestContext,
    @Arg('path', () => String, { description: 'A trait path, as in rules: `traits.country`.' })
    path: string,
    @Arg('top', () => Int, {
      defaultValue: 10,
      description: `Values shown one by one (1 to ${MAX_TOP}); the rest make "other".`,
    })
    top: number,
    @Arg('boundaries', () => [Float], {
      nullable: true,
      description: `Number ranges: 1 to ${MAX_BOUNDARIES} ascending bounds, each the included start of a range. Omitted: quintiles of all customers' values for a number trait, values otherwise.`,
    })
    boundaries: number[] | null,
  ) {
    return analytics(ctx).crossTab(segment.id, { path, top, boundaries: boundaries ?? null });
  }
}
