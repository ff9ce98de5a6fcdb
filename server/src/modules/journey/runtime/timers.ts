import { resumeOnTimer } from '@cairn/schema';
import { Customer, JourneyEnrollment, JourneyTimer, Workspace } from '../../../db/entities';
import type { Orm } from '../../../db/orm';
import { scopeToWorkspace } from '../../../db/workspace-filter';
import { loadCustomerFacts } from '../../../rules/customer-facts';
import { applyAdvance, type ProfileChanges } from './apply-advance';
import { backoffMs, claimDue } from './claim';
import { loadPlans, planKey } from './plans';

export interface TimerRunOptions {
  readonly limit?: number;
  /** How long a claim holds before another worker may take the timer over. */
  readonly leaseMs?: number;
  /** Failures before a timer is dead-lettered. */
  readonly maxAttempts?: number;
}

export interface TimerRun {
  readonly claimed: number;
  readonly moved: number;
  readonly failed: number;
}

/**
 * Ends the waits that are due at `now`: claims their timers (leased, SKIP LOCKED on PostgreSQL),
 * then moves each customer on in a transaction of their own that first checks the claim still
 * holds, so a timer is acted on once even when a lease expired under a slow worker. A failure
 * backs the timer off; after `maxAttempts` it is dead-lettered (visible in GraphQL).
 */
export async function runDueTimers(
  orm: Orm,
  now: Date,
  options: TimerRunOptions = {},
): Promise<TimerRun> {
  const leaseMs = options.leaseMs ?? 30_000;
  const maxAttempts = options.maxAttempts ?? 5;
  const claimed = await claimDue(
    orm.em.fork(),
    JourneyTimer,
    { failedAt: null },
    now,
    leaseMs,
    options.limit ?? 200,
  );
  let moved = 0;
  let failed = 0;
  for (const timer of claimed) {
    try {
      if (await fireTimer(orm, timer, now)) moved++;
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
  return { claimed: claimed.length, moved, failed };
}

/** Moves one waiting customer on; false when the timer turned out stale or the journey is not running. */
async function fireTimer(orm: Orm, claimedTimer: JourneyTimer, now: Date): Promise<boolean> {
  return orm.em.fork().transactional(async (tx) => {
    scopeToWorkspace(tx, claimedTimer.workspace.id);
    const timer = await tx.findOne(JourneyTimer, {
      id: claimedTimer.id,
      leaseUntil: claimedTimer.leaseUntil,
    });
    if (!timer) return false; // taken over by another worker after our lease ran out
    const enrollment = await tx.findOne(
      JourneyEnrollment,
      { id: timer.enrollment.id },
      { populate: ['journey'] },
    );
    if (!enrollment || enrollment.status !== 'active' || enrollment.nodeId !== timer.nodeId) {
      tx.remove(timer);
      return false;
    }
    if (enrollment.journey.status !== 'active') {
      // Paused: the wait ends when the journey resumes.
      timer.leaseUntil = null;
      timer.dueAt = new Date(now.getTime() + 60_000);
      return false;
    }
    const plan = (
      await loadPlans(tx, [{ journeyId: enrollment.journey.id, version: enrollment.version }])
    ).get(planKey(enrollment.journey.id, enrollment.version));
    if (!plan)
      throw new Error(`journey ${enrollment.journey.id} has no version ${enrollment.version}`);
    const facts = (await loadCustomerFacts(tx, [enrollment.customer.id])).get(
      enrollment.customer.id,
    );
    if (!facts)
      throw new Error(`customer ${enrollment.customer.id} of enrollment ${enrollment.id} is gone`);
    const customer = await tx.findOneOrFail(
      Customer,
      { id: enrollment.customer.id },
      { fields: ['timeZone'] },
    );
    const position = {
      status: 'waiting' as const,
      nodeId: enrollment.nodeId,
      since: enrollment.since.getTime(),
      wakeAt: timer.dueAt.getTime(),
      ...(enrollment.awaiting ? { awaiting: enrollment.awaiting } : {}),
    };
    // A timer that was backed off after a failure is due later than its wait: judge by the wait.
    const move = resumeOnTimer(plan, position, {
      facts,
      now: Math.max(now.getTime(), position.wakeAt),
      timeZone: customer.timeZone ?? 'UTC',
    });
    if (!move) return false;
    const changes: ProfileChanges = { traitsChanged: new Set() };
    await applyAdvance(
      tx,
      tx.getReference(Workspace, claimedTimer.workspace.id),
      enrollment,
      move,
      facts,
      now,
      changes,
    );
    return true;
  });
}
