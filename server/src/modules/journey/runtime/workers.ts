import { BaseSqlitePlatform } from '@mikro-orm/knex';
import type { Orm } from '../../../db/orm';
import type { Logger } from '../../../logger';
import type { Channels } from '../channels/channel-provider';
import { dispatchDue } from './dispatch';
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
export function startJourneyWorkers(
  orm: Orm,
  channels: Channels,
  logger: Logger,
  intervalMs: number,
  clock: Clock = databaseClock(orm),
): () => Promise<void> {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    running = (async () => {
      try {
        for (let busy = true; busy && !stopped;) {
          const now = await clock();
          const timers = await runDueTimers(orm, now);
          const sends = await dispatchDue(orm, channels, now);
          busy = timers.claimed >= 200 || sends.claimed >= 100;
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
