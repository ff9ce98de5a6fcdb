import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideWinner, PEEKING_WARNING } from '@cairn/schema';
import { JourneyStep } from '../../src/db/entities';
import { scopeToWorkspace } from '../../src/db/workspace-filter';
import { startTestApp, type TestApp } from '../harness';

let t: TestApp;
let ws: { id: string; key: string; writeKey: string };

beforeAll(async () => {
  t = await startTestApp({ SEGMENT_RECHECK_MS: '0', JOURNEY_WORKER_MS: '0' });
  ws = await t.workspace('Experiments');
});
afterAll(() => t.close());

const graph = {
  version: 1,
  settings: { reentry: 'never', exitOnGoal: false },
  nodes: [
    { id: 't', kind: 'trigger', trigger: { type: 'event', event: 'Signed Up' } },
    {
      id: 'split',
      kind: 'randomSplit',
      salt: 'welcome-test',
      arms: [
        { handle: 'a', name: 'Control', weight: 50, control: true },
        { handle: 'b', name: 'Discount', weight: 50 },
      ],
    },
    {
      id: 'w',
      kind: 'wait',
      wait: {
        type: 'event',
        event: 'Never Happens',
        timeout: { amount: 30, unit: 'days' },
      },
    },
    { id: 'g', kind: 'goal', event: 'Order Completed', within: { amount: 7, unit: 'days' } },
    { id: 'x', kind: 'exit' },
  ],
  edges: [
    { id: 'e1', source: 't', sourceHandle: 'next', target: 'split' },
    { id: 'e2', source: 'split', sourceHandle: 'a', target: 'w' },
    { id: 'e3', source: 'split', sourceHandle: 'b', target: 'w' },
    { id: 'e4', source: 'w', sourceHandle: 'event', target: 'x' },
    { id: 'e5', source: 'w', sourceHandle: 'timeout', target: 'x' },
  ],
};

describe('experiment results from journey steps', () => {
  it('counts exposures and conversions per arm and decides with decideWinner', async () => {
    const created = await t.gql<{
      createJourney: { journey: { id: string }; problems: unknown[] };
    }>(
      ws.key,
      `mutation($input: CreateJourneyInput!) { createJourney(input: $input) { journey { id } problems { code message } } }`,
      { input: { name: 'Welcome test', graph } },
    );
    const journeyId = created.body.data!.createJourney.journey.id;
    const published = await t.gql<{ publishJourney: { ok: boolean } }>(
      ws.key,
      `mutation($id: ID!) { publishJourney(id: $id) { ok problems { code message } } }`,
      { id: journeyId },
    );
    expect(published.body.data!.publishJourney, JSON.stringify(published.body)).toMatchObject({
      ok: true,
    });
    const people = Array.from({ length: 40 }, (_, i) => `p${i}@example.com`);
    await t.events(
      ws.writeKey,
      people.map((email) => ({ email, event: 'Signed Up' })),
    );
    // Every third person orders (the goal converts their enrollment).
    const buyers = people.filter((_, i) => i % 3 === 0);
    await t.events(
      ws.writeKey,
      buyers.map((email, i) => ({
        email,
        event: 'Order Completed',
        properties: { orderId: `o${i}`, total: 10, currency: 'EUR' },
      })),
    );

    // The independent count: each person's arm from the step log, each buyer converted.
    const em = t.app.orm.em.fork();
    scopeToWorkspace(em, ws.id);
    const steps = await em.find(
      JourneyStep,
      { journey: journeyId, nodeId: 'split', kind: 'decide' },
      { populate: ['enrollment.customer'] },
    );
    expect(steps).toHaveLength(40);
    const buyerEmails = new Set(buyers);
    const counts = ['a', 'b'].map((id) => {
      const of = steps.filter((s) => s.handle === id);
      return {
        id,
        exposures: of.length,
        conversions: of.filter((s) => buyerEmails.has(s.enrollment.customer.email!)).length,
      };
    });
    expect(counts[0]!.exposures).toBeGreaterThan(0);
    expect(counts[1]!.exposures).toBeGreaterThan(0);

    const query = (sample: number) =>
      t.gql<{
        experimentResults: {
          arms: Array<{ id: string; exposures: number; conversions: number }>;
          kind: string;
          warning: string | null;
          decision: Record<string, unknown>;
        };
      }>(
        ws.key,
        `query($j: ID!, $n: Int!) { experimentResults(journeyId: $j, nodeId: "split", arms: ["a", "b"], controlArm: "a", sampleSizePerArm: $n) { arms { id exposures conversions } kind warning decision } }`,
        { j: journeyId, n: sample },
      );
    const peeking = (await query(1000)).body.data!.experimentResults;
    expect(peeking.arms).toEqual(counts);
    expect(peeking.kind).toBe('sampleNotReached');
    expect(peeking.warning).toBe(PEEKING_WARNING);
    const reached = (await query(5)).body.data!.experimentResults;
    const oracle = decideWinner(counts, { controlId: 'a', sampleSizePerArm: 5, alpha: 0.05 });
    expect(reached.kind).toBe(oracle.kind);
    expect(reached.decision).toEqual(JSON.parse(JSON.stringify(oracle)));
  });
});
