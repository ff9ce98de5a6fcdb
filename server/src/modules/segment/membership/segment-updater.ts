import { LockMode } from '@mikro-orm/core';
import { BaseSqlitePlatform } from '@mikro-orm/knex';
import { affectedBy, nextChangeAt, type DataChange } from '@cairn/schema';
import { Customer, type TransitionCause, type Workspace } from '../../../db/entities';
import type { Em } from '../../../db/orm';
import { activeSegments, type LiveSegment } from './active-segments';
import { factNeeds, loadLiveFacts, type LiveCustomer } from './live-facts';
import { writeMembershipChanges, type MembershipChange } from './membership-writer';
import { writeRechecks, type WantedRecheck } from './rechecks';

/** Per customer: the changes that arrived, or "all" (re-evaluate every segment: a merge, a re-check). */
export type ChangedCustomers = ReadonlyMap<string, readonly DataChange[] | 'all'>;

/**
 * Brings the memberships of the changed customers up to date, inside the caller's transaction:
 * only the segments whose rule reads what changed are evaluated (then, when a customer's
 * membership of a segment changes, the segments built on it), with the compiled rules on the
 * customers' facts at `now` in each customer's time zone. Each change is written with its
 * transition; time-based segments get the next instant each evaluated customer's result can
 * change with the clock (`segment_rechecks`, rewritten only where it moved). `only` restricts the
 * first evaluations to some segments (the re-check worker); the segments built on them still
 * follow.
 *
 * Cost: one query per kind of fact the active rules read (events of their names only, memberships
 * and re-checks included), the evaluations in memory, then a few multi-row writes for the whole
 * batch, whatever the number of segments.
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
  const customers = await loadLiveFacts(
    em,
    workspace.id,
    involved,
    factNeeds(
      segments.map((s) => s.deps),
      segments.map((s) => s.segment.id),
      segments.filter((s) => s.deps.timeDependent).map((s) => s.segment.id),
    ),
  );
  const changes: MembershipChange[] = [];
  const rechecks: WantedRecheck[] = [];
  for (const s of segments) {
    const ids = [...(work.get(s.segment.id) ?? [])].filter((id) => customers.has(id));
    if (ids.length === 0) continue;
    const change = evaluate(s, ids, customers, now, rechecks);
    if (change.entered.length + change.exited.length === 0) continue;
    changes.push(change);
    for (const customerId of [...change.entered, ...change.exited]) {
      // The segments built on this one read its membership: evaluate them for this customer too.
      for (const other of segments)
        if (other.deps.segmentIds.includes(s.segment.id))
          work.get(other.segment.id)?.add(customerId);
    }
  }
  await writeMembershipChanges(em, workspace.id, changes, now, cause);
  await writeRechecks(em, workspace.id, rechecks);
}

/**
 * Evaluates one segment for some customers (in memory) and returns the change to its
 * membership; keeps the customers' facts in step with it (segments later in the order read it)
 * and, for a time-based rule, adds each customer's next re-check to `rechecks`.
 */
export function evaluate(
  s: LiveSegment,
  customerIds: readonly string[],
  customers: ReadonlyMap<string, LiveCustomer>,
  now: Date,
  rechecks: WantedRecheck[],
): MembershipChange {
  const segmentId = s.segment.id;
  const entered: string[] = [];
  const exited: string[] = [];
  for (const id of customerIds) {
    const c = customers.get(id)!;
    const options = { now: now.getTime(), ...(c.timeZone ? { timeZone: c.timeZone } : {}) };
    const member = c.facts.segments?.includes(segmentId) ?? false;
    const matches = s.compiled.evaluate(c.facts, options);
    if (matches && !member) {
      entered.push(id);
      c.facts = { ...c.facts, segments: [...(c.facts.segments ?? []), segmentId] };
    } else if (!matches && member) {
      exited.push(id);
      c.facts = { ...c.facts, segments: (c.facts.segments ?? []).filter((x) => x !== segmentId) };
    }
    if (s.deps.timeDependent)
      rechecks.push({
        segmentId,
        customerId: id,
        at: nextChangeAt(s.segment.rule, c.facts, options),
        stored: c.rechecks.get(segmentId),
      });
  }
  return { segmentId, entered, exited };
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
