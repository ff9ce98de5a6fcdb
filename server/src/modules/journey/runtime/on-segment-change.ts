import type { Em } from '../../../db/orm';
import { queueEntries } from './inbox';
import { activeJourneysOnce } from './plans';

/**
 * Segment entries and exits queue the customers of journeys triggered by them, in the same
 * transaction as the transitions, whatever changed the membership (data, the clock, a rule edit).
 */
export async function journeysOnSegmentChange(
  em: Em,
  workspaceId: string,
  change: {
    readonly segmentId: string;
    readonly entered: readonly string[];
    readonly exited: readonly string[];
  },
  at: Date,
): Promise<void> {
  if (change.entered.length === 0 && change.exited.length === 0) return;
  for (const l of await activeJourneysOnce(em)) {
    const t = l.plan.trigger.spec;
    if (
      t.type === 'segmentEntered' &&
      t.segmentId === change.segmentId &&
      change.entered.length > 0
    )
      await queueEntries(em, workspaceId, l.journey.id, change.entered, t.type, at);
    if (t.type === 'segmentExited' && t.segmentId === change.segmentId && change.exited.length > 0)
      await queueEntries(em, workspaceId, l.journey.id, change.exited, t.type, at);
  }
}
