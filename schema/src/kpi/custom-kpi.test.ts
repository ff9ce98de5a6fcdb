import { describe, expect, it } from 'vitest';
import { validateCustomKpi, type CustomKpiInput } from './custom-kpi';
import { computeKpi } from './kpi-value';

const valid: CustomKpiInput = {
  id: 'revenuePerEntrant',
  name: 'Revenue per entrant',
  formula: 'revenue / entered',
  unit: 'currency',
  direction: 'higherIsBetter',
  objectives: ['acquisition'],
};

describe('validateCustomKpi', () => {
  it('accepts a valid KPI, which then computes like a built-in', () => {
    const result = validateCustomKpi(valid);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(computeKpi(result.definition, { revenue: 500, entered: 200 }).value).toBe(2.5);
  });

  it('reports every problem with its field', () => {
    const result = validateCustomKpi(
      {
        id: 'Bad id',
        name: ' ',
        formula: 'revenue + orders',
        unit: 'euros',
        direction: 'up',
        objectives: ['fame'],
      },
      {},
    );
    expect(result.problems.map((p) => [p.field, p.code])).toEqual([
      ['id', 'KPI_BAD_ID'],
      ['name', 'KPI_BAD_NAME'],
      ['unit', 'KPI_BAD_UNIT'],
      ['direction', 'KPI_BAD_DIRECTION'],
      ['objectives', 'KPI_BAD_OBJECTIVE'],
      ['formula', 'FORMULA_UNIT_MISMATCH'],
    ]);
  });

  it('refuses ids of built-in and existing KPIs', () => {
    expect(validateCustomKpi({ ...valid, id: 'cac' }).problems[0]!.code).toBe('KPI_ID_TAKEN');
    expect(validateCustomKpi(valid, { existingIds: ['revenuePerEntrant'] }).problems[0]!.code).toBe(
      'KPI_ID_TAKEN',
    );
  });

  it('checks the formula against the declared unit', () => {
    const [problem] = validateCustomKpi({ ...valid, unit: 'percent' }).problems;
    expect(problem).toMatchObject({ code: 'KPI_UNIT_MISMATCH', field: 'formula' });
    expect(problem!.message).toContain('currency');
  });
});
