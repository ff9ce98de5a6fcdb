import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile, normalUpperTail } from './normal';

// Reference values of Φ and Φ⁻¹ to 16 digits (Abramowitz & Stegun 1964, Table 26.1, extended;
// the same digits as R's pnorm/qnorm and SciPy's norm.cdf/norm.ppf).
const CDF: Array<[number, number]> = [
  [0, 0.5],
  [0.5, 0.6914624612740131],
  [1, 0.8413447460685429],
  [-1, 0.15865525393145707],
  [1.96, 0.9750021048517795],
  [3, 0.9986501019683699],
  [6, 0.9999999990134123],
];
const TAIL: Array<[number, number]> = [
  [5, 2.866515718791933e-7],
  [10, 7.61985302416047e-24],
  [20, 2.7536241186061556e-89],
  [37.5, 4.605353009581954e-308],
];
const QUANTILE: Array<[number, number]> = [
  [1e-300, -37.0470962993612],
  [1e-20, -9.262340089798409],
  [1e-10, -6.361340902404056],
  [0.001, -3.090232306167813],
  [0.02425, -1.972961051311885],
  [0.3, -0.5244005127080409],
  [0.975, 1.959963984540054],
  [0.999, 3.090232306167813],
  [1 - 1e-12, 7.0344869100478356],
];

describe('normalCdf', () => {
  it.each(CDF)('Φ(%d) = %d', (x, expected) => {
    expect(normalCdf(x)).toBeCloseTo(expected, 14);
  });
  it.each(TAIL)('P(Z > %d) = %d to 12 significant digits', (x, expected) => {
    expect(Math.abs(normalUpperTail(x) / expected - 1)).toBeLessThan(1e-12);
    expect(Math.abs(normalCdf(-x) / expected - 1)).toBeLessThan(1e-12);
  });
  it('is monotone and symmetric', () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (x) => {
        expect(normalCdf(x) + normalCdf(-x)).toBeCloseTo(1, 14);
        expect(normalCdf(x + 0.01)).toBeGreaterThanOrEqual(normalCdf(x));
      }),
    );
  });
});

describe('normalQuantile', () => {
  it.each(QUANTILE)('Φ⁻¹(%d) = %d', (p, expected) => {
    expect(Math.abs(normalQuantile(p) - expected)).toBeLessThan(
      1e-12 * Math.max(1, Math.abs(expected)),
    );
  });
  it('stays finite down to the smallest double', () => {
    const x = normalQuantile(Number.MIN_VALUE);
    expect(x).toBeLessThan(-38);
    expect(x).toBeGreaterThan(-39);
    expect(normalQuantile(1e-310)).toBeLessThan(normalQuantile(1e-300));
  });
  it('is ±Infinity at 0 and 1 and NaN outside [0, 1]', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(-0.1)).toBeNaN();
    expect(normalQuantile(Number.NaN)).toBeNaN();
  });
  // Above x ≈ 5 the CDF itself rounds (1 − 3e-7 keeps only ~9 digits of the tail), so the round
  // trip is checked up to 5 here and in the tail through the lower side below.
  it('inverts the CDF: quantile(cdf(x)) ≈ x', () => {
    fc.assert(
      fc.property(fc.double({ min: -8, max: 5, noNaN: true }), (x) => {
        expect(normalQuantile(normalCdf(x))).toBeCloseTo(x, 6);
      }),
    );
  });
  it('inverts the CDF in the lower tail to full relative precision', () => {
    fc.assert(
      fc.property(fc.double({ min: -37, max: -1, noNaN: true }), (x) => {
        expect(Math.abs(normalQuantile(normalCdf(x)) / x - 1)).toBeLessThan(1e-11);
      }),
    );
  });
});
