import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ConsentRecord,
  Customer,
  CustomerMerge,
  Event,
  Identity,
  Order,
  ScoreEntry,
  SegmentMembership,
} from '../../src/db/entities';
import { encodeCustomerCursor } from '../../src/modules/customer/customer.cursor';
import { codes, startTestApp, type TestApp } from '../harness';

let t: TestApp;
let ws: { id: string; key: string };
let other: { id: string; key: string };
let ada: Customer;
let intruder: Customer;
let adaEvents: Event[];

/** 2026-01-`day` at `hour`:00 UTC. */
const at = (day: number, hour = 0) => new Date(Date.UTC(2026, 0, day, hour));
const iso = (date: Date) => date.toISOString();
const newestFirst = (a: Event, b: Event) =>
  b.occurredAt.getTime() - a.occurredAt.getTime() || (a.id < b.id ? 1 : -1);

/** A merge record of `mergedId` into `survivor` that moved nothing. */
const mergeOf = (workspace: string, survivor: Customer, mergedId: string) => ({
  workspace,
  survivor,
  mergedId,
  mergedTraits: {},
  moved: { identities: [], events: 0, orders: 0, consentRecords: 0 },
  reason: `identify ${mergedId}`,
});

const PROFILE = `query($id: ID!) {
  customer(id: $id) {
    id email timeZone traits
    identities { kind source value createdAt }
    orders { orderId amount currency items { productId name quantity price } occurredAt }
    consent { channel granted source recordedAt }
    consentHistory { channel granted source recordedAt }
    scores { model value at }
    segments { segmentId }
    merges { mergedId mergedAt reason moved { identities { kind source value } events orders consentRecords } }
  }
}`;

