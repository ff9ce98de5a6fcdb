import type { AnyEntity, EntityData } from '@mikro-orm/core';
import { BaseSqlitePlatform } from '@mikro-orm/knex';
import type { RuleDocument } from '@cairn/schema';
import { Customer } from '../db/entities';
import type { Em } from '../db/orm';
import {
  compileRuleSql,
  narrowedByEvents,
  readsEvents,
  type SqlRuleOptions,
} from './compile-rule-sql';
import { postgresDialect } from './postgres-dialect';
import type { SqlDialect } from './sql-dialect';
import { sql, type Fragment } from './sql-fragment';
import { sqliteDialect } from './sqlite-dialect';

export function dialectOf(em: Em): SqlDialect {
  return em.getPlatform() instanceof BaseSqlitePlatform ? sqliteDialect : postgresDialect;
}

/** The evaluation options of a rule query (the workspace is its own argument). */
export type RuleQueryOptions = Omit<SqlRuleOptions, 'workspaceId' | 'customerAlias'>;

/** A whole-table rule query: its SQL and the settings to run it with (see `SqlDialect.settings`). */
export interface RuleQuery {
  readonly query: Fragment;
  readonly settings: readonly string[];
}

/**
 * The query behind `countMatchingCustomers` (`count`: one row, `count`) and `matchingCustomerIds`
 * (`ids`: rows of `id`, in id order), for the dialect.
 */
export function matchingCustomersQuery(
  dialect: SqlDialect,
  workspaceId: string,
  rule: RuleDocument,
  options: RuleQueryOptions,
  output: 'count' | 'ids',
): RuleQuery {
  const sqlOptions = { ...options, workspaceId, customerAlias: 'c' };
  const where = compileRuleSql(rule, dialect, sqlOptions);
  const customers = dialect.inWorkspace(
    'c',
    workspaceId,
    narrowedByEvents(rule, dialect, sqlOptions),
  );
  const from = sql`FROM customers c WHERE ${customers} AND (${where})`;
  return {
    query:
      output === 'count'
        ? sql`SELECT count(*) AS count ${from}`
        : sql`SELECT c.id ${from} ORDER BY c.id`,
    settings: dialect.settings({ readsEvents: readsEvents(rule) }),
  };
}

/**
 * Runs a rule query; with settings, in a transaction of its own on the connection (a savepoint
 * inside the caller's transaction), so that nothing of the caller's unit of work is flushed.
 */
async function run<T extends EntityData<AnyEntity> | EntityData<AnyEntity>[]>(
  em: Em,
  { query, settings }: RuleQuery,
  method: 'get' | 'all',
): Promise<T> {
  // As the ORM's own customer queries do (flush mode AUTO): pending customer changes are flushed
  // first, so that the count sees them.
  await em.tryFlush(Customer, {});
  if (settings.length === 0) return em.execute<T>(query.sql, [...query.params], method);
  const connection = em.getConnection();
  return connection.transactional(
    async (trx) => {
      for (const setting of settings) await connection.execute(setting, [], 'run', trx);
      return connection.execute<T>(query.sql, [...query.params], method, trx);
    },
    { ctx: em.getTransactionContext() },
  );
}

/** How many customers of the workspace match the rule at `options.now`, computed in the database. */
export async function countMatchingCustomers(
  em: Em,
  workspaceId: string,
  rule: RuleDocument,
  options: RuleQueryOptions,
): Promise<number> {
  const query = matchingCustomersQuery(dialectOf(em), workspaceId, rule, options, 'count');
  const row = await run<{ count: number | string }>(em, query, 'get');
  return Number(row.count);
}

/** Ids of the matching customers, in id order. */
export async function matchingCustomerIds(
  em: Em,
  workspaceId: string,
  rule: RuleDocument,
  options: RuleQueryOptions,
): Promise<string[]> {
  const query = matchingCustomersQuery(dialectOf(em), workspaceId, rule, options, 'ids');
  return (await run<Array<{ id: string }>>(em, query, 'all')).map((r) => r.id);
}
