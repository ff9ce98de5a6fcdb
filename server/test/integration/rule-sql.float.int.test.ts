/**
 * Regression: on PostgreSQL `sum`/`avg` of amounts near ±1e308 raised an overflow error (float8
 * addition), and any engine's order of addition could change a verdict. The aggregates are now
 * exact sums rounded once (schema/src/rules/semantics.md), the same in every evaluator.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  compileRule,
  interpret,
  validateRule,
  type CustomerFacts,
  type NumberComparison,
} from '@cairn/schema';
import { matchingCustomerIds } from '../../src/rules/rule-query';
import { workspaceWithFacts } from '../rule-facts-workspace';
import { startTestApp, testDialect, type TestApp } from '../harness';
import { DAY, NOW } from './rule-sql.fixtures';

const orders = (id: string, amounts: readonly number[]): CustomerFacts => ({
  id: `00000000-0000-7000-8000-0000000000${id}`,
  email: null,
  createdAt: NOW - 100 * DAY,
  traits: {},
  // Oldest first: IEEE addition in this order overflows where the exact sum does not.
  events: amounts.map((amount, i) => ({
    name: 'order',
    occurredAt: NOW - (amounts.length - i) * DAY,
    properties: { amount },
  })),
});

const customers = [
  orders('a1', [1e308, 1e308, -1e308, -1e308]),
  orders('b2', [1e308, 1e308]),
  orders('c3', [-1e308, -1e308, -1e308]),
  orders('d4', [0.1, 0.2]),
  orders('e5', [5e-324, 0]),
];
const [a, b, c, d, e] = customers.map((x) => x.id);

const cases: Array<[string, 'sum' | 'avg', NumberComparison, Array<string | undefined>]> = [
  ['exact sum 0, not Infinity', 'sum', { op: 'eq', value: 0 }, [a]],
  ['sum beyond the range is Infinity', 'sum', { op: 'gt', value: Number.MAX_VALUE }, [b]],
  ['and -Infinity', 'sum', { op: 'lt', value: -Number.MAX_VALUE }, [c]],
  ['0.1 + 0.2 is 0.3 (rounded once)', 'sum', { op: 'eq', value: 0.3 }, [d]],
  ['the mean of 1e308 twice is 1e308', 'avg', { op: 'eq', value: 1e308 }, [b]],
  ['the mean of -1e308 thrice', 'avg', { op: 'lte', value: -1e308 }, [c]],
  ['the mean of 5e-324 and 0 rounds up, not to 0', 'avg', { op: 'gt', value: 0 }, [b, d, e]],
  ['gte at an exact sum', 'sum', { op: 'gte', value: 0.3 }, [b, d]],
  ['between', 'avg', { op: 'between', min: -1, max: 1 }, [a, d, e]],
  ['neq', 'sum', { op: 'neq', value: 0 }, [b, c, d, e]],
];

let t: TestApp;
let workspaceId: string;
let facts: Map<string, CustomerFacts>;
beforeAll(async () => {
  t = await startTestApp();
  ({ workspaceId, facts } = await workspaceWithFacts(t, 'Floats', customers));
});
afterAll(() => t.close());

it.each(cases)(
  `${testDialect}: %s, in SQL as in both evaluators`,
  async (_name, type, compare, ids) => {
    const validated = validateRule({
      version: 1,
      root: {
        kind: 'event',
        event: 'order',
        measure: { type, property: 'amount', window: { type: 'ever' }, compare },
      },
    });
    expect(validated.ok).toBe(true);
    if (!validated.ok) return;
    const expected = ids.map(String).sort();
    const compiled = compileRule(validated.rule);
    const all = [...facts.values()];
    expect(all.filter((f) => interpret(validated.rule, f, { now: NOW })).map((f) => f.id)).toEqual(
      expected,
    );
    expect(all.filter((f) => compiled.evaluate(f, { now: NOW })).map((f) => f.id)).toEqual(
      expected,
    );
    expect(
      await matchingCustomerIds(t.app.orm.em.fork(), workspaceId, validated.rule, { now: NOW }),
    ).toEqual(expected);
  },
);
