import type { EntityClass, FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import {
  ConsentRecord,
  CustomerMerge,
  Identity,
  Order,
  ScoreEntry,
  SegmentMembership,
  type Customer,
} from '../../db/entities';
import type { Em } from '../../db/orm';
import { findTopPerGroup } from '../../db/top-per-group';

/** Loads a list per customer for many customers in one query: one list per id, in the ids' order. */
export type CustomerListBatch<T> = (em: Em, customerIds: readonly string[]) => Promise<T[][]>;

/** The properties of `T` that point at the customer owning the row. */
type OwnerKey<T> = { [K in keyof T & string]: T[K] extends Customer ? K : never }[keyof T & string];

/** Splits `rows` into one list per customer id (in the order of `customerIds`), keeping their order. */
export function groupByCustomer<T>(
  customerIds: readonly string[],
  rows: readonly T[],
  ownerOf: (row: T) => Customer,
): T[][] {
  const lists = new Map(customerIds.map((id) => [id, [] as T[]]));
  for (const row of rows) lists.get(ownerOf(row).id)?.push(row);
  return customerIds.map((id) => lists.get(id)!);
}

/** The rows whose `owner` is one of the customers. */
function ownedBy<T>(owner: string, customerIds: readonly string[]): FilterQuery<T> {
  return { [owner]: { $in: [...customerIds] } } as FilterQuery<T>;
}

/** Every row the customers own, in `orderBy` order. */
function ownedRows<T extends object>(
  entity: EntityClass<T>,
  owner: OwnerKey<T>,
  orderBy: QueryOrderMap<T>,
): CustomerListBatch<T> {
  return async (em, customerIds) => {
    const rows = await em.find(entity, ownedBy<T>(owner, customerIds), { orderBy });
    return groupByCustomer(customerIds, rows, (row) => row[owner] as Customer);
  };
}

/** The latest row per customer and `key` (by `time`, then id), in `key` order. */
function latestPer<T extends { id: string; customer: Customer }>(
  entity: EntityClass<T>,
  key: keyof T & string,
  time: keyof T & string,
): CustomerListBatch<T> {
  return async (em, customerIds) => {
    const rows = await findTopPerGroup(em, entity, {
      where: ownedBy<T>('customer', customerIds),
      groupBy: ['customer', key],
      newestFirst: [time, 'id'],
      perGroup: 1,
    });
    return groupByCustomer(customerIds, rows, (row) => row.customer);
  };
}

/** The lists of a customer profile, each loaded for many customers in one query. */
export const customerLists = {
  identities: ownedRows(Identity, 'customer', { createdAt: 'asc', id: 'asc' }),
  orders: ownedRows(Order, 'customer', { occurredAt: 'desc', id: 'desc' }),
  /** The state: the latest record per channel. */
  consent: latestPer(ConsentRecord, 'channel', 'recordedAt'),
  consentHistory: ownedRows(ConsentRecord, 'customer', { recordedAt: 'desc', id: 'desc' }),
  /** The latest value per score model. */
  scores: latestPer(ScoreEntry, 'model', 'at'),
  segmentMemberships: ownedRows(SegmentMembership, 'customer', { segmentId: 'asc' }),
  merges: ownedRows(CustomerMerge, 'survivor', { mergedAt: 'desc', id: 'desc' }),
} satisfies Record<string, CustomerListBatch<object>>;

export type CustomerListName = keyof typeof customerLists;
export type CustomerListItem<K extends CustomerListName> = Awaited<
  ReturnType<(typeof customerLists)[K]>
>[number][number];
