import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { MikroORM, type Options } from '@mikro-orm/core';
import { BetterSqliteDriver } from '@mikro-orm/better-sqlite';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import type { AbstractSqlDriver, SqlEntityManager } from '@mikro-orm/knex';
import type { DatabaseTarget } from '../config/config';
import type { Logger } from '../logger';
import { assertUnreachable } from '@cairn/schema';
import { entities } from './entities';
import { WORKSPACE_FILTER, workspaceFilter } from './workspace-filter';
import { sqliteMigrations } from './migrations/sqlite';
import { postgresMigrations } from './migrations/postgres';
import { registerSqliteFunctions } from './sqlite-functions';
import { SQLITE_BACKSTOP_CHECKPOINT_PAGES } from './sqlite-checkpointer';
import type { Database } from 'better-sqlite3';

export type Orm = MikroORM<AbstractSqlDriver>;
export type Em = SqlEntityManager;

/** Folder of each dialect's checked-in migrations (used when generating new ones). */
export const migrationsFolder = (dialect: DatabaseTarget['dialect']): string =>
  new URL(`./migrations/${dialect}`, import.meta.url).pathname;

function baseOptions(target: DatabaseTarget, logger: Logger | undefined): Options {
  return {
    entities,
    filters: { [WORKSPACE_FILTER]: workspaceFilter },
    extensions: [Migrator],
    discovery: { disableDynamicFileAccess: true },
    allowGlobalContext: false,
    // Every scoped table carries workspace_id itself; joining `workspaces` to re-apply the filter adds nothing.
    autoJoinRefsForFilters: false,
    forceUtcTimezone: true,
    debug: logger?.isLevelEnabled('trace') ?? false,
    ...(logger ? { logger: (message: string) => logger.trace({ orm: true }, message) } : {}),
    migrations: {
      migrationsList: target.dialect === 'sqlite' ? sqliteMigrations : postgresMigrations,
      path: migrationsFolder(target.dialect),
      pathTs: migrationsFolder(target.dialect),
      snapshot: false,
      transactional: true,
      allOrNothing: true,
      emit: 'ts',
      fileName: (timestamp: string, name?: string) =>
        `Migration${timestamp}${name ? `_${name}` : ''}`,
    },
  };
}

/**
 * Connects to the configured database. SQLite files (and their folder) are created on first use;
 * WAL mode lets readers run while the writer commits.
 */
export async function createOrm(target: DatabaseTarget, logger?: Logger): Promise<Orm> {
  switch (target.dialect) {
    case 'sqlite': {
      if (target.path !== ':memory:') mkdirSync(dirname(target.path), { recursive: true });
      const orm = (await MikroORM.init({
        ...baseOptions(target, logger),
        driver: BetterSqliteDriver,
        dbName: target.path,
        pool: {
          afterCreate: (db: Database, done: (error: Error | null, db: Database) => void) => {
            if (target.path !== ':memory:') db.pragma('journal_mode = wal');
            db.pragma('busy_timeout = 5000');
            db.pragma('synchronous = normal');
            // Checkpoints run on their own thread (`checkpointInBackground`); this is the backstop.
            db.pragma(`wal_autocheckpoint = ${SQLITE_BACKSTOP_CHECKPOINT_PAGES}`);
            // 64 MiB of page cache (the default is 2 MiB): index inserts at random keys (identities,
            // emails) stay in memory as tables grow.
            db.pragma('cache_size = -65536');
            // Planner statistics: without them SQLite picks the (workspace_id, …) indexes for
            // per-customer lookups and scans a whole workspace. Cheap when nothing changed.
            db.pragma('analysis_limit = 1000');
            db.pragma('optimize = 0x10002');
            registerSqliteFunctions(db);
            done(null, db);
          },
        },
      })) as unknown as Orm;
      return orm;
    }
    case 'postgres':
      return (await MikroORM.init({
        ...baseOptions(target, logger),
        driver: PostgreSqlDriver,
        clientUrl: target.url,
        pool: { min: 0, max: 10 },
      })) as unknown as Orm;
    default:
      return assertUnreachable(target);
  }
}

/**
 * Keeps SQLite's planner statistics fresh in a long-running process (SQLite's advice: `PRAGMA
 * optimize` every few hours on long-lived connections). Returns a function that stops it; does
 * nothing on PostgreSQL, whose autovacuum analyzes by itself.
 */
export function keepStatisticsFresh(orm: Orm, everyMs = 60 * 60 * 1000): () => void {
  if (orm.config.get('driver') !== BetterSqliteDriver) return () => undefined;
  const timer = setInterval(() => {
    orm.em
      .getConnection()
      .execute('pragma optimize')
      .catch(() => undefined);
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** Applies every pending migration; returns the names applied. */
export async function migrate(orm: Orm): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((m) => m.name);
}

/** True when the database answers a trivial query (used by `/readyz`). */
export async function isDatabaseReachable(orm: Orm): Promise<boolean> {
  try {
    await orm.em.getConnection().execute('select 1');
    return true;
  } catch {
    return false;
  }
}
