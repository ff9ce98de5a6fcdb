import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApiKey } from '../../../server/src/auth/api-key.service';
import { Customer, Event, Workspace } from '../../../server/src/db/entities';
import { newId } from '../../../server/src/db/ids';
import { createOrm, migrate, type Orm } from '../../../server/src/db/orm';
import { createScratchPostgres } from '../../../server/src/db/scratch-postgres';
import type { registerSqliteFunctions } from '../../../server/src/db/sqlite-functions';
import { createLogger } from '../../../server/src/logger';
import { requireFromServer } from '../segment-sql/bench-db';
import type { EngineName } from './config';
import type { BenchItem, Workload } from './workload';

/** better-sqlite3's Database, typed from the server function that takes one. */
type SqliteDatabase = Parameters<typeof registerSqliteFunctions>[0];

/** The part of node-postgres' Client the benchmark uses (pg is a dependency of the server only). */
interface PgClient {
  connect(): Promise<void>;
  query<R = Record<string, unknown>>(
    query: string | { name: string; text: string; values: readonly unknown[] },
    values?: readonly unknown[],
  ): Promise<{ rows: R[] }>;
  end(): Promise<void>;
}

async function pgClient(url: string): Promise<PgClient> {
  const { Client } = requireFromServer('pg') as { Client: new (config: object) => PgClient };
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
}

/** A fresh, migrated database of one engine: a temporary SQLite file or a scratch PostgreSQL database. */
export interface BenchDatabase {
  readonly engine: EngineName;
  /** DATABASE_URL for the servers. */
  readonly url: string;
  /** A temporary folder (DATA_DIR, the SQLite file). */
  readonly dir: string;
  /** The SQLite file (SQLite only). */
  readonly path: string | undefined;
  /** The server's ORM on this database (migrated), for set-up and checks from this process. */
  open(): Promise<Orm>;
  /** PostgreSQL: the pids of the server processes serving this database (none on SQLite). */
  backendPids(): Promise<number[]>;
  /** Deletes the database and the folder. */
  drop(): Promise<void>;
}

