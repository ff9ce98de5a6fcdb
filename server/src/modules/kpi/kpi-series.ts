import {
  bucketOf,
  bucketsBetween,
  computeKpi,
  type BucketUnit,
  type KpiDefinition,
  type KpiTarget,
  type KpiValue,
  type MetricValues,
} from '@cairn/schema';
import type { Em } from '../../db/orm';
import { CairnError } from '../../errors/cairn-error';
import type { KpiScope } from './kpi-scope';
import { bucketMetrics, type SqlBucket } from './metric-sql';

/** More buckets than this in one request is refused (three years of days). */
export const MAX_SERIES_BUCKETS = 1_100;

export interface KpiSeriesRequest {
  readonly scope: KpiScope;
  readonly kpis: readonly KpiDefinition[];
  readonly from: number;
  readonly to: number;
  readonly unit: BucketUnit;
  readonly timeZone: string;
  /** Targets by KPI id; each value then carries its status. */
  readonly targets?: ReadonlyMap<string, KpiTarget>;
}

export interface KpiSeriesPoint {
  readonly label: string;
  readonly start: number;
  readonly end: number;
  readonly metrics: MetricValues;
  readonly values: readonly KpiValue[];
}

/** The buckets of a range with the label of the bucket after each (spend is kept by local date). */
export function sqlBuckets(
  from: number,
  to: number,
  unit: BucketUnit,
  timeZone: string,
): SqlBucket[] {
  let buckets;
  try {
    buckets = bucketsBetween(from, to, unit, timeZone);
  } catch (error) {
    throw CairnError.badInput(['to'], error instanceof Error ? error.message : String(error));
  }
  if (buckets.length > MAX_SERIES_BUCKETS)
    throw CairnError.badInput(
      ['unit'],
      `${buckets.length} buckets are more than ${MAX_SERIES_BUCKETS}; use a coarser unit or a shorter range.`,
    );
  return buckets.map((b) => ({ ...b, nextLabel: bucketOf(b.end, unit, timeZone).label }));
}

/**
 * A KPI series: the base metrics of the scope per bucket (day, ISO week or month in the time
 * zone, as `bucketsBetween` defines them), computed in SQL, then each KPI's formula per bucket
 * with its status against its target.
 */
export async function kpiSeries(
  em: Em,
  workspaceId: string,
  request: KpiSeriesRequest,
): Promise<KpiSeriesPoint[]> {
  const buckets = sqlBuckets(request.from, request.to, request.unit, request.timeZone);
  const metrics = await bucketMetrics(em, workspaceId, request.scope, buckets);
  return buckets.map((b, i) => ({
    label: b.label,
    start: b.start,
    end: b.end,
    metrics: metrics[i]!,
    values: request.kpis.map((k) => computeKpi(k, metrics[i]!, request.targets?.get(k.id))),
  }));
}
