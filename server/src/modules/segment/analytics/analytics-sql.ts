import type { Em } from '../../../db/orm';
import { join, sql, type Fragment } from '../../../rules/sql-fragment';

/** A row as the driver returns it: PostgreSQL gives counts and sums as strings, SQLite as numbers. */
export type Row = Record<string, unknown>;

/**
 * Runs one analytics query. These queries are raw SQL, so the workspace filter does not apply:
 * every one of them names `workspace_id` itself.
 */
export const selectRows = (em: Em, query: Fragment): Promise<Row[]> =>
  em.execute<Row[]>(query.sql, [...query.params], 'all');

/** `?, ?, ?`: the values as parameters, for an `IN (…)` list. */
export const paramList = (values: readonly unknown[]): Fragment =>
  join(
    values.map((v) => sql`${v}`),
    ', ',
  );

/** A count or sum from a row (NULL, the sum of no rows, is 0). */
export const numberOf = (value: unknown): number =>
  value === null || value === undefined ? 0 : Number(value);

/** An amount at the scale orders are stored with (4 decimals), so SQLite's float sums read exactly. */
export const money = (value: number): number => Math.round(value * 10_000) / 10_000;

/** `numerator / denominator`, or null when the denominator is 0. */
export const ratio = (numerator: number, denominator: number): number | null =>
  denominator === 0 ? null : numerator / denominator;
