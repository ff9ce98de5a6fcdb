import {
  ConsentRecord,
  Customer,
  CustomerMerge,
  Event,
  Identity,
  Order,
  ScoreEntry,
  SegmentMembership,
  type Workspace,
} from '../../db/entities';
import { moveJourneys } from '../journey/runtime/merge-journeys';
import type { Em } from '../../db/orm';
import { mergeTraits } from '../ingestion/payload';
import type { IdentityBook, Profile } from './identity-book';

/**
 * Folds profile `loser` into `survivor`: identities, events, orders, consent records and score
 * history move (stored rows with single UPDATEs, rows this batch has not written yet in memory);
 * the loser's segment memberships are dropped (membership is re-evaluated for the survivor);
 * earlier merges into the loser now point at the survivor; the merge is recorded and the loser
 * deleted. Traits: the survivor's values win and the loser fills in what the survivor lacks (the
 * caller then applies the identify call's own traits on top).
 */
export async function mergeProfiles(
  em: Em,
  workspace: Workspace,
  book: IdentityBook,
  survivor: Profile,
  loser: Profile,
  reason: string,
): Promise<void> {
  const stored = book.isStored(loser);
  const pending = book.moved(loser, survivor);
  const moved = {
    identities: pending.identities.map((i) => ({ kind: i.kind, source: i.source, value: i.value })),
    events: 0,
    orders: 0,
    consentRecords: pending.consent,
  };
  if (stored) {
    const from = { customer: loser.id };
    const to = { customer: survivor.id };
    const identities = await em.find(Identity, from, { fields: ['kind', 'source', 'value'] });
    // One after the other: they share the transaction's connection (pg deprecates overlapping
    // queries on one client).
    await em.nativeUpdate(Identity, from, to);
    const events = await em.nativeUpdate(Event, from, to);
    const orders = await em.nativeUpdate(Order, from, to);
    const consentRecords = await em.nativeUpdate(ConsentRecord, from, to);
    await em.nativeUpdate(ScoreEntry, from, to);
    await em.nativeUpdate(CustomerMerge, { survivor: loser.id }, { survivor: survivor.id });
    await em.nativeDelete(SegmentMembership, from);
    moved.identities.push(
      ...identities.map((i) => ({ kind: i.kind, source: i.source, value: i.value })),
    );
    Object.assign(moved, { events, orders, consentRecords: moved.consentRecords + consentRecords });
    await moveJourneys(em, loser.id, survivor.id);
    await em.nativeDelete(Customer, { id: loser.id });
    forget(em, loser);
  }
  const mergedTraits = loser.traits;
  survivor.traits = mergeTraits(mergedTraits, survivor.traits);
  survivor.email = survivor.email ?? loser.email;
  survivor.timeZone = survivor.timeZone ?? loser.timeZone;
  if (loser.createdAt < survivor.createdAt) survivor.createdAt = loser.createdAt;
  em.create(CustomerMerge, {
    workspace,
    survivor: survivor.id,
    mergedId: loser.id,
    mergedTraits,
    moved,
    reason,
  });
}

/** Detaches the deleted profile and the loaded rows that pointed at it (the database has moved on). */
function forget(em: Em, loser: Profile): void {
  const unitOfWork = em.getUnitOfWork();
  for (const entity of unitOfWork.getIdentityMap()) {
    const owner =
      (entity as { customer?: unknown; survivor?: unknown }).customer ??
      (entity as { survivor?: unknown }).survivor;
    if (owner === loser) unitOfWork.unsetIdentity(entity);
  }
  if (loser instanceof Customer) unitOfWork.unsetIdentity(loser);
}
