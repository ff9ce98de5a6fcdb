/**
 * Rule indexes write the rule's values into SQL as literals (src/rules/trait-indexes.ts
 * `ruleIndexOf`): hostile strings must stay values. For each, the index is built, the count reads
 * it (SQLite: INDEXED BY, the same literals in the query) and gives the interpreter's count, and
 * the customers are all still there. (NUL has no literal: such a rule keeps the expression
 * index, see trait-indexes.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  interpret,
  validateRule,
  type CustomerFacts,
  type RuleDocument,
  type RuleNode,
} from '@cairn/schema';
import { coveringIndex, countMatchingCustomers, dialectOf } from '../../src/rules/rule-query';
import { ensureTraitIndex, traitIndexOf } from '../../src/rules/trait-indexes';
import { workspaceWithFacts } from '../rule-facts-workspace';
import { startTestApp, testDialect, type TestApp } from '../harness';
import { NOW, trait } from './rule-sql.fixtures';

const HOSTILE = [
  "x') OR 1=1; --",
  "'",
  "''",
  "\\'",
  '\\',
  'a?b',
  '$1',
  'x"; DROP TABLE customers; --',
  'Zoë 🙂 \u202e ÇA',
  // The longest a rule takes.
  `${"'".repeat(300)}${'é?'.repeat(350)}`,
];

const customers: CustomerFacts[] = HOSTILE.map((value, i) => ({
  id: `00000000-0000-7000-8000-${String(i + 1).padStart(12, '0')}`,
  email: `c${i}@example.com`,
  createdAt: NOW - i * 1000,
  traits: { plan: value, tags: ['a', value] },
  events: [],
}));

const rule = (root: RuleNode): RuleDocument => {
  const validated = validateRule({ version: 1, root });
  if (!validated.ok) throw new Error(`invalid rule: ${JSON.stringify(validated.problems)}`);
  return validated.rule;
};

let t: TestApp;
let workspaceId: string;
let facts: Map<string, CustomerFacts>;
beforeAll(async () => {
  t = await startTestApp();
  ({ workspaceId, facts } = await workspaceWithFacts(t, 'Rule index literals', customers));
});
afterAll(() => t.close());

describe(`rule index literals on ${testDialect}`, () => {
  it.each(HOSTILE.map((value, i) => [i, value] as const))(
    'value %i stays a value in the index and the count',
    async (_i, value) => {
      const em = t.app.orm.em.fork();
      const dialect = dialectOf(em);
      for (const root of [
        trait('traits.plan', 'string', { op: 'eq', value }),
        trait('traits.plan', 'string', { op: 'in', values: [value, 'other'] }),
        trait('traits.tags', 'stringList', { op: 'contains', value }),
        { kind: 'not', child: trait('traits.plan', 'string', { op: 'startsWith', value }) },
      ] as RuleNode[]) {
        const r = rule(root);
        const name = await ensureTraitIndex(em, workspaceId, r);
        expect(name).toMatch(/^cairn_rule_/);
        if (dialect.name === 'sqlite')
          expect(await coveringIndex(em, dialect, workspaceId, r)).toMatchObject({
            kind: 'rule',
            name,
          });
        const expected = customers.filter((c) => interpret(r, facts.get(c.id)!, { now: NOW }));
        expect(
          await countMatchingCustomers(em, workspaceId, r, { now: NOW }),
          JSON.stringify(root),
        ).toBe(expected.length);
        expect(traitIndexOf(r, dialect, workspaceId)!.name).toBe(name);
      }
      const [row] = await em
        .getConnection()
        .execute<Array<{ n: number | string }>>(
          'SELECT count(*) AS n FROM customers WHERE workspace_id = ?',
          [workspaceId],
        );
      expect(Number(row!.n)).toBe(customers.length);
    },
  );
});
