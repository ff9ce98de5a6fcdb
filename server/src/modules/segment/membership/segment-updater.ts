import { LockMode } from '@mikro-orm/core';
import { BaseSqlitePlatform } from '@mikro-orm/knex';
import { affectedBy, nextChangeAt, type CustomerFacts, type DataChange } from '@cairn/schema';
import { Customer, type TransitionCause, type Workspace } from '../../../db/entities';
import type { Em } from '../../../db/orm';
import { loadCustomerFacts } from '../../../rules/customer-facts';
import { activeSegments, type LiveSegment } from './active-segments';
import { currentMembers, membershipDiff, writeMembershipChange } from './membership-writer';
import { writeRechecks } from './rechecks';

/** Per customer: the changes that arrived, or "all" (re-evaluate every segment: a merge, a re-check). */
export type ChangedCustomers = ReadonlyMap<string, readonly DataChange[] | 'all'>;

/**
 * Brings the memberships of the changed customers up to date, inside the caller's transaction:
 * only the segments whose rule reads what changed are evaluated (then, when a customer's
 * membership of a segment changes, the segments built on it), with the compiled rules on the
 * customers' facts at `now`. Each change is written with its transition; time-based segments get
 * the next instant each evaluated customer's result can change with the clock (`segment_rechecks`).
 * `only` restricts the first evaluations to some segments (the re-check worker); the segments
 * built on them still follow.
 */
export async function updateMemberships(
  em: Em,
  workspace: Workspace,
  changed: ChangedCustomers,
  now: Date,
  cause: TransitionCause,
  only?: ReadonlySet<string>,
): Promise<void> {
  if (changed.size === 0) return;
  const segments = await activeSegments(em);
  const work = new Map<string, Set<string>>();
  for (const s of segments) {
    const customers = new Set<string>();
    if (!only || only.has(s.segment.id)) {
      for (const [customerId, changes] of changed) {
        if (changes === 'all' || changes.some((c) => affectedBy(s.deps, c)))
          customers.add(customerId);
      }
    }
    work.set(s.segment.id, customers);
  }
  const involved = [...new Set([...work.values()].flatMap((set) => [...set]))];
  if (involved.length === 0) return;
  await lockCustomers(em, involved);
  // Loaded through a fork in the same transaction: the rows stay out of the caller's identity map.
  const facts = await loadCustomerFacts(em.fork({ keepTransactionContext: true }), involved);
  for (const s of segments) {
    const customers = [...(work.get(s.segment.id) ?? [])].filter((id) => facts.has(id));
    if (customers.length === 0) continue;
    const entered = await evaluate(em, workspace, s, customers, facts, now, cause);
    for (const customerId of entered) {
      // The segments built on this one read its membership: evaluate them for this customer too.
      for (const other of segments)
        if (other.deps.segmentIds.includes(s.segment.id))
          work.get(other.segment.id)?.add(customerId);
    }
  }
}

/** Evaluates one segment for some customers; returns the customers whose membership changed. */
async function evaluate(
  em: Em,
  workspace: Workspace,
  s: LiveSegment,
  customerIds: readonly string[],
  facts: Map<string, CustomerFacts>,
  now: Date,
  cause: TransitionCause,
): Promise<string[]> {
  const segmentId = s.segment.id;
  const options = { now: now.getTime() };
  const target = new Set(customerIds.filter((id) => s.compiled.evaluate(facts.get(id)!, options)));
  const current = await currentMembers(em, segmentId, customerIds);
  const change = membershipDiff(segmentId, current, target);
  await writeMembershipChange(em, workspace.id, change, now, cause);
  for (const id of change.entered) withSegments(facts, id, (list) => [...list, segmentId]);
  for (const id of change.exited)
    withSegments(facts, id, (list) => list.filter((x) => x !== segmentId));
  if (s.deps.timeDependent) {
    await writeRechecks(
      em,
      workspace.id,
      segmentId,
      customerIds.map((id) => ({
        customerId: id,
        at: nextChangeAt(s.segment.rule, facts.get(id)!, options),
      })),
    );
  }
  return [...change.entered, ...change.exited];
}

/** Keeps the facts' memberships in step as segments are evaluated in order. */
function withSegments(
  facts: Map<string, CustomerFacts>,
  id: string,
  update: (list: readonly string[]) => string[],
): void {
  const f = facts.get(id);
  if (f) facts.set(id, { ...f, segments: update(f.segments ?? []) });
}

/**
 * PostgreSQL: concurrent batches naming the same customer take turns (row locks on the customers,
 * in id order), so each sees the other's membership and no transition is recorded twice. SQLite
 * has one writer at a time.
 */
async function lockCustomers(em: Em, ids: readonly string[]): Promise<void> {
  if (em.getPlatform() instanceof BaseSqlitePlatform) return;
  await em.find(
    Customer,
    { id: { $in: [...ids].sort() } },
    { fields: ['id'], orderBy: { id: 'asc' }, lockMode: LockMode.PESSIMISTIC_WRITE },
  );
}
