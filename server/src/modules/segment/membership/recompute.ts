import type { Segment, Workspace } from '../../../db/entities';
import type { Em } from '../../../db/orm';
import { matchingCustomerIds } from '../../../rules/rule-query';
import {
  currentMembers,
  membershipDiff,
  writeMembershipChange,
  type MembershipChange,
} from './membership-writer';

/**
 * Recomputes a segment's whole membership in SQL at `now` (after its rule was saved), writes the
 * difference as transitions with cause "rule", and returns it. Segments whose rules reference this
 * one are recomputed by the caller, after it (see `segmentsToRecompute`).
 */
export async function recomputeSegment(
  em: Em,
  workspace: Workspace,
  segment: Segment,
  now: Date,
): Promise<MembershipChange> {
  const matching = await matchingCustomerIds(em, workspace.id, segment.rule, {
    now: now.getTime(),
  });
  const current = await currentMembers(em, segment.id);
  const change = membershipDiff(segment.id, current, new Set(matching));
  await writeMembershipChange(em, workspace.id, change, now, 'rule');
  segment.computedAt = now;
  return change;
}
