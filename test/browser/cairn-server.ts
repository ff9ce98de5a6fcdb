import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp, loadConfig } from '@cairn/server';

export const CLIENT_DIST = fileURLToPath(new URL('../../client/dist', import.meta.url));

export interface RunningCairn {
  /** e.g. http://127.0.0.1:41234 */
  readonly baseUrl: string;
  /** The demo workspace's key, as the server injects it into the page. */
  readonly apiKey: string;
  /** Runs a GraphQL operation with the demo key; throws on any error. */
  graphql<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
  stop(): Promise<void>;
}

/**
 * The real server, seeded with the demo workspace in a scratch SQLite file, serving the built
 * client on a free loopback port.
 */
export async function startCairn(): Promise<RunningCairn> {
  if (!existsSync(join(CLIENT_DIST, 'index.html'))) {
    throw new Error(
      `The client is not built (${CLIENT_DIST}/index.html is missing): run pnpm --filter @cairn/client build`,
    );
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'cairn-browser-'));
  const app = await createApp(
    loadConfig({
      DATABASE_URL: `sqlite:${join(dataDir, 'db.sqlite')}`,
      DATA_DIR: dataDir,
      SEED_DEMO: 'true',
      LOG_LEVEL: 'silent',
      CLIENT_DIST,
    }),
  );
  const server = app.express.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const stop = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  if (!app.demo || !app.servesClient) {
    await stop();
    throw new Error('The server did not seed the demo workspace or does not serve the client.');
  }

  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const { apiKey } = app.demo;
  return {
    baseUrl,
    apiKey,
    async graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
      const response = await fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: T; errors?: unknown[] };
      if (!response.ok || body.errors || body.data === undefined) {
        throw new Error(`GraphQL request failed (${response.status}): ${JSON.stringify(body)}`);
      }
      return body.data;
    },
    stop,
  };
}
