/**
 * The event aggregates `sum` and `avg` (and `min`, `max`) over the numbers of the selected
 * events, with the float semantics of semantics.md: exact sums of the numbers' JSON decimals,
 * rounded once to the nearest double (±Infinity beyond the double range). The result depends
 * neither on the order of the events nor on the engine.
 */
import { decimalOfNumber, decimalToNumber, exactSum, type Decimal } from './exact-number';
import { compareNumbers } from './predicate';
import type { NumberComparison } from './rule.types';

export type AggregateType = 'sum' | 'avg' | 'min' | 'max';

/** A number compared as the rule says. */
export function compare(c: NumberComparison, value: number): boolean {
  return c.op === 'between'
    ? c.min <= value && value <= c.max
    : compareNumbers(c.op, value, c.value);
}

/**
 * Sum of nothing is 0; average, minimum and maximum of nothing are null (no value: the
 * comparison is false). Sums and averages are exact, then rounded to the nearest double.
 *
 * @example
 * aggregateOf('sum', [1e308, 1e308, -1e308]) // 1e308 (IEEE addition in this order gives Infinity)
 */
export function aggregateOf(type: AggregateType, numbers: readonly number[]): number | null {
  if (type === 'sum' || type === 'avg') return exactAggregate(type, numbers.map(decimalOfNumber));
  if (numbers.length === 0) return null;
  return numbers.reduce((a, b) => (type === 'min' ? Math.min(a, b) : Math.max(a, b)));
}

/**
 * The sum (0 for none) or the average (null for none) of exact decimals, rounded once to the
 * nearest double. SQLite's `cairn_sum` and `cairn_avg` run this on the stored JSON texts.
 */
export function exactAggregate(type: 'sum' | 'avg', decimals: readonly Decimal[]): number | null {
  if (type === 'sum') return decimalToNumber(exactSum(decimals));
  return decimals.length === 0
    ? null
    : decimalToNumber(exactSum(decimals), BigInt(decimals.length));
}

/**
 * `compare(c, aggregateOf(type, numbers))` (false when there is no aggregate), without exact
 * arithmetic unless the floating-point estimate is too close to a bound of the comparison for
 * its rounding error to be ruled out (or overflows).
 */
export function aggregateHolds(
  type: AggregateType,
  c: NumberComparison,
  numbers: readonly number[],
): boolean {
  if (type === 'min' || type === 'max' || numbers.length === 0) {
    const exact = aggregateOf(type, numbers);
    return exact !== null && compare(c, exact);
  }
  let sum = 0;
  let mass = 0;
  for (const x of numbers) {
    sum += x;
    mass += Math.abs(x);
  }
  const divisor = type === 'avg' ? numbers.length : 1;
  const estimate = sum / divisor;
  // Naive summation is within (n - 1) ulp-halves of the mass of the binary sum; each decimal is
  // within an ulp-half of its double; rounding the exact result moves it by an ulp-half more.
  // (For subnormals the relative terms vanish: the ulp-halves are then those of 2^-1074.)
  const steps = numbers.length + 2;
  const tolerance =
    (steps * 2 ** -52 * mass) / divisor + Math.abs(estimate) * 2 ** -50 + steps * 2 ** -1074;
  const bounds = c.op === 'between' ? [c.min, c.max] : [c.value];
  if (Number.isFinite(tolerance) && bounds.every((b) => Math.abs(estimate - b) > tolerance))
    return compare(c, estimate);
  return compare(c, aggregateOf(type, numbers)!);
}
