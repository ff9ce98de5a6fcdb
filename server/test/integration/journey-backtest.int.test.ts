import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOURNEY_EXAMPLES, type JourneyGraph } from '@cairn/schema';
import { JourneyEnrollment, OutboxMessage } from '../../src/db/entities';
import { scopeToWorkspace } from '../../src/db/workspace-filter';
import { codes, startTestApp, type TestApp } from '../harness';

const MIN = 60_000;
const DAY = 86_400_000;
let t: TestApp;
let ws: { id: string; key: string; writeKey: string };

beforeAll(async () => {
  t = await startTestApp({ SEGMENT_RECHECK_MS: '0', JOURNEY_WORKER_MS: '0' });
  ws = await t.workspace('Backtests');
});
afterAll(() => t.close());

function db() {
  const em = t.app.orm.em.fork();
  scopeToWorkspace(em, ws.id);
  return em;
}

async function send(items: unknown[]) {
  const res = await t.events(ws.writeKey, items);
  expect(res.body, JSON.stringify(res.body.results)).toMatchObject({ rejected: 0 });
  return res.body.results as Array<{ customerId: string }>;
}

const BACKTEST = `query($input: BacktestJourneyInput!) {
  backtestJourney(input: $input) {
    from to eligibleCustomers sampledCustomers enteredCustomers
    stats { entered active converted conversionRate nodes { nodeId entered waiting exited converted } }
    sends { nodeId channel sent deferred skippedNoConsent skippedFrequencyCap }
    problems { code nodeId }
  }
}`;

interface BacktestResult {
  eligibleCustomers: number;
  sampledCustomers: number;
  enteredCustomers: number;
  stats: {
    entered: number;
    active: number;
    converted: number;
    conversionRate: number | null;
    nodes: Array<{ nodeId: string; entered: number; waiting: number; exited: number }>;
  } | null;
  sends: Array<{ nodeId: string; sent: number; skippedNoConsent: number }>;
  problems: Array<{ code: string; nodeId: string | null }>;
}

async function backtest(input: object) {
  const res = await t.gql<{ backtestJourney: BacktestResult }>(ws.key, BACKTEST, { input });
  return res;
}

const at = (ms: number) => new Date(ms).toISOString();
const start = Date.now() - 20 * DAY;

