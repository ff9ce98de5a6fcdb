import { raw } from '@mikro-orm/core';
import type { FilterQuery } from '@mikro-orm/core';
import { explain, type CustomerFacts } from '@cairn/schema';
import { Customer, Segment, SegmentMembership, type Workspace } from '../../db/entities';
import type { Em } from '../../db/orm';
import { CairnError } from '../../errors/cairn-error';
import { keysetCursor, olderThan } from '../../graphql/keyset-cursor';
import { loadCustomerFacts } from '../../rules/customer-facts';
import { countAndNewestMatchingCustomers } from '../../rules/rule-query';
import { checkSegmentRule } from './segment-rules';
import { readTogether } from '../../db/read-together';

const MAX_PAGE = 100;
const memberCursor = keysetCursor('member.v1');

/** Reads of segment membership, all answered from the membership table (no rule is evaluated). */
export class SegmentMembersService {
  constructor(
    private readonly em: Em,
    private readonly workspace: Workspace,
  ) {}

  /** Members, most recently entered first, with keyset paging. */
  async members(segmentId: string, first: number, after: string | null) {
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) {
      throw CairnError.badInput(['first'], `must be from 1 to ${MAX_PAGE} (got ${first}).`);
    }
    const position = after ? memberCursor.decode(after, ['after']) : undefined;
    const where: FilterQuery<SegmentMembership> = position
      ? { $and: [{ segmentId }, olderThan<SegmentMembership>('enteredAt', position)] }
      : { segmentId };
    const [rows, totalCount] = await readTogether(this.em, [
      () =>
        this.em.find(SegmentMembership, where, {
          orderBy: { enteredAt: 'desc', id: 'desc' },
          limit: first + 1,
          populate: ['customer'],
        }),
      () => this.em.count(SegmentMembership, { segmentId }),
    ]);
    const page = rows.slice(0, first);
    const edges = page.map((m) => ({
      cursor: memberCursor.encode({ at: m.enteredAt, id: m.id }),
      node: m.customer,
      enteredAt: m.enteredAt,
    }));
    return {
      edges,
      pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount,
    };
  }

  /** Member counts of several segments, in one query. */
  async sizes(segmentIds: readonly string[]): Promise<number[]> {
    const qb = this.em
      .createQueryBuilder(SegmentMembership)
      .select(['segmentId', raw('count(*) as size')])
      .where({ segmentId: { $in: [...segmentIds] } })
      .groupBy('segmentId');
    await qb.applyFilters();
    const rows = await qb.execute<
      Array<{ segment_id?: string; segmentId?: string; size: number | string }>
    >('all', true);
    const sizes = new Map(rows.map((r) => [(r.segmentId ?? r.segment_id)!, Number(r.size)]));
    return segmentIds.map((id) => sizes.get(id) ?? 0);
  }

  async isMember(customerId: string, segmentId: string): Promise<boolean> {
    return (await this.em.count(SegmentMembership, { segmentId, customer: customerId })) > 0;
  }

  /** Why the customer is, or is not, in the segment: the rule evaluated now, node by node. */
  async explain(segmentId: string, customerId: string, now: Date) {
    const [segment, customer] = await readTogether(this.em, [
      () => this.em.findOne(Segment, { id: segmentId }),
      () => this.em.findOne(Customer, { id: customerId }),
    ]);
    if (!segment)
      throw new CairnError('NOT_FOUND', `No segment with id "${segmentId}" in this workspace.`, [
        'segmentId',
      ]);
    if (!customer)
      throw new CairnError('NOT_FOUND', `No customer with id "${customerId}" in this workspace.`, [
        'customerId',
      ]);
    const facts = (await loadCustomerFacts(this.em, [customerId])).get(customerId) as CustomerFacts;
    const explanation = explain(segment.rule, facts, {
      now: now.getTime(),
      ...(customer.timeZone ? { timeZone: customer.timeZone } : {}),
    });
    return {
      member: await this.isMember(customerId, segmentId),
      result: explanation.result,
      explanation: explanation as unknown as Record<string, unknown>,
    };
  }

  /** The audience of an unsaved rule, computed in SQL: its size and a sample (the newest matches). */
  async preview(rule: unknown, sampleSize: number, now: Date) {
    if (!Number.isInteger(sampleSize) || sampleSize < 0 || sampleSize > 50)
      throw CairnError.badInput(['sampleSize'], 'must be from 0 to 50.');
    const checked = await checkSegmentRule(this.em, rule);
    if (!checked.ok) return { count: null, sample: [], problems: checked.problems, warnings: [] };
    const options = { now: now.getTime() };
    const { count, ids: sampleIds } = await countAndNewestMatchingCustomers(
      this.em,
      this.workspace.id,
      checked.rule,
      options,
      sampleSize,
    );
    const sample =
      sampleIds.length === 0
        ? []
        : await this.em.find(
            Customer,
            { id: { $in: sampleIds } },
            { orderBy: { createdAt: 'desc', id: 'desc' } },
          );
    return { count, sample, problems: [], warnings: checked.warnings };
  }
}
