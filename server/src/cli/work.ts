import type { Config } from '../config/config';
import { createOrm, migrate } from '../db/orm';
import { createLogger } from '../logger';
import { createChannels } from '../modules/journey/channels/channels';
import { startJourneyWorkers } from '../modules/journey/runtime/workers';
import { startRecheckWorker } from '../modules/segment/membership/recheck-worker';

/**
 * `cairn worker`: the background work alone, so API and worker processes scale separately on
 * PostgreSQL (any number of each share one database: claims use SKIP LOCKED and leases). On
 * SQLite run a single worker, or none besides `cairn serve`, which runs them too.
 * SIGTERM/SIGINT finish the current run, then exit.
 */
export async function work(config: Config): Promise<void> {
  const logger = createLogger(config);
  const orm = await createOrm(config.database, logger);
  await migrate(orm);
  const channels = createChannels(config.channels);
  const interval = config.journeyWorkerMs > 0 ? config.journeyWorkerMs : 500;
  const stopJourneys = startJourneyWorkers(orm, channels, logger, {
    intervalMs: interval,
    leaseMs: config.journeyLeaseMs,
    timerLookaheadMs: config.journeyTimerLookaheadMs,
  });
  const stopRechecks =
    config.segmentRecheckMs > 0
      ? startRecheckWorker(orm, logger, config.segmentRecheckMs)
      : async () => undefined;
  const configured = Object.keys(channels);
  logger.info({ intervalMs: interval, channels: configured }, 'worker started');
  process.stdout.write(
    `Cairn worker running (every ${interval} ms; channels: ${configured.join(', ') || 'none configured'})\n`,
  );
  const keepAlive = setInterval(() => undefined, 60_000);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'worker stopping');
    clearInterval(keepAlive);
    await stopJourneys();
    await stopRechecks();
    await Promise.all(Object.values(channels).map((c) => c.close?.()));
    await orm.close(true);
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}
