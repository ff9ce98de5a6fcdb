import { describe, expect, it } from 'vitest';
import { computeKpi } from './kpi-value';
import { kpiDefinition } from './kpis';
import { targetStatus, targetTransition, type TargetStatus } from './target';

describe('targetStatus', () => {
  it('respects the direction', () => {
    expect(targetStatus(5, { value: 4 }, 'higherIsBetter')).toBe('onTarget');
    expect(targetStatus(3, { value: 4 }, 'higherIsBetter')).toBe('offTarget');
    expect(targetStatus(5, { value: 4 }, 'lowerIsBetter')).toBe('offTarget');
    expect(targetStatus(3, { value: 4 }, 'lowerIsBetter')).toBe('onTarget');
    expect(targetStatus(4, { value: 4 }, 'lowerIsBetter')).toBe('onTarget');
  });

  it('applies an absolute or relative tolerance on the wrong side only', () => {
    expect(targetStatus(3.9, { value: 4, tolerance: 0.1 }, 'higherIsBetter')).toBe('onTarget');
    expect(targetStatus(3.89, { value: 4, tolerance: 0.1 }, 'higherIsBetter')).toBe('offTarget');
    // 5 % of a CAC target of 100 allows up to 105.
    expect(
      targetStatus(
        105,
        { value: 100, tolerance: 0.05, toleranceKind: 'relative' },
        'lowerIsBetter',
      ),
    ).toBe('onTarget');
    expect(
      targetStatus(
        105.1,
        { value: 100, tolerance: 0.05, toleranceKind: 'relative' },
        'lowerIsBetter',
      ),
    ).toBe('offTarget');
  });

  it('is noData without a value', () => {
    expect(targetStatus(undefined, { value: 4 }, 'higherIsBetter')).toBe('noData');
    expect(targetStatus(Number.NaN, { value: 4 }, 'lowerIsBetter')).toBe('noData');
  });

  it('rates a computed KPI: a CAC of 125 against a target of 100 is off target', () => {
    const value = computeKpi(
      kpiDefinition('cac'),
      { spend: 5000, newCustomers: 40 },
      { value: 100 },
    );
    expect(value).toMatchObject({ value: 125, status: 'offTarget', direction: 'lowerIsBetter' });
    expect(
      computeKpi(kpiDefinition('cac'), { spend: 5000, newCustomers: 0 }, { value: 100 }).status,
    ).toBe('noData');
    expect(
      computeKpi(kpiDefinition('cac'), { spend: 5000, newCustomers: 40 }).status,
    ).toBeUndefined();
  });
});

describe('targetTransition', () => {
  it('emits once on going off target and once on coming back, never while it stays', () => {
    const statuses: TargetStatus[] = [
      'onTarget',
      'offTarget',
      'offTarget',
      'noData',
      'offTarget',
      'onTarget',
      'onTarget',
    ];
    let previous: TargetStatus | undefined;
    const emitted = statuses.map((status) => {
      const transition = targetTransition(previous, status);
      previous = transition.remember;
      return transition.emit;
    });
    expect(emitted).toEqual([
      undefined,
      'wentOffTarget',
      undefined,
      undefined,
      undefined,
      'backOnTarget',
      undefined,
    ]);
  });

  it('emits at the first evaluation when already off target, not when on target or without data', () => {
    expect(targetTransition(undefined, 'offTarget').emit).toBe('wentOffTarget');
    expect(targetTransition(undefined, 'onTarget').emit).toBeUndefined();
    expect(targetTransition(undefined, 'noData')).toEqual({ emit: undefined, remember: undefined });
  });
});
