import { describe, expect, it } from 'vitest';
import { nextDown, nextUp } from './change-points';
import { interpret } from './explain';
import type { CustomerFacts, EvaluationOptions, EventFact } from './facts';
import { nextChangeAt } from './next-change';
import type { RuleNode } from './rule.types';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 2, 15, 12);

const customer = (over: Partial<CustomerFacts> = {}): CustomerFacts => ({
  id: 'c1',
  traits: {},
  events: [],
  ...over,
});
const event = (name: string, occurredAt: number, properties = {}): EventFact => ({
  name,
  occurredAt,
  properties,
});
const days = (amount: number) => ({ amount, unit: 'days' as const });

/** The returned instant is the first change: the result holds just before it and differs at it. */
function expectFirstChange(rule: RuleNode, facts: CustomerFacts, options: EvaluationOptions) {
  const at = nextChangeAt(rule, facts, options);
  expect(at).not.toBeNull();
  const before = interpret(rule, facts, options);
  expect(interpret(rule, facts, { ...options, now: nextDown(at!) })).toBe(before);
  expect(interpret(rule, facts, { ...options, now: at! })).toBe(!before);
  return at!;
}

describe('nextChangeAt: events', () => {
  const noPurchase: RuleNode = {
    kind: 'event',
    event: 'purchase',
    measure: {
      type: 'count',
      window: { type: 'last', duration: days(60) },
      compare: { op: 'eq', value: 0 },
    },
  };

  it('"no purchase in 60 days" flips just after the last purchase is 60 days old', () => {
    const last = NOW - 10 * DAY;
    const facts = customer({
      events: [event('purchase', NOW - 20 * DAY), event('purchase', last), event('page_view', NOW)],
    });
    const at = expectFirstChange(noPurchase, facts, { now: NOW });
    expect(at).toBe(nextUp(last + 60 * DAY));
    expect(at - (last + 60 * DAY)).toBeLessThan(0.001);
    // At the bound itself the purchase still counts (the window is closed).
    expect(interpret(noPurchase, facts, { now: last + 60 * DAY })).toBe(false);
  });

  it('"no purchase in 60 days" with none at all never changes; a future purchase ends it when it happens', () => {
    expect(nextChangeAt(noPurchase, customer(), { now: NOW })).toBeNull();
    const future = NOW + 3 * DAY;
    const facts = customer({ events: [event('purchase', future)] });
    expect(expectFirstChange(noPurchase, facts, { now: NOW })).toBe(future);
  });

  it('"at least 3 clicks in 7 days" flips when the third most recent leaves the window', () => {
    const rule: RuleNode = {
      kind: 'event',
      event: 'email_click',
      measure: {
        type: 'count',
        window: { type: 'last', duration: days(7) },
        compare: { op: 'gte', value: 3 },
      },
    };
    const times = [NOW - 1 * DAY, NOW - 2 * DAY, NOW - 3 * DAY, NOW - 6 * DAY, NOW - 9 * DAY];
    const facts = customer({ events: times.map((t) => event('email_click', t)) });
    expect(interpret(rule, facts, { now: NOW })).toBe(true);
    expect(expectFirstChange(rule, facts, { now: NOW })).toBe(nextUp(NOW - 3 * DAY + 7 * DAY));
    // Two clicks now, a third tomorrow: it becomes true when that one happens.
    const two = customer({
      events: [
        event('email_click', NOW - DAY),
        event('email_click', NOW),
        event('email_click', NOW + DAY),
      ],
    });
    expect(expectFirstChange(rule, two, { now: NOW })).toBe(NOW + DAY);
  });

  it('absolute windows do not move: a count between two dates never changes by time alone', () => {
    const rule: RuleNode = {
      kind: 'event',
      event: 'purchase',
      measure: {
        type: 'count',
        window: { type: 'between', from: '2026-03-01', to: '2026-04-01' },
        compare: { op: 'gte', value: 1 },
      },
    };
    // Even an event after now but inside the range counts already (the window ignores now).
    const facts = customer({ events: [event('purchase', Date.UTC(2026, 2, 20))] });
    expect(interpret(rule, facts, { now: NOW })).toBe(true);
    expect(nextChangeAt(rule, facts, { now: NOW })).toBeNull();
  });

  it('lastOccurredWithin 30 days flips just after the last event is 30 days old', () => {
    const rule: RuleNode = {
      kind: 'event',
      event: 'login',
      measure: { type: 'lastOccurredWithin', duration: days(30) },
    };
    const last = NOW - 5 * DAY;
    const facts = customer({ events: [event('login', NOW - 40 * DAY), event('login', last)] });
    expect(expectFirstChange(rule, facts, { now: NOW })).toBe(nextUp(last + 30 * DAY));
  });

  it('a sum over the last 7 days changes when an amount leaves the window', () => {
    const rule: RuleNode = {
      kind: 'event',
      event: 'purchase',
      measure: {
        type: 'sum',
        property: 'amount',
        window: { type: 'last', duration: days(7) },
        compare: { op: 'gte', value: 100 },
      },
    };
    const facts = customer({
      events: [
        event('purchase', NOW - 6 * DAY, { amount: 30 }),
        event('purchase', NOW - 5 * DAY, { amount: 'n/a' }),
        event('purchase', NOW - 2 * DAY, { amount: 80 }),
      ],
    });
    expect(expectFirstChange(rule, facts, { now: NOW })).toBe(nextUp(NOW + DAY));
  });

  it('a where filter on a date property moves with time too', () => {
    const rule: RuleNode = {
      kind: 'event',
      event: 'trial',
      where: {
        kind: 'property',
        path: 'endsAt',
        type: 'date',
        op: 'withinLast',
        duration: days(1),
      },
      measure: { type: 'count', window: { type: 'ever' }, compare: { op: 'gte', value: 1 } },
    };
    const endsAt = NOW + 2 * DAY;
    const facts = customer({
      events: [event('trial', NOW - DAY, { endsAt: new Date(endsAt).toISOString() })],
    });
    expect(expectFirstChange(rule, facts, { now: NOW })).toBe(endsAt);
  });
});

