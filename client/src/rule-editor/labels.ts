import type {
  Channel,
  EventMeasure,
  EventWindow,
  NumberComparison,
  Operator,
  ScoreMeasure,
  TimeUnit,
  ValueType,
} from '@cairn/schema';
import type { GroupMode } from './group-view';

/** What each operator reads as in a row ("plan is one of pro, team"). */
export const OPERATOR_LABELS = {
  eq: 'is',
  neq: 'is not',
  gt: 'is greater than',
  gte: 'is at least',
  lt: 'is less than',
  lte: 'is at most',
  between: 'is between',
  in: 'is one of',
  notIn: 'is none of',
  contains: 'contains',
  notContains: 'does not contain',
  startsWith: 'starts with',
  endsWith: 'ends with',
  matches: 'matches pattern',
  exists: 'is set',
  notExists: 'is not set',
  isEmpty: 'is empty',
  before: 'is before',
  after: 'is after',
  withinLast: 'is in the last',
  notWithinLast: 'is not in the last',
  anniversaryWithin: 'has an anniversary within',
} as const satisfies Record<Operator, string>;

export const TYPE_LABELS = {
  string: 'text',
  number: 'number',
  boolean: 'yes/no',
  date: 'date',
  stringList: 'list',
} as const satisfies Record<ValueType, string>;

export const UNIT_LABELS = {
  minutes: 'minutes',
  hours: 'hours',
  days: 'days',
  weeks: 'weeks',
} as const satisfies Record<TimeUnit, string>;

export const GROUP_MODE_LABELS = {
  all: 'all',
  any: 'any',
  none: 'none',
} as const satisfies Record<GroupMode, string>;

export const MEASURE_LABELS = {
  count: 'happened',
  sum: 'sum of',
  avg: 'average of',
  min: 'smallest',
  max: 'largest',
  firstOccurredWithin: 'first happened in the last',
  firstOccurredBefore: 'first happened more than',
  lastOccurredWithin: 'last happened in the last',
  lastOccurredBefore: 'last happened more than',
} as const satisfies Record<EventMeasure['type'], string>;

export const WINDOW_LABELS = {
  last: 'in the last',
  between: 'between',
  ever: 'ever',
} as const satisfies Record<EventWindow['type'], string>;

export const COMPARISON_LABELS = {
  eq: 'exactly',
  neq: 'not exactly',
  gt: 'more than',
  gte: 'at least',
  lt: 'fewer than',
  lte: 'at most',
  between: 'between',
} as const satisfies Record<NumberComparison['op'], string>;

export const SCORE_MEASURE_LABELS = {
  current: 'is',
  hasScore: 'has a score',
  change: 'changed by',
} as const satisfies Record<ScoreMeasure['type'], string>;

export const CHANNEL_LABELS = {
  email: 'Email',
  sms: 'SMS',
  whatsapp: 'WhatsApp',
  push: 'Push',
  webhook: 'Webhook',
  advertising: 'Advertising',
} as const satisfies Record<Channel, string>;

/** A catalog path as a marketer reads it: `traits.company.size` → `company.size`. */
export function fieldLabel(path: string): string {
  if (path === 'createdAt') return 'signed up (created at)';
  return path.startsWith('traits.') ? path.slice('traits.'.length) : path;
}
