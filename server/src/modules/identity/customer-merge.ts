import {
  ConsentRecord,
  Customer,
  CustomerMerge,
  Event,
  Identity,
  Order,
  ScoreEntry,
  SegmentMembership,
} from '../../db/entities';
import type { Em } from '../../db/orm';
import { mergeTraits } from '../ingestion/payload';

/**
 * Folds profile `loser` into `survivor`: identities, events, orders, consent records and score
 * history move; the loser's segment memberships are dropped (membership is re-evaluated for the
 * survivor); earlier merges into the loser now point at the survivor; the merge is recorded and
 * the loser deleted. Traits: the survivor's values win; the loser fills in what the survivor
 * lacks (the caller then applies the identify call's own traits on top). Pending changes are
 * flushed first, because the moves are single UPDATE statements.
 */
export async function mergeCustomers(
  em: Em,
  survivor: Customer,
  loser: Customer,
  reason: string,
): Promise<CustomerMerge> {
  await em.flush();
  const from = { customer: loser.id };
  const to = { customer: survivor.id };
  const identities = await em.find(Identity, from, { fields: ['kind', 'source', 'value'] });
  const [, events, orders, consentRecords] = await Promise.all([
    em.nativeUpdate(Identity, from, to),
    em.nativeUpdate(Event, from, to),
    em.nativeUpdate(Order, from, to),
    em.nativeUpdate(ConsentRecord, from, to),
    em.nativeUpdate(ScoreEntry, from, to),
    em.nativeUpdate(CustomerMerge, { survivor: loser.id }, { survivor: survivor.id }),
    em.nativeDelete(SegmentMembership, from),
  ]);
  const mergedTraits = loser.traits;
  const survivorEmail = survivor.email;
  await em.nativeDelete(Customer, { id: loser.id });
  forget(em, loser);

  survivor.traits = mergeTraits(mergedTraits, survivor.traits);
  survivor.email = survivorEmail ?? loser.email;
  survivor.timeZone = survivor.timeZone ?? loser.timeZone;
  if (loser.createdAt < survivor.createdAt) survivor.createdAt = loser.createdAt;
  return em.create(CustomerMerge, {
    workspace: survivor.workspace,
    survivor,
    mergedId: loser.id,
    mergedTraits,
    moved: {
      identities: identities.map((i) => ({ kind: i.kind, source: i.source, value: i.value })),
      events,
      orders,
      consentRecords,
    },
    reason,
  });
}

/** Detaches the deleted profile and the loaded rows that pointed at it (the database has moved on). */
function forget(em: Em, loser: Customer): void {
  const unitOfWork = em.getUnitOfWork();
  for (const entity of unitOfWork.getIdentityMap()) {
    const owner =
      (entity as { customer?: unknown; survivor?: unknown }).customer ??
      (entity as { survivor?: unknown }).survivor;
    if (owner === loser) unitOfWork.unsetIdentity(entity);
  }
  unitOfWork.unsetIdentity(loser);
}
