import { advance, mayEnter, type CustomerFacts } from '@cairn/schema';
import { JourneyEnrollment } from '../../../db/entities';
import { newId } from '../../../db/ids';
import type { Em } from '../../../db/orm';
import type { MoveBatch } from './move-batch';
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
  batch: MoveBatch,
  live: LiveJourney,
  facts: CustomerFacts,
  timeZone: string,
  history: Map<string, { entries: number; active: number }>,
): Promise<JourneyEnrollment | undefined> {
  const { em, workspace, now } = batch;
  const k = `${live.journey.id} ${facts.id}`;
  const h = history.get(k) ?? { entries: 0, active: 0 };
  const decision = mayEnter(live.plan.settings, h);
  if (!decision.enter) return undefined;
  history.set(k, { entries: h.entries + 1, active: h.active + 1 });
  const row = {
    id: newId(),
    workspace: workspace.id,
    journey: live.journey.id,
    version: live.version,
    customer: facts.id,
    entryNumber: decision.entryNumber,
    status: 'active' as const,
    nodeId: live.plan.trigger.nodeId,
    since: now,
    awaiting: null,
    enteredAt: now,
    exitedAt: null,
    exitReason: null,
    convertedAt: null,
    goalNodeId: null,
  };
  // Inserted at once, outside the unit of work: the unique (journey, customer, entry) key settles
  // a race between two batches, and the steps written next reference the row.
  await em.insert(JourneyEnrollment, row);
  const enrollment = em.merge(JourneyEnrollment, row);
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
  await batch.apply(enrollment, entered, facts);
  if (move.position.status === 'exited')
    history.set(k, { entries: h.entries + 1, active: h.active });
  return enrollment;
}
