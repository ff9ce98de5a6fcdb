import {
  ACTIVE_CUSTOMER_DAYS,
  BASE_METRICS,
  type BaseMetricId,
  type TimeBucket,
} from '@cairn/schema';
import type { Em } from '../../db/orm';
import { dialectOf } from '../../rules/rule-query';
import { join, raw, sql, type Fragment } from '../../rules/sql-fragment';
import { postgresDialect } from '../../rules/postgres-dialect';
import { money, numberOf, selectRows } from '../segment/analytics/analytics-sql';
import type { KpiScope } from './kpi-scope';
import { queriesFor, type MetricQuery } from './metric-queries';

/** A bucket with the first local date of the next one (spend days are compared as labels). */
export interface SqlBucket extends TimeBucket {
  readonly nextLabel: string;
}

/** Base metric values per bucket index; a metric the scope does not compute is absent. */
export type BucketMetrics = Array<Partial<Record<BaseMetricId, number>>>;

const ACTIVE_MS = ACTIVE_CUSTOMER_DAYS * 86_400_000;

/**
 * The buckets as a common table `b(i, s, e, d0, d1, sw, ew)`: index, [start, end) instants, the
 * local date labels [d0, d1), and the instants `ACTIVE_CUSTOMER_DAYS` before the start and the end
 * (where the windows that make a customer active then begin). Joining a source on `s <= at < e`
 * buckets exactly as `bucketsBetween` defines (time zones, DST), on both engines, with an index
 * range scan per bucket.
 */
function bucketTable(em: Em, buckets: readonly SqlBucket[]): Fragment {
  if (dialectOf(em) === postgresDialect) {
    // Seven array parameters instead of seven per bucket: one plan, whatever the series length.
    const list = (values: ReadonlyArray<string | number>) => `{${values.join(',')}}`;
    const instants = (values: readonly number[]) => sql`CAST(${list(values)} AS float8[])`;
    return sql`WITH b(i, s, e, d0, d1, sw, ew) AS (SELECT u.i, to_timestamp(u.s / 1000), to_timestamp(u.e / 1000), u.d0, u.d1,
        to_timestamp(u.sw / 1000), to_timestamp(u.ew / 1000)
      FROM unnest(CAST(${list(buckets.map((_, i) => i))} AS integer[]), ${instants(buckets.map((b) => b.start))},
        ${instants(buckets.map((b) => b.end))}, CAST(${list(buckets.map((b) => b.label))} AS text[]),
        CAST(${list(buckets.map((b) => b.nextLabel))} AS text[]), ${instants(buckets.map((b) => b.start - ACTIVE_MS))},
        ${instants(buckets.map((b) => b.end - ACTIVE_MS))}) AS u(i, s, e, d0, d1, sw, ew))`;
  }
  const rows = buckets.map(
    (b, i) =>
      sql`(${i}, ${b.start}, ${b.end}, ${b.label}, ${b.nextLabel}, ${b.start - ACTIVE_MS}, ${b.end - ACTIVE_MS})`,
  );
  return sql`WITH b(i, s, e, d0, d1, sw, ew) AS (VALUES ${join(rows, ', ')})`;
}

const columnName = (id: string) => JSON.stringify(id.replace('.', '_'));

/**
 * The per-bucket aggregate. PostgreSQL aggregates each bucket in a LATERAL subquery (an index
 * range scan and a small sort per bucket, instead of one sort of the whole year for the
 * DISTINCT counts); SQLite, which has no LATERAL, joins and groups. With `perKey`, the rows of a
 * bucket are first grouped by the key (a message, a customer) and the metrics sum those groups.
 */
function aggregate(em: Em, table: Fragment, q: MetricQuery): Fragment {
  const columns = join(
    (Object.entries(q.select) as Array<[BaseMetricId, Fragment]>).map(
      ([id, expr]) => sql`${expr} AS ${raw(columnName(id))}`,
    ),
    ', ',
  );
  const postgres = dialectOf(em) === postgresDialect;
  if (!q.perKey)
    return postgres
      ? sql`${table} SELECT b.i AS i, x.* FROM b CROSS JOIN LATERAL (SELECT ${columns} FROM ${q.source} WHERE ${q.where}) x`
      : sql`${table} SELECT b.i AS i, ${columns} FROM b, ${q.source} WHERE ${q.where} GROUP BY b.i`;
  const inner = join(
    Object.entries(q.perKey.columns).map(([name, expr]) => sql`${expr} AS ${raw(name)}`),
    ', ',
  );
  const key = raw(q.perKey.key);
  return postgres
    ? sql`${table} SELECT b.i AS i, x.* FROM b CROSS JOIN LATERAL (SELECT ${columns} FROM (SELECT ${inner} FROM ${q.source} WHERE ${q.where} GROUP BY ${key}) m) x`
    : sql`${table} SELECT m.i AS i, ${columns} FROM (SELECT b.i AS i, ${inner} FROM b, ${q.source} WHERE ${q.where} GROUP BY b.i, ${key}) m GROUP BY m.i`;
}

