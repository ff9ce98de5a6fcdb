import { describe, expect, it } from 'vitest';
import { explain, interpret } from './explain';
import type { CustomerFacts } from './facts';
import type { RuleNode } from './rule.types';

const NOW = Date.parse('2026-06-15T12:00:00Z');
const DAY = 86_400_000;

const facts: CustomerFacts = {
  id: 'cust-1',
  email: 'ada@example.com',
  createdAt: NOW - 10 * DAY,
  traits: {
    country: 'US',
    ltv: 750,
    vip: false,
    tags: ['b2b', 'beta'],
    emptyList: [],
    blank: '',
    nothing: null,
    numberAsText: '42',
    company: { size: 120, name: 'Acme' },
    signupDate: '2026-06-01',
    birthday: '1990-06-20',
    lastOrderAt: '2026-06-14T09:00:00+02:00',
  },
  events: [
    {
      id: 'e1',
      name: 'email_click',
      occurredAt: NOW - 2 * DAY,
      properties: { url: '/pricing', amount: 10 },
    },
    { id: 'e2', name: 'email_click', occurredAt: NOW - 40 * DAY, properties: { url: '/blog' } },
    { id: 'e3', name: 'order', occurredAt: NOW - 5 * DAY, properties: { amount: 120.5 } },
    { id: 'e4', name: 'order', occurredAt: NOW - 80 * DAY, properties: { amount: 60 } },
    { id: 'e5', name: 'order', occurredAt: NOW + DAY, properties: { amount: 999 } },
    { id: 'e6', name: 'order', occurredAt: NOW - 6 * DAY, properties: { amount: 'n/a' } },
  ],
  scores: {
    fit: {
      history: [
        { at: NOW - 60 * DAY, value: 10 },
        { at: NOW - 20 * DAY, value: 25 },
        { at: NOW - DAY, value: 50 },
      ],
    },
  },
  consent: { email: true, sms: false },
  segments: ['seg-vip'],
};

const run = (root: RuleNode, f: CustomerFacts = facts, timeZone = 'UTC') =>
  interpret({ version: 1, root }, f, { now: NOW, timeZone });
const trait = (
  path: string,
  type: 'string' | 'number' | 'boolean' | 'date' | 'stringList',
  p: object,
): RuleNode => ({ kind: 'trait', path, type, ...p }) as RuleNode;

