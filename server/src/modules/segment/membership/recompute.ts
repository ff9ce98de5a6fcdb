import { nextChangeAt } from '@cairn/schema';
import { Customer, type Workspace } from '../../../db/entities';
import type { Em } from '../../../db/orm';
import { loadCustomerFacts } from '../../../rules/customer-facts';
import { matchingCustomerIds } from '../../../rules/rule-query';
import type { LiveSegment } from './active-segments';
import {
  currentMembers,
  membershipDiff,
  writeMembershipChange,
  type MembershipChange,
} from './membership-writer';
import { writeRechecks } from './rechecks';

/** Customers whose facts are loaded at once when scheduling a time-based segment's re-checks. */
const FACTS_CHUNK = 500;

/**
 * Recomputes a segment's whole membership in SQL at `now` (after its rule was saved), writes the
 * difference as transitions with cause "rule", and, for a time-based rule, schedules every
 * customer's next re-check. Segments built on this one are the caller's to recompute after it.
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
  await writeMembershipChange(em, workspace.id, change, now, 'rule');
  if (s.deps.timeDependent) await scheduleAll(em, workspace, s, now);
  segment.computedAt = now;
  return change;
}

/** Every customer's next re-check for a time-based segment, a chunk of customers at a time. */
async function scheduleAll(em: Em, workspace: Workspace, s: LiveSegment, now: Date): Promise<void> {
  let after = '';
  for (;;) {
    // A fork per chunk (in the same transaction) keeps the loaded rows out of the caller's identity map.
    const chunkEm = em.fork({ keepTransactionContext: true });
    const ids = (
      await chunkEm.find(
        Customer,
        { id: { $gt: after } },
        { fields: ['id'], orderBy: { id: 'asc' }, limit: FACTS_CHUNK },
      )
    ).map((c) => c.id);
    if (ids.length === 0) return;
    const facts = await loadCustomerFacts(chunkEm, ids);
    const next = ids.map((id) => ({
      customerId: id,
      at: nextChangeAt(s.segment.rule, facts.get(id)!, { now: now.getTime() }),
    }));
    await writeRechecks(em, workspace.id, s.segment.id, next);
    after = ids.at(-1)!;
  }
}