/**
 * PostgreSQL runs a series' metric queries this many at a time, each over a contiguous share of
 * the buckets, on connections of its own: a statement runs in one backend process, so a single
 * statement per source leaves all but one core idle (PostgreSQL plans no parallel workers for a
 * per-bucket LATERAL). On 2 cores, 10M events, a campaign's year by day: ~1,060 ms with 1, ~470 ms
 * with 2 (`pnpm bench:kpi` prints the figure).
 */
const POSTGRES_CONCURRENCY = 2;

/** A contiguous share of the buckets: they are `first`, `first + 1`, … of the series. */
interface Share {
  readonly first: number;
  readonly buckets: readonly SqlBucket[];
}

function sharesOf(buckets: readonly SqlBucket[], count: number): Share[] {
  const size = Math.ceil(buckets.length / count);
  const shares: Share[] = [];
  for (let first = 0; first < buckets.length; first += size)
    shares.push({ first, buckets: buckets.slice(first, first + size) });
  return shares;
}

/**
 * Runs `tasks` at most `limit` at a time, each query in a transaction of its own with the JIT
 * off on PostgreSQL: a series is hundreds of small index range scans whose summed cost passes
 * `jit_above_cost`, and compiling them took ~170 ms of a ~1.2 s statement (EXPLAIN ANALYZE, 10M
 * events). Outside a transaction each task takes its own pooled connection; inside the caller's,
 * they run one by one in savepoints (one connection sees the caller's uncommitted rows).
 */
async function runQueries(
  em: Em,
  queries: readonly Fragment[],
  limit: number,
): Promise<Array<Array<Record<string, unknown>>>> {
  const connection = em.getConnection();
  const ctx = em.getTransactionContext();
  const results: Array<Array<Record<string, unknown>>> = new Array(queries.length);
  let next = 0;
  const worker = async () => {
    while (next < queries.length) {
      const index = next++;
      const query = queries[index]!;
      results[index] = await connection.transactional(
        async (trx) => {
          await connection.execute('SET LOCAL jit = off', [], 'run', trx);
          return connection.execute<Array<Record<string, unknown>>>(
            query.sql,
            [...query.params],
            'all',
            trx,
          );
        },
        { ctx },
      );
    }
  };
  await Promise.all(Array.from({ length: ctx ? 1 : limit }, worker));
  return results;
}

/**
 * The base metrics of a scope for every bucket, in SQL: one grouped query per source (touches,
 * spend, outbox, message and survey events, content events, steps, enrollments, transitions,
 * orders, lead events); on PostgreSQL, each over shares of the buckets, `POSTGRES_CONCURRENCY` at a
 * time. A bucket without rows gets 0 for every metric the scope computes (a real
 * 0); metrics it does not compute stay missing, and so does a `nullable` metric whose SQL gives
 * NULL (a gross margin with an unknown cost). `periodDays` is the bucket's length in days
 * (23-hour days count 23/24). What each metric counts is defined in `schema/src/kpi/semantics.md`.
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
  const queries = await queriesFor(em, workspaceId, scope);
  for (const q of queries) {
    const ids = [...Object.keys(q.select), ...Object.keys(q.same ?? {})] as BaseMetricId[];
    for (const row of result) for (const id of ids) row[id] = 0;
  }
  if (dialectOf(em) !== postgresDialect) {
    const table = bucketTable(em, buckets);
    for (const q of queries) fill(result, q, 0, await selectRows(em, aggregate(em, table, q)));
    return result;
  }
  const shares = sharesOf(buckets, POSTGRES_CONCURRENCY);
  const tasks = queries.flatMap((q) => shares.map((share) => ({ q, share })));
  const rows = await runQueries(
    em,
    tasks.map(({ q, share }) => aggregate(em, bucketTable(em, share.buckets), q)),
    POSTGRES_CONCURRENCY,
  );
  tasks.forEach(({ q, share }, i) => fill(result, q, share.first, rows[i]!));
  return result;
}

/** Writes a query's rows (`i`: the bucket's index within its share from `first`) into `result`. */
function fill(
  result: BucketMetrics,
  q: MetricQuery,
  first: number,
  rows: ReadonlyArray<Record<string, unknown>>,
): void {
  const metrics = Object.keys(q.select) as BaseMetricId[];
  const copies = Object.entries(q.same ?? {}) as Array<[BaseMetricId, BaseMetricId]>;
  for (const row of rows) {
    const target = result[first + Number(row['i'])];
    if (!target) continue;
    for (const id of metrics) {
      const raw = row[id.replace('.', '_')];
      if ((raw === null || raw === undefined) && q.nullable?.includes(id)) {
        delete target[id];
        continue;
      }
      const value = numberOf(raw);
      target[id] = BASE_METRICS[id].unit === 'currency' ? money(value) : value;
    }
    for (const [copy, of] of copies) target[copy] = target[of]!;
  }
}
