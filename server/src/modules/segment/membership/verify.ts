import { SegmentRecheck, type Segment, type Workspace } from '../../../db/entities';
import type { Em } from '../../../db/orm';
import { matchingCustomerIds } from '../../../rules/rule-query';
import { currentMembers } from './membership-writer';

/** How a segment's stored membership compares with its rule evaluated from scratch. */
export interface SegmentDrift {
  readonly segmentId: string;
  /** Customers the rule selects now (SQL, from scratch). */
  readonly matching: number;
  /** Customers stored as members. */
  readonly members: number;
  /** Selected but not stored, and stored but not selected: drift, unless a re-check is already due. */
  readonly missing: readonly string[];
  readonly extra: readonly string[];
  /** Of those, the ones whose re-check is due (the worker has yet to run it): expected, not drift. */
  readonly pending: readonly string[];
}

/**
 * The verifier: evaluates a segment's rule from scratch in SQL at `now` and compares it with the
 * membership the incremental engine maintains. Read-only; safe on a live workspace. The model
 * test runs the same comparison after every step.
 */
export async function verifySegment(
  em: Em,
  workspace: Workspace,
  segment: Segment,
  now: Date,
): Promise<SegmentDrift> {
  const matching = new Set(
    await matchingCustomerIds(em, workspace.id, segment.rule, { now: now.getTime() }),
  );
  const members = await currentMembers(em, segment.id);
  const missing = [...matching].filter((id) => !members.has(id));
  const extra = [...members].filter((id) => !matching.has(id));
  const differing = [...missing, ...extra];
  const due =
    differing.length === 0
      ? []
      : await em.find(
          SegmentRecheck,
          { segmentId: segment.id, customer: { $in: differing }, dueAt: { $lte: now } },
          { fields: ['customer'] },
        );
  const pending = new Set(due.map((r) => r.customer.id));
  return {
    segmentId: segment.id,
    matching: matching.size,
    members: members.size,
    missing: missing.filter((id) => !pending.has(id)),
    extra: extra.filter((id) => !pending.has(id)),
    pending: [...pending],
  };
}
