import type { Em } from '../../../db/orm';
import { dialectOf } from '../../../rules/rule-query';
import { raw, sql } from '../../../rules/sql-fragment';
import { money, numberOf, paramList, ratio, selectRows } from './analytics-sql';
import { readTogether } from '../../../db/read-together';

/** What a segment's current members bought in one currency (see SegmentCurrencyValue). */
export interface CurrencyValue {
  readonly currency: string;
  readonly revenue: number;
  readonly orders: number;
  readonly buyers: number;
  readonly averageRevenuePerMember: number;
  readonly averageOrderValue: number | null;
  readonly lifetimeRevenue: number;
  readonly averageClv: number;
}

export interface SegmentValue {
  readonly members: number;
  readonly since: Date | null;
  readonly currencies: readonly CurrencyValue[];
}

/**
 * The value of several segments' current members, in two queries: the member counts, and their
 * orders summed per segment and currency (in the window from `since`, and over their lifetime).
 * Amounts in different currencies are never added together. Orders are reached through the
 * workspace's memberships (an order is in its customer's workspace), on the (customer_id,
 * occurred_at) index.
 */
export async function segmentValues(
  em: Em,
  workspaceId: string,
  segmentIds: readonly string[],
  since: Date | null,
): Promise<SegmentValue[]> {
  const d = dialectOf(em);
  const inWindow = since ? sql`o.occurred_at >= ${d.instantParam(since.getTime())}` : raw('1 = 1');
  const [memberRows, orderRows] = await readTogether(em, [
    () =>
      selectRows(
        em,
        sql`SELECT m.segment_id AS segment_id, count(*) AS members
        FROM segment_memberships m
        WHERE m.workspace_id = ${workspaceId} AND m.segment_id IN (${paramList(segmentIds)})
        GROUP BY m.segment_id`,
      ),
    () =>
      selectRows(
        em,
        sql`SELECT m.segment_id AS segment_id, o.currency AS currency,
          sum(CASE WHEN ${inWindow} THEN o.amount ELSE 0 END) AS revenue,
          sum(CASE WHEN ${inWindow} THEN 1 ELSE 0 END) AS orders,
          count(DISTINCT CASE WHEN ${inWindow} THEN o.customer_id END) AS buyers,
          sum(o.amount) AS lifetime_revenue
        FROM segment_memberships m
        JOIN orders o ON o.customer_id = m.customer_id
        WHERE m.workspace_id = ${workspaceId} AND m.segment_id IN (${paramList(segmentIds)})
        GROUP BY m.segment_id, o.currency`,
      ),
  ]);
  const members = new Map(memberRows.map((r) => [String(r['segment_id']), numberOf(r['members'])]));
  return segmentIds.map((id) => {
    const count = members.get(id) ?? 0;
    const currencies = orderRows
      .filter((r) => r['segment_id'] === id)
      .map((r) => currencyValue(String(r['currency']), r, count))
      .sort(
        (a, b) =>
          b.revenue - a.revenue ||
          b.lifetimeRevenue - a.lifetimeRevenue ||
          (a.currency < b.currency ? -1 : 1),
      );
    return { members: count, since, currencies };
  });
}

function currencyValue(
  currency: string,
  row: Record<string, unknown>,
  members: number,
): CurrencyValue {
  const revenue = numberOf(row['revenue']);
  const orders = numberOf(row['orders']);
  const lifetimeRevenue = numberOf(row['lifetime_revenue']);
  const perOrder = ratio(revenue, orders);
  return {
    currency,
    revenue: money(revenue),
    orders,
    buyers: numberOf(row['buyers']),
    averageRevenuePerMember: money(ratio(revenue, members) ?? 0),
    averageOrderValue: perOrder === null ? null : money(perOrder),
    lifetimeRevenue: money(lifetimeRevenue),
    averageClv: money(ratio(lifetimeRevenue, members) ?? 0),
  };
}
