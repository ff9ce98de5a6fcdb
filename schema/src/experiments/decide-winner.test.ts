import { describe, expect, it } from 'vitest';
import { decideWinner, PEEKING_WARNING, type ExperimentPlan } from './decide-winner';

const arm = (id: string, conversions: number, exposures: number) => ({
  id,
  conversions,
  exposures,
});
const plan: ExperimentPlan = { controlId: 'control', sampleSizePerArm: 2000 };

describe('decideWinner', () => {
  it('declares a variant that is significantly better once the sample is reached', () => {
    // 150/2000 vs 100/2000: z = 3.2660 (hand-computed, p̂ = 0.0625), p = 0.00109 < 0.05.
    const decision = decideWinner([arm('control', 100, 2000), arm('b', 150, 2000)], plan);
    expect(decision.kind).toBe('winner');
    if (decision.kind !== 'winner') return;
    expect(decision.winnerId).toBe('b');
    const [b] = decision.comparisons;
    expect(b!.z).toBeCloseTo(3.266, 3);
    expect(b!.uplift.relative).toBeCloseTo(0.5, 12);
    expect(b!.difference.lower).toBeGreaterThan(0);
  });

  it('says sampleNotReached with the peeking warning even when the interim result is significant', () => {
    const decision = decideWinner([arm('control', 50, 1000), arm('b', 100, 1000)], plan);
    expect(decision.kind).toBe('sampleNotReached');
    if (decision.kind !== 'sampleNotReached') return;
    expect(decision.warning).toBe(PEEKING_WARNING);
    expect(decision.armsShort.map((a) => a.armId)).toEqual(['control', 'b']);
    expect(decision.comparisons[0]!.significant).toBe(true);
  });

  it('says notSignificant when the planned sample shows no clear difference', () => {
    const decision = decideWinner([arm('control', 100, 2000), arm('b', 110, 2000)], plan);
    expect(decision.kind).toBe('notSignificant');
  });

  it('says noData while an arm has no exposures', () => {
    const decision = decideWinner([arm('control', 0, 0), arm('b', 3, 10)], plan);
    expect(decision).toMatchObject({ kind: 'noData', armsWithoutData: ['control'] });
  });

  it('names the control when it beats every variant', () => {
    const decision = decideWinner(
      [arm('control', 200, 2000), arm('b', 100, 2000), arm('c', 110, 2000)],
      plan,
    );
    expect(decision).toMatchObject({ kind: 'winner', winnerId: 'control' });
  });

  it('applies Bonferroni across variants: p = 0.03 wins alone, not among three', () => {
    // 132/2000 vs 100/2000: z = 2.1646, p = 0.0304 (hand-computed): below 0.05, above 0.05/3.
    const control = arm('control', 100, 2000);
    const b = arm('b', 132, 2000);
    const alone = decideWinner([control, b], plan);
    expect(alone.kind).toBe('winner');
    const many = decideWinner([control, b, arm('c', 100, 2000), arm('d', 101, 2000)], plan);
    expect(many.kind).toBe('notSignificant');
    if (many.kind !== 'notSignificant') return;
    expect(many.alphaPerComparison).toBeCloseTo(0.05 / 3, 15);
    const pB = many.comparisons[0]!.pValue;
    expect(pB).toBeGreaterThan(0.05 / 3);
    expect(pB).toBeCloseTo(0.0304, 4);
    const uncorrected = decideWinner([control, b, arm('c', 100, 2000)], {
      ...plan,
      correction: 'none',
    });
    expect(uncorrected).toMatchObject({ kind: 'winner', winnerId: 'b' });
  });

  it('picks the best of several significant variants', () => {
    const decision = decideWinner(
      [arm('control', 100, 2000), arm('b', 160, 2000), arm('c', 190, 2000)],
      plan,
    );
    expect(decision).toMatchObject({ kind: 'winner', winnerId: 'c' });
  });

  it('rejects inconsistent plans', () => {
    expect(() => decideWinner([arm('control', 1, 0), arm('b', 1, 2)], plan)).toThrow(RangeError);
    expect(() => decideWinner([arm('a', 1, 2)], { ...plan, controlId: 'a' })).toThrow(RangeError);
    expect(() => decideWinner([arm('a', 1, 2), arm('b', 1, 2)], plan)).toThrow(/control/);
    expect(() => decideWinner([arm('control', 1, 2), arm('control', 1, 2)], plan)).toThrow(
      /unique/,
    );
  });
});
