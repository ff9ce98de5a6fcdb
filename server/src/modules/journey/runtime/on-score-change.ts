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
 * A score that crosses a journey's threshold (upwards for `above`, downwards for `below`) queues
 * the customer for that journey, in the transaction that wrote the score. Whatever writes scores
 * (scoring models, journey actions) calls this.
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
    const crossed = changes.filter((c) => {
      if (c.model !== t.model) return false;
      const before = c.before ?? (t.direction === 'above' ? -Infinity : Infinity);
      return t.direction === 'above'
        ? before < t.threshold && c.after >= t.threshold
        : before > t.threshold && c.after <= t.threshold;
    });
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