describe('nextChangeAt: traits', () => {
  const recentOrder: RuleNode = {
    kind: 'trait',
    path: 'traits.lastOrderAt',
    type: 'date',
    op: 'withinLast',
    duration: days(30),
  };

  it('withinLast 30 days on a date trait flips just after the date is 30 days old', () => {
    const date = NOW - 10 * DAY;
    const facts = customer({ traits: { lastOrderAt: new Date(date).toISOString() } });
    expect(expectFirstChange(recentOrder, facts, { now: NOW })).toBe(nextUp(date + 30 * DAY));
  });

  it('withinLast on a future date becomes true at the date; on an old one never changes', () => {
    const future = NOW + 5 * DAY;
    const facts = customer({ traits: { lastOrderAt: new Date(future).toISOString() } });
    expect(expectFirstChange(recentOrder, facts, { now: NOW })).toBe(future);
    const old = customer({ traits: { lastOrderAt: '2020-01-01' } });
    expect(nextChangeAt(recentOrder, old, { now: NOW })).toBeNull();
    expect(
      nextChangeAt(recentOrder, customer({ traits: { lastOrderAt: 42 } }), { now: NOW }),
    ).toBeNull();
  });

  it('notWithinLast on createdAt flips just after the profile is that old', () => {
    const rule: RuleNode = {
      kind: 'trait',
      path: 'createdAt',
      type: 'date',
      op: 'notWithinLast',
      duration: days(7),
    };
    const createdAt = NOW - 2 * DAY;
    expect(expectFirstChange(rule, customer({ createdAt }), { now: NOW })).toBe(
      nextUp(createdAt + 7 * DAY),
    );
  });

  describe('anniversaryWithin 7 days (a birthday)', () => {
    const birthdaySoon: RuleNode = {
      kind: 'trait',
      path: 'traits.birthday',
      type: 'date',
      op: 'anniversaryWithin',
      days: 7,
    };
    const born = customer({ traits: { birthday: '1990-03-20' } });

    it('becomes true at midnight 7 days before, in UTC', () => {
      const now = Date.UTC(2026, 2, 10, 12);
      expect(expectFirstChange(birthdaySoon, born, { now })).toBe(Date.UTC(2026, 2, 13));
    });

    it('becomes true at local midnight in the time zone (New York is UTC-4 after 8 March 2026)', () => {
      const now = Date.UTC(2026, 2, 10, 12);
      const options = { now, timeZone: 'America/New_York' };
      expect(expectFirstChange(birthdaySoon, born, options)).toBe(Date.UTC(2026, 2, 13, 4));
      const kathmandu = { now, timeZone: 'Asia/Kathmandu' };
      expect(expectFirstChange(birthdaySoon, born, kathmandu)).toBe(Date.UTC(2026, 2, 12, 18, 15));
    });

    it('becomes false at the start of the day after the birthday', () => {
      const now = Date.UTC(2026, 2, 15, 12);
      expect(expectFirstChange(birthdaySoon, born, { now })).toBe(Date.UTC(2026, 2, 21));
      expect(expectFirstChange(birthdaySoon, born, { now, timeZone: 'Asia/Kolkata' })).toBe(
        Date.UTC(2026, 2, 20, 18, 30),
      );
    });

    it('on a daylight-saving day the local day starts when the clocks say so', () => {
      // New York springs forward at 02:00 on 8 March 2026: midnight is still 05:00 UTC.
      const march = customer({ traits: { birthday: '1990-03-15' } });
      const ny = { now: Date.UTC(2026, 2, 1, 12), timeZone: 'America/New_York' };
      expect(expectFirstChange(birthdaySoon, march, ny)).toBe(Date.UTC(2026, 2, 8, 5));
      // Santiago springs forward at midnight on 6 September 2026: that day starts at 01:00 local, 04:00 UTC.
      const september = customer({ traits: { birthday: '1990-09-13' } });
      const santiago = { now: Date.UTC(2026, 8, 1, 12), timeZone: 'America/Santiago' };
      expect(expectFirstChange(birthdaySoon, september, santiago)).toBe(Date.UTC(2026, 8, 6, 4));
    });

    it('a 29 February birthday falls on 28 February in common years', () => {
      const leap = customer({ traits: { birthday: '2000-02-29' } });
      const now = Date.UTC(2027, 1, 10);
      expect(expectFirstChange(birthdaySoon, leap, { now })).toBe(Date.UTC(2027, 1, 21));
      expect(expectFirstChange(birthdaySoon, leap, { now: Date.UTC(2027, 1, 27) })).toBe(
        Date.UTC(2027, 2, 1),
      );
    });

    it('within 365 days or more always holds for a date', () => {
      const always: RuleNode = { ...birthdaySoon, days: 365 } as RuleNode;
      expect(interpret(always, born, { now: NOW })).toBe(true);
      expect(nextChangeAt(always, born, { now: NOW })).toBeNull();
    });
  });

  it('absolute dates (before, after, between) never change by time alone', () => {
    const facts = customer({ traits: { lastOrderAt: new Date(NOW + DAY).toISOString() } });
    for (const p of [
      { op: 'before', value: '2026-03-16' },
      { op: 'after', value: '2026-03-16' },
      { op: 'between', min: '2026-03-01', max: '2026-03-31' },
    ])
      expect(
        nextChangeAt(
          { kind: 'trait', path: 'traits.lastOrderAt', type: 'date', ...p } as RuleNode,
          facts,
          {
            now: NOW,
          },
        ),
      ).toBeNull();
  });
});

