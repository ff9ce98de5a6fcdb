import { createHash } from 'node:crypto';
import { BaseSqlitePlatform } from '@mikro-orm/knex';
import type { Database, Statement } from 'better-sqlite3';
import type { Em } from './orm';

/**
 * A statement of the ingestion hot path, written once per dialect, run through the driver
 * (better-sqlite3, pg) with parameters and a prepared statement cached per connection.
 *
 * Why not `em.execute`: MikroORM inlines every value into the SQL text (`formatQuery`), so each
 * statement is escaped, sent and planned anew. Here the text never changes: SQLite statements
 * work on one row (run in a loop: better-sqlite3 is synchronous and a prepared step costs
 * microseconds), PostgreSQL statements take arrays (`unnest($1::text[], …)`, `= any($1)`), so one
 * named prepared statement serves any number of rows. SQLite placeholders are `?`, PostgreSQL's
 * `$1`…; values are plain: strings, numbers, null; Dates and booleans are converted for SQLite
 * (Unix ms and 0/1, as the ORM stores them); JSON is passed as text by the caller.
 */
export interface DriverStatement {
  readonly sqlite: string;
  readonly postgres: string;
}

/** A parameter: plain values, or (PostgreSQL) an array of them. */
export type Param = string | number | boolean | null | Date | readonly unknown[];

/** What the statement gave back: its rows (when it returns any) and how many rows it changed. */
export interface DriverResult<R> {
  readonly rows: R[];
  readonly changes: number;
}

interface PgClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{
    rows: unknown[];
    rowCount: number | null;
  }>;
}

const sqliteStatements = new WeakMap<Database, Map<string, Statement>>();
const pgNames = new Map<string, string>();

/** Whether `em` talks to SQLite (else PostgreSQL). */
export function isSqlite(em: Em): boolean {
  return em.getPlatform() instanceof BaseSqlitePlatform;
}

/**
 * Runs `statement` once per entry of `sqliteParams()` on SQLite (each a row), or once with
 * `pgParams()` on PostgreSQL (only the engine's own function is called), on the connection of
 * `em`'s transaction (or one taken from the pool for the call). Driver errors become MikroORM's
 * exceptions (`UniqueConstraintViolationException`, `DeadlockException`…), so callers retry as
 * they would around the ORM.
 *
 * @example
 * const FIND = { sqlite: 'select … where "id" = ?', postgres: 'select … where "id" = any($1)' };
 * const { rows } = await runStatement(tx, FIND, () => ids.map((id) => [id]), () => [ids]);
 */
export async function runStatement<R = Record<string, unknown>>(
  em: Em,
  statement: DriverStatement,
  sqliteParams: () => ReadonlyArray<readonly Param[]>,
  pgParams: () => readonly Param[],
): Promise<DriverResult<R>> {
  const sqlite = isSqlite(em);
  const logger = em.config.getLogger();
  const started = logger.isEnabled('query') ? performance.now() : undefined;
  const result = await withConnection(em, async (connection) => {
    try {
      if (sqlite) return runSqlite<R>(connection as Database, statement.sqlite, sqliteParams());
      const result = await (connection as PgClient).query({
        name: pgName(statement.postgres),
        text: statement.postgres,
        values: pgParams() as unknown[],
      });
      return { rows: result.rows as R[], changes: result.rowCount ?? 0 };
    } catch (error) {
      throw em.getDriver().convertException(error as Error);
    }
  });
  // The ORM's query log (LOG_LEVEL=trace) lists these statements too, with their time.
  if (started !== undefined)
    logger.logQuery({
      query: sqlite ? statement.sqlite : statement.postgres,
      took: Math.round(performance.now() - started),
      results: result.rows.length,
      affected: result.changes,
    });
  return result;
}

function runSqlite<R>(
  db: Database,
  text: string,
  paramSets: ReadonlyArray<readonly Param[]>,
): DriverResult<R> {
  let cache = sqliteStatements.get(db);
  if (!cache) sqliteStatements.set(db, (cache = new Map()));
  let prepared = cache.get(text);
  if (!prepared) cache.set(text, (prepared = db.prepare(text)));
  const rows: R[] = [];
  let changes = 0;
  for (const params of paramSets) {
    const values = params.map(sqliteValue);
    if (prepared.reader) rows.push(...(prepared.all(values) as R[]));
    else changes += prepared.run(values).changes;
  }
  return { rows, changes };
}

function sqliteValue(value: Param): unknown {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

/** One name per statement text (pg keeps a named statement per connection once parsed). */
function pgName(text: string): string {
  let name = pgNames.get(text);
  if (!name) {
    name = `cairn_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
    pgNames.set(text, name);
  }
  return name;
}

interface TxClient {
  acquireConnection(): Promise<unknown>;
  releaseConnection(connection: unknown): Promise<void> | void;
}

/**
 * The connection of `em`'s transaction (knex's transaction client hands out its own connection
 * and its release does nothing), or one from the pool, released after `use`.
 */
async function withConnection<T>(em: Em, use: (connection: unknown) => Promise<T>): Promise<T> {
  const trx = em.getTransactionContext<{ client: TxClient }>();
  const client = trx?.client ?? (em.getConnection().getKnex().client as TxClient);
  const connection = await client.acquireConnection();
  try {
    return await use(connection);
  } finally {
    await client.releaseConnection(connection);
  }
}
