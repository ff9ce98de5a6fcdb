import type { JsonRef, SqlDialect } from '../../../rules/sql-dialect';
import { join, raw, sql, type Fragment } from '../../../rules/sql-fragment';

/** The customers of a workspace, a trait of theirs, and the segment being cross-tabulated. */
export interface CrossTabSource {
  readonly dialect: SqlDialect;
  readonly workspaceId: string;
  readonly segmentId: string;
  readonly trait: JsonRef;
}

/** How many automatic numeric ranges there are (quintiles of every customer's value). */
export const QUANTILES = 5;

/**
 * A string or boolean trait as text (`'true'`/`'false'` for booleans); NULL when the trait is
 * missing, null, or of another JSON type. The dialect's own typed accessors, as rules read traits.
 */
const categoryOf = ({ dialect: d, trait }: CrossTabSource): Fragment =>
  sql`COALESCE(${d.text(trait)}, CASE WHEN ${d.booleanIs(trait, true)} THEN 'true' WHEN ${d.booleanIs(trait, false)} THEN 'false' END)`;

/** A number trait; NULL when missing or not a JSON number. */
const numberOf = ({ dialect: d, trait }: CrossTabSource): Fragment => d.number(trait);

/**
 * `valued`: every customer of the workspace once, with the trait (`value`) and whether they are a
 * member of the segment (`member`, 1 or 0). EXISTS on the (segment_id, customer_id) key rather
 * than a LEFT JOIN: without planner statistics PostgreSQL would nest-loop a join over all pairs.
 */
const valued = (s: CrossTabSource, value: Fragment): Fragment =>
  sql`valued AS (
    SELECT c.id AS customer_id, ${value} AS value,
      CASE WHEN EXISTS (
        SELECT 1 FROM segment_memberships m
        WHERE m.segment_id = ${s.segmentId} AND m.customer_id = c.id AND m.workspace_id = ${s.workspaceId}
      ) THEN 1 ELSE 0 END AS member
    FROM customers c
    WHERE c.workspace_id = ${s.workspaceId})`;

/**
 * `bucketed` for a string or boolean trait: each customer's bucket. The `top` values with the most
 * members (then the most customers, then by value) are buckets of their own (`kind` 'value',
 * `bucket` the value); the other values make 'other'; no value makes 'none'. Only the top values
 * are sorted out (ORDER BY … LIMIT), not every distinct value.
 */
export const categoryBuckets = (s: CrossTabSource, top: number): Fragment =>
  sql`WITH ${valued(s, categoryOf(s))},
  top_values AS (
    SELECT value FROM valued WHERE value IS NOT NULL GROUP BY value
    ORDER BY sum(member) DESC, count(*) DESC, value LIMIT ${top}),
  bucketed AS (
    SELECT v.customer_id, v.member,
      CASE WHEN v.value IS NULL THEN 'none' WHEN t.value IS NOT NULL THEN 'value' ELSE 'other' END AS kind,
      t.value AS bucket
    FROM valued v LEFT JOIN top_values t ON t.value = v.value)`;

/**
 * `bucketed` for a number trait: `bucket` i is the range [boundaries[i-1], boundaries[i]) (open at
 * both ends), 'none' for customers without a number.
 */
export const rangeBuckets = (s: CrossTabSource, boundaries: readonly number[]): Fragment => {
  const ranges = boundaries.map(
    (b, i) => sql` WHEN value < ${s.dialect.num(b)} THEN ${raw(String(i))}`,
  );
  return sql`WITH ${valued(s, numberOf(s))},
  bucketed AS (
    SELECT customer_id, member,
      CASE WHEN value IS NULL THEN 'none' ELSE 'range' END AS kind,
      CASE WHEN value IS NULL THEN NULL${join(ranges, '')} ELSE ${raw(String(boundaries.length))} END AS bucket
    FROM valued)`;
};

/** Customers and members per bucket (every customer is in exactly one bucket). */
export const bucketCounts = (bucketed: Fragment): Fragment =>
  sql`${bucketed}
  SELECT kind, bucket, count(*) AS customers, sum(member) AS members
  FROM bucketed GROUP BY kind, bucket`;

/**
 * The members' orders (all of them, lifetime) per bucket and currency. Orders are reached through
 * the workspace's customers only (an order is in its customer's workspace); a further
 * `o.workspace_id = ?` would tempt PostgreSQL, without statistics, to intersect every member's
 * orders with the whole workspace's.
 */
export const bucketRevenue = (bucketed: Fragment): Fragment =>
  sql`${bucketed}
  SELECT b.kind AS kind, b.bucket AS bucket, o.currency AS currency,
    sum(o.amount) AS revenue, count(*) AS orders
  FROM bucketed b JOIN orders o ON o.customer_id = b.customer_id
  WHERE b.member = 1
  GROUP BY b.kind, b.bucket, o.currency`;

/** How many customers hold a number and how many a string or boolean at the path: the trait's kind. */
export const traitCensus = (s: CrossTabSource): Fragment =>
  sql`SELECT sum(CASE WHEN ${numberOf(s)} IS NOT NULL THEN 1 ELSE 0 END) AS numbers,
    sum(CASE WHEN ${categoryOf(s)} IS NOT NULL THEN 1 ELSE 0 END) AS categories
  FROM customers c WHERE c.workspace_id = ${s.workspaceId}`;

/**
 * The lowest value of each of QUANTILES tiles of every customer's number (NTILE over the sorted
 * values, computed in the database): the lower bounds of automatic ranges.
 */
export const quantileLows = (s: CrossTabSource): Fragment =>
  sql`SELECT tile, min(value) AS low FROM (
    SELECT value, ntile(${raw(String(QUANTILES))}) OVER (ORDER BY value) AS tile FROM (
      SELECT ${numberOf(s)} AS value FROM customers c WHERE c.workspace_id = ${s.workspaceId}
    ) v WHERE value IS NOT NULL
  ) t GROUP BY tile ORDER BY tile`;
