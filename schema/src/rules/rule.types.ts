/**
 * The rule language: one JSON tree for segments, journey conditions and splits, lead-score rules
 * and goals. Every node kind is a member of a discriminated union on `kind`; every switch over it
 * ends in `assertUnreachable`. Semantics are documented in `semantics.md` beside this file.
 */

export const RULE_VERSION = 1;

/** A versioned rule document, as stored and sent over the API. */
export interface RuleDocument {
  readonly version: typeof RULE_VERSION;
  readonly root: RuleNode;
}

/** Every node may carry an `id` (the editor's row id); problems and `explain` report it. */
interface NodeBase {
  readonly id?: string;
}

export type RuleNode =
  | GroupNode
  | NotNode
  | TraitCondition
  | EventCondition
  | ScoreCondition
  | SegmentCondition
  | ConsentCondition
  | RandomBucketCondition;

/** Every kind of rule node, once (the validator reads only these; tests iterate them). */
export const RULE_NODE_KINDS = [
  'all',
  'any',
  'not',
  'trait',
  'event',
  'score',
  'segment',
  'consent',
  'randomBucket',
] as const satisfies readonly RuleNode['kind'][];
/** The kinds allowed inside an event's `where` filter. */
export const FILTER_NODE_KINDS = [
  'all',
  'any',
  'not',
  'property',
] as const satisfies readonly FilterNode['kind'][];
// Compile-time check that the lists name every kind of the unions.
const kindsAreComplete: [
  Exclude<RuleNode['kind'], (typeof RULE_NODE_KINDS)[number]>,
  Exclude<FilterNode['kind'], (typeof FILTER_NODE_KINDS)[number]>,
] extends [never, never]
  ? true
  : never = true;
void kindsAreComplete;

/** Nodes allowed inside an event's `where` filter: groups over the event's own properties. */
export type FilterNode = FilterGroupNode | FilterNotNode | PropertyCondition;

export interface GroupNode extends NodeBase {
  readonly kind: 'all' | 'any';
  readonly children: readonly RuleNode[];
}

export interface NotNode extends NodeBase {
  readonly kind: 'not';
  readonly child: RuleNode;
}

export interface FilterGroupNode extends NodeBase {
  readonly kind: 'all' | 'any';
  readonly children: readonly FilterNode[];
}

export interface FilterNotNode extends NodeBase {
  readonly kind: 'not';
  readonly child: FilterNode;
}

// ── values and predicates ───────────────────────────────────────────────────────────────────

/** The declared type of a trait or property: decides which operators apply and how values compare. */
export type ValueType = 'string' | 'number' | 'boolean' | 'date' | 'stringList';
export const VALUE_TYPES: readonly ValueType[] = [
  'string',
  'number',
  'boolean',
  'date',
  'stringList',
];

export type TimeUnit = 'minutes' | 'hours' | 'days' | 'weeks';
export const TIME_UNITS: readonly TimeUnit[] = ['minutes', 'hours', 'days', 'weeks'];

/** A span of time back from `now`. */
export interface Duration {
  readonly amount: number;
  readonly unit: TimeUnit;
}

/** A literal: strings, finite numbers and booleans; dates are ISO 8601 strings. */
export type Scalar = string | number | boolean;

/**
 * What is asserted about one value. Which operators a type allows is in `operators.ts`
 * (`OPERATORS_BY_TYPE`); the validator enforces it.
 */
export type Predicate =
  | { readonly op: 'eq' | 'neq'; readonly value: Scalar }
  | { readonly op: 'gt' | 'gte' | 'lt' | 'lte'; readonly value: number | string }
  | { readonly op: 'between'; readonly min: number | string; readonly max: number | string }
  | { readonly op: 'in' | 'notIn'; readonly values: readonly Scalar[] }
  | { readonly op: 'contains' | 'notContains' | 'startsWith' | 'endsWith'; readonly value: string }
  | { readonly op: 'matches'; readonly pattern: string; readonly ignoreCase?: boolean }
  | { readonly op: 'exists' | 'notExists' | 'isEmpty' }
  | { readonly op: 'before' | 'after'; readonly value: string }
  | { readonly op: 'withinLast' | 'notWithinLast'; readonly duration: Duration }
  | { readonly op: 'anniversaryWithin'; readonly days: number };

