import type { BaseMetricId } from './base-metrics';
import { f, type FormulaNode } from './formula/ast';
import type { Objective } from './objectives';
import type { KpiDirection, KpiUnit } from './units';

/** A KPI: a documented formula over base metrics with its unit, direction and objectives. */
export interface KpiDefinitionSpec {
  readonly name: string;
  readonly formula: FormulaNode;
  readonly unit: KpiUnit;
  readonly direction: KpiDirection;
  /** What it tells a marketer, and how it is computed, in plain words. */
  readonly description: string;
  /** The objectives it is recommended for (in the order of `recommendedKpis`). */
  readonly objectives: readonly Objective[];
  /** `channel`: computed once per channel over per-channel base metrics. */
  readonly breakdown?: 'channel';
}

const m = (id: BaseMetricId) => f.metric(id);

/** Churn over the period as a fraction: customersLost / customersStart. */
const churnFraction = f.div(m('customersLost'), m('customersStart'));
/** Customer acquisition cost: spend / newCustomers. */
const cac = f.div(m('spend'), m('newCustomers'));
/**
 * Lifetime value: value per buyer in the period times the expected lifetime in periods
 * (1 / churn fraction), so the period length cancels out.
 */
const lifetimeValue = (perPeriod: BaseMetricId) =>
  f.div(f.div(m(perPeriod), m('buyers')), churnFraction);
/** A rate in percent: numerator / denominator × 100. */
function rate(
  name: string,
  [numerator, denominator]: [FormulaNode, FormulaNode],
  direction: KpiDirection,
  description: string,
  objectives: readonly Objective[],
): KpiDefinitionSpec {
  return {
    name,
    formula: f.percent(numerator, denominator),
    unit: 'percent',
    direction,
    description,
    objectives,
  };
}

/** Average days per month in the Gregorian calendar (365.2425 / 12). */
const DAYS_PER_MONTH = 30.436875;

/**
 * The built-in KPI catalog. Rates are in percent (×100); see `semantics.md` for what a missing
 * value means. Adding a KPI is described in `schema/CONTEXT.md`.
 */
