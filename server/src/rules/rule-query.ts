import type { AnyEntity, EntityData } from '@mikro-orm/core';
import { assertUnreachable, type RuleDocument } from '@cairn/schema';
import { Customer } from '../db/entities';
import type { Em } from '../db/orm';
import { readTogether } from '../db/read-together';
import {
  compileRuleSql,
  narrowedByEvents,
  readsEvents,
  type SqlRuleOptions,
} from './compile-rule-sql';
import type { SqlDialect } from './sql-dialect';
import { raw, sql, type Fragment } from './sql-fragment';
import { ruleIndexWhere, traitIndexOf, traitIndexState, workspaceScope } from './trait-indexes';
import { dialectOf } from './dialect-of';

export { dialectOf };

/**
 * A SQLite index a count reads alone, named (`INDEXED BY`): SQLite's planner neither sees that an
 * index of expressions covers a query nor, without statistics, prefers a partial index to the
 * workspace's. `rule`: the rule's rule index (trait-indexes.ts `ruleIndexOf`), which SQLite uses
 * only when the query's WHERE has the predicate's very terms, so the query's WHERE is `where`, the
 * predicate's text over `c` (every value a literal); the newest matches walk it too. `traits`: an
 * expression index holding every value the rule reads (`TraitIndex.covers`), with the workspace
 * written as a literal for SQLite to prove the index's `WHERE workspace_id = …` (it cannot from a
 * parameter).
 */
export type CoveringIndex =
  | { readonly kind: 'rule'; readonly name: string; readonly where: string }
  | { readonly kind: 'traits'; readonly name: string };

/** The evaluation options of a rule query (the workspace is its own argument). */
export type RuleQueryOptions = Omit<SqlRuleOptions, 'workspaceId' | 'customerAlias'>;

/** A whole-table rule query: its SQL and the settings to run it with (see `SqlDialect.settings`). */
export interface RuleQuery {
  readonly query: Fragment;
  readonly settings: readonly string[];
}

/**
 * The dialect with calendar conditions (anniversaries) in each customer's own time zone, as the
 * evaluators take them (`options.timeZone` for customers without one, UTC by default).
 */
function inCustomerZones(d: SqlDialect, alias: string): SqlDialect {
  return {
    ...d,
    anniversaryDays: (text, now, zone) =>
      d.anniversaryDays(text, now, sql`COALESCE(${raw(`${alias}.time_zone`)}, ${zone})`),
  };
}

/**
 * What a rule query returns: `count` (one row, `count`), `ids` (rows of `id`, in id order), or
 * `newest` (the ids of the `limit` most recently created matches, newest first: the order of the
 * (workspace, created_at, id) index, which the database walks backwards and leaves after `limit`
 * matches instead of evaluating the rule for everyone and sorting).
 */
export type RuleQueryOutput =
  'count' | 'ids' | { readonly newest: number; readonly withCount?: boolean };

/** The query behind `countMatchingCustomers`, `matchingCustomerIds` and `newestMatchingCustomerIds`. */
export function matchingCustomersQuery(
  dialect: SqlDialect,
  workspaceId: string,
  rule: RuleDocument,
  options: RuleQueryOptions,
  output: RuleQueryOutput,
  covering?: CoveringIndex,
): RuleQuery {
  const sqlOptions = { ...options, workspaceId, customerAlias: 'c' };
  const from = fromMatches(dialect, workspaceId, rule, sqlOptions, covering);
  // The limit as a literal: a rule index's query has no parameters, and must have none, for the
  // ORM writes parameters into the text at each `?`, which a string literal in it may hold.
  const limit = (n: number) => {
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`Not a row limit: ${n}`);
    return raw(String(n));
  };
  return {
    query:
      output === 'count'
        ? sql`SELECT count(*) AS count ${from}`
        : output === 'ids'
          ? sql`SELECT c.id ${from} ORDER BY c.id`
          : sql`SELECT c.id${raw(output.withCount ? ', count(*) OVER () AS count' : '')} ${from} ORDER BY c.created_at DESC, c.id DESC LIMIT ${limit(output.newest)}`,
    settings: dialect.settings({ readsEvents: readsEvents(rule) }),
  };
}

/** `FROM … WHERE …` of a rule query: the customers of the workspace that match the rule. */
function fromMatches(
  dialect: SqlDialect,
  workspaceId: string,
  rule: RuleDocument,
  sqlOptions: SqlRuleOptions,
  covering: CoveringIndex | undefined,
): Fragment {
  if (covering?.kind === 'rule')
    return raw(`FROM customers c INDEXED BY ${covering.name} WHERE ${covering.where}`);
  const where = compileRuleSql(rule, inCustomerZones(dialect, 'c'), sqlOptions);
  if (covering === undefined)
    return sql`FROM customers c WHERE ${dialect.inWorkspace('c', workspaceId, narrowedByEvents(rule, dialect, sqlOptions))} AND (${where})`;
  return sql`FROM customers c INDEXED BY ${raw(covering.name)} WHERE ${raw(workspaceScope(workspaceId, 'c'))} AND (${where})`;
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
  const index = await coveringIndex(em, dialectOf(em), workspaceId, rule);
  return countWith(em, workspaceId, rule, options, index);
}

