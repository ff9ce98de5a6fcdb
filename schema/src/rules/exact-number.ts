/**
 * Exact arithmetic on the numbers of the rule language, for the aggregates' float semantics
 * (semantics.md, "Events"): a number counts as the decimal JSON writes for it (the shortest one
 * that reads back as the same double, `String(x)`), sums are exact, and only the final sum or
 * mean is rounded to the nearest double. PostgreSQL computes the same with `numeric` (a jsonb
 * number is that decimal), so no evaluator depends on the order of addition or overflows.
 */

/** `m × 10^e`, exactly. */
export interface Decimal {
  readonly m: bigint;
  readonly e: number;
}

const JSON_NUMBER = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

/**
 * The exact value of a JSON number's text (`"120.5"`, `"1e+308"`, `"-5e-324"`).
 *
 * @example
 * decimalOf('1.25e3') // { m: 125n, e: 1 }
 */
export function decimalOf(text: string): Decimal {
  const match = JSON_NUMBER.exec(text);
  if (match === null) throw new Error(`Not a JSON number: ${JSON.stringify(text)}`);
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = match;
  return { m: BigInt(`${sign}${whole}${fraction}`), e: Number(exponent) - fraction.length };
}

/** The decimal JSON writes for a finite double. */
export const decimalOfNumber = (x: number): Decimal => decimalOf(String(x));

/** The exact sum of decimals (0 for none). */
export function exactSum(values: readonly Decimal[]): Decimal {
  if (values.length === 0) return { m: 0n, e: 0 };
  const e = Math.min(...values.map((v) => v.e));
  let m = 0n;
  for (const v of values) m += v.m * 10n ** BigInt(v.e - e);
  return { m, e };
}

const bitLength = (n: bigint): number => n.toString(2).length;

/** The least binary exponent of a double (the spacing of the subnormals). */
const MIN_EXPONENT = -1074;

/**
 * `p / q` (q > 0) rounded to the nearest double, ties to even; ±Infinity when it rounds beyond
 * the largest double, as IEEE 754 arithmetic would give.
 */
export function ratioToNumber(p: bigint, q: bigint): number {
  if (p === 0n) return 0;
  const negative = p < 0n;
  const a = negative ? -p : p;
  // 2^52 <= a / (q 2^k) < 2^53 for a normal result; subnormals have fewer bits at 2^-1074.
  let k = bitLength(a) - bitLength(q) - 53;
  const quotient = (exp: number) =>
    exp >= 0 ? { n: a, d: q << BigInt(exp) } : { n: a << BigInt(-exp), d: q };
  let { n, d } = quotient(k);
  if (n / d >= 1n << 53n) ({ n, d } = quotient(++k));
  if (k < MIN_EXPONENT) ({ n, d } = quotient((k = MIN_EXPONENT)));
  let mantissa = n / d;
  const twice = 2n * (n % d);
  if (twice > d || (twice === d && (mantissa & 1n) === 1n)) mantissa += 1n;
  const magnitude = Number(mantissa) * 2 ** k;
  return negative ? -magnitude : magnitude;
}

/** A decimal divided by a positive count, rounded to the nearest double. */
export function decimalToNumber(x: Decimal, divisor = 1n): number {
  return x.e >= 0
    ? ratioToNumber(x.m * 10n ** BigInt(x.e), divisor)
    : ratioToNumber(x.m, divisor * 10n ** BigInt(-x.e));
}

/**
 * The decimal text of a double, exactly (every double is `m × 2^e`, a finite decimal), without
 * an exponent: PostgreSQL's `numeric` reads exponents only up to ±1000.
 */
export function exactDecimalText(mantissa: bigint, exponent2: number): string {
  if (exponent2 >= 0) return (mantissa << BigInt(exponent2)).toString();
  // m × 2^-k = m × 5^k / 10^k
  const k = -exponent2;
  const digits = (mantissa < 0n ? -mantissa : mantissa) * 5n ** BigInt(k);
  const text = digits.toString().padStart(k + 1, '0');
  const body = `${text.slice(0, -k)}.${text.slice(-k)}`.replace(/\.?0+$/, '');
  return mantissa < 0n ? `-${body}` : body;
}

/** A finite double as `m × 2^e` with |m| < 2^53 and e >= -1074 (0 as `0 × 2^-1074`). */
export function binaryOf(x: number): { m: bigint; e: number } {
  if (x === 0) return { m: 0n, e: MIN_EXPONENT };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const m = biased === 0 ? fraction : fraction | (1n << 52n);
  const e = biased === 0 ? MIN_EXPONENT : biased - 1075;
  return { m: x < 0 ? -m : m, e };
}
