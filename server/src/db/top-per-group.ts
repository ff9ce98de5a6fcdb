import { raw, type EntityClass, type EntityProperty, type FilterQuery } from '@mikro-orm/core';
import type { Em } from './orm';

export interface TopPerGroupQuery<T> {
  readonly where: FilterQuery<T>;
  /** Properties whose values make a group, e.g. the customer, or the customer and the channel. */
  readonly groupBy: ReadonlyArray<keyof T & string>;
  /** The order within a group, each property descending (end with the id to break ties). */
  readonly newestFirst: ReadonlyArray<keyof T & string>;
  /** How many rows of each group to keep. */
  readonly perGroup: number;
}

const RANK = 'rank_in_group';

/**
 * The first `perGroup` rows of every group, in one query: `ROW_NUMBER() OVER (PARTITION BY …
 * ORDER BY … DESC)` in a subquery, kept where the rank is small enough (SQLite and PostgreSQL).
 * The workspace filter applies. Rows come back grouped, groups in ascending order, each group in
 * `newestFirst` order.
 *
 * @example
 * // The latest consent record per customer and channel:
 * findTopPerGroup(em, ConsentRecord, {
 *   where: { customer: { $in: ids } },
 *   groupBy: ['customer', 'channel'],
 *   newestFirst: ['recordedAt', 'id'],
 *   perGroup: 1,
 * });
 */
export async function findTopPerGroup<T extends object>(
  em: Em,
  entity: EntityClass<T>,
  query: TopPerGroupQuery<T>,
): Promise<T[]> {
  const properties: Record<string, EntityProperty> = em.getMetadata().get(entity.name).properties;
  const column = (property: string) => `r.${properties[property]!.fieldNames[0]}`;
  const rank = raw(
    `row_number() over (partition by ${query.groupBy.map(() => '??').join(', ')} ` +
      `order by ${query.newestFirst.map(() => '?? desc').join(', ')}) as ${RANK}`,
    [...query.groupBy.map(column), ...query.newestFirst.map(column)],
  );
  const ranked = em.createQueryBuilder(entity, 'r').select(['r.*', rank]).where(query.where);
  await ranked.applyFilters();
  const order = Object.fromEntries([
    ...query.groupBy.map((p) => [p, 'asc'] as const),
    ...query.newestFirst.map((p) => [p, 'desc'] as const),
  ]);
  return em
    .createQueryBuilder(entity, 'r')
    .from(ranked, 'r')
    .select('*')
    .where(`r.${RANK} <= ?`, [query.perGroup])
    .orderBy(order)
    .getResultList();
}
