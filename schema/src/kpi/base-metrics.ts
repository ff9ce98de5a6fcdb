import type { MetricUnit } from './units';

/** A base metric: a number the server computes in SQL for a period (and a channel when `byChannel`). */
export interface BaseMetricSpec {
  readonly unit: MetricUnit;
  /** What is counted or summed, in one line a marketer and a SQL author read the same way. */
  readonly meaning: string;
  /** Whether it can be computed per channel (email, sms, push, ads…), for per-channel KPIs. */
  readonly byChannel: boolean;
}

const count = (meaning: string, byChannel = false): BaseMetricSpec => ({
  unit: 'count',
  meaning,
  byChannel,
});
const money = (meaning: string, byChannel = false): BaseMetricSpec => ({
  unit: 'currency',
  meaning,
  byChannel,
});

/**
 * The closed registry of base metrics, named by what SQL counts over the period. Every KPI is a
 * formula over these (and constants); adding one is described in `schema/CONTEXT.md`.
 */
export const BASE_METRICS = {
  sent: count('Messages handed to the sending provider.', true),
  delivered: count(
    'Messages the provider reported delivered (a delivered event), once each.',
    true,
  ),
  opened: count('Messages opened at least once (unique opens: an opened event).', true),
  clicked: count(
    'Messages with at least one tracked click (unique clicks: a clicked event).',
    true,
  ),
  'bounced.hard': count(
    'Messages rejected for good (unknown address or domain): a hard bounce.',
    true,
  ),
  'bounced.soft': count(
    'Messages rejected for now (mailbox full, server busy), not also hard.',
    true,
  ),
  unsubscribed: count('Messages whose recipient unsubscribed from them (once each).', true),
  impressions: count(
    'Times content (ad, post, in-app message) was shown: impression events.',
    true,
  ),
  engagements: count(
    'Interactions with shown content (clicks, likes, shares): engagement events.',
    true,
  ),
  entered: count('Distinct customers who entered the journey or campaign.', true),
  conversions: count('Distinct entered customers who reached the goal within its window.', true),
  orders: count('Completed orders.', true),
  buyers: count('Distinct customers with at least one completed order.'),
  revenue: money('Sum of the amounts of completed orders.', true),
  grossMargin: money(
    'Revenue of completed orders minus their cost of goods (missing if any cost is).',
    true,
  ),
  spend: money('Marketing spend attributed to the period: media, tools and sending costs.', true),
  newCustomers: count('Customers whose first completed order is in the period.', true),
  customersStart: count(
    'Active customers (an order in the 90 days before) at the start of the period.',
  ),
  customersEnd: count(
    'Active customers (an order in the 90 days before) at the end of the period.',
  ),
  customersLost: count('Customers active at the start and no longer active at the end.'),
  mqls: count(
    'Distinct leads that became marketing-qualified (Lead Became MQL) in the period.',
    true,
  ),
  sqls: count('Distinct leads accepted by sales (Lead Became SQL) in the period.', true),
  promoters: count('NPS answers of 9 or 10.'),
  detractors: count('NPS answers of 0 to 6.'),
  npsResponses: count('All NPS answers (0 to 10).'),
  csatSatisfied: count('CSAT answers of 4 or 5 on the 1–5 scale.'),
  csatResponses: count('All CSAT answers (1 to 5).'),
  periodDays: { unit: 'days', meaning: 'Length of the measured period in days.', byChannel: false },
} as const satisfies Record<string, BaseMetricSpec>;

export type BaseMetricId = keyof typeof BASE_METRICS;

export const BASE_METRIC_IDS = Object.keys(BASE_METRICS) as BaseMetricId[];

export function isBaseMetricId(name: string): name is BaseMetricId {
  return Object.prototype.hasOwnProperty.call(BASE_METRICS, name);
}

/** Values of base metrics for one period (and channel); a missing metric is unknown, not 0. */
export type MetricValues = Readonly<Partial<Record<BaseMetricId, number>>>;
