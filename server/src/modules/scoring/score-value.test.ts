import { describe, expect, it } from 'vitest';
import type { CustomerFacts, RuleDocument } from '@cairn/schema';
import { becameMql, nextScoreChange, scoreAt, scoringPlan } from './score-value';

const DAY = 86_400_000;
const T0 = Date.parse('2026-06-01T00:00:00Z');

const visitedPricing: RuleDocument = {
  version: 1,
  root: {
    kind: 'event',
    event: 'Page Viewed',
    where: { kind: 'property', path: 'path', type: 'string', op: 'eq', value: '/pricing' },
    measure: { type: 'count', window: { type: 'ever' }, compare: { op: 'gte', value: 1 } },
  },
} as RuleDocument;
const enterprise: RuleDocument = {
  version: 1,
  root: { kind: 'trait', path: 'traits.employees', type: 'number', op: 'gte', value: 1000 },
} as RuleDocument;
const caseStudyLastWeek: RuleDocument = {
  version: 1,
  root: {
    kind: 'event',
    event: 'Case Study Downloaded',
    measure: {
      type: 'count',
      window: { type: 'last', duration: { amount: 7, unit: 'days' } },
      compare: { op: 'gte', value: 1 },
    },
  },
} as RuleDocument;

const plan = scoringPlan({
  key: 'lead',
  segmentId: null,
  halfLifeDays: 30,
  mqlThreshold: 50,
  rules: [
    { id: 'pricing', label: 'Pricing page', kind: 'behavior', points: 20, rule: visitedPricing },
    { id: 'case', label: 'Case study', kind: 'behavior', points: 15, rule: caseStudyLastWeek },
    { id: 'big', label: 'Enterprise', kind: 'fit', points: 40, rule: enterprise },
  ],
});

function facts(
  events: Array<[string, number, Record<string, unknown>?]>,
  traits = {},
): CustomerFacts {
  return {
    id: 'c1',
    traits,
    events: events.map(([name, occurredAt, properties]) => ({
      name,
      occurredAt,
      properties: properties ?? {},
    })),
  };
}

describe('scoreAt', () => {
  const f = facts(
    [
      ['Page Viewed', T0, { path: '/pricing' }],
      ['Case Study Downloaded', T0 + DAY],
    ],
    { employees: 5000 },
  );

  it('sums the points of the rules that hold (hand-computed: 20 + 15 + 40 = 75)', () => {
    expect(scoreAt(plan, f, T0 + 2 * DAY)).toEqual({
      value: 75,
      points: 75,
      halvings: 0,
      matched: ['pricing', 'case', 'big'],
    });
  });

  it('drops points whose time window closed and halves once per full half-life of inactivity', () => {
    // Last event T0 + 1 day. At T0 + 1 day + 65 days: the case study is out of its 7 days
    // (points 20 + 40 = 60) and 65 idle days are 2 full half-lives: 60 × 0.25 = 15.
    expect(scoreAt(plan, f, T0 + 66 * DAY)).toMatchObject({ value: 15, points: 60, halvings: 2 });
    // One millisecond before the second half-life ends, it has halved once: 30.
    expect(scoreAt(plan, f, T0 + DAY + 60 * DAY - 1).value).toBe(30);
  });

  it('ignores events after t, so the score at a past instant is exact', () => {
    expect(scoreAt(plan, f, T0 - 1).value).toBe(40);
    expect(scoreAt(plan, f, T0).value).toBe(60);
  });

  it('scores 0 outside the model’s segment', () => {
    const scoped = scoringPlan({ ...plan, segmentId: 's1', halfLifeDays: null });
    expect(scoreAt(scoped, f, T0 + 2 * DAY).value).toBe(0);
    expect(scoreAt(scoped, { ...f, segments: ['s1'] }, T0 + 2 * DAY).value).toBe(75);
  });
});

describe('nextScoreChange', () => {
  const f = facts([['Case Study Downloaded', T0]], { employees: 10 });

  it('is the earlier of a window closing and the next halving', () => {
    // The case study leaves the 7-day window just after T0 + 7 days (rounded up to the ms).
    expect(nextScoreChange(plan, f, T0 + DAY)).toBe(T0 + 7 * DAY + 1);
  });

  it('is the next halving when only decay changes the value', () => {
    const fit = facts([['Page Viewed', T0, { path: '/pricing' }]], { employees: 5000 });
    expect(nextScoreChange(plan, fit, T0 + DAY)).toBe(T0 + 30 * DAY);
    expect(nextScoreChange(plan, fit, T0 + 30 * DAY)).toBe(T0 + 60 * DAY);
  });

  it('is null when nothing scores and no window can open', () => {
    expect(nextScoreChange(plan, facts([], { employees: 1 }), T0)).toBeNull();
  });
});

describe('becameMql', () => {
  it('fires only when the threshold is crossed upwards', () => {
    expect(becameMql(plan, 49, 50)).toBe(true);
    expect(becameMql(plan, 50, 75)).toBe(false);
    expect(becameMql(plan, 75, 40)).toBe(false);
  });
});
