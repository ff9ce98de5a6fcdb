import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ConsentRecord,
  Customer,
  CustomerMerge,
  Event,
  Identity,
  Order,
} from '../../src/db/entities';
import { scopeToWorkspace } from '../../src/db/workspace-filter';
import { codes, startTestApp, type IngestBody, type TestApp } from '../harness';

let t: TestApp;
let ws: { id: string; key: string; writeKey: string };

beforeAll(async () => {
  t = await startTestApp();
  ws = await t.workspace('Shop');
});
afterAll(() => t.close());

/** A fork scoped to the test workspace, for looking at what was stored. */
function db() {
  const em = t.app.orm.em.fork();
  scopeToWorkspace(em, ws.id);
  return em;
}

const IDENTIFY = `mutation($people: [IdentifyInput!]!) {
  identify(people: $people) {
    accepted duplicates rejected
    results { index status customerId profile mergedCustomerIds messageId problems { code path message } }
  }
}`;
const TRACK = `mutation($events: [TrackInput!]!) {
  track(events: $events) {
    accepted duplicates rejected
    results { index status customerId profile mergedCustomerIds messageId problems { code path message } }
  }
}`;

async function identify(people: unknown[]): Promise<IngestBody> {
  const res = await t.gql<{ identify: IngestBody }>(ws.key, IDENTIFY, { people });
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.identify;
}

