/**
 * The small pools the rule and customer generators draw from, and instants around which `now`
 * is placed (see `arbitraries.ts`).
 */
import fc from 'fast-check';
import type { EvaluationOptions } from '../facts';
import type { Duration, ValueType } from '../rule.types';
import { durationMs, parseIsoInstant } from '../time';

export const DAY = 86_400_000;

/** The pools rules and customers draw from. */
export const RULE_POOLS = {
  /** Profile paths and the type their values usually have (customers sometimes hold other types). */
  traits: {
    'traits.country': 'string',
    'traits.plan': 'string',
    'traits.ltv': 'number',
    'traits.leadScore': 'number',
    'traits.vip': 'boolean',
    'traits.birthday': 'date',
    'traits.lastOrderAt': 'date',
    'traits.tags': 'stringList',
    'traits.address.city': 'string',
    'traits.__proto__': 'string',
    'traits.constructor': 'number',
    'traits.toString': 'string',
    email: 'string',
    createdAt: 'date',
  } as Readonly<Record<string, ValueType>>,
  /** Event property paths and their usual types. */
  properties: {
    amount: 'number',
    plan: 'string',
    url: 'string',
    'items.count': 'number',
    tags: 'stringList',
    sentAt: 'date',
    constructor: 'string',
  } as Readonly<Record<string, ValueType>>,
  /** The first two are drawn four times out of five. */
  events: ['email_click', 'purchase', 'page_view', 'Email_Click', '__proto__'],
  strings: ['US', 'CA', 'gold', 'Paris', 'x', '', '__proto__'],
  /** Strings customers hold besides `strings`: near misses and longer texts that contain them. */
  factStrings: ['Gold', 'United States', 'gold member', 'xy', 'a@x.com', 'https://x.com/Paris'],
  numbers: [0, -0, 1, 2, 3, 10, 50, 60, 61, 500, 501, -1, 0.5, 1e308, -1e308, 5e-324],
  patterns: [
    '^US$',
    'gold',
    '^[A-Z]{2}$',
    'a.c',
    '\\d+',
    '^$',
    'x|y',
    '(?:ab)+',
    '[^a]',
    '\\.com$',
  ],
  durations: [
    { amount: 1, unit: 'days' },
    { amount: 7, unit: 'days' },
    { amount: 30, unit: 'days' },
    { amount: 60, unit: 'minutes' },
    { amount: 2, unit: 'weeks' },
    { amount: 1, unit: 'hours' },
  ] satisfies Duration[],
  models: ['lead', 'fit', 'constructor'],
  segments: ['seg-a', 'seg-b', 'seg-c'],
  salts: ['ab', 'spring-test', 'x'],
  timeZones: [
    'UTC',
    'America/New_York',
    'Asia/Kolkata',
    'Pacific/Kiritimati',
    'Pacific/Pago_Pago',
    'Asia/Kathmandu',
  ],
  /** Instants `now` is drawn around: a Sunday noon, a leap day, a year end, a common-year 28 February. */
  instants: [
    Date.UTC(2026, 2, 15, 12),
    Date.UTC(2024, 1, 29),
    Date.UTC(2025, 11, 31, 23, 30),
    Date.UTC(2025, 1, 28, 12),
  ],
} as const;

export const TRAIT_PATHS = Object.keys(RULE_POOLS.traits);
export const PROPERTY_PATHS = Object.keys(RULE_POOLS.properties);
export const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);
export const arbEventName = fc.oneof(
  { weight: 4, arbitrary: pick(RULE_POOLS.events.slice(0, 2)) },
  { weight: 1, arbitrary: pick(RULE_POOLS.events.slice(2)) },
);

/** Offsets from now that sit on the edges of the pooled durations, and a few more. */
export const EDGE_OFFSETS = [
  0,
  -1,
  1,
  DAY,
  -3 * DAY,
  -45 * DAY,
  -400 * DAY,
  ...RULE_POOLS.durations.flatMap((d) => [-durationMs(d), -durationMs(d) + 1, -durationMs(d) - 1]),
];

/** An ISO 8601 text for an instant, in one of the forms the language accepts. */
export function isoText(
  instant: number,
  form: 'ms' | 'seconds' | 'minutes' | 'date' | 'nanos' | 'plus0530' | 'minus0800',
): string {
  const shifted = (minutes: number, sign: string) =>
    `${new Date(instant + minutes * 60_000).toISOString().slice(0, 23)}${sign}`;
  const full = new Date(instant).toISOString();
  switch (form) {
    case 'ms':
      return full;
    case 'seconds':
      return `${full.slice(0, 19)}Z`;
    case 'minutes':
      return `${full.slice(0, 16)}Z`;
    case 'date':
      return full.slice(0, 10);
    case 'nanos':
      return `${full.slice(0, 23)}456789Z`;
    case 'plus0530':
      return shifted(330, '+05:30');
    case 'minus0800':
      return shifted(-480, '-08:00');
  }
}
export const ISO_FORMS = [
  'ms',
  'seconds',
  'minutes',
  'date',
  'nanos',
  'plus0530',
  'minus0800',
] as const;

/** Date literals for rules: texts around the pooled instants. */
export const DATE_LITERALS = RULE_POOLS.instants
  .flatMap((b) => [
    isoText(b, 'ms'),
    isoText(b - DAY, 'seconds'),
    isoText(b - 30 * DAY, 'date'),
    isoText(b + DAY, 'plus0530'),
    isoText(b - 7 * DAY, 'minutes'),
  ])
  .concat(['2024-02-29', '1990-03-15', '2000-02-29T23:30:00-05:00']);

/** `between` windows: pairs around the pooled instants (from < to). */
export const WINDOW_PAIRS = RULE_POOLS.instants.flatMap((b) => [
  [isoText(b - 7 * DAY, 'ms'), isoText(b, 'ms')],
  [isoText(b - 30 * DAY, 'date'), isoText(b + DAY, 'date')],
  [isoText(b - DAY, 'plus0530'), isoText(b + DAY, 'minus0800')],
]);
export const WINDOW_EDGES = WINDOW_PAIRS.flat().flatMap((text) => {
  const t = parseIsoInstant(text)!;
  return [t, t - 1];
});

/** Evaluation options: an instant near one of the pooled instants, and a time zone or none. */
export function arbEvaluationOptions(): fc.Arbitrary<EvaluationOptions> {
  const offset = fc.oneof(
    pick([0, 1, -1, 3_600_000, -DAY, 43_200_000]),
    fc.integer({ min: -3 * DAY, max: 3 * DAY }),
  );
  return fc
    .record({
      base: pick(RULE_POOLS.instants),
      offset,
      timeZone: fc.option(pick(RULE_POOLS.timeZones), { nil: undefined, freq: 3 }),
    })
    .map(({ base, offset, timeZone }) =>
      timeZone === undefined ? { now: base + offset } : { now: base + offset, timeZone },
    );
}
