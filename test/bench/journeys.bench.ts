/**
 * Journey runtime benchmark: BENCH_JOURNEY_CUSTOMERS customers (default 10,000) through a 6-node
 * journey (trigger → condition → email → wait → SMS → exit), run by real `cairn worker`
 * processes: one on SQLite, one on PostgreSQL, two on PostgreSQL. Each run starts the workers,
 * waits until they are up, queues every customer in one transaction (the journey inbox, as a
 * segment trigger would) and times until every customer has left and every message reached
 * the local receivers (an SMTP server and an HTTP endpoint on 127.0.0.1). The workers' timer
 * lookahead (JOURNEY_TIMER_LOOKAHEAD_MS) ends the one-minute wait at once.
 *
 * Printed: steps/s (rows of the journey step log), messages/s, the scaling ratio of two workers
 * over one on PostgreSQL, and the baseline measured in the same run: the same journey's pure step
 * functions (`advance`, `resumeOnTimer`) in memory, the ceiling no database can beat. Nothing
 * asserts on timing; it exits non-zero when a customer did not finish or a message is missing.
 *
 *   cd test && pnpm bench:journeys
 *   BENCH_JOURNEY_CUSTOMERS=500 pnpm bench:journeys
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  advance,
  compileJourney,
  resumeOnTimer,
  type JourneyGraph,
  type JourneyPlan,
} from '@cairn/schema';
import type { DatabaseTarget } from '../../server/src/config/config';
import {
  ConsentRecord,
  Customer,
  Identity,
  JourneyEnrollment,
  JourneyInbox,
  JourneyStep,
  JourneyTimer,
  OutboxMessage,
  Workspace,
} from '../../server/src/db/entities';
import { chunks } from '../../server/src/db/chunks';
import { newId } from '../../server/src/db/ids';
import { createOrm, migrate, type Orm } from '../../server/src/db/orm';
import { createScratchPostgres, DEFAULT_TEST_PG_URL } from '../../server/src/db/scratch-postgres';
import { scopeToWorkspace } from '../../server/src/db/workspace-filter';
import { JourneyService } from '../../server/src/modules/journey/journey.service';
import { queueEntries } from '../../server/src/modules/journey/runtime/inbox';
import { startHttpReceiver } from '../../server/test/receivers/http-receiver';
import { startSmtpReceiver } from '../../server/test/receivers/smtp-receiver';

const CUSTOMERS = Number(process.env['BENCH_JOURNEY_CUSTOMERS'] ?? 10_000);
const ENGINES = (process.env['BENCH_ENGINES'] ?? 'sqlite,postgres').split(',');
const serverDir = new URL('../../server', import.meta.url).pathname;

const graph: JourneyGraph = {
  version: 1,
  settings: { reentry: 'always', exitOnGoal: false },
  nodes: [
    { id: 'start', kind: 'trigger', trigger: { type: 'api' } },
    {
      id: 'pro',
      kind: 'condition',
      rule: {
        version: 1,
        root: {
          kind: 'trait',
          path: 'traits.plan',
          type: 'string',
          op: 'in',
          values: ['pro', 'team'],
        },
      },
    },
    {
      id: 'email',
      kind: 'action',
      action: {
        type: 'send',
        channel: 'email',
        template: { subject: 'Tips for {{ traits.name }}', body: '<p>Hi {{ traits.name }}</p>' },
      },
    },
    {
      id: 'wait',
      kind: 'wait',
      wait: { type: 'duration', duration: { amount: 1, unit: 'minutes' } },
    },
    {
      id: 'sms',
      kind: 'action',
      action: {
        type: 'send',
        channel: 'sms',
        template: { body: 'Hi {{ traits.name }}, any questions?' },
      },
    },
    { id: 'done', kind: 'exit' },
  ],
  edges: [
    { id: 'a', source: 'start', sourceHandle: 'next', target: 'pro' },
    { id: 'b', source: 'pro', sourceHandle: 'yes', target: 'email' },
    { id: 'c', source: 'pro', sourceHandle: 'no', target: 'wait' },
    { id: 'd', source: 'email', sourceHandle: 'next', target: 'wait' },
    { id: 'e', source: 'wait', sourceHandle: 'next', target: 'sms' },
    { id: 'f', source: 'sms', sourceHandle: 'next', target: 'done' },
  ],
};
const plans = ['pro', 'team', 'free'];

interface Run {
  readonly name: string;
  readonly seconds: number;
  readonly steps: number;
  readonly messages: number;
}

async function prepare(
  target: DatabaseTarget,
): Promise<{ orm: Orm; workspaceId: string; journeyId: string; customerIds: string[] }> {
  const orm = await createOrm(target);
  await migrate(orm);
  const em = orm.em.fork();
  const workspace = em.create(Workspace, { name: 'Bench' });
  await em.flush();
  scopeToWorkspace(em, workspace.id);
  const journeys = new JourneyService(em, workspace);
  const created = await journeys.create({
    name: 'Six steps',
    graph: graph as unknown as Record<string, unknown>,
  });
  const published = await journeys.publish(created.journey!.id);
  if (!published.ok) throw new Error(JSON.stringify(published.problems));
  const now = new Date();
  const customers = Array.from({ length: CUSTOMERS }, (_, i) => ({
    id: newId(),
    workspace: workspace.id,
    email: `b${i}@bench.test`,
    traits: { name: `B${i}`, plan: plans[i % 3] },
    createdAt: now,
    updatedAt: now,
    searchText: `b${i}@bench.test`,
  }));
  for (const c of chunks(customers)) await em.insertMany(Customer, c);
  for (const c of chunks(
    customers.map((c, i) => ({
      id: newId(),
      workspace: workspace.id,
      customer: c.id,
      kind: 'phone' as const,
      source: '',
      value: `+1444${String(i).padStart(7, '0')}`,
      createdAt: now,
    })),
  ))
    await em.insertMany(Identity, c);
  for (const channel of ['email', 'sms'])
    for (const c of chunks(
      customers.map((c) => ({
        id: newId(),
        workspace: workspace.id,
        customer: c.id,
        channel,
        granted: true,
        source: 'bench',
        recordedAt: now,
      })),
    ))
      await em.insertMany(ConsentRecord, c);
  return {
    orm,
    workspaceId: workspace.id,
    journeyId: created.journey!.id,
    customerIds: customers.map((c) => c.id),
  };
}

function startWorker(
  databaseUrl: string,
  smtpUrl: string,
  smsUrl: string,
): { child: ChildProcess; ready: Promise<void> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'worker'], {
    cwd: serverDir,
    env: {
      PATH: process.env['PATH'] ?? '',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DATABASE_URL: databaseUrl,
      JOURNEY_WORKER_MS: '20',
      JOURNEY_TIMER_LOOKAHEAD_MS: '120000',
      SEGMENT_RECHECK_MS: '0',
      SMTP_URL: smtpUrl,
      SMS_URL: smsUrl,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('worker running') && resolve());
    child.on('exit', (code) => reject(new Error(`worker exited with ${code}`)));
  });
  return { child, ready };
}

async function runOnce(name: string, target: DatabaseTarget, workers: number): Promise<Run> {
  const smtp = await startSmtpReceiver();
  const sms = await startHttpReceiver();
  const { orm, workspaceId, journeyId, customerIds } = await prepare(target);
  const procs = Array.from({ length: workers }, () =>
    startWorker(target.url, smtp.url, `${sms.url}/sms`),
  );
  try {
    await Promise.all(procs.map((p) => p.ready));
    const em = orm.em.fork();
    scopeToWorkspace(em, workspaceId);
    const started = performance.now();
    await em.transactional((tx) =>
      queueEntries(tx, workspaceId, journeyId, customerIds, 'bench', new Date()),
    );
    const expectedMessages = CUSTOMERS + customerIds.filter((_, i) => i % 3 !== 2).length;
    for (;;) {
      const check = orm.em.fork();
      scopeToWorkspace(check, workspaceId);
      const [active, inbox, timers, pending] = await Promise.all([
        check.count(JourneyEnrollment, { status: 'active' }),
        check.count(JourneyInbox, {}),
        check.count(JourneyTimer, {}),
        check.count(OutboxMessage, { status: 'pending' }),
      ]);
      const exited = await check.count(JourneyEnrollment, { status: 'exited' });
      if (active + inbox + timers + pending === 0 && exited === CUSTOMERS) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const seconds = (performance.now() - started) / 1000;
    const check = orm.em.fork();
    scopeToWorkspace(check, workspaceId);
    const steps = await check.count(JourneyStep, {});
    const received = new Set([...smtp.byKey().keys(), ...sms.calls.map((c) => c.idempotencyKey)])
      .size;
    if (received !== expectedMessages)
      throw new Error(
        `${name}: ${received} distinct messages received, ${expectedMessages} expected`,
      );
    return { name, seconds, steps, messages: received };
  } finally {
    for (const p of procs) p.child.kill('SIGTERM');
    await orm.close(true);
    await smtp.close();
    await sms.close();
  }
}

/** The same journey's step functions in memory: the ceiling for steps/s. */
function inMemory(plan: JourneyPlan): Run {
  const now = Date.now();
  const started = performance.now();
  let steps = 0;
  let messages = 0;
  for (let i = 0; i < CUSTOMERS; i++) {
    const facts = { id: `c${i}`, traits: { name: `B${i}`, plan: plans[i % 3] }, events: [] };
    const first = advance(plan, plan.trigger.next, { facts, now, timeZone: 'UTC' });
    const second = resumeOnTimer(plan, first.position, {
      facts,
      now: now + 120_000,
      timeZone: 'UTC',
    })!;
    steps += 2 + first.trace.length + second.trace.length;
    messages += first.effects.length + second.effects.length;
  }
  return {
    name: 'in memory (step functions, no database)',
    seconds: (performance.now() - started) / 1000,
    steps,
    messages,
  };
}

