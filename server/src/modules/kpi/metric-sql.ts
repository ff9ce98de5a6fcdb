import { assertUnreachable, BASE_METRICS, type BaseMetricId, type TimeBucket } from '@cairn/schema';
import { Campaign } from '../../db/entities';
import type { Em } from '../../db/orm';
import { dialectOf } from '../../rules/rule-query';
import { join, raw, sql, type Fragment } from '../../rules/sql-fragment';
import { postgresDialect } from '../../rules/postgres-dialect';
import { money, numberOf, paramList, selectRows } from '../segment/analytics/analytics-sql';
import { ORDER_COMPLETED } from '../ingestion/order-event';
import type { KpiScope } from './kpi-scope';

/** A bucket with the first local date of the next one (spend days are compared as labels). */
export interface SqlBucket extends TimeBucket {
  readonly nextLabel: string;
}

/** Base metric values per bucket index; a metric the scope does not compute is absent. */
export type BucketMetrics = Array<Partial<Record<BaseMetricId, number>>>;

/** One aggregate over a source per bucket: the metrics it yields, its tables, its condition. */
interface MetricQuery {
  readonly select: Readonly<Partial<Record<BaseMetricId, string>>>;
  readonly source: Fragment;
  /** Reads the bucket's `b.s`, `b.e` (instants) or `b.d0`, `b.d1` (local dates). */
  readonly where: Fragment;
  /** Metrics equal by definition to one the query computes (copied, not counted twice). */
  readonly same?: Readonly<Partial<Record<BaseMetricId, BaseMetricId>>>;
}

/**
 * The buckets as a common table `b(i, s, e, d0, d1)`: index, [start, end) instants and the local
 * date labels [d0, d1). Joining a source on `s <= at < e` buckets exactly as `bucketsBetween`
 * defines (time zones, DST), on both engines, with an index range scan per bucket.
 */
function bucketTable(em: Em, buckets: readonly SqlBucket[]): Fragment {
  if (dialectOf(em) === postgresDialect) {
    // Five array parameters instead of five per bucket: one plan, whatever the series length.
    const list = (values: ReadonlyArray<string | number>) => `{${values.join(',')}}`;
    return sql`WITH b(i, s, e, d0, d1) AS (SELECT u.i, to_timestamp(u.s / 1000), to_timestamp(u.e / 1000), u.d0, u.d1
      FROM unnest(CAST(${list(buckets.map((_, i) => i))} AS integer[]), CAST(${list(buckets.map((b) => b.start))} AS float8[]),
        CAST(${list(buckets.map((b) => b.end))} AS float8[]), CAST(${list(buckets.map((b) => b.label))} AS text[]),
        CAST(${list(buckets.map((b) => b.nextLabel))} AS text[])) AS u(i, s, e, d0, d1))`;
  }
  const rows = buckets.map((b, i) => sql`(${i}, ${b.start}, ${b.end}, ${b.label}, ${b.nextLabel})`);
  return sql`WITH b(i, s, e, d0, d1) AS (VALUES ${join(rows, ', ')})`;
}

/**
 * The per-bucket aggregate. PostgreSQL aggregates each bucket in a LATERAL subquery (an index
 * range scan and a small sort per bucket, instead of one sort of the whole year for the
 * DISTINCT counts); SQLite, which has no LATERAL, joins and groups.
 */
function aggregate(em: Em, table: Fragment, q: MetricQuery, columns: string): Fragment {
  return dialectOf(em) === postgresDialect
    ? sql`${table} SELECT b.i AS i, x.* FROM b CROSS JOIN LATERAL (SELECT ${raw(columns)} FROM ${q.source} WHERE ${q.where}) x`
    : sql`${table} SELECT b.i AS i, ${raw(columns)} FROM b, ${q.source} WHERE ${q.where} GROUP BY b.i`;
}

const inBucket = (column: string) => raw(`${column} >= b.s AND ${column} < b.e`);

/** Touches of campaigns: who came, who ordered, what they spent. */
function touchQuery(where: Fragment): MetricQuery {
  return {
    select: {
      entered: 'count(DISTINCT t.customer_id)',
      conversions: `count(DISTINCT CASE WHEN t.name = '${ORDER_COMPLETED}' THEN t.customer_id END)`,
      orders: `sum(CASE WHEN t.name = '${ORDER_COMPLETED}' THEN 1 ELSE 0 END)`,
      revenue: 'sum(t.amount)',
    },
    same: { buyers: 'conversions' },
    source: raw('campaign_touches t'),
    where: sql`${where} AND ${inBucket('t.occurred_at')}`,
  };
}

function sentQuery(where: Fragment): MetricQuery {
  return {
    select: { sent: 'count(*)' },
    source: raw('outbox_messages o'),
    where: sql`${where} AND o.status = 'sent' AND ${inBucket('o.sent_at')}`,
  };
}

/** Steps at a node (or by an arm of it) and the conversions of those enrollments after the step. */
function stepQuery(where: Fragment): MetricQuery {
  return {
    select: {
      entered: 'count(DISTINCT en.customer_id)',
      conversions: 'count(DISTINCT CASE WHEN en.converted_at >= st.at THEN en.customer_id END)',
    },
    source: raw('journey_steps st JOIN journey_enrollments en ON en.id = st.enrollment_id'),
    where: sql`${where} AND ${inBucket('st.at')}`,
  };
}

