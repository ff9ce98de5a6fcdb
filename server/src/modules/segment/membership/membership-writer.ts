import { insertRows, insertStatement } from '../../../db/bulk-insert';
import { runStatement, type DriverStatement } from '../../../db/driver-sql';
import { SegmentMembership, type TransitionCause } from '../../../db/entities';
import { chunks } from '../../../db/chunks';
import { newId } from '../../../db/ids';
import type { Em } from '../../../db/orm';
import { journeysOnSegmentChange } from '../../journey/runtime/on-segment-change';

export interface MembershipChange {
  readonly segmentId: string;
  readonly entered: readonly string[];
  readonly exited: readonly string[];
}

const INSERT_MEMBERSHIP = insertStatement({
  table: 'segment_memberships',
  columns: [
    ['id', 'varchar'],
    ['workspace_id', 'varchar'],
    ['segment_id', 'varchar'],
    ['customer_id', 'varchar'],
    ['entered_at', 'timestamptz'],
  ],
  ignoreConflictOn: ['segment_id', 'customer_id'],
});

const DELETE_MEMBERSHIP: DriverStatement = {
  sqlite: `delete from "segment_memberships"
    where "segment_id" = ? and "customer_id" = ? and +"workspace_id" = ?`,
  postgres: `delete from "segment_memberships" m
    using unnest($1::varchar[], $2::varchar[]) as d("segment_id", "customer_id")
    where m."segment_id" = d."segment_id" and m."customer_id" = d."customer_id"
      and m."workspace_id" = $3`,
};

const INSERT_TRANSITION = insertStatement({
  table: 'segment_transitions',
  columns: [
    ['id', 'varchar'],
    ['workspace_id', 'varchar'],
    ['segment_id', 'varchar'],
    ['customer_id', 'varchar'],
    ['kind', 'varchar'],
    ['cause', 'varchar'],
    ['at', 'timestamptz'],
  ],
});

/**
 * Writes segments' membership changes and records each as a transition (entered/exited, when,
 * why): one statement each for the entries, the exits and the transitions of all the segments
 * (prepared statements through the driver: a batch of events changes a few memberships of many
 * segments). Entering is idempotent (a member already present is left alone).
 */
export async function writeMembershipChanges(
  em: Em,
  workspaceId: string,
  changes: readonly MembershipChange[],
  at: Date,
  cause: TransitionCause,
): Promise<void> {
  const entered = changes.flatMap(({ segmentId, entered }) =>
    entered.map((customer) => [segmentId, customer] as const),
  );
  const exited = changes.flatMap(({ segmentId, exited }) =>
    exited.map((customer) => [segmentId, customer] as const),
  );
  await insertRows(
    em,
    INSERT_MEMBERSHIP,
    entered.map(([segmentId, customer]) => [newId(), workspaceId, segmentId, customer, at]),
  );
  if (exited.length > 0)
    await runStatement(
      em,
      DELETE_MEMBERSHIP,
      () => exited.map(([segmentId, customer]) => [segmentId, customer, workspaceId]),
      () => [exited.map(([s]) => s), exited.map(([, c]) => c), workspaceId],
    );
  const transitions = changes.flatMap(({ segmentId, entered, exited }) => [
    ...entered.map((customer) => [segmentId, customer, 'entered'] as const),
    ...exited.map((customer) => [segmentId, customer, 'exited'] as const),
  ]);
  await insertRows(
    em,
    INSERT_TRANSITION,
    transitions.map(([segmentId, customer, kind]) => [
      newId(),
      workspaceId,
      segmentId,
      customer,
      kind,
      cause,
      at,
    ]),
  );
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
