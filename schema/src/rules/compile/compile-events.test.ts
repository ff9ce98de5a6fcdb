import { describe, expect, it } from 'vitest';
import type { EventFact } from '../facts';
import type { EventMeasure, FilterNode, NumberComparison, RuleNode } from '../rule.types';
import { countDecidedAt } from './codegen-event';
import { customer, DAY, expectVerdict, NOW } from './verdicts.testing';

const event = (
  name: string,
  occurredAt: number,
  properties: Record<string, unknown> = {},
): EventFact => ({ name, occurredAt, properties });
const condition = (measure: EventMeasure, where?: FilterNode): RuleNode =>
  where === undefined
    ? { kind: 'event', event: 'click', measure }
    : { kind: 'event', event: 'click', where, measure };
const count = (
  window: Extract<EventMeasure, { type: 'count' }>['window'],
  compare: NumberComparison,
) => condition({ type: 'count', window, compare });
const week = { amount: 7, unit: 'days' } as const;

describe('compileRule: event counts', () => {
  it('counts only events of the name, at or before now ("ever")', () => {
    const rule = count({ type: 'ever' }, { op: 'eq', value: 2 });
    expectVerdict(
      rule,
      customer({
        events: [
          event('click', NOW - DAY),
          event('click', NOW),
          event('click', NOW + 1),
          event('Click', NOW),
        ],
      }),
      true,
    );
    expectVerdict(
      rule,
      customer({ events: [event('click', Number.NaN), event('click', NOW)] }),
      false,
    );
  });

  it('includes both edges of a "last" window', () => {
    const rule = count({ type: 'last', duration: week }, { op: 'eq', value: 2 });
    expectVerdict(
      rule,
      customer({ events: [event('click', NOW - 7 * DAY), event('click', NOW)] }),
      true,
    );
    expectVerdict(
      rule,
      customer({
        events: [event('click', NOW - 7 * DAY - 1), event('click', NOW), event('click', NOW + 1)],
      }),
      false,
    );
  });

  it('includes "from" and excludes "to" of a "between" window', () => {
    const rule = count(
      { type: 'between', from: '2026-03-01', to: '2026-03-02T00:00:00+01:00' },
      { op: 'eq', value: 1 },
    );
    const from = Date.UTC(2026, 2, 1);
    const to = Date.UTC(2026, 2, 1, 23);
    expectVerdict(rule, customer({ events: [event('click', from), event('click', to)] }), true);
    expectVerdict(
      rule,
      customer({ events: [event('click', from - 1), event('click', to - 1)] }),
      true,
    );
  });

  it('"has not clicked in 7 days" is count eq 0', () => {
    const rule = count({ type: 'last', duration: week }, { op: 'eq', value: 0 });
    expectVerdict(rule, customer({}), true);
    expectVerdict(rule, customer({ events: [event('click', NOW - 8 * DAY)] }), true);
    expectVerdict(rule, customer({ events: [event('click', NOW - DAY)] }), false);
  });

  it.each([
    [{ op: 'gte', value: 2 }, [false, false, true, true]],
    [{ op: 'gt', value: 1.5 }, [false, false, true, true]],
    [{ op: 'lt', value: 2 }, [true, true, false, false]],
    [{ op: 'lte', value: 1 }, [true, true, false, false]],
    [{ op: 'eq', value: 1 }, [false, true, false, false]],
    [{ op: 'neq', value: 1 }, [true, false, true, true]],
    [{ op: 'between', min: 1, max: 2 }, [false, true, true, false]],
    [{ op: 'gte', value: 0 }, [true, true, true, true]],
  ] as Array<[NumberComparison, boolean[]]>)('count %j over 0..3 events', (compare, expected) => {
    const rule = count({ type: 'ever' }, compare);
    expected.forEach((verdict, n) =>
      expectVerdict(
        rule,
        customer({ events: Array.from({ length: n }, () => event('click', NOW)) }),
        verdict,
      ),
    );
  });

  it('stops counting once the verdict is decided', () => {
    expect(countDecidedAt({ op: 'gte', value: 2 })).toEqual({ count: 2, result: true });
    expect(countDecidedAt({ op: 'gt', value: 1.5 })).toEqual({ count: 2, result: true });
    expect(countDecidedAt({ op: 'lt', value: 2.5 })).toEqual({ count: 3, result: false });
    expect(countDecidedAt({ op: 'eq', value: 1 })).toEqual({ count: 2, result: false });
    expect(countDecidedAt({ op: 'between', min: 0, max: 3 })).toEqual({ count: 4, result: false });
  });
});

