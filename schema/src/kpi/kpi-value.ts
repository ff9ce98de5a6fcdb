import type { MetricValues } from './base-metrics';
import { evaluateFormula } from './formula/evaluate';
import type { KpiDefinition } from './kpis';
import { targetStatus, type KpiTarget, type TargetStatus } from './target';
import type { KpiDirection, KpiUnit } from './units';

/** A KPI computed for one period (and channel), with its status when it has a target. */
export interface KpiValue {
  readonly kpiId: string;
  /** Undefined when a metric is missing or a denominator is 0 (see `semantics.md`). */
  readonly value: number | undefined;
  readonly unit: KpiUnit;
  readonly direction: KpiDirection;
  readonly target?: KpiTarget;
  readonly status?: TargetStatus;
}

/**
 * Computes a KPI from base metrics and rates it against its target when one is given.
 *
 * @example
 * computeKpi(kpiDefinition('cac'), { spend: 5000, newCustomers: 40 }, { value: 100 })
 * // { kpiId: 'cac', value: 125, unit: 'currency', direction: 'lowerIsBetter', status: 'offTarget', ... }
 */
export function computeKpi(
  definition: KpiDefinition,
  metrics: MetricValues,
  target?: KpiTarget,
): KpiValue {
  const value = evaluateFormula(definition.formula, metrics);
  const base = {
    kpiId: definition.id,
    value,
    unit: definition.unit,
    direction: definition.direction,
  };
  return target
    ? { ...base, target, status: targetStatus(value, target, definition.direction) }
    : base;
}
