import { nextChangeAt } from '@cairn/schema';
import { Customer, SegmentRecheck, type Workspace } from '../../../db/entities';
import type { Em } from '../../../db/orm';
import { matchingCustomerIds } from '../../../rules/rule-query';
import type { LiveSegment } from './active-segments';
import { factNeeds, loadLiveFacts } from './live-facts';
import {
  currentMembers,
  membershipDiff,
  writeMembershipChanges,
  type MembershipChange,
} from './membership-writer';
import { writeRechecks, type WantedRecheck } from './rechecks';

/** Customers whose facts are loaded at once when scheduling a time-based segment's re-checks. */
const SCAN_CHUNK = 5_000;

/**
 * Recomputes a segment's whole membership in SQL at `now` (after its rule was saved), writes the
 * difference as transitions with cause "rule", and replaces the segment's re-checks: for a
 * time-based rule, every customer's next one. Segments built on this one are the caller's to
 * recompute after it.
 */
export async function recomputeSegment(
  em: Em,
  workspace: Workspace,
  s: LiveSegment,
  now: Date,
): Promise<MembershipChange> {
  const { segment } = s;
  const matching = await matchingCustomerIds(em, workspace.id, segment.rule, {
    now: now.getTime(),
  });
  const current = await currentMembers(em, segment.id);
  const change = membershipDiff(segment.id, current, new Set(matching));
  await writeMembershipChanges(em, workspace.id, [change], now, 'rule');
  await em.nativeDelete(SegmentRecheck, { segmentId: segment.id });
  if (s.deps.timeDependent) await scheduleAll(em, workspace, s, now);
  segment.computedAt = now;
  return change;
}

/**
 * Every customer's next re-check for a time-based segment: the customers `SCAN_CHUNK` at a time
 * in id order, with only the facts the rule reads, loaded as rows (no entities); only the finite
 * re-checks are written.
 */
async function scheduleAll(em: Em, workspace: Workspace, s: LiveSegment, now: Date): Promise<void> {
  const needs = factNeeds([s.deps], s.deps.segmentIds, []);
  let after = '';
  for (;;) {
    const ids = await idsAfter(em, after);
    const customers = await loadLiveFacts(em, workspace.id, ids, needs);
    const rechecks: WantedRecheck[] = [];
    for (const [customerId, c] of customers) {
      const options = { now: now.getTime(), ...(c.timeZone ? { timeZone: c.timeZone } : {}) };
      const at = nextChangeAt(s.segment.rule, c.facts, options);
      if (at !== null) rechecks.push({ segmentId: s.segment.id, customerId, at });
    }
    await writeRechecks(em, workspace.id, rechecks);
    if (ids.length < SCAN_CHUNK) return;
    after = ids.at(-1)!;
  }
}

/** The ids of the next `SCAN_CHUNK` customers after `after`, in order. */
async function idsAfter(em: Em, after: string): Promise<string[]> {
  const qb = em
    .createQueryBuilder(Customer)
    .select('id')
    .where({ id: { $gt: after } })
    .orderBy({ id: 'asc' })
    .limit(SCAN_CHUNK);
  await qb.applyFilters();
  return (await qb.execute<Array<{ id: string }>>('all')).map((r) => r.id);
}