describe('journey backtest', () => {
  it("replays a draft over real customers' history: per-node counts and projected sends, nothing written", async () => {
    const optIn = (email: string) => ({
      type: 'identify',
      email,
      consent: [{ channel: 'email', granted: true }],
      timestamp: at(start - DAY),
    });
    await send([optIn('ada@bt.test'), optIn('bob@bt.test'), optIn('cy@bt.test')]);
    await send([
      { type: 'identify', email: 'dee@bt.test', timestamp: at(start - DAY) }, // no consent
      // Ada abandons twice, a day apart, and never orders: two entries, two reminders.
      { email: 'ada@bt.test', event: 'Cart Abandoned', timestamp: at(start) },
      { email: 'ada@bt.test', event: 'Cart Abandoned', timestamp: at(start + DAY) },
      // Bob orders two minutes after abandoning: converted, no reminder.
      { email: 'bob@bt.test', event: 'Cart Abandoned', timestamp: at(start) },
      {
        email: 'bob@bt.test',
        event: 'Order Completed',
        properties: { orderId: 'o-1', total: 42, currency: 'EUR' },
        timestamp: at(start + 2 * MIN),
      },
      // Cy abandoned before the window: not eligible.
      { email: 'cy@bt.test', event: 'Cart Abandoned', timestamp: at(start - 5 * DAY) },
      // Dee has no email consent: the reminder is skipped.
      { email: 'dee@bt.test', event: 'Cart Abandoned', timestamp: at(start + 3 * DAY) },
    ]);
    const created = await t.gql<{ createJourney: { journey: { id: string } } }>(
      ws.key,
      `mutation { createJourney(input: { name: "Cart (backtest)", example: "cartAbandoned" }) { journey { id } } }`,
    );
    const journeyId = created.body.data!.createJourney.journey.id;

    const res = await backtest({
      journeyId,
      from: at(start - MIN),
      to: at(start + 10 * DAY),
      sampleSize: 100,
    });
    expect(res.body.errors).toBeUndefined();
    const b = res.body.data!.backtestJourney;
    expect(b).toMatchObject({
      eligibleCustomers: 3,
      sampledCustomers: 3,
      enteredCustomers: 3,
      problems: [],
    });
    expect(b.stats).toMatchObject({ entered: 4, active: 0, converted: 1, conversionRate: 0.25 });
    const node = (id: string) => b.stats!.nodes.find((n) => n.nodeId === id);
    expect(node('trigger')).toMatchObject({ entered: 4 });
    expect(node('reminder')).toMatchObject({ entered: 3 });
    expect(node('done')).toMatchObject({ exited: 3 });
    expect(node('goal')).toMatchObject({ exited: 1 });
    expect(b.sends).toEqual([
      expect.objectContaining({ nodeId: 'reminder', sent: 2, skippedNoConsent: 1 }),
    ]);

    // A sample smaller than the population replays that many; the population is still counted.
    const small = (await backtest({ journeyId, from: at(start - MIN), sampleSize: 2 })).body.data!
      .backtestJourney;
    expect(small).toMatchObject({ eligibleCustomers: 3, sampledCustomers: 2 });

    // Read only: nobody entered, nothing was queued.
    expect(await db().count(JourneyEnrollment, { journey: journeyId })).toBe(0);
    expect(await db().count(OutboxMessage, { journey: journeyId })).toBe(0);
  });

  it('replays segment triggers from the recorded transitions', async () => {
    const seg = await t.gql<{ createSegment: { segment: { id: string } } }>(
      ws.key,
      `mutation($input: SegmentInput!) { createSegment(input: $input) { segment { id } } }`,
      {
        input: {
          name: 'Big spenders (backtest)',
          rule: {
            version: 1,
            root: { kind: 'trait', path: 'traits.spend', type: 'number', op: 'gte', value: 100 },
          },
        },
      },
    );
    expect(seg.body.errors).toBeUndefined();
    const segmentId = seg.body.data!.createSegment.segment.id;
    await send([
      { type: 'identify', email: 'eve@bt.test', traits: { spend: 500 } },
      { type: 'identify', email: 'fay@bt.test', traits: { spend: 5 } },
    ]);
    const graph: JourneyGraph = {
      version: 1,
      settings: { reentry: 'never', exitOnGoal: false },
      nodes: [
        { id: 't', kind: 'trigger', trigger: { type: 'segmentEntered', segmentId } },
        { id: 'tag', kind: 'action', action: { type: 'addTag', tag: 'vip' } },
        { id: 'x', kind: 'exit' },
      ],
      edges: [
        { id: 'a', source: 't', sourceHandle: 'next', target: 'tag' },
        { id: 'b', source: 'tag', sourceHandle: 'next', target: 'x' },
      ],
    };
    const b = (await backtest({ graph, from: at(Date.now() - DAY), to: at(Date.now() + MIN) })).body
      .data!.backtestJourney;
    expect(b).toMatchObject({ eligibleCustomers: 1, enteredCustomers: 1 });
    expect(b.stats!.nodes.find((n) => n.nodeId === 'tag')).toMatchObject({ entered: 1 });
  });

  it('reports graph problems, and refuses a bad window or sample with the field', async () => {
    const broken = {
      ...JOURNEY_EXAMPLES.cartAbandoned,
      edges: JOURNEY_EXAMPLES.cartAbandoned.edges.filter((e) => e.id !== 'e3'),
    };
    const b = (await backtest({ graph: broken })).body.data!.backtestJourney;
    expect(b.stats).toBeNull();
    expect(b.problems).toContainEqual({ code: 'JOURNEY_OUTPUT_UNCONNECTED', nodeId: 'wait-order' });

    const graph = JOURNEY_EXAMPLES.cartAbandoned;
    const backwards = await backtest({ graph, from: at(start), to: at(start - DAY) });
    expect(codes(backwards)).toEqual(['BAD_USER_INPUT']);
    expect(backwards.body.errors![0]!.extensions!['field']).toEqual(['input', 'to']);
    const huge = await backtest({ graph, sampleSize: 1_000_000 });
    expect(huge.body.errors![0]!.extensions!['field']).toEqual(['input', 'sampleSize']);
    const long = await backtest({ graph, from: at(start - 500 * DAY), to: at(start) });
    expect(long.body.errors![0]!.extensions!['field']).toEqual(['input', 'from']);
    const neither = await backtest({});
    expect(neither.body.errors![0]!.extensions!['field']).toEqual(['input', 'graph']);
  });
});