const REACHED = raw(`('decide', 'action', 'wait', 'exit')`);

async function queriesFor(em: Em, workspaceId: string, scope: KpiScope): Promise<MetricQuery[]> {
  const ws = sql`${workspaceId}`;
  switch (scope.kind) {
    case 'campaign': {
      const campaign = await em.findOne(
        Campaign,
        { id: scope.campaignId },
        { fields: ['journeyIds'] },
      );
      const journeys = campaign?.journeyIds ?? [];
      return [
        touchQuery(sql`t.workspace_id = ${ws} AND t.campaign_id = ${scope.campaignId}`),
        {
          select: { spend: 'sum(sp.amount)' },
          source: raw('campaign_spend sp'),
          where: sql`sp.workspace_id = ${ws} AND sp.campaign_id = ${scope.campaignId} AND sp.day >= b.d0 AND sp.day < b.d1`,
        },
        ...(journeys.length > 0
          ? [sentQuery(sql`o.workspace_id = ${ws} AND o.journey_id IN (${paramList(journeys)})`)]
          : []),
      ];
    }
    case 'journey':
      return [
        {
          select: { entered: 'count(DISTINCT en.customer_id)' },
          source: raw('journey_enrollments en'),
          where: sql`en.workspace_id = ${ws} AND en.journey_id = ${scope.journeyId} AND ${inBucket('en.entered_at')}`,
        },
        {
          select: { conversions: 'count(DISTINCT cv.customer_id)' },
          source: raw('journey_enrollments cv'),
          where: sql`cv.workspace_id = ${ws} AND cv.journey_id = ${scope.journeyId} AND ${inBucket('cv.converted_at')}`,
        },
        sentQuery(sql`o.workspace_id = ${ws} AND o.journey_id = ${scope.journeyId}`),
      ];
    case 'journeyNode':
      return [
        stepQuery(
          sql`st.workspace_id = ${ws} AND st.journey_id = ${scope.journeyId} AND st.node_id = ${scope.nodeId} AND st.kind IN ${REACHED}`,
        ),
        sentQuery(
          sql`o.workspace_id = ${ws} AND o.journey_id = ${scope.journeyId} AND o.node_id = ${scope.nodeId}`,
        ),
      ];
    case 'experimentArm':
      return [
        stepQuery(
          sql`st.workspace_id = ${ws} AND st.journey_id = ${scope.journeyId} AND st.node_id = ${scope.nodeId} AND st.kind = 'decide' AND st.handle = ${scope.arm}`,
        ),
      ];
    case 'segment':
      return [
        {
          select: {
            entered: `count(DISTINCT CASE WHEN tr.kind = 'entered' THEN tr.customer_id END)`,
          },
          source: raw('segment_transitions tr'),
          where: sql`tr.workspace_id = ${ws} AND tr.segment_id = ${scope.segmentId} AND ${inBucket('tr.at')}`,
        },
        {
          select: {
            orders: 'count(*)',
            revenue: 'sum(od.amount)',
            buyers: 'count(DISTINCT od.customer_id)',
          },
          source: raw('orders od'),
          where: sql`od.workspace_id = ${ws} AND ${inBucket('od.occurred_at')}
            AND od.customer_id IN (SELECT m.customer_id FROM segment_memberships m WHERE m.segment_id = ${scope.segmentId})`,
        },
      ];
    case 'channel':
      return [
        touchQuery(sql`t.workspace_id = ${ws} AND t.channel = ${scope.channel}`),
        sentQuery(sql`o.workspace_id = ${ws} AND o.channel = ${scope.channel}`),
      ];
    default:
      return assertUnreachable(scope);
  }
}

/**
 * The base metrics of a scope for every bucket, in SQL: one grouped query per source (touches,
 * spend, outbox, steps, enrollments, transitions, orders). A bucket without rows gets 0 for
 * every metric the scope computes (a real 0); metrics it does not compute stay missing.
 * `periodDays` is the bucket's length in days (23-hour days count 23/24).
 */
export async function bucketMetrics(
  em: Em,
  workspaceId: string,
  scope: KpiScope,
  buckets: readonly SqlBucket[],
): Promise<BucketMetrics> {
  const result: BucketMetrics = buckets.map((b) => ({
    periodDays: (b.end - b.start) / 86_400_000,
  }));
  if (buckets.length === 0) return result;
  const table = bucketTable(em, buckets);
  for (const q of await queriesFor(em, workspaceId, scope)) {
    const metrics = Object.entries(q.select) as Array<[BaseMetricId, string]>;
    for (const row of result)
      for (const id of [...metrics.map(([m]) => m), ...Object.keys(q.same ?? {})])
        row[id as BaseMetricId] = 0;
    const columns = metrics.map(
      ([id, expr]) => `${expr} AS ${JSON.stringify(id.replace('.', '_'))}`,
    );
    const query = aggregate(em, table, q, columns.join(', '));
    const rows = await selectRows(em, query);
    for (const row of rows) {
      const target = result[Number(row['i'])];
      if (!target) continue;
      for (const [id] of metrics) {
        const value = numberOf(row[id.replace('.', '_')]);
        target[id] = BASE_METRICS[id].unit === 'currency' ? money(value) : value;
      }
      for (const [copy, of] of Object.entries(q.same ?? {}) as Array<[BaseMetricId, BaseMetricId]>)
        target[copy] = target[of]!;
    }
  }
  return result;
}
