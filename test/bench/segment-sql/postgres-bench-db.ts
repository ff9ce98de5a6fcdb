import type { EventFact } from '@cairn/schema';
import { createOrm, migrate } from '../../../server/src/db/orm';
import { createScratchPostgres } from '../../../server/src/db/scratch-postgres';
import { byId, requireFromServer, type BenchDb, type LoadedCustomer } from './bench-db';
import { WORKSPACES } from './config';
import {
  customersInsert,
  eventsInsert,
  workspacesInsert,
  type GenerationSizes,
} from './generate-sql';
import { elapsed, fmtCount, fmtMs, phaseAsync } from './measure';

/** The part of node-postgres' Client the benchmark uses (pg is a dependency of the server only). */
interface PgClient {
  connect(): Promise<void>;
  query<R = Record<string, unknown>>(
    text: string,
    values?: readonly unknown[],
  ): Promise<{ rows: R[] }>;
  end(): Promise<void>;
}
const connect = async (url: string): Promise<PgClient> => {
  const { Client } = requireFromServer('pg') as { Client: new (config: object) => PgClient };
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
};

const CURSOR_BATCH = 50_000;

/**
 * A fresh scratch database, migrated by the server's own migrations, filled by INSERT ... SELECT
 * over generate_series (FK triggers off, the events table's indexes dropped first and rebuilt
 * after), then VACUUM ANALYZE: the steady state autovacuum would reach, with visibility maps set.
 * The benchmark's own connection has the server's default settings.
 */
export async function openPostgresBench(
  adminUrl: string,
  sizes: GenerationSizes,
): Promise<BenchDb> {
  const scratch = await createScratchPostgres(adminUrl);
  let orm: Awaited<ReturnType<typeof createOrm>> | undefined;
  let client: PgClient | undefined;
  try {
    orm = await createOrm({ dialect: 'postgres', url: scratch.url });
    await migrate(orm);
    await generate(scratch.url, sizes);
    client = await connect(scratch.url);
  } catch (error) {
    await client?.end();
    await orm?.close();
    await scratch.drop();
    throw error;
  }
  const conn = client;
  const version = (await conn.query<{ server_version: string }>('SHOW server_version')).rows[0];
  const cursor = async <R>(sql: string, params: readonly unknown[], each: (row: R) => void) => {
    await conn.query('BEGIN READ ONLY');
    try {
      await conn.query(`DECLARE bench_cursor NO SCROLL CURSOR FOR ${sql}`, params);
      for (;;) {
        const { rows } = await conn.query<R>(`FETCH ${CURSOR_BATCH} FROM bench_cursor`);
        if (rows.length === 0) break;
        for (const row of rows) each(row);
      }
    } finally {
      await conn.query('COMMIT');
    }
  };
  return {
    engine: 'postgres',
    version: `PostgreSQL ${version?.server_version ?? '?'}`,
    orm,
    rows: { customers: sizes.customers + sizes.otherCustomers, events: sizes.events },
    count: async ({ sql, params }) =>
      Number((await conn.query<{ count: string }>(sql, params)).rows[0]?.count),
    exec: async (sql) => {
      await conn.query(sql);
    },
    explain: async ({ sql, params }, analyze) =>
      (
        await conn.query<{ 'QUERY PLAN': string }>(
          `EXPLAIN ${analyze ? '(ANALYZE, BUFFERS) ' : ''}${sql}`,
          params,
        )
      ).rows.map((r) => r['QUERY PLAN']),
    loadCustomers: async () => {
      const customers: LoadedCustomer[] = [];
      await cursor<{ id: string; traits: Record<string, unknown> }>(
        'SELECT id, traits FROM customers WHERE workspace_id = $1',
        [WORKSPACES.main],
        ({ id, traits }) => customers.push({ id, traits, events: [] }),
      );
      return customers;
    },
    loadEvents: async (customers, names) => {
      const index = byId(customers);
      let n = 0;
      await cursor<{
        customer_id: string;
        name: string;
        at: number;
        properties: EventFact['properties'];
      }>(
        `SELECT customer_id, name, (extract(epoch FROM occurred_at) * 1000)::float8 AS at, properties
           FROM events WHERE workspace_id = $1 AND name = ANY($2::text[])`,
        [WORKSPACES.main, names],
        (row) => {
          index.get(row.customer_id)?.events.push({
            name: row.name,
            occurredAt: row.at,
            properties: row.properties,
          });
          n++;
        },
      );
      return n;
    },
    close: async () => {
      await conn.end();
      await orm.close();
      await scratch.drop();
    },
  };
}

interface IndexDef {
  readonly name: string;
  readonly create: string;
  readonly drop: string;
}

/** Indexes and unique/primary-key constraints of a table that no foreign key depends on. */
async function droppableIndexes(client: PgClient, table: string): Promise<IndexDef[]> {
  const { rows } = await client.query<IndexDef>(
    `SELECT c.conname AS name,
            format('ALTER TABLE %I ADD CONSTRAINT %I %s', $1::text, c.conname, pg_get_constraintdef(c.oid)) AS create,
            format('ALTER TABLE %I DROP CONSTRAINT %I', $1::text, c.conname) AS drop
       FROM pg_constraint c
      WHERE c.conrelid = $1::regclass AND c.contype IN ('p', 'u')
        AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = c.conindid)
     UNION ALL
     SELECT i.indexname, i.indexdef, format('DROP INDEX %I', i.indexname)
       FROM pg_indexes i
      WHERE i.schemaname = current_schema() AND i.tablename = $1::text
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conrelid = $1::regclass AND c.conname = i.indexname)`,
    [table],
  );
  return rows;
}

async function generate(url: string, sizes: GenerationSizes): Promise<void> {
  const client = await connect(url);
  try {
    const total = elapsed();
    // Session settings for the load only: no FK triggers (the data is consistent by construction).
    await client.query('SET session_replication_role = replica');
    await client.query("SET maintenance_work_mem = '1GB'");
    await client.query('SET synchronous_commit = off');
    await client.query(workspacesInsert('postgres'));
    const indexes = [
      ...(await droppableIndexes(client, 'customers')),
      ...(await droppableIndexes(client, 'events')),
    ];
    for (const index of indexes) await client.query(index.drop);
    await phaseAsync(`customers (${fmtCount(sizes.customers + sizes.otherCustomers)} rows)`, () =>
      client.query(customersInsert('postgres', sizes)),
    );
    await phaseAsync(`events (${fmtCount(sizes.events)} rows)`, () =>
      client.query(eventsInsert('postgres', sizes)),
    );
    await phaseAsync(`indexes rebuilt (${indexes.length})`, async () => {
      for (const index of indexes) await client.query(index.create);
    });
    await client.query('RESET ALL');
    await phaseAsync('VACUUM (ANALYZE)', () => client.query('VACUUM (ANALYZE)'));
    console.log(`  generation total ${fmtMs(total())}`);
  } finally {
    await client.end();
  }
}
