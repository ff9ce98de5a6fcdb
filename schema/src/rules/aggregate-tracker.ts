/**
 * An event aggregate kept up to date while events enter and leave a window, for `nextChangeAt`'s
 * sweep: its verdict must be the interpreter's (exact sums, rounded once: see aggregate.ts).
 */
import { aggregateOf, compare } from './aggregate';
import type { NumberComparison } from './rule.types';

/** Full recomputations (each over every value) one sweep may make before it gives up. */
export const MAX_RECOMPUTATIONS = 64;

export interface AggregateTracker {
  /** Value `index` entered (true) or left (false) the window. */
  update(index: number, inside: boolean): void;
  /** The comparison's verdict on the members' aggregate; undefined past the work budget. */
  verdict(): boolean | undefined;
}

/**
 * Minimum and maximum are exact whatever the order: updated as values enter, recomputed when the
 * extreme leaves. Sums and averages are kept as running sums; when one is too close to a bound of
 * the comparison for its rounding (against the exact sum) to be ruled out,
 * they are recomputed exactly.
 */
export function trackAggregate(
  type: 'sum' | 'avg' | 'min' | 'max',
  comparison: NumberComparison,
  values: readonly number[],
  member: readonly boolean[],
): AggregateTracker {
  const bounds =
    comparison.op === 'between' ? [comparison.min, comparison.max] : [comparison.value];
  const extremeOf = type === 'min' ? Math.min : Math.max;
  let recomputations = 0;
  let count = 0;
  let sum = 0;
  /** Every magnitude added or taken away: bounds the rounding error of the running sum. */
  let mass = 0;
  let operations = 0;
  let extreme: number | null = null;
  const members = () => values.filter((_, i) => member[i]);
  const recompute = (): number | null | undefined =>
    ++recomputations > MAX_RECOMPUTATIONS ? undefined : aggregateOf(type, members());
  values.forEach((v, i) => {
    if (!member[i]) return;
    count++;
    sum += v;
    mass += Math.abs(v);
    extreme = extreme === null ? v : extremeOf(extreme, v);
  });
  let lost = false;
  return {
    update(index, inside) {
      const v = values[index]!;
      count += inside ? 1 : -1;
      sum += inside ? v : -v;
      mass += Math.abs(v);
      operations++;
      if (type !== 'min' && type !== 'max') return;
      if (inside) extreme = extreme === null ? v : extremeOf(extreme, v);
      else if (v === extreme) {
        const again = recompute();
        if (again === undefined) lost = true;
        else extreme = again;
      }
    },
    verdict() {
      if (lost) return undefined;
      if (type === 'min' || type === 'max') return extreme !== null && compare(comparison, extreme);
      if (count === 0) return type === 'sum' && compare(comparison, 0);
      const estimate = type === 'sum' ? sum : sum / count;
      // The running sum is within (n - 1) ulp-halves of every magnitude of the exact binary sum,
      // the numbers' decimals within an ulp-half each of their doubles (for subnormals, of
      // 2^-1074: the relative term vanishes there); with margin.
      const steps = values.length + operations + 2;
      const tolerance =
        (steps * 2 ** -52 * mass) / (type === 'avg' ? count : 1) +
        Math.abs(estimate) * 2 ** -50 +
        steps * 2 ** -1074;
      if (bounds.every((b) => Math.abs(estimate - b) > tolerance))
        return compare(comparison, estimate);
      const exact = recompute();
      return exact === undefined ? undefined : exact !== null && compare(comparison, exact);
    },
  };
}