describe('nextChangeAt: scores and groups', () => {
  it('a score changes when a future history entry takes effect', () => {
    const rule: RuleNode = {
      kind: 'score',
      model: 'lead',
      measure: { type: 'current', compare: { op: 'gte', value: 50 } },
    };
    const facts = customer({
      scores: {
        lead: {
          history: [
            { at: NOW - DAY, value: 10 },
            { at: NOW + DAY, value: 60 },
          ],
        },
      },
    });
    expect(expectFirstChange(rule, facts, { now: NOW })).toBe(NOW + DAY);
  });

  it('a score change over 7 days flips when the old value leaves the span', () => {
    const rule: RuleNode = {
      kind: 'score',
      model: 'lead',
      measure: { type: 'change', duration: days(7), compare: { op: 'gte', value: 20 } },
    };
    const facts = customer({
      scores: {
        lead: {
          history: [
            { at: NOW - 30 * DAY, value: 10 },
            { at: NOW - 2 * DAY, value: 40 },
          ],
        },
      },
    });
    // Rose by 30 in the last 7 days until now - 7 days reaches the entry of 40.
    expect(expectFirstChange(rule, facts, { now: NOW })).toBe(NOW + 5 * DAY);
  });

  it('an all that is false waits for the last of its false children; an any that is true likewise', () => {
    const within = (d: number): RuleNode => ({
      kind: 'trait',
      path: 'traits.lastOrderAt',
      type: 'date',
      op: 'withinLast',
      duration: days(d),
    });
    const facts = customer({ traits: { lastOrderAt: new Date(NOW + DAY).toISOString() } });
    // Both false until the date arrives, then both true: the all flips then.
    const all: RuleNode = {
      kind: 'all',
      children: [within(1), within(7), { kind: 'segment', segmentId: 's' }],
    };
    expect(nextChangeAt(all, facts, { now: NOW })).toBeNull();
    const both: RuleNode = { kind: 'all', children: [within(1), within(7)] };
    expect(expectFirstChange(both, facts, { now: NOW })).toBe(NOW + DAY);
    const any: RuleNode = {
      kind: 'any',
      children: [
        { kind: 'not', child: within(1) },
        { kind: 'not', child: within(7) },
      ],
    };
    expect(expectFirstChange(any, facts, { now: NOW })).toBe(NOW + DAY);
  });

  it('segments, consent and random buckets never change by time alone', () => {
    for (const rule of [
      { kind: 'segment', segmentId: 's' },
      { kind: 'consent', channel: 'email' },
      { kind: 'randomBucket', salt: 'x', from: 0, to: 5000 },
    ] as RuleNode[])
      expect(nextChangeAt(rule, customer({ segments: ['s'] }), { now: NOW })).toBeNull();
  });
});
