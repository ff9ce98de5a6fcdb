/**
 * Trait indexes (src/rules/trait-indexes.ts): created per workspace, idempotent, and the rule
 * SQL gives the interpreter's verdicts with them in place (on SQLite the count then reads the
 * index alone, INDEXED BY), for every trait-only rule of the conformance suite.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interpret, validateRule, type CustomerFacts, type RuleDocument } from '@cairn/schema';
import { Workspace } from '../../src/db/entities';
import { scopeToWorkspace } from '../../src/db/workspace-filter';
import { SegmentService } from '../../src/modules/segment/segment.service';
import { readsEvents } from '../../src/rules/compile-rule-sql';
import type { Em } from '../../src/db/orm';
import {
  countMatchingCustomers,
  coveringIndex as readIndex,
  dialectOf,
  matchingCustomerIds,
  matchingCustomersQuery,
  newestMatchingCustomerIds,
} from '../../src/rules/rule-query';
import { ensureTraitIndex, traitIndexOf, traitIndexState } from '../../src/rules/trait-indexes';
import { postgresDialect } from '../../src/rules/postgres-dialect';
import { sqliteDialect } from '../../src/rules/sqlite-dialect';
import { workspaceWithFacts } from '../rule-facts-workspace';
import { startTestApp, testDialect, type TestApp } from '../harness';
import { conformanceRules } from './rule-sql.cases';
import { customers, NOW, trait } from './rule-sql.fixtures';
import { negationCases } from './rule-sql.negation-cases';

const traitRules = [...conformanceRules, ...negationCases].flatMap(([name, root]) => {
  const validated = validateRule({ version: 1, root });
  return validated.ok && !readsEvents(validated.rule) ? [[name, validated.rule] as const] : [];
});

const usHighValue: RuleDocument = {
  version: 1,
  root: {
    kind: 'all',
    children: [
      trait('traits.ltv', 'number', { op: 'gt', value: 500 }),
      trait('traits.country', 'string', { op: 'in', values: ['US', 'CA'] }),
    ],
  },
};

/** Customers in the order of the newest matches: created_at, then id, descending. */
const newestFirst = (list: readonly CustomerFacts[]): CustomerFacts[] =>
  [...list].sort((a, b) => (b.createdAt ?? 0) - (a.createdAt ?? 0) || (a.id < b.id ? 1 : -1));

/** The rule's index, ensured, when it is a rule index (`ruleIndexOf`); else undefined. */
async function ensureRuleIndex(rule: RuleDocument): Promise<{ em: Em; name: string } | undefined> {
  const em = t.app.orm.em.fork();
  const name = await ensureTraitIndex(em, workspaceId, rule);
  return name?.startsWith('cairn_rule_') ? { em, name } : undefined;
}

let t: TestApp;
let workspaceId: string;
let facts: Map<string, CustomerFacts>;
beforeAll(async () => {
  t = await startTestApp();
  ({ workspaceId, facts } = await workspaceWithFacts(t, 'Trait indexes', customers));
});
afterAll(() => t.close());

