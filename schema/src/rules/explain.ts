import { assertUnreachable } from '../assert-unreachable';
import { randomBucket } from './bucket';
import type { CustomerFacts, EvaluationOptions, EventFact } from './facts';
import { aggregateOf, compare } from './aggregate';
import { testPredicate, type PredicateContext } from './predicate';
import type {
  EventCondition,
  EventMeasure,
  EventWindow,
  FilterNode,
  RuleDocument,
  RuleNode,
  ScoreCondition,
} from './rule.types';
import { durationMs, parseIsoInstant } from './time';
import { profileValue, valueAtPath } from './values';

/** Events listed in an explanation at most (the count is always exact). */
const MAX_LISTED_EVENTS = 20;

/** What decided a node: the value looked at, the events counted, the aggregate, the bucket... */
export interface ExplainFacts {
  readonly value?: unknown;
  readonly count?: number;
  readonly aggregate?: number | null;
  readonly occurredAt?: number | null;
  readonly eventIds?: readonly string[];
  readonly score?: number | null;
  readonly change?: number | null;
  readonly bucket?: number;
}

/** The rule tree as evaluated: each node with its result and the facts that decided it. */
export interface Explanation {
  readonly kind: RuleNode['kind'] | FilterNode['kind'];
  readonly id?: string;
  readonly result: boolean;
  readonly facts?: ExplainFacts;
  readonly children?: readonly Explanation[];
}

/**
 * The reference interpreter: evaluates a rule for one customer at `options.now` and returns the
 * evaluated tree ("why is this customer (not) in this segment?"). Small and direct on purpose: it
 * is the oracle the compiled evaluator and the SQL compiler are tested against.
 *
 * @example
 * explain(rule, { id: 'c1', traits: { country: 'US' }, events: [] }, { now: Date.now() }).result
 */
export function explain(
  rule: RuleDocument | RuleNode,
  facts: CustomerFacts,
  options: EvaluationOptions,
): Explanation {
  const ctx: Ctx = { facts, now: options.now, timeZone: options.timeZone ?? 'UTC' };
  return node('root' in rule ? rule.root : rule, ctx);
}

/** The interpreter's verdict alone (the same evaluation, without listing the events that decided it). */
export function interpret(
  rule: RuleDocument | RuleNode,
  facts: CustomerFacts,
  options: EvaluationOptions,
): boolean {
  const ctx: Ctx = {
    facts,
    now: options.now,
    timeZone: options.timeZone ?? 'UTC',
    verdictOnly: true,
  };
  return node('root' in rule ? rule.root : rule, ctx).result;
}

/** What an evaluation reads besides the node: the customer's facts, the instant, the time zone. */
interface FactsContext extends PredicateContext {
  readonly facts: CustomerFacts;
}

interface Ctx extends FactsContext {
  /** Only the result is wanted: skip listing event ids. */
  readonly verdictOnly?: boolean;
}

/** One evaluated node (built without object spreads: they dominate the interpreter's time on Node 20). */
function out(
  n: { kind: Explanation['kind']; id?: string },
  result: boolean,
  facts?: ExplainFacts,
  children?: readonly Explanation[],
): Explanation {
  const e: { -readonly [K in keyof Explanation]: Explanation[K] } = { kind: n.kind, result };
  if (n.id !== undefined) e.id = n.id;
  if (facts !== undefined) e.facts = facts;
  if (children !== undefined) e.children = children;
  return e;
}

function node(n: RuleNode, ctx: Ctx): Explanation {
  switch (n.kind) {
    case 'all':
    case 'any': {
      const children = n.children.map((c) => node(c, ctx));
      const result =
        n.kind === 'all' ? children.every((c) => c.result) : children.some((c) => c.result);
      return out(n, result, undefined, children);
    }
    case 'not': {
      const child = node(n.child, ctx);
      return out(n, !child.result, undefined, [child]);
    }
    case 'trait': {
      const value = profileValue(ctx.facts, n.path);
      return out(n, testPredicate(n, value, n.type, ctx), { value });
    }
    case 'event':
      return eventNode(n, ctx);
    case 'score':
      return scoreNode(n, ctx);
    case 'segment':
      return out(n, (ctx.facts.segments ?? []).includes(n.segmentId));
    case 'consent':
      return out(n, ctx.facts.consent?.[n.channel] === true, {
        value: ctx.facts.consent?.[n.channel] ?? null,
      });
    case 'randomBucket': {
      const bucket = randomBucket(ctx.facts.id, n.salt);
      return out(n, n.from <= bucket && bucket < n.to, { bucket });
    }
    default:
      return assertUnreachable(n);
  }
}

/** Evaluates an event's `where` filter against its properties. */
export function filterMatches(
  f: FilterNode,
  properties: Readonly<Record<string, unknown>>,
  ctx: PredicateContext,
): boolean {
  switch (f.kind) {
    case 'all':
      return f.children.every((c) => filterMatches(c, properties, ctx));
    case 'any':
      return f.children.some((c) => filterMatches(c, properties, ctx));
    case 'not':
      return !filterMatches(f.child, properties, ctx);
    case 'property':
      return testPredicate(f, valueAtPath(properties, f.path), f.type, ctx);
    default:
      return assertUnreachable(f);
  }
}