/** `countMatchingCustomers` reading `index` (already looked up) when there is one. */
async function countWith(
  em: Em,
  workspaceId: string,
  rule: RuleDocument,
  options: RuleQueryOptions,
  index: CoveringIndex | undefined,
): Promise<number> {
  const row = await runWithIndex<{ count: number | string }>(
    em,
    workspaceId,
    rule,
    options,
    'count',
    'get',
    index,
  );
  return Number(row.count);
}

/** The index a SQLite count reads alone, when it exists (see `CoveringIndex`). */
export async function coveringIndex(
  em: Em,
  dialect: SqlDialect,
  workspaceId: string,
  rule: RuleDocument,
): Promise<CoveringIndex | undefined> {
  if (dialect.name !== 'sqlite') return undefined;
  const index = traitIndexOf(rule, dialect, workspaceId);
  if (index === undefined || !index.covers) return undefined;
  if ((await traitIndexState(em, dialect, index.name)) !== 'valid') return undefined;
  switch (index.kind) {
    case 'rule': {
      const where = ruleIndexWhere(rule, dialect, workspaceId, 'c');
      return where === undefined ? undefined : { kind: 'rule', name: index.name, where };
    }
    case 'traits':
      return { kind: 'traits', name: index.name };
    default:
      return assertUnreachable(index.kind);
  }
}

/**
 * Runs a count or the newest matches reading `index`, the index SQLite can read alone
 * (`coveringIndex`), when there is one. Should the index be dropped between the look and the
 * query (a save or archive elsewhere drops rule indexes no active segment uses), `INDEXED BY`
 * fails: the query runs again without it.
 */
async function runWithIndex<T extends EntityData<AnyEntity> | EntityData<AnyEntity>[]>(
  em: Em,
  workspaceId: string,
  rule: RuleDocument,
  options: RuleQueryOptions,
  output: 'count' | { readonly newest: number },
  method: 'get' | 'all',
  index: CoveringIndex | undefined,
): Promise<T> {
  const dialect = dialectOf(em);
  const query = (i?: CoveringIndex) =>
    matchingCustomersQuery(dialect, workspaceId, rule, options, output, i);
  if (index === undefined) return run<T>(em, query(), method);
  try {
    return await run<T>(em, query(index), method);
  } catch (error) {
    if (!String(error).includes(`no such index: ${index.name}`)) throw error;
    return run<T>(em, query(), method);
  }
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

/** Ids of the `limit` most recently created matching customers, newest first (see `RuleQueryOutput`). */
export async function newestMatchingCustomerIds(
  em: Em,
  workspaceId: string,
  rule: RuleDocument,
  options: RuleQueryOptions,
  limit: number,
): Promise<string[]> {
  const index = await coveringIndex(em, dialectOf(em), workspaceId, rule);
  return newestWith(em, workspaceId, rule, options, limit, index);
}

/**
 * `newestMatchingCustomerIds` along `index` (already looked up) when it is a rule index: an
 * expression index does not give the newest matches' order.
 */
async function newestWith(
  em: Em,
  workspaceId: string,
  rule: RuleDocument,
  options: RuleQueryOptions,
  limit: number,
  index: CoveringIndex | undefined,
): Promise<string[]> {
  const rows = await runWithIndex<Array<{ id: string }>>(
    em,
    workspaceId,
    rule,
    options,
    { newest: limit },
    'all',
    index?.kind === 'rule' ? index : undefined,
  );
  return rows.map((r) => r.id);
}

/**
 * The count and the `limit` newest matches. A rule that reads events is evaluated once for both
 * (`count(*) OVER ()` beside the sample): its cost is building the event condition's set, which
 * two queries would pay twice, one after the other on SQLite's single connection. A trait-only
 * rule keeps two queries: the count can read a covering trait index alone, and the sample walks
 * the rule index (on SQLite) or the (workspace, created_at, id) index backwards and stops after
 * `limit` matches.
 */
export async function countAndNewestMatchingCustomers(
  em: Em,
  workspaceId: string,
  rule: RuleDocument,
  options: RuleQueryOptions,
  limit: number,
): Promise<{ count: number; ids: string[] }> {
  if (limit === 0 || !readsEvents(rule)) {
    // The index is looked up once for both.
    const index = await coveringIndex(em, dialectOf(em), workspaceId, rule);
    const [count, ids] = await readTogether(em, [
      () => countWith(em, workspaceId, rule, options, index),
      () => (limit === 0 ? [] : newestWith(em, workspaceId, rule, options, limit, index)),
    ]);
    return { count, ids };
  }
  const query = matchingCustomersQuery(dialectOf(em), workspaceId, rule, options, {
    newest: limit,
    withCount: true,
  });
  const rows = await run<Array<{ id: string; count: number | string }>>(em, query, 'all');
  return { count: rows.length === 0 ? 0 : Number(rows[0]!.count), ids: rows.map((r) => r.id) };
}
