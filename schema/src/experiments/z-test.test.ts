import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countsArbitrary } from './counts.arbitrary';
import { proportion, uplift } from './proportions';
import { twoProportionZTest } from './z-test';

const arm = (id: string, conversions: number, exposures: number) => ({
  id,
  conversions,
  exposures,
});

describe('twoProportionZTest', () => {
  it('reproduces the Physicians’ Health Study example (Agresti 2007, §2.2/§2.4, Table 2.3)', () => {
    // Agresti A. An Introduction to Categorical Data Analysis, 2nd ed., 2007: myocardial infarction
    // 189/11034 on placebo vs 104/11037 on aspirin; Pearson X² = 25.01 (= z² of the pooled test),
    // P < 0.0001.
    const test = twoProportionZTest(arm('placebo', 189, 11034), arm('aspirin', 104, 11037))!;
    expect(test.z * test.z).toBeCloseTo(25.01, 2);
    expect(test.z).toBeGreaterThan(0);
    expect(test.pValue).toBeLessThan(0.0001);
    expect(test.pValue).toBeCloseTo(5.6919e-7, 10);
  });

  it('gives a hand-computed small example', () => {
    // 30/100 vs 20/100: p̂ = 0.25, se = √(0.25·0.75·0.02) = 0.0612372, z = 0.1/se = 1.6329932,
    // two-sided p = 2·(1 − Φ(1.6329932)) = 0.1024704.
    const test = twoProportionZTest(arm('b', 30, 100), arm('a', 20, 100))!;
    expect(test.z).toBeCloseTo(1.6329932, 6);
    expect(test.pValue).toBeCloseTo(0.1024704, 6);
  });

  it('has z = 0 and p = 1 when no one or everyone converted, undefined without exposures', () => {
    expect(twoProportionZTest(arm('a', 0, 10), arm('b', 0, 20))).toEqual({ z: 0, pValue: 1 });
    expect(twoProportionZTest(arm('a', 10, 10), arm('b', 20, 20))).toEqual({ z: 0, pValue: 1 });
    expect(twoProportionZTest(arm('a', 0, 0), arm('b', 1, 20))).toBeUndefined();
    expect(() => twoProportionZTest(arm('a', 11, 10), arm('b', 1, 20))).toThrow(RangeError);
  });

  it('is antisymmetric in its arms and p stays in [0, 1]', () => {
    const counts = countsArbitrary(100_000);
    fc.assert(
      fc.property(counts, counts, ([x1, n1], [x2, n2]) => {
        const ab = twoProportionZTest(arm('a', x1, n1), arm('b', x2, n2))!;
        const ba = twoProportionZTest(arm('b', x2, n2), arm('a', x1, n1))!;
        expect(ab.z).toBeCloseTo(-ba.z, 9);
        expect(ab.pValue).toBeCloseTo(ba.pValue, 12);
        expect(ab.pValue).toBeGreaterThanOrEqual(0);
        expect(ab.pValue).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('proportion and uplift', () => {
  it('computes rates, absolute and relative uplift', () => {
    expect(proportion(12, 400)).toBe(0.03);
    expect(proportion(0, 0)).toBeUndefined();
    const u = uplift(0.12, 0.1);
    expect(u.absolute).toBeCloseTo(0.02, 15);
    expect(u.relative).toBeCloseTo(0.2, 15);
    expect(uplift(0.05, 0).relative).toBeUndefined();
    expect(() => proportion(-1, 3)).toThrow(RangeError);
  });
});
