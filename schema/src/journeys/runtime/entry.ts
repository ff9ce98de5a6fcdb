import { filterMatches } from '../../rules/explain';
import type { EventFact } from '../../rules/facts';
import { durationMs } from '../../rules/time';
import type { ReentryPolicy, TriggerSpec } from '../journey.types';
import type { JourneyPlan, PlanGoal } from '../plan.types';

/** True when an ingested event is the journey's trigger (name and property filter). */
export function eventTriggers(spec: TriggerSpec, event: EventFact, timeZone = 'UTC'): boolean {
  if (spec.type !== 'event' || spec.event !== event.name) return false;
  return (
    !spec.where || filterMatches(spec.where, event.properties, { now: event.occurredAt, timeZone })
  );
}

/** What a customer's earlier entries into the journey say about entering again. */
export interface EntryHistory {
  /** Entries so far (any status). */
  readonly entries: number;
  /** Entries still in progress (waiting). */
  readonly active: number;
}

export type EntryDecision =
  | { readonly enter: true; readonly entryNumber: number }
  | { readonly enter: false; readonly reason: 'alreadyEntered' | 'stillActive' | 'maxEntries' };

/**
 * Whether a triggered customer enters now, by the journey's re-entry policy and entry cap. The
 * entry number (1, 2, …) is part of every message's idempotency key.
 *
 * @example
 * mayEnter(plan.settings, { entries: 1, active: 0 }) // afterExit → { enter: true, entryNumber: 2 }
 */
export function mayEnter(
  settings: { readonly reentry: ReentryPolicy; readonly maxEntries?: number },
  history: EntryHistory,
): EntryDecision {
  if (settings.maxEntries !== undefined && history.entries >= settings.maxEntries)
    return { enter: false, reason: 'maxEntries' };
  if (settings.reentry === 'never' && history.entries > 0)
    return { enter: false, reason: 'alreadyEntered' };
  if (settings.reentry === 'afterExit' && history.active > 0)
    return { enter: false, reason: 'stillActive' };
  return { enter: true, entryNumber: history.entries + 1 };
}

/** The goal an event reaches for a customer who entered at `enteredAt`, if any. */
export function goalReached(
  plan: JourneyPlan,
  event: EventFact,
  enteredAt: number,
  timeZone = 'UTC',
): PlanGoal | undefined {
  return plan.goals.find(
    (g) =>
      g.event === event.name &&
      event.occurredAt >= enteredAt &&
      event.occurredAt <= enteredAt + durationMs(g.within) &&
      (!g.where || filterMatches(g.where, event.properties, { now: event.occurredAt, timeZone })),
  );
}
