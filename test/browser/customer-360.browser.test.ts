import { JOURNEY_EXAMPLES } from '@cairn/schema';
import { describe, expect, it } from 'vitest';
import { orderCompleted, publishExample, track } from './api-fixtures';
import { textOf, useBrowserSession } from './session';

const session = useBrowserSession();

interface Customer360 {
  customer: {
    email: string;
    traits: Record<string, unknown>;
    identities: { kind: string; value: string }[];
    consent: { channel: string; granted: boolean }[];
    orders: { orderId: string }[];
    events: { totalCount: number; edges: { node: { name: string } }[] };
    clicks: { totalCount: number };
    journeys: { id: string }[];
  };
}

const CUSTOMER = /* GraphQL */ `
  query TestCustomer($id: ID!) {
    customer(id: $id) {
      email
      traits
      identities {
        kind
        value
      }
      consent {
        channel
        granted
      }
      orders {
        orderId
      }
      events(first: 25) {
        totalCount
        edges {
          node {
            name
          }
        }
      }
      clicks: events(first: 25, names: ["Page Viewed"]) {
        totalCount
      }
      journeys {
        id
      }
    }
  }
`;

describe('customer 360', () => {
  it('opens a customer from the list and shows profile, identities, consent, orders and the timeline', async () => {
    const page = await session.open('/customers');
    const row = page.getByTestId('customer-row').first();
    await row.waitFor();
    const id = (await row.getAttribute('data-customer-id'))!;
    const { customer } = await session.cairn().graphql<Customer360>(CUSTOMER, { id });
    await row.getByRole('link').click();
    await page.waitForURL(new RegExp(`/customers/${id}$`));

    await expect
      .poll(() => textOf(page.getByTestId('customer-title')))
      .toBe(customer.traits['name']);
    const identities = await page
      .getByTestId('customer-identities')
      .locator('code')
      .allTextContents();
    expect(identities).toEqual(customer.identities.map((i) => i.value));
    const traits = await textOf(page.getByTestId('customer-traits'));
    expect(traits).toContain(`country${String(customer.traits['country'])}`);
    if (customer.consent.length > 0) {
      const consent = await textOf(page.getByTestId('customer-consent'));
      for (const c of customer.consent)
        expect(consent).toContain(`${c.channel}: ${c.granted ? 'opted in' : 'opted out'}`);
    }
    expect(await page.getByTestId('customer-orders').locator('tr').count()).toBe(
      customer.orders.length,
    );

    // The timeline, newest first, then filtered to one event name.
    const names = () =>
      page
        .getByTestId('timeline-event')
        .evaluateAll((items) => items.map((i) => i.getAttribute('data-name')));
    await expect.poll(names).toEqual(customer.events.edges.map((e) => e.node.name));
    expect(await textOf(page.getByTestId('timeline-total'))).toBe(
      `${customer.events.totalCount} events`,
    );
    if (customer.journeys.length === 0) {
      // The empty journeys panel says where journeys come from.
      const empty = page.getByTestId('customer-journeys-empty');
      expect(await empty.getByRole('link').getAttribute('href')).toBe('/journeys');
    } else {
      expect(await page.getByTestId('customer-journey').count()).toBe(customer.journeys.length);
    }
    await session.screenshot(page, 'customer-360');

    await page
      .getByRole('group', { name: 'Event names' })
      .getByRole('button', { name: 'Page Viewed' })
      .click();
    await expect
      .poll(() => textOf(page.getByTestId('timeline-total')))
      .toBe(`${customer.clicks.totalCount} events`);
    const filtered = await names();
    expect(filtered.length).toBe(Math.min(25, customer.clicks.totalCount));
    expect(new Set(filtered)).toEqual(new Set(['Page Viewed']));
    await session.screenshot(page, 'customer-360-filtered');
  });

  it('shows the journey a customer is in with its current step, and their score history', async () => {
    const cairn = session.cairn();
    const journeyId = await publishExample(cairn, 'Cart abandoned (360)', 'cartAbandoned');
    const countOf = (event: string) => ({
      version: 1,
      root: {
        kind: 'event',
        event,
        measure: { type: 'count', window: { type: 'ever' }, compare: { op: 'gte', value: 1 } },
      },
    });
    const model = await cairn.graphql<{
      createScoringModel: { model: { key: string } | null; problems: unknown[] };
    }>(
      `mutation($input: ScoringModelInput!) { createScoringModel(input: $input) { model { key } problems { message } } }`,
      {
        input: {
          key: 'engagement',
          name: 'Engagement',
          mqlThreshold: 20,
          rules: [
            {
              id: 'viewed',
              label: 'Viewed a page',
              kind: 'behavior',
              points: 5,
              rule: countOf('Page Viewed'),
            },
            {
              id: 'cart',
              label: 'Left a cart',
              kind: 'behavior',
              points: 20,
              rule: countOf('Cart Abandoned'),
            },
          ],
        },
      },
    );
    expect(model.createScoringModel.problems).toEqual([]);

    const email = 'lena.journeys@example.com';
    const [customerId] = await track(cairn, [
      { email, event: 'Page Viewed', properties: { url: '/pricing' } },
    ]);
    await track(cairn, [{ email, event: 'Cart Abandoned', properties: { cartId: 'cart-1' } }]);

    interface Entry {
      journeyId: string;
      journeyName: string;
      version: number;
      entryNumber: number;
      status: string;
      nodeId: string;
      awaiting: string | null;
      waitingUntil: string | null;
    }
    const api = await cairn.graphql<{
      customer: { journeys: Entry[]; scores: { model: string; value: number }[] };
      scoreHistory: { at: string; value: number }[];
    }>(
      `query($id: ID!) {
        customer(id: $id) {
          journeys { journeyId journeyName version entryNumber status nodeId awaiting waitingUntil }
          scores { model value }
        }
        scoreHistory(customerId: $id, model: "engagement") { at value }
      }`,
      { id: customerId },
    );
    const entries = api.customer.journeys.filter((e) => e.journeyId === journeyId);
    expect(entries).toHaveLength(1);
    const entry = entries[0]!;
    expect(entry.status).toBe('active');
    expect(entry.waitingUntil).not.toBeNull();
    const step = JOURNEY_EXAMPLES.cartAbandoned.nodes.find((n) => n.id === entry.nodeId);
    expect(step?.label).toBeTruthy();

    const page = await session.open(`/customers/${customerId}`);
    const row = page.locator(`[data-testid="customer-journey"][data-journey-id="${journeyId}"]`);
    await row.waitFor();
    const link = row.getByRole('link', { name: entry.journeyName });
    expect(await link.getAttribute('href')).toBe(`/journeys/${journeyId}`);
    expect(await textOf(row)).toContain(`v${entry.version} · entry ${entry.entryNumber}`);
    const status = row.getByTestId('journey-entry-status');
    expect(await status.getAttribute('data-tone')).toBe('waiting');
    expect(await textOf(status)).toContain(`Waiting for “${entry.awaiting}” until`);
    const stepCell = row.getByTestId('journey-entry-step');
    expect(await stepCell.getAttribute('data-node-id')).toBe(entry.nodeId);
    expect(await textOf(stepCell)).toContain(step!.label!);

    // The score now, its chart and its latest changes (newest first; 0 before the first entry).
    const current = api.customer.scores.find((s) => s.model === 'engagement')!;
    const card = page.locator('[data-testid="score-model"][data-model="engagement"]');
    expect(await textOf(card.getByTestId('score-value'))).toBe(String(current.value));
    expect(await textOf(card)).toContain('Engagement');
    expect(await textOf(card)).toContain('MQL');
    await card.locator('.recharts-area-curve').waitFor();
    const history = api.scoreHistory;
    expect(history.length).toBeGreaterThanOrEqual(2);
    const expected = history
      .map((p, i) => ({ to: p.value, change: p.value - (i === 0 ? 0 : history[i - 1]!.value) }))
      .reverse()
      .slice(0, 5);
    const changes = await card.getByTestId('score-change').allTextContents();
    expect(changes).toHaveLength(expected.length);
    expected.forEach((c, i) => {
      expect(changes[i]).toContain(`${c.change >= 0 ? '+' : '−'}${Math.abs(c.change)} to ${c.to}`);
    });
    await session.screenshot(page, 'customer-360-journeys-scores');

    // An order reaches the journey's goal: the entry shows as converted.
    await track(cairn, [orderCompleted(email, 'L-1', 25)]);
    await page.reload();
    await expect
      .poll(() => row.getByTestId('journey-entry-status').getAttribute('data-tone'))
      .toBe('converted');
    await session.screenshot(page, 'customer-360-journey-converted');
  });

  it('says what to do for a customer that does not exist', async () => {
    const page = await session.open('/customers/00000000-0000-7000-8000-000000000000');
    await page.getByTestId('customer-missing').waitFor();
    await page.getByRole('link', { name: 'Search customers' }).click();
    await page.waitForURL(/\/customers$/);
  });
});
