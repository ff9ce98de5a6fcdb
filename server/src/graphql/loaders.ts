import DataLoader from 'dataloader';
import type { Em } from '../db/orm';
import {
  customerLists,
  type CustomerListBatch,
  type CustomerListItem,
  type CustomerListName,
} from '../modules/customer/customer-lists';
import {
  eventCountsOf,
  eventPagesOf,
  type EventFilter,
  type EventPage,
  type EventPageQuery,
} from '../modules/customer/customer-events.service';

/**
 * A request's DataLoaders, keyed by customer id: every customer's list is loaded in one query per
 * field however many customers the request shows. Each loader is made on first use; a request
 * that reads no nested list makes none.
 */
export interface Loaders {
  list<K extends CustomerListName>(name: K): DataLoader<string, Array<CustomerListItem<K>>>;
  /** One loader per distinct page request (arguments), batching the customers that share it. */
  eventPages(query: EventPageQuery): DataLoader<string, EventPage>;
  eventCounts(filter: EventFilter): DataLoader<string, number>;
  /** Any other batch by id (e.g. segment sizes): `name` identifies it within the request. */
  keyed<V>(name: string, batch: (ids: readonly string[]) => Promise<V[]>): DataLoader<string, V>;
}

/** The loaders of one request, over its workspace-scoped entity manager. */
export function createLoaders(em: Em): Loaders {
  const made = new Map<string, DataLoader<string, unknown>>();
  const loader = <V>(key: string, batch: (ids: readonly string[]) => Promise<V[]>) => {
    if (!made.has(key)) made.set(key, new DataLoader<string, V>(batch));
    return made.get(key) as DataLoader<string, V>;
  };
  return {
    list: <K extends CustomerListName>(name: K) =>
      loader(`list:${name}`, (ids) =>
        (customerLists[name] as CustomerListBatch<CustomerListItem<K>>)(em, ids),
      ),
    eventPages: (query) =>
      loader(`eventPages:${JSON.stringify(query)}`, (ids) => eventPagesOf(em, ids, query)),
    eventCounts: (filter) =>
      loader(`eventCounts:${JSON.stringify(filter)}`, (ids) => eventCountsOf(em, ids, filter)),
    keyed: (name, batch) => loader(`keyed:${name}`, batch),
  };
}
