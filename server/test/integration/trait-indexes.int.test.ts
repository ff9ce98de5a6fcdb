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
import {
  countMatchingCustomers,
  dialectOf,
  matchingCustomerIds,
  matchingCustomersQuery,
} from '../../src/rules/rule-query';
import { ensureTraitIndex, traitIndexOf, traitIndexState } from '../../src/rules/trait-indexes';
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
    // PostgreSQL: the rule as a partial index's predicate; SQLite: the trait values as expressions.
    expect(name).toMatch(
      testDialect === 'postgres' ? /^cairn_rule_[0-9a-f]{24}$/ : /^cairn_traits_[0-9a-f]{24}$/,
    );
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
      const em = t.app.orm.em.fork();
      const name = await ensureTraitIndex(em, workspaceId, rule);
      if (!name?.startsWith('cairn_rule_')) return;
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

  it('serve the count from the index alone: SQLite by INDEXED BY, PostgreSQL by an Index Only Scan of the rule index', async () => {
    const em = t.app.orm.em.fork();
    const name = (await ensureTraitIndex(em, workspaceId, usHighValue))!;
    const sqlite = testDialect === 'sqlite';
    const { query } = matchingCustomersQuery(
      dialectOf(em),
      workspaceId,
      usHighValue,
      { now: NOW },
      'count',
      sqlite ? { name } : undefined,
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
  });

  it.skipIf(testDialect !== 'postgres')(
    'saving and archiving segments drops the rule indexes no active segment uses (PostgreSQL)',
    async () => {
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
    },
  );
});
