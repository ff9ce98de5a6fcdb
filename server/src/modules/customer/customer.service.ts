import { UniqueConstraintViolationException, type FilterQuery } from '@mikro-orm/core';
import type { Problem } from '@cairn/schema';
import { Customer, type Workspace } from '../../db/entities';
import { foldForSearch } from '../../db/search-text';
import type { Em } from '../../db/orm';
import { CairnError } from '../../errors/cairn-error';
import { decodeCustomerCursor, encodeCustomerCursor } from './customer.cursor';
import type { CustomerInput } from './customer.input';
import {
  MAX_UPSERT_BATCH,
  mergeTraits,
  normalizeEmail,
  sameJson,
  validateEmail,
  validateTraits,
} from './customer.validation';

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

export type UpsertOutcome =
  | {
      readonly index: number;
      readonly status: 'CREATED' | 'UPDATED' | 'UNCHANGED';
      readonly customer: Customer;
    }
  | { readonly index: number; readonly status: 'FAILED'; readonly problems: Problem[] };

/** Customers of one workspace. Takes the (workspace-scoped) entity manager it is given. */
export class CustomerService {
  constructor(
    private readonly em: Em,
    private readonly workspace: Workspace,
  ) {}

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
      conditions.push({
        $or: [{ createdAt: { $lt: c.createdAt } }, { createdAt: c.createdAt, id: { $lt: c.id } }],
      });
    }
    const [rows, totalCount] = await Promise.all([
      this.em.find(
        Customer,
        { $and: conditions },
        { orderBy: { createdAt: 'desc', id: 'desc' }, limit: first + 1 },
      ),
      this.em.count(Customer, matching),
    ]);
    const page = rows.slice(0, first);
    const edges = page.map((node) => ({ cursor: encodeCustomerCursor(node), node }));
    return {
      edges,
      pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount,
    };
  }

  /**
   * Creates or updates customers, one result per item. Invalid items are reported with the path
   * of the offending field and never stop the valid ones, which are written in one transaction.
   */
  async upsert(inputs: readonly CustomerInput[]): Promise<UpsertOutcome[]> {
    if (inputs.length > MAX_UPSERT_BATCH) {
      throw CairnError.badInput(
        ['input'],
        `takes at most ${MAX_UPSERT_BATCH} items (got ${inputs.length}); split the batch.`,
      );
    }
    const prepared = inputs.map((input, index) => prepare(input, index));
    const ids = prepared.flatMap((p) => (p.ok && p.id ? [p.id] : []));
    const emails = prepared.flatMap((p) => (p.ok && p.email ? [p.email] : []));
    const existing = await this.em.find(Customer, {
      $or: [{ id: { $in: ids } }, { email: { $in: emails } }],
    });
    const byId = new Map(existing.map((c) => [c.id, c]));
    const byEmail = new Map(existing.flatMap((c) => (c.email ? [[c.email, c] as const] : [])));

    const outcomes = prepared.map((p): UpsertOutcome => {
      if (!p.ok) return { index: p.index, status: 'FAILED', problems: p.problems };
      return this.apply(p, byId, byEmail);
    });
    try {
      await this.em.flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        throw new CairnError(
          'CONFLICT',
          'Another request wrote a customer with the same email at the same time. Send the batch again.',
        );
      }
      throw error;
    }
    return outcomes;
  }

  private apply(
    p: PreparedItem,
    byId: Map<string, Customer>,
    byEmail: Map<string, Customer>,
  ): UpsertOutcome {
    const { index } = p;
    const found = p.id ? byId.get(p.id) : p.email ? byEmail.get(p.email) : undefined;
    if (p.id && !found) {
      return fail(index, {
        code: 'NOT_FOUND',
        path: ['input', index, 'id'],
        message: `No customer with id "${p.id}" in this workspace; omit id to create one.`,
      });
    }
    const owner = p.email ? byEmail.get(p.email) : undefined;
    if (found && owner && owner !== found) {
      return fail(index, {
        code: 'CONFLICT',
        path: ['input', index, 'email'],
        message: `Email "${p.email}" already belongs to customer ${owner.id}.`,
      });
    }
    if (!found) {
      const customer = this.em.create(Customer, {
        workspace: this.workspace,
        email: p.email ?? null,
        traits: mergeTraits({}, p.traits),
      });
      if (p.email) byEmail.set(p.email, customer);
      return { index, status: 'CREATED', customer };
    }
    const traits = mergeTraits(found.traits, p.traits);
    const email = p.email ?? found.email ?? null;
    if (sameJson(traits, found.traits) && email === (found.email ?? null)) {
      return { index, status: 'UNCHANGED', customer: found };
    }
    if (found.email && found.email !== email) byEmail.delete(found.email);
    if (email) byEmail.set(email, found);
    found.traits = traits;
    found.email = email;
    return { index, status: 'UPDATED', customer: found };
  }
}

type PreparedItem = {
  ok: true;
  index: number;
  id?: string;
  email?: string;
  traits: Record<string, unknown>;
};

function prepare(
  input: CustomerInput,
  index: number,
): PreparedItem | { ok: false; index: number; problems: Problem[] } {
  const email = normalizeEmail(input.email);
  const traits = input.traits ?? {};
  const problems = [
    ...(email === undefined ? [] : validateEmail(email, ['input', index, 'email'])),
    ...validateTraits(traits, ['input', index, 'traits']),
  ];
  if (problems.length > 0) return { ok: false, index, problems };
  return {
    ok: true,
    index,
    traits,
    ...(input.id ? { id: input.id } : {}),
    ...(email ? { email } : {}),
  };
}

function fail(index: number, problem: Problem): UpsertOutcome {
  return { index, status: 'FAILED', problems: [problem] };
}

/**
 * "Contains" on the folded email and name, so case and accents never matter and both engines agree.
 * `%` and `_` in the search match themselves (or any one character).
 */
function searchCondition(search: string): FilterQuery<Customer> {
  return { searchText: { $like: `%${foldForSearch(search).replace(/[%_]/g, '_')}%` } };
}