describe('trait conditions', () => {
  it.each([
    ['traits.country', 'string', { op: 'eq', value: 'US' }, true],
    ['traits.country', 'string', { op: 'eq', value: 'us' }, false],
    ['traits.country', 'string', { op: 'neq', value: 'CA' }, true],
    ['traits.missing', 'string', { op: 'neq', value: 'CA' }, false],
    ['traits.missing', 'string', { op: 'notIn', values: ['CA'] }, false],
    ['traits.missing', 'string', { op: 'notContains', value: 'x' }, false],
    ['traits.missing', 'string', { op: 'exists' }, false],
    ['traits.missing', 'string', { op: 'notExists' }, true],
    ['traits.nothing', 'string', { op: 'notExists' }, true],
    ['traits.nothing', 'string', { op: 'isEmpty' }, true],
    ['traits.blank', 'string', { op: 'isEmpty' }, true],
    ['traits.blank', 'string', { op: 'exists' }, true],
    ['traits.emptyList', 'stringList', { op: 'isEmpty' }, true],
    ['traits.tags', 'stringList', { op: 'isEmpty' }, false],
    ['traits.ltv', 'number', { op: 'gt', value: 500 }, true],
    ['traits.ltv', 'number', { op: 'between', min: 750, max: 750 }, true],
    ['traits.numberAsText', 'number', { op: 'eq', value: 42 }, false],
    ['traits.numberAsText', 'number', { op: 'neq', value: 42 }, false],
    ['traits.company.size', 'number', { op: 'gte', value: 100 }, true],
    ['traits.company', 'string', { op: 'eq', value: 'Acme' }, false],
    ['traits.vip', 'boolean', { op: 'eq', value: false }, true],
    ['traits.country', 'string', { op: 'in', values: ['US', 'CA'] }, true],
    ['traits.tags', 'stringList', { op: 'contains', value: 'beta' }, true],
    ['traits.tags', 'stringList', { op: 'in', values: ['x', 'b2b'] }, true],
    ['traits.tags', 'stringList', { op: 'notIn', values: ['x', 'y'] }, true],
    ['email', 'string', { op: 'endsWith', value: '@example.com' }, true],
    ['email', 'string', { op: 'matches', pattern: '^ADA@', ignoreCase: true }, true],
    ['email', 'string', { op: 'matches', pattern: '^ADA@' }, false],
    ['traits.signupDate', 'date', { op: 'after', value: '2026-05-31T23:59:59Z' }, true],
    [
      'traits.signupDate',
      'date',
      { op: 'withinLast', duration: { amount: 14, unit: 'days' } },
      false,
    ],
    [
      'traits.signupDate',
      'date',
      { op: 'withinLast', duration: { amount: 15, unit: 'days' } },
      true,
    ],
    [
      'traits.signupDate',
      'date',
      { op: 'notWithinLast', duration: { amount: 14, unit: 'days' } },
      true,
    ],
    [
      'traits.missing',
      'date',
      { op: 'notWithinLast', duration: { amount: 14, unit: 'days' } },
      false,
    ],
    [
      'traits.lastOrderAt',
      'date',
      { op: 'withinLast', duration: { amount: 30, unit: 'hours' } },
      true,
    ],
    // 09:00+02:00 on 14 June is exactly 29 hours before now: the window includes its edge.
    [
      'traits.lastOrderAt',
      'date',
      { op: 'withinLast', duration: { amount: 29, unit: 'hours' } },
      true,
    ],
    [
      'traits.lastOrderAt',
      'date',
      { op: 'withinLast', duration: { amount: 28, unit: 'hours' } },
      false,
    ],
    ['createdAt', 'date', { op: 'between', min: '2026-06-01', max: '2026-06-10' }, true],
    ['traits.birthday', 'date', { op: 'anniversaryWithin', days: 5 }, true],
    ['traits.birthday', 'date', { op: 'anniversaryWithin', days: 4 }, false],
  ] as const)('%s %s %o is %s', (path, type, predicate, expected) => {
    expect(run(trait(path, type, predicate))).toBe(expected);
  });

  it('takes anniversaries in the given time zone', () => {
    // 23:30 on 19 June in Los Angeles is already 20 June in UTC.
    const lateEvening = Date.parse('2026-06-20T06:30:00Z');
    const rule: RuleNode = trait('traits.birthday', 'date', { op: 'anniversaryWithin', days: 0 });
    expect(interpret(rule, facts, { now: lateEvening, timeZone: 'UTC' })).toBe(true);
    expect(interpret(rule, facts, { now: lateEvening, timeZone: 'America/Los_Angeles' })).toBe(
      false,
    );
  });

  it('moves a 29 February anniversary to 28 February in common years', () => {
    const f = { ...facts, traits: { born: '2000-02-29' } };
    const rule = trait('traits.born', 'date', { op: 'anniversaryWithin', days: 0 });
    expect(interpret(rule, f, { now: Date.parse('2027-02-28T10:00:00Z') })).toBe(true);
    expect(interpret(rule, f, { now: Date.parse('2028-02-28T10:00:00Z') })).toBe(false);
  });
});

// Regression: an unrepresentable createdAt made toISOString throw inside the interpreter.
describe('an unrepresentable createdAt', () => {
  it.each([Number.NaN, Infinity, 8.64e15 + 1])('counts %s as missing', (createdAt) => {
    const f = { ...facts, createdAt };
    expect(run(trait('createdAt', 'date', { op: 'exists' }), f)).toBe(false);
    expect(run(trait('createdAt', 'date', { op: 'notExists' }), f)).toBe(true);
  });
});

