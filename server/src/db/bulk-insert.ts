import { runStatement, type DriverResult, type DriverStatement, type Param } from './driver-sql';
import type { Em } from './orm';

/** A table's columns as an insert writes them: name and PostgreSQL type (for the arrays). */
export interface InsertSpec {
  readonly table: string;
  readonly columns: ReadonlyArray<readonly [name: string, pgType: string]>;
  /** A unique key whose conflicts are skipped (`on conflict (…) do nothing`). */
  readonly ignoreConflictOn?: readonly string[];
  /** A column to return for each row written. */
  readonly returning?: string;
}

/** An insert statement prepared once per spec; run it with {@link insertRows}. */
export interface InsertStatement extends DriverStatement {
  readonly columnCount: number;
}

/**
 * The statement texts of a multi-row insert that keep one text for any number of rows: on SQLite
 * a one-row `insert … values (?, …)` run once per row (prepared once), on PostgreSQL
 * `insert … select * from unnest($1::type[], …)`, one round trip for the rows. Build it at module
 * scope.
 *
 * @example
 * const INSERT_ORDER = insertStatement({ table: 'orders', columns: [['id', 'varchar'], …] });
 * await insertRows(tx, INSERT_ORDER, orders.map((o) => [o.id, …]));
 */
export function insertStatement(spec: InsertSpec): InsertStatement {
  const names = spec.columns.map(([name]) => `"${name}"`).join(', ');
  const tail = [
    spec.ignoreConflictOn
      ? `on conflict (${spec.ignoreConflictOn.map((c) => `"${c}"`).join(', ')}) do nothing`
      : '',
    spec.returning ? `returning "${spec.returning}"` : '',
  ].join(' ');
  const marks = spec.columns.map(() => '?').join(', ');
  const arrays = spec.columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  return {
    columnCount: spec.columns.length,
    sqlite: `insert into "${spec.table}" (${names}) values (${marks}) ${tail}`,
    postgres: `insert into "${spec.table}" (${names}) select * from unnest(${arrays}) ${tail}`,
  };
}

/**
 * Writes `rows` (each in the statement's column order) in the transaction of `em`: one statement
 * on PostgreSQL, one prepared step per row on SQLite. Returns the returned rows and the count.
 */
export async function insertRows<R = Record<string, unknown>>(
  em: Em,
  statement: InsertStatement,
  rows: ReadonlyArray<readonly Param[]>,
): Promise<DriverResult<R>> {
  if (rows.length === 0) return { rows: [], changes: 0 };
  return runStatement<R>(
    em,
    statement,
    () => rows,
    () =>
      Array.from({ length: statement.columnCount }, (_, column) =>
        rows.map((row) => row[column] ?? null),
      ),
  );
}