/** The window's bounds: `from <= occurredAt` and `occurredAt <= to` (to exclusive for absolute ranges). */
export function windowBounds(
  w: EventWindow,
  now: number,
): { from: number; to: number; toInclusive: boolean } {
  switch (w.type) {
    case 'ever':
      return { from: -Infinity, to: now, toInclusive: true };
    case 'last':
      return { from: now - durationMs(w.duration), to: now, toInclusive: true };
    case 'between':
      return {
        from: parseIsoInstant(w.from) ?? Infinity,
        to: parseIsoInstant(w.to) ?? -Infinity,
        toInclusive: false,
      };
    default:
      return assertUnreachable(w);
  }
}

const inWindow = (t: number, b: ReturnType<typeof windowBounds>) =>
  t >= b.from && (b.toInclusive ? t <= b.to : t < b.to);

function matchingEvents(
  n: EventCondition,
  ctx: PredicateContext,
  events: readonly EventFact[],
): EventFact[] {
  return events.filter(
    (e) =>
      e.name === n.event && (n.where === undefined || filterMatches(n.where, e.properties, ctx)),
  );
}

function listed(events: readonly EventFact[], ctx: Ctx): { eventIds?: string[] } {
  if (ctx.verdictOnly) return {};
  const ids = events.slice(0, MAX_LISTED_EVENTS).flatMap((e) => (e.id === undefined ? [] : [e.id]));
  return ids.length > 0 ? { eventIds: ids } : {};
}

function eventNode(n: EventCondition, ctx: Ctx): Explanation {
  const m = n.measure;
  const { value, hits } = measureEvents(n, ctx);
  const result = measureHolds(m, value, ctx.now);
  switch (m.type) {
    case 'count':
      return out(n, result, { count: hits.length, ...listed(hits, ctx) });
    case 'sum':
    case 'avg':
    case 'min':
    case 'max':
      return out(n, result, { count: hits.length, aggregate: value, ...listed(hits, ctx) });
    case 'firstOccurredWithin':
    case 'firstOccurredBefore':
    case 'lastOccurredWithin':
    case 'lastOccurredBefore':
      return out(n, result, { occurredAt: value, count: hits.length });
    default:
      return assertUnreachable(m);
  }
}

/**
 * What an event condition measures over the customer's events at `ctx.now`, before comparing:
 * the count in the window, the aggregate of the property (null: no value), or the first or last
 * occurrence at or before now (null: none); `hits` are the events it was taken over.
 * `eventAggregates` stores `value`, and `measureHolds` turns it into the verdict.
 */
export function measureEvents(
  n: EventCondition,
  ctx: FactsContext,
): { value: number | null; hits: EventFact[] } {
  const m = n.measure;
  switch (m.type) {
    case 'count': {
      const hits = inWindowOf(n, m.window, ctx);
      return { value: hits.length, hits };
    }
    case 'sum':
    case 'avg':
    case 'min':
    case 'max': {
      const hits = inWindowOf(n, m.window, ctx);
      const numbers = hits
        .map((e) => valueAtPath(e.properties, m.property))
        .filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
      return { value: aggregateOf(m.type, numbers), hits };
    }
    case 'firstOccurredWithin':
    case 'firstOccurredBefore':
    case 'lastOccurredWithin':
    case 'lastOccurredBefore': {
      const hits = matchingEvents(n, ctx, ctx.facts.events).filter((e) => e.occurredAt <= ctx.now);
      const first = m.type.startsWith('first');
      const value =
        hits.length === 0
          ? null
          : hits.reduce(
              (a, e) => (first ? Math.min(a, e.occurredAt) : Math.max(a, e.occurredAt)),
              first ? Infinity : -Infinity,
            );
      return { value, hits };
    }
    default:
      return assertUnreachable(m);
  }
}

/** The condition's events in the window (a function, not a closure: tsx names each closure it makes). */
function inWindowOf(n: EventCondition, w: EventWindow, ctx: FactsContext): EventFact[] {
  const b = windowBounds(w, ctx.now);
  return matchingEvents(n, ctx, ctx.facts.events).filter((e) => inWindow(e.occurredAt, b));
}

/** The verdict of an event condition's measure on its value (`measureEvents`) at `now`. */
export function measureHolds(m: EventMeasure, value: number | null, now: number): boolean {
  switch (m.type) {
    case 'count':
    case 'sum':
    case 'avg':
    case 'min':
    case 'max':
      return value !== null && compare(m.compare, value);
    case 'firstOccurredWithin':
    case 'lastOccurredWithin':
      return value !== null && value >= now - durationMs(m.duration);
    case 'firstOccurredBefore':
    case 'lastOccurredBefore':
      return value !== null && value < now - durationMs(m.duration);
    default:
      return assertUnreachable(m);
  }
}

/** The score's value at an instant: the last history entry at or before it, or null. */
export function scoreAt(
  history: ReadonlyArray<{ at: number; value: number }>,
  at: number,
): number | null {
  let value: number | null = null;
  for (const entry of history) {
    if (entry.at <= at) value = entry.value;
    else break;
  }
  return value;
}

function scoreNode(n: ScoreCondition, ctx: Ctx): Explanation {
  const history = ctx.facts.scores?.[n.model]?.history ?? [];
  const score = scoreAt(history, ctx.now);
  const m = n.measure;
  switch (m.type) {
    case 'hasScore':
      return out(n, score !== null, { score });
    case 'current':
      return out(n, score !== null && compare(m.compare, score), { score });
    case 'change': {
      // Before its first entry a model's score counts as 0, so a new lead's first points are a rise.
      const change =
        score === null ? null : score - (scoreAt(history, ctx.now - durationMs(m.duration)) ?? 0);
      return out(n, change !== null && compare(m.compare, change), { score, change });
    }
    default:
      return assertUnreachable(m);
  }
}
