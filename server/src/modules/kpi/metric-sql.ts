import { assertUnreachable, BASE_METRICS, type BaseMetricId, type TimeBucket } from '@cairn/schema';
import { Campaign } from '../../db/entities';
import type { Em } from '../../db/orm';
import { dialectOf } from '../../rules/rule-query';
import { join, raw, sql, type Fragment } from '../../rules/sql-fragment';
import type { SqlDialect } from '../../rules/sql-dialect';
import { money, numberOf, paramList, selectRows } from '../segment/analytics/analytics-sql';
import { ORDER_COMPLETED } from '../ingestion/order-event';
import type { KpiScope } from './kpi-scope';

/** A bucket with the first local date of the next one (spend days are compared as labels). */
export interface SqlBucket extends TimeBucket {
  readonly nextLabel: string;
}

/** Base metric values per bucket index; a metric the scope does not compute is absent. */
export type BucketMetrics = Array<Partial<Record<BaseMetricId, number>>>;

/** One aggregate query: `FROM b JOIN <source> ... GROUP BY b.i` and the metrics it yields. */
interface MetricQuery {
  readonly select: Readonly<Partial<Record<BaseMetricId, string>>>;
  readonly from: Fragment;
}

/**
 * The buckets as a common table `b(i, s, e, d0, d1)`: index, [start, end) instants and the local
 * date labels [d0, d1). Joining a source on `s <= at < e` buckets exactly as `bucketsBetween`
 * defines (time zones, DST), on both engines, with an index range scan per bucket.
 */
function bucketTable(d: SqlDialect, buckets: readonly SqlBucket[]): Fragment {
  const rows = buckets.map(
    (b, i) =>
      sql`(CAST(${i} AS integer), ${d.instantParam(b.start)}, ${d.instantParam(b.end)}, CAST(${b.label} AS varchar(10)), CAST(${b.nextLabel} AS varchar(10)))`,
  );
  return sql`WITH b(i, s, e, d0, d1) AS (VALUES ${join(rows, ', ')})`;
}

const inBucket = (column: string) => raw(`${column} >= b.s AND ${column} < b.e`);

/** Touches of campaigns: who came, who ordered, what they spent. */
function touchQuery(where: Fragment): MetricQuery {
  return {
    select: {
      entered: 'count(DISTINCT t.customer_id)',
      conversions: `count(DISTINCT CASE WHEN t.name = '${ORDER_COMPLETED}' THEN t.customer_id END)`,
      buyers: `count(DISTINCT CASE WHEN t.name = '${ORDER_COMPLETED}' THEN t.customer_id END)`,
      orders: `sum(CASE WHEN t.name = '${ORDER_COMPLETED}' THEN 1 ELSE 0 END)`,
      revenue: 'sum(t.amount)',
    },
    from: sql`campaign_touches t ON ${where} AND ${inBucket('t.occurred_at')}`,
  };
}

function sentQuery(where: Fragment): MetricQuery {
  return {
    select: { sent: 'count(*)' },
    from: sql`outbox_messages o ON ${where} AND o.status = 'sent' AND ${inBucket('o.sent_at')}`,
  };
}

/** Steps at a node (or by an arm of it) and the conversions of those enrollments after the step. */
function stepQuery(where: Fragment): MetricQuery {
  return {
    select: {
      entered: 'count(DISTINCT en.customer_id)',
      conversions: 'count(DISTINCT CASE WHEN en.converted_at >= st.at THEN en.customer_id END)',
    },
    from: sql`journey_steps st ON ${where} AND ${inBucket('st.at')}
      JOIN journey_enrollments en ON en.id = st.enrollment_id`,
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
          from: sql`campaign_spend sp ON sp.workspace_id = ${ws} AND sp.campaign_id = ${scope.campaignId} AND sp.day >= b.d0 AND sp.day < b.d1`,
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
          from: sql`journey_enrollments en ON en.workspace_id = ${ws} AND en.journey_id = ${scope.journeyId} AND ${inBucket('en.entered_at')}`,
        },
        {
          select: { conversions: 'count(DISTINCT cv.customer_id)' },
          from: sql`journey_enrollments cv ON cv.workspace_id = ${ws} AND cv.journey_id = ${scope.journeyId} AND ${inBucket('cv.converted_at')}`,
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
          from: sql`segment_transitions tr ON tr.workspace_id = ${ws} AND tr.segment_id = ${scope.segmentId} AND ${inBucket('tr.at')}`,
        },
        {
          select: {
            orders: 'count(*)',
            revenue: 'sum(od.amount)',
            buyers: 'count(DISTINCT od.customer_id)',
          },
          from: sql`orders od ON od.workspace_id = ${ws} AND ${inBucket('od.occurred_at')}
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
  const d = dialectOf(em);
  const table = bucketTable(d, buckets);
  for (const q of await queriesFor(em, workspaceId, scope)) {
    const metrics = Object.entries(q.select) as Array<[BaseMetricId, string]>;
    for (const row of result) for (const [id] of metrics) row[id] = 0;
    const columns = metrics.map(
      ([id, expr]) => `${expr} AS ${JSON.stringify(id.replace('.', '_'))}`,
    );
    const rows = await selectRows(
      em,
      sql`${table} SELECT b.i AS i, ${raw(columns.join(', '))} FROM b JOIN ${q.from} GROUP BY b.i`,
    );
    for (const row of rows) {
      const target = result[Number(row['i'])];
      if (!target) continue;
      for (const [id] of metrics) {
        const value = numberOf(row[id.replace('.', '_')]);
        target[id] = BASE_METRICS[id].unit === 'currency' ? money(value) : value;
      }
    }
  }
  return result;
}
