import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raw } from '@mikro-orm/core';
import type { JourneyGraph } from '@cairn/schema';
import { Customer, JourneyEnrollment, JourneyStep, JourneyTimer } from '../../src/db/entities';
import { chunks } from '../../src/db/chunks';
import { newId } from '../../src/db/ids';
import { createOrm, type Orm } from '../../src/db/orm';
import { scopeToWorkspace } from '../../src/db/workspace-filter';
import { runDueTimers } from '../../src/modules/journey/runtime/timers';
import { startTestApp, testDialect, type TestApp } from '../harness';

/**
 * On PostgreSQL two workers, each with its own connection pool (as two processes would have),
 * share due timers; on SQLite, which has one writer at a time, one worker runs them. Either way
 * every timer is acted on exactly once. Size: JOURNEY_WORKER_TIMERS (default 10,000 on
 * PostgreSQL, 2,000 on SQLite).
 */
const WORKERS = testDialect === 'postgres' ? 2 : 1;
const TIMERS = Number(
  process.env['JOURNEY_WORKER_TIMERS'] ?? (testDialect === 'postgres' ? 10_000 : 2_000),
);

let t: TestApp;
let ws: { id: string; key: string };
let second: Orm | undefined;

const graph: JourneyGraph = {
  version: 1,
  settings: { reentry: 'always', exitOnGoal: false },
  nodes: [
    { id: 't', kind: 'trigger', trigger: { type: 'api' } },
    { id: 'w', kind: 'wait', wait: { type: 'duration', duration: { amount: 1, unit: 'days' } } },
    { id: 'x', kind: 'exit' },
  ],
  edges: [
    { id: 'a', source: 't', sourceHandle: 'next', target: 'w' },
    { id: 'b', source: 'w', sourceHandle: 'next', target: 'x' },
  ],
};

beforeAll(async () => {
  t = await startTestApp();
  ws = await t.workspace('Workers');
  if (WORKERS === 2) second = await createOrm(t.app.config.database);
});
afterAll(async () => {
  await second?.close(true);
  await t.close();
});

describe(`${WORKERS} worker(s) and ${TIMERS} due timers`, () => {
  it('act on every timer exactly once, each taking a share', { timeout: 600_000 }, async () => {
    const created = await t.gql<{ createJourney: { journey: { id: string } } }>(
      ws.key,
      'mutation($i: CreateJourneyInput!) { createJourney(input: $i) { journey { id } } }',
      { i: { name: 'Wait a day', graph } },
    );
    const journeyId = created.body.data!.createJourney.journey.id;
    await t.gql(ws.key, 'mutation($id: ID!) { publishJourney(id: $id) { ok } }', { id: journeyId });
    const em = t.app.orm.em.fork();
    scopeToWorkspace(em, ws.id);
    const since = new Date(Date.now() - 2 * 86_400_000);
    const due = new Date(since.getTime() + 86_400_000);
    const customers = Array.from({ length: TIMERS }, () => ({
      id: newId(),
      workspace: ws.id,
      traits: {},
      createdAt: since,
      updatedAt: since,
      searchText: '',
    }));
    const enrollments = customers.map((c) => ({
      id: newId(),
      workspace: ws.id,
      journey: journeyId,
      version: 1,
      customer: c.id,
      entryNumber: 1,
      status: 'active' as const,
      nodeId: 'w',
      since,
      enteredAt: since,
    }));
    const timers = enrollments.map((e) => ({
      id: newId(),
      workspace: ws.id,
      enrollment: e.id,
      nodeId: 'w',
      dueAt: due,
      attempts: 0,
    }));
    for (const chunk of chunks(customers)) await em.insertMany(Customer, chunk);
    for (const chunk of chunks(enrollments)) await em.insertMany(JourneyEnrollment, chunk);
    for (const chunk of chunks(timers)) await em.insertMany(JourneyTimer, chunk);

    const work = async (orm: Orm) => {
      let moved = 0;
      for (;;) {
        const run = await runDueTimers(orm, new Date(), { limit: 200 });
        moved += run.moved;
        if (run.claimed === 0) return moved;
      }
    };
    const started = Date.now();
    const shares = await Promise.all([work(t.app.orm), ...(second ? [work(second)] : [])]);
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `${WORKERS} worker(s) (${testDialect}): ${TIMERS} timers in ${seconds.toFixed(1)} s (${Math.round(TIMERS / seconds)}/s): ${shares.join(' + ')}`,
    );

    expect(shares.reduce((a, b) => a + b, 0)).toBe(TIMERS);
    expect(Math.min(...shares)).toBeGreaterThan(0);
    const check = t.app.orm.em.fork();
    scopeToWorkspace(check, ws.id);
    expect(await check.count(JourneyTimer, {})).toBe(0);
    expect(await check.count(JourneyEnrollment, { status: 'exited', nodeId: 'x' })).toBe(TIMERS);
    // Each wait was ended once: one "resume" step per enrollment, never two.
    const qb = check
      .createQueryBuilder(JourneyStep)
      .select(['enrollment', raw('count(*) as n')])
      .where({ kind: 'resume' })
      .groupBy('enrollment');
    await qb.applyFilters();
    const perEnrollment = await qb.execute<Array<{ n: number | string }>>('all', true);
    expect(perEnrollment).toHaveLength(TIMERS);
    expect(perEnrollment.filter((r) => Number(r.n) !== 1)).toEqual([]);
  });
});