const compiled = compileJourney(graph);
if (!compiled.ok) throw new Error('the benchmark journey does not compile');
console.log(
  `journey runtime benchmark: ${CUSTOMERS} customers, 6-node journey; ${cpus().length} cores, load ${loadavg()[0]!.toFixed(2)}`,
);
const runs: Run[] = [inMemory(compiled.plan)];
const dir = mkdtempSync(join(tmpdir(), 'cairn-bench-journeys-'));
if (ENGINES.includes('sqlite')) {
  const path = join(dir, 'journeys.sqlite');
  runs.push(
    await runOnce('SQLite, 1 worker', { dialect: 'sqlite', path, url: `sqlite:${path}` }, 1),
  );
}
if (ENGINES.includes('postgres')) {
  for (const workers of [1, 2]) {
    const pg = await createScratchPostgres(process.env['CAIRN_TEST_PG_URL'] || DEFAULT_TEST_PG_URL);
    try {
      runs.push(
        await runOnce(
          `PostgreSQL, ${workers} worker${workers > 1 ? 's' : ''}`,
          { dialect: 'postgres', url: pg.url },
          workers,
        ),
      );
    } finally {
      await pg.drop();
    }
  }
}
const base = runs[0]!;
console.log('\n| run | seconds | steps | steps/s | messages/s | vs in memory |');
console.log('|---|---|---|---|---|---|');
for (const r of runs)
  console.log(
    `| ${r.name} | ${r.seconds.toFixed(2)} | ${r.steps} | ${Math.round(r.steps / r.seconds)} | ${Math.round(r.messages / r.seconds)} | ${(r.steps / r.seconds / (base.steps / base.seconds)).toFixed(4)}x |`,
  );
const pg1 = runs.find((r) => r.name === 'PostgreSQL, 1 worker');
const pg2 = runs.find((r) => r.name === 'PostgreSQL, 2 workers');
if (pg1 && pg2)
  console.log(
    `\nscaling, 2 workers over 1 on PostgreSQL: ${(pg2.steps / pg2.seconds / (pg1.steps / pg1.seconds)).toFixed(2)}x`,
  );
console.log(`load at the end: ${loadavg()[0]!.toFixed(2)}`);
process.exit(0);
