import { advance, mayEnter, type CustomerFacts } from '@cairn/schema';
import { Customer, Journey, JourneyEnrollment, type Workspace } from '../../../db/entities';
import type { Em } from '../../../db/orm';
import { applyAdvance, type ProfileChanges } from './apply-advance';
import type { LiveJourney } from './plans';

/** How many entries each customer has in each journey, and how many are still active. */
export async function entryHistory(
  em: Em,
  journeyIds: readonly string[],
  customerIds: readonly string[],
): Promise<Map<string, { entries: number; active: number }>> {
  const history = new Map<string, { entries: number; active: number }>();
  if (journeyIds.length === 0 || customerIds.length === 0) return history;
  const rows = await em.find(
    JourneyEnrollment,
    { journey: { $in: [...journeyIds] }, customer: { $in: [...customerIds] } },
    { fields: ['journey', 'customer', 'status'] },
  );
  for (const r of rows) {
    const k = `${r.journey.id} ${r.customer.id}`;
    const h = history.get(k) ?? { entries: 0, active: 0 };
    h.entries++;
    if (r.status === 'active') h.active++;
    history.set(k, h);
  }
  return history;
}

/**
 * Enters a customer into a journey's live version if its re-entry policy allows (the history is
 * updated in place, so a batch with two triggers for one customer respects it too), and moves
 * them to their first wait or exit. Returns the enrollment, or undefined when they may not enter.
 */
export async function enterJourney(
  em: Em,
  workspace: Workspace,
  live: LiveJourney,
  facts: CustomerFacts,
  timeZone: string,
  history: Map<string, { entries: number; active: number }>,
  now: Date,
  changes: ProfileChanges,
): Promise<JourneyEnrollment | undefined> {
  const k = `${live.journey.id} ${facts.id}`;
  const h = history.get(k) ?? { entries: 0, active: 0 };
  const decision = mayEnter(live.plan.settings, h);
  if (!decision.enter) return undefined;
  history.set(k, { entries: h.entries + 1, active: h.active + 1 });
  const enrollment = em.create(JourneyEnrollment, {
    workspace,
    journey: em.getReference(Journey, live.journey.id),
    version: live.version,
    customer: em.getReference(Customer, facts.id),
    entryNumber: decision.entryNumber,
    nodeId: live.plan.trigger.nodeId,
    since: now,
    enteredAt: now,
  });
  // Written first: the unique (journey, customer, entry) key settles a race between two batches.
  await em.flush();
  const move = advance(live.plan, live.plan.trigger.next, { facts, now: now.getTime(), timeZone });
  const entered = {
    ...move,
    trace: [
      {
        type: 'resume' as const,
        nodeId: live.plan.trigger.nodeId,
        at: now.getTime(),
        handle: 'next',
      },
      ...move.trace,
    ],
  };
  await applyAdvance(em, workspace, enrollment, entered, facts, now, changes);
  if (move.position.status === 'exited')
    history.set(k, { entries: h.entries + 1, active: h.active });
  return enrollment;
}