describe('POST /v1/events', () => {
  it('stores an event for an unknown person on a new profile made from its identities', async () => {
    const res = await t.events(ws.writeKey, [
      {
        messageId: 'm-1',
        event: 'Page Viewed',
        anonymousId: 'anon-new',
        properties: { url: '/pricing' },
      },
    ]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ accepted: 1, duplicates: 0, rejected: 0 });
    const [result] = res.body.results;
    expect(result).toMatchObject({
      index: 0,
      status: 'ACCEPTED',
      profile: 'CREATED',
      messageId: 'm-1',
    });
    const em = db();
    const identity = await em.findOneOrFail(Identity, { kind: 'anonymousId', value: 'anon-new' });
    expect(identity.customer.id).toBe(result!.customerId);
    const event = await em.findOneOrFail(Event, { messageId: 'm-1' });
    expect(event).toMatchObject({ name: 'Page Viewed', properties: { url: '/pricing' } });
    expect(event.customer.id).toBe(result!.customerId);
  });

  it('acknowledges a replayed messageId as a duplicate and never stores it twice', async () => {
    const item = { messageId: 'm-replay', event: 'Signed Up', email: 'replay@example.com' };
    const first = await t.events(ws.writeKey, [item]);
    const again = await t.events(ws.writeKey, [item, { ...item }]);
    expect(first.body.results[0]!.status).toBe('ACCEPTED');
    expect(again.body).toMatchObject({ accepted: 0, duplicates: 2 });
    expect(await db().count(Event, { messageId: 'm-replay' })).toBe(1);
    expect(await db().count(Customer, { email: 'replay@example.com' })).toBe(1);
  });

  it('gives stored profiles their first email from events, with the search text, once', async () => {
    const anon = (n: number) => `anon-signing-in-${n}`;
    const first = await t.events(
      ws.writeKey,
      [1, 2].map((n) => ({ messageId: `m-anon-${n}`, event: 'Page Viewed', anonymousId: anon(n) })),
    );
    const before = await db().find(Customer, {
      id: { $in: first.body.results.map((r) => r.customerId!) },
    });
    expect(before.map((c) => c.email)).toEqual([null, null]);
    // Both sign in within one batch; the second profile is named again with a second email later
    // in the batch, which stays an identity but not the primary email.
    const signIn = await t.events(ws.writeKey, [
      {
        messageId: 'm-in-1',
        event: 'Signed In',
        anonymousId: anon(1),
        email: 'Sign.In.Ada@Example.com',
      },
      {
        messageId: 'm-in-2',
        event: 'Signed In',
        anonymousId: anon(2),
        email: 'sign.in.bo@example.com',
      },
      {
        messageId: 'm-in-3',
        event: 'Signed In',
        anonymousId: anon(2),
        email: 'sign.in.bo2@example.com',
      },
    ]);
    expect(signIn.body.results.map((r) => [r.status, r.customerId])).toEqual([
      ['ACCEPTED', first.body.results[0]!.customerId],
      ['ACCEPTED', first.body.results[1]!.customerId],
      ['ACCEPTED', first.body.results[1]!.customerId],
    ]);
    const after = await db().find(
      Customer,
      { id: { $in: first.body.results.map((r) => r.customerId!) } },
      { orderBy: { email: 'asc' } },
    );
    expect(after.map((c) => [c.email, c.searchText])).toEqual([
      ['sign.in.ada@example.com', 'sign.in.ada@example.com'],
      ['sign.in.bo@example.com', 'sign.in.bo@example.com'],
    ]);
    for (const c of after) expect(c.updatedAt.getTime()).toBeGreaterThan(c.createdAt.getTime());
    expect(await db().count(Identity, { value: 'sign.in.bo2@example.com' })).toBe(1);
  });

  it('treats a repeated messageId within one batch as a duplicate of the first', async () => {
    const res = await t.events(ws.writeKey, [
      { messageId: 'm-twice', event: 'A', anonymousId: 'x-1' },
      { messageId: 'm-twice', event: 'A', anonymousId: 'x-1' },
    ]);
    expect(res.body.results.map((r) => r.status)).toEqual(['ACCEPTED', 'DUPLICATE']);
  });

  it('rejects bad items one by one, with a code and the path, and keeps the good ones', async () => {
    const future = new Date(Date.now() + 3 * 60 * 60 * 1000).toISOString();
    const past = '2020-01-02T03:04:05Z';
    const res = await t.events(ws.writeKey, [
      { messageId: 'ok-1', event: 'Clicked', email: 'good@example.com', timestamp: past },
      { messageId: 'bad-future', event: 'Clicked', email: 'good@example.com', timestamp: future },
      { messageId: 'bad-who', event: 'Clicked' },
      { messageId: 'bad-email', event: 'Clicked', email: 'not-an-email' },
      { messageId: 'bad-props', event: 'Clicked', anonymousId: 'a', properties: { 'a.b': 1 } },
      { messageId: 'bad-name', event: '', anonymousId: 'a' },
      { messageId: 'bad-type', type: 'page', anonymousId: 'a' },
      'not an object',
      { messageId: 'ok-2', event: 'Clicked', email: 'good@example.com' },
    ]);
    expect(res.status).toBe(200);
    const byIndex = res.body.results.map((r) => [
      r.status,
      r.problems.map((p) => `${p.code}@${p.path.join('.')}`),
    ]);
    expect(byIndex).toEqual([
      ['ACCEPTED', []],
      ['REJECTED', ['TIMESTAMP_IN_FUTURE@1.timestamp']],
      ['REJECTED', ['MISSING_IDENTITY@2']],
      ['REJECTED', ['BAD_USER_INPUT@3.email']],
      ['REJECTED', ['BAD_USER_INPUT@4.properties.a.b']],
      ['REJECTED', ['BAD_USER_INPUT@5.event']],
      ['REJECTED', ['BAD_USER_INPUT@6.type']],
      ['REJECTED', ['BAD_USER_INPUT@7']],
      ['ACCEPTED', []],
    ]);
    expect(res.body).toMatchObject({ accepted: 2, rejected: 7 });
    const stored = await db().find(Event, { messageId: { $in: ['ok-1', 'ok-2', 'bad-future'] } });
    expect(stored.map((e) => e.messageId).sort()).toEqual(['ok-1', 'ok-2']);
    // Out of order is fine: the 2020 event is stored with its own time.
    expect(stored.find((e) => e.messageId === 'ok-1')!.occurredAt.toISOString()).toBe(
      '2020-01-02T03:04:05.000Z',
    );
  });

  it('takes NDJSON, and a line that is not JSON rejects only that item', async () => {
    const body = [
      JSON.stringify({ messageId: 'nd-1', event: 'Viewed', anonymousId: 'nd' }),
      '{ not json',
      '',
      JSON.stringify({ type: 'identify', anonymousId: 'nd', traits: { plan: 'trial' } }),
    ].join('\n');
    const res = await t.events(ws.writeKey, body);
    expect(res.body.results.map((r) => r.status)).toEqual(['ACCEPTED', 'REJECTED', 'ACCEPTED']);
    expect(res.body.results[1]!.problems[0]).toMatchObject({ code: 'BAD_USER_INPUT', path: ['1'] });
    expect(res.body.results[1]!.problems[0]!.message).toMatch(/Line 2/);
    const customer = await db().findOneOrFail(Customer, { id: res.body.results[2]!.customerId! });
    expect(customer.traits).toEqual({ plan: 'trial' });
  });

  it('refuses a body that is not an array, batches over 1,000 items, and missing or wrong keys', async () => {
    const notArray = await fetch(`${t.url}/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ws.writeKey}` },
      body: JSON.stringify({ event: 'x' }),
    });
    expect(notArray.status).toBe(400);
    const big = await t.events(
      ws.writeKey,
      Array.from({ length: 1001 }, (_, i) => ({ event: 'e', anonymousId: `b${i}` })),
    );
    expect(big.status).toBe(413);
    expect(big.body.errors?.[0]?.extensions?.['code']).toBe('BATCH_TOO_LARGE');
    expect(await db().count(Identity, { value: 'b0' })).toBe(0);
    expect((await t.events(undefined, [])).status).toBe(401);
    expect((await t.events('cairn_wrong', [])).status).toBe(401);
  });

  it('keeps write keys out of the GraphQL API', async () => {
    const res = await t.gql(ws.writeKey, '{ customers(first: 1) { totalCount } }');
    expect(res.status).toBe(403);
    expect(codes(res)).toEqual(['FORBIDDEN']);
  });
});

