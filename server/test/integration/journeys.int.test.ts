import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOURNEY_EXAMPLES } from '@cairn/schema';
import { Customer, JourneyEnrollment, OutboxMessage } from '../../src/db/entities';
import { scopeToWorkspace } from '../../src/db/workspace-filter';
import { createChannels } from '../../src/modules/journey/channels/channels';
import type { Channels } from '../../src/modules/journey/channels/channel-provider';
import { dispatchDue } from '../../src/modules/journey/runtime/dispatch';
import { runInbox } from '../../src/modules/journey/runtime/inbox';
import { runDueRechecks } from '../../src/modules/segment/membership/recheck-worker';
import { runDueTimers } from '../../src/modules/journey/runtime/timers';
import { startTestApp, type TestApp } from '../harness';
import { startHttpReceiver } from '../receivers/http-receiver';
import { startSmtpReceiver } from '../receivers/smtp-receiver';

const MIN = 60_000;
let t: TestApp;
let ws: { id: string; key: string; writeKey: string };
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
let hooks: Awaited<ReturnType<typeof startHttpReceiver>>;
let channels: Channels;
let failing = false;

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  hooks = await startHttpReceiver((path) => (failing && path === '/crm' ? 500 : 200));
  const env = {
    SMTP_URL: smtp.url,
    WEBHOOK_URLS: `sales=${hooks.url}/sales,crm=${hooks.url}/crm`,
  };
  t = await startTestApp({ SEGMENT_RECHECK_MS: '0', JOURNEY_WORKER_MS: '0', ...env });
  channels = createChannels({
    smtpUrl: smtp.url,
    mailFrom: 'Cairn <test@localhost>',
    webhookUrls: { sales: `${hooks.url}/sales`, crm: `${hooks.url}/crm` },
    smsUrl: `${hooks.url}/sms`,
  });
  ws = await t.workspace('Journeys');
});
afterAll(async () => {
  await Promise.all(Object.values(channels).map((c) => c.close?.()));
  await t.close();
  await smtp.close();
  await hooks.close();
});

function db() {
  const em = t.app.orm.em.fork();
  scopeToWorkspace(em, ws.id);
  return em;
}

const JOURNEY_FIELDS =
  'ok journey { id status liveVersion draftRevision } problems { code severity nodeId message path }';

async function create(name: string, graph: object) {
  const res = await t.gql<{
    createJourney: { ok: boolean; journey: { id: string; draftRevision: number } };
  }>(
    ws.key,
    `mutation($input: CreateJourneyInput!) { createJourney(input: $input) { ${JOURNEY_FIELDS} } }`,
    { input: { name, graph } },
  );
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.createJourney.journey;
}

async function publish(id: string) {
  const res = await t.gql<{
    publishJourney: {
      ok: boolean;
      journey: { liveVersion: number; status: string };
      problems: Array<{ code: string; nodeId: string }>;
    };
  }>(ws.key, `mutation($id: ID!) { publishJourney(id: $id) { ${JOURNEY_FIELDS} } }`, { id });
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.publishJourney;
}

async function send(items: unknown[]) {
  const res = await t.events(ws.writeKey, items);
  const errors = t.logs
    .filter((l) => Number(l['level']) >= 50)
    .map((l) => JSON.stringify(l['err'] ?? l).slice(0, 1500));
  expect(res.body, errors.join('\n')).toMatchObject({ rejected: 0 });
  return res.body.results;
}

let seq = 0;
const track = (
  email: string,
  event: string,
  properties: Record<string, unknown> = {},
  messageId = `m-${++seq}`,
) => ({
  messageId,
  event,
  email,
  properties,
});
const optIn = (email: string, traits: Record<string, unknown> = {}) => ({
  type: 'identify',
  email,
  traits,
  consent: [{ channel: 'email', granted: true }],
});

async function enrollments(journeyId: string) {
  return db().find(JourneyEnrollment, { journey: journeyId }, { orderBy: { enteredAt: 'asc' } });
}

/** Runs the workers as if `ms` had passed: timers, then the outbox. */
async function workAt(ms: number) {
  const now = new Date(Date.now() + ms);
  const timers = await runDueTimers(t.app.orm, now);
  const sent = await dispatchDue(t.app.orm, channels, now);
  return { timers, sent };
}

