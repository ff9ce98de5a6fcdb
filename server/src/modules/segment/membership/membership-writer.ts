import { SegmentMembership, SegmentTransition, type TransitionCause } from '../../../db/entities';
import { newId } from '../../../db/ids';
import type { Em } from '../../../db/orm';

/** Rows per multi-row statement (SQLite caps compound SELECTs at 500 terms). */
const CHUNK = 400;

export interface MembershipChange {
  readonly segmentId: string;
  readonly entered: readonly string[];
  readonly exited: readonly string[];
}

/**
 * Writes a segment's membership changes and records each as a transition (entered/exited, when,
 * why). Entering is idempotent (a member already present is left alone).
 */
export async function writeMembershipChange(
  em: Em,
  workspaceId: string,
  change: MembershipChange,
  at: Date,
  cause: TransitionCause,
): Promise<void> {
  const { segmentId, entered, exited } = change;
  for (let i = 0; i < entered.length; i += CHUNK) {
    const rows = entered.slice(i, i + CHUNK).map((customer) => ({
      id: newId(),
      workspace: workspaceId,
      segmentId,
      customer,
      enteredAt: at,
    }));
    await em
      .createQueryBuilder(SegmentMembership)
      .insert(rows)
      .onConflict(['segmentId', 'customer'])
      .ignore()
      .execute();
  }
  for (let i = 0; i < exited.length; i += CHUNK) {
    await em.nativeDelete(SegmentMembership, {
      segmentId,
      customer: { $in: exited.slice(i, i + CHUNK) },
    });
  }
  const transitions = [
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
  }));
  for (let i = 0; i < transitions.length; i += CHUNK) {
    await em.insertMany(SegmentTransition, transitions.slice(i, i + CHUNK));
  }
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
  else
    for (let i = 0; i < customerIds.length; i += CHUNK)
      await load({ customer: { $in: customerIds.slice(i, i + CHUNK) } });
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
