import { Customer, JourneyInbox, Workspace } from '../../../db/entities';
import { chunks } from '../../../db/chunks';
import { newId } from '../../../db/ids';
import type { Em, Orm } from '../../../db/orm';
import { scopeToWorkspace } from '../../../db/workspace-filter';
import { loadCustomerFacts } from '../../../rules/customer-facts';
import { MoveBatch } from './move-batch';
import { backoffMs, claimDue } from './claim';
import { enterJourney, entryHistory } from './enter';
import { activeJourneys } from './plans';
import { readTogether } from '../../../db/read-together';
import { writeTransaction } from '../../../db/write-transaction';

/** Queues customers to enter a journey, in the caller's transaction (so the trigger and the entry share its fate). */
export async function queueEntries(
  em: Em,
  workspaceId: string,
  journeyId: string,
  customerIds: readonly string[],
  reason: string,
  at: Date,
): Promise<void> {
  const rows = customerIds.map((customer) => ({
    id: newId(),
    workspace: workspaceId,
    journey: journeyId,
    customer,
    reason,
    dueAt: at,
    attempts: 0,
  }));
  for (const chunk of chunks(rows)) await em.insertMany(JourneyInbox, chunk);
}

/**
 * Enters the queued customers: claims due inbox rows (leased, SKIP LOCKED on PostgreSQL), then per
 * workspace enters each customer and deletes its row in one transaction. A journey that is no
 * longer running drops its rows. Returns how many rows were handled.
 */
export async function runInbox(
  orm: Orm,
  now: Date,
  limit = 500,
  leaseMs = 30_000,
): Promise<number> {
  const claimed = await claimDue(orm.em.fork(), JourneyInbox, {}, now, leaseMs, limit);
  const byWorkspace = new Map<string, JourneyInbox[]>();
  for (const row of claimed)
    byWorkspace.set(row.workspace.id, [...(byWorkspace.get(row.workspace.id) ?? []), row]);
  for (const [workspaceId, rows] of byWorkspace) {
    try {
      await writeTransaction(orm.em.fork(), async (tx) => {
        scopeToWorkspace(tx, workspaceId);
        const workspace = tx.getReference(Workspace, workspaceId);
        const held = await tx.find(JourneyInbox, { id: { $in: rows.map((r) => r.id) } });
        const still = held.filter((h) =>
          rows.some((r) => r.id === h.id && r.leaseUntil?.getTime() === h.leaseUntil?.getTime()),
        );
        const live = new Map((await activeJourneys(tx)).map((l) => [l.journey.id, l]));
        const customerIds = [...new Set(still.map((r) => r.customer.id))];
        const [facts, customers, history] = await readTogether(tx, [
          () => loadCustomerFacts(tx, customerIds),
          () => tx.find(Customer, { id: { $in: customerIds } }, { fields: ['timeZone'] }),
          () => entryHistory(tx, [...live.keys()], customerIds),
        ]);
        const zone = new Map(customers.map((c) => [c.id, c.timeZone ?? 'UTC']));
        const batch = new MoveBatch(tx, workspace, now);
        for (const row of still) {
          const l = live.get(row.journey.id);
          const f = facts.get(row.customer.id);
          if (l && f) await enterJourney(batch, l, f, zone.get(row.customer.id) ?? 'UTC', history);
        }
        await tx.nativeDelete(JourneyInbox, { id: { $in: still.map((r) => r.id) } });
        await batch.write();
      });
    } catch (error) {
      const em = orm.em.fork();
      for (const row of rows)
        await em.nativeUpdate(
          JourneyInbox,
          { id: row.id },
          {
            attempts: row.attempts + 1,
            leaseUntil: null,
            dueAt: new Date(now.getTime() + backoffMs(row.attempts + 1)),
            lastError: String(error instanceof Error ? error.message : error).slice(0, 2_000),
          },
          { filters: false },
        );
    }
  }
  return claimed.length;
}