const EVENTS = `query($id: ID!, $first: Int!, $after: String, $names: [String!], $from: DateTimeISO, $to: DateTimeISO) {
  customer(id: $id) {
    events(first: $first, after: $after, names: $names, from: $from, to: $to) {
      totalCount
      edges { cursor node { id name properties occurredAt receivedAt messageId } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

interface EventPage {
  totalCount: number;
  edges: Array<{ cursor: string; node: { id: string; name: string } & Record<string, unknown> }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

async function events(variables: Record<string, unknown>, key = ws.key) {
  const res = await t.gql<{ customer: { events: EventPage } | null }>(key, EVENTS, {
    id: ada.id,
    first: 20,
    ...variables,
  });
  return res;
}

async function eventPage(variables: Record<string, unknown>): Promise<EventPage> {
  const res = await events(variables);
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.customer!.events;
}

beforeAll(async () => {
  // No background re-check runs: the N+1 test counts every statement on the connection.
  t = await startTestApp({ SEGMENT_RECHECK_MS: '0' });
  ws = await t.workspace('Profiles');
  other = await t.workspace('Other');
  const em = t.app.orm.em.fork();
  ada = em.create(Customer, {
    workspace: ws.id,
    email: 'ada@example.com',
    timeZone: 'Europe/Paris',
    traits: { name: 'Ada', plan: { tier: 'pro' } },
  });
  const mine = { workspace: ws.id, customer: ada };
  em.create(Identity, { ...mine, kind: 'email', value: 'ada@example.com', createdAt: at(1) });
  em.create(Identity, {
    ...mine,
    kind: 'externalId',
    source: 'shopify',
    value: 'S-1',
    createdAt: at(2),
  });
  em.create(Identity, { ...mine, kind: 'anonymousId', value: 'anon-1', createdAt: at(3) });
  const timeline: Array<[string, Date]> = [
    ['Page Viewed', at(1)],
    ['Added to Cart', at(2)],
    ['Page Viewed', at(3)],
    ['Page Viewed', at(3)], // same time: the id breaks the tie
    ['Order Completed', at(4)],
    ['Page Viewed', at(5)],
    ['Added to Cart', at(6)],
  ];
  adaEvents = timeline.map(([name, occurredAt], i) =>
    em.create(Event, {
      ...mine,
      name,
      occurredAt,
      receivedAt: at(10),
      messageId: `m-${i}`,
      properties: { i, nested: { ok: true } },
    }),
  );
  em.create(Order, {
    ...mine,
    orderId: 'A-1',
    amount: 10.5,
    currency: 'EUR',
    occurredAt: at(2),
  });
  em.create(Order, {
    ...mine,
    orderId: 'A-2',
    amount: 59.9,
    currency: 'EUR',
    items: [{ productId: 'p1', name: 'Tea', quantity: 2, price: 29.95 }],
    occurredAt: at(4),
  });
  // Written out of time order: the state is the latest record by time, not the last inserted.
  em.create(ConsentRecord, { ...mine, channel: 'email', granted: false, recordedAt: at(5) });
  em.create(ConsentRecord, {
    ...mine,
    channel: 'email',
    granted: true,
    source: 'signup form',
    recordedAt: at(1),
  });
  em.create(ConsentRecord, { ...mine, channel: 'sms', granted: true, recordedAt: at(3) });
  em.create(ScoreEntry, { ...mine, model: 'lead', value: 42, at: at(4) });
  em.create(ScoreEntry, { ...mine, model: 'lead', value: 10, at: at(1) });
  em.create(ScoreEntry, { ...mine, model: 'churn', value: 0.25, at: at(2) });
  em.create(SegmentMembership, { ...mine, segmentId: 'seg-b' });
  em.create(SegmentMembership, { ...mine, segmentId: 'seg-a' });
  for (const [mergedId, day] of [
    ['gone-1', 2],
    ['gone-2', 6],
  ] as const) {
    em.create(CustomerMerge, {
      ...mergeOf(ws.id, ada, mergedId),
      moved: {
        identities: [{ kind: 'anonymousId', source: '', value: mergedId }],
        events: day,
        orders: 0,
        consentRecords: 1,
      },
      mergedAt: at(day),
    });
  }

  // Another workspace's rows, some (wrongly) pointing at Ada: the workspace filter must hide them.
  intruder = em.create(Customer, { workspace: other.id, email: 'eve@example.com' });
  for (const customer of [ada, intruder]) {
    const theirs = { workspace: other.id, customer };
    const tag = customer === ada ? 'x' : 'y';
    em.create(Identity, { ...theirs, kind: 'email', value: `eve-${tag}@example.com` });
    em.create(Event, { ...theirs, name: 'Page Viewed', occurredAt: at(9), messageId: tag });
    em.create(Order, {
      ...theirs,
      orderId: `E-${tag}`,
      amount: 1,
      currency: 'USD',
      occurredAt: at(9),
    });
    em.create(ConsentRecord, { ...theirs, channel: 'email', granted: true, recordedAt: at(9) });
    em.create(ScoreEntry, { ...theirs, model: 'lead', value: 99, at: at(9) });
    em.create(SegmentMembership, { ...theirs, segmentId: `seg-eve-${tag}` });
    em.create(CustomerMerge, mergeOf(other.id, customer, `eve-${tag}`));
  }
  await em.flush();
});
afterAll(() => t.close());

describe('Customer 360', () => {
  it('shows the profile, identities, orders, consent, scores, segments and merges in order', async () => {
    const res = await t.gql<{ customer: Record<string, unknown> }>(ws.key, PROFILE, { id: ada.id });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.customer).toEqual({
      id: ada.id,
      email: 'ada@example.com',
      timeZone: 'Europe/Paris',
      traits: { name: 'Ada', plan: { tier: 'pro' } },
      identities: [
        { kind: 'email', source: '', value: 'ada@example.com', createdAt: iso(at(1)) },
        { kind: 'externalId', source: 'shopify', value: 'S-1', createdAt: iso(at(2)) },
        { kind: 'anonymousId', source: '', value: 'anon-1', createdAt: iso(at(3)) },
      ],
      orders: [
        {
          orderId: 'A-2',
          amount: 59.9,
          currency: 'EUR',
          items: [{ productId: 'p1', name: 'Tea', quantity: 2, price: 29.95 }],
          occurredAt: iso(at(4)),
        },
        { orderId: 'A-1', amount: 10.5, currency: 'EUR', items: [], occurredAt: iso(at(2)) },
      ],
      consent: [
        { channel: 'email', granted: false, source: null, recordedAt: iso(at(5)) },
        { channel: 'sms', granted: true, source: null, recordedAt: iso(at(3)) },
      ],
      consentHistory: [
        { channel: 'email', granted: false, source: null, recordedAt: iso(at(5)) },
        { channel: 'sms', granted: true, source: null, recordedAt: iso(at(3)) },
        { channel: 'email', granted: true, source: 'signup form', recordedAt: iso(at(1)) },
      ],
      scores: [
        { model: 'churn', value: 0.25, at: iso(at(2)) },
        { model: 'lead', value: 42, at: iso(at(4)) },
      ],
      segments: [{ segmentId: 'seg-a' }, { segmentId: 'seg-b' }],
      merges: [
        {
          mergedId: 'gone-2',
          mergedAt: iso(at(6)),
          reason: 'identify gone-2',
          moved: {
            identities: [{ kind: 'anonymousId', source: '', value: 'gone-2' }],
            events: 6,
            orders: 0,
            consentRecords: 1,
          },
        },
        {
          mergedId: 'gone-1',
          mergedAt: iso(at(2)),
          reason: 'identify gone-1',
          moved: {
            identities: [{ kind: 'anonymousId', source: '', value: 'gone-1' }],
            events: 2,
            orders: 0,
            consentRecords: 1,
          },
        },
      ],
    });
  });

  it("never shows another workspace's rows, even ones that point at the customer", async () => {
    const mine = await t.gql<{ customer: Record<string, unknown[]> }>(ws.key, PROFILE, {
      id: ada.id,
    });
    const text = JSON.stringify(mine.body.data);
    expect(text).not.toMatch(/eve-|E-x|"value":99/);
    expect((await eventPage({})).totalCount).toBe(adaEvents.length);
    // From the other workspace, Ada does not exist, and its own customer sees only its own rows.
    expect((await events({}, other.key)).body.data!.customer).toBeNull();
    const theirs = await t.gql<{ customer: Record<string, unknown[]> }>(other.key, PROFILE, {
      id: intruder.id,
    });
    expect(theirs.body.data!.customer!['identities']).toEqual([
      expect.objectContaining({ value: 'eve-y@example.com' }),
    ]);
    expect(theirs.body.data!.customer!['segments']).toEqual([{ segmentId: 'seg-eve-y' }]);
  });
});

describe('Customer.events', () => {
  it('lists the timeline newest first with every field', async () => {
    const page = await eventPage({});
    const expected = [...adaEvents].sort(newestFirst);
    expect(page.totalCount).toBe(7);
    expect(page.pageInfo.hasNextPage).toBe(false);
    expect(page.edges.map((e) => e.node.id)).toEqual(expected.map((e) => e.id));
    const first = expected[0]!;
    expect(page.edges[0]!.node).toEqual({
      id: first.id,
      name: first.name,
      properties: first.properties,
      occurredAt: iso(first.occurredAt),
      receivedAt: iso(at(10)),
      messageId: first.messageId,
    });
  });

  it('pages with cursors: every event once, in order, the last page says it is the last', async () => {
    const ids: string[][] = [];
    let after: string | null = null;
    for (;;) {
      const page: EventPage = await eventPage({ first: 3, after });
      expect(page.totalCount).toBe(7);
      ids.push(page.edges.map((e) => e.node.id));
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(ids.map((p) => p.length)).toEqual([3, 3, 1]);
    expect(ids.flat()).toEqual([...adaEvents].sort(newestFirst).map((e) => e.id));
  });

  it('filters by names and by time (from included, to excluded), with a matching total', async () => {
    const viewed = await eventPage({ names: ['Page Viewed'], first: 2 });
    expect(viewed.totalCount).toBe(4);
    expect(viewed.edges.map((e) => e.node.name)).toEqual(['Page Viewed', 'Page Viewed']);
    const rest = await eventPage({
      names: ['Page Viewed'],
      first: 2,
      after: viewed.pageInfo.endCursor,
    });
    expect(rest.pageInfo.hasNextPage).toBe(false);
    expect([...viewed.edges, ...rest.edges].map((e) => e.node.id)).toEqual(
      adaEvents
        .filter((e) => e.name === 'Page Viewed')
        .sort(newestFirst)
        .map((e) => e.id),
    );

    const window = await eventPage({ from: iso(at(2)), to: iso(at(5)) });
    expect(window.totalCount).toBe(4);
    expect(window.edges.map((e) => e.node.occurredAt)).toEqual(
      [at(4), at(3), at(3), at(2)].map(iso),
    );
    const both = await eventPage({ names: ['Added to Cart', 'Nothing'], from: iso(at(2)) });
    expect(both.edges.map((e) => e.node.occurredAt)).toEqual([at(6), at(2)].map(iso));
    expect((await eventPage({ names: [] })).totalCount).toBe(0);
  });

  it('serves different arguments in one request (aliases) from their own batches', async () => {
    const res = await t.gql<{
      customer: Record<'latest' | 'carts', EventPage>;
    }>(
      ws.key,
      `query($id: ID!) { customer(id: $id) {
        latest: events(first: 1) { totalCount edges { node { name occurredAt } } }
        carts: events(first: 5, names: ["Added to Cart"]) { totalCount edges { node { name occurredAt } } }
      } }`,
      { id: ada.id },
    );
    expect(res.body.errors).toBeUndefined();
    const { latest, carts } = res.body.data!.customer;
    expect(latest.totalCount).toBe(7);
    expect(latest.edges.map((e) => e.node['occurredAt'])).toEqual([iso(at(6))]);
    expect(carts.totalCount).toBe(2);
    expect(carts.edges.map((e) => e.node['occurredAt'])).toEqual([at(6), at(2)].map(iso));
  });

  it('rejects bad arguments with a code and the argument', async () => {
    const customerCursor = encodeCustomerCursor({ createdAt: at(1), id: ada.id });
    for (const [variables, code, field] of [
      [{ first: 0 }, 'BAD_USER_INPUT', ['first']],
      [{ first: 101 }, 'BAD_USER_INPUT', ['first']],
      [{ after: 'nope' }, 'INVALID_CURSOR', ['after']],
      [{ after: customerCursor }, 'INVALID_CURSOR', ['after']],
      [{ from: iso(at(3)), to: iso(at(3)) }, 'BAD_USER_INPUT', ['to']],
    ] as const) {
      const res = await events(variables);
      expect(codes(res), JSON.stringify(variables)).toEqual([code]);
      expect(res.body.errors![0]!.extensions!['field']).toEqual(field);
    }
  });
});

describe('batching (no N+1)', () => {
  const LIST = `query($first: Int!) {
    customers(first: $first) {
      edges { node {
        id timeZone
        identities { kind value }
        events(first: 2) { totalCount edges { node { id name } } pageInfo { hasNextPage } }
        carts: events(first: 1, names: ["Added to Cart"]) { totalCount edges { node { id } } }
        orders { orderId }
        consent { channel granted }
        consentHistory { channel }
        scores { model value }
        segments { segmentId }
        merges { mergedId }
      } }
    }
  }`;
  let crowd: { id: string; key: string };

  interface ListNode {
    id: string;
    identities: unknown[];
    events: { totalCount: number; edges: unknown[]; pageInfo: { hasNextPage: boolean } };
    carts: { totalCount: number; edges: unknown[] };
    orders: unknown[];
    consent: Array<{ channel: string; granted: boolean }>;
    consentHistory: unknown[];
    scores: Array<{ model: string; value: number }>;
    segments: Array<{ segmentId: string }>;
    merges: unknown[];
  }

  beforeAll(async () => {
    crowd = await t.workspace('Crowd');
    const em = t.app.orm.em.fork();
    for (let i = 0; i < 50; i++) {
      const customer = em.create(Customer, { workspace: crowd.id, email: `p${i}@example.com` });
      const own = { workspace: crowd.id, customer };
      em.create(Identity, { ...own, kind: 'email', value: `p${i}@example.com` });
      em.create(Identity, { ...own, kind: 'anonymousId', value: `anon-${i}` });
      for (const [name, day] of [
        ['Page Viewed', 1],
        ['Added to Cart', 2],
        ['Page Viewed', 3],
      ] as const) {
        em.create(Event, { ...own, name, occurredAt: at(day) });
      }
      em.create(Order, {
        ...own,
        orderId: `o-${i}`,
        amount: i,
        currency: 'EUR',
        occurredAt: at(2),
      });
      em.create(ConsentRecord, { ...own, channel: 'email', granted: true, recordedAt: at(1) });
      em.create(ConsentRecord, { ...own, channel: 'email', granted: false, recordedAt: at(2) });
      em.create(ScoreEntry, { ...own, model: 'lead', value: i, at: at(1) });
      em.create(ScoreEntry, { ...own, model: 'lead', value: i + 100, at: at(2) });
      em.create(SegmentMembership, { ...own, segmentId: `seg-${i % 3}` });
      em.create(CustomerMerge, mergeOf(crowd.id, customer, `m-${i}`));
    }
    await em.flush();
  });

  /** Runs `query` for the first `first` customers; returns the nodes and the SQL statements run. */
  async function measured(first: number): Promise<{ nodes: ListNode[]; statements: string[] }> {
    const knex = t.app.orm.em.getConnection().getKnex();
    const statements: string[] = [];
    const listener = (query: { sql: string }) => statements.push(query.sql);
    knex.on('query', listener);
    try {
      const res = await t.gql<{ customers: { edges: Array<{ node: ListNode }> } }>(
        crowd.key,
        LIST,
        { first },
      );
      expect(res.body.errors).toBeUndefined();
      return { nodes: res.body.data!.customers.edges.map((e) => e.node), statements };
    } finally {
      knex.removeListener('query', listener);
    }
  }

  it('runs as many SQL statements for 50 customers as for 5', async () => {
    const few = await measured(5);
    const many = await measured(50);
    expect(few.nodes).toHaveLength(5);
    expect(many.nodes).toHaveLength(50);
    // Auth, the page and its count, then one statement per nested list (events: page and total).
    expect(few.statements.length).toBeGreaterThanOrEqual(12);
    expect(many.statements.length).toBe(few.statements.length);

    for (const node of many.nodes) {
      expect(node.identities).toHaveLength(2);
      expect(node.events.totalCount).toBe(3);
      expect(node.events.edges).toHaveLength(2);
      expect(node.events.pageInfo.hasNextPage).toBe(true);
      expect(node.carts).toMatchObject({ totalCount: 1, edges: [expect.anything()] });
      expect(node.orders).toHaveLength(1);
      expect(node.consent).toEqual([{ channel: 'email', granted: false }]);
      expect(node.consentHistory).toHaveLength(2);
      expect(node.scores).toEqual([{ model: 'lead', value: expect.any(Number) }]);
      expect(node.scores[0]!.value).toBeGreaterThanOrEqual(100);
      expect(node.segments).toHaveLength(1);
      expect(node.merges).toHaveLength(1);
    }
  });
});
