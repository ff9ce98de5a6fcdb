import { raw, type ObjectQuery } from '@mikro-orm/core';
import { Event } from '../../db/entities';
import type { Em } from '../../db/orm';
import { findTopPerGroup } from '../../db/top-per-group';
import { CairnError } from '../../errors/cairn-error';
import { keysetCursor, olderThan, type KeysetPosition } from '../../graphql/keyset-cursor';
import type { PageInfo } from '../../graphql/page-info.type';
import { groupByCustomer } from './customer-lists';
import type { EventPageArgs } from './customer-events.input';

export const MAX_EVENT_PAGE_SIZE = 100;
export const MAX_EVENT_NAMES = 100;

const eventCursor = keysetCursor('event.v1');

/** Which events count: by name (null: any) and by time, `from` included, `to` excluded. */
export interface EventFilter {
  readonly names: readonly string[] | null;
  readonly from: Date | null;
  readonly to: Date | null;
}

/** A validated `Customer.events` request; equal requests serialize to equal JSON (the loader key). */
export interface EventPageQuery {
  readonly first: number;
  readonly after: KeysetPosition | null;
  readonly filter: EventFilter;
}

export interface EventPage {
  readonly edges: Array<{ cursor: string; node: Event }>;
  readonly pageInfo: PageInfo;
}

/** Checks the arguments of `Customer.events`: BAD_USER_INPUT or INVALID_CURSOR at the argument. */
export function readEventPageArgs(args: EventPageArgs): EventPageQuery {
  const { first, names = null, from = null, to = null } = args;
  if (!Number.isInteger(first) || first < 1 || first > MAX_EVENT_PAGE_SIZE) {
    throw CairnError.badInput(
      ['first'],
      `must be from 1 to ${MAX_EVENT_PAGE_SIZE} (got ${first}).`,
    );
  }
  if (names && names.length > MAX_EVENT_NAMES) {
    throw CairnError.badInput(['names'], `takes at most ${MAX_EVENT_NAMES} names.`);
  }
  if (from && to && from.getTime() >= to.getTime()) {
    throw CairnError.badInput(['to'], 'must be later than `from`.');
  }
  const after = args.after ? eventCursor.decode(args.after, ['after']) : null;
  return { first, after, filter: { names: names ? [...new Set(names)].sort() : null, from, to } };
}

function filterCondition(customerIds: readonly string[], filter: EventFilter): ObjectQuery<Event> {
  return {
    customer: { $in: [...customerIds] },
    ...(filter.names ? { name: { $in: [...filter.names] } } : {}),
    ...(filter.from || filter.to
      ? {
          occurredAt: {
            ...(filter.from ? { $gte: filter.from } : {}),
            ...(filter.to ? { $lt: filter.to } : {}),
          },
        }
      : {}),
  };
}

/** One page of each customer's timeline (newest first), for all the customers in one query. */
export async function eventPagesOf(
  em: Em,
  customerIds: readonly string[],
  query: EventPageQuery,
): Promise<EventPage[]> {
  const matching = filterCondition(customerIds, query.filter);
  const rows = await findTopPerGroup<Event>(em, Event, {
    where: query.after
      ? { $and: [matching, olderThan<Event>('occurredAt', query.after)] }
      : matching,
    groupBy: ['customer'],
    newestFirst: ['occurredAt', 'id'],
    perGroup: query.first + 1,
  });
  return groupByCustomer(customerIds, rows, (e) => e.customer).map((events) => {
    const edges = events.slice(0, query.first).map((node) => ({
      cursor: eventCursor.encode({ at: node.occurredAt, id: node.id }),
      node,
    }));
    const pageInfo = {
      hasNextPage: events.length > query.first,
      endCursor: edges.at(-1)?.cursor ?? null,
    };
    return { edges, pageInfo };
  });
}

/** How many events of each customer match `filter`, in one grouped query. */
export async function eventCountsOf(
  em: Em,
  customerIds: readonly string[],
  filter: EventFilter,
): Promise<number[]> {
  const qb = em
    .createQueryBuilder(Event, 'e')
    .select(['e.customer', raw('count(*) as total')])
    .where(filterCondition(customerIds, filter))
    .groupBy('e.customer');
  await qb.applyFilters();
  const rows = await qb.execute<Array<{ customer: string; total: number | string }>>('all');
  const counts = new Map(rows.map((r) => [r.customer, Number(r.total)]));
  return customerIds.map((id) => counts.get(id) ?? 0);
}
