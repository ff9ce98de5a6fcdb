import {
  isSqlite,
  runStatement,
  type DriverResult,
  type DriverStatement,
  type Param,
} from './driver-sql';
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
  readonly spec: InsertSpec;
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
  return {
    spec,
    columnCount: spec.columns.length,
    sqlite: insertText(spec, 'sqlite'),
    postgres: insertText(spec, 'postgres'),
  };
}

/** An insert's text; on PostgreSQL its arrays are the parameters from `first` on. */
function insertText(spec: InsertSpec, dialect: 'sqlite' | 'postgres', first = 1): string {
  const names = spec.columns.map(([name]) => `"${name}"`).join(', ');
  const tail = [
    spec.ignoreConflictOn
      ? `on conflict (${spec.ignoreConflictOn.map((c) => `"${c}"`).join(', ')}) do nothing`
      : '',
    spec.returning ? `returning "${spec.returning}"` : '',
  ].join(' ');
  const source =
    dialect === 'sqlite'
      ? `values (${spec.columns.map(() => '?').join(', ')})`
      : `select * from unnest(${spec.columns.map(([, type], i) => `$${first + i}::${type}[]`).join(', ')})`;
  return `insert into "${spec.table}" (${names}) ${source} ${tail}`;
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

/** Rows for one insert of {@link insertTogether}. */
export interface InsertPart {
  readonly statement: InsertStatement;
  readonly rows: ReadonlyArray<readonly Param[]>;
}

const combined = new Map<string, DriverStatement>();

/**
 * Writes several tables' rows, in order (a row may reference one of an earlier part): on
 * PostgreSQL in one statement (the earlier inserts as data-modifying `with` clauses; foreign keys
 * are checked at the end of the statement, so a reference to a row written alongside holds), on
 * SQLite one part after the other. Parts without rows are left out. No part may return rows.
 *
 * @example
 * await insertTogether(tx, [{ statement: INSERT_CUSTOMER, rows: customers }, { statement: INSERT_IDENTITY, rows: identities }]);
 */
export async function insertTogether(em: Em, parts: readonly InsertPart[]): Promise<void> {
  const present = parts.filter((p) => p.rows.length > 0);
  if (present.length <= 1 || isSqlite(em)) {
    for (const part of present) await insertRows(em, part.statement, part.rows);
    return;
  }
  const key = present.map((p) => p.statement.postgres).join('\u0000');
  let statement = combined.get(key);
  if (!statement) {
    const { clauses, next } = insertClauses(present.slice(0, -1));
    const last = present[present.length - 1]!.statement;
    statement = {
      sqlite: '',
      postgres: `with ${clauses.join(', ')} ${insertTextFrom(last, next)}`,
    };
    combined.set(key, statement);
  }
  await runStatement(
    em,
    statement,
    () => [],
    () => insertParams(present),
  );
}

/**
 * PostgreSQL: the parts' inserts as data-modifying `with` clauses (`w0 as (insert …)`, …), for a
 * statement that writes them alongside its own work; their array parameters are numbered from 1
 * (in {@link insertParams}' order), and `next` is the first number left for the statement's own.
 * Parts without rows are written all the same (empty arrays): filter them first for fewer texts.
 */
export function insertClauses(parts: readonly InsertPart[]): {
  readonly clauses: string[];
  readonly next: number;
} {
  let first = 1;
  const clauses = parts.map(({ statement: s }, i) => {
    const text = `w${i} as (${insertText(s.spec, 'postgres', first)})`;
    first += s.columnCount;
    return text;
  });
  return { clauses, next: first };
}

/** PostgreSQL: the parameters of {@link insertClauses}, one array per column of each part. */
export function insertParams(parts: readonly InsertPart[]): Param[] {
  return parts.flatMap((part) => columnsOf(part.statement, part.rows));
}

/** PostgreSQL: an insert's text with its array parameters numbered from `first`. */
export function insertTextFrom(statement: InsertStatement, first: number): string {
  return insertText(statement.spec, 'postgres', first);
}

/** The rows as one array per column (PostgreSQL's `unnest` parameters). */
function columnsOf(statement: InsertStatement, rows: ReadonlyArray<readonly Param[]>): Param[] {
  return Array.from({ length: statement.columnCount }, (_, column) =>
    rows.map((row) => row[column] ?? null),
  );
}
