/**
 * When a trait or event-property predicate's result changes by the passage of time alone: only
 * `withinLast`, `notWithinLast` and `anniversaryWithin` read the clock (see `semantics.md`).
 */
import { assertUnreachable } from '../assert-unreachable';
import { combine, firstFlip, firstTrue, shiftedBoundary, type Change } from './change-points';
import { testPredicate, type PredicateContext } from './predicate';
import type { FilterNode, Operator, Predicate, PropertyCondition, ValueType } from './rule.types';
import { daysFromCivil, daysUntilAnniversary, durationMs, localDate, utcOffset } from './time';
import { asType, valueAtPath } from './values';

const DAY = 86_400_000;
/** Every anniversary is at most 365 days away (consecutive ones are 365 or 366 days apart). */
const MAX_DAYS_TO_ANNIVERSARY = 365;

/** True for the operators whose result depends on `now` (and `anniversaryWithin` on the time zone). */
export function readsClock(op: Operator): boolean {
  switch (op) {
    case 'withinLast':
    case 'notWithinLast':
    case 'anniversaryWithin':
      return true;
    case 'eq':
    case 'neq':
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
    case 'between':
    case 'in':
    case 'notIn':
    case 'contains':
    case 'notContains':
    case 'startsWith':
    case 'endsWith':
    case 'matches':
    case 'exists':
    case 'notExists':
    case 'isEmpty':
    case 'before':
    case 'after':
      return false;
    default:
      return assertUnreachable(op);
  }
}

/** A predicate's result on a value now, and the first instant it may differ. */
export function predicateChange(
  p: Predicate,
  raw: unknown,
  type: ValueType,
  ctx: PredicateContext,
): Change {
  const result = testPredicate(p, raw, type, ctx);
  const v = readsClock(p.op) ? asType(raw, type) : undefined;
  if (v === undefined || v.type !== 'date') return { result, next: Infinity };
  const at = (now: number) => testPredicate(p, raw, type, { now, timeZone: ctx.timeZone });
  if (p.op === 'anniversaryWithin')
    return { result, next: anniversaryChange(p.days, v.text, result, ctx, at) };
  if (p.op !== 'withinLast' && p.op !== 'notWithinLast') return { result, next: Infinity };
  // In the last d: from the date itself (withinLast) until `now - d` passes it.
  const leaves = { at: shiftedBoundary(v.value, durationMs(p.duration), true) };
  const points = p.op === 'withinLast' ? [{ at: v.value }, leaves] : [leaves];
  return { result, next: firstFlip(ctx.now, result, points, at) };
}

/**
 * `anniversaryWithin n` changes only when the local date does: the days left decrease by one a
 * day until the anniversary (true from n days before it), then jump to a year away.
 */
function anniversaryChange(
  n: number,
  text: string,
  result: boolean,
  ctx: PredicateContext,
  at: (now: number) => boolean,
): number {
  const left = daysUntilAnniversary(text, ctx.now, ctx.timeZone);
  const today = dayNumber(ctx.now, ctx.timeZone);
  if (left === undefined) return startOfLocalDay(today + 1, ctx.timeZone);
  if (n >= MAX_DAYS_TO_ANNIVERSARY) return Infinity;
  const anniversary = today + left;
  // Nothing changes before the start of the day the anniversary comes within n days (if it is
  // not yet), then before the start of the day after it; the days in between count down by one.
  for (const day of left > n ? [anniversary - n, anniversary + 1] : [anniversary + 1]) {
    const start = startOfLocalDay(day, ctx.timeZone);
    if (at(start) !== result) return start;
  }
  // Still the same the day after the anniversary (n of 364 in some years): at least until the next local day.
  return startOfLocalDay(anniversary + 2, ctx.timeZone);
}

/** Days since 1970-01-01 of the local date of an instant. */
function dayNumber(instant: number, timeZone: string): number {
  const d = localDate(instant, timeZone);
  return daysFromCivil(d.year, d.month, d.day);
}

/** The first instant whose local date is the given day (or later, when the zone skipped it). */
export function startOfLocalDay(day: number, timeZone: string): number {
  const midnight = day * DAY;
  let guess = midnight;
  if (timeZone !== 'UTC') {
    // Local midnight is UTC midnight minus the offset (unless it changes in between: then searched).
    guess = midnight - utcOffset(midnight, timeZone);
    if (!Number.isFinite(guess)) guess = midnight;
  }
  // Checked (and searched for, in steps of an hour, when a transition sits at midnight) on the local date itself.
  return firstTrue((u) => dayNumber(u, timeZone) >= day, guess, 3_600_000);
}

/** An event's `where` filter on its properties now, and the first instant that may change. */
export function filterChange(
  f: FilterNode,
  properties: Readonly<Record<string, unknown>>,
  ctx: PredicateContext,
): Change {
  switch (f.kind) {
    case 'all':
    case 'any':
      return combine(
        f.kind,
        f.children.map((c) => filterChange(c, properties, ctx)),
      );
    case 'not': {
      const child = filterChange(f.child, properties, ctx);
      return { result: !child.result, next: child.next };
    }
    case 'property':
      return predicateChange(f, valueAtPath(properties, f.path), f.type, ctx);
    default:
      return assertUnreachable(f);
  }
}

/** Whether some property condition of a filter passes the test (e.g. reads the clock). */
export function someProperty(f: FilterNode, test: (p: PropertyCondition) => boolean): boolean {
  switch (f.kind) {
    case 'all':
    case 'any':
      return f.children.some((c) => someProperty(c, test));
    case 'not':
      return someProperty(f.child, test);
    case 'property':
      return test(f);
    default:
      return assertUnreachable(f);
  }
}

/** Whether the filter's result can change with time at all (avoids the per-event work when not). */
export const filterReadsClock = (f: FilterNode): boolean =>
  someProperty(f, (p) => readsClock(p.op));
