import { checkCounts, zForConfidence, type ConfidenceInterval } from './proportions';

/**
 * The Wilson score interval for a single proportion (Wilson 1927; method 3 of Newcombe 1998,
 * "Two-sided confidence intervals for the single proportion: comparison of seven methods"),
 * without continuity correction. Unlike the Wald interval it stays inside [0, 1] and does not
 * collapse to a point at 0 or n conversions. Undefined when nobody was exposed.
 *
 * @example
 * wilsonInterval(81, 263) // { lower: 0.2553…, upper: 0.3662… }
 */
export function wilsonInterval(
  conversions: number,
  exposures: number,
  confidence = 0.95,
): ConfidenceInterval | undefined {
  checkCounts(conversions, exposures);
  const z = zForConfidence(confidence);
  if (exposures === 0) return undefined;
  const n = exposures;
  const p = conversions / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return {
    lower: conversions === 0 ? 0 : Math.max(0, centre - half),
    upper: conversions === n ? 1 : Math.min(1, centre + half),
  };
}