export const KPI_DEFINITIONS = {
  conversionRate: rate(
    'Conversion rate',
    [m('conversions'), m('entered')],
    'higherIsBetter',
    'Share of customers who entered and reached the goal: conversions / entered × 100.',
    ['acquisition', 'reactivation'],
  ),
  conversionRateByChannel: {
    name: 'Conversion rate per channel',
    formula: f.percent(m('conversions'), m('entered')),
    unit: 'percent',
    direction: 'higherIsBetter',
    description: 'The conversion rate computed for each channel separately, to compare channels.',
    objectives: ['acquisition'],
    breakdown: 'channel',
  },
  ctr: rate(
    'Click-through rate (CTR)',
    [m('clicked'), m('delivered')],
    'higherIsBetter',
    'Share of delivered messages that were clicked: clicked / delivered × 100.',
    ['awareness', 'nurture', 'reactivation'],
  ),
  openRate: rate(
    'Open rate',
    [m('opened'), m('delivered')],
    'higherIsBetter',
    'Share of delivered messages that were opened: opened / delivered × 100.',
    ['awareness', 'nurture'],
  ),
  clickToOpenRate: rate(
    'Click-to-open rate (CTOR)',
    [m('clicked'), m('opened')],
    'higherIsBetter',
    'Share of opened messages that were clicked, i.e. how convincing the content is.',
    ['nurture'],
  ),
  bounceRate: rate(
    'Bounce rate',
    [f.add(m('bounced.hard'), m('bounced.soft')), m('sent')],
    'lowerIsBetter',
    'Share of sent messages that bounced, hard or soft: bounces / sent × 100.',
    ['nurture'],
  ),
  hardBounceRate: rate(
    'Hard bounce rate',
    [m('bounced.hard'), m('sent')],
    'lowerIsBetter',
    'Share of sent messages rejected for good; remove those addresses from the list.',
    ['nurture', 'reactivation'],
  ),
  softBounceRate: rate(
    'Soft bounce rate',
    [m('bounced.soft'), m('sent')],
    'lowerIsBetter',
    'Share of sent messages rejected for now (full mailbox, busy server).',
    ['nurture'],
  ),
  unsubscribeRate: rate(
    'Unsubscribe rate',
    [m('unsubscribed'), m('delivered')],
    'lowerIsBetter',
    'Share of delivered messages after which the recipient unsubscribed.',
    ['nurture', 'retention', 'reactivation'],
  ),
  engagementRate: rate(
    'Engagement rate',
    [m('engagements'), m('impressions')],
    'higherIsBetter',
    'Interactions per impression: engagements / impressions × 100.',
    ['awareness'],
  ),
  averageOrderValue: {
    name: 'Average order value (AOV)',
    formula: f.div(m('revenue'), m('orders')),
    unit: 'currency',
    direction: 'higherIsBetter',
    description: 'Revenue per completed order: revenue / orders.',
    objectives: ['retention'],
  },
  revenue: {
    name: 'Revenue',
    formula: m('revenue'),
    unit: 'currency',
    direction: 'higherIsBetter',
    description: 'Sum of completed orders in the period.',
    objectives: ['acquisition', 'retention', 'reactivation'],
  },
  cac: {
    name: 'Customer acquisition cost (CAC)',
    formula: cac,
    unit: 'currency',
    direction: 'lowerIsBetter',
    description: 'Marketing spend per new customer: spend / newCustomers.',
    objectives: ['acquisition'],
  },
  clvHistoric: {
    name: 'Customer lifetime value (historic)',
    formula: lifetimeValue('revenue'),
    unit: 'currency',
    direction: 'higherIsBetter',
    description:
      'Revenue a customer brings over their lifetime, from the period’s history: revenue per buyer × expected lifetime (1 / churn rate) = (revenue / buyers) / (customersLost / customersStart).',
    objectives: ['retention'],
  },
  clvMargin: {
    name: 'Customer lifetime value (margin-based)',
    formula: lifetimeValue('grossMargin'),
    unit: 'currency',
    direction: 'higherIsBetter',
    description:
      'Gross margin a customer brings over their lifetime: (grossMargin / buyers) / churn rate. Compare it with CAC.',
    objectives: ['retention', 'acquisition'],
  },
  ltvToCac: {
    name: 'LTV:CAC ratio',
    formula: f.div(lifetimeValue('grossMargin'), cac),
    unit: 'ratio',
    direction: 'higherIsBetter',
    description:
      'Margin-based lifetime value per unit of acquisition cost; 3 means a customer returns three times what they cost to win.',
    objectives: ['acquisition'],
  },
  paybackPeriod: {
    name: 'CAC payback period',
    formula: f.div(
      f.div(cac, f.div(m('grossMargin'), f.mul(m('buyers'), m('periodDays')))),
      f.num(DAYS_PER_MONTH),
    ),
    unit: 'months',
    direction: 'lowerIsBetter',
    description:
      'Months of a customer’s gross margin needed to earn back their acquisition cost: CAC / (gross margin per buyer per day) / 30.44.',
    objectives: ['acquisition'],
  },
  churnRate: {
    name: 'Churn rate',
    formula: f.mul(churnFraction, f.num(100)),
    unit: 'percent',
    direction: 'lowerIsBetter',
    description:
      'Share of the customers at the start who were lost: customersLost / customersStart × 100.',
    objectives: ['retention', 'reactivation'],
  },
  retentionRate: rate(
    'Retention rate',
    [f.sub(m('customersStart'), m('customersLost')), m('customersStart')],
    'higherIsBetter',
    'Share of the customers active at the start still active at the end: (customersStart − customersLost) / customersStart × 100. New and returning customers do not raise it.',
    ['retention'],
  ),
  roi: rate(
    'Marketing ROI',
    [f.sub(m('grossMargin'), m('spend')), m('spend')],
    'higherIsBetter',
    'Gross margin earned beyond the spend, per unit of spend: (grossMargin − spend) / spend × 100. 0 % breaks even.',
    ['acquisition', 'reactivation'],
  ),
  roas: {
    name: 'Return on ad spend (ROAS)',
    formula: f.div(m('revenue'), m('spend')),
    unit: 'ratio',
    direction: 'higherIsBetter',
    description: 'Revenue per unit of spend: revenue / spend (4 means 4 of revenue for 1 spent).',
    objectives: ['acquisition', 'awareness'],
  },
  mqlCount: {
    name: 'Marketing-qualified leads (MQLs)',
    formula: m('mqls'),
    unit: 'count',
    direction: 'higherIsBetter',
    description: 'Leads that became marketing-qualified in the period.',
    objectives: ['nurture', 'acquisition'],
  },
  mqlToSqlRate: rate(
    'MQL-to-SQL rate',
    [m('sqls'), m('mqls')],
    'higherIsBetter',
    'Share of marketing-qualified leads that sales accepted: sqls / mqls × 100.',
    ['nurture'],
  ),
  nps: {
    name: 'Net Promoter Score (NPS)',
    formula: f.percent(f.sub(m('promoters'), m('detractors')), m('npsResponses')),
    unit: 'score',
    direction: 'higherIsBetter',
    description:
      'Percent promoters (9–10) minus percent detractors (0–6) among all answers, from −100 to 100.',
    objectives: ['retention', 'awareness'],
  },
  csat: rate(
    'Customer satisfaction (CSAT)',
    [m('csatSatisfied'), m('csatResponses')],
    'higherIsBetter',
    'Share of satisfied answers (4 or 5 of 5): csatSatisfied / csatResponses × 100.',
    ['retention'],
  ),
} as const satisfies Record<string, KpiDefinitionSpec>;

export type KpiId = keyof typeof KPI_DEFINITIONS;

/** A KPI definition with its id (built-in or user-defined). */
export interface KpiDefinition extends KpiDefinitionSpec {
  readonly id: string;
}

export const KPI_IDS = Object.keys(KPI_DEFINITIONS) as KpiId[];

export function isKpiId(id: string): id is KpiId {
  return Object.prototype.hasOwnProperty.call(KPI_DEFINITIONS, id);
}

/** The built-in KPI with its id. */
export function kpiDefinition(id: KpiId): KpiDefinition {
  return { id, ...KPI_DEFINITIONS[id] };
}

/**
 * The KPIs recommended for an objective, in catalog order.
 *
 * @example
 * recommendedKpis('retention').map((k) => k.id) // ['unsubscribeRate', 'averageOrderValue', 'revenue', ...]
 */
export function recommendedKpis(objective: Objective): KpiDefinition[] {
  return KPI_IDS.filter((id) =>
    (KPI_DEFINITIONS[id].objectives as readonly Objective[]).includes(objective),
  ).map(kpiDefinition);
}
