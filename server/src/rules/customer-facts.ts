import type { CustomerFacts, EventFact } from '@cairn/schema';
import { ConsentRecord, Customer, Event, ScoreEntry, SegmentMembership } from '../db/entities';
import type { Em } from '../db/orm';
import { readTogether } from '../db/read-together';

interface Collected {
  events: EventFact[];
  scores: Map<string, Array<{ at: number; value: number }>>;
  consent: Map<string, boolean>;
  segments: string[];
}

/**
 * Loads what the evaluators need about customers (profile, events, score histories, latest
 * consent per channel, memberships) in five queries, whatever the number of customers. Keyed
 * collections are built with Maps, so names such as "constructor" or "__proto__" are plain keys.
 */
export async function loadCustomerFacts(
  em: Em,
  customerIds: readonly string[],
): Promise<Map<string, CustomerFacts>> {
  const ids = [...customerIds];
  const [customers, events, scores, consents, memberships] = await readTogether(em, [
    () => em.find(Customer, { id: { $in: ids } }),
    () => em.find(Event, { customer: { $in: ids } }, { orderBy: { occurredAt: 'asc', id: 'asc' } }),
    () => em.find(ScoreEntry, { customer: { $in: ids } }, { orderBy: { at: 'asc', id: 'asc' } }),
    () =>
      em.find(
        ConsentRecord,
        { customer: { $in: ids } },
        { orderBy: { recordedAt: 'asc', id: 'asc' } },
      ),
    () => em.find(SegmentMembership, { customer: { $in: ids } }),
  ]);
  const collected = new Map<string, Collected>(
    customers.map((c) => [
      c.id,
      { events: [], scores: new Map(), consent: new Map(), segments: [] },
    ]),
  );
  for (const e of events) {
    collected.get(e.customer.id)?.events.push({
      id: e.id,
      name: e.name,
      occurredAt: e.occurredAt.getTime(),
      properties: e.properties,
    });
  }
  for (const s of scores) {
    const history = collected.get(s.customer.id)?.scores;
    if (!history) continue;
    if (!history.has(s.model)) history.set(s.model, []);
    history.get(s.model)!.push({ at: s.at.getTime(), value: s.value });
  }
  // Oldest first, so the latest record per channel wins.
  for (const r of consents) collected.get(r.customer.id)?.consent.set(r.channel, r.granted);
  for (const m of memberships) collected.get(m.customer.id)?.segments.push(m.segmentId);

  return new Map(
    customers.map((c) => {
      const k = collected.get(c.id)!;
      const facts: CustomerFacts = {
        id: c.id,
        email: c.email,
        createdAt: c.createdAt.getTime(),
        traits: c.traits,
        events: k.events,
        scores: Object.fromEntries([...k.scores].map(([model, history]) => [model, { history }])),
        consent: Object.fromEntries(k.consent),
        segments: k.segments,
      };
      return [c.id, facts];
    }),
  );
}
