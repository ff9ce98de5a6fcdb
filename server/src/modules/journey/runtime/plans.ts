import type { JourneyPlan } from '@cairn/schema';
import { Journey, JourneyVersion } from '../../../db/entities';
import type { Em } from '../../../db/orm';

/** Published versions never change, so their plans are cached for the life of the process. */
const cache = new Map<string, JourneyPlan>();
const key = (journeyId: string, version: number) => `${journeyId}@${version}`;

/** The plans of the given (journey, version) pairs, loading the ones not cached in one query. */
export async function loadPlans(
  em: Em,
  pairs: ReadonlyArray<{ journeyId: string; version: number }>,
): Promise<Map<string, JourneyPlan>> {
  const missing = pairs.filter((p) => !cache.has(key(p.journeyId, p.version)));
  if (missing.length > 0) {
    const rows = await em.find(
      JourneyVersion,
      { $or: missing.map((p) => ({ journey: p.journeyId, version: p.version })) },
      { fields: ['journey', 'version', 'plan'] },
    );
    for (const row of rows) cache.set(key(row.journey.id, row.version), row.plan);
  }
  const out = new Map<string, JourneyPlan>();
  for (const p of pairs) {
    const plan = cache.get(key(p.journeyId, p.version));
    if (plan) out.set(key(p.journeyId, p.version), plan);
  }
  return out;
}

export const planKey = key;

export interface LiveJourney {
  readonly journey: Journey;
  readonly version: number;
  readonly plan: JourneyPlan;
}

/** The workspace's running journeys with their live plans (one query, plus one for uncached plans). */
export async function activeJourneys(em: Em): Promise<LiveJourney[]> {
  const journeys = await em.find(Journey, { status: 'active', liveVersion: { $ne: null } });
  if (journeys.length === 0) return [];
  const plans = await loadPlans(
    em,
    journeys.map((j) => ({ journeyId: j.id, version: j.liveVersion! })),
  );
  return journeys.flatMap((journey) => {
    const plan = plans.get(key(journey.id, journey.liveVersion!));
    return plan ? [{ journey, version: journey.liveVersion!, plan }] : [];
  });
}

/** One transaction's running journeys, looked up once per entity manager. */
const perEm = new WeakMap<Em, Promise<LiveJourney[]>>();

export function activeJourneysOnce(em: Em): Promise<LiveJourney[]> {
  let live = perEm.get(em);
  if (!live) perEm.set(em, (live = activeJourneys(em)));
  return live;
}
