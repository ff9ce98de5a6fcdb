import { BaseSqlitePlatform } from '@mikro-orm/knex';
import type { Em } from '../db/orm';
import { postgresDialect } from './postgres-dialect';
import type { SqlDialect } from './sql-dialect';
import { sqliteDialect } from './sqlite-dialect';

/** The rule SQL dialect of the entity manager's database. */
export function dialectOf(em: Em): SqlDialect {
  return em.getPlatform() instanceof BaseSqlitePlatform ? sqliteDialect : postgresDialect;
}