export async function createBenchDatabase(
  engine: EngineName,
  postgresAdminUrl: string,
): Promise<BenchDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-ingest-bench-'));
  const scratch = engine === 'postgres' ? await createScratchPostgres(postgresAdminUrl) : undefined;
  const path = scratch ? undefined : join(dir, 'cairn.sqlite');
  const url = scratch ? scratch.url : `sqlite:${path}`;
  return {
    engine,
    url,
    dir,
    path,
    async open() {
      const target = path
        ? { dialect: 'sqlite' as const, path, url }
        : { dialect: 'postgres' as const, url };
      // A silent logger: the migrator's progress lines would clutter the figures.
      const orm = await createOrm(target, createLogger({ logLevel: 'silent' }));
      await migrate(orm);
      return orm;
    },
    async backendPids() {
      if (!scratch) return [];
      const client = await pgClient(url);
      try {
        const { rows } = await client.query<{ pid: number }>(
          'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
        );
        return rows.map((r) => r.pid);
      } finally {
        await client.end();
      }
    },
    async drop() {
      await scratch?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A workspace with a write key (the key the servers receive), created before the servers start. */
export async function createWriteKey(
  db: BenchDatabase,
): Promise<{ workspaceId: string; writeKey: string }> {
  const orm = await db.open();
  try {
    const em = orm.em.fork();
    const workspace = em.create(Workspace, { name: 'Ingestion benchmark' });
    const { secret } = createApiKey(em, workspace, 'benchmark write key', 'write');
    await em.flush();
    return { workspaceId: workspace.id, writeKey: secret };
  } finally {
    await orm.close(true);
  }
}

/** What the database holds for the workspace after a run. */
export interface StoredCounts {
  readonly events: number;
  /** The stored events' messageIds (a set: duplicates show as `events` > its size). */
  readonly messageIds: ReadonlySet<string>;
  readonly customers: number;
  readonly orders: number;
  /** Sum of the catalog's per-event-name counts (each accepted event adds one). */
  readonly catalogEventCount: number;
}

export async function storedCounts(db: BenchDatabase, workspaceId: string): Promise<StoredCounts> {
  const orm = await db.open();
  try {
    const em = orm.em.fork();
    const one = async (sql: string): Promise<number> => {
      const rows = await em.execute<Array<{ n: number | string | null }>>(sql, [workspaceId]);
      return Number(rows[0]?.n ?? 0);
    };
    const messageIds = await em.execute<Array<{ message_id: string }>>(
      'select message_id from events where workspace_id = ?',
      [workspaceId],
    );
    return {
      events: messageIds.length,
      messageIds: new Set(messageIds.map((r) => r.message_id)),
      customers: await one('select count(*) as n from customers where workspace_id = ?'),
      orders: await one('select count(*) as n from orders where workspace_id = ?'),
      catalogEventCount: await one(
        'select sum("count") as n from catalog_events where workspace_id = ?',
      ),
    };
  } finally {
    await orm.close(true);
  }
}

export type BaselineKind = 'orm' | 'driver';

export interface BaselineResult {
  readonly rows: number;
  readonly ms: number;
  /** Per-statement latencies, sorted. */
  readonly latencies: readonly number[];
}

/** An event row as both baselines write it. */
interface EventRow {
  readonly id: string;
  readonly workspace: string;
  readonly customer: string;
  readonly name: string;
  readonly properties: Record<string, unknown>;
  readonly occurredAt: Date;
  readonly receivedAt: Date;
  readonly messageId: string;
}

/**
 * The rows of the baseline, in chunks of `batchSize`: every distinct item once, for a workspace
 * and one customer per person created here first (untimed).
 */
async function baselineRows(
  orm: Orm,
  workload: Workload,
  batchSize: number,
): Promise<EventRow[][]> {
  const em = orm.em.fork();
  const workspace = em.create(Workspace, { name: 'Bare INSERT baseline' });
  await em.flush();
  const customerOf = new Map<string, string>();
  const seen = new Set<string>();
  const originals: BenchItem[] = [];
  for (const batch of workload.batches)
    for (const item of batch) {
      if (seen.has(item.messageId)) continue;
      seen.add(item.messageId);
      originals.push(item);
      if (!customerOf.has(item.anonymousId)) customerOf.set(item.anonymousId, newId());
    }
  const now = new Date();
  const customers = [...customerOf.values()].map((id) => ({
    id,
    workspace: workspace.id,
    traits: {},
    createdAt: now,
    updatedAt: now,
  }));
  for (let i = 0; i < customers.length; i += 500)
    await orm.em.fork().insertMany(Customer, customers.slice(i, i + 500));
  const rows = originals.map((item): EventRow => ({
    id: newId(),
    workspace: workspace.id,
    customer: customerOf.get(item.anonymousId)!,
    name: item.event,
    properties: item.properties,
    occurredAt: new Date(item.timestamp),
    receivedAt: now,
    messageId: item.messageId,
  }));
  const chunks: EventRow[][] = [];
  for (let i = 0; i < rows.length; i += batchSize) chunks.push(rows.slice(i, i + batchSize));
  return chunks;
}

/** Runs `insert` over the chunks, `concurrency` at a time; times the whole and each statement. */
async function timeInserts(
  chunks: readonly EventRow[][],
  concurrency: number,
  insert: (chunk: readonly EventRow[], worker: number) => Promise<void> | void,
): Promise<BaselineResult> {
  const latencies: number[] = [];
  let next = 0;
  const worker = async (w: number) => {
    for (let i = next++; i < chunks.length; i = next++) {
      const t0 = performance.now();
      await insert(chunks[i]!, w);
      latencies.push(performance.now() - t0);
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
  const ms = performance.now() - t0;
  return {
    rows: chunks.reduce((sum, c) => sum + c.length, 0),
    ms,
    latencies: latencies.sort((a, b) => a - b),
  };
}

const EVENT_COLUMNS = [
  'id',
  'workspace_id',
  'customer_id',
  'name',
  'properties',
  'occurred_at',
  'received_at',
  'message_id',
];

/** A multi-row INSERT of `rows` rows with `?` or `$n` placeholders. */
function insertSql(rows: number, numbered: boolean): string {
  let n = 0;
  const tuple = () => `(${EVENT_COLUMNS.map(() => (numbered ? `$${++n}` : '?')).join(', ')})`;
  return `insert into events (${EVENT_COLUMNS.join(', ')}) values ${Array.from({ length: rows }, tuple).join(', ')}`;
}

/**
 * The baseline: the same event rows (every distinct item once) written with a bare multi-row
 * INSERT of `batchSize` rows, each statement committed on its own, `concurrency` at a time, into
 * a fresh database with the same schema and indexes, through the server's driver:
 *
 * - `orm`: the server's ORM (`em.insertMany`), as the ingestion code reaches the database;
 * - `driver`: the driver alone (better-sqlite3 or pg), a prepared statement with parameters: the
 *   database's own cost.
 */
export async function bareInsertBaseline(
  db: BenchDatabase,
  kind: BaselineKind,
  workload: Workload,
  options: { readonly batchSize: number; readonly concurrency: number },
): Promise<BaselineResult> {
  const orm = await db.open();
  const cleanup: Array<() => Promise<void> | void> = [() => orm.close(true)];
  try {
    const chunks = await baselineRows(orm, workload, options.batchSize);
    let result: BaselineResult;
    if (kind === 'orm') {
      result = await timeInserts(chunks, options.concurrency, async (chunk) => {
        await orm.em.fork().insertMany(Event, [...chunk]);
      });
    } else if (db.path) {
      const Database = requireFromServer('better-sqlite3') as new (path: string) => SqliteDatabase;
      const sqlite = new Database(db.path);
      cleanup.push(() => void sqlite.close());
      sqlite.pragma('journal_mode = wal');
      sqlite.pragma('synchronous = normal');
      const statements = new Map<number, ReturnType<SqliteDatabase['prepare']>>();
      // SQLite is one writer: the statements run one after the other whatever the concurrency.
      result = await timeInserts(chunks, 1, (chunk) => {
        let statement = statements.get(chunk.length);
        if (!statement)
          statements.set(
            chunk.length,
            (statement = sqlite.prepare(insertSql(chunk.length, false))),
          );
        statement.run(
          chunk.flatMap((r) => [
            r.id,
            r.workspace,
            r.customer,
            r.name,
            JSON.stringify(r.properties),
            r.occurredAt.getTime(),
            r.receivedAt.getTime(),
            r.messageId,
          ]),
        );
      });
    } else {
      const clients = await Promise.all(
        Array.from({ length: options.concurrency }, () => pgClient(db.url)),
      );
      cleanup.push(() => Promise.all(clients.map((c) => c.end())).then(() => undefined));
      result = await timeInserts(chunks, options.concurrency, async (chunk, worker) => {
        await clients[worker]!.query({
          name: `bench_insert_${chunk.length}`,
          text: insertSql(chunk.length, true),
          values: chunk.flatMap((r) => [
            r.id,
            r.workspace,
            r.customer,
            r.name,
            JSON.stringify(r.properties),
            r.occurredAt,
            r.receivedAt,
            r.messageId,
          ]),
        });
      });
    }
    const stored = await orm.em
      .fork()
      .execute<Array<{ n: number | string }>>('select count(*) as n from events', []);
    if (Number(stored[0]?.n) !== result.rows)
      throw new Error(`Baseline: inserted ${result.rows} rows, the table holds ${stored[0]?.n}.`);
    return result;
  } finally {
    for (const step of cleanup.reverse()) await step();
  }
}
