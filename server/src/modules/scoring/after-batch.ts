import type { Workspace } from '../../db/entities';
import type { Em } from '../../db/orm';
import { attributeTouches } from '../campaign/attribute-touches';
import type { IngestedEvent } from '../journey/runtime/on-events';
import { applyScoreMoves } from './score-effects';
import { rescore, type ScoreChanges } from './score-updater';

/** What ingestion hands over after writing a batch. */
export interface IngestedBatch {
  readonly changed: ScoreChanges;
  readonly stored: readonly IngestedEvent[];
  readonly now: Date;
  /** Whether the workspace has active scoring models (without, nothing is re-scored). */
  readonly scoring: boolean;
}

/**
 * The one call ingestion makes into scoring (and campaign attribution), inside its transaction,
 * after memberships and journeys: the scores of the changed customers under the models whose
 * rules read what changed, with their effects (MQL events, notifications, segments on scores),
 * and the campaign touches of events tagged with a campaign's `utm_campaign`.
 */
export async function afterIngestedBatch(
  em: Em,
  workspace: Workspace,
  batch: IngestedBatch,
): Promise<void> {
  const moves = batch.scoring ? await rescore(em, workspace, batch.changed, batch.now) : [];
  await applyScoreMoves(em, workspace, moves, 'data');
  await attributeTouches(em, workspace, batch.stored);
}
