import { BaseSqlitePlatform } from '@mikro-orm/knex';
import type { RuleDocument } from '@cairn/schema';
import { Customer } from '../db/entities';
import type { Em } from '../db/orm';
import { compileRuleSql, type SqlRuleOptions } from './compile-rule-sql';
import { postgresDialect } from './postgres-dialect';
import type { SqlDialect } from './sql-dialect';
import { sqliteDialect } from './sqlite-dialect';

export function dialectOf(em: Em): SqlDialect {
  return em.getPlatform() instanceof BaseSqlitePlatform ? sqliteDialect : postgresDialect;
}

function matchingQuery(em: Em, workspaceId: string, rule: RuleDocument, options: SqlRuleOptions) {
  const where = compileRuleSql(rule, dialectOf(em), { ...options, customerAlias: 'c' });
  return em
    .createQueryBuilder(Customer, 'c')
    .where({ workspace: workspaceId })
    .andWhere(where.sql, [...where.params]);
}

/** How many customers of the workspace match the rule at `options.now`, computed in the database. */
export async function countMatchingCustomers(
  em: Em,
  workspaceId: string,
  rule: RuleDocument,
  options: SqlRuleOptions,
): Promise<number> {
  const row = await matchingQuery(em, workspaceId, rule, options).count('c.id').execute('get');
  return Number((row as { count: number | string }).count);
}

/** Ids of the matching customers, in id order. */
export async function matchingCustomerIds(
  em: Em,
  workspaceId: string,
  rule: RuleDocument,
  options: SqlRuleOptions,
): Promise<string[]> {
  const rows = await matchingQuery(em, workspaceId, rule, options)
    .select('c.id')
    .orderBy({ id: 'asc' })
    .execute('all');
  return (rows as Array<{ id: string }>).map((r) => r.id);
}
