import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  binaryOf,
  decimalOf,
  decimalOfNumber,
  decimalToNumber,
  exactDecimalText,
  exactSum,
  ratioToNumber,
} from './exact-number';

const arbFinite = fc.double({ noNaN: true, noDefaultInfinity: true });

describe('exact numbers', () => {
  it('reads JSON number texts exactly', () => {
    expect(decimalOf('1.25e3')).toEqual({ m: 125n, e: 1 });
    expect(decimalOf('-0.5')).toEqual({ m: -5n, e: -1 });
    expect(decimalOf('1e+308')).toEqual({ m: 1n, e: 308 });
    expect(() => decimalOf('NaN')).toThrow(/Not a JSON number/);
  });

  it('rounds ratios as IEEE division does (both below 2^53)', () => {
    fc.assert(
      fc.property(
        fc.maxSafeInteger(),
        fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        (p, q) => {
          expect(ratioToNumber(BigInt(p), BigInt(q))).toBe(p / q);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reads every double back from its decimal, and from its exact binary expansion', () => {
    fc.assert(
      fc.property(arbFinite, (x) => {
        expect(decimalToNumber(decimalOfNumber(x))).toBe(x === 0 ? 0 : x);
        const { m, e } = binaryOf(x);
        expect(Number(exactDecimalText(m, e))).toBe(x === 0 ? 0 : x);
      }),
      { numRuns: 2000 },
    );
  });

  it('overflows to ±Infinity exactly at the rounding threshold, and underflows ties to even', () => {
    const threshold = 2n ** 1024n - 2n ** 970n;
    expect(ratioToNumber(threshold, 1n)).toBe(Infinity);
    expect(ratioToNumber(threshold - 1n, 1n)).toBe(Number.MAX_VALUE);
    expect(ratioToNumber(-threshold, 1n)).toBe(-Infinity);
    expect(ratioToNumber(1n, 2n ** 1075n)).toBe(0);
    expect(ratioToNumber(1n, 2n ** 1075n - 1n)).toBe(5e-324);
    expect(ratioToNumber(3n, 2n ** 1075n)).toBe(1e-323);
  });

  it('sums decimals exactly', () => {
    const sum = exactSum(['1e308', '1e308', '-1e308', '0.1', '5e-324'].map(decimalOf));
    expect(decimalToNumber(sum)).toBe(1e308);
    expect(decimalToNumber(exactSum(['0.1', '0.2'].map(decimalOf)))).toBe(0.3);
    expect(decimalToNumber(exactSum([]))).toBe(0);
  });
});
