/**
 * When a rule's result for a customer can next change by the passage of time alone (no new
 * events, traits, scores, consent or memberships), so a segment engine re-checks each member
 * then instead of re-scanning everyone. Worked out per node from the interpreter's semantics
 * (`semantics.md`, "Dependencies and time").
 */
import { assertUnreachable } from '../assert-unreachable';
import { combine, firstFlip, shiftedBoundary, type Breakpoint, type Change } from './change-points';
import { MAX_RECOMPUTATIONS, trackAggregate } from './aggregate-tracker';
import { compare } from './aggregate';
import { interpret, windowBounds } from './explain';
import type { CustomerFacts, EvaluationOptions, EventFact } from './facts';
import { filterChange, filterReadsClock, predicateChange } from './next-change-predicate';
import type {
  EventCondition,
  EventMeasure,
  RuleDocument,
  RuleNode,
  ScoreCondition,
} from './rule.types';
import { durationMs } from './time';
import { profileValue, valueAtPath } from './values';

interface Ctx {
  readonly facts: CustomerFacts;
  readonly now: number;
  readonly timeZone: string;
}

/**
 * The earliest instant after `options.now` at which the rule's result for these facts may differ
 * from its result at `now`, with no new data arriving; `null` when time alone never changes it.
 * Never later than a real change; it may be earlier (the engine re-checks and finds no change),
 * which happens only where groups combine children, where a `where` filter reads the clock, and
 * after 64 full re-evaluations without a flip for one aggregate or score condition.
 *
 * Time is real-valued: a change just after a closed bound (an event leaving "the last 60 days")
 * is reported at the next double after it, a fraction of a millisecond past the bound. A
 * scheduler with a whole-millisecond clock rounds up (`Math.ceil`).
 *
 * Cost: about linear in the rule's size times the customer's events (each event condition sorts
 * its events' instants), plus a handful of time zone conversions per anniversary.
 *
 * @example
 * // "No purchase in 60 days", last purchase at t: changes just after t + 60 days.
 * nextChangeAt(rule, facts, { now }) // → t + 60 * 86_400_000 + ε
 */
export function nextChangeAt(
  rule: RuleDocument | RuleNode,
  facts: CustomerFacts,
  options: EvaluationOptions,
): number | null {
  const ctx: Ctx = { facts, now: options.now, timeZone: options.timeZone ?? 'UTC' };
  const { next } = nodeChange('root' in rule ? rule.root : rule, ctx);
  return next === Infinity ? null : next;
}

function nodeChange(n: RuleNode, ctx: Ctx): Change {
  switch (n.kind) {
    case 'all':
    case 'any':
      return combine(
        n.kind,
        n.children.map((c) => nodeChange(c, ctx)),
      );
    case 'not': {
      const child = nodeChange(n.child, ctx);
      return { result: !child.result, next: child.next };
    }
    case 'trait':
      return predicateChange(n, profileValue(ctx.facts, n.path), n.type, ctx);
    case 'event':
      return eventChange(n, ctx);
    case 'score':
      return scoreChange(n, ctx);
    // Memberships, consent and the customer id do not move with time.
    case 'segment':
    case 'consent':
    case 'randomBucket':
      return { result: interpret(n, ctx.facts, ctx), next: Infinity };
    default:
      return assertUnreachable(n);
  }
}

/**
 * The events of the condition's name its filter selects now, and the first instant the filter
 * may select otherwise (a `where` on a date property can read the clock) for an event that can
 * still count.
 */
function selection(n: EventCondition, ctx: Ctx): { selected: EventFact[]; horizon: number } {
  const named = ctx.facts.events.filter((e) => e.name === n.event);
  const where = n.where;
  if (where === undefined) return { selected: named, horizon: Infinity };
  let horizon = Infinity;
  const matters = filterReadsClock(where) ? canMatter(n.measure, ctx.now) : () => false;
  const selected = named.filter((e) => {
    const c = filterChange(where, e.properties, ctx);
    if (matters(e)) horizon = Math.min(horizon, c.next);
    return c.result;
  });
  return { selected, horizon };
}

/**
 * Whether an event can count now or later: windows' starts never move back (so an event before
 * one is out for good), `between` ends are fixed, and aggregates see only numbers.
 */
function canMatter(m: EventMeasure, now: number): (e: EventFact) => boolean {
  if (!('window' in m)) return (e) => e.occurredAt < Infinity;
  const b = windowBounds(m.window, now);
  const end = m.window.type === 'between' ? b.to : Infinity;
  const property = m.type === 'count' ? undefined : m.property;
  return (e) =>
    e.occurredAt >= b.from &&
    e.occurredAt < end &&
    (property === undefined || isNumber(valueAtPath(e.properties, property)));
}

