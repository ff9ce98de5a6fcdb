import { describe, expect, it } from 'vitest';
import { compileRule } from './compile/compile-rule';
import { aggregateKey, eventAggregates } from './event-aggregates';
import { interpret } from './explain';
import type { CustomerFacts } from './facts';
import type { EventCondition, RuleDocument } from './rule.types';

const NOW = Date.UTC(2026, 4, 1);
const DAY = 86_400_000;

const clicks = (min: number, extra: Partial<EventCondition> = {}): EventCondition => ({
  kind: 'event',
  event: 'email_click',
  measure: {
    type: 'count',
    window: { type: 'last', duration: { amount: 7, unit: 'days' } },
    compare: { op: 'gte', value: min },
  },
  ...extra,
});
const rule = (root: EventCondition): RuleDocument => ({ version: 1, root });
const facts: CustomerFacts = {
  id: 'c1',
  traits: {},
  events: [
    { name: 'email_click', occurredAt: NOW - DAY, properties: { url: '/pricing', amount: 30 } },
    { name: 'email_click', occurredAt: NOW - 2 * DAY, properties: { url: '/docs', amount: 12 } },
    { name: 'email_click', occurredAt: NOW - 30 * DAY, properties: { url: '/pricing' } },
    { name: 'page_view', occurredAt: NOW - DAY, properties: {} },
  ],
};

describe('eventAggregates', () => {
  it("stores each condition's measured value under its key, once for conditions that differ only in the comparison", () => {
    const last = {
      kind: 'event',
      event: 'email_click',
      measure: { type: 'lastOccurredWithin', duration: { amount: 3, unit: 'days' } },
    } as const;
    const avg = {
      kind: 'event',
      event: 'page_view',
      measure: {
        type: 'avg',
        property: 'amount',
        window: { type: 'ever' },
        compare: { op: 'gt', value: 1 },
      },
    } as const;
    const a = eventAggregates(
      [rule(clicks(2)), rule(clicks(5)), { kind: 'not', child: last }, avg],
      facts,
      { now: NOW },
    );
    expect(a.at).toBe(NOW);
    expect(a.timeZone).toBe('UTC');
    expect(a.values).toEqual({
      [aggregateKey(clicks(2))]: 2,
      [aggregateKey(last)]: NOW - DAY,
      // No page_view has an amount: an average of nothing is no value.
      [aggregateKey(avg)]: null,
    });
  });

  it('keys ignore the comparison and the order of keys, not the event, window or filter', () => {
    const reordered = JSON.parse(
      '{"measure":{"compare":{"value":9,"op":"lt"},"window":{"duration":{"unit":"days","amount":7},"type":"last"},"type":"count"},"event":"email_click","kind":"event"}',
    ) as EventCondition;
    expect(aggregateKey(reordered)).toBe(aggregateKey(clicks(2)));
    const where = {
      where: { kind: 'property', path: 'url', type: 'string', op: 'eq', value: '/pricing' },
    } as const;
    const keys = [
      clicks(2),
      clicks(2, { event: 'email_open' }),
      clicks(2, where),
      clicks(2, {
        measure: { type: 'count', window: { type: 'ever' }, compare: { op: 'gte', value: 2 } },
      }),
    ].map(aggregateKey);
    expect(new Set(keys).size).toBe(4);
  });
});

describe('the compiled evaluator with aggregates', () => {
  const withAggregates = (values: Record<string, number | null>, at = NOW) => ({
    ...facts,
    aggregates: { at, timeZone: 'UTC', values },
  });

  it('reads the value for its instant instead of counting the events', () => {
    const r = rule(clicks(3));
    expect(interpret(r, facts, { now: NOW })).toBe(false);
    // The aggregates are trusted as given: 5 clicks make it true although the events hold 2.
    expect(
      compileRule(r).evaluate(withAggregates({ [aggregateKey(clicks(3))]: 5 }), { now: NOW }),
    ).toBe(true);
  });

  it('counts the events when the aggregates are for another instant, lack the key, or the filter may read another time zone', () => {
    const r = rule(clicks(3));
    const compiled = compileRule(r);
    const key = aggregateKey(clicks(3));
    expect(compiled.evaluate(withAggregates({ [key]: 5 }, NOW - 1), { now: NOW })).toBe(false);
    expect(compiled.evaluate(withAggregates({}), { now: NOW })).toBe(false);

    const filtered = clicks(1, {
      where: { kind: 'property', path: 'url', type: 'string', op: 'eq', value: '/nowhere' },
    });
    const f = withAggregates({ [aggregateKey(filtered)]: 4 });
    expect(compileRule(rule(filtered)).evaluate(f, { now: NOW })).toBe(true);
    expect(compileRule(rule(filtered)).evaluate(f, { now: NOW, timeZone: 'Europe/Paris' })).toBe(
      false,
    );
    // Without a filter the time zone does not matter.
    expect(
      compiled.evaluate(withAggregates({ [key]: 5 }), { now: NOW, timeZone: 'Asia/Tokyo' }),
    ).toBe(true);
  });

  it('a null aggregate is no value (false); a key found only on a polluted Object.prototype is not an aggregate', () => {
    const avg: EventCondition = {
      kind: 'event',
      event: 'email_click',
      measure: {
        type: 'avg',
        property: 'amount',
        window: { type: 'ever' },
        compare: { op: 'gte', value: 0 },
      },
    };
    expect(
      compileRule(rule(avg)).evaluate(withAggregates({ [aggregateKey(avg)]: null }), {
        now: NOW,
      }),
    ).toBe(false);
    expect(compileRule(rule(avg)).evaluate(facts, { now: NOW })).toBe(true);

    const r = rule(clicks(3));
    const compiled = compileRule(r);
    const key = aggregateKey(clicks(3));
    const proto = Object.prototype as Record<string, unknown>;
    proto[key] = 9;
    try {
      expect(compiled.evaluate(withAggregates({}), { now: NOW })).toBe(false);
    } finally {
      delete proto[key];
    }
  });
});
