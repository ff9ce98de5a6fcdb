import { assertUnreachable } from '../assert-unreachable';
import type { KpiDirection } from './units';

/** Where a KPI value stands against its target. */
export type TargetStatus = 'onTarget' | 'offTarget' | 'noData';

/** A target for a KPI, in the KPI's unit. */
export interface KpiTarget {
  readonly value: number;
  /**
   * How far on the wrong side of the target still counts as on target: an amount in the KPI's
   * unit (`absolute`, the default) or a fraction of the target (`relative`: 0.05 = 5 %).
   */
  readonly tolerance?: number;
  readonly toleranceKind?: 'absolute' | 'relative';
}

/**
 * The status of a value against a target. `higherIsBetter`: on target when
 * value ≥ target − tolerance; `lowerIsBetter`: when value ≤ target + tolerance. A missing or
 * non-finite value is `noData`.
 *
 * @example
 * targetStatus(4.8, { value: 5, tolerance: 0.05, toleranceKind: 'relative' }, 'higherIsBetter') // 'onTarget'
 * targetStatus(120, { value: 100 }, 'lowerIsBetter') // 'offTarget' (a CAC above its target)
 */
export function targetStatus(
  value: number | undefined,
  target: KpiTarget,
  direction: KpiDirection,
): TargetStatus {
  if (value === undefined || !Number.isFinite(value)) return 'noData';
  const amount = Math.abs(target.tolerance ?? 0);
  const slack =
    (target.toleranceKind ?? 'absolute') === 'relative' ? amount * Math.abs(target.value) : amount;
  switch (direction) {
    case 'higherIsBetter':
      return value >= target.value - slack ? 'onTarget' : 'offTarget';
    case 'lowerIsBetter':
      return value <= target.value + slack ? 'onTarget' : 'offTarget';
    default:
      return assertUnreachable(direction);
  }
}

/** What to do after a new status: which event to emit (if any) and which status to remember. */
export interface TargetTransition {
  readonly emit: 'wentOffTarget' | 'backOnTarget' | undefined;
  /** The status to pass as `previous` next time (`noData` does not overwrite a known status). */
  readonly remember: TargetStatus | undefined;
}

/**
 * Decides from the last known status and the new one whether "a KPI went off target" (or came
 * back) is emitted: once on entering `offTarget` (also at the first evaluation), once on leaving
 * it, never while it stays. A `noData` gap emits nothing and is not remembered, so
 * off → noData → off does not emit twice.
 *
 * @example
 * targetTransition('onTarget', 'offTarget') // { emit: 'wentOffTarget', remember: 'offTarget' }
 * targetTransition('offTarget', 'offTarget') // { emit: undefined, remember: 'offTarget' }
 */
export function targetTransition(
  previous: TargetStatus | undefined,
  next: TargetStatus,
): TargetTransition {
  switch (next) {
    case 'noData':
      return { emit: undefined, remember: previous };
    case 'offTarget':
      return { emit: previous === 'offTarget' ? undefined : 'wentOffTarget', remember: next };
    case 'onTarget':
      return { emit: previous === 'offTarget' ? 'backOnTarget' : undefined, remember: next };
    default:
      return assertUnreachable(next);
  }
}
