import { spawn, type ChildProcess } from 'node:child_process';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JourneyGraph } from '@cairn/schema';
import { createApiKey } from '../../src/auth/api-key.service';
import { loadConfig } from '../../src/config/config';
import {
  JourneyEnrollment,
  JourneyInbox,
  JourneyTimer,
  OutboxMessage,
  Workspace,
} from '../../src/db/entities';
import { createScratchPostgres, DEFAULT_TEST_PG_URL } from '../../src/db/scratch-postgres';
import { scopeToWorkspace } from '../../src/db/workspace-filter';
import { createApp, type CairnApp } from '../../src/http/create-app';
import { JourneyService } from '../../src/modules/journey/journey.service';
import { testDialect } from '../harness';
import { startHttpReceiver } from '../receivers/http-receiver';
import { startSmtpReceiver } from '../receivers/smtp-receiver';
import { pino } from 'pino';

/**
 * Crash test: `cairn worker` processes are killed with SIGKILL at random moments while customers
 * enter a journey (email, a wait, an SMS); afterwards every customer has received each message
 * exactly once, counted by idempotency key at real receivers (an SMTP server and an HTTP endpoint).
 * Sizes: JOURNEY_CRASH_CUSTOMERS (default 1,000) and JOURNEY_CRASH_KILLS (default 50 on
 * PostgreSQL, 10 on SQLite, where one writer at a time makes each restart slower).
 */
const CUSTOMERS = Number(process.env['JOURNEY_CRASH_CUSTOMERS'] ?? 1_000);
const KILLS = Number(process.env['JOURNEY_CRASH_KILLS'] ?? (testDialect === 'postgres' ? 50 : 10));
const BATCH = 100;
const serverDir = new URL('../..', import.meta.url).pathname;

const graph: JourneyGraph = {
  version: 1,
  settings: { reentry: 'never', exitOnGoal: false },
  nodes: [
    { id: 'signup', kind: 'trigger', trigger: { type: 'event', event: 'Signed Up' } },
    {
      id: 'welcome',
      kind: 'action',
      action: {
        type: 'send',
        channel: 'email',
        template: { subject: 'Welcome', body: '<p>Hi {{ traits.name }}</p>' },
      },
    },
    {
      id: 'later',
      kind: 'wait',
      wait: { type: 'duration', duration: { amount: 1, unit: 'minutes' } },
    },
    {
      id: 'nudge',
      kind: 'action',
      action: { type: 'send', channel: 'sms', template: { body: 'Need help, {{ traits.name }}?' } },
    },
    { id: 'done', kind: 'exit' },
  ],
  edges: [
    { id: 'a', source: 'signup', sourceHandle: 'next', target: 'welcome' },
    { id: 'b', source: 'welcome', sourceHandle: 'next', target: 'later' },
    { id: 'c', source: 'later', sourceHandle: 'next', target: 'nudge' },
    { id: 'd', source: 'nudge', sourceHandle: 'next', target: 'done' },
  ],
};

let app: CairnApp;
let server: Server;
let url: string;
let databaseUrl: string;
let dropDatabase: (() => Promise<void>) | undefined;
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
let sms: Awaited<ReturnType<typeof startHttpReceiver>>;
let workspaceId: string;
let writeKey: string;
let journeyId: string;

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  sms = await startHttpReceiver();
  const dir = mkdtempSync(join(tmpdir(), 'cairn-crash-'));
  if (testDialect === 'postgres') {
    const pg = await createScratchPostgres(process.env['CAIRN_TEST_PG_URL'] || DEFAULT_TEST_PG_URL);
    databaseUrl = pg.url;
    dropDatabase = () => pg.drop();
  } else databaseUrl = `sqlite:${join(dir, 'crash.sqlite')}`;
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    DATA_DIR: dir,
    SEED_DEMO: 'false',
    NODE_ENV: 'test',
    JOURNEY_WORKER_MS: '0',
    SEGMENT_RECHECK_MS: '0',
  });
  app = await createApp(config, { logger: pino({ level: process.env['CRASH_LOG'] ?? 'silent' }) });
  server = await new Promise((resolve) => {
    const s = app.express.listen(0, '127.0.0.1', () => resolve(s));
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const em = app.orm.em.fork();
  const workspace = em.create(Workspace, { name: 'Crash' });
  writeKey = createApiKey(em, workspace, 'write', 'write').secret;
  await em.flush();
  workspaceId = workspace.id;
  scopeToWorkspace(em, workspaceId);
  const journeys = new JourneyService(em, workspace);
  const created = await journeys.create({
    name: 'Onboarding',
    graph: graph as unknown as Record<string, unknown>,
  });
  journeyId = created.journey!.id;
  const published = await journeys.publish(journeyId);
  expect(published.ok).toBe(true);
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await app.close();
  await dropDatabase?.();
  await smtp.close();
  await sms.close();
});

