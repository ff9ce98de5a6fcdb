import { JourneyEnrollment, JourneyInbox, OutboxMessage } from '../../../db/entities';
import type { Em } from '../../../db/orm';

/**
 * When a profile is merged into another, its journeys go with it: an anonymous visitor who
 * abandoned a cart and then signs in keeps their place and their queued reminder. Entries in a
 * journey the survivor is also in are numbered after the survivor's, so entry numbers stay unique
 * (and queued messages keep the idempotency keys they were written with).
 */
export async function moveJourneys(
  em: Em,
  fromCustomerId: string,
  toCustomerId: string,
): Promise<void> {
  const theirs = await em.find(
    JourneyEnrollment,
    { customer: fromCustomerId },
    { orderBy: { entryNumber: 'asc' } },
  );
  if (theirs.length > 0) {
    const ours = await em.find(
      JourneyEnrollment,
      { customer: toCustomerId, journey: { $in: [...new Set(theirs.map((e) => e.journey.id))] } },
      { fields: ['journey', 'entryNumber'] },
    );
    const next = new Map<string, number>();
    for (const e of ours)
      next.set(e.journey.id, Math.max(next.get(e.journey.id) ?? 0, e.entryNumber));
    for (const e of theirs) {
      const last = next.get(e.journey.id);
      const entryNumber = last === undefined ? e.entryNumber : last + 1;
      if (last !== undefined) next.set(e.journey.id, entryNumber);
      await em.nativeUpdate(
        JourneyEnrollment,
        { id: e.id },
        { customer: toCustomerId, entryNumber },
      );
    }
  }
  await em.nativeUpdate(OutboxMessage, { customer: fromCustomerId }, { customer: toCustomerId });
  await em.nativeUpdate(JourneyInbox, { customer: fromCustomerId }, { customer: toCustomerId });
}
