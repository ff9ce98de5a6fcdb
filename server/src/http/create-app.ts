import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import express, { type Express } from 'express';
import type { Config } from '../config/config';
import { checkpointInBackground } from '../db/sqlite-checkpointer';
import { createOrm, isDatabaseReachable, keepStatisticsFresh, migrate, type Orm } from '../db/orm';
import { scopeToWorkspace } from '../db/workspace-filter';
import { authenticate } from '../auth/api-key.service';
import { CairnError } from '../errors/cairn-error';
import { errorReportingPlugin, formatError, maskedError } from '../errors/format-error';
import type { RequestContext } from '../graphql/context';
import { createLoaders } from '../graphql/loaders';
import { buildCairnSchema } from '../graphql/schema';
import { createLogger, type Logger } from '../logger';
import { startRecheckWorker } from '../modules/segment/membership/recheck-worker';
import { createChannels } from '../modules/journey/channels/channels';
import { startJourneyWorkers } from '../modules/journey/runtime/workers';
import { seedDemoIfEmpty, type DemoWorkspace } from '../seed/demo-seed';
import { clientApp } from './client-app';
import { eventsRoute } from './events-route';
import { importRoute } from './import-route';
import { errorHandler, routeNotFound } from './errors';
import { requestLog } from './request-log';

export interface CairnApp {
  readonly config: Config;
  readonly express: Express;
  readonly orm: Orm;
  readonly logger: Logger;
  /** The demo workspace, when the config seeds it. */
  readonly demo: DemoWorkspace | undefined;
  /** Whether the built web app is being served at `/`. */
  readonly servesClient: boolean;
  /** Stops GraphQL and closes the database (call after the HTTP server stopped accepting). */
  close(): Promise<void>;
}

/**
 * Builds the whole application (database migrated, demo seeded when configured, GraphQL, web app)
 * without listening: `main.ts` listens, tests bind port 0.
 */
export async function createApp(
  config: Config,
  options: { logger?: Logger } = {},
): Promise<CairnApp> {
  const logger = options.logger ?? createLogger(config);
  const orm = await createOrm(config.database, logger);
  try {
    const applied = await migrate(orm);
    if (applied.length > 0) logger.info({ migrations: applied }, 'applied database migrations');
    const stopStatistics = keepStatisticsFresh(orm);
    const stopCheckpoints =
      config.database.dialect === 'sqlite' && config.database.path !== ':memory:'
        ? checkpointInBackground(config.database.path)
        : async () => undefined;
    const stopRechecks =
      config.segmentRecheckMs > 0
        ? startRecheckWorker(orm, logger, config.segmentRecheckMs)
        : async () => undefined;
    const channels = createChannels(config.channels);
    const stopJourneys =
      config.journeyWorkerMs > 0
        ? startJourneyWorkers(orm, channels, logger, {
            intervalMs: config.journeyWorkerMs,
            leaseMs: config.journeyLeaseMs,
            timerLookaheadMs: config.journeyTimerLookaheadMs,
          })
        : async () => undefined;
    const demo = config.seedDemo ? await seedDemoIfEmpty(orm, config.dataDir, logger) : undefined;

    const apollo = new ApolloServer<RequestContext>({
      schema: await buildCairnSchema(),
      formatError,
      plugins: [errorReportingPlugin, ApolloServerPluginLandingPageDisabled()],
      introspection: true,
      includeStacktraceInErrorResponses: false,
      // main.ts owns shutdown (drain HTTP, then close); Apollo's own handler would re-raise the signal.
      stopOnTerminationSignals: false,
    });
    await apollo.start();

    const app = express();
    app.disable('x-powered-by');
    app.use(requestLog(logger));
    app.get('/healthz', (_req, res) => {
      res.json({ status: 'ok' });
    });
    app.get('/readyz', async (_req, res) => {
      const ready = await isDatabaseReachable(orm);
      res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'database unreachable' });
    });
    app.use(eventsRoute(orm));
    app.use(importRoute(orm));
    app.use(
      '/graphql',
      express.json({ limit: '1mb' }),
      expressMiddleware(apollo, {
        context: async ({ req }): Promise<RequestContext> => {
          const requestId = String(req.id);
          const em = orm.em.fork();
          try {
            const workspace = await authenticate(em, req.headers.authorization);
            scopeToWorkspace(em, workspace.id);
            return { requestId, log: req.log, em, workspace, loaders: createLoaders(em) };
          } catch (error) {
            if (error instanceof CairnError) throw error;
            req.log.error({ err: error }, 'unexpected error while authenticating');
            throw maskedError(requestId);
          }
        },
      }),
    );
    const client = clientApp(
      config.clientDist,
      config.env === 'production' || !demo ? {} : { demoApiKey: demo.apiKey },
    );
    if (client) app.use(client);
    app.use(routeNotFound);
    app.use(errorHandler);

    return {
      config,
      express: app,
      orm,
      logger,
      demo,
      servesClient: client !== undefined,
      async close() {
        stopStatistics();
        await stopCheckpoints();
        await stopRechecks();
        await stopJourneys();
        await Promise.all(Object.values(channels).map((c) => c.close?.()));
        await apollo.stop();
        await orm.close(true);
      },
    };
  } catch (error) {
    await orm.close(true);
    throw error;
  }
}