describe('groups and negation', () => {
  const t = trait('traits.country', 'string', { op: 'eq', value: 'US' });
  const f = trait('traits.country', 'string', { op: 'eq', value: 'FR' });
  it('combines children', () => {
    expect(run({ kind: 'all', children: [t, f] })).toBe(false);
    expect(run({ kind: 'any', children: [t, f] })).toBe(true);
    expect(run({ kind: 'all', children: [] })).toBe(true);
    expect(run({ kind: 'any', children: [] })).toBe(false);
  });

  it('negates exactly what the child returned, so not(neq) on a missing trait is true', () => {
    const neqMissing = trait('traits.missing', 'string', { op: 'neq', value: 'x' });
    expect(run(neqMissing)).toBe(false);
    expect(run({ kind: 'not', child: neqMissing })).toBe(true);
  });
});

describe('event conditions', () => {
  const count = (window: object, compare: object, where?: object): RuleNode =>
    ({
      kind: 'event',
      event: 'email_click',
      ...(where ? { where } : {}),
      measure: { type: 'count', window, compare },
    }) as RuleNode;
  it('counts events in the window, never in the future', () => {
    expect(run(count({ type: 'ever' }, { op: 'eq', value: 2 }))).toBe(true);
    expect(
      run(count({ type: 'last', duration: { amount: 30, unit: 'days' } }, { op: 'eq', value: 1 })),
    ).toBe(true);
    expect(
      run(count({ type: 'last', duration: { amount: 1, unit: 'days' } }, { op: 'eq', value: 0 })),
    ).toBe(true);
    const orders: RuleNode = {
      kind: 'event',
      event: 'order',
      measure: { type: 'count', window: { type: 'ever' }, compare: { op: 'eq', value: 3 } },
    };
    expect(run(orders)).toBe(true);
  });

  it('filters on properties', () => {
    const where = {
      kind: 'property',
      path: 'url',
      type: 'string',
      op: 'startsWith',
      value: '/pricing',
    };
    expect(run(count({ type: 'ever' }, { op: 'eq', value: 1 }, where))).toBe(true);
  });

  it('counts an absolute window from inclusive to exclusive', () => {
    const from = new Date(NOW - 40 * DAY).toISOString();
    const to = new Date(NOW - 2 * DAY).toISOString();
    expect(run(count({ type: 'between', from, to }, { op: 'eq', value: 1 }))).toBe(true);
  });

  it('aggregates numeric properties, ignoring other values', () => {
    const agg = (type: string, compare: object, window: object = { type: 'ever' }): RuleNode =>
      ({
        kind: 'event',
        event: 'order',
        measure: { type, property: 'amount', window, compare },
      }) as RuleNode;
    expect(run(agg('sum', { op: 'eq', value: 180.5 }))).toBe(true);
    expect(run(agg('avg', { op: 'eq', value: 90.25 }))).toBe(true);
    expect(run(agg('min', { op: 'eq', value: 60 }))).toBe(true);
    expect(run(agg('max', { op: 'eq', value: 120.5 }))).toBe(true);
    expect(
      run(
        agg('sum', { op: 'eq', value: 0 }, { type: 'last', duration: { amount: 1, unit: 'days' } }),
      ),
    ).toBe(true);
    expect(
      run(
        agg(
          'avg',
          { op: 'lte', value: 1e9 },
          { type: 'last', duration: { amount: 1, unit: 'days' } },
        ),
      ),
    ).toBe(false);
  });

  it('knows the first and last occurrence', () => {
    const occ = (type: string, amount: number): RuleNode =>
      ({
        kind: 'event',
        event: 'email_click',
        measure: { type, duration: { amount, unit: 'days' } },
      }) as RuleNode;
    expect(run(occ('lastOccurredWithin', 3))).toBe(true);
    expect(run(occ('lastOccurredWithin', 1))).toBe(false);
    expect(run(occ('lastOccurredBefore', 1))).toBe(true);
    expect(run(occ('firstOccurredBefore', 30))).toBe(true);
    expect(run(occ('firstOccurredWithin', 30))).toBe(false);
    expect(
      run({
        kind: 'event',
        event: 'never_seen',
        measure: { type: 'lastOccurredBefore', duration: { amount: 1, unit: 'days' } },
      }),
    ).toBe(false);
  });
});

