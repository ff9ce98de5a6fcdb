import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventFact } from '@cairn/schema';
import { createOrm, migrate } from '../../../server/src/db/orm';
import { registerSqliteFunctions } from '../../../server/src/db/sqlite-functions';
import { byId, requireFromServer, type BenchDb, type LoadedCustomer } from './bench-db';
import { WORKSPACES } from './config';
import {
  customersInsert,
  eventsInsert,
  workspacesInsert,
  type GenerationSizes,
} from './generate-sql';
import { elapsed, fmtCount, fmtMs, phase } from './measure';

/** better-sqlite3's Database, typed from the server function that takes one. */
type SqliteDatabase = Parameters<typeof registerSqliteFunctions>[0];
const openDatabase = (path: string): SqliteDatabase => {
  const Database = requireFromServer('better-sqlite3') as new (path: string) => SqliteDatabase;
  return new Database(path);
};

/**
 * A temporary SQLite file, migrated by the server's own migrations, filled by INSERT ... SELECT
 * over a recursive CTE in one transaction (secondary indexes dropped first and rebuilt after,
 * as bulk loads do). The benchmark's own connection has the pragmas and functions the server
 * gives its connections, and SQLite's default page cache, like the server's.
 */
export async function openSqliteBench(sizes: GenerationSizes): Promise<BenchDb> {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-bench-'));
  const path = join(dir, 'bench.sqlite');
  const orm = await createOrm({ dialect: 'sqlite', path, url: `sqlite:${path}` });
  let db: SqliteDatabase | undefined;
  try {
    await migrate(orm);
    generate(path, sizes);
    db = openDatabase(path);
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = normal');
    registerSqliteFunctions(db);
  } catch (error) {
    db?.close();
    await orm.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const conn = db;
  return {
    engine: 'sqlite',
    version: `SQLite ${String(conn.prepare('SELECT sqlite_version()').pluck().get())}`,
    orm,
    rows: { customers: sizes.customers + sizes.otherCustomers, events: sizes.events },
    count: async ({ sql, params }) =>
      Number(
        conn
          .prepare(sql)
          .pluck()
          .get(...params),
      ),
    exec: async (sql) => {
      conn.exec(sql);
    },
    explain: async ({ sql, params }) =>
      (
        conn.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{
          id: number;
          parent: number;
          detail: string;
        }>
      ).map((r) => `${r.parent === 0 ? '' : '  '}${r.detail}`),
    loadCustomers: async () => {
      const rows = conn
        .prepare('SELECT id, traits FROM customers WHERE workspace_id = ?')
        .raw()
        .iterate(WORKSPACES.main) as IterableIterator<[string, string]>;
      const customers: LoadedCustomer[] = [];
      for (const [id, traits] of rows)
        customers.push({ id, traits: JSON.parse(traits) as Record<string, unknown>, events: [] });
      return customers;
    },
    loadEvents: async (customers, names) => {
      const index = byId(customers);
      const rows = conn
        .prepare(
          `SELECT customer_id, name, occurred_at, properties FROM events WHERE workspace_id = ? AND name IN (${names.map(() => '?').join(', ')})`,
        )
        .raw()
        .iterate(WORKSPACES.main, ...names) as IterableIterator<[string, string, number, string]>;
      let n = 0;
      for (const [customerId, name, occurredAt, properties] of rows) {
        const event: EventFact = {
          name,
          occurredAt,
          properties: JSON.parse(properties) as Record<string, unknown>,
        };
        index.get(customerId)?.events.push(event);
        n++;
      }
      return n;
    },
    close: async () => {
      conn.close();
      await orm.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Fills the database on a connection of its own, set for bulk loading and closed afterwards. */
function generate(path: string, sizes: GenerationSizes): void {
  const db = openDatabase(path);
  try {
    db.pragma('foreign_keys = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -262144');
    const indexes = db
      .prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('customers', 'events')",
      )
      .all() as Array<{ name: string; sql: string }>;
    const total = elapsed();
    db.transaction(() => {
      db.exec(workspacesInsert('sqlite'));
      for (const index of indexes) db.exec(`DROP INDEX "${index.name}"`);
      phase(`customers (${fmtCount(sizes.customers + sizes.otherCustomers)} rows)`, () =>
        db.exec(customersInsert('sqlite', sizes)),
      );
      phase(`events (${fmtCount(sizes.events)} rows)`, () =>
        db.exec(eventsInsert('sqlite', sizes)),
      );
    })();
    const rebuild = elapsed();
    for (const index of indexes) db.exec(index.sql);
    db.pragma('wal_checkpoint(TRUNCATE)');
    console.log(
      `  indexes rebuilt (${indexes.length}) + WAL checkpoint: ${fmtMs(rebuild())}; generation total ${fmtMs(total())}`,
    );
  } finally {
    db.close();
  }
}
