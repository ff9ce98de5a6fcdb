import { JsonType, LockMode, type EntityName, type FilterQuery } from '@mikro-orm/core';
import { BaseSqlitePlatform } from '@mikro-orm/knex';
import type { Em } from '../../db/orm';

/** How many rows one query reads; exports and erasures page through a customer's history. */
export const PAGE_SIZE = 1000;

/** One row as plain data: property names and JavaScript types (Dates, parsed JSON), not an entity. */
export type PlainRow = Record<string, unknown>;

/**
 * Parses the JSON properties of rows read by a query builder: SQLite returns their text (the
 * entity hydrator would parse it, but plain rows skip the hydrator), PostgreSQL the parsed jsonb.
 */
export function parseJson(em: Em, entity: EntityName<object>, rows: PlainRow[]): PlainRow[] {
  const json = em
    .getMetadata()
    .find(entity)!
    .props.filter((prop) => prop.customType instanceof JsonType)
    .map((prop) => prop.name);
  for (const row of rows)
    for (const name of json) {
      const value = row[name];
      if (typeof value === 'string') row[name] = JSON.parse(value);
    }
  return rows;
}

/**
 * The rows of one entity that match `where` and the workspace scope, a page at a time, as plain
 * objects: nothing enters the identity map, so a customer with 100,000 events never needs 100,000
 * managed entities. Pages follow the keyset (`timeField`, id), which the (customer, time, id)
 * indexes serve without sorting; the scope filter is applied on top of the explicit condition.
 */
export async function* plainRowPages(
  em: Em,
  entity: EntityName<object>,
  where: FilterQuery<object>,
  timeField: string,
  pageSize: number = PAGE_SIZE,
): AsyncGenerator<PlainRow[]> {
  let after: PlainRow | undefined;
  for (;;) {
    const qb = em
      .createQueryBuilder(entity)
      .select('*')
      .where(where)
      .orderBy({ [timeField]: 'asc', id: 'asc' })
      .limit(pageSize);
    if (after) {
      const time = after[timeField];
      qb.andWhere({
        $or: [{ [timeField]: { $gt: time } }, { [timeField]: time, id: { $gt: after['id'] } }],
      });
    }
    await qb.applyFilters();
    const rows = parseJson(em, entity, await qb.execute<PlainRow[]>('all', true));
    if (rows.length > 0) yield rows;
    if (rows.length < pageSize) return;
    after = rows.at(-1);
  }
}

/** Every matching row, read page by page (for the small per-customer tables). */
export async function plainRows(
  em: Em,
  entity: EntityName<object>,
  where: FilterQuery<object>,
  timeField: string,
): Promise<PlainRow[]> {
  const all: PlainRow[] = [];
  for await (const page of plainRowPages(em, entity, where, timeField)) all.push(...page);
  return all;
}

/**
 * The one row matching `where` (and the scope) as plain data, or undefined. `lock` takes a row
 * lock (`for update`) on PostgreSQL, inside the caller's transaction; SQLite has one writer at a
 * time, so there is nothing to lock.
 */
export async function plainRow(
  em: Em,
  entity: EntityName<object>,
  where: FilterQuery<object>,
  options: { readonly lock?: boolean } = {},
): Promise<PlainRow | undefined> {
  const qb = em.createQueryBuilder(entity).select('*').where(where).limit(1);
  if (options.lock && !(em.getPlatform() instanceof BaseSqlitePlatform))
    qb.setLockMode(LockMode.PESSIMISTIC_WRITE);
  await qb.applyFilters();
  const rows = parseJson(em, entity, await qb.execute<PlainRow[]>('all', true));
  return rows[0];
}