// Regression: Math.min(...times) overflowed the call stack on long event histories.
describe('long event histories', () => {
  it('finds the last occurrence and the maximum among 200,000 events', () => {
    const events = Array.from({ length: 200_000 }, (_, i) => ({
      name: 'click',
      occurredAt: NOW - i * 1000,
      properties: { amount: i },
    }));
    const f = { ...facts, events };
    expect(
      run(
        {
          kind: 'event',
          event: 'click',
          measure: { type: 'lastOccurredWithin', duration: { amount: 1, unit: 'minutes' } },
        },
        f,
      ),
    ).toBe(true);
    expect(
      run(
        {
          kind: 'event',
          event: 'click',
          measure: {
            type: 'max',
            property: 'amount',
            window: { type: 'ever' },
            compare: { op: 'eq', value: 199_999 },
          },
        },
        f,
      ),
    ).toBe(true);
  });
});

describe('scores, segments, consent and buckets', () => {
  const score = (measure: object): RuleNode =>
    ({ kind: 'score', model: 'fit', measure }) as RuleNode;
  it('reads the current score and its change over a window', () => {
    expect(run(score({ type: 'current', compare: { op: 'eq', value: 50 } }))).toBe(true);
    expect(
      run(
        score({
          type: 'change',
          duration: { amount: 30, unit: 'days' },
          compare: { op: 'eq', value: 40 },
        }),
      ),
    ).toBe(true);
    expect(
      run(
        score({
          type: 'change',
          duration: { amount: 90, unit: 'days' },
          compare: { op: 'eq', value: 50 },
        }),
      ),
    ).toBe(true);
    expect(run({ kind: 'score', model: 'other', measure: { type: 'hasScore' } })).toBe(false);
    expect(
      run({
        kind: 'score',
        model: 'other',
        measure: { type: 'current', compare: { op: 'lt', value: 1 } },
      }),
    ).toBe(false);
  });

  it('checks membership, consent and the random bucket', () => {
    expect(run({ kind: 'segment', segmentId: 'seg-vip' })).toBe(true);
    expect(run({ kind: 'segment', segmentId: 'seg-other' })).toBe(false);
    expect(run({ kind: 'consent', channel: 'email' })).toBe(true);
    expect(run({ kind: 'consent', channel: 'sms' })).toBe(false);
    expect(run({ kind: 'consent', channel: 'push' })).toBe(false);
    expect(run({ kind: 'randomBucket', salt: 's', from: 0, to: 10_000 })).toBe(true);
  });
});

describe('explain', () => {
  it('returns the evaluated tree with the deciding facts', () => {
    const e = explain(
      {
        version: 1,
        root: {
          kind: 'all',
          id: 'root',
          children: [
            {
              kind: 'trait',
              id: 'c',
              path: 'traits.country',
              type: 'string',
              op: 'in',
              values: ['US', 'CA'],
            },
            {
              kind: 'event',
              id: 'clicks',
              event: 'email_click',
              measure: {
                type: 'count',
                window: { type: 'ever' },
                compare: { op: 'gte', value: 3 },
              },
            },
          ],
        },
      },
      facts,
      { now: NOW },
    );
    expect(e).toEqual({
      kind: 'all',
      id: 'root',
      result: false,
      children: [
        { kind: 'trait', id: 'c', result: true, facts: { value: 'US' } },
        { kind: 'event', id: 'clicks', result: false, facts: { count: 2, eventIds: ['e1', 'e2'] } },
      ],
    });
  });
});
