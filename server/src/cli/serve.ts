import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Config } from '../config/config';
import { createApp } from '../http/create-app';

/** Starts the app and listens; SIGTERM/SIGINT drain in-flight requests, then close the database. */
export async function serve(config: Config): Promise<void> {
  const app = await createApp(config);
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.express.listen(config.port, config.host, () => resolve(s));
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const base = `http://${config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host}:${port}`;
  const lines = [
    '',
    `  Cairn is running on ${config.database.dialect === 'sqlite' ? `SQLite (${config.database.path})` : 'PostgreSQL'}`,
    app.servesClient
      ? `  App:         ${base}/`
      : '  App:         not built (run `pnpm --filter @cairn/client build`)',
    `  Playground:  ${base}/playground`,
    `  GraphQL API: ${base}/graphql`,
    ...(app.demo && config.env !== 'production' ? [`  Demo API key: ${app.demo.apiKey}`] : []),
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
  app.logger.info({ port, host: config.host }, 'listening');

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.logger.info({ signal }, 'shutting down: draining requests');
    const force = setTimeout(() => {
      app.logger.warn('shutdown timed out; closing open connections');
      server.closeAllConnections();
    }, config.shutdownTimeoutMs);
    force.unref();
    server.close(async () => {
      await app.close();
      app.logger.info('stopped');
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}
