import { resumeOnTimer } from '@cairn/schema';
import { Customer, JourneyEnrollment, JourneyTimer, Workspace } from '../../../db/entities';
import type { Em, Orm } from '../../../db/orm';
import { scopeToWorkspace } from '../../../db/workspace-filter';
import { loadCustomerFacts } from '../../../rules/customer-facts';
import { MoveBatch } from './move-batch';
import { backoffMs, claimDue } from './claim';
import { loadPlans, planKey } from './plans';
import { readTogether } from '../../../db/read-together';
import { writeTransaction } from '../../../db/write-transaction';

export interface TimerRunOptions {
  readonly limit?: number;
  /** How long a claim holds before another worker may take the timer over. */
  readonly leaseMs?: number;
  /** Failures before a timer is dead-lettered. */
  readonly maxAttempts?: number;
  /** Claim timers due by then (default `now`); a later one ends at its own time. */
  readonly dueBy?: Date;
}

export interface TimerRun {
  readonly claimed: number;
  readonly moved: number;
  readonly failed: number;
}

/**
 * Ends the waits that are due at `now`: claims their timers (leased, SKIP LOCKED on PostgreSQL),
 * then moves the customers on, a workspace's batch in one transaction that first checks each
 * claim still holds, so a timer is acted on once even when a lease expired under a slow worker.
 * When a batch fails, its timers are run one by one so one bad timer cannot hold the others
 * back; a failing timer backs off, and after `maxAttempts` it is dead-lettered (in GraphQL).
 */
export async function runDueTimers(
  orm: Orm,
  now: Date,
  options: TimerRunOptions = {},
): Promise<TimerRun> {
  const maxAttempts = options.maxAttempts ?? 5;
  const claimed = await claimDue(
    orm.em.fork(),
    JourneyTimer,
    { failedAt: null },
    now,
    options.leaseMs ?? 30_000,
    options.limit ?? 200,
    options.dueBy,
  );
  const byWorkspace = new Map<string, JourneyTimer[]>();
  for (const t of claimed)
    byWorkspace.set(t.workspace.id, [...(byWorkspace.get(t.workspace.id) ?? []), t]);
  let moved = 0;
  let failed = 0;
  for (const [workspaceId, timers] of byWorkspace) {
    try {
      moved += await fireTimers(orm, workspaceId, timers, now);
      continue;
    } catch {
      // one of them is bad: find which, running them one at a time
    }
    for (const timer of timers) {
      try {
        moved += await fireTimers(orm, workspaceId, [timer], now);
      } catch (error) {
        failed++;
        const attempts = timer.attempts + 1;
        await orm.em.fork().nativeUpdate(
          JourneyTimer,
          { id: timer.id, leaseUntil: timer.leaseUntil },
          {
            attempts,
            leaseUntil: null,
            lastError: error instanceof Error ? error.message.slice(0, 2_000) : String(error),
            ...(attempts >= maxAttempts
              ? { failedAt: now }
              : { dueAt: new Date(now.getTime() + backoffMs(attempts)) }),
          },
          { filters: false },
        );
      }
    }
  }
  return { claimed: claimed.length, moved, failed };
}

/** Moves the customers of claimed timers on, in one transaction; returns how many moved. */
async function fireTimers(
  orm: Orm,
  workspaceId: string,
  claimed: readonly JourneyTimer[],
  now: Date,
): Promise<number> {
  return writeTransaction(orm.em.fork(), async (tx) => {
    scopeToWorkspace(tx, workspaceId);
    const lease = new Map(claimed.map((t) => [t.id, t.leaseUntil?.getTime()]));
    const timers = (await tx.find(JourneyTimer, { id: { $in: [...lease.keys()] } })).filter(
      // a timer whose lease changed was taken over by another worker after ours ran out
      (t) => t.leaseUntil?.getTime() === lease.get(t.id),
    );
    if (timers.length === 0) return 0;
    const enrollments = new Map(
      (
        await tx.find(
          JourneyEnrollment,
          { id: { $in: timers.map((t) => t.enrollment.id) } },
          { populate: ['journey'] },
        )
      ).map((e) => [e.id, e]),
    );
    const customerIds = [...new Set([...enrollments.values()].map((e) => e.customer.id))];
    const [plans, facts, zones] = await readTogether(tx, [
      () =>
        loadPlans(
          tx,
          [...enrollments.values()].map((e) => ({ journeyId: e.journey.id, version: e.version })),
        ),
      () => loadCustomerFacts(tx, customerIds),
      () => timeZones(tx, customerIds),
    ]);
    const batch = new MoveBatch(tx, tx.getReference(Workspace, workspaceId), now);
    let moved = 0;
    for (const timer of timers) {
      const enrollment = enrollments.get(timer.enrollment.id);
      if (!enrollment || enrollment.status !== 'active' || enrollment.nodeId !== timer.nodeId) {
        tx.remove(timer);
        continue;
      }
      if (enrollment.journey.status !== 'active') {
        // Paused: look again in a minute; the wait ends once the journey resumes.
        timer.leaseUntil = null;
        timer.dueAt = new Date(now.getTime() + 60_000);
        continue;
      }
      const plan = plans.get(planKey(enrollment.journey.id, enrollment.version));
      if (!plan)
        throw new Error(`journey ${enrollment.journey.id} has no version ${enrollment.version}`);
      const customerFacts = facts.get(enrollment.customer.id);
      if (!customerFacts)
        throw new Error(
          `customer ${enrollment.customer.id} of enrollment ${enrollment.id} is gone`,
        );
      const position = {
        status: 'waiting' as const,
        nodeId: enrollment.nodeId,
        since: enrollment.since.getTime(),
        wakeAt: timer.dueAt.getTime(),
        ...(enrollment.awaiting ? { awaiting: enrollment.awaiting } : {}),
      };
      // A timer backed off after a failure is due later than its wait: judge by the wait.
      const at = Math.max(now.getTime(), position.wakeAt);
      const timeZone = zones.get(enrollment.customer.id) ?? 'UTC';
      const move = resumeOnTimer(plan, position, { facts: customerFacts, now: at, timeZone });
      if (!move) continue;
      await batch.apply(enrollment, move, customerFacts);
      moved++;
    }
    await batch.write();
    return moved;
  });
}

async function timeZones(em: Em, customerIds: readonly string[]): Promise<Map<string, string>> {
  const rows = await em.find(Customer, { id: { $in: [...customerIds] } }, { fields: ['timeZone'] });
  return new Map(rows.map((c) => [c.id, c.timeZone ?? 'UTC']));
}
