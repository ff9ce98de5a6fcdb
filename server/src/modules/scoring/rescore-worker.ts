import { ScoringRecheck, Workspace } from '../../db/entities';
import { claimDueRows } from '../../db/claim-due';
import type { Em, Orm } from '../../db/orm';
import { scopeToWorkspace } from '../../db/workspace-filter';
import { applyScoreMoves } from './score-effects';
import { rescore } from './score-updater';
import { writeTransaction } from '../../db/write-transaction';

/**
 * Runs the clock-driven re-scores due at `now`: claims them (SKIP LOCKED on PostgreSQL), and
 * re-scores each (model, customer) **at its due instant**, not at `now`, so the history holds the
 * exact moment decay halved the score or a window closed; the re-score schedules the next one.
 * Returns how many were run (call again until 0 to catch up several halvings). The segment
 * re-check worker runs it on its tick.
 */
export async function runDueRescores(orm: Orm, now: Date, limit = 1_000): Promise<number> {
  return writeTransaction(orm.em.fork(), async (tx) => {
    const due = await claimDueRows(tx, ScoringRecheck, now, limit);
    if (due.length === 0) return 0;
    const groups = new Map<string, ScoringRecheck[]>();
    for (const r of due) {
      const key = `${r.workspace.id} ${r.modelId} ${r.dueAt.getTime()}`;
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    for (const rows of groups.values()) {
      const { workspace, modelId, dueAt } = rows[0]!;
      const em: Em = tx.fork({ keepTransactionContext: true });
      scopeToWorkspace(em, workspace.id);
      const ws = em.getReference(Workspace, workspace.id);
      const changed = new Map(rows.map((r) => [r.customer.id, 'all' as const]));
      const moves = await rescore(em, ws, changed, dueAt, modelId);
      await applyScoreMoves(em, ws, moves, 'clock');
    }
    return due.length;
  });
}
