/**
 * The request bodies of the ingestion benchmark, generated up front (deterministic, from a seeded
 * generator): track events of a population of people, some known by email (and a shop's customer
 * id), all by an anonymous id, with a share of items replaying an earlier item whole (a client
 * retrying), so they must come back as DUPLICATE.
 */
import { prng } from '../rule-eval/profiles';

/** One item of `POST /v1/events` as the benchmark sends it. */
export interface BenchItem {
  readonly messageId: string;
  readonly event: string;
  readonly properties: Record<string, unknown>;
  readonly timestamp: string;
  readonly anonymousId: string;
  readonly email?: string;
  readonly externalIds?: ReadonlyArray<{ source: string; id: string }>;
}

export interface Workload {
  /** The JSON bodies, one per request, in sending order. */
  readonly bodies: readonly string[];
  /** The items of each body (the same objects for a replay and its original). */
  readonly batches: ReadonlyArray<readonly BenchItem[]>;
  /** Distinct messageIds sent: the events the database must hold. */
  readonly distinctMessages: number;
  /** Items that repeat an earlier messageId. */
  readonly replays: number;
  /** Distinct people named, and distinct `Order Completed` events (orders the database must hold). */
  readonly people: number;
  readonly orders: number;
  readonly items: number;
  readonly bytes: number;
}

const CATEGORIES = ['shoes', 'bags', 'shirts', 'hats', 'socks', 'coats'];
const REFERRERS = ['https://www.google.com/', 'https://news.example.org/', null, null];
/** How far back the events' timestamps go. */
const SPAN_MS = 30 * 24 * 3600 * 1000;
/** Replays pick an original among this many most recent ones (a retry comes soon after). */
const REPLAY_WINDOW = 5_000;

/**
 * `batches` bodies of `batchSize` items. `seed` fixes everything but the timestamps, which are
 * spread over the 30 days before `now` (the server refuses future ones).
 */
export function generateWorkload(options: {
  readonly batches: number;
  readonly batchSize: number;
  readonly people: number;
  readonly replayShare: number;
  readonly now: number;
  readonly seed?: number;
}): Workload {
  const random = prng(options.seed ?? 20261123);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const hex = (n: number) =>
    Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
  const people = Array.from({ length: options.people }, (_, i) => ({
    anonymousId: `anon-${hex(16)}`,
    // 60% of people have signed in somewhere; half of those also have a shop account id.
    email: random() < 0.6 ? `person${i}@example.com` : undefined,
    shopId: random() < 0.3 ? `cust-${i}` : undefined,
  }));
  const seenPeople = new Set<number>();
  let orderSeq = 0;

  const originalItem = (): BenchItem => {
    // Skewed activity: a few people send many events.
    const who = Math.floor(options.people * random() ** 2);
    seenPeople.add(who);
    const person = people[who]!;
    const signedIn = person.email !== undefined && random() < 0.5;
    const timestamp = new Date(options.now - Math.floor(random() * SPAN_MS)).toISOString();
    const product = Math.floor(random() ** 2 * 500);
    const productProps = {
      productId: `sku-${product}`,
      name: `Product ${product}`,
      category: CATEGORIES[product % CATEGORIES.length],
      price: 5 + (product % 90) + 0.99,
    };
    const r = random();
    let event: string;
    let properties: Record<string, unknown>;
    if (r < 0.55) {
      const path = random() < 0.3 ? '/' : `/p/${product}`;
      event = 'Page Viewed';
      properties = {
        url: `https://shop.example.com${path}`,
        path,
        title: path === '/' ? 'Home' : `Product ${product}`,
        referrer: pick(REFERRERS),
      };
    } else if (r < 0.8) {
      event = 'Product Viewed';
      properties = productProps;
    } else if (r < 0.9) {
      event = 'Product Added';
      properties = { ...productProps, quantity: 1 + Math.floor(random() * 3) };
    } else if (r < 0.95) {
      event = 'Checkout Started';
      properties = { cartValue: Math.round(random() * 30_000) / 100, items: 1 + (product % 4) };
    } else if (r < 0.98) {
      orderSeq++;
      const quantity = 1 + Math.floor(random() * 3);
      event = 'Order Completed';
      properties = {
        orderId: `order-${orderSeq}`,
        total: Math.round(productProps.price * quantity * 100) / 100,
        currency: 'EUR',
        products: [
          {
            productId: productProps.productId,
            name: productProps.name,
            quantity,
            price: productProps.price,
          },
        ],
      };
    } else {
      event = 'Signed Up';
      properties = { method: pick(['email', 'google', 'apple']), plan: pick(['free', 'pro']) };
    }
    return {
      messageId: uuid(),
      event,
      properties,
      timestamp,
      anonymousId: person.anonymousId,
      ...(signedIn ? { email: person.email } : {}),
      ...(signedIn && person.shopId
        ? { externalIds: [{ source: 'shop', id: person.shopId }] }
        : {}),
    };
  };

  const originals: BenchItem[] = [];
  const batches: BenchItem[][] = [];
  const replaysPerBatch = Math.round(options.batchSize * options.replayShare);
  let replays = 0;
  for (let b = 0; b < options.batches; b++) {
    // Which positions of this batch are replays (of an item sent before, in this batch or earlier).
    const replayAt = new Set<number>();
    while (replayAt.size < Math.min(replaysPerBatch, options.batchSize - 1))
      replayAt.add(1 + Math.floor(random() * (options.batchSize - 1)));
    const batch: BenchItem[] = [];
    for (let i = 0; i < options.batchSize; i++) {
      if (replayAt.has(i)) {
        const from = Math.max(0, originals.length - REPLAY_WINDOW);
        batch.push(originals[from + Math.floor(random() * (originals.length - from))]!);
        replays++;
      } else {
        const item = originalItem();
        originals.push(item);
        batch.push(item);
      }
    }
    batches.push(batch);
  }
  const bodies = batches.map((batch) => JSON.stringify(batch));
  return {
    bodies,
    batches,
    distinctMessages: originals.length,
    replays,
    people: seenPeople.size,
    orders: orderSeq,
    items: options.batches * options.batchSize,
    bytes: bodies.reduce((sum, body) => sum + Buffer.byteLength(body), 0),
  };
}
