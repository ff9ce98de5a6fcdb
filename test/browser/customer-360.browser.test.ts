import { describe, expect, it } from 'vitest';
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

  it('says what to do for a customer that does not exist', async () => {
    const page = await session.open('/customers/00000000-0000-7000-8000-000000000000');
    await page.getByTestId('customer-missing').waitFor();
    await page.getByRole('link', { name: 'Search customers' }).click();
    await page.waitForURL(/\/customers$/);
  });
});