function eventChange(n: EventCondition, ctx: Ctx): Change {
  const result = interpret(n, ctx.facts, ctx);
  const { selected, horizon } = selection(n, ctx);
  const m = n.measure;
  switch (m.type) {
    case 'count':
    case 'sum':
    case 'avg':
    case 'min':
    case 'max':
      return { result, next: windowedChange(m, selected, result, ctx, horizon) };
    case 'firstOccurredWithin':
    case 'firstOccurredBefore':
    case 'lastOccurredWithin':
    case 'lastOccurredBefore':
      return { result, next: occurrenceChange(m, selected, result, ctx, horizon) };
    default:
      return assertUnreachable(m);
  }
}

type Windowed = Extract<EventMeasure, { window: unknown }>;
type Occurrence = Exclude<EventMeasure, Windowed>;

const inWindow = (t: number, b: ReturnType<typeof windowBounds>) =>
  t >= b.from && (b.toInclusive ? t <= b.to : t < b.to);

const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/**
 * A count or aggregate over a window: each event enters `ever` and `last` windows when it
 * happens and leaves `last d` just after `occurredAt + d`; `between` windows do not move. The
 * sweep keeps each event's membership and tests the measure at every instant one changes.
 */
function windowedChange(
  m: Windowed,
  selected: readonly EventFact[],
  result: boolean,
  ctx: Ctx,
  horizon: number,
): number {
  const w = m.window;
  if (w.type === 'between') return horizon;
  // Aggregates see only numeric values: the other events cannot change them.
  const property = m.type === 'count' ? undefined : m.property;
  const events: EventFact[] = [];
  const values: number[] = [];
  for (const e of selected) {
    const value = property === undefined ? 0 : valueAtPath(e.properties, property);
    if (!isNumber(value)) continue;
    events.push(e);
    values.push(value);
  }
  const bounds = windowBounds(w, ctx.now);
  const member = events.map((e) => inWindow(e.occurredAt, bounds));
  const d = w.type === 'last' ? durationMs(w.duration) : undefined;
  const points: Breakpoint[] = [];
  events.forEach((e, index) => {
    points.push({ at: e.occurredAt, index });
    if (d !== undefined) points.push({ at: shiftedBoundary(e.occurredAt, d, true), index });
  });
  let count = member.filter(Boolean).length;
  const aggregate =
    m.type === 'count' ? undefined : trackAggregate(m.type, m.compare, values, member);
  const resultAt = (at: number, changed: readonly Breakpoint[]): boolean | undefined => {
    const b = windowBounds(w, at);
    for (const { index } of changed) {
      const inside = inWindow(events[index!]!.occurredAt, b);
      if (inside === member[index!]) continue;
      member[index!] = inside;
      count += inside ? 1 : -1;
      aggregate?.update(index!, inside);
    }
    return aggregate === undefined ? compare(m.compare, count) : aggregate.verdict();
  };
  return firstFlip(ctx.now, result, points, resultAt, horizon);
}

/**
 * The first or last selected event at or before now, against `now - d`: it changes when an
 * event happens (it may become the first or the last) and when `now - d` passes one.
 */
function occurrenceChange(
  m: Occurrence,
  selected: readonly EventFact[],
  result: boolean,
  ctx: Ctx,
  horizon: number,
): number {
  const d = durationMs(m.duration);
  const first = m.type.startsWith('first');
  const within = m.type.endsWith('Within');
  const times = selected
    .map((e) => e.occurredAt)
    .filter((t) => !Number.isNaN(t))
    .sort((a, b) => a - b);
  // Only the earliest event can ever be the first one.
  const points = (first ? times.slice(0, 1) : times).flatMap((t) => [
    { at: t },
    { at: shiftedBoundary(t, d, true) },
  ]);
  const resultAt = (at: number): boolean => {
    const occurredAt = first ? (times[0]! <= at ? times[0]! : null) : latestUpTo(times, at);
    const cutoff = at - d;
    return occurredAt !== null && (within ? occurredAt >= cutoff : occurredAt < cutoff);
  };
  return firstFlip(ctx.now, result, points, resultAt, horizon);
}

/** The greatest of sorted times at or before `at`, or null. */
function latestUpTo(sorted: readonly number[], at: number): number | null {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? null : sorted[lo - 1]!;
}

/**
 * A score's value at t is the last entry of the longest prefix of its history at or before t:
 * each entry takes effect once it and every entry before it have happened, and, for `change d`,
 * again when `now - d` reaches that instant.
 */
function scoreChange(n: ScoreCondition, ctx: Ctx): Change {
  const result = interpret(n, ctx.facts, ctx);
  const history = ctx.facts.scores?.[n.model]?.history ?? [];
  const points: Breakpoint[] = [];
  let effective = -Infinity;
  for (const entry of history) {
    if (Number.isNaN(entry.at)) break;
    effective = Math.max(effective, entry.at);
    points.push({ at: effective });
    if (n.measure.type === 'change')
      points.push({ at: shiftedBoundary(effective, durationMs(n.measure.duration), false) });
  }
  let evaluations = 0;
  const resultAt = (at: number) =>
    ++evaluations > MAX_RECOMPUTATIONS
      ? undefined
      : interpret(n, ctx.facts, { now: at, timeZone: ctx.timeZone });
  return { result, next: firstFlip(ctx.now, result, points, resultAt) };
}
