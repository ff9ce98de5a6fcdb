import type { Em } from '../../../db/orm';
import { dialectOf } from '../../../rules/rule-query';
import { checkBoundaries, checkTop, traitKeys } from './analytics-args';
import { money, numberOf, ratio, selectRows, type Row } from './analytics-sql';
import {
  bucketCounts,
  bucketRevenue,
  categoryBuckets,
  quantileLows,
  rangeBuckets,
  traitCensus,
  type CrossTabSource,
} from './cross-tab-sql';
import { readTogether } from '../../../db/read-together';

/** `values`: one bucket per string or boolean value; `ranges`: number ranges. */
export type CrossTabMode = 'values' | 'ranges';
export type BucketKind = 'value' | 'other' | 'none' | 'range';

export interface CrossTabArgs {
  readonly path: string;
  readonly top: number;
  /** Number range boundaries; null: automatic (quintiles) for a number trait, values otherwise. */
  readonly boundaries: readonly number[] | null;
}

export interface BucketRevenue {
  readonly currency: string;
  readonly revenue: number;
  readonly orders: number;
  readonly averageRevenuePerMember: number;
}

export interface CrossTabBucket {
  readonly label: string;
  readonly kind: BucketKind;
  readonly value: string | null;
  readonly from: number | null;
  readonly to: number | null;
  readonly members: number;
  readonly customers: number;
  readonly shareOfSegment: number;
  readonly shareOfCustomers: number;
  readonly penetration: number | null;
  readonly index: number | null;
  readonly revenue: readonly BucketRevenue[];
}

export interface CrossTab {
  readonly path: string;
  readonly mode: CrossTabMode;
  readonly boundaries: readonly number[];
  readonly members: number;
  readonly customers: number;
  readonly buckets: readonly CrossTabBucket[];
}

export const OTHER_LABEL = 'other';
export const NONE_LABEL = '(none)';

/**
 * A segment against a trait: for each bucket of the trait, its members and all customers, shares
 * and the representation index, and the members' revenue per currency. Two queries for string
 * and boolean traits or given boundaries, four for automatic ranges; never one per bucket.
 */
export async function crossTab(
  em: Em,
  workspaceId: string,
  segmentId: string,
  args: CrossTabArgs,
): Promise<CrossTab> {
  const trait = { column: 'c.traits', path: traitKeys(args.path) };
  const top = checkTop(args.top);
  const given = args.boundaries === null ? null : checkBoundaries(args.boundaries);
  const source: CrossTabSource = { dialect: dialectOf(em), workspaceId, segmentId, trait };
  const boundaries =
    given ?? ((await holdsNumbers(em, source)) ? await quintiles(em, source) : null);
  const bucketed = boundaries ? rangeBuckets(source, boundaries) : categoryBuckets(source, top);
  const [counts, revenue] = await readTogether(em, [
    () => selectRows(em, bucketCounts(bucketed)),
    () => selectRows(em, bucketRevenue(bucketed)),
  ]);
  return assemble(args.path, boundaries, counts, revenue);
}

/** Ranges when at least as many customers hold a number at the path as a string or boolean. */
async function holdsNumbers(em: Em, source: CrossTabSource): Promise<boolean> {
  const [row] = await selectRows(em, traitCensus(source));
  const numbers = numberOf(row?.['numbers']);
  return numbers > 0 && numbers >= numberOf(row?.['categories']);
}

/** Automatic boundaries: the lowest value of each quintile but the first, without repeats. */
async function quintiles(em: Em, source: CrossTabSource): Promise<number[]> {
  const lows = (await selectRows(em, quantileLows(source))).map((r) => Number(r['low']));
  const boundaries: number[] = [];
  for (const low of lows.slice(1)) {
    if (low > (boundaries.at(-1) ?? lows[0]!)) boundaries.push(low);
  }
  return boundaries;
}

const keyOf = (row: Row) => `${String(row['kind'])}\u0000${String(row['bucket'] ?? '')}`;

interface Tally {
  readonly key: string;
  readonly kind: BucketKind;
  readonly label: string;
  readonly value: string | null;
  readonly from: number | null;
  readonly to: number | null;
}

function rangeTallies(boundaries: readonly number[]): Tally[] {
  return Array.from({ length: boundaries.length + 1 }, (_, i) => {
    const from = i === 0 ? null : boundaries[i - 1]!;
    const to = i === boundaries.length ? null : boundaries[i]!;
    const label =
      from === null && to === null
        ? 'any number'
        : from === null
          ? `< ${to}`
          : to === null
            ? `≥ ${from}`
            : `${from} – ${to}`;
    return { key: `range\u0000${i}`, kind: 'range', label, value: null, from, to };
  });
}

function valueTallies(counts: readonly Row[]): Tally[] {
  return counts
    .filter((r) => r['kind'] === 'value')
    .sort(
      (a, b) =>
        numberOf(b['members']) - numberOf(a['members']) ||
        numberOf(b['customers']) - numberOf(a['customers']) ||
        (String(a['bucket']) < String(b['bucket']) ? -1 : 1),
    )
    .map((r) => {
      const value = String(r['bucket']);
      return { key: keyOf(r), kind: 'value', label: value, value, from: null, to: null };
    });
}

function assemble(
  path: string,
  boundaries: readonly number[] | null,
  counts: readonly Row[],
  revenueRows: readonly Row[],
): CrossTab {
  const byKey = new Map(counts.map((r) => [keyOf(r), r]));
  const members = counts.reduce((n, r) => n + numberOf(r['members']), 0);
  const customers = counts.reduce((n, r) => n + numberOf(r['customers']), 0);
  const present = (kind: BucketKind, label: string): Tally[] =>
    byKey.has(`${kind}\u0000`)
      ? [{ key: `${kind}\u0000`, kind, label, value: null, from: null, to: null }]
      : [];
  const tallies = [
    ...(boundaries ? rangeTallies(boundaries) : valueTallies(counts)),
    ...present('other', OTHER_LABEL),
    ...present('none', NONE_LABEL),
  ];
  const buckets = tallies.map(({ key, ...tally }): CrossTabBucket => {
    const row = byKey.get(key);
    const inBucket = numberOf(row?.['members']);
    const all = numberOf(row?.['customers']);
    const revenue = revenueRows
      .filter((r) => keyOf(r) === key)
      .map((r) => ({
        currency: String(r['currency']),
        revenue: money(numberOf(r['revenue'])),
        orders: numberOf(r['orders']),
        averageRevenuePerMember: money(numberOf(r['revenue']) / inBucket),
      }))
      .sort((a, b) => b.revenue - a.revenue || (a.currency < b.currency ? -1 : 1));
    return {
      ...tally,
      members: inBucket,
      customers: all,
      shareOfSegment: ratio(inBucket, members) ?? 0,
      shareOfCustomers: ratio(all, customers) ?? 0,
      penetration: ratio(inBucket, all),
      index: members === 0 || all === 0 ? null : ((inBucket * customers) / (all * members)) * 100,
      revenue,
    };
  });
  return {
    path,
    mode: boundaries ? 'ranges' : 'values',
    boundaries: boundaries ?? [],
    members,
    customers,
    buckets,
  };
}
