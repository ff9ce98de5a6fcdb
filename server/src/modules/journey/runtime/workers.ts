import { BaseSqlitePlatform } from '@mikro-orm/knex';
import type { Orm } from '../../../db/orm';
import type { Logger } from '../../../logger';
import type { Channels } from '../channels/channel-provider';
import { dispatchDue } from './dispatch';
import { runInbox } from './inbox';
import { runSchedules } from './schedules';
import { runDueTimers } from './timers';

/** Where workers read the time: the database's clock in production (one clock for every process). */
export type Clock = () => Promise<Date>;

export function databaseClock(orm: Orm): Clock {
  const sqlite = orm.em.getPlatform() instanceof BaseSqlitePlatform;
  const sql = sqlite
    ? `select cast(round((julianday('now') - 2440587.5) * 86400000) as integer) as ms`
    : `select (extract(epoch from clock_timestamp()) * 1000)::bigint as ms`;
  return async () => {
    const [row] = await orm.em.getConnection().execute<Array<{ ms: number | string }>>(sql);
    return new Date(Number(row!.ms));
  };
}

/**
 * The journey workers of one process: every `intervalMs` they end due waits and send due
 * messages (a run that finds a full batch goes again at once). Any number of processes may run
 * them against one PostgreSQL database. Returns a function that stops them and waits.
 */
export interface WorkerOptions {
  readonly intervalMs: number;
  readonly leaseMs?: number;
  readonly clock?: Clock;
  /** Timers due within this much of now count as due (tests and benchmarks; 0 in production). */
  readonly timerLookaheadMs?: number;
}

export function startJourneyWorkers(
  orm: Orm,
  channels: Channels,
  logger: Logger,
  options: WorkerOptions,
): () => Promise<void> {
  const { intervalMs, leaseMs = 30_000 } = options;
  const clock = options.clock ?? databaseClock(orm);
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let schedulesRanAt = 0;
  const tick = () => {
    running = (async () => {
      try {
        for (let busy = true; busy && !stopped;) {
          const now = await clock();
          // Scheduled journeys look back to their last run, so every 10 s is enough.
          if (now.getTime() - schedulesRanAt >= 10_000) {
            await runSchedules(orm, now);
            schedulesRanAt = now.getTime();
          }
          const entered = await runInbox(orm, now, 500, leaseMs);
          const dueBy = new Date(now.getTime() + (options.timerLookaheadMs ?? 0));
          const timers = await runDueTimers(orm, now, { leaseMs, dueBy });
          const sends = await dispatchDue(orm, channels, now, { leaseMs });
          busy = entered >= 500 || timers.claimed >= 200 || sends.claimed >= 100;
          if (timers.failed > 0)
            logger.warn({ failed: timers.failed }, 'journey timers failed; retrying with back-off');
        }
      } catch (error) {
        logger.error({ err: error }, 'journey worker run failed; retrying at the next tick');
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
