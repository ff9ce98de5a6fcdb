import { crossesThreshold } from '@cairn/schema';
import type { Em } from '../../../db/orm';
import { queueEntries } from './inbox';
import { activeJourneysOnce } from './plans';

export interface ScoreChange {
  readonly customerId: string;
  readonly model: string;
  readonly before: number | null;
  readonly after: number;
}

/**
 * A score that crosses a journey's threshold (`crossesThreshold`: reaching it from below for
 * `above`, dropping under it for `below`; no score yet counts as 0) queues the customer for that
 * journey, in the transaction that wrote the score. Whatever writes scores calls this: scoring
 * models on ingestion and by the clock (`applyScoreMoves`), and journeys' `addScore` action.
 */
export async function journeysOnScoreChanges(
  em: Em,
  workspaceId: string,
  changes: readonly ScoreChange[],
  at: Date,
): Promise<void> {
  if (changes.length === 0) return;
  for (const l of await activeJourneysOnce(em)) {
    const t = l.plan.trigger.spec;
    if (t.type !== 'scoreThreshold') continue;
    const crossed = changes.filter(
      (c) =>
        c.model === t.model && crossesThreshold(c.before ?? 0, c.after, t.threshold, t.direction),
    );
    if (crossed.length > 0)
      await queueEntries(
        em,
        workspaceId,
        l.journey.id,
        [...new Set(crossed.map((c) => c.customerId))],
        t.type,
        at,
      );
  }
}
