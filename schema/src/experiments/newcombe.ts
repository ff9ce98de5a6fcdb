import { type ArmCounts, type ConfidenceInterval } from './proportions';
import { wilsonInterval } from './wilson';

/**
 * Newcombe's hybrid score interval for the difference of two independent proportions
 * `p1 − p2` (Newcombe 1998, "Interval estimation for the difference between independent
 * proportions: comparison of eleven methods", method 10): the Wilson limits of each rate
 * combined by "square and add". Good coverage at small counts and at 0 or 100 %, where the Wald
 * interval fails. Undefined when either arm has no exposures.
 *
 * @example
 * newcombeInterval({ id: 'a', conversions: 56, exposures: 70 }, { id: 'b', conversions: 48, exposures: 80 })
 * // { lower: 0.0524…, upper: 0.3339… }
 */
export function newcombeInterval(
  first: ArmCounts,
  second: ArmCounts,
  confidence = 0.95,
): ConfidenceInterval | undefined {
  const w1 = wilsonInterval(first.conversions, first.exposures, confidence);
  const w2 = wilsonInterval(second.conversions, second.exposures, confidence);
  if (!w1 || !w2) return undefined;
  const p1 = first.conversions / first.exposures;
  const p2 = second.conversions / second.exposures;
  const d = p1 - p2;
  return {
    lower: d - Math.hypot(p1 - w1.lower, w2.upper - p2),
    upper: d + Math.hypot(w1.upper - p1, p2 - w2.lower),
  };
}
