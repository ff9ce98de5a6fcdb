import { assertUnreachable } from '../assert-unreachable';
import type { Predicate, Scalar, ValueType } from './rule.types';
import { daysUntilAnniversary, durationMs, parseIsoInstant } from './time';
import { asType, isEmptyValue, isPresent, type Typed } from './values';

export interface PredicateContext {
  readonly now: number;
  readonly timeZone: string;
}

const regexCache = new Map<string, RegExp>();
/** The RegExp for a validated pattern (Unicode mode; `ignoreCase` adds the i flag). */
export function compileRegex(pattern: string, ignoreCase: boolean): RegExp {
  const key = `${ignoreCase ? 'i' : '-'}${pattern}`;
  let re = regexCache.get(key);
  if (!re) {
    re = new RegExp(pattern, ignoreCase ? 'iu' : 'u');
    regexCache.set(key, re);
  }
  return re;
}

/** A literal in the comparison space of the type: dates become instants. */
function literal(value: Scalar, type: ValueType): Scalar | undefined {
  if (type === 'date') return typeof value === 'string' ? parseIsoInstant(value) : undefined;
  return value;
}

/**
 * Tests one value against a predicate. `exists`, `notExists` and `isEmpty` look at presence only;
 * every other operator is false when the value is missing or not of the declared type, so
 * `neq`, `notIn`, `notContains` and `notWithinLast` never hold for a missing value.
 */
export function testPredicate(
  p: Predicate,
  raw: unknown,
  type: ValueType,
  ctx: PredicateContext,
): boolean {
  switch (p.op) {
    case 'exists':
      return isPresent(raw);
    case 'notExists':
      return !isPresent(raw);
    case 'isEmpty':
      return isEmptyValue(raw);
    default:
      break;
  }
  const v = asType(raw, type);
  if (v === undefined) return false;
  return testTyped(p, v, ctx);
}

function testTyped(
  p: Exclude<Predicate, { op: 'exists' | 'notExists' | 'isEmpty' }>,
  v: Typed,
  ctx: PredicateContext,
): boolean {
  switch (p.op) {
    case 'eq':
      return v.type !== 'stringList' && v.value === literal(p.value, v.type);
    case 'neq':
      return v.type !== 'stringList' && v.value !== literal(p.value, v.type);
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      if (v.type !== 'number' && v.type !== 'date') return false;
      const b = literal(p.value, v.type);
      if (typeof b !== 'number') return false;
      return compareNumbers(p.op, v.value, b);
    }
    case 'between': {
      if (v.type !== 'number' && v.type !== 'date') return false;
      const lo = literal(p.min, v.type);
      const hi = literal(p.max, v.type);
      return typeof lo === 'number' && typeof hi === 'number' && lo <= v.value && v.value <= hi;
    }
    case 'in':
    case 'notIn': {
      const hit =
        v.type === 'stringList'
          ? v.value.some((x) => p.values.includes(x))
          : v.type !== 'date' && p.values.includes(v.value);
      return p.op === 'in' ? hit : !hit;
    }
    case 'contains':
    case 'notContains': {
      const hit =
        v.type === 'stringList'
          ? v.value.includes(p.value)
          : v.type === 'string' && v.value.includes(p.value);
      return p.op === 'contains' ? hit : !hit;
    }
    case 'startsWith':
      return v.type === 'string' && v.value.startsWith(p.value);
    case 'endsWith':
      return v.type === 'string' && v.value.endsWith(p.value);
    case 'matches':
      return v.type === 'string' && compileRegex(p.pattern, p.ignoreCase === true).test(v.value);
    case 'before':
    case 'after': {
      const b = parseIsoInstant(p.value);
      if (v.type !== 'date' || b === undefined) return false;
      return p.op === 'before' ? v.value < b : v.value > b;
    }
    case 'withinLast':
      return v.type === 'date' && v.value <= ctx.now && v.value >= ctx.now - durationMs(p.duration);
    case 'notWithinLast':
      return v.type === 'date' && v.value < ctx.now - durationMs(p.duration);
    case 'anniversaryWithin': {
      if (v.type !== 'date') return false;
      const days = daysUntilAnniversary(v.text, ctx.now, ctx.timeZone);
      return days !== undefined && days <= p.days;
    }
    default:
      return assertUnreachable(p);
  }
}

export function compareNumbers(
  op: 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte',
  a: number,
  b: number,
): boolean {
  switch (op) {
    case 'eq':
      return a === b;
    case 'neq':
      return a !== b;
    case 'gt':
      return a > b;
    case 'gte':
      return a >= b;
    case 'lt':
      return a < b;
    case 'lte':
      return a <= b;
    default:
      return assertUnreachable(op);
  }
}
