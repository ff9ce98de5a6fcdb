import { normalQuantile } from './normal';

/** Conversions out of exposures for one arm or variant. */
export interface ArmCounts {
  /** The arm's id (the control's id is named in the plan). */
  readonly id: string;
  /** How many exposed customers converted (an integer, at most `exposures`). */
  readonly conversions: number;
  /** How many customers were assigned to the arm and exposed (an integer ≥ 0). */
  readonly exposures: number;
}

/** A two-sided confidence interval. */
export interface ConfidenceInterval {
  readonly lower: number;
  readonly upper: number;
}

/**
 * Throws a RangeError unless `conversions` out of `exposures` are whole counts with
 * 0 ≤ conversions ≤ exposures. Statistics on impossible counts would be silently wrong.
 */
export function checkCounts(conversions: number, exposures: number): void {
  if (!Number.isInteger(exposures) || exposures < 0)
    throw new RangeError(`exposures must be a whole number ≥ 0, got ${exposures}.`);
  if (!Number.isInteger(conversions) || conversions < 0 || conversions > exposures)
    throw new RangeError(
      `conversions must be a whole number from 0 to exposures (${exposures}), got ${conversions}.`,
    );
}

/**
 * The conversion rate `conversions / exposures`, or undefined when nobody was exposed.
 *
 * @example
 * proportion(12, 400) // 0.03
 */
export function proportion(conversions: number, exposures: number): number | undefined {
  checkCounts(conversions, exposures);
  return exposures === 0 ? undefined : conversions / exposures;
}

/** Uplift of a variant's rate over the control's. */
export interface Uplift {
  /** variant − control, in rate units (0.01 = one percentage point). */
  readonly absolute: number;
  /** (variant − control) / control; undefined when the control's rate is 0. */
  readonly relative: number | undefined;
}

/**
 * Absolute and relative uplift of `rate` over `controlRate`.
 *
 * @example
 * uplift(0.12, 0.1) // { absolute: 0.02, relative: 0.2 } (up to rounding)
 */
export function uplift(rate: number, controlRate: number): Uplift {
  return {
    absolute: rate - controlRate,
    relative: controlRate === 0 ? undefined : (rate - controlRate) / controlRate,
  };
}

/**
 * The two-sided critical value z for a confidence level (0.95 → 1.959963984540054).
 * Throws a RangeError outside (0, 1).
 */
export function zForConfidence(confidence: number): number {
  if (!(confidence > 0 && confidence < 1))
    throw new RangeError(`confidence must be between 0 and 1 (e.g. 0.95), got ${confidence}.`);
  return normalQuantile(1 - (1 - confidence) / 2);
}