function startWorker(): { child: ChildProcess; ready: Promise<void>; exited: Promise<void> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'worker'], {
    cwd: serverDir,
    env: {
      PATH: process.env['PATH'] ?? '',
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: databaseUrl,
      JOURNEY_WORKER_MS: '20',
      JOURNEY_LEASE_MS: '1000',
      // Waits ending within two minutes end at once, so the one-minute waits do not hold the test.
      JOURNEY_TIMER_LOOKAHEAD_MS: '120000',
      SEGMENT_RECHECK_MS: '0',
      SMTP_URL: smtp.url,
      SMS_URL: `${sms.url}/sms`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('worker running') && resolve());
    child.on(
      'exit',
      (code, signal) =>
        signal === null && code !== 0 && reject(new Error(`worker exited ${code}: ${stderr}`)),
    );
  });
  return { child, ready, exited };
}

async function ingest(from: number, count: number): Promise<void> {
  const items = [];
  for (let i = from; i < from + count; i++) {
    const email = `c${i}@crash.test`;
    items.push({
      type: 'identify',
      email,
      phone: `+1555${String(i).padStart(7, '0')}`,
      traits: { name: `C${i}` },
      consent: [
        { channel: 'email', granted: true },
        { channel: 'sms', granted: true },
      ],
    });
    items.push({ messageId: `signup-${i}`, event: 'Signed Up', email });
  }
  for (let i = 0; i < items.length; i += BATCH) {
    const res = await fetch(`${url}/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${writeKey}` },
      body: JSON.stringify(items.slice(i, i + BATCH)),
    });
    // The body names the error when the status is not the expected one.
    expect(res.status, await res.text()).toBe(200);
  }
}

function db() {
  const em = app.orm.em.fork();
  scopeToWorkspace(em, workspaceId);
  return em;
}

async function outstanding(): Promise<number> {
  const em = db();
  const [active, pending, inbox, timers] = await Promise.all([
    em.count(JourneyEnrollment, { status: 'active' }),
    em.count(OutboxMessage, { status: 'pending' }),
    em.count(JourneyInbox, {}),
    em.count(JourneyTimer, {}),
  ]);
  return active + pending + inbox + timers;
}

describe(`journey workers killed ${KILLS} times during ${CUSTOMERS} enrollments`, () => {
  it(
    'deliver every message exactly once by idempotency key: 0 lost, 0 duplicated',
    { timeout: 900_000 },
    async () => {
      const perKill = Math.ceil(CUSTOMERS / KILLS);
      let ingested = 0;
      let killedWhileRunning = 0;
      for (let k = 0; k < KILLS; k++) {
        const worker = startWorker();
        await worker.ready;
        // Customers keep arriving while the worker runs; it is killed at a random moment.
        const arriving =
          ingested < CUSTOMERS
            ? ingest(ingested, Math.min(perKill, CUSTOMERS - ingested))
            : Promise.resolve();
        ingested = Math.min(CUSTOMERS, ingested + perKill);
        await new Promise((r) => setTimeout(r, 50 + Math.random() * 600));
        if ((await outstanding()) > 0) killedWhileRunning++;
        worker.child.kill('SIGKILL');
        await worker.exited;
        await arriving;
      }
      if (ingested < CUSTOMERS) await ingest(ingested, CUSTOMERS - ingested);

      const last = startWorker();
      await last.ready;
      await expect.poll(outstanding, { timeout: 300_000, interval: 250 }).toBe(0);
      last.child.kill('SIGTERM');
      await last.exited;

      const enrollments = await db().find(JourneyEnrollment, {});
      expect(enrollments).toHaveLength(CUSTOMERS);
      expect(new Set(enrollments.map((e) => e.customer.id)).size).toBe(CUSTOMERS);
      const expected = new Set(
        enrollments.flatMap((e) => [
          // The welcome goes out in the entry's move (from the trigger), the nudge in the move
          // from the wait, which the customer reached in that same instant.
          `${journeyId}:1:${e.customer.id}:welcome:1:signup@${e.enteredAt.getTime()}`,
          `${journeyId}:1:${e.customer.id}:nudge:1:later@${e.enteredAt.getTime()}`,
        ]),
      );
      const emailKeys = smtp.byKey();
      const smsKeys = new Map<string, number>();
      for (const c of sms.calls)
        smsKeys.set(c.idempotencyKey ?? '', (smsKeys.get(c.idempotencyKey ?? '') ?? 0) + 1);
      const received = new Set([...emailKeys.keys(), ...smsKeys.keys()]);
      const lost = [...expected].filter((k) => !received.has(k));
      const unexpected = [...received].filter((k) => !expected.has(k));
      const resent = [...emailKeys.values(), ...smsKeys.values()].reduce(
        (sum, n) => sum + n - 1,
        0,
      );
      console.log(
        `crash test (${testDialect}): ${KILLS} kills (${killedWhileRunning} with work outstanding), ${CUSTOMERS} customers, ` +
          `${expected.size} messages expected, ${received.size} distinct received, lost ${lost.length}, ` +
          `unexpected ${unexpected.length}, deliveries repeated after a crash (dropped by key) ${resent}`,
      );
      expect(lost).toEqual([]);
      expect(unexpected).toEqual([]);
      expect(await db().count(OutboxMessage, { status: { $ne: 'sent' } })).toBe(0);
      expect(killedWhileRunning).toBeGreaterThan(KILLS / 2);
    },
  );
});
