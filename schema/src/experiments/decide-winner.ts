import { newcombeInterval } from './newcombe';
import {
  checkCounts,
  uplift,
  type ArmCounts,
  type ConfidenceInterval,
  type Uplift,
} from './proportions';
import { wilsonInterval } from './wilson';
import { twoProportionZTest } from './z-test';

/** What was planned before the experiment started. */
export interface ExperimentPlan {
  /** The id of the control arm; every other arm is compared with it. */
  readonly controlId: string;
  /** Exposures each arm needs before a result is read (from `sampleSizePerArm`). */
  readonly sampleSizePerArm: number;
  /** Family-wise two-sided significance level; 0.05 unless given. */
  readonly alpha?: number;
  /**
   * `bonferroni` (the default) tests each of the k variants against the control at α / k, so the
   * chance of any false winner stays at most α; `none` tests each at α (only for one variant, or
   * when a false winner among many is acceptable).
   */
  readonly correction?: 'bonferroni' | 'none';
}

/** One variant against the control. */
export interface ArmComparison {
  readonly armId: string;
  readonly rate: number;
  /** Wilson interval of the variant's rate at confidence 1 − alphaPerComparison. */
  readonly rateInterval: ConfidenceInterval;
  readonly controlRate: number;
  readonly uplift: Uplift;
  /** Newcombe interval of rate − controlRate at confidence 1 − alphaPerComparison. */
  readonly difference: ConfidenceInterval;
  /** Pooled two-proportion z (positive when the variant converts more). */
  readonly z: number;
  readonly pValue: number;
  /** pValue < alphaPerComparison. */
  readonly significant: boolean;
}

/** Shown whenever a result is looked at before the planned sample is in. */
export const PEEKING_WARNING =
  'Do not stop or pick a winner yet: checking repeatedly and stopping at the first significant ' +
  'result inflates the false-winner rate far above alpha. Wait until every arm reaches the planned sample.';

interface Compared {
  readonly comparisons: readonly ArmComparison[];
  readonly alphaPerComparison: number;
}

/** Where an experiment stands; a winner only when significant and the planned sample is in. */
export type WinnerDecision =
  | { readonly kind: 'noData'; readonly message: string; readonly armsWithoutData: string[] }
  | (Compared & {
      readonly kind: 'sampleNotReached';
      readonly message: string;
      readonly warning: typeof PEEKING_WARNING;
      readonly armsShort: ReadonlyArray<{ armId: string; exposures: number; needed: number }>;
    })
  | (Compared & { readonly kind: 'notSignificant'; readonly message: string })
  | (Compared & { readonly kind: 'winner'; readonly winnerId: string; readonly message: string });

function checkPlan(arms: readonly ArmCounts[], plan: ExperimentPlan): number {
  for (const arm of arms) checkCounts(arm.conversions, arm.exposures);
  const ids = new Set(arms.map((arm) => arm.id));
  if (ids.size !== arms.length)
    throw new RangeError('Arm ids must be unique; rename the duplicates.');
  if (arms.length < 2)
    throw new RangeError('An experiment needs a control and at least one variant; add an arm.');
  if (!ids.has(plan.controlId))
    throw new RangeError(
      `The control "${plan.controlId}" is not among the arms; name one of them.`,
    );
  if (!(plan.sampleSizePerArm > 0))
    throw new RangeError('sampleSizePerArm must be positive; compute it with sampleSizePerArm().');
  const alpha = plan.alpha ?? 0.05;
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}.`);
  const variants = arms.length - 1;
  return (plan.correction ?? 'bonferroni') === 'bonferroni' ? alpha / variants : alpha;
}

function compare(control: ArmCounts, arm: ArmCounts, alpha: number): ArmComparison {
  // Every arm has exposures here (noData is decided first), so nothing below is undefined.
  const test = twoProportionZTest(arm, control)!;
  const rate = arm.conversions / arm.exposures;
  const controlRate = control.conversions / control.exposures;
  return {
    armId: arm.id,
    rate,
    rateInterval: wilsonInterval(arm.conversions, arm.exposures, 1 - alpha)!,
    controlRate,
    uplift: uplift(rate, controlRate),
    difference: newcombeInterval(arm, control, 1 - alpha)!,
    z: test.z,
    pValue: test.pValue,
    significant: test.pValue < alpha,
  };
}

/**
 * Decides an experiment: `noData` while an arm has no exposures; `sampleNotReached` (with the
 * comparisons so far and {@link PEEKING_WARNING}) until every arm reaches the planned sample;
 * then `winner` when a variant beats the control significantly (the best such variant), or the
 * control when it significantly beats every variant; otherwise `notSignificant`. Throws a
 * RangeError on an inconsistent plan (unknown control, duplicate ids, a single arm).
 *
 * @example
 * decideWinner(
 *   [{ id: 'control', conversions: 100, exposures: 2000 }, { id: 'b', conversions: 150, exposures: 2000 }],
 *   { controlId: 'control', sampleSizePerArm: 2000 },
 * ) // { kind: 'winner', winnerId: 'b', ... }
 */
export function decideWinner(arms: readonly ArmCounts[], plan: ExperimentPlan): WinnerDecision {
  const alphaPerComparison = checkPlan(arms, plan);
  const armsWithoutData = arms.filter((arm) => arm.exposures === 0).map((arm) => arm.id);
  if (armsWithoutData.length > 0)
    return {
      kind: 'noData',
      armsWithoutData,
      message: `No exposures yet in ${armsWithoutData.join(', ')}; check that the split assigns customers to every arm.`,
    };
  const control = arms.find((arm) => arm.id === plan.controlId)!;
  const comparisons = arms
    .filter((arm) => arm !== control)
    .map((arm) => compare(control, arm, alphaPerComparison));
  const compared = { comparisons, alphaPerComparison };
  const needed = Math.ceil(plan.sampleSizePerArm);
  const armsShort = arms
    .filter((arm) => arm.exposures < needed)
    .map((arm) => ({ armId: arm.id, exposures: arm.exposures, needed }));
  if (armsShort.length > 0)
    return {
      kind: 'sampleNotReached',
      ...compared,
      armsShort,
      warning: PEEKING_WARNING,
      message: `${armsShort.length} of ${arms.length} arms have fewer than the planned ${needed} exposures.`,
    };
  const better = comparisons.filter((c) => c.significant && c.uplift.absolute > 0);
  if (better.length > 0) {
    const best = better.reduce((a, b) => (b.rate > a.rate ? b : a));
    return {
      kind: 'winner',
      ...compared,
      winnerId: best.armId,
      message: `${best.armId} converts better than ${control.id} (p = ${best.pValue.toPrecision(3)} < ${alphaPerComparison.toPrecision(3)}).`,
    };
  }
  if (comparisons.every((c) => c.significant && c.uplift.absolute < 0))
    return {
      kind: 'winner',
      ...compared,
      winnerId: control.id,
      message: `The control ${control.id} converts better than every variant.`,
    };
  return {
    kind: 'notSignificant',
    ...compared,
    message: `No variant differs significantly from ${control.id} at α = ${alphaPerComparison.toPrecision(3)} per comparison; keep the control or plan a larger test.`,
  };
}