describe('compileRule: event filters and aggregates', () => {
  const gold: FilterNode = {
    kind: 'property',
    path: 'plan',
    type: 'string',
    op: 'eq',
    value: 'gold',
  };
  const events = [
    event('click', NOW - DAY, { plan: 'gold', amount: 10, items: { count: 2 } }),
    event('click', NOW - 2 * DAY, { plan: 'free', amount: 3 }),
    event('click', NOW - 3 * DAY, { plan: 'gold', amount: '5' }),
    event('click', NOW - 4 * DAY, { plan: 'gold', amount: Infinity }),
    event('click', NOW + DAY, { plan: 'gold', amount: 100 }),
  ];

  it('filters events by their properties', () => {
    expectVerdict(
      condition({ type: 'count', window: { type: 'ever' }, compare: { op: 'eq', value: 3 } }, gold),
      customer({ events }),
      true,
    );
    const notGold: FilterNode = { kind: 'not', child: gold };
    expectVerdict(
      condition(
        { type: 'count', window: { type: 'ever' }, compare: { op: 'eq', value: 1 } },
        notGold,
      ),
      customer({ events }),
      true,
    );
    const either: FilterNode = {
      kind: 'any',
      children: [
        gold,
        { kind: 'property', path: 'items.count', type: 'number', op: 'gt', value: 1 },
      ],
    };
    expectVerdict(
      condition(
        { type: 'count', window: { type: 'ever' }, compare: { op: 'eq', value: 3 } },
        either,
      ),
      customer({ events }),
      true,
    );
    expectVerdict(
      condition(
        { type: 'count', window: { type: 'ever' }, compare: { op: 'eq', value: 4 } },
        { kind: 'all', children: [] },
      ),
      customer({ events }),
      true,
    );
  });

  it.each([
    ['sum', { op: 'eq', value: 10 }, true],
    ['avg', { op: 'eq', value: 10 }, true],
    ['min', { op: 'eq', value: 10 }, true],
    ['max', { op: 'eq', value: 10 }, true],
    ['sum', { op: 'gt', value: 10 }, false],
  ] as const)(
    '%s of the finite numbers among matching events, compared %j',
    (type, compare, expected) => {
      expectVerdict(
        condition({ type, property: 'amount', window: { type: 'ever' }, compare }, gold),
        customer({ events }),
        expected,
      );
    },
  );

  it('sums nothing to 0; the average, minimum and maximum of nothing hold nothing', () => {
    const compare = { op: 'eq', value: 0 } as const;
    expectVerdict(
      condition({ type: 'sum', property: 'amount', window: { type: 'ever' }, compare }),
      customer({}),
      true,
    );
    for (const type of ['avg', 'min', 'max'] as const) {
      expectVerdict(
        condition({
          type,
          property: 'amount',
          window: { type: 'ever' },
          compare: { op: 'lte', value: 1e308 },
        }),
        customer({}),
        false,
      );
    }
    const all = (type: 'avg' | 'min' | 'max', value: number) =>
      condition({
        type,
        property: 'amount',
        window: { type: 'last', duration: week },
        compare: { op: 'eq', value },
      });
    expectVerdict(all('avg', 6.5), customer({ events }), true);
    expectVerdict(all('min', 3), customer({ events }), true);
    expectVerdict(all('max', 10), customer({ events }), true);
  });

  it.each([
    ['firstOccurredWithin', 4, true],
    ['firstOccurredWithin', 3, false],
    ['firstOccurredBefore', 3, true],
    ['firstOccurredBefore', 4, false],
    ['lastOccurredWithin', 2, true],
    ['lastOccurredWithin', 1, false],
    ['lastOccurredBefore', 1, true],
    ['lastOccurredBefore', 2, false],
  ] as const)(
    '%s %i days (gold clicks 2, 3 and 4 days ago, one tomorrow)',
    (type, days, expected) => {
      const gold2 = customer({
        events: [event('click', NOW - 2 * DAY, { plan: 'gold' }), ...events.slice(1)],
      });
      expectVerdict(
        condition({ type, duration: { amount: days, unit: 'days' } }, gold),
        gold2,
        expected,
      );
    },
  );

  it('first/last occurrence is false without matching events', () => {
    for (const type of [
      'firstOccurredWithin',
      'firstOccurredBefore',
      'lastOccurredWithin',
      'lastOccurredBefore',
    ] as const) {
      expectVerdict(
        condition({ type, duration: week }),
        customer({ events: [event('click', NOW + 1)] }),
        false,
      );
    }
  });
});

describe('compileRule: scores', () => {
  const history = [
    { at: NOW - 10 * DAY, value: 20 },
    { at: NOW - DAY, value: 50 },
    { at: NOW + DAY, value: 90 },
  ];
  const score = (
    measure: Extract<RuleNode, { kind: 'score' }>['measure'],
    model = 'lead',
  ): RuleNode => ({ kind: 'score', model, measure });

  it('reads the last entry at or before now', () => {
    expectVerdict(
      score({ type: 'current', compare: { op: 'eq', value: 50 } }),
      customer({ scores: { lead: { history } } }),
      true,
    );
    expectVerdict(
      score({ type: 'hasScore' }),
      customer({ scores: { lead: { history: [{ at: NOW + 1, value: 5 }] } } }),
      false,
    );
    expectVerdict(score({ type: 'hasScore' }), customer({ scores: {} }), false);
    expectVerdict(score({ type: 'hasScore' }, 'constructor'), customer({ scores: {} }), false);
    expectVerdict(score({ type: 'hasScore' }, 'toString'), customer({}), false);
  });

  it('measures change from the start of the window, from 0 before the first entry', () => {
    const facts = customer({ scores: { lead: { history } } });
    expectVerdict(
      score({ type: 'change', duration: week, compare: { op: 'eq', value: 30 } }),
      facts,
      true,
    );
    expectVerdict(
      score({
        type: 'change',
        duration: { amount: 30, unit: 'days' },
        compare: { op: 'eq', value: 50 },
      }),
      facts,
      true,
    );
    expectVerdict(
      score({
        type: 'change',
        duration: { amount: 10, unit: 'days' },
        compare: { op: 'eq', value: 30 },
      }),
      facts,
      true,
    );
    expectVerdict(
      score({ type: 'change', duration: week, compare: { op: 'gte', value: 0 } }),
      customer({}),
      false,
    );
  });
});
