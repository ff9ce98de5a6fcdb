import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minimumDetectableEffect, sampleSizePerArm } from './sample-size';

describe('sampleSizePerArm', () => {
  it('reproduces Chow, Shao & Wang (2008) §4.2 example (unpooled): 65 % vs 85 % → 70', () => {
    // Chow SC, Shao J, Wang H. Sample Size Calculations in Clinical Research, 2nd ed., 2008,
    // §4.2 (two-sample test for equality): α = 0.05, power 80 %, p1 = 0.65, p2 = 0.85:
    // n = (1.96 + 0.84)² (0.65·0.35 + 0.85·0.15) / 0.2² ≈ 69.7 → 70 per group.
    expect(sampleSizePerArm({ baselineRate: 0.65, effect: 0.2, variance: 'unpooled' })).toBe(70);
  });

  it('uses Fleiss’s pooled formula by default (hand-computed)', () => {
    // Fleiss, Levin & Paik 2003, eq. 4.14 without continuity correction, p1 = 0.20, p2 = 0.25,
    // p̄ = 0.225: n = [1.959964·√(2·0.225·0.775) + 0.841621·√(0.16 + 0.1875)]² / 0.05²
    //          = [1.159389 + 0.496128]² / 0.0025 = 1093.74 → 1094.
    expect(sampleSizePerArm({ baselineRate: 0.2, effect: 0.05 })).toBe(1094);
    expect(sampleSizePerArm({ baselineRate: 0.2, effect: 0.25, effectKind: 'relative' })).toBe(
      1094,
    );
  });

  it('grows with power and with a stricter alpha, shrinks with a larger effect', () => {
    const base = { baselineRate: 0.1, effect: 0.02 };
    const n = sampleSizePerArm(base);
    expect(sampleSizePerArm({ ...base, power: 0.9 })).toBeGreaterThan(n);
    expect(sampleSizePerArm({ ...base, alpha: 0.01 })).toBeGreaterThan(n);
    expect(sampleSizePerArm({ ...base, effect: 0.04 })).toBeLessThan(n);
  });

  it('rejects impossible plans', () => {
    expect(() => sampleSizePerArm({ baselineRate: 0.9, effect: 0.2 })).toThrow(RangeError);
    expect(() => sampleSizePerArm({ baselineRate: 0, effect: 0.2 })).toThrow(RangeError);
    expect(() => sampleSizePerArm({ baselineRate: 0.2, effect: 0 })).toThrow(RangeError);
    expect(() => sampleSizePerArm({ baselineRate: 0.2, effect: 0.1, power: 1 })).toThrow(
      RangeError,
    );
  });
});

describe('minimumDetectableEffect', () => {
  it('inverts the Chow example: 70 per arm from 65 % detects about +20 points', () => {
    const mde = minimumDetectableEffect({ baselineRate: 0.65, variance: 'unpooled' }, 70)!;
    expect(mde).toBeGreaterThan(0.19);
    expect(mde).toBeLessThan(0.2);
  });

  it('is undefined when even a rise to 100 % is not detectable', () => {
    expect(minimumDetectableEffect({ baselineRate: 0.5 }, 3)).toBeUndefined();
  });

  it('is the inverse of sampleSizePerArm', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 0.6, noNaN: true }),
        fc.integer({ min: 200, max: 200_000 }),
        (baselineRate, n) => {
          const mde = minimumDetectableEffect({ baselineRate }, n)!;
          expect(sampleSizePerArm({ baselineRate, effect: mde })).toBeLessThanOrEqual(n);
          expect(sampleSizePerArm({ baselineRate, effect: mde * 0.99 })).toBeGreaterThan(n);
        },
      ),
    );
  });
});