describe('journeys: drafts, versions, publishing', () => {
  it('saves drafts with their problems, refuses stale revisions and publishing with errors', async () => {
    const broken = {
      ...JOURNEY_EXAMPLES.cartAbandoned,
      edges: JOURNEY_EXAMPLES.cartAbandoned.edges.filter((e) => e.id !== 'e3'),
    };
    const j = await create('Cart (draft)', broken);
    const refused = await publish(j.id);
    expect(refused.ok).toBe(false);
    expect(refused.problems).toContainEqual(
      expect.objectContaining({ code: 'JOURNEY_OUTPUT_UNCONNECTED', nodeId: 'wait-order' }),
    );
    const stale = await t.gql(
      ws.key,
      `mutation($id: ID!, $input: SaveJourneyDraftInput!) { saveJourneyDraft(id: $id, input: $input) { ok } }`,
      {
        id: j.id,
        input: { graph: JOURNEY_EXAMPLES.cartAbandoned, revision: j.draftRevision + 5 },
      },
    );
    expect(stale.body.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      field: ['input', 'revision'],
    });
    const saved = await t.gql<{
      saveJourneyDraft: { ok: boolean; journey: { draftRevision: number }; problems: unknown[] };
    }>(
      ws.key,
      `mutation($id: ID!, $input: SaveJourneyDraftInput!) { saveJourneyDraft(id: $id, input: $input) { ${JOURNEY_FIELDS} } }`,
      { id: j.id, input: { graph: JOURNEY_EXAMPLES.cartAbandoned, revision: j.draftRevision } },
    );
    expect(saved.body.data!.saveJourneyDraft.journey.draftRevision).toBe(j.draftRevision + 1);
    const published = await publish(j.id);
    expect(published).toMatchObject({ ok: true, journey: { liveVersion: 1, status: 'active' } });
    const versions = await t.gql<{
      journey: { versions: Array<{ version: number; changes: string[] }> };
    }>(ws.key, `query($id: ID!) { journey(id: $id) { versions { version changes } } }`, {
      id: j.id,
    });
    expect(versions.body.data!.journey.versions).toEqual([
      { version: 1, changes: ['First version.'] },
    ]);
    await t.gql(ws.key, `mutation($id: ID!) { archiveJourney(id: $id) { status } }`, { id: j.id });
  });

  it('compiles a graph with the workspace catalog without saving', async () => {
    const res = await t.gql<{
      compileJourney: Array<{ code: string; severity: string; nodeId: string }>;
    }>(ws.key, `query($g: JSONObject!) { compileJourney(graph: $g) { code severity nodeId } }`, {
      g: { ...JOURNEY_EXAMPLES.reengagement },
    });
    expect(res.body.data!.compileJourney).toContainEqual({
      code: 'JOURNEY_UNKNOWN_SEGMENT',
      severity: 'error',
      nodeId: 'trigger',
    });
  });
});

