import type { AnyEntity, EntityData } from '@mikro-orm/core';
import type { RuleDocument } from '@cairn/schema';
import { Customer } from '../db/entities';
import type { Em } from '../db/orm';
import {
  compileRuleSql,
  narrowedByEvents,
  readsEvents,
  type SqlRuleOptions,
} from './compile-rule-sql';
import type { SqlDialect } from './sql-dialect';
import { raw, sql, type Fragment } from './sql-fragment';
import { inlined, traitIndexOf, traitIndexState } from './trait-indexes';
import { dialectOf } from './dialect-of';

export { dialectOf };

/**
 * A SQLite trait index that holds every value the rule reads (`TraitIndex.covers`): the count
 * then reads the index alone. SQLite's planner does not see that an index of expressions covers
 * a query, so it is named (`INDEXED BY`), and the workspace is written as a literal for SQLite to
 * prove the index's `WHERE workspace_id = …` (it cannot from a parameter).
 */
export interface CoveringIndex {
  readonly name: string;
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
  covering?: CoveringIndex,
): RuleQuery {
  const sqlOptions = { ...options, workspaceId, customerAlias: 'c' };
  const where = compileRuleSql(rule, dialect, sqlOptions);
  const from =
    covering === undefined
      ? sql`FROM customers c WHERE ${dialect.inWorkspace('c', workspaceId, narrowedByEvents(rule, dialect, sqlOptions))} AND (${where})`
      : sql`FROM customers c INDEXED BY ${raw(covering.name)} WHERE c.workspace_id = ${raw(inlined(sql`${workspaceId}`))} AND (${where})`;
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
  const dialect = dialectOf(em);
  const query = matchingCustomersQuery(
    dialect,
    workspaceId,
    rule,
    options,
    'count',
    await coveringIndex(em, dialect, workspaceId, rule),
  );
  const row = await run<{ count: number | string }>(em, query, 'get');
  return Number(row.count);
}

/** The rule's covering trait index on SQLite, when it exists (see `CoveringIndex`). */
async function coveringIndex(
  em: Em,
  dialect: SqlDialect,
  workspaceId: string,
  rule: RuleDocument,
): Promise<CoveringIndex | undefined> {
  if (dialect.name !== 'sqlite') return undefined;
  const index = traitIndexOf(rule, dialect, workspaceId);
  if (!index?.covers) return undefined;
  return (await traitIndexState(em, dialect, index.name)) === 'valid'
    ? { name: index.name }
    : undefined;
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
