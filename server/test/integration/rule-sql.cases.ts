import type { RuleNode } from '@cairn/schema';
import { dur, trait } from './rule-sql.fixtures';

/** The conformance rules of the rule SQL suite (rule-sql.int.test.ts), one per operator, measure and edge. */
export const conformanceRules: Array<[string, RuleNode]> = [
  ['eq string', trait('traits.country', 'string', { op: 'eq', value: 'US' })],
  ['neq on missing is false', trait('traits.country', 'string', { op: 'neq', value: 'US' })],
  [
    'not neq',
    { kind: 'not', child: trait('traits.country', 'string', { op: 'neq', value: 'US' }) },
  ],
  ['in', trait('traits.country', 'string', { op: 'in', values: ['US', 'CA'] })],
  ['notIn', trait('traits.country', 'string', { op: 'notIn', values: ['US', 'CA'] })],
  [
    'number gt, string "750" is not a number',
    trait('traits.ltv', 'number', { op: 'gt', value: 500 }),
  ],
  ['number neq', trait('traits.ltv', 'number', { op: 'neq', value: 0 })],
  ['number between', trait('traits.ltv', 'number', { op: 'between', min: 0, max: 750 })],
  ['number in', trait('traits.ltv', 'number', { op: 'in', values: [0, 750.0] })],
  ['nested number', trait('traits.company.size', 'number', { op: 'gte', value: 100 })],
  ['object is not a string', trait('traits.company', 'string', { op: 'eq', value: 'Acme' })],
  ['boolean eq false', trait('traits.vip', 'boolean', { op: 'eq', value: false })],
  ['boolean neq true', trait('traits.vip', 'boolean', { op: 'neq', value: true })],
  ['exists', trait('traits.vip', 'boolean', { op: 'exists' })],
  ['null does not exist', trait('traits.nothing', 'string', { op: 'exists' })],
  ['notExists', trait('traits.nothing', 'string', { op: 'notExists' })],
  ['isEmpty string', trait('traits.blank', 'string', { op: 'isEmpty' })],
  ['isEmpty list', trait('traits.tags', 'stringList', { op: 'isEmpty' })],
  [
    'list contains (all strings only)',
    trait('traits.tags', 'stringList', { op: 'contains', value: 'b2b' }),
  ],
  ['list notContains', trait('traits.tags', 'stringList', { op: 'notContains', value: 'beta' })],
  ['list in', trait('traits.tags', 'stringList', { op: 'in', values: ['beta', 'x'] })],
  ['list notIn', trait('traits.tags', 'stringList', { op: 'notIn', values: ['beta'] })],
  [
    'list in, a long list (hashed on PostgreSQL)',
    trait('traits.tags', 'stringList', {
      op: 'in',
      values: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'beta', 'x'],
    }),
  ],
  [
    'list in, a long list, on a string and an object',
    trait('traits.company', 'stringList', {
      op: 'in',
      values: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'Acme', 'x'],
    }),
  ],
  ['contains', trait('traits.note', 'string', { op: 'contains', value: 'Zoë' })],
  ['notContains', trait('traits.note', 'string', { op: 'notContains', value: 'pricing' })],
  ['startsWith', trait('traits.note', 'string', { op: 'startsWith', value: 'ÇA' })],
  ['endsWith', trait('traits.note', 'string', { op: 'endsWith', value: 'VA' })],
  ['matches', trait('traits.note', 'string', { op: 'matches', pattern: '^\\w+ \\w+' })],
  [
    'matches unicode letters are not \\w',
    trait('traits.note', 'string', { op: 'matches', pattern: '^\\w\\w ' }),
  ],
  [
    'matches ignoreCase',
    trait('traits.note', 'string', { op: 'matches', pattern: 'PRICING$', ignoreCase: true }),
  ],
  ['matches dot', trait('traits.note', 'string', { op: 'matches', pattern: 'l.kes' })],
  ['email endsWith', trait('email', 'string', { op: 'endsWith', value: '@example.com' })],
  ['email isEmpty', trait('email', 'string', { op: 'isEmpty' })],
  [
    'date after',
    trait('traits.signupDate', 'date', { op: 'after', value: '2026-05-31T23:59:59Z' }),
  ],
  [
    'date withinLast edge',
    trait('traits.lastOrderAt', 'date', { op: 'withinLast', duration: dur(29, 'hours') }),
  ],
  [
    'date withinLast',
    trait('traits.lastOrderAt', 'date', { op: 'withinLast', duration: dur(28, 'hours') }),
  ],
  [
    'date notWithinLast',
    trait('traits.signupDate', 'date', { op: 'notWithinLast', duration: dur(14) }),
  ],
  [
    'date between',
    trait('traits.signupDate', 'date', {
      op: 'between',
      min: '2026-06-01',
      max: '2026-06-01T00:00:00Z',
    }),
  ],
  ['createdAt withinLast', trait('createdAt', 'date', { op: 'withinLast', duration: dur(30) })],
  ['createdAt anniversary', trait('createdAt', 'date', { op: 'anniversaryWithin', days: 30 })],
  ['birthday anniversary', trait('traits.birthday', 'date', { op: 'anniversaryWithin', days: 5 })],
  [
    'leap-day anniversary',
    trait('traits.birthday', 'date', { op: 'anniversaryWithin', days: 366 }),
  ],
  [
    'count ever',
    {
      kind: 'event',
      event: 'email_click',
      measure: { type: 'count', window: { type: 'ever' }, compare: { op: 'gte', value: 2 } },
    },
  ],
  [
    'count zero in 60 days',
    {
      kind: 'event',
      event: 'order',
      measure: {
        type: 'count',
        window: { type: 'last', duration: dur(60) },
        compare: { op: 'eq', value: 0 },
      },
    },
  ],
  [
    'count with filter',
    {
      kind: 'event',
      event: 'email_click',
      where: { kind: 'property', path: 'url', type: 'string', op: 'startsWith', value: '/pricing' },
      measure: {
        type: 'count',
        window: { type: 'last', duration: dur(30) },
        compare: { op: 'gte', value: 2 },
      },
    },
  ],
  [
    'count between window',
    {
      kind: 'event',
      event: 'order',
      measure: {
        type: 'count',
        window: { type: 'between', from: '2026-05-16T12:00:00Z', to: '2026-06-10T12:00:00Z' },
        compare: { op: 'eq', value: 2 },
      },
    },
  ],
  [
    'sum',
    {
      kind: 'event',
      event: 'order',
      measure: {
        type: 'sum',
        property: 'amount',
        window: { type: 'ever' },
        compare: { op: 'eq', value: 180.5 },
      },
    },
  ],
  [
    'sum of nothing is 0',
    {
      kind: 'event',
      event: 'order',
      measure: {
        type: 'sum',
        property: 'amount',
        window: { type: 'ever' },
        compare: { op: 'eq', value: 0 },
      },
    },
  ],
  [
    'avg',
    {
      kind: 'event',
      event: 'order',
      measure: {
        type: 'avg',
        property: 'amount',
        window: { type: 'ever' },
        compare: { op: 'between', min: 90, max: 500 },
      },
    },
  ],
  [
    'min',
    {
      kind: 'event',
      event: 'order',
      measure: {
        type: 'min',
        property: 'amount',
        window: { type: 'ever' },
        compare: { op: 'lt', value: 100 },
      },
    },
  ],
  [
    'max of nothing is no value',
    {
      kind: 'event',
      event: 'order',
      measure: {
        type: 'max',
        property: 'amount',
        window: { type: 'ever' },
        compare: { op: 'lt', value: 1e9 },
      },
    },
  ],
  [
    'lastOccurredWithin',
    {
      kind: 'event',
      event: 'email_click',
      measure: { type: 'lastOccurredWithin', duration: dur(3) },
    },
  ],
  [
    'lastOccurredBefore',
    {
      kind: 'event',
      event: 'email_click',
      measure: { type: 'lastOccurredBefore', duration: dur(1) },
    },
  ],
  [
    'firstOccurredWithin',
    { kind: 'event', event: 'order', measure: { type: 'firstOccurredWithin', duration: dur(31) } },
  ],
  [
    'score current',
    { kind: 'score', model: 'fit', measure: { type: 'current', compare: { op: 'gte', value: 5 } } },
  ],
  [
    'score change',
    {
      kind: 'score',
      model: 'fit',
      measure: { type: 'change', duration: dur(30), compare: { op: 'gte', value: 5 } },
    },
  ],
  [
    'score change from nothing',
    {
      kind: 'score',
      model: 'fit',
      measure: { type: 'change', duration: dur(5), compare: { op: 'eq', value: 0 } },
    },
  ],
  ['hasScore', { kind: 'score', model: 'fit', measure: { type: 'hasScore' } }],
  ['segment', { kind: 'segment', segmentId: 'seg-vip' }],
  ['consent latest wins', { kind: 'consent', channel: 'email' }],
  ['no consent record', { kind: 'not', child: { kind: 'consent', channel: 'sms' } }],
  ['bucket', { kind: 'randomBucket', salt: 'spring', from: 0, to: 5000 }],
  ['bucket other half', { kind: 'randomBucket', salt: 'spring', from: 5000, to: 10000 }],
  [
    'empty all / any',
    {
      kind: 'any',
      children: [
        { kind: 'all', children: [] },
        { kind: 'any', children: [] },
      ],
    },
  ],
  [
    'nested groups',
    {
      kind: 'all',
      children: [
        {
          kind: 'any',
          children: [
            trait('traits.country', 'string', { op: 'in', values: ['US', 'CA'] }),
            trait('traits.ltv', 'number', { op: 'gt', value: 500 }),
          ],
        },
        {
          kind: 'not',
          child: {
            kind: 'event',
            event: 'order',
            measure: { type: 'count', window: { type: 'ever' }, compare: { op: 'gt', value: 3 } },
          },
        },
      ],
    },
  ],
];
