import { SegmentMembership, SegmentTransition, type TransitionCause } from '../../../db/entities';
import { chunks } from '../../../db/chunks';
import { newId } from '../../../db/ids';
import type { Em } from '../../../db/orm';
import { journeysOnSegmentChange } from '../../journey/runtime/on-segment-change';

export interface MembershipChange {
  readonly segmentId: string;
  readonly entered: readonly string[];
  readonly exited: readonly string[];
}

/**
 * Writes segments' membership changes and records each as a transition (entered/exited, when,
 * why): one multi-row INSERT per 400 entries and per 400 transitions across all the segments,
 * one DELETE per segment with exits. Entering is idempotent (a member already present is left
 * alone).
 */
export async function writeMembershipChanges(
  em: Em,
  workspaceId: string,
  changes: readonly MembershipChange[],
  at: Date,
  cause: TransitionCause,
): Promise<void> {
  const entries = changes.flatMap(({ segmentId, entered }) =>
    entered.map((customer) => ({
      id: newId(),
      workspace: workspaceId,
      segmentId,
      customer,
      enteredAt: at,
    })),
  );
  for (const rows of chunks(entries)) {
    await em
      .createQueryBuilder(SegmentMembership)
      .insert(rows)
      .onConflict(['segmentId', 'customer'])
      .ignore()
      .execute();
  }
  for (const { segmentId, exited } of changes) {
    for (const chunk of chunks(exited))
      await em.nativeDelete(SegmentMembership, { segmentId, customer: { $in: chunk } });
  }
  const transitions = changes.flatMap(({ segmentId, entered, exited }) =>
    [
      ...entered.map((customer) => ({ customer, kind: 'entered' as const })),
      ...exited.map((customer) => ({ customer, kind: 'exited' as const })),
    ].map((t) => ({
      id: newId(),
      workspace: workspaceId,
      segmentId,
      customer: t.customer,
      kind: t.kind,
      cause,
      at,
    })),
  );
  for (const chunk of chunks(transitions)) await em.insertMany(SegmentTransition, chunk);
  for (const change of changes) await journeysOnSegmentChange(em, workspaceId, change, at);
}

/** Which of `customerIds` (all of the segment's members when omitted) are members now. */
export async function currentMembers(
  em: Em,
  segmentId: string,
  customerIds?: readonly string[],
): Promise<Set<string>> {
  const members = new Set<string>();
  const load = async (where: object) => {
    const qb = em
      .createQueryBuilder(SegmentMembership)
      .select('customer')
      .where({ segmentId, ...where });
    await qb.applyFilters();
    for (const row of await qb.execute<Array<{ customer_id?: string; customer?: string }>>(
      'all',
      true,
    )) {
      members.add((row.customer ?? row.customer_id)!);
    }
  };
  if (customerIds === undefined) await load({});
  else for (const chunk of chunks(customerIds)) await load({ customer: { $in: chunk } });
  return members;
}

/** The change that makes `current` equal `target`, for the customers considered. */
export function membershipDiff(
  segmentId: string,
  current: ReadonlySet<string>,
  target: ReadonlySet<string>,
): MembershipChange {
  return {
    segmentId,
    entered: [...target].filter((id) => !current.has(id)),
    exited: [...current].filter((id) => !target.has(id)),
  };
}
