import { LEAD_BECAME_MQL, type DataChange } from '@cairn/schema';
import { Event, LeadNotification, type TransitionCause, type Workspace } from '../../db/entities';
import { newId } from '../../db/ids';
import type { Em } from '../../db/orm';
import { journeysOnEvents, type IngestedEvent } from '../journey/runtime/on-events';
import { journeysOnScoreChanges } from '../journey/runtime/on-score-change';
import { updateMemberships } from '../segment/membership/segment-updater';
import { mqlMoves, type ScoreMove } from './score-updater';

/** The event a lead crossing its model's MQL threshold emits; journeys trigger on it. */
export const MQL_EVENT = LEAD_BECAME_MQL;

/**
 * What follows score changes, inside the caller's transaction: segments that read the scores are
 * updated, and each lead that crossed its model's MQL threshold gets a `Lead Became MQL` event
 * (stored like an ingested one, idempotent by message id, then passed to journeys, so a journey
 * with that event trigger enters the lead) and a notification in sales' inbox; journeys whose
 * `scoreThreshold` trigger a move crosses enter the lead too.
 */
export async function applyScoreMoves(
  em: Em,
  workspace: Workspace,
  moves: readonly ScoreMove[],
  cause: TransitionCause,
): Promise<void> {
  if (moves.length === 0) return;
  const changes = new Map<string, DataChange[]>();
  const add = (customerId: string, change: DataChange) =>
    changes.set(customerId, [...(changes.get(customerId) ?? []), change]);
  for (const m of moves) add(m.customerId, { kind: 'score', model: m.model.plan.key });
  const mqls = mqlMoves(moves);
  const events: IngestedEvent[] = [];
  for (const m of mqls) {
    const properties = {
      model: m.model.plan.key,
      score: m.after,
      threshold: m.model.plan.mqlThreshold,
    };
    const messageId = `mql:${m.model.plan.key}:${m.customerId}:${m.at.toISOString()}`;
    const inserted = await em
      .createQueryBuilder(Event)
      .insert({
        id: newId(),
        workspace: workspace.id,
        customer: m.customerId,
        name: MQL_EVENT,
        properties,
        occurredAt: m.at,
        receivedAt: m.at,
        messageId,
      })
      .onConflict(['workspace', 'messageId'])
      .ignore()
      .execute('run');
    if (inserted.affectedRows === 0) continue;
    em.create(LeadNotification, {
      workspace,
      customer: m.customerId,
      model: m.model.plan.key,
      score: m.after,
      threshold: m.model.plan.mqlThreshold!,
      at: m.at,
    });
    events.push({
      customerId: m.customerId,
      name: MQL_EVENT,
      properties,
      occurredAt: m.at.getTime(),
    });
    add(m.customerId, { kind: 'event', name: MQL_EVENT });
  }
  await em.flush();
  const now = moves[0]!.at;
  await updateMemberships(em, workspace, changes, now, cause);
  await journeysOnEvents(em, workspace, events, now);
  await journeysOnScoreChanges(
    em,
    workspace.id,
    moves.map((m) => ({
      customerId: m.customerId,
      model: m.model.plan.key,
      before: m.before,
      after: m.after,
    })),
    now,
  );
}