describe('identify and identity resolution', () => {
  it('creates, updates and leaves unchanged', async () => {
    const created = await identify([
      {
        email: 'Ada@Example.com',
        externalIds: [{ source: 'crm', id: '42' }],
        traits: { plan: 'pro' },
        timeZone: 'Europe/Paris',
      },
    ]);
    expect(created.results[0]).toMatchObject({ status: 'ACCEPTED', profile: 'CREATED' });
    const id = created.results[0]!.customerId!;
    const updated = await identify([
      { externalIds: [{ source: 'crm', id: '42' }], traits: { seats: 5, plan: null } },
    ]);
    expect(updated.results[0]).toMatchObject({ customerId: id, profile: 'UPDATED' });
    const same = await identify([{ email: 'ada@example.com', traits: { seats: 5 } }]);
    expect(same.results[0]).toMatchObject({ customerId: id, profile: 'UNCHANGED' });
    const customer = await db().findOneOrFail(Customer, { id });
    expect(customer).toMatchObject({
      email: 'ada@example.com',
      traits: { seats: 5 },
      timeZone: 'Europe/Paris',
    });
  });

  it('merges an anonymous profile into the known one: events, orders and consent move, traits merge, the merge is recorded', async () => {
    const known = await identify([
      { email: 'grace@example.com', traits: { plan: 'pro', company: { size: 50 } } },
    ]);
    const knownId = known.results[0]!.customerId!;
    const anon = await t.events(ws.writeKey, [
      {
        messageId: 'g-1',
        event: 'Page Viewed',
        anonymousId: 'device-g',
        timestamp: '2026-01-01T00:00:00Z',
      },
      {
        messageId: 'g-2',
        event: 'Order Completed',
        anonymousId: 'device-g',
        properties: { orderId: 'o-g', total: 20, currency: 'eur' },
      },
      {
        type: 'identify',
        anonymousId: 'device-g',
        traits: { plan: 'free', city: 'Lyon' },
        consent: [{ channel: 'email', granted: true, source: 'footer' }],
      },
    ]);
    const anonId = anon.body.results[0]!.customerId!;
    expect(anonId).not.toBe(knownId);
    const merged = await identify([
      { anonymousId: 'device-g', email: 'grace@example.com', traits: { color: 'blue' } },
    ]);
    expect(merged.results[0]).toMatchObject({
      status: 'ACCEPTED',
      profile: 'MERGED',
      customerId: knownId,
      mergedCustomerIds: [anonId],
    });

    const em = db();
    expect(await em.findOne(Customer, { id: anonId })).toBeNull();
    const survivor = await em.findOneOrFail(Customer, { id: knownId });
    // Precedence: the call's traits, then the survivor's, then the merged profile's.
    expect(survivor.traits).toEqual({
      plan: 'pro',
      company: { size: 50 },
      city: 'Lyon',
      color: 'blue',
    });
    expect(
      (await em.find(Event, { messageId: { $in: ['g-1', 'g-2'] } })).map((e) => e.customer.id),
    ).toEqual([knownId, knownId]);
    expect((await em.findOneOrFail(Order, { orderId: 'o-g' })).customer.id).toBe(knownId);
    expect((await em.findOneOrFail(ConsentRecord, { source: 'footer' })).customer.id).toBe(knownId);
    expect((await em.findOneOrFail(Identity, { value: 'device-g' })).customer.id).toBe(knownId);
    const record = await em.findOneOrFail(CustomerMerge, { mergedId: anonId });
    expect(record).toMatchObject({
      mergedTraits: { plan: 'free', city: 'Lyon' },
      moved: { events: 2, orders: 1, consentRecords: 1 },
    });
    expect(record.survivor.id).toBe(knownId);

    // Later events from the device land on the survivor.
    const later = await t.events(ws.writeKey, [{ event: 'Page Viewed', anonymousId: 'device-g' }]);
    expect(later.body.results[0]!.customerId).toBe(knownId);
  });

  it('never merges two known profiles: the item is rejected and nothing changes', async () => {
    const a = (await identify([{ email: 'one@example.com', traits: { n: 1 } }])).results[0]!
      .customerId;
    const b = (await identify([{ phone: '+33 6 12 34 56 78', traits: { n: 2 } }])).results[0]!
      .customerId;
    const res = await identify([
      { email: 'one@example.com', phone: '+33612345678', traits: { n: 3 } },
    ]);
    expect(res.results[0]).toMatchObject({
      status: 'REJECTED',
      problems: [{ code: 'IDENTITY_CONFLICT', path: ['people', '0', 'phone'] }],
    });
    const em = db();
    expect((await em.findOneOrFail(Customer, { id: a! })).traits).toEqual({ n: 1 });
    expect((await em.findOneOrFail(Customer, { id: b! })).traits).toEqual({ n: 2 });
  });

  it('names a profile by customerId, and rejects an unknown one at its path', async () => {
    const id = (await identify([{ email: 'byid@example.com' }])).results[0]!.customerId!;
    const res = await t.gql<{ track: IngestBody }>(ws.key, TRACK, {
      events: [
        { customerId: id, event: 'Logged In' },
        { customerId: '01900000-0000-7000-8000-000000000000', event: 'Logged In' },
      ],
    });
    expect(
      res.body.data!.track.results.map((r) => [
        r.status,
        r.customerId,
        r.problems.map((p) => `${p.code}@${p.path.join('.')}`),
      ]),
    ).toEqual([
      ['ACCEPTED', id, []],
      ['REJECTED', null, ['NOT_FOUND@events.1.customerId']],
    ]);
  });

  it('treats two items with one email in one batch as one person, and normalizes emails', async () => {
    const res = await identify([
      { email: ' Twice@Example.COM ', traits: { a: 1 } },
      { email: 'twice@example.com', traits: { b: 2 } },
    ]);
    const [one, two] = res.results;
    expect([one?.profile, two?.profile]).toEqual(['CREATED', 'UPDATED']);
    expect(two?.customerId).toBe(one?.customerId);
    const customer = await db().findOneOrFail(Customer, { id: one!.customerId! });
    expect(customer).toMatchObject({ email: 'twice@example.com', traits: { a: 1, b: 2 } });
  });

  it('refuses to give an email that belongs to another known customer', async () => {
    const [owner, other] = (
      await identify([{ email: 'owner@example.com' }, { email: 'other@example.com' }])
    ).results;
    const clash = await identify([{ customerId: other!.customerId, email: 'owner@example.com' }]);
    expect(clash.results[0]).toMatchObject({
      status: 'REJECTED',
      problems: [{ code: 'IDENTITY_CONFLICT', path: ['people', '0', 'email'] }],
    });
    expect(clash.results[0]!.problems[0]!.message).toContain(owner!.customerId);
  });

  it('rejects a GraphQL batch of more than 1,000 items as a whole', async () => {
    const people = Array.from({ length: 1001 }, (_, i) => ({ email: `bulk${i}@example.com` }));
    const res = await t.gql(ws.key, IDENTIFY, { people });
    expect(codes(res)).toEqual(['BATCH_TOO_LARGE']);
    expect(await db().count(Identity, { value: 'bulk0@example.com' })).toBe(0);
  });

  it('records consent per channel, append-only', async () => {
    const id = (
      await identify([
        { email: 'consent@example.com', consent: [{ channel: 'sms', granted: true }] },
      ])
    ).results[0]!.customerId!;
    await identify([
      {
        email: 'consent@example.com',
        consent: [{ channel: 'sms', granted: false, source: 'STOP reply' }],
      },
    ]);
    const bad = await identify([
      { email: 'consent@example.com', consent: [{ channel: 'fax', granted: true }] },
    ]);
    expect(bad.results[0]!.problems[0]).toMatchObject({
      code: 'BAD_USER_INPUT',
      path: ['people', '0', 'consent', '0', 'channel'],
    });
    const records = await db().find(
      ConsentRecord,
      { customer: id },
      { orderBy: { recordedAt: 'asc', id: 'asc' } },
    );
    expect(records.map((r) => [r.channel, r.granted])).toEqual([
      ['sms', true],
      ['sms', false],
    ]);
  });

  it('stores an order once per orderId and rejects an order event without its fields', async () => {
    const res = await t.events(ws.writeKey, [
      {
        event: 'Order Completed',
        email: 'buyer@example.com',
        properties: {
          orderId: 'A-1',
          total: 59.9,
          currency: 'USD',
          products: [{ productId: 'p1', quantity: 2, price: 29.95 }],
        },
      },
      {
        event: 'Order Completed',
        email: 'buyer@example.com',
        properties: { orderId: 'A-1', total: 59.9, currency: 'USD' },
      },
      {
        event: 'Order Completed',
        email: 'buyer@example.com',
        properties: { total: -1, currency: 'dollars' },
      },
    ]);
    expect(res.body.results.map((r) => r.status)).toEqual(['ACCEPTED', 'ACCEPTED', 'REJECTED']);
    expect(res.body.results[2]!.problems.map((p) => p.path.join('.'))).toEqual([
      '2.properties.orderId',
      '2.properties.total',
      '2.properties.currency',
    ]);
    const orders = await db().find(Order, { orderId: 'A-1' });
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({
      amount: 59.9,
      currency: 'USD',
      items: [{ productId: 'p1', quantity: 2, price: 29.95 }],
    });
  });

  it('refuses replays and imports of an erased person', async () => {
    const first = await t.events(ws.writeKey, [
      {
        messageId: 'gone-1',
        event: 'Page Viewed',
        email: 'gone@example.com',
        phone: '+441234567890',
        anonymousId: 'gone-device',
      },
    ]);
    const id = first.body.results[0]!.customerId!;
    const erased = await t.gql(
      ws.key,
      'mutation($id: ID!) { eraseCustomer(id: $id) { __typename } }',
      { id },
    );
    expect(erased.body.errors).toBeUndefined();
    const replay = await t.events(ws.writeKey, [
      { messageId: 'gone-1', event: 'Page Viewed', email: 'gone@example.com' },
      { event: 'Page Viewed', phone: '+44 1234 567890' },
      { event: 'Page Viewed', anonymousId: 'gone-device' },
      { event: 'Page Viewed', customerId: id },
      { type: 'identify', email: 'GONE@example.com', traits: { back: true } },
      { event: 'Page Viewed', email: 'still-here@example.com' },
    ]);
    expect(
      replay.body.results.map(
        (r) => `${r.status}:${r.problems.map((p) => `${p.code}@${p.path.join('.')}`).join()}`,
      ),
    ).toEqual([
      'REJECTED:IDENTITY_ERASED@0.email',
      'REJECTED:IDENTITY_ERASED@1.phone',
      'REJECTED:IDENTITY_ERASED@2.anonymousId',
      'REJECTED:IDENTITY_ERASED@3.customerId',
      'REJECTED:IDENTITY_ERASED@4.email',
      'ACCEPTED:',
    ]);
    expect(
      await db().count(Identity, {
        value: { $in: ['gone@example.com', '+441234567890', 'gone-device'] },
      }),
    ).toBe(0);
  });

  it('resolves concurrent batches that introduce the same person to one profile', async () => {
    const batch = (n: number) =>
      Array.from({ length: 20 }, (_, i) => ({
        messageId: `race-${n}-${i}`,
        event: 'Raced',
        email: 'racer@example.com',
        anonymousId: `race-device-${i % 3}`,
      }));
    const results = await Promise.all([1, 2, 3, 4].map((n) => t.events(ws.writeKey, batch(n))));
    for (const r of results) expect(r.body.accepted).toBe(20);
    const ids = new Set(results.flatMap((r) => r.body.results.map((x) => x.customerId)));
    expect(ids.size).toBe(1);
    expect(await db().count(Identity, { value: 'racer@example.com' })).toBe(1);
    expect(await db().count(Event, { name: 'Raced' })).toBe(80);
  });

  it('gives each person one profile when concurrent batches introduce overlapping people in other orders', async () => {
    // Each batch names 12 of 16 new people, in its own order: on PostgreSQL the batches lock the
    // identifiers they create (one lock each, taken in sorted order) and wait only for each other.
    const people = Array.from({ length: 16 }, (_, p) => p);
    const batch = (n: number) =>
      people
        .filter((p) => (p + n) % 4 !== 0)
        .sort((a, b) => ((a * (n + 3)) % 17) - ((b * (n + 3)) % 17))
        .map((p) => ({
          messageId: `overlap-${n}-${p}`,
          event: 'Overlapped',
          email: `overlap-${p}@example.com`,
          anonymousId: `overlap-device-${p}`,
        }));
    const results = await Promise.all([0, 1, 2, 3].map((n) => t.events(ws.writeKey, batch(n))));
    for (const r of results) {
      expect(r.body.accepted).toBe(12);
      expect(r.body.rejected).toBe(0);
    }
    const byPerson = new Map<string, Set<string>>();
    results.forEach((r, n) =>
      r.body.results.forEach((x, i) => {
        const email = batch(n)[i]!.email;
        if (!byPerson.has(email)) byPerson.set(email, new Set());
        byPerson.get(email)!.add(x.customerId!);
      }),
    );
    expect(byPerson.size).toBe(16);
    for (const ids of byPerson.values()) expect(ids.size).toBe(1);
    expect(new Set([...byPerson.values()].flatMap((ids) => [...ids])).size).toBe(16);
    expect(await db().count(Identity, { value: { $like: 'overlap-%' } })).toBe(32);
    expect(await db().count(Event, { name: 'Overlapped' })).toBe(48);
  });
});