describe('journeys: the runtime', () => {
  it('cart abandoned: a reminder email 5 minutes later unless an order comes first; once per trigger', async () => {
    const j = await create('Cart abandoned', JOURNEY_EXAMPLES.cartAbandoned);
    expect((await publish(j.id)).ok).toBe(true);
    const [adaProfile, bobProfile] = await send([
      optIn('ada@example.com', { first_name: 'Ada <b>' }),
      optIn('bob@example.com', { first_name: 'Bob' }),
    ]);
    const trigger = track('ada@example.com', 'Cart Abandoned', {}, 'cart-ada');
    await send([trigger, track('bob@example.com', 'Cart Abandoned')]);
    await send([trigger]); // a replay: acknowledged as a duplicate, enrolls nobody
    await send([
      track('bob@example.com', 'Order Completed', { orderId: 'B-1', total: 10, currency: 'EUR' }),
    ]);

    // Both entered in one batch (the same instant): tell them apart by customer, not by order.
    const entered = await enrollments(j.id);
    const ada = entered.find((e) => e.customer.id === adaProfile!.customerId);
    const bob = entered.find((e) => e.customer.id === bobProfile!.customerId);
    expect((await enrollments(j.id)).length).toBe(2);
    expect(ada).toMatchObject({
      status: 'active',
      nodeId: 'wait-order',
      awaiting: 'Order Completed',
    });
    expect(bob).toMatchObject({ status: 'exited', exitReason: 'goal' });
    expect(bob!.convertedAt).not.toBeNull();

    expect((await workAt(4 * MIN)).timers.moved).toBe(0);
    expect(smtp.mails).toHaveLength(0);
    const run = await workAt(5 * MIN + 1_000);
    expect(run.timers.moved).toBe(1);
    expect(run.sent.sent).toBe(1);
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]!.to).toEqual(['ada@example.com']);
    expect(smtp.mails[0]!.raw).toContain('Ada &lt;b&gt;');
    expect(smtp.mails[0]!.idempotencyKey).toBe(
      `${j.id}:1:${ada!.customer.id}:reminder:1:wait-order@${ada!.since.getTime()}`,
    );
    expect(await workAt(10 * MIN)).toMatchObject({ timers: { claimed: 0 }, sent: { claimed: 0 } });

    const stats = await t.gql<{
      journey: {
        stats: {
          entered: number;
          converted: number;
          conversionRate: number;
          nodes: Array<{ nodeId: string; entered: number; waiting: number; exited: number }>;
        };
      };
    }>(
      ws.key,
      `query($id: ID!) { journey(id: $id) { stats { entered converted conversionRate nodes { nodeId entered waiting exited converted } } } }`,
      { id: j.id },
    );
    const s = stats.body.data!.journey.stats;
    expect(s).toMatchObject({ entered: 2, converted: 1, conversionRate: 0.5 });
    expect(s.nodes.find((n) => n.nodeId === 'wait-order')).toMatchObject({
      entered: 2,
      waiting: 0,
    });
    expect(s.nodes.find((n) => n.nodeId === 'reminder')).toMatchObject({ entered: 1 });
    expect(s.nodes.find((n) => n.nodeId === 'done')).toMatchObject({ entered: 1, exited: 1 });

    const c360 = await t.gql<{
      customer: { journeys: Array<{ journeyName: string; status: string; nodeId: string }> };
    }>(ws.key, `query($id: ID!) { customer(id: $id) { journeys { journeyName status nodeId } } }`, {
      id: ada!.customer.id,
    });
    expect(c360.body.data!.customer.journeys).toEqual([
      { journeyName: 'Cart abandoned', status: 'exited', nodeId: 'done' },
    ]);
    await t.gql(ws.key, `mutation($id: ID!) { archiveJourney(id: $id) { status } }`, { id: j.id });
  });

  it('an anonymous cart keeps its journey when the visitor signs in (merge), and the export lists it', async () => {
    const j = await create('Cart, anonymous', JOURNEY_EXAMPLES.cartAbandoned);
    await publish(j.id);
    await send([
      {
        messageId: `anon-${++seq}`,
        event: 'Cart Abandoned',
        anonymousId: 'device-42',
        properties: {},
      },
    ]);
    const [anon] = await enrollments(j.id);
    expect(anon).toMatchObject({ status: 'active', nodeId: 'wait-order' });
    const [known] = await send([{ ...optIn('hana@example.com'), anonymousId: 'device-42' }]);
    const [moved] = await enrollments(j.id);
    expect(moved!.customer.id).toBe(known!.customerId);
    const before = smtp.mails.length;
    await workAt(6 * MIN);
    expect(smtp.mails.slice(before).map((m) => m.to)).toEqual([['hana@example.com']]);
    const exported = await t.gql<{
      exportCustomerData: {
        journeys: Array<{ journeyId: string; step: string }>;
        messages: Array<{ channel: string; status: string }>;
      };
    }>(ws.key, 'query($id: ID!) { exportCustomerData(id: $id) }', { id: known!.customerId });
    expect(exported.body.data!.exportCustomerData.journeys).toEqual([
      expect.objectContaining({ journeyId: j.id, step: 'done' }),
    ]);
    expect(exported.body.data!.exportCustomerData.messages).toEqual([
      expect.objectContaining({ channel: 'email', status: 'sent' }),
    ]);
    await t.gql(ws.key, `mutation($id: ID!) { archiveJourney(id: $id) { status } }`, { id: j.id });
  });

  it('checks consent at send time, and a paused journey enrolls nobody', async () => {
    const j = await create('Cart, no consent', JOURNEY_EXAMPLES.cartAbandoned);
    await publish(j.id);
    await send([track('carol@example.com', 'Cart Abandoned')]);
    await t.gql(ws.key, `mutation($id: ID!) { pauseJourney(id: $id) { status } }`, { id: j.id });
    await send([track('dave@example.com', 'Cart Abandoned')]);
    expect((await enrollments(j.id)).length).toBe(1);
    await t.gql(ws.key, `mutation($id: ID!) { resumeJourney(id: $id) { status } }`, { id: j.id });
    const before = smtp.mails.length;
    await workAt(6 * MIN);
    const [message] = await db().find(OutboxMessage, { journey: j.id });
    expect(message).toMatchObject({ status: 'skipped', skipReason: 'noConsent' });
    expect(smtp.mails.length).toBe(before);
    await t.gql(ws.key, `mutation($id: ID!) { archiveJourney(id: $id) { status } }`, { id: j.id });
  });

  it('ebook nurture: a pricing visit notifies sales through the outbox and exits', async () => {
    const j = await create('Ebook', JOURNEY_EXAMPLES.ebookNurture);
    await publish(j.id);
    await send([optIn('erin@example.com')]);
    await send([track('erin@example.com', 'Ebook Downloaded')]);
    await workAt(0);
    expect(smtp.mails.filter((m) => m.to.includes('erin@example.com'))).toHaveLength(1);
    await send([track('erin@example.com', 'Page Viewed', { url: '/pricing' })]);
    await workAt(0);
    const [e] = await enrollments(j.id);
    expect(e).toMatchObject({ status: 'exited', nodeId: 'sales-exit' });
    const sales = hooks.calls.filter((c) => c.path === '/sales');
    expect(sales).toHaveLength(1);
    expect(JSON.parse(String(sales[0]!.body['body']))).toMatchObject({
      type: 'sales.notification',
      email: 'erin@example.com',
    });
    await t.gql(ws.key, `mutation($id: ID!) { archiveJourney(id: $id) { status } }`, { id: j.id });
  });

  it('hard bounce: marks the email invalid', async () => {
    const j = await create('Bounce', JOURNEY_EXAMPLES.hardBounce);
    await publish(j.id);
    const [r] = await send([track('frank@example.com', 'Email Bounced', { type: 'hard' })]);
    const customer = await db().findOneOrFail(Customer, { id: r!.customerId! });
    expect(customer.traits).toMatchObject({ email_status: 'invalid' });
    await t.gql(ws.key, `mutation($id: ID!) { archiveJourney(id: $id) { status } }`, { id: j.id });
  });

  it('60 days without activity: the clock enters lapsed customers, email where allowed, else SMS, outside quiet hours', async () => {
    const seg = await t.gql<{ createSegment: { segment: { id: string } } }>(
      ws.key,
      'mutation($input: SegmentInput!) { createSegment(input: $input) { segment { id } } }',
      {
        input: {
          name: 'Inactive 60 days',
          rule: {
            version: 1,
            root: {
              kind: 'all',
              children: [
                {
                  kind: 'trait',
                  path: 'traits.lapse_test',
                  type: 'boolean',
                  op: 'eq',
                  value: true,
                },
                {
                  kind: 'event',
                  event: 'Session Started',
                  measure: {
                    type: 'count',
                    window: { type: 'last', duration: { amount: 60, unit: 'days' } },
                    compare: { op: 'eq', value: 0 },
                  },
                },
              ],
            },
          },
        },
      },
    );
    expect(seg.body.errors).toBeUndefined();
    const segmentId = seg.body.data!.createSegment.segment.id;
    const graph = {
      ...JOURNEY_EXAMPLES.reengagement,
      nodes: JOURNEY_EXAMPLES.reengagement.nodes.map((n) =>
        n.kind === 'trigger' ? { ...n, trigger: { type: 'segmentEntered', segmentId } } : n,
      ),
    };
    const j = await create('Re-engagement', graph);
    expect((await publish(j.id)).ok).toBe(true);

    const DAY = 1_440 * MIN;
    const lastSeen = Date.now() - 59 * DAY;
    const lapsing = (email: string, phone: string, consent: object[]) => [
      { type: 'identify', email, phone, traits: { lapse_test: true }, consent },
      { event: 'Session Started', email, timestamp: new Date(lastSeen).toISOString() },
    ];
    await send([
      ...lapsing('lia@example.com', '+15550000001', [{ channel: 'email', granted: true }]),
      ...lapsing('max@example.com', '+15550000002', [{ channel: 'sms', granted: true }]),
    ]);
    expect(await enrollments(j.id)).toEqual([]); // active 59 days ago: not lapsed yet

    // A day later their last session is 60 days old: the clock moves them into the segment,
    // the transition queues them for the journey, and the worker enters them.
    const lapsedAt = new Date(lastSeen + 60 * DAY + 1_000);
    expect(await runDueRechecks(t.app.orm, lapsedAt)).toBeGreaterThanOrEqual(1);
    await runInbox(t.app.orm, lapsedAt);
    const entered = await enrollments(j.id);
    expect(entered).toHaveLength(2);
    expect(entered.every((e) => e.status === 'exited' && e.nodeId === 'done')).toBe(true);

    // Quiet hours (21:00 to 08:00, UTC here) hold the messages; at noon they go out.
    const night = new Date(lapsedAt);
    night.setUTCHours(23, 0, 0, 0);
    const mailsBefore = smtp.mails.length;
    await dispatchDue(t.app.orm, channels, night);
    expect(smtp.mails.length).toBe(mailsBefore);
    const noon = new Date(night.getTime() + 13 * 60 * MIN);
    await dispatchDue(t.app.orm, channels, noon);
    expect(smtp.mails.filter((m) => m.to.includes('lia@example.com'))).toHaveLength(1);
    expect(smtp.mails.some((m) => m.to.includes('max@example.com'))).toBe(false);
    const texts = hooks.calls.filter((c) => c.path === '/sms');
    expect(texts).toHaveLength(1);
    expect(JSON.stringify(texts[0]!.body)).toContain('We miss you! 10% off this week.');
    await t.gql(ws.key, `mutation($id: ID!) { archiveJourney(id: $id) { status } }`, { id: j.id });
  });

  it('a loop through a wait sends on every pass, each pass once', async () => {
    const loop = await create('Daily reminder until an order', {
      version: 1,
      settings: { reentry: 'never', exitOnGoal: false },
      nodes: [
        { id: 't', kind: 'trigger', trigger: { type: 'api' } },
        {
          id: 'remind',
          kind: 'action',
          action: {
            type: 'send',
            channel: 'email',
            template: { subject: 'Still thinking?', body: '<p>Your cart misses you.</p>' },
          },
        },
        {
          id: 'day',
          kind: 'wait',
          wait: { type: 'duration', duration: { amount: 1, unit: 'days' } },
        },
        {
          id: 'ordered',
          kind: 'condition',
          rule: {
            version: 1,
            root: {
              kind: 'event',
              event: 'Order Completed',
              measure: {
                type: 'count',
                window: { type: 'ever' },
                compare: { op: 'gte', value: 1 },
              },
            },
          },
        },
        { id: 'x', kind: 'exit' },
      ],
      edges: [
        { id: 'a', source: 't', sourceHandle: 'next', target: 'remind' },
        { id: 'b', source: 'remind', sourceHandle: 'next', target: 'day' },
        { id: 'c', source: 'day', sourceHandle: 'next', target: 'ordered' },
        { id: 'd', source: 'ordered', sourceHandle: 'yes', target: 'x' },
        { id: 'e', source: 'ordered', sourceHandle: 'no', target: 'remind' },
      ],
    });
    expect((await publish(loop.id)).ok).toBe(true);
    const [kim] = await send([optIn('kim@example.com')]);
    const enrolled = await t.gql(
      ws.key,
      'mutation($j: ID!, $c: ID!) { enrollInJourney(journeyId: $j, customerId: $c) { status } }',
      { j: loop.id, c: kim!.customerId },
    );
    expect(enrolled.body.errors).toBeUndefined();
    const DAY = 1_440 * MIN;
    const toKim = () => smtp.mails.filter((m) => m.to.includes('kim@example.com'));
    await workAt(0);
    expect(toKim()).toHaveLength(1);
    await workAt(DAY + 1_000);
    await workAt(DAY + 2_000); // nothing new is due: the same pass does not send again
    expect(toKim()).toHaveLength(2);
    await workAt(2 * DAY + 3_000);
    expect(toKim()).toHaveLength(3);
    expect(new Set(toKim().map((m) => m.idempotencyKey)).size).toBe(3);
    await send([
      track('kim@example.com', 'Order Completed', { orderId: 'K-1', total: 5, currency: 'EUR' }),
    ]);
    await workAt(3 * DAY + 4_000);
    expect(toKim()).toHaveLength(3);
    const [kimIn] = await enrollments(loop.id);
    expect(kimIn).toMatchObject({ status: 'exited', nodeId: 'x' });
  });

  it('retries failing sends with back-off, dead-letters them, and retries a dead letter on request', async () => {
    const graph = {
      version: 1,
      settings: { reentry: 'always', exitOnGoal: false },
      nodes: [
        { id: 't', kind: 'trigger', trigger: { type: 'api' } },
        {
          id: 'hook',
          kind: 'action',
          action: {
            type: 'send',
            channel: 'webhook',
            template: { endpoint: 'crm', body: '{"email": "{{ email }}"}' },
          },
        },
        { id: 'x', kind: 'exit' },
      ],
      edges: [
        { id: 'a', source: 't', sourceHandle: 'next', target: 'hook' },
        { id: 'b', source: 'hook', sourceHandle: 'next', target: 'x' },
      ],
    };
    const j = await create('CRM sync', graph);
    await publish(j.id);
    const [r] = await send([optIn('gina@example.com')]);
    failing = true;
    const enrolled = await t.gql<{ enrollInJourney: { status: string; nodeId: string } }>(
      ws.key,
      `mutation($j: ID!, $c: ID!) { enrollInJourney(journeyId: $j, customerId: $c) { status nodeId } }`,
      { j: j.id, c: r!.customerId },
    );
    expect(enrolled.body.data!.enrollInJourney).toEqual({ status: 'exited', nodeId: 'x' });
    for (let i = 0; i < 5; i++) await workAt(i * 20 * MIN);
    const dead = await t.gql<{
      journey: {
        deadLetters: Array<{ id: string; kind: string; attempts: number; error: string }>;
      };
    }>(ws.key, `query($id: ID!) { journey(id: $id) { deadLetters { id kind attempts error } } }`, {
      id: j.id,
    });
    expect(dead.body.data!.journey.deadLetters).toEqual([
      expect.objectContaining({ kind: 'message', attempts: 5 }),
    ]);
    expect(dead.body.data!.journey.deadLetters[0]!.error).toContain('500');
    failing = false;
    await t.gql(ws.key, `mutation($id: ID!) { retryJourneyDeadLetter(id: $id) }`, {
      id: dead.body.data!.journey.deadLetters[0]!.id,
    });
    await workAt(0);
    const crm = hooks.calls.filter((c) => c.path === '/crm');
    expect(crm).toHaveLength(1);
    expect(crm[0]!.body['body']).toBe('{"email": "gina@example.com"}');
    await t.gql(ws.key, `mutation($id: ID!) { archiveJourney(id: $id) { status } }`, { id: j.id });
  });

  it('simulates a draft for a profile without touching data', async () => {
    const j = await create('Cart sim', JOURNEY_EXAMPLES.cartAbandoned);
    const start = new Date('2026-03-02T10:00:00Z');
    const res = await t.gql<{
      simulateJourney: {
        entered: boolean;
        steps: Array<{ type: string; nodeId: string }>;
        sends: Array<{ decision: string; body: string }>;
      };
    }>(
      ws.key,
      `query($input: SimulateJourneyInput!) { simulateJourney(input: $input) { entered steps { type nodeId } sends { decision body } problems { code } } }`,
      {
        input: {
          journeyId: j.id,
          profile: { traits: { first_name: 'Sim' }, consent: { email: true } },
          events: [{ name: 'Cart Abandoned', occurredAt: start.toISOString() }],
          start: new Date(start.getTime() - MIN).toISOString(),
        },
      },
    );
    expect(res.body.errors).toBeUndefined();
    const sim = res.body.data!.simulateJourney;
    expect(sim.steps.map((s) => s.type)).toEqual(['wait', 'resume', 'action', 'exit']);
    expect(sim.sends).toEqual([
      { decision: 'send', body: '<p>Hi Sim, your cart is waiting for you.</p>' },
    ]);
    expect(await enrollments(j.id)).toEqual([]);
  });
});
