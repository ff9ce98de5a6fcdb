import {
  assertUnreachable,
  OPERATORS_BY_TYPE,
  type Duration,
  type NumberComparison,
  type Operator,
  type Predicate,
  type Scalar,
  type ValueType,
} from '@cairn/schema';

/** What the defaults of new values depend on: today's date, as `YYYY-MM-DD`. */
export interface DefaultsContext {
  readonly today: string;
}

export const DEFAULT_DURATION: Duration = { amount: 30, unit: 'days' };

/** The operators a type offers, in the picker's order. */
export function operatorsFor(type: ValueType): readonly Operator[] {
  return OPERATORS_BY_TYPE[type];
}

/** The fields of a predicate alone (without `kind`, `path`, `type`, `id`). */
export function predicateOf(node: Predicate): Predicate {
  const { op } = node;
  const n = node as Predicate & Record<string, unknown>;
  switch (op) {
    case 'eq':
    case 'neq':
      return { op, value: n.value as Scalar };
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
    case 'before':
    case 'after':
      return { op, value: n.value as string } as Predicate;
    case 'contains':
    case 'notContains':
    case 'startsWith':
    case 'endsWith':
      return { op, value: n.value as string };
    case 'between':
      return { op, min: n.min as number, max: n.max as number };
    case 'in':
    case 'notIn':
      return { op, values: n.values as Scalar[] };
    case 'matches':
      return n.ignoreCase === undefined
        ? { op, pattern: n.pattern as string }
        : { op, pattern: n.pattern as string, ignoreCase: n.ignoreCase as boolean };
    case 'exists':
    case 'notExists':
    case 'isEmpty':
      return { op };
    case 'withinLast':
    case 'notWithinLast':
      return { op, duration: n.duration as Duration };
    case 'anniversaryWithin':
      return { op, days: n.days as number };
    default:
      return assertUnreachable(op);
  }
}

/** An empty value of a type, for a new `eq` and the like. */
export function emptyScalar(type: ValueType, ctx: DefaultsContext): Scalar {
  switch (type) {
    case 'number':
      return 0;
    case 'boolean':
      return true;
    case 'date':
      return ctx.today;
    case 'string':
    case 'stringList':
      return '';
    default:
      return assertUnreachable(type);
  }
}

/**
 * The predicate for `op` on a value of `type`, keeping what fits of the previous one (the value
 * of `eq` going to `neq`, the list of `in` going to `notIn`, the duration of `withinLast`).
 *
 * @example
 * reshapePredicate({ op: 'eq', value: 'pro' }, 'string', 'in', ctx) // { op: 'in', values: ['pro'] }
 */
export function reshapePredicate(
  previous: Predicate | undefined,
  type: ValueType,
  op: Operator,
  ctx: DefaultsContext,
): Predicate {
  const prev = (previous ?? {}) as Record<string, unknown>;
  const prevValue = prev['value'];
  const keep = <T>(value: unknown, fits: (v: unknown) => v is T, fallback: T): T =>
    fits(value) ? value : fallback;
  const isString = (v: unknown): v is string => typeof v === 'string';
  const isNumber = (v: unknown): v is number => typeof v === 'number';
  const isScalarOfType = (v: unknown): v is Scalar =>
    type === 'number' ? isNumber(v) : type === 'boolean' ? typeof v === 'boolean' : isString(v);
  switch (op) {
    case 'eq':
    case 'neq':
      return { op, value: keep(prevValue, isScalarOfType, emptyScalar(type, ctx)) };
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return { op, value: keep(prevValue, isNumber, 0) };
    case 'before':
    case 'after':
      return { op, value: keep(prevValue, isString, ctx.today) };
    case 'contains':
    case 'notContains':
    case 'startsWith':
    case 'endsWith':
      return { op, value: keep(prevValue, isString, '') };
    case 'between':
      if (type === 'date') {
        return {
          op,
          min: keep(prev['min'], isString, ctx.today),
          max: keep(prev['max'], isString, ctx.today),
        };
      }
      return { op, min: keep(prev['min'], isNumber, 0), max: keep(prev['max'], isNumber, 100) };
    case 'in':
    case 'notIn': {
      const values = Array.isArray(prev['values'])
        ? (prev['values'] as Scalar[])
        : isScalarOfType(prevValue) && prevValue !== ''
          ? [prevValue]
          : [];
      return { op, values };
    }
    case 'matches':
      return { op, pattern: keep(prev['pattern'], isString, '') };
    case 'exists':
    case 'notExists':
    case 'isEmpty':
      return { op };
    case 'withinLast':
    case 'notWithinLast':
      return { op, duration: (prev['duration'] as Duration | undefined) ?? DEFAULT_DURATION };
    case 'anniversaryWithin':
      return { op, days: keep(prev['days'], isNumber, 7) };
    default:
      return assertUnreachable(op);
  }
}

/**
 * A number comparison for `op`, keeping the previous value where it fits.
 *
 * @example
 * reshapeComparison({ op: 'gte', value: 3 }, 'between') // { op: 'between', min: 3, max: 3 }
 */
export function reshapeComparison(
  previous: NumberComparison,
  op: NumberComparison['op'],
): NumberComparison {
  const value = previous.op === 'between' ? previous.min : previous.value;
  if (op === 'between') {
    return previous.op === 'between' ? previous : { op, min: value, max: value };
  }
  return { op, value };
}
