import { normalQuantile } from './normal';

/**
 * How the variance enters the sample-size formula:
 * - `pooled` (Fleiss, Levin & Paik 2003, *Statistical Methods for Rates and Proportions*, 3rd ed.,
 *   eq. 4.14, without continuity correction): the α term uses the mean rate p̄ = (p1 + p2)/2, as the
 *   pooled z-test does under H0. The default, because it matches {@link twoProportionZTest}.
 * - `unpooled` (Chow, Shao & Wang 2008, *Sample Size Calculations in Clinical Research*, 2nd ed.,
 *   §4.2): (z_{α/2} + z_β)² (p1q1 + p2q2) / δ².
 */
export type VarianceMethod = 'pooled' | 'unpooled';

/** What is planned: the baseline rate, error rates and the variance method. */
export interface PowerPlan {
  /** The control's expected conversion rate, in (0, 1). */
  readonly baselineRate: number;
  /** Two-sided significance level; 0.05 unless given. */
  readonly alpha?: number;
  /** Probability of detecting the effect when it exists; 0.8 unless given. */
  readonly power?: number;
  readonly variance?: VarianceMethod;
}

/** How large a change should be detected. */
export interface EffectPlan extends PowerPlan {
  /** The smallest change worth detecting: absolute (0.02 = 2 points) or relative (0.1 = +10 %). */
  readonly effect: number;
  readonly effectKind?: 'absolute' | 'relative';
}

function checkProbability(name: string, value: number): void {
  if (!(value > 0 && value < 1))
    throw new RangeError(`${name} must be strictly between 0 and 1, got ${value}.`);
}

/** The unrounded n per arm for rates p1 and p2 = p1 + delta (the formulas above). */
function exactSampleSize(plan: PowerPlan, delta: number): number {
  const alpha = plan.alpha ?? 0.05;
  const power = plan.power ?? 0.8;
  checkProbability('alpha', alpha);
  checkProbability('power', power);
  const p1 = plan.baselineRate;
  const p2 = p1 + delta;
  const zAlpha = normalQuantile(1 - alpha / 2);
  const zBeta = normalQuantile(power);
  const spread = Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  const method = plan.variance ?? 'pooled';
  const mean = (p1 + p2) / 2;
  const root =
    method === 'pooled'
      ? zAlpha * Math.sqrt(2 * mean * (1 - mean)) + zBeta * spread
      : (zAlpha + zBeta) * spread;
  return (root * root) / (delta * delta);
}

/**
 * The minimum number of exposures per arm (equal arms) for a two-sided test at level `alpha`
 * to detect `effect` with probability `power`, rounded up. Throws a RangeError when the rates
 * are not in (0, 1) or the effect is 0.
 *
 * @example
 * // Chow, Shao & Wang (2008) §4.2: 65 % vs 85 %, α = 0.05, power 80 % → 70 per arm
 * sampleSizePerArm({ baselineRate: 0.65, effect: 0.2, variance: 'unpooled' }) // 70
 */
export function sampleSizePerArm(plan: EffectPlan): number {
  checkProbability('baselineRate', plan.baselineRate);
  const kind = plan.effectKind ?? 'absolute';
  const delta = kind === 'absolute' ? plan.effect : plan.baselineRate * plan.effect;
  checkProbability('the variant rate (baselineRate + effect)', plan.baselineRate + delta);
  if (delta === 0) throw new RangeError('effect must not be 0: no sample detects no change.');
  return Math.ceil(exactSampleSize(plan, delta) - 1e-9);
}

/**
 * The smallest absolute increase over the baseline that `sampleSizePerArm` exposures per arm
 * detect with the plan's power (the inverse of {@link sampleSizePerArm}, found by bisection), or
 * undefined when even a rise to a rate of 1 is not detectable with that sample.
 *
 * @example
 * minimumDetectableEffect({ baselineRate: 0.65, variance: "unpooled" }, 70) // ≈ 0.199
 */
export function minimumDetectableEffect(
  plan: PowerPlan,
  sampleSizePerArm: number,
): number | undefined {
  checkProbability('baselineRate', plan.baselineRate);
  if (!(sampleSizePerArm > 0))
    throw new RangeError(`sampleSizePerArm must be positive, got ${sampleSizePerArm}.`);
  let low = 0;
  let high = 1 - plan.baselineRate;
  if (exactSampleSize(plan, high) > sampleSizePerArm) return undefined;
  for (let i = 0; i < 200 && high - low > 1e-12; i++) {
    const mid = (low + high) / 2;
    if (exactSampleSize(plan, mid) > sampleSizePerArm) low = mid;
    else high = mid;
  }
  return high;
}
