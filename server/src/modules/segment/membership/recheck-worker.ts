import { LockMode } from '@mikro-orm/core';
import { BaseSqlitePlatform } from '@mikro-orm/knex';
import { SegmentRecheck, Workspace } from '../../../db/entities';
import type { Em, Orm } from '../../../db/orm';
import { scopeToWorkspace } from '../../../db/workspace-filter';
import type { Logger } from '../../../logger';
import { updateMemberships } from './segment-updater';

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
  return orm.em.fork().transactional(async (tx) => {
    const sqlite = tx.getPlatform() instanceof BaseSqlitePlatform;
    const due = await tx.find(
      SegmentRecheck,
      { dueAt: { $lte: now } },
      {
        filters: false,
        orderBy: { dueAt: 'asc', id: 'asc' },
        limit,
        ...(sqlite ? {} : { lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE }),
      },
    );
    if (due.length === 0) return 0;
    await tx.nativeDelete(
      SegmentRecheck,
      { id: { $in: due.map((r) => r.id) } },
      { filters: false },
    );
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
        while (!stopped && (await runDueRechecks(orm, new Date())) >= 1_000);
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
