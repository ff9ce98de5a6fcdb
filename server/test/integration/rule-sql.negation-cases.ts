import type { EventMeasure, FilterNode, RuleNode } from '@cairn/schema';
import { dur, trait } from './rule-sql.fixtures';

/**
 * Conformance cases for the shapes the SQL compiler writes for a verdict (leaves without COALESCE,
 * `IS NOT TRUE` under NOT) and for event conditions as sets of customers (IN, or NOT IN when a
 * customer without events passes): zero counts, NOT around events, filters and missing values.
 */
const not = (child: RuleNode): RuleNode => ({ kind: 'not', child });
const event = (name: string, measure: EventMeasure, where?: FilterNode): RuleNode =>
  where ? { kind: 'event', event: name, where, measure } : { kind: 'event', event: name, measure };
const count = (compare: object, window: object = { type: 'ever' }) =>
  ({ type: 'count', window, compare }) as EventMeasure;
const last = (days: number) => ({ type: 'last', duration: dur(days) });
const orderAmount = (type: 'sum' | 'avg' | 'min' | 'max', compare: object, days?: number) =>
  event('order', {
    type,
    property: 'amount',
    window: days === undefined ? { type: 'ever' } : last(days),
    compare,
  } as EventMeasure);
const pricing: FilterNode = {
  kind: 'property',
  path: 'url',
  type: 'string',
  op: 'startsWith',
  value: '/pricing',
};

export const negationCases: Array<[string, RuleNode]> = [
  [
    'count lt 1 in 30 days: no events passes',
    event('email_click', count({ op: 'lt', value: 1 }, last(30))),
  ],
  ['count lte 1 ever', event('email_click', count({ op: 'lte', value: 1 }))],
  ['count neq 1', event('order', count({ op: 'neq', value: 1 }, last(10)))],
  ['count between 0 and 1', event('order', count({ op: 'between', min: 0, max: 1 }, last(31)))],
  ['count gt 0.5', event('email_click', count({ op: 'gt', value: 0.5 }, last(3)))],
  ['not count gte 2 ever', not(event('email_click', count({ op: 'gte', value: 2 })))],
  ['not count eq 0 in 7 days', not(event('order', count({ op: 'eq', value: 0 }, last(7))))],
  ['not not count eq 0', not(not(event('order', count({ op: 'eq', value: 0 }))))],
  [
    'not count with a filter',
    not(event('email_click', count({ op: 'gte', value: 1 }, last(30)), pricing)),
  ],
  [
    'filter: not on a missing property holds',
    event('order', count({ op: 'gte', value: 2 }), {
      kind: 'not',
      child: { kind: 'property', path: 'url', type: 'string', op: 'eq', value: '/x' },
    }),
  ],
  [
    'filter: not any of nothing, under not',
    not(event('email_click', count({ op: 'eq', value: 2 }), { kind: 'all', children: [] })),
  ],
  ['sum lte 0: the sum of nothing passes', orderAmount('sum', { op: 'lte', value: 0 }, 3)],
  ['not sum gt 100 in 30 days', not(orderAmount('sum', { op: 'gt', value: 100 }, 30))],
  ['not avg gt 0: no value is not > 0', not(orderAmount('avg', { op: 'gt', value: 0 }, 3))],
  [
    'not avg over events without a number',
    not(
      event('order', {
        type: 'avg',
        property: 'amount',
        window: { type: 'between', from: '2026-06-09T00:00:00Z', to: '2026-06-10T00:00:00Z' },
        compare: { op: 'lte', value: 1e9 },
      }),
    ),
  ],
  ['not min lt 100 (non-numbers ignored)', not(orderAmount('min', { op: 'lt', value: 100 }))],
  ['not max between', not(orderAmount('max', { op: 'between', min: 100, max: 600 }))],
  [
    'not lastOccurredWithin',
    not(event('email_click', { type: 'lastOccurredWithin', duration: dur(3) })),
  ],
  [
    'not firstOccurredBefore',
    not(event('order', { type: 'firstOccurredBefore', duration: dur(60) })),
  ],
  [
    'not firstOccurredWithin (a future event does not count)',
    not(event('order', { type: 'firstOccurredWithin', duration: dur(90) })),
  ],
  [
    'an event and the negation of another',
    {
      kind: 'all',
      children: [
        not(event('email_click', count({ op: 'eq', value: 0 }))),
        not(event('order', count({ op: 'gte', value: 3 }))),
      ],
    },
  ],
  [
    'any of an event or a trait, negated',
    not({
      kind: 'any',
      children: [
        event('email_click', count({ op: 'gte', value: 2 }, last(30))),
        trait('traits.country', 'string', { op: 'eq', value: 'FR' }),
      ],
    }),
  ],
  ['not eq on a missing trait', not(trait('traits.missing', 'string', { op: 'eq', value: 'x' }))],
  ['not gt on a string number', not(trait('traits.ltv', 'number', { op: 'gt', value: 500 }))],
  ['not exists on null', not(trait('traits.nothing', 'string', { op: 'exists' }))],
  ['not notExists', not(trait('traits.nothing', 'string', { op: 'notExists' }))],
  [
    'not list contains on a list with a number',
    not(trait('traits.tags', 'stringList', { op: 'contains', value: 'b2b' })),
  ],
  [
    'not list notIn on an empty list',
    not(trait('traits.tags', 'stringList', { op: 'notIn', values: ['beta'] })),
  ],
  [
    'not list in with many values',
    not(
      trait('traits.tags', 'stringList', {
        op: 'in',
        values: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'beta'],
      }),
    ),
  ],
  [
    'not matches on a missing value',
    not(trait('traits.note', 'string', { op: 'matches', pattern: 'a' })),
  ],
  ['not email eq with no email', not(trait('email', 'string', { op: 'endsWith', value: '.com' }))],
  [
    'not createdAt withinLast',
    not(trait('createdAt', 'date', { op: 'withinLast', duration: dur(30) })),
  ],
  [
    'not date before on a malformed date',
    not(trait('traits.signupDate', 'date', { op: 'before', value: '2026-06-10' })),
  ],
  [
    'not score current without a score',
    not({
      kind: 'score',
      model: 'fit',
      measure: { type: 'current', compare: { op: 'gte', value: 10 } },
    }),
  ],
  ['not segment', not({ kind: 'segment', segmentId: 'seg-vip' })],
  ['not bucket', not({ kind: 'randomBucket', salt: 'spring', from: 0, to: 5000 })],
  ['not all of nothing', not({ kind: 'all', children: [] })],
  ['not any of nothing', not({ kind: 'any', children: [] })],
  [
    'a key with a quote and a question mark',
    {
      kind: 'any',
      children: [
        trait("traits.it's", 'string', { op: 'exists' }),
        not(trait('traits.why?', 'number', { op: 'gt', value: 1 })),
      ],
    },
  ],
];
