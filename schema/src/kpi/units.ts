import { assertUnreachable } from '../assert-unreachable';

/** How a KPI's value is read. */
export const KPI_UNITS = [
  'ratio',
  'percent',
  'currency',
  'count',
  'days',
  'months',
  'score',
] as const;
/**
 * - `ratio`: a plain multiple (ROAS 4 = 4 × the spend; LTV:CAC 3 = 3 : 1).
 * - `percent`: already multiplied by 100 (a 2.5 % open rate is 2.5).
 * - `currency`: an amount in the workspace's currency.
 * - `count`: how many.
 * - `days` / `months`: a duration.
 * - `score`: a bounded index (NPS, −100 to 100).
 */
export type KpiUnit = (typeof KPI_UNITS)[number];

/** Units of base metrics (what SQL counts or sums). */
export type MetricUnit = 'count' | 'currency' | 'days';

/** Whether a larger value is good news (conversion rate) or bad news (CAC, churn, bounces). */
export const KPI_DIRECTIONS = ['higherIsBetter', 'lowerIsBetter'] as const;
export type KpiDirection = (typeof KPI_DIRECTIONS)[number];

/**
 * The physical dimension of a value, as exponents: revenue is currency¹, AOV (revenue / orders)
 * is currency¹ too because counts are dimensionless, payback (currency / (currency / days)) is
 * time¹. Adding values of different dimensions is the mistake the validator catches.
 */
export interface KpiDimension {
  readonly currency: number;
  readonly time: number;
}

export const DIMENSIONLESS: KpiDimension = { currency: 0, time: 0 };

/** The dimension a unit stands for. */
export function unitDimension(unit: KpiUnit | MetricUnit): KpiDimension {
  switch (unit) {
    case 'currency':
      return { currency: 1, time: 0 };
    case 'days':
    case 'months':
      return { currency: 0, time: 1 };
    case 'ratio':
    case 'percent':
    case 'count':
    case 'score':
      return DIMENSIONLESS;
    default:
      return assertUnreachable(unit);
  }
}

export function sameDimension(a: KpiDimension, b: KpiDimension): boolean {
  return a.currency === b.currency && a.time === b.time;
}

/** "currency", "days", "currency per day", "a number" — for messages. */
export function describeDimension(d: KpiDimension): string {
  const parts: string[] = [];
  const name = (base: string, power: number) => (power === 1 ? base : `${base}^${power}`);
  if (d.currency > 0) parts.push(name('currency', d.currency));
  if (d.time > 0) parts.push(name('time', d.time));
  const per: string[] = [];
  if (d.currency < 0) per.push(name('currency', -d.currency));
  if (d.time < 0) per.push(name('time', -d.time));
  if (parts.length === 0 && per.length === 0) return 'a plain number (count, rate or ratio)';
  return `${parts.join(' × ') || '1'}${per.length ? ` per ${per.join(' × ')}` : ''}`;
}
