import { SegmentRecheck, Workspace } from '../../../db/entities';
import { claimDueRows } from '../../../db/claim-due';
import type { Em, Orm } from '../../../db/orm';
import { scopeToWorkspace } from '../../../db/workspace-filter';
import type { Logger } from '../../../logger';
import { runDueRescores } from '../../scoring/rescore-worker';
import { updateMemberships } from './segment-updater';
import { writeTransaction } from '../../../db/write-transaction';

export interface RecheckOptions {
  /** How many due re-checks one run claims at most. */
  readonly limit?: number;
}

/**
 * Runs the re-checks that are due at `now`: claims them (on PostgreSQL with SKIP LOCKED, so
 * several processes share the work), deletes them, and re-evaluates each (segment, customer)
 * pair with the clock as the cause, which also schedules the pair's next re-check. Returns how
 * many were run.
 */
export async function runDueRechecks(
  orm: Orm,
  now: Date,
  options: RecheckOptions = {},
): Promise<number> {
  const limit = options.limit ?? 1_000;
  return writeTransaction(orm.em.fork(), async (tx) => {
    const due = await claimDueRows(tx, SegmentRecheck, now, limit);
    if (due.length === 0) return 0;
    const byWorkspace = new Map<string, SegmentRecheck[]>();
    for (const r of due)
      byWorkspace.set(r.workspace.id, [...(byWorkspace.get(r.workspace.id) ?? []), r]);
    for (const [workspaceId, rows] of byWorkspace) {
      const em: Em = tx.fork({ keepTransactionContext: true });
      scopeToWorkspace(em, workspaceId);
      const changed = new Map(rows.map((r) => [r.customer.id, 'all' as const]));
      const segments = new Set(rows.map((r) => r.segmentId));
      await updateMemberships(
        em,
        em.getReference(Workspace, workspaceId),
        changed,
        now,
        'clock',
        segments,
      );
    }
    return due.length;
  });
}

/**
 * Runs due re-checks every `intervalMs` in the background (one run at a time; a run that finds a
 * full batch goes again at once). Returns a function that stops it and waits for the current run.
 */
export function startRecheckWorker(
  orm: Orm,
  logger: Logger,
  intervalMs = 1_000,
): () => Promise<void> {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    running = (async () => {
      try {
        // Scores re-checked by the clock (decay, windows) share the tick: the same kind of work.
        while (
          !stopped &&
          (await runDueRechecks(orm, new Date())) + (await runDueRescores(orm, new Date())) >= 1_000
        );
      } catch (error) {
        logger.error({ err: error }, 'segment re-check run failed; retrying at the next tick');
      }
      if (!stopped) timer = setTimeout(tick, intervalMs).unref();
    })();
  };
  timer = setTimeout(tick, intervalMs).unref();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await running;
  };
}
