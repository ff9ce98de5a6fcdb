import { describe, expect, it } from 'vitest';
import { interpret } from '../explain';
import { RULE_VERSION, type Predicate, type RuleNode, type ValueType } from '../rule.types';
import { compileRule } from './compile-rule';
import { customer, DAY, expectVerdict, NOW } from './verdicts.testing';

const trait = (type: ValueType, predicate: Predicate, path = 'traits.x'): RuleNode =>
  ({ kind: 'trait', path, type, ...predicate }) as RuleNode;
const MISSING = Symbol('missing');

/** [type, predicate, the value of traits.x (MISSING: absent), expected verdict] */
const PREDICATE_CASES: Array<[ValueType, Predicate, unknown, boolean]> = [
  ['string', { op: 'eq', value: 'US' }, 'US', true],
  ['string', { op: 'eq', value: 'US' }, 'us', false],
  ['string', { op: 'eq', value: 'US' }, MISSING, false],
  ['string', { op: 'eq', value: '42' }, 42, false],
  ['string', { op: 'neq', value: 'US' }, 'CA', true],
  ['string', { op: 'neq', value: 'US' }, MISSING, false],
  ['string', { op: 'neq', value: 'US' }, null, false],
  ['string', { op: 'neq', value: 'US' }, 42, false],
  ['string', { op: 'in', values: ['US', 'CA'] }, 'CA', true],
  ['string', { op: 'in', values: ['US', 'CA'] }, 'FR', false],
  ['string', { op: 'in', values: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'] }, 'j', true],
  ['string', { op: 'in', values: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'] }, 'k', false],
  ['string', { op: 'notIn', values: ['US'] }, 'CA', true],
  ['string', { op: 'notIn', values: ['US'] }, MISSING, false],
  [
    'string',
    { op: 'notIn', values: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'] },
    'a',
    false,
  ],
  ['string', { op: 'contains', value: 'ol' }, 'gold', true],
  ['string', { op: 'contains', value: 'ol' }, ['ol'], false],
  ['string', { op: 'notContains', value: 'zz' }, 'gold', true],
  ['string', { op: 'notContains', value: 'zz' }, MISSING, false],
  ['string', { op: 'startsWith', value: 'go' }, 'gold', true],
  ['string', { op: 'startsWith', value: 'ld' }, 'gold', false],
  ['string', { op: 'endsWith', value: 'ld' }, 'gold', true],
  ['string', { op: 'matches', pattern: '^g.ld$' }, 'gold', true],
  ['string', { op: 'matches', pattern: '^g.ld$' }, 'GOLD', false],
  ['string', { op: 'matches', pattern: '^g.ld$', ignoreCase: true }, 'GOLD', true],
  ['string', { op: 'exists' }, '', true],
  ['string', { op: 'exists' }, null, false],
  ['string', { op: 'exists' }, MISSING, false],
  ['string', { op: 'notExists' }, null, true],
  ['string', { op: 'notExists' }, 0, false],
  ['string', { op: 'isEmpty' }, '', true],
  ['string', { op: 'isEmpty' }, [], true],
  ['string', { op: 'isEmpty' }, MISSING, true],
  ['string', { op: 'isEmpty' }, ' ', false],
  ['number', { op: 'eq', value: 0 }, -0, true],
  ['number', { op: 'eq', value: 1 }, '1', false],
  ['number', { op: 'neq', value: 5 }, 6, true],
  ['number', { op: 'neq', value: 5 }, Infinity, false],
  ['number', { op: 'neq', value: 5 }, Number.NaN, false],
  ['number', { op: 'gt', value: 500 }, 500.5, true],
  ['number', { op: 'gt', value: 500 }, 500, false],
  ['number', { op: 'gte', value: 500 }, 500, true],
  ['number', { op: 'lt', value: 0 }, -Infinity, false],
  ['number', { op: 'lte', value: 0 }, -0, true],
  ['number', { op: 'between', min: 1, max: 2 }, 2, true],
  ['number', { op: 'between', min: 1, max: 2 }, 2.01, false],
  ['number', { op: 'in', values: [1, 2] }, 2, true],
  ['number', { op: 'in', values: [0] }, -0, true],
  ['number', { op: 'notIn', values: [1] }, Number.NaN, false],
  ['number', { op: 'notIn', values: [1] }, 2, true],
  ['number', { op: 'exists' }, Number.NaN, true],
  ['boolean', { op: 'eq', value: false }, false, true],
  ['boolean', { op: 'eq', value: true }, 'true', false],
  ['boolean', { op: 'neq', value: true }, false, true],
  ['date', { op: 'before', value: '2026-01-01' }, '2025-12-31', true],
  ['date', { op: 'before', value: '2026-01-01' }, '2025-12-31T23:00:00-02:00', false],
  ['date', { op: 'before', value: '2026-01-01' }, '2025-12-31T12:00:00', false],
  ['date', { op: 'before', value: '2026-01-01' }, '2026-02-30', false],
  ['date', { op: 'after', value: '2026-01-01T00:00:00Z' }, '2026-01-01T00:00:00.001Z', true],
  ['date', { op: 'after', value: '2026-01-01T00:00:00Z' }, '2026-01-01', false],
  [
    'date',
    { op: 'between', min: '2026-01-01', max: '2026-01-31' },
    '2026-01-31T00:00:00.000000000Z',
    true,
  ],
  ['date', { op: 'between', min: '2026-01-01', max: '2026-01-31' }, '2026-01-31T00:00:01Z', false],
  [
    'date',
    { op: 'withinLast', duration: { amount: 7, unit: 'days' } },
    new Date(NOW - 7 * DAY).toISOString(),
    true,
  ],
  [
    'date',
    { op: 'withinLast', duration: { amount: 7, unit: 'days' } },
    new Date(NOW - 7 * DAY - 1).toISOString(),
    false,
  ],
  [
    'date',
    { op: 'withinLast', duration: { amount: 7, unit: 'days' } },
    new Date(NOW).toISOString(),
    true,
  ],
  [
    'date',
    { op: 'withinLast', duration: { amount: 7, unit: 'days' } },
    new Date(NOW + 1).toISOString(),
    false,
  ],
  [
    'date',
    { op: 'notWithinLast', duration: { amount: 7, unit: 'days' } },
    new Date(NOW - 7 * DAY - 1).toISOString(),
    true,
  ],
  [
    'date',
    { op: 'notWithinLast', duration: { amount: 7, unit: 'days' } },
    new Date(NOW - 7 * DAY).toISOString(),
    false,
  ],
  ['date', { op: 'notWithinLast', duration: { amount: 7, unit: 'days' } }, MISSING, false],
  ['date', { op: 'anniversaryWithin', days: 7 }, '1990-03-20', true],
  ['date', { op: 'anniversaryWithin', days: 4 }, '1990-03-20', false],
  ['date', { op: 'anniversaryWithin', days: 0 }, '1990-03-15', true],
  ['date', { op: 'anniversaryWithin', days: 0 }, 'not a date', false],
  ['date', { op: 'exists' }, 'not a date', true],
  ['stringList', { op: 'contains', value: 'a' }, ['a', 'b'], true],
  ['stringList', { op: 'contains', value: 'a' }, 'a', false],
  ['stringList', { op: 'notContains', value: 'z' }, ['a'], true],
  ['stringList', { op: 'notContains', value: 'z' }, ['a', 1], false],
  ['stringList', { op: 'in', values: ['b', 'z'] }, ['a', 'b'], true],
  ['stringList', { op: 'in', values: ['b', 'z'] }, [], false],
  ['stringList', { op: 'notIn', values: ['b', 'z'] }, [], true],
  ['stringList', { op: 'notIn', values: ['b', 'z'] }, ['b'], false],
  ['stringList', { op: 'isEmpty' }, [], true],
  // Operators the validator refuses for the type still behave like the interpreter.
  ['date', { op: 'eq', value: '2026-01-01' }, '2026-01-01T00:00:00Z', true],
  ['stringList', { op: 'eq', value: 'a' }, ['a'], false],
  ['number', { op: 'notContains', value: 'a' }, 1, true],
  ['date', { op: 'notIn', values: ['2026-01-01'] }, '2026-01-01', true],
];

describe('compileRule: predicates on a trait', () => {
  it.each(PREDICATE_CASES)('%s %j on %o is %s', (type, predicate, value, expected) => {
    expectVerdict(
      trait(type, predicate),
      customer({ traits: value === MISSING ? {} : { x: value } }),
      expected,
    );
  });

  it('reads anniversaries in the time zone', () => {
    const rule = trait('date', { op: 'anniversaryWithin', days: 0 }, 'traits.birthday');
    // 23:30 UTC on the 15th is already the 16th in Kolkata (+05:30).
    const facts = customer({ traits: { birthday: '1990-03-15T23:30:00Z' } });
    expectVerdict(rule, facts, true, { now: NOW });
    expectVerdict(rule, facts, false, { now: NOW, timeZone: 'Asia/Kolkata' });
    // A 29 February anniversary falls on 28 February in common years.
    expectVerdict(rule, customer({ traits: { birthday: '1992-02-29' } }), true, {
      now: Date.UTC(2025, 1, 28, 12),
    });
  });
});

describe('compileRule: paths', () => {
  const city = trait('string', { op: 'eq', value: 'Paris' }, 'traits.address.city');
  const exists = (path: string) => trait('string', { op: 'exists' }, path);

  it('follows nested objects, never arrays or primitives', () => {
    expectVerdict(city, customer({ traits: { address: { city: 'Paris' } } }), true);
    expectVerdict(city, customer({ traits: { address: [{ city: 'Paris' }] } }), false);
    expectVerdict(city, customer({ traits: { address: 'Paris' } }), false);
    expectVerdict(city, customer({ traits: { address: null } }), false);
    expectVerdict(exists('traits.address'), customer({ traits: { address: ['x'] } }), true);
  });

  it('reads own properties only: __proto__, constructor, toString', () => {
    for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
      expectVerdict(exists(`traits.${key}`), customer({ traits: {} }), false);
      expectVerdict(exists(`traits.a.${key}`), customer({ traits: { a: {} } }), false);
      expectVerdict(
        trait('string', { op: 'eq', value: 'x' }, `traits.${key}`),
        customer({ traits: JSON.parse(`{"${key}": "x"}`) }),
        true,
      );
    }
    expectVerdict(
      exists('traits.__proto__'),
      customer({ traits: JSON.parse('{"__proto__": null}') }),
      false,
    );
    expectVerdict(
      trait('string', { op: 'eq', value: 'US' }, 'traits.country'),
      customer({ traits: JSON.parse('{"__proto__": null, "country": "US"}') }),
      true,
    );
  });

  it('does not see inherited values; null-prototype objects work', () => {
    const us = trait('string', { op: 'eq', value: 'US' }, 'traits.country');
    expectVerdict(us, customer({ traits: Object.create({ country: 'US' }) }), false);
    expectVerdict(
      us,
      customer({ traits: Object.assign(Object.create(null), { country: 'US' }) }),
      true,
    );
    expectVerdict(city, customer({ traits: { address: Object.create({ city: 'Paris' }) } }), false);
  });

  it('reads a key Object.prototype gains after compiling as missing (prototype pollution)', () => {
    const rule = compileRule({
      kind: 'any',
      children: [
        trait('string', { op: 'eq', value: 'US' }, 'traits.polluted'),
        trait('string', { op: 'eq', value: 'US' }, 'traits.a.polluted'),
      ],
    });
    const own = customer({ traits: { polluted: 'US' } });
    const plain = customer({ traits: { a: {} } });
    // Many evaluations first, so that an optimizing engine has specialised the code.
    for (let i = 0; i < 20_000; i++) rule.evaluate(i % 2 === 0 ? own : plain, { now: NOW });
    const proto = Object.prototype as Record<string, unknown>;
    proto['polluted'] = 'US';
    try {
      expect(rule.evaluate(plain, { now: NOW })).toBe(false);
      expect(rule.evaluate(own, { now: NOW })).toBe(true);
    } finally {
      delete proto['polluted'];
    }
  });

  it('does not follow an array whose prototype is Object.prototype', () => {
    const traits = { address: Object.setPrototypeOf({ city: 'Paris' }, null) };
    expectVerdict(city, customer({ traits }), true);
    const arrayLike = Object.setPrototypeOf(['Paris'], Object.prototype) as unknown;
    expectVerdict(exists('traits.list.0'), customer({ traits: { list: arrayLike } }), false);
  });

  it('reads email and createdAt from the profile', () => {
    expectVerdict(trait('string', { op: 'notExists' }, 'email'), customer({ email: null }), true);
    expectVerdict(
      trait('string', { op: 'endsWith', value: '@x.com' }, 'email'),
      customer({ email: 'a@x.com' }),
      true,
    );
    const recent = trait(
      'date',
      { op: 'withinLast', duration: { amount: 1, unit: 'days' } },
      'createdAt',
    );
    expectVerdict(recent, customer({ createdAt: NOW - DAY }), true);
    expectVerdict(recent, customer({ createdAt: NOW - DAY + 0.5 }), true); // the ISO text truncates to whole milliseconds
    expectVerdict(recent, customer({ createdAt: NOW - DAY - 0.5 }), false);
    expectVerdict(recent, customer({ createdAt: NOW - DAY - 1 }), false);
    expectVerdict(recent, customer({}), false);
    const old = trait('date', { op: 'before', value: '2000-01-01' }, 'createdAt');
    expectVerdict(old, customer({ createdAt: Date.UTC(10_000, 0, 1) }), false); // "+010000-…" is not a date the language reads
    expectVerdict(old, customer({ createdAt: Date.parse('0050-03-15T00:00:00Z') }), true);
    expectVerdict(old, customer({ createdAt: Date.parse('0000-06-01T00:00:00Z') }), false); // year 0 is not a date the language reads
    expectVerdict(trait('date', { op: 'exists' }, 'createdAt'), customer({ createdAt: 0 }), true);
    for (const invalid of [Number.NaN, Infinity, 8.64e15 + 1]) {
      // A time JavaScript cannot represent is no value.
      expectVerdict(
        trait('date', { op: 'notExists' }, 'createdAt'),
        customer({ createdAt: invalid }),
        true,
      );
      expectVerdict(recent, customer({ createdAt: invalid }), false);
    }
    expectVerdict(
      trait('date', { op: 'anniversaryWithin', days: 0 }, 'createdAt'),
      customer({ createdAt: NOW - 365 * DAY }),
      true,
    );
  });
});

describe('compileRule: groups and profile conditions', () => {
  const yes: RuleNode = { kind: 'segment', segmentId: 'a' };
  const no: RuleNode = { kind: 'segment', segmentId: 'b' };
  const facts = customer({ segments: ['a'] });

  it('combines with all, any and not', () => {
    expectVerdict({ kind: 'all', children: [] }, facts, true);
    expectVerdict({ kind: 'any', children: [] }, facts, false);
    expectVerdict({ kind: 'all', children: [yes, no] }, facts, false);
    expectVerdict({ kind: 'any', children: [no, yes] }, facts, true);
    expectVerdict({ kind: 'not', child: { kind: 'not', child: yes } }, facts, true);
    expectVerdict({ kind: 'not', child: { kind: 'all', children: [] } }, facts, false);
  });

  it('accepts a rule document', () => {
    expect(compileRule({ version: RULE_VERSION, root: yes }).evaluate(facts, { now: NOW })).toBe(
      true,
    );
  });

  it('checks segments and consent', () => {
    expectVerdict(yes, customer({}), false);
    for (const [consent, expected] of [
      [{ email: true }, true],
      [{ email: false }, false],
      [{}, false],
      [undefined, false],
    ] as const) {
      expectVerdict(
        { kind: 'consent', channel: 'email' },
        customer(consent === undefined ? {} : { consent }),
        expected,
      );
    }
  });

  it('puts customers in random buckets like the interpreter', () => {
    const results = new Set<boolean>();
    for (let i = 0; i < 50; i++) {
      const rule: RuleNode = { kind: 'randomBucket', salt: 'ab', from: 0, to: 5000 };
      const facts = customer({ id: `customer-${i}` });
      const verdict = interpret(rule, facts, { now: NOW });
      expectVerdict(rule, facts, verdict);
      results.add(verdict);
    }
    expect(results.size).toBe(2);
  });
});
