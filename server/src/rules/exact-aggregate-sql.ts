import {
  assertUnreachable,
  binaryOf,
  exactDecimalText,
  type NumberComparison,
} from '@cairn/schema';
import { raw, sql, type Fragment } from './sql-fragment';

/** An end of the interval of reals that round to a double: its exact decimal, and whether it rounds to it. */
interface End {
  readonly text: string;
  readonly inclusive: boolean;
}

const HIDDEN_BIT = 1n << 52n;

/**
 * The reals that round to the double `b` (to nearest, ties to even): `[low, high]` with ends
 * included or not. Every double `m × 2^e` has its neighbours' midpoints at `(2m ± 1) × 2^(e-1)`,
 * but a power of two's lower neighbour is half as far (its binade is finer). A tie rounds to the
 * even mantissa; above the largest double the next "double" is 2^1024 (even): a real at the
 * midpoint rounds to Infinity, as IEEE 754 says.
 *
 * @example
 * roundsTo(0) // { low: { text: '-0.000…0247…', inclusive: true }, high: { text: '0.000…0247…', inclusive: true } }
 */
export function roundsTo(b: number): { low: End; high: End } {
  if (b < 0) {
    const { low, high } = roundsTo(-b);
    return { low: negated(high), high: negated(low) };
  }
  const { m, e } = binaryOf(b);
  const even = (m & 1n) === 0n;
  const up = { text: exactDecimalText(2n * m + 1n, e - 1), inclusive: even };
  const down =
    m === HIDDEN_BIT && e > -1074
      ? { text: exactDecimalText(4n * m - 1n, e - 2), inclusive: true }
      : { text: exactDecimalText(2n * m - 1n, e - 1), inclusive: even };
  return { low: down, high: up };
}

const negated = (end: End): End => ({
  text: end.text.startsWith('-') ? end.text.slice(1) : `-${end.text}`,
  inclusive: end.inclusive,
});

/**
 * `round(sum / count) <op> b` for an exact `numeric` sum, without rounding or dividing in SQL:
 * as the sum against the exact ends of the interval of reals that round to `b`, times the count.
 * NULL when the sum is NULL (an average of nothing).
 */
export function exactComparison(
  sum: Fragment,
  count: Fragment | undefined,
  c: NumberComparison,
): Fragment {
  const scaled = (text: string) =>
    count === undefined ? sql`CAST(${text} AS numeric)` : sql`CAST(${text} AS numeric) * ${count}`;
  /** `round(q) >= b` and `round(q) <= b`. */
  const atLeast = (b: number) => {
    const { low } = roundsTo(b);
    return sql`${sum}${raw(low.inclusive ? ' >= ' : ' > ')}${scaled(low.text)}`;
  };
  const atMost = (b: number) => {
    const { high } = roundsTo(b);
    return sql`${sum}${raw(high.inclusive ? ' <= ' : ' < ')}${scaled(high.text)}`;
  };
  switch (c.op) {
    case 'eq':
      return sql`(${atLeast(c.value)} AND ${atMost(c.value)})`;
    case 'neq':
      return sql`NOT (${atLeast(c.value)} AND ${atMost(c.value)})`;
    case 'gt':
      return sql`NOT ${atMost(c.value)}`;
    case 'gte':
      return atLeast(c.value);
    case 'lt':
      return sql`NOT ${atLeast(c.value)}`;
    case 'lte':
      return atMost(c.value);
    case 'between':
      return sql`(${atLeast(c.min)} AND ${atMost(c.max)})`;
    default:
      return assertUnreachable(c);
  }
}
