import { describe, expect, it } from 'vitest';
import { assertUnreachable } from '../assert-unreachable';
import { BASE_METRIC_IDS, BASE_METRICS, type MetricValues } from './base-metrics';
import type { FormulaNode } from './formula/ast';
import { printFormula } from './formula/print';
import { validateFormula } from './formula/validate';
import { computeKpi } from './kpi-value';
import { KPI_DEFINITIONS, KPI_IDS, kpiDefinition, recommendedKpis, type KpiId } from './kpis';
import { OBJECTIVE_IDS } from './objectives';

/** One month of a small shop's numbers, chosen so every KPI below is easy to compute by hand. */
const MONTH: MetricValues = {
  sent: 10_000,
  delivered: 9_600,
  opened: 2_400,
  clicked: 480,
  'bounced.hard': 150,
  'bounced.soft': 250,
  unsubscribed: 48,
  impressions: 50_000,
  engagements: 1_500,
  entered: 2_000,
  conversions: 90,
  orders: 120,
  buyers: 100,
  revenue: 9_000,
  grossMargin: 3_600,
  spend: 2_400,
  newCustomers: 30,
  customersStart: 1_000,
  customersEnd: 980,
  customersLost: 50,
  mqls: 200,
  sqls: 50,
  promoters: 120,
  detractors: 30,
  npsResponses: 200,
  csatSatisfied: 170,
  csatResponses: 200,
  periodDays: 30,
};

/** Hand-computed from MONTH. */
const EXPECTED: Record<KpiId, number> = {
  conversionRate: 4.5, // 90 / 2000 × 100
  conversionRateByChannel: 4.5, // same formula, per channel
  ctr: 5, // 480 / 9600 × 100
  openRate: 25, // 2400 / 9600 × 100
  clickToOpenRate: 20, // 480 / 2400 × 100
  bounceRate: 4, // (150 + 250) / 10000 × 100
  hardBounceRate: 1.5, // 150 / 10000 × 100
  softBounceRate: 2.5, // 250 / 10000 × 100
  unsubscribeRate: 0.5, // 48 / 9600 × 100
  engagementRate: 3, // 1500 / 50000 × 100
  averageOrderValue: 75, // 9000 / 120
  revenue: 9_000,
  cac: 80, // 2400 / 30
  clvHistoric: 1_800, // (9000 / 100) / (50 / 1000)
  clvMargin: 720, // (3600 / 100) / 0.05
  ltvToCac: 9, // 720 / 80
  paybackPeriod: 80 / 1.2 / 30.436875, // margin per buyer-day 3600 / (100 × 30) = 1.2; 66.67 days = 2.19 months
  churnRate: 5, // 50 / 1000 × 100
  retentionRate: 95, // (1000 − 50) / 1000 × 100
  roi: 50, // (3600 − 2400) / 2400 × 100
  roas: 3.75, // 9000 / 2400
  mqlCount: 200,
  mqlToSqlRate: 25, // 50 / 200 × 100
  nps: 45, // (120 − 30) / 200 × 100
  csat: 85, // 170 / 200 × 100
};

function metricsOf(node: FormulaNode): string[] {
  switch (node.kind) {
    case 'metric':
      return [node.name];
    case 'number':
      return [];
    case 'negate':
      return metricsOf(node.operand);
    case 'binary':
      return [...metricsOf(node.left), ...metricsOf(node.right)];
    case 'call':
      return node.args.flatMap(metricsOf);
    default:
      return assertUnreachable(node);
  }
}

describe('KPI catalog', () => {
  it.each(KPI_IDS)('%s matches its hand-computed value', (id) => {
    expect(computeKpi(kpiDefinition(id), MONTH).value).toBeCloseTo(EXPECTED[id], 9);
  });

  it('payback is about 2.19 months', () => {
    expect(computeKpi(kpiDefinition('paybackPeriod'), MONTH).value).toBeCloseTo(2.1903, 4);
  });

  it.each(KPI_IDS)('%s is expressible in the formula language with its declared unit', (id) => {
    const { formula, unit } = KPI_DEFINITIONS[id];
    expect(validateFormula(printFormula(formula), { unit }).problems).toEqual([]);
  });

  it('has no value, not 0 or Infinity, when the denominators are 0', () => {
    const zero = Object.fromEntries(BASE_METRIC_IDS.map((id) => [id, 0]));
    const values = Object.fromEntries(
      KPI_IDS.map((id) => [id, computeKpi(kpiDefinition(id), zero).value]),
    );
    expect(values).toEqual({
      ...Object.fromEntries(KPI_IDS.map((id) => [id, undefined])),
      revenue: 0,
      mqlCount: 0,
    });
  });

  it('marks exactly CAC, bounces, churn, unsubscribes and payback as lower-is-better', () => {
    expect(KPI_IDS.filter((id) => KPI_DEFINITIONS[id].direction === 'lowerIsBetter')).toEqual([
      'bounceRate',
      'hardBounceRate',
      'softBounceRate',
      'unsubscribeRate',
      'cac',
      'paybackPeriod',
      'churnRate',
    ]);
  });

  it('computes per-channel KPIs only from metrics SQL can split by channel', () => {
    for (const id of KPI_IDS) {
      const definition: { breakdown?: string; formula: FormulaNode } = KPI_DEFINITIONS[id];
      if (definition.breakdown !== 'channel') continue;
      for (const name of metricsOf(definition.formula))
        expect(BASE_METRICS[name as keyof typeof BASE_METRICS].byChannel, name).toBe(true);
    }
  });

  it('recommends at least three KPIs for every objective, each described', () => {
    for (const objective of OBJECTIVE_IDS) {
      const kpis = recommendedKpis(objective);
      expect(kpis.length, objective).toBeGreaterThanOrEqual(3);
      for (const kpi of kpis) expect(kpi.description.length).toBeGreaterThan(20);
    }
    expect(recommendedKpis('acquisition').map((k) => k.id)).toContain('cac');
    expect(recommendedKpis('retention').map((k) => k.id)).toContain('churnRate');
  });
});
