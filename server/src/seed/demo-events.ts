import type { DemoCustomer } from './demo-customers';
import { prng } from './demo-customers';

const PAGES = ['/', '/features', '/pricing', '/blog/segmentation-101', '/customers', '/docs'];
const PRODUCTS = [
  { productId: 'sku-tee', name: 'Cairn T-shirt', price: 25, cost: 9 },
  { productId: 'sku-mug', name: 'Mug', price: 12.5, cost: 4.25 },
  { productId: 'sku-book', name: 'The Journey Book', price: 39, cost: 14.5 },
];
const DAY = 86_400_000;

/**
 * A plausible history for the demo profiles (items for `POST /v1/events`): page views (some on
 * the pricing page), guide downloads, orders (products with their cost, so margins are known,
 * some tagged for the demo campaign) and a few survey answers, spread between each profile's
 * creation and `now`, plus their consent. What the email provider reported about the newsletter
 * is in `demo-campaign.ts`. Deterministic, like the profiles.
 */
export function demoEvents(
  customers: readonly DemoCustomer[],
  now: Date,
): Array<Record<string, unknown>> {
  const random = prng(42);
  const at = (c: DemoCustomer) =>
    new Date(
      c.createdAt.getTime() + random() * (now.getTime() - c.createdAt.getTime()),
    ).toISOString();
  return customers.flatMap((c, i) => {
    const who = { email: c.email };
    const events: Array<Record<string, unknown>> = [];
    const views = 2 + Math.floor(random() * 8);
    for (let v = 0; v < views; v++) {
      events.push({
        ...who,
        messageId: `demo-${i}-view-${v}`,
        event: 'Page Viewed',
        timestamp: at(c),
        properties: { url: PAGES[Math.floor(random() * PAGES.length)]! },
      });
    }
    if (random() < 0.25)
      events.push({
        ...who,
        messageId: `demo-${i}-nps`,
        event: 'Survey Answered',
        timestamp: at(c),
        properties: { survey: 'nps', score: Math.floor(random() * 11) },
      });
    if (random() < 0.3)
      events.push({
        ...who,
        messageId: `demo-${i}-guide`,
        event: 'Guide Downloaded',
        timestamp: at(c),
        properties: { guide: 'lead-scoring-playbook' },
      });
    const orders = Math.floor(random() * 3);
    for (let o = 0; o < orders; o++) {
      const product = PRODUCTS[Math.floor(random() * PRODUCTS.length)]!;
      const quantity = 1 + Math.floor(random() * 3);
      events.push({
        ...who,
        messageId: `demo-${i}-order-${o}`,
        event: 'Order Completed',
        timestamp: at(c),
        properties: {
          orderId: `D-${1000 + i * 10 + o}`,
          total: product.price * quantity,
          currency: 'EUR',
          products: [{ ...product, quantity }],
          ...(random() < 0.3 ? { utm_campaign: 'november-newsletter', utm_medium: 'email' } : {}),
        },
      });
    }
    return events;
  });
}

/** Consent for the demo profiles: most opted in to email, some to SMS, a few opted out later. */
export function demoConsent(index: number, createdAt: Date): Array<Record<string, unknown>> {
  const random = prng(1000 + index);
  const timestamp = createdAt.toISOString();
  const consent: Array<Record<string, unknown>> = [
    { channel: 'email', granted: random() < 0.85, source: 'signup form', timestamp },
  ];
  if (random() < 0.4)
    consent.push({ channel: 'sms', granted: true, source: 'checkout', timestamp });
  if (random() < 0.1)
    consent.push({
      channel: 'email',
      granted: false,
      source: 'unsubscribe link',
      timestamp: new Date(createdAt.getTime() + 30 * DAY).toISOString(),
    });
  return consent.filter((c) => Date.parse(c['timestamp'] as string) <= Date.now());
}
