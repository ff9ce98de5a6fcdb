import { normalUpperTail } from './normal';
import { checkCounts, type ArmCounts } from './proportions';

/** The result of a two-proportion z-test. */
export interface ZTest {
  /** (p1 − p2) / standard error under H0 (pooled). Positive when the first arm converts more. */
  readonly z: number;
  /** Two-sided p-value, 2 · P(Z > |z|). */
  readonly pValue: number;
}

/**
 * The two-sided two-proportion z-test with the pooled standard error
 * √(p̂(1 − p̂)(1/n1 + 1/n2)), p̂ = (x1 + x2)/(n1 + n2); z² equals Pearson's χ² of the 2×2 table
 * without continuity correction. When every or no exposure converted the rates cannot differ:
 * z = 0, p = 1. Undefined when either arm has no exposures.
 *
 * @example
 * twoProportionZTest({ id: 'placebo', conversions: 189, exposures: 11034 },
 *                    { id: 'aspirin', conversions: 104, exposures: 11037 }) // z ≈ 5.0014
 */
export function twoProportionZTest(first: ArmCounts, second: ArmCounts): ZTest | undefined {
  checkCounts(first.conversions, first.exposures);
  checkCounts(second.conversions, second.exposures);
  if (first.exposures === 0 || second.exposures === 0) return undefined;
  const pooled = (first.conversions + second.conversions) / (first.exposures + second.exposures);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / first.exposures + 1 / second.exposures));
  if (se === 0) return { z: 0, pValue: 1 };
  const z = (first.conversions / first.exposures - second.conversions / second.exposures) / se;
  return { z, pValue: Math.min(1, 2 * normalUpperTail(Math.abs(z))) };
}
