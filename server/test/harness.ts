import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { loadConfig } from '../src/config/config';
import { createApp, type CairnApp } from '../src/http/create-app';
import { createApiKey } from '../src/auth/api-key.service';
import { Workspace } from '../src/db/entities';
import { createScratchPostgres, DEFAULT_TEST_PG_URL } from '../src/db/scratch-postgres';

/** Which database the integration suite runs on: `CAIRN_TEST_DB=postgres` switches to PostgreSQL. */
export const testDialect = process.env['CAIRN_TEST_DB'] === 'postgres' ? 'postgres' : 'sqlite';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: {
    data?: T | null;
    errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> }>;
  };
}

export interface TestApp {
  readonly app: CairnApp;
  readonly url: string;
  /** Every log line the app wrote, parsed. */
  readonly logs: Array<Record<string, unknown>>;
  /** A new workspace with an admin key (`key`) and a write key (`writeKey`). */
  workspace(name: string): Promise<{ id: string; key: string; writeKey: string }>;
  /** `POST /v1/events` with a body (an array is sent as JSON, a string as NDJSON). */
  events(
    key: string | undefined,
    body: unknown[] | string,
  ): Promise<{ status: number; body: IngestBody }>;
  gql<T = Record<string, unknown>>(
    key: string | undefined,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/**
 * Starts the real application on a fresh database (a temporary SQLite file, or a brand-new
 * PostgreSQL database on CAIRN_TEST_PG_URL) and binds it to 127.0.0.1 on a free port.
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-test-'));
  const pg =
    testDialect === 'postgres'
      ? await createScratchPostgres(process.env['CAIRN_TEST_PG_URL'] || DEFAULT_TEST_PG_URL)
      : undefined;
  const logs: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n'))
        if (line.trim()) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const config = loadConfig({
    DATABASE_URL: pg ? pg.url : `sqlite:${join(dir, 'cairn.sqlite')}`,
    DATA_DIR: dir,
    SEED_DEMO: 'false',
    NODE_ENV: 'test',
    // Tests drive the journey workers themselves (runDueTimers, dispatchDue) at the times they choose.
    JOURNEY_WORKER_MS: '0',
    ...env,
  });
  const app = await createApp(config, { logger: pino({ level: 'info' }, sink) });
  const server: Server = await new Promise((resolve) => {
    const s = app.express.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    app,
    url,
    logs,
    async workspace(name) {
      const em = app.orm.em.fork();
      const workspace = em.create(Workspace, { name });
      const { secret } = createApiKey(em, workspace, `${name} key`);
      const write = createApiKey(em, workspace, `${name} write key`, 'write');
      await em.flush();
      return { id: workspace.id, key: secret, writeKey: write.secret };
    },
    async events(key, body) {
      const res = await fetch(`${url}/v1/events`, {
        method: 'POST',
        headers: {
          'content-type': typeof body === 'string' ? 'application/x-ndjson' : 'application/json',
          ...(key ? { authorization: `Bearer ${key}` } : {}),
        },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as IngestBody };
    },
    async gql(key, query, variables) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(key ? { authorization: `Bearer ${key}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      return {
        status: res.status,
        headers: res.headers,
        body: (await res.json()) as GraphQLResponse['body'],
      } as GraphQLResponse<never>;
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await app.close();
      await pg?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** What `POST /v1/events` and the `track`/`identify` mutations answer. */
export interface IngestBody {
  results: Array<{
    index: number;
    status: 'ACCEPTED' | 'DUPLICATE' | 'REJECTED';
    customerId: string | null;
    profile: 'CREATED' | 'UPDATED' | 'MERGED' | 'UNCHANGED' | null;
    mergedCustomerIds: string[];
    messageId: string | null;
    problems: Array<{ code: string; path: string[]; message: string }>;
  }>;
  accepted: number;
  duplicates: number;
  rejected: number;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/** The `extensions.code` of each error of a response. */
export const codes = (res: GraphQLResponse<unknown>) =>
  (res.body.errors ?? []).map((e) => e.extensions?.['code']);
