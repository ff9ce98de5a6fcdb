import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countsArbitrary } from './counts.arbitrary';
import { newcombeInterval } from './newcombe';
import { wilsonInterval } from './wilson';

const arm = (conversions: number, exposures: number) => ({ id: 'x', conversions, exposures });

describe('wilsonInterval', () => {
  // Newcombe RG. "Two-sided confidence intervals for the single proportion: comparison of seven
  // methods." Statistics in Medicine 1998;17:857-872, Table I, method 3 (Wilson 1927 score
  // interval without continuity correction), 95 %.
  const table1: Array<[number, number, number, number]> = [
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ];
  it.each(table1)('Newcombe 1998a Table I: %d/%d → %d to %d', (x, n, lower, upper) => {
    const interval = wilsonInterval(x, n)!;
    expect(interval.lower).toBeCloseTo(lower, 4);
    expect(interval.upper).toBeCloseTo(upper, 4);
  });

  it('is undefined with no exposures and rejects impossible counts', () => {
    expect(wilsonInterval(0, 0)).toBeUndefined();
    expect(() => wilsonInterval(5, 4)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 4)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 4, 1)).toThrow(RangeError);
  });

  it('contains the point estimate and stays inside [0, 1]', () => {
    fc.assert(
      fc.property(
        countsArbitrary(1_000_000),
        fc.double({ min: 0.5, max: 0.999, noNaN: true }),
        ([x, n], confidence) => {
          const { lower, upper } = wilsonInterval(x, n, confidence)!;
          expect(lower).toBeGreaterThanOrEqual(0);
          expect(upper).toBeLessThanOrEqual(1);
          expect(lower).toBeLessThanOrEqual(x / n);
          expect(upper).toBeGreaterThanOrEqual(x / n);
        },
      ),
    );
  });

  it('narrows as the confidence level falls', () => {
    const wide = wilsonInterval(30, 100, 0.99)!;
    const narrow = wilsonInterval(30, 100, 0.9)!;
    expect(narrow.lower).toBeGreaterThan(wide.lower);
    expect(narrow.upper).toBeLessThan(wide.upper);
  });
});

describe('newcombeInterval', () => {
  // Newcombe RG. "Interval estimation for the difference between independent proportions:
  // comparison of eleven methods." Statistics in Medicine 1998;17:873-890, Table II, method 10
  // (hybrid score interval, no continuity correction), 95 %, examples (a) to (h).
  const table2: Array<[number, number, number, number, number, number]> = [
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
    [6, 7, 2, 7, 0.0582, 0.8062],
    [5, 56, 0, 29, -0.0381, 0.1926],
    [0, 10, 0, 20, -0.1611, 0.2775],
    [0, 10, 0, 10, -0.2775, 0.2775],
    [10, 10, 0, 20, 0.6791, 1],
    [10, 10, 0, 10, 0.6075, 1],
  ];
  it.each(table2)('Newcombe 1998b Table II: %d/%d − %d/%d → %d to %d', (x1, n1, x2, n2, lo, hi) => {
    const interval = newcombeInterval(arm(x1, n1), arm(x2, n2))!;
    expect(interval.lower).toBeCloseTo(lo, 4);
    expect(interval.upper).toBeCloseTo(hi, 4);
  });

  it('is undefined when an arm has no exposures', () => {
    expect(newcombeInterval(arm(0, 0), arm(1, 2))).toBeUndefined();
  });

  it('contains the observed difference, stays in [-1, 1] and mirrors when arms swap', () => {
    const counts = countsArbitrary(5_000);
    fc.assert(
      fc.property(counts, counts, ([x1, n1], [x2, n2]) => {
        const d = x1 / n1 - x2 / n2;
        const forward = newcombeInterval(arm(x1, n1), arm(x2, n2))!;
        const backward = newcombeInterval(arm(x2, n2), arm(x1, n1))!;
        expect(forward.lower).toBeLessThanOrEqual(d + 1e-12);
        expect(forward.upper).toBeGreaterThanOrEqual(d - 1e-12);
        expect(forward.lower).toBeGreaterThanOrEqual(-1 - 1e-12);
        expect(forward.upper).toBeLessThanOrEqual(1 + 1e-12);
        expect(backward.lower).toBeCloseTo(-forward.upper, 12);
        expect(backward.upper).toBeCloseTo(-forward.lower, 12);
      }),
    );
  });
});