export type Operator = Predicate['op'];

/** A condition on the profile: `path` is `traits.<dotted path>`, `email` or `createdAt`. */
export type TraitCondition = NodeBase & {
  readonly kind: 'trait';
  readonly path: string;
  readonly type: ValueType;
} & Predicate;

/** A condition on one event's property (only inside an event's `where`); `path` is dotted. */
export type PropertyCondition = NodeBase & {
  readonly kind: 'property';
  readonly path: string;
  readonly type: ValueType;
} & Predicate;

// ── events ──────────────────────────────────────────────────────────────────────────────────

/** Which events count: those within the last duration, between two instants, or ever. */
export type EventWindow =
  | { readonly type: 'last'; readonly duration: Duration }
  | { readonly type: 'between'; readonly from: string; readonly to: string }
  | { readonly type: 'ever' };

/** A comparison of a number (a count, an aggregate, a score). */
export type NumberComparison =
  | { readonly op: 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte'; readonly value: number }
  | { readonly op: 'between'; readonly min: number; readonly max: number };

export type EventMeasure =
  /** How many matching events fall in the window. "Has not done X in 60 days" is count eq 0 over the last 60 days. */
  | { readonly type: 'count'; readonly window: EventWindow; readonly compare: NumberComparison }
  /** An aggregate of a numeric property over the matching events in the window. */
  | {
      readonly type: 'sum' | 'avg' | 'min' | 'max';
      readonly property: string;
      readonly window: EventWindow;
      readonly compare: NumberComparison;
    }
  /** When the first or last matching event happened, relative to now. */
  | {
      readonly type:
        'firstOccurredWithin' | 'firstOccurredBefore' | 'lastOccurredWithin' | 'lastOccurredBefore';
      readonly duration: Duration;
    };

export interface EventCondition extends NodeBase {
  readonly kind: 'event';
  readonly event: string;
  readonly where?: FilterNode;
  readonly measure: EventMeasure;
}

// ── scores, segments, consent, random buckets ───────────────────────────────────────────────

export type ScoreMeasure =
  | { readonly type: 'current'; readonly compare: NumberComparison }
  | { readonly type: 'hasScore' }
  /** Current value minus the value at the start of the window ("rose by 20+ in 30 days"). */
  | { readonly type: 'change'; readonly duration: Duration; readonly compare: NumberComparison };

export interface ScoreCondition extends NodeBase {
  readonly kind: 'score';
  readonly model: string;
  readonly measure: ScoreMeasure;
}

/** True when the customer is a member of the segment. */
export interface SegmentCondition extends NodeBase {
  readonly kind: 'segment';
  readonly segmentId: string;
}

export type Channel = 'email' | 'sms' | 'whatsapp' | 'push' | 'webhook' | 'advertising';
export const CHANNELS: readonly Channel[] = [
  'email',
  'sms',
  'whatsapp',
  'push',
  'webhook',
  'advertising',
];

/** True when the customer's latest consent record for the channel grants it. */
export interface ConsentCondition extends NodeBase {
  readonly kind: 'consent';
  readonly channel: Channel;
}

/**
 * A deterministic bucket 0–9999 from the customer id and a salt; true when `from <= bucket < to`.
 * The same customer and salt always land in the same bucket (A/B splits).
 */
export interface RandomBucketCondition extends NodeBase {
  readonly kind: 'randomBucket';
  readonly salt: string;
  readonly from: number;
  readonly to: number;
}

export const BUCKET_COUNT = 10_000;
