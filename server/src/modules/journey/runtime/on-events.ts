import {
  eventTriggers,
  goalReached,
  resumeOnEvent,
  type CustomerFacts,
  type EventFact,
} from '@cairn/schema';
import { Customer, JourneyEnrollment, type Workspace } from '../../../db/entities';
import type { Em } from '../../../db/orm';
import { loadCustomerFacts } from '../../../rules/customer-facts';
import { MoveBatch } from './move-batch';
import { enterJourney, entryHistory } from './enter';
import { activeJourneys, loadPlans, planKey } from './plans';
import { readTogether } from '../../../db/read-together';

/** An event just stored by ingestion (replays are not: a duplicate never triggers twice). */
export interface IngestedEvent extends EventFact {
  readonly customerId: string;
}

/**
 * Journeys react to a batch of newly stored events, inside the ingestion transaction: waits for
 * an event end, goals convert, and event triggers enter customers (in event time order per
 * customer). Customers' facts are loaded once for the batch, only when a journey needs them.
 */
export async function journeysOnEvents(
  em: Em,
  workspace: Workspace,
  events: readonly IngestedEvent[],
  now: Date,
): Promise<void> {
  if (events.length === 0) return;
  const customerIds = [...new Set(events.map((e) => e.customerId))];
  const [live, enrollments] = await readTogether(em, [
    () => activeJourneys(em),
    () =>
      em.find(
        JourneyEnrollment,
        { customer: { $in: customerIds }, status: 'active' },
        { populate: ['journey'] },
      ),
  ]);
  const running = enrollments.filter((e) => e.journey.status === 'active');
  const triggered = live.filter((l) => l.plan.trigger.spec.type === 'event');
  if (running.length === 0 && triggered.length === 0) return;

  const plans = await loadPlans(
    em,
    running.map((e) => ({ journeyId: e.journey.id, version: e.version })),
  );
  const byCustomer = new Map<string, IngestedEvent[]>();
  for (const e of [...events].sort((a, b) => a.occurredAt - b.occurredAt))
    byCustomer.set(e.customerId, [...(byCustomer.get(e.customerId) ?? []), e]);
  const needsFacts = new Set<string>();
  for (const e of running)
    if (e.awaiting !== null || plans.get(planKey(e.journey.id, e.version))?.goals.length)
      needsFacts.add(e.customer.id);
  for (const [customerId, list] of byCustomer)
    if (list.some((ev) => triggered.some((l) => eventTriggers(l.plan.trigger.spec, ev))))
      needsFacts.add(customerId);
  if (needsFacts.size === 0) return;

  const [facts, customers, history] = await readTogether(em, [
    () => loadCustomerFacts(em, [...needsFacts]),
    () => em.find(Customer, { id: { $in: [...needsFacts] } }, { fields: ['timeZone'] }),
    () =>
      entryHistory(
        em,
        triggered.map((l) => l.journey.id),
        [...needsFacts],
      ),
  ]);
  const zone = new Map(customers.map((c) => [c.id, c.timeZone ?? 'UTC']));
  const t = now.getTime();
  const batch = new MoveBatch(em, workspace, now);

  for (const customerId of needsFacts) {
    let known: CustomerFacts | undefined = facts.get(customerId);
    if (!known) continue;
    const timeZone = zone.get(customerId) ?? 'UTC';
    const mine = running.filter((e) => e.customer.id === customerId);
    for (const event of byCustomer.get(customerId) ?? []) {
      for (const enrollment of mine) {
        if (enrollment.status !== 'active') continue;
        const plan = plans.get(planKey(enrollment.journey.id, enrollment.version));
        if (!plan) continue;
        const goal = enrollment.convertedAt
          ? undefined
          : goalReached(plan, event, enrollment.enteredAt.getTime(), timeZone);
        if (goal) {
          enrollment.convertedAt = now;
          enrollment.goalNodeId = goal.nodeId;
          batch.log(enrollment, goal.nodeId, 'converted');
          if (plan.settings.exitOnGoal) {
            batch.exit(enrollment, 'goal');
            continue;
          }
        }
        if (enrollment.awaiting !== event.name) continue;
        const position = {
          status: 'waiting' as const,
          nodeId: enrollment.nodeId,
          since: enrollment.since.getTime(),
          wakeAt: Number.MAX_SAFE_INTEGER,
          awaiting: enrollment.awaiting,
        };
        const wakeAt = await batch.wakeAt(enrollment.id);
        if (wakeAt) position.wakeAt = wakeAt.getTime();
        // The event counts when it happened during the wait; it arrives now.
        const move = resumeOnEvent(
          plan,
          position,
          { ...event, occurredAt: Math.max(event.occurredAt, position.since) },
          { facts: known, now: t, timeZone },
        );
        if (move) await batch.apply(enrollment, move, known);
      }
      for (const l of triggered) {
        if (!eventTriggers(l.plan.trigger.spec, event, timeZone)) continue;
        const entered = await enterJourney(batch, l, known, timeZone, history);
        if (entered && entered.status === 'active') {
          plans.set(planKey(l.journey.id, l.version), l.plan);
          mine.push(entered);
        }
      }
      known = facts.get(customerId) ?? known;
    }
  }
  await batch.write();
}
