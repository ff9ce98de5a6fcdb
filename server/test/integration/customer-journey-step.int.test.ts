import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOURNEY_EXAMPLES } from '@cairn/schema';
import { startTestApp, type TestApp } from '../harness';

let t: TestApp;
let ws: { id: string; key: string; writeKey: string };

beforeAll(async () => {
  t = await startTestApp({ SEGMENT_RECHECK_MS: '0' });
  ws = await t.workspace('Customer journey steps');
});
afterAll(() => t.close());

async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await t.gql<T>(ws.key, query, variables);
  expect(res.body.errors).toBeUndefined();
  return res.body.data!;
}

async function send(items: unknown[]) {
  const res = await t.events(ws.writeKey, items);
  expect(res.body).toMatchObject({ rejected: 0 });
  return res.body.results;
}

interface Entry {
  journeyName: string;
  version: number;
  status: string;
  exitReason: string | null;
  nodeId: string;
  stepLabel: string | null;
  stepKind: string | null;
  waitingUntil: string | null;
  enteredAt: string;
  convertedAt: string | null;
}

const journeysOf = async (id: string) =>
  (
    await gql<{ customer: { journeys: Entry[] } }>(
      `query($id: ID!) { customer(id: $id) { journeys {
        journeyName version status exitReason nodeId stepLabel stepKind waitingUntil enteredAt convertedAt
      } } }`,
      { id },
    )
  ).customer.journeys;

describe("a customer's journeys with the current step", () => {
  it("names the step from the entry's own version and says until when the customer waits", async () => {
    const graph = JOURNEY_EXAMPLES.cartAbandoned;
    const created = await gql<{
      createJourney: { journey: { id: string; draftRevision: number } };
    }>(
      `mutation($input: CreateJourneyInput!) { createJourney(input: $input) { journey { id draftRevision } } }`,
      { input: { name: 'Cart abandoned', graph } },
    );
    const j = created.createJourney.journey;
    const publish = () =>
      gql<{ publishJourney: { ok: boolean } }>(
        `mutation($id: ID!) { publishJourney(id: $id) { ok } }`,
        { id: j.id },
      );
    expect((await publish()).publishJourney.ok).toBe(true);

    const [entered] = await send([
      { messageId: 'cart-1', event: 'Cart Abandoned', email: 'ada@example.com', properties: {} },
    ]);
    const customerId = entered!.customerId!;
    const [waiting] = await journeysOf(customerId);
    expect(waiting).toMatchObject({
      journeyName: 'Cart abandoned',
      version: 1,
      status: 'active',
      nodeId: 'wait-order',
      stepLabel: 'Wait for an order',
      stepKind: 'wait',
      convertedAt: null,
    });
    // The example waits at most 5 minutes for an order.
    expect(Date.parse(waiting!.waitingUntil!) - Date.parse(waiting!.enteredAt)).toBeGreaterThan(
      4 * 60_000,
    );
    expect(Date.parse(waiting!.waitingUntil!) - Date.parse(waiting!.enteredAt)).toBeLessThanOrEqual(
      5 * 60_000,
    );

    // Version 2 renames the step; the customer stays on version 1 and keeps its name.
    const renamed = {
      ...graph,
      nodes: graph.nodes.map((n) => (n.id === 'wait-order' ? { ...n, label: 'Renamed wait' } : n)),
    };
    await gql(
      `mutation($id: ID!, $input: SaveJourneyDraftInput!) { saveJourneyDraft(id: $id, input: $input) { ok } }`,
      { id: j.id, input: { graph: renamed, revision: j.draftRevision } },
    );
    expect((await publish()).publishJourney.ok).toBe(true);
    expect((await journeysOf(customerId))[0]).toMatchObject({
      version: 1,
      stepLabel: 'Wait for an order',
    });

    // The order reaches the goal, which ends the journey (exitOnGoal) where the customer was.
    await send([
      {
        messageId: 'order-1',
        event: 'Order Completed',
        email: 'ada@example.com',
        properties: { orderId: 'A-1', total: 25, currency: 'EUR' },
      },
    ]);
    const [done] = await journeysOf(customerId);
    expect(done).toMatchObject({
      status: 'exited',
      exitReason: 'goal',
      nodeId: 'wait-order',
      stepLabel: 'Wait for an order',
      waitingUntil: null,
    });
    expect(done!.convertedAt).not.toBeNull();
  });
});
