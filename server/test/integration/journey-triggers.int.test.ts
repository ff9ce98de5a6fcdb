import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextLocalTime, type JourneyGraph } from '@cairn/schema';
import { Customer, JourneyEnrollment, JourneyInbox } from '../../src/db/entities';
import { scopeToWorkspace } from '../../src/db/workspace-filter';
import { runInbox } from '../../src/modules/journey/runtime/inbox';
import { runSchedules } from '../../src/modules/journey/runtime/schedules';
import { startTestApp, type TestApp } from '../harness';

const DAY = 86_400_000;
let t: TestApp;
let ws: { id: string; key: string; writeKey: string };

beforeAll(async () => {
  t = await startTestApp({ SEGMENT_RECHECK_MS: '0' });
  ws = await t.workspace('Triggers');
});
afterAll(() => t.close());

function db() {
  const em = t.app.orm.em.fork();
  scopeToWorkspace(em, ws.id);
  return em;
}

/** trigger → one action → exit. */
const oneStep = (trigger: object, action: object): JourneyGraph =>
  ({
    version: 1,
    settings: { reentry: 'always', exitOnGoal: false },
    nodes: [
      { id: 't', kind: 'trigger', trigger },
      { id: 'a', kind: 'action', action },
      { id: 'x', kind: 'exit' },
    ],
    edges: [
      { id: 'e1', source: 't', sourceHandle: 'next', target: 'a' },
      { id: 'e2', source: 'a', sourceHandle: 'next', target: 'x' },
    ],
  }) as JourneyGraph;

async function live(name: string, graph: JourneyGraph): Promise<string> {
  const created = await t.gql<{ createJourney: { journey: { id: string } } }>(
    ws.key,
    'mutation($i: CreateJourneyInput!) { createJourney(input: $i) { journey { id } } }',
    { i: { name, graph } },
  );
  const id = created.body.data!.createJourney.journey.id;
  const published = await t.gql<{ publishJourney: { ok: boolean; problems: unknown[] } }>(
    ws.key,
    'mutation($id: ID!) { publishJourney(id: $id) { ok problems { code message nodeId } } }',
    { id },
  );
  expect(published.body.data!.publishJourney).toMatchObject({ ok: true });
  return id;
}

async function identify(
  email: string,
  traits: Record<string, unknown>,
  extra: Record<string, unknown> = {},
) {
  const res = await t.events(ws.writeKey, [{ type: 'identify', email, traits, ...extra }]);
  expect(res.body).toMatchObject({ rejected: 0 });
  return res.body.results[0]!.customerId!;
}

const traitsOf = async (id: string) => (await db().findOneOrFail(Customer, { id })).traits;

describe('journey triggers other than events', () => {
  it('segment entered / exited: customers are queued with the transition and enter once', async () => {
    const seg = await t.gql<{ createSegment: { segment: { id: string } } }>(
      ws.key,
      'mutation($i: SegmentInput!) { createSegment(input: $i) { segment { id } } }',
      {
        i: {
          name: 'Pro',
          rule: {
            version: 1,
            root: { kind: 'trait', path: 'traits.plan', type: 'string', op: 'eq', value: 'pro' },
          },
        },
      },
    );
    const segmentId = seg.body.data!.createSegment.segment.id;
    const welcome = await live(
      'Welcome pro',
      oneStep(
        { type: 'segmentEntered', segmentId },
        { type: 'setTrait', path: 'traits.welcomed', value: true },
      ),
    );
    const goodbye = await live(
      'Goodbye pro',
      oneStep({ type: 'segmentExited', segmentId }, { type: 'addTag', tag: 'downgraded' }),
    );
    const ada = await identify('ada@triggers.test', { plan: 'pro' });
    await identify('bob@triggers.test', { plan: 'free' });
    expect(await db().count(JourneyInbox, { journey: welcome })).toBe(1);
    expect(await runInbox(t.app.orm, new Date())).toBe(1);
    expect(await db().count(JourneyInbox, {})).toBe(0);
    expect(await traitsOf(ada)).toMatchObject({ welcomed: true });
    expect(await runInbox(t.app.orm, new Date())).toBe(0);
    await identify('ada@triggers.test', { plan: 'free' });
    await runInbox(t.app.orm, new Date());
    expect(await traitsOf(ada)).toMatchObject({ tags: ['downgraded'] });
    expect(await db().count(JourneyEnrollment, { journey: { $in: [welcome, goodbye] } })).toBe(2);
  });

  it('a score crossing a threshold upwards enters the customer, once', async () => {
    const scorer = await live(
      'Score',
      oneStep({ type: 'api' }, { type: 'addScore', model: 'lead', points: 30 }),
    );
    const mql = await live(
      'MQL',
      oneStep(
        { type: 'scoreThreshold', model: 'lead', threshold: 50, direction: 'above' },
        { type: 'addTag', tag: 'mql' },
      ),
    );
    const carol = await identify('carol@triggers.test', {});
    const enroll = () =>
      t.gql(
        ws.key,
        'mutation($j: ID!, $c: ID!) { enrollInJourney(journeyId: $j, customerId: $c) { status } }',
        { j: scorer, c: carol },
      );
    await enroll(); // 30: below
    await runInbox(t.app.orm, new Date());
    expect(await db().count(JourneyEnrollment, { journey: mql })).toBe(0);
    await enroll(); // 60: crosses
    await enroll(); // 90: already above
    await runInbox(t.app.orm, new Date());
    expect(await db().count(JourneyEnrollment, { journey: mql })).toBe(1);
    expect(await traitsOf(carol)).toMatchObject({ tags: ['mql'] });
  });

  it('a daily schedule and a yearly date enter the due customers of each time zone once per occurrence', async () => {
    // The day of the next 09:00 UTC (the first occurrence the run below covers), and the day after.
    const occurrence = nextLocalTime(Date.now() + 1, '09:00', undefined, 'UTC');
    const dueDay = new Date(occurrence).toISOString().slice(5, 10);
    const dayAfter = new Date(occurrence + DAY).toISOString().slice(5, 10);
    const dan = await identify('dan@triggers.test', { birthday: `1990-${dueDay}` });
    const eve = await identify('eve@triggers.test', { birthday: `1985-${dayAfter}` });
    const daily = await live(
      'Daily digest',
      oneStep({ type: 'schedule', time: '09:00' }, { type: 'addTag', tag: 'digest' }),
    );
    const birthday = await live(
      'Birthday',
      oneStep(
        { type: 'dateTrait', path: 'traits.birthday', offsetDays: 0, time: '09:00' },
        { type: 'addTag', tag: 'birthday' },
      ),
    );
    const now = Date.now();
    expect(await runSchedules(t.app.orm, new Date(now))).toBe(0); // first sight: starts from now
    const queued = await runSchedules(t.app.orm, new Date(now + DAY + 1));
    const everyone = await db().count(Customer, {});
    // every customer once for the digest (one 09:00 in a day), Dan for his birthday
    expect(queued).toBe(everyone + 1);
    expect(await runSchedules(t.app.orm, new Date(now + DAY + 1))).toBe(0);
    await runInbox(t.app.orm, new Date(now + DAY + 1), 1_000);
    expect(await db().count(JourneyEnrollment, { journey: daily })).toBe(everyone);
    const birthdays = await db().find(JourneyEnrollment, { journey: birthday });
    expect(birthdays.map((e) => e.customer.id)).toEqual([dan]);
    expect(await traitsOf(eve)).not.toHaveProperty('tags', expect.arrayContaining(['birthday']));
  });
});
