import type { FilterQuery } from '@mikro-orm/core';
import { Customer } from '../../db/entities';
import { foldForSearch } from '../../db/search-text';
import type { Em } from '../../db/orm';
import { CairnError } from '../../errors/cairn-error';
import { olderThan } from '../../graphql/keyset-cursor';
import { decodeCustomerCursor, encodeCustomerCursor } from './customer.cursor';
import { readTogether } from '../../db/read-together';

export const MAX_PAGE_SIZE = 100;

export interface CustomerPageRequest {
  readonly first: number;
  readonly after?: string | null | undefined;
  readonly search?: string | null | undefined;
}

export interface CustomerPage {
  readonly edges: Array<{ cursor: string; node: Customer }>;
  readonly pageInfo: { hasNextPage: boolean; endCursor: string | null };
  readonly totalCount: number;
}

/** Customers of one workspace. Takes the (workspace-scoped) entity manager it is given. */
export class CustomerService {
  constructor(private readonly em: Em) {}

  get(id: string): Promise<Customer | null> {
    return this.em.findOne(Customer, { id });
  }

  /** A page of customers, newest first, optionally filtered by a search on email and name. */
  async list(request: CustomerPageRequest): Promise<CustomerPage> {
    const { first } = request;
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
      throw CairnError.badInput(['first'], `must be from 1 to ${MAX_PAGE_SIZE} (got ${first}).`);
    }
    const search = request.search?.trim() ?? '';
    if (search.length > 200)
      throw CairnError.badInput(['search'], 'must have at most 200 characters.');
    const matching = search === '' ? {} : searchCondition(search);
    const conditions: FilterQuery<Customer>[] = [matching];
    if (request.after) {
      const c = decodeCustomerCursor(request.after, ['after']);
      conditions.push(olderThan<Customer>('createdAt', { at: c.createdAt, id: c.id }));
    }
    const [rows, totalCount] = await readTogether(this.em, [
      () =>
        this.em.find(
          Customer,
          { $and: conditions },
          { orderBy: { createdAt: 'desc', id: 'desc' }, limit: first + 1 },
        ),
      () => this.em.count(Customer, matching),
    ]);
    const page = rows.slice(0, first);
    const edges = page.map((node) => ({ cursor: encodeCustomerCursor(node), node }));
    return {
      edges,
      pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount,
    };
  }
}

/**
 * "Contains" on the folded email and name, so case and accents never matter and both engines agree.
 * `%` and `_` in the search match themselves (or any one character).
 */
function searchCondition(search: string): FilterQuery<Customer> {
  return { searchText: { $like: `%${foldForSearch(search).replace(/[%_]/g, '_')}%` } };
}
