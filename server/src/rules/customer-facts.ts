import type { CustomerFacts } from '@cairn/schema';
import { ConsentRecord, Customer, Event, ScoreEntry, SegmentMembership } from '../db/entities';
import type { Em } from '../db/orm';

/**
 * Loads what the evaluators need about customers (profile, events, score histories, latest
 * consent per channel, memberships) in five queries, whatever the number of customers.
 */
export async function loadCustomerFacts(
  em: Em,
  customerIds: readonly string[],
): Promise<Map<string, CustomerFacts>> {
  const ids = [...customerIds];
  const [customers, events, scores, consents, memberships] = await Promise.all([
    em.find(Customer, { id: { $in: ids } }),
    em.find(Event, { customer: { $in: ids } }, { orderBy: { occurredAt: 'asc', id: 'asc' } }),
    em.find(ScoreEntry, { customer: { $in: ids } }, { orderBy: { at: 'asc', id: 'asc' } }),
    em.find(
      ConsentRecord,
      { customer: { $in: ids } },
      { orderBy: { recordedAt: 'asc', id: 'asc' } },
    ),
    em.find(SegmentMembership, { customer: { $in: ids } }),
  ]);
  const facts = new Map<string, { -readonly [K in keyof CustomerFacts]: CustomerFacts[K] }>();
  for (const c of customers) {
    facts.set(c.id, {
      id: c.id,
      email: c.email,
      createdAt: c.createdAt.getTime(),
      traits: c.traits,
      events: [],
      scores: {},
      consent: {},
      segments: [],
    });
  }
  for (const e of events) {
    (facts.get(e.customer.id)?.events as CustomerFacts['events'][number][] | undefined)?.push({
      id: e.id,
      name: e.name,
      occurredAt: e.occurredAt.getTime(),
      properties: e.properties,
    });
  }
  for (const s of scores) {
    const f = facts.get(s.customer.id);
    if (!f) continue;
    const history = ((
      f.scores as Record<string, { history: Array<{ at: number; value: number }> }>
    )[s.model] ??= { history: [] });
    history.history.push({ at: s.at.getTime(), value: s.value });
  }
  for (const r of consents) {
    const f = facts.get(r.customer.id);
    if (f) (f.consent as Record<string, boolean>)[r.channel] = r.granted;
  }
  for (const m of memberships)
    (facts.get(m.customer.id)?.segments as string[] | undefined)?.push(m.segmentId);
  return facts;
}
