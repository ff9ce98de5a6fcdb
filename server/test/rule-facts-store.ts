import type { CustomerFacts } from '@cairn/schema';
import { ConsentRecord, Customer, Event, ScoreEntry, SegmentMembership } from '../src/db/entities';
import type { Em } from '../src/db/orm';

/** Writes customers described as evaluator facts into the database (the inverse of loadCustomerFacts). */
export async function storeFacts(
  em: Em,
  workspaceId: string,
  customers: readonly CustomerFacts[],
): Promise<void> {
  for (const f of customers) {
    const customer = em.create(Customer, {
      id: f.id,
      workspace: workspaceId,
      email: f.email ?? null,
      traits: f.traits as Record<string, unknown>,
      createdAt: new Date(f.createdAt ?? 0),
      updatedAt: new Date(f.createdAt ?? 0),
    });
    for (const e of f.events) {
      em.create(Event, {
        workspace: workspaceId,
        customer,
        name: e.name,
        properties: e.properties as Record<string, unknown>,
        occurredAt: new Date(e.occurredAt),
      });
    }
    for (const [model, score] of Object.entries(f.scores ?? {})) {
      for (const entry of score.history)
        em.create(ScoreEntry, {
          workspace: workspaceId,
          customer,
          model,
          at: new Date(entry.at),
          value: entry.value,
        });
    }
    for (const [channel, granted] of Object.entries(f.consent ?? {})) {
      // An older opposite decision first: only the latest record may count.
      em.create(ConsentRecord, {
        workspace: workspaceId,
        customer,
        channel,
        granted: !granted,
        recordedAt: new Date(1_000),
      });
      em.create(ConsentRecord, {
        workspace: workspaceId,
        customer,
        channel,
        granted,
        recordedAt: new Date(2_000),
      });
    }
    for (const segmentId of f.segments ?? [])
      em.create(SegmentMembership, { workspace: workspaceId, segmentId, customer });
  }
  await em.flush();
  em.clear();
}