describe(`trait indexes on ${testDialect}`, () => {
  it('are created once per workspace and set of trait values, and only for trait-only rules', async () => {
    const em = t.app.orm.em.fork();
    const name = await ensureTraitIndex(em, workspaceId, usHighValue);
    // The rule as a partial index's predicate (a rule index), on both engines.
    expect(name).toMatch(/^cairn_rule_[0-9a-f]{24}$/);
    expect(await traitIndexState(em, dialectOf(em), name!)).toBe('valid');
    // Idempotent: the same index again, no error.
    expect(await ensureTraitIndex(em, workspaceId, usHighValue)).toBe(name);
    // Scoped: another workspace gets its own (partial) index.
    const other = (await t.workspace('Other')).id;
    const otherName = await ensureTraitIndex(em, other, usHighValue);
    expect(otherName).not.toBe(name);
    expect(traitIndexOf(usHighValue, dialectOf(em), other)!.ddl).toContain(`'${other}'`);
    // Rules with event conditions get none.
    const withEvents: RuleDocument = {
      version: 1,
      root: {
        kind: 'all',
        children: [
          usHighValue.root,
          {
            kind: 'event',
            event: 'order',
            measure: { type: 'count', window: { type: 'ever' }, compare: { op: 'gt', value: 0 } },
          },
        ],
      },
    };
    expect(await ensureTraitIndex(em, workspaceId, withEvents)).toBeUndefined();
  });

  it('give most trait-only rules of the suite a rule index (the tests below check each)', () => {
    const d = testDialect === 'sqlite' ? sqliteDialect : postgresDialect;
    const kinds = traitRules.map(([, rule]) => traitIndexOf(rule, d, workspaceId)?.kind);
    expect(kinds.filter((k) => k === 'rule').length).toBeGreaterThanOrEqual(40);
  });

  it.each(traitRules)('%s: same customers with its index', async (_name, rule) => {
    const em = t.app.orm.em.fork();
    await ensureTraitIndex(em, workspaceId, rule);
    for (const timeZone of ['UTC', 'Pacific/Kiritimati']) {
      const expected = customers
        .filter((c) => interpret(rule, facts.get(c.id)!, { now: NOW, timeZone }))
        .map((c) => c.id)
        .sort();
      expect(await matchingCustomerIds(em, workspaceId, rule, { now: NOW, timeZone })).toEqual(
        expected,
      );
      expect(await countMatchingCustomers(em, workspaceId, rule, { now: NOW, timeZone })).toBe(
        expected.length,
      );
    }
  });

  // The rule index is used only when PostgreSQL proves the query's WHERE implies its predicate
  // (the same SQL, with the values the server binds as parameters): for every rule that gets one,
  // the count must be an Index Only Scan of it, and right.
  it.skipIf(testDialect !== 'postgres').each(traitRules)(
    '%s: counted from its rule index alone (PostgreSQL)',
    async (_name, rule) => {
      const ruleIndex = await ensureRuleIndex(rule);
      if (ruleIndex === undefined) return;
      const { em, name } = ruleIndex;
      const connection = em.getConnection();
      await connection.execute('VACUUM customers');
      const { query } = matchingCustomersQuery(
        dialectOf(em),
        workspaceId,
        rule,
        { now: NOW },
        'count',
      );
      const [plan, count] = await connection.transactional(async (trx) => {
        await connection.execute('SET LOCAL enable_seqscan = off', [], 'run', trx);
        await connection.execute('SET LOCAL enable_bitmapscan = off', [], 'run', trx);
        const run = (prefix: string) =>
          connection.execute<Array<Record<string, string>>>(
            `${prefix}${query.sql}`,
            [...query.params],
            'all',
            trx,
          );
        return [await run('EXPLAIN '), await run('')] as const;
      });
      expect(plan.map((row) => Object.values(row).join(' ')).join('\n')).toContain(
        `Index Only Scan using ${name}`,
      );
      const expected = customers.filter((c) => interpret(rule, facts.get(c.id)!, { now: NOW }));
      expect(Number(count[0]!['count'])).toBe(expected.length);
    },
  );

  // SQLite uses a partial index only when the query's WHERE holds the predicate's own terms,
  // values as the same literals: for every rule that gets a rule index, the count and the newest
  // matches must read it (the count without a single row of the table), and be right.
  it.skipIf(testDialect !== 'sqlite').each(traitRules)(
    '%s: counted from its rule index alone, newest matches walked along it (SQLite)',
    async (_name, rule) => {
      const ruleIndex = await ensureRuleIndex(rule);
      if (ruleIndex === undefined) return;
      const { em, name } = ruleIndex;
      const dialect = dialectOf(em);
      const index = await readIndex(em, dialect, workspaceId, rule);
      expect(index).toMatchObject({ kind: 'rule', name });
      const count = matchingCustomersQuery(
        dialect,
        workspaceId,
        rule,
        { now: NOW },
        'count',
        index,
      );
      const newest = matchingCustomersQuery(
        dialect,
        workspaceId,
        rule,
        { now: NOW },
        { newest: 3 },
        index,
      );
      // No parameters: the ORM would write one into the text at any `?`, a literal's too.
      expect([...count.query.params, ...newest.query.params]).toEqual([]);
      const plans = await sqlitePlans(em, count.query.sql);
      expect(plans.plan).toBe(`SCAN c USING INDEX ${name}`);
      // The index entries are counted: no column of the table is read (no `Column` on its cursor).
      expect(plans.reads).toEqual([]);
      expect((await sqlitePlans(em, newest.query.sql)).plan).toBe(`SCAN c USING INDEX ${name}`);
      const expected = newestFirst(
        customers.filter((c) => interpret(rule, facts.get(c.id)!, { now: NOW })),
      );
      expect(await countMatchingCustomers(em, workspaceId, rule, { now: NOW })).toBe(
        expected.length,
      );
      expect(await newestMatchingCustomerIds(em, workspaceId, rule, { now: NOW }, 3)).toEqual(
        expected.slice(0, 3).map((c) => c.id),
      );
    },
  );

  it('serve the count from the index alone: SQLite by INDEXED BY, PostgreSQL by an Index Only Scan of the rule index', async () => {
    const em = t.app.orm.em.fork();
    const sqlite = testDialect === 'sqlite';
    // On SQLite an expression index (the clock keeps the rule from a rule index of its own).
    const rule: RuleDocument = sqlite
      ? {
          version: 1,
          root: {
            kind: 'all',
            children: [
              usHighValue.root,
              trait('traits.signupDate', 'date', {
                op: 'withinLast',
                duration: { amount: 30, unit: 'days' },
              }),
            ],
          },
        }
      : usHighValue;
    const name = (await ensureTraitIndex(em, workspaceId, rule))!;
    const dialect = dialectOf(em);
    const index = await readIndex(em, dialect, workspaceId, rule);
    expect(index).toEqual(sqlite ? { kind: 'traits', name } : undefined);
    const { query } = matchingCustomersQuery(
      dialect,
      workspaceId,
      rule,
      { now: NOW },
      'count',
      index,
    );
    const connection = em.getConnection();
    // A few customers: PostgreSQL would rather scan the table, unless told not to. The table is
    // vacuumed first for the visibility map (autovacuum's steady state) that index-only scans need.
    if (!sqlite) await connection.execute('VACUUM customers');
    const plan = await connection.transactional(async (trx) => {
      if (!sqlite) await connection.execute('SET LOCAL enable_seqscan = off', [], 'run', trx);
      return connection.execute<Array<Record<string, string>>>(
        `${sqlite ? 'EXPLAIN QUERY PLAN' : 'EXPLAIN'} ${query.sql}`,
        [...query.params],
        'all',
        trx,
      );
    });
    const text = plan.map((row) => Object.values(row).join(' ')).join('\n');
    expect(text).toContain(sqlite ? `USING INDEX ${name}` : `Index Only Scan using ${name}`);
    const expected = customers.filter((c) => interpret(rule, facts.get(c.id)!, { now: NOW }));
    expect(await countMatchingCustomers(em, workspaceId, rule, { now: NOW })).toBe(expected.length);
  });

  it('count without the index when it is dropped between the look and the query', async () => {
    const em = t.app.orm.em.fork();
    const rule: RuleDocument = {
      version: 1,
      root: trait('traits.ltv', 'number', { op: 'gt', value: 123 }),
    };
    const name = (await ensureTraitIndex(em, workspaceId, rule))!;
    const expected = customers.filter((c) => interpret(rule, facts.get(c.id)!, { now: NOW }));
    // The count looks the index up first; the drop, asked for meanwhile, runs before its query.
    const counting = countMatchingCustomers(em, workspaceId, rule, { now: NOW });
    const newest = newestMatchingCustomerIds(em, workspaceId, rule, { now: NOW }, 2);
    await t.app.orm.em.fork().getConnection().execute(`DROP INDEX IF EXISTS ${name}`);
    expect(await counting).toBe(expected.length);
    expect(await newest).toEqual(
      newestFirst(expected)
        .slice(0, 2)
        .map((c) => c.id),
    );
    expect(await traitIndexState(em, dialectOf(em), name)).toBe('missing');
  });

  it('saving and archiving segments drops the rule indexes no active segment uses', async () => {
    const ws = await t.workspace('Rule index upkeep');
    const em = t.app.orm.em.fork();
    scopeToWorkspace(em, ws.id);
    const service = new SegmentService(em, await em.findOneOrFail(Workspace, { id: ws.id }));
    const dialect = dialectOf(em);
    const ltvOver = (value: number): RuleDocument => ({
      version: 1,
      root: trait('traits.ltv', 'number', { op: 'gt', value }),
    });
    const state = (rule: RuleDocument) =>
      traitIndexState(em, dialect, traitIndexOf(rule, dialect, ws.id)!.name);
    // Another workspace's index with the same rule is not this workspace's to drop.
    const elsewhere = (await ensureTraitIndex(em, workspaceId, ltvOver(100)))!;
    const saved = await service.create({ name: 'High value', rule: { ...ltvOver(100) } });
    if (!saved.ok) throw new Error('not saved');
    await service.create({ name: 'Very high value', rule: { ...ltvOver(1000) } });
    expect(await state(ltvOver(100))).toBe('valid');
    await service.update(saved.segment.id, { name: 'High value', rule: { ...ltvOver(200) } });
    expect(await state(ltvOver(100))).toBe('missing');
    expect(await state(ltvOver(200))).toBe('valid');
    expect(await state(ltvOver(1000))).toBe('valid');
    await service.archive(saved.segment.id);
    expect(await state(ltvOver(200))).toBe('missing');
    expect(await state(ltvOver(1000))).toBe('valid');
    expect(await traitIndexState(em, dialect, elsewhere)).toBe('valid');
  });
});

/**
 * SQLite's plan of a query (EXPLAIN QUERY PLAN's lines) and the columns its program reads from
 * the customers table itself (`Column` on the table's cursor; none when an index serves it alone).
 */
async function sqlitePlans(em: Em, query: string): Promise<{ plan: string; reads: number[] }> {
  const connection = em.getConnection();
  const plan = await connection.execute<Array<{ detail: string }>>(`EXPLAIN QUERY PLAN ${query}`);
  const [table] = await connection.execute<Array<{ rootpage: number }>>(
    `SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = 'customers'`,
  );
  const program = await connection.execute<
    Array<{ opcode: string; p1: number; p2: number; p3: number }>
  >(`EXPLAIN ${query}`);
  const cursors = new Set(
    program
      .filter((op) => op.opcode === 'OpenRead' && op.p2 === table!.rootpage)
      .map((op) => op.p1),
  );
  return {
    plan: plan.map((row) => row.detail).join('\n'),
    reads: program.filter((op) => op.opcode === 'Column' && cursors.has(op.p1)).map((op) => op.p2),
  };
}
