import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const DEFAULT_TEST_PG_URL = 'postgres://postgres@127.0.0.1:5432/test';

export interface ScratchPostgres {
  /** URL of a brand-new, empty database. */
  readonly url: string;
  /** Drops the database (terminating any connection left open). */
  drop(): Promise<void>;
}

/**
 * Creates a fresh database on the server of `adminUrl` (used by tests and the migration
 * generator, so runs never share state).
 */
export async function createScratchPostgres(
  adminUrl: string = DEFAULT_TEST_PG_URL,
): Promise<ScratchPostgres> {
  const name = `cairn_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await withAdmin(adminUrl, (client) => client.query(`create database "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      withAdmin(adminUrl, (client) =>
        client.query(`drop database if exists "${name}" with (force)`),
      ).then(() => undefined),
  };
}

/** True when a PostgreSQL server answers at `adminUrl`. */
export async function isPostgresReachable(
  adminUrl: string = DEFAULT_TEST_PG_URL,
): Promise<boolean> {
  try {
    await withAdmin(adminUrl, (client) => client.query('select 1'));
    return true;
  } catch {
    return false;
  }
}

async function withAdmin<T>(adminUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}
