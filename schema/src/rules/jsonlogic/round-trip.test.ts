import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interpret } from '../explain';
import type { CustomerFacts } from '../facts';
import type { RuleDocument, RuleNode } from '../rule.types';
import { validateRule } from '../validate/validate-rule';
import { fromJsonLogic } from './from-json-logic';
import { factsArbitrary, ruleArbitrary } from './jsonlogic.arbitraries';
import { toJsonLogic } from './to-json-logic';

const NOW = Date.UTC(2026, 4, 1);
/** schema/ has no Node types: read the environment through globalThis. */
const env =
  (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env ?? {};
const RUNS = Number(env['RULE_PROPERTY_RUNS'] ?? 1000);

function roundTrip(rule: RuleDocument): RuleDocument {
  const out = toJsonLogic(rule);
  if (!out.ok) throw new Error(`export failed: ${JSON.stringify(out.problems)}`);
  const back = fromJsonLogic(out.logic);
  if (!back.ok)
    throw new Error(
      `import failed: ${JSON.stringify(back.problems)} for ${JSON.stringify(out.logic)}`,
    );
  return back.rule;
}

const c = (traits: Record<string, unknown>, email?: string): CustomerFacts => ({
  id: 'c',
  traits,
  events: [],
  ...(email === undefined ? {} : { email }),
});
const CUSTOMERS: CustomerFacts[] = [
  c({}),
  c({ country: 'US', ltv: 600, tags: ['vip', 'beta'], vip: true }, 'ann@sales.io'),
  c({ country: 'CA', ltv: '600', tags: [], vip: false }),
  c({ country: null, ltv: 500, tags: 'vip', vip: 'true' }, ''),
  c({ country: ['US'], ltv: Infinity, tags: ['vip', 1], company: { size: 50 } }),
];

const hand: Array<[string, RuleNode]> = [
  [
    'neq on a string',
    { kind: 'trait', path: 'traits.country', type: 'string', op: 'neq', value: 'US' },
  ],
  [
    'notIn on a string',
    { kind: 'trait', path: 'traits.country', type: 'string', op: 'notIn', values: ['US'] },
  ],
  ['gt on a number', { kind: 'trait', path: 'traits.ltv', type: 'number', op: 'gt', value: 550 }],
  [
    'between',
    { kind: 'trait', path: 'traits.ltv', type: 'number', op: 'between', min: 500, max: 600 },
  ],
  [
    'list contains',
    { kind: 'trait', path: 'traits.tags', type: 'stringList', op: 'contains', value: 'vip' },
  ],
  [
    'list notIn',
    { kind: 'trait', path: 'traits.tags', type: 'stringList', op: 'notIn', values: ['beta'] },
  ],
  ['boolean neq', { kind: 'trait', path: 'traits.vip', type: 'boolean', op: 'neq', value: true }],
  ['isEmpty', { kind: 'trait', path: 'email', type: 'string', op: 'isEmpty' }],
  ['endsWith', { kind: 'trait', path: 'email', type: 'string', op: 'endsWith', value: '.io' }],
  [
    'nested path',
    { kind: 'trait', path: 'traits.company.size', type: 'number', op: 'gte', value: 10 },
  ],
  [
    'groups',
    {
      kind: 'all',
      children: [
        { kind: 'any', children: [] },
        { kind: 'not', child: { kind: 'all', children: [] } },
      ],
    },
  ],
];

describe('fromJsonLogic(toJsonLogic(rule))', () => {
  it.each(hand)('evaluates like the rule: %s', (_, root) => {
    const rule: RuleDocument = { version: 1, root };
    expect(validateRule(rule).ok).toBe(true);
    const back = roundTrip(rule);
    for (const customer of CUSTOMERS) {
      expect(interpret(back, customer, { now: NOW }), JSON.stringify(customer)).toBe(
        interpret(rule, customer, { now: NOW }),
      );
    }
  });

  it('reads exported comparisons back as themselves (booleans: neq x as eq !x)', () => {
    const rule: RuleDocument = { version: 1, root: { kind: 'not', child: hand[5]![1] } };
    expect(roundTrip(rule)).toEqual(rule);
  });

  it('evaluates like the rule, for random rules and customers (property)', () => {
    fc.assert(
      fc.property(
        ruleArbitrary(),
        fc.array(factsArbitrary, { minLength: 1, maxLength: 4 }),
        (rule, customers) => {
          expect(validateRule(rule).ok).toBe(true);
          const back = roundTrip(rule);
          for (const customer of customers) {
            expect(interpret(back, customer, { now: NOW })).toBe(
              interpret(rule, customer, { now: NOW }),
            );
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});
