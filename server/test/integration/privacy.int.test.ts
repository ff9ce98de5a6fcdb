import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CatalogEvent,
  CatalogEventProperty,
  CatalogTrait,
  ConsentRecord,
  Customer,
  CustomerMerge,
  ErasedIdentity,
  Event,
  Identity,
  Order,
  ScoreEntry,
  SegmentMembership,
  Workspace,
} from '../../src/db/entities';
import { newId } from '../../src/db/ids';
import type { Em } from '../../src/db/orm';
import { scopeToWorkspace } from '../../src/db/workspace-filter';
import {
  customerIdKey,
  erasureHash,
  type TombstoneKey,
} from '../../src/modules/privacy/erasure-hash';
import { isErased } from '../../src/modules/privacy/tombstones';
import { codes, startTestApp, testDialect, type GraphQLResponse, type TestApp } from '../harness';

let t: TestApp;
let a: { id: string; key: string };
let b: { id: string; key: string };

/** A person with everything a profile can hold, and values to look for afterwards. */
interface Person {
  readonly id: string;
  readonly email: string;
  readonly phone: string;
  readonly name: string;
  readonly externalId: string;
  readonly anonymousId: string;
  readonly mergedId: string;
  readonly street: string;
}

const person = (tag: string, phone: string): Person => ({
  id: newId(),
  email: `${tag}.privacy@example.org`,
  phone,
  name: `${tag[0]!.toUpperCase()}${tag.slice(1)} Quillfeather`,
  externalId: `crm-${tag}-7781`,
  anonymousId: `anon-${tag}-5b1e`,
  mergedId: newId(),
  street: `12 ${tag} Street`,
});

const ada = person('ada', '+447700900123');
const bob = person('bob', '+33612345678');
const T0 = Date.UTC(2026, 2, 1, 9);
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

/** Writes one person's profile, identities, events, order, consent, scores, membership and merge record. */
function seedPerson(em: Em, workspace: string, p: Person): void {
  const customer = em.create(Customer, {
    id: p.id,
    workspace,
    email: p.email,
    timeZone: 'Europe/London',
    traits: {
      name: p.name,
      plan: p === ada ? 'pro' : 'free',
      // The email again, as the CRM sent it, and the phone as typed in a form.
      contact: {
        email: p.email.toUpperCase(),
        mobile: `${p.phone.slice(0, 3)} ${p.phone.slice(3)}`,
      },
      tags: ['vip'],
    },
  });
  const identities: Array<[Identity['kind'], string, string]> = [
    ['email', '', p.email],
    ['phone', '', p.phone],
    ['externalId', 'crm', p.externalId],
    ['anonymousId', '', p.anonymousId],
  ];
  for (const [kind, source, value] of identities)
    em.create(Identity, { workspace, customer, kind, source, value });
  const orderId = `ord-${p.externalId}`;
  em.create(Event, {
    workspace,
    customer,
    name: 'Page Viewed',
    properties: { url: '/pricing' },
    occurredAt: at(1),
    messageId: `msg-${p.externalId}-1`,
  });
  em.create(Event, {
    workspace,
    customer,
    name: 'Form Submitted',
    properties: {
      form: 'newsletter',
      email: p.email,
      phone: p.phone,
      address: { street: p.street },
    },
    occurredAt: at(2),
  });
  em.create(Event, {
    workspace,
    customer,
    name: 'Order Completed',
    properties: { orderId, total: 42.5 },
    occurredAt: at(3),
  });
  em.create(Order, {
    workspace,
    customer,
    orderId,
    amount: 42.5,
    currency: 'GBP',
    items: [{ productId: 'sku-1', name: 'Difference Engine', quantity: 1, price: 42.5 }],
    occurredAt: at(3),
  });
  em.create(ConsentRecord, {
    workspace,
    customer,
    channel: 'email',
    granted: true,
    source: 'form',
    recordedAt: at(2),
  });
  em.create(ConsentRecord, {
    workspace,
    customer,
    channel: 'sms',
    granted: false,
    recordedAt: at(4),
  });
  em.create(ScoreEntry, { workspace, customer, model: 'lead', at: at(2), value: 10 });
  em.create(ScoreEntry, { workspace, customer, model: 'lead', at: at(3), value: 25 });
  em.create(SegmentMembership, { workspace, customer, segmentId: newId(), enteredAt: at(3) });
  em.create(CustomerMerge, {
    workspace,
    survivor: customer,
    mergedId: p.mergedId,
    mergedTraits: { email: p.email, name: p.name, referrer: 'babbage' },
    moved: {
      identities: [{ kind: 'anonymousId', source: '', value: p.anonymousId }],
      events: 1,
      orders: 0,
      consentRecords: 0,
    },
    reason: `identify msg-${p.externalId}-0`,
    mergedAt: at(1),
  });
}

const catalogExamples = {
  'contact.email': [ada.email.toUpperCase(), bob.email.toUpperCase()],
  'contact.mobile': ['+44 7700900123', '+33 612345678'],
  name: [ada.name, bob.name],
  plan: ['pro', 'free'],
  tags: ['vip'],
};
const propertyExamples = {
  email: [ada.email, bob.email],
  phone: [ada.phone, bob.phone],
  'address.street': [ada.street, bob.street],
  form: ['newsletter'],
};

beforeAll(async () => {
  t = await startTestApp();
  a = await t.workspace('Privacy A');
  b = await t.workspace('Privacy B');
  const em = t.app.orm.em.fork();
  seedPerson(em, a.id, ada);
  seedPerson(em, a.id, bob);
  const seen = { count: 2, lastSeenAt: at(5) };
  for (const [path, examples] of Object.entries(catalogExamples))
    em.create(CatalogTrait, { workspace: a.id, path, type: 'string', examples, ...seen });
  for (const [path, examples] of Object.entries(propertyExamples))
    em.create(CatalogEventProperty, {
      workspace: a.id,
      eventName: 'Form Submitted',
      path,
      type: 'string',
      examples,
      ...seen,
    });
  em.create(CatalogEvent, { workspace: a.id, name: 'Form Submitted', ...seen });
  await em.flush();
});
afterAll(() => t.close());

const EXPORT = 'query($id: ID!) { exportCustomerData(id: $id) }';
const ERASE = `mutation($id: ID!) { eraseCustomer(id: $id) {
  customerId identities events orders consentRecords scoreEntries segmentMemberships merges catalogExamples tombstones
} }`;

type Export = Record<string, unknown> & {
  profile: Record<string, unknown>;
  traits: Record<string, unknown>;
  identities: Array<Record<string, unknown>>;
  events: Array<Record<string, unknown>>;
  orders: Array<Record<string, unknown>>;
  consent: Array<Record<string, unknown>>;
  scores: Array<Record<string, unknown>>;
  segmentMemberships: Array<Record<string, unknown>>;
  merges: Array<Record<string, unknown>>;
};

async function exportOf(
  key: string,
  id: string,
): Promise<GraphQLResponse<{ exportCustomerData: Export }>> {
  return t.gql<{ exportCustomerData: Export }>(key, EXPORT, { id });
}

/** Rows of the scoped tables (and the workspace) that hold each needle, as `table.column: needle`. */
async function scanEveryTable(needles: readonly string[]): Promise<string[]> {
  const connection = t.app.orm.em.fork().getConnection();
  const tables = (
    await connection.execute<Array<{ name: string }>>(
      testDialect === 'postgres'
        ? `select table_name as name from information_schema.tables
           where table_schema = current_schema() and table_type = 'BASE TABLE'`
        : `select name from sqlite_master where type = 'table'`,
    )
  ).map((row) => row.name);
  expect(tables).toEqual(
    expect.arrayContaining(['customers', 'events', 'catalog_traits', 'erased_identities']),
  );
  const hits: string[] = [];
  for (const table of tables) {
    const rows = await connection.execute<Array<Record<string, unknown>>>(
      `select * from "${table}"`,
    );
    for (const row of rows) {
      for (const [column, value] of Object.entries(row)) {
        if (value === null || value === undefined) continue;
        const text = (typeof value === 'string' ? value : JSON.stringify(value)).toLowerCase();
        for (const needle of needles)
          if (text.includes(needle.toLowerCase())) hits.push(`${table}.${column}: ${needle}`);
      }
    }
  }
  return hits;
}

const needlesOf = (p: Person) => [
  p.email,
  p.phone,
  p.phone.slice(1), // the digits, however they were formatted
  p.phone.slice(3),
  p.name,
  p.externalId,
  p.anonymousId,
  p.street,
  p.id,
  p.mergedId,
];

/** How many rows each table holds for a customer (filters off: the raw truth). */
async function footprint(id: string): Promise<Record<string, number>> {
  const em = t.app.orm.em.fork();
  const opts = { filters: false } as const;
  return {
    customers: await em.count(Customer, { id }, opts),
    identities: await em.count(Identity, { customer: id }, opts),
    events: await em.count(Event, { customer: id }, opts),
    orders: await em.count(Order, { customer: id }, opts),
    consentRecords: await em.count(ConsentRecord, { customer: id }, opts),
    scoreEntries: await em.count(ScoreEntry, { customer: id }, opts),
    segmentMemberships: await em.count(SegmentMembership, { customer: id }, opts),
    merges: await em.count(CustomerMerge, { survivor: id }, opts),
  };
}
const FULL = {
  customers: 1,
  identities: 4,
  events: 3,
  orders: 1,
  consentRecords: 2,
  scoreEntries: 2,
  segmentMemberships: 1,
  merges: 1,
};

function tombstoneKeys(p: Person): TombstoneKey[] {
  return [
    { kind: 'email', source: '', value: p.email },
    { kind: 'phone', source: '', value: p.phone },
    { kind: 'externalId', source: 'crm', value: p.externalId },
    { kind: 'anonymousId', source: '', value: p.anonymousId },
    customerIdKey(p.id),
    customerIdKey(p.mergedId),
  ];
}

async function workspaceOf(id: string): Promise<{ workspace: Workspace; em: Em }> {
  const em = t.app.orm.em.fork();
  scopeToWorkspace(em, id);
  return { workspace: await em.findOneOrFail(Workspace, { id }), em };
}

describe('exportCustomerData', () => {
  it('returns everything held about the person as one versioned JSON document', async () => {
    const before = Date.now();
    const res = await exportOf(a.key, ada.id);
    expect(res.body.errors).toBeUndefined();
    const doc = res.body.data!.exportCustomerData;
    expect(doc['formatVersion']).toBe(1);
    expect(Date.parse(String(doc['exportedAt']))).toBeGreaterThanOrEqual(before - 1000);
    expect(doc['workspaceId']).toBe(a.id);
    expect(doc.profile).toMatchObject({ id: ada.id, email: ada.email, timeZone: 'Europe/London' });
    expect(doc.traits).toMatchObject({
      name: ada.name,
      contact: { email: ada.email.toUpperCase() },
    });
    expect(doc.identities.map((i) => [i['kind'], i['source'], i['value']])).toEqual(
      expect.arrayContaining([
        ['email', '', ada.email],
        ['phone', '', ada.phone],
        ['externalId', 'crm', ada.externalId],
        ['anonymousId', '', ada.anonymousId],
      ]),
    );
    expect(doc.identities).toHaveLength(4);
    expect(doc.events.map((e) => [e['name'], e['occurredAt']])).toEqual([
      ['Page Viewed', at(1).toISOString()],
      ['Form Submitted', at(2).toISOString()],
      ['Order Completed', at(3).toISOString()],
    ]);
    expect(doc.events[0]).toMatchObject({ messageId: `msg-${ada.externalId}-1` });
    expect(doc.events[1]!['properties']).toEqual({
      form: 'newsletter',
      email: ada.email,
      phone: ada.phone,
      address: { street: ada.street },
    });
    expect(doc.orders).toEqual([
      expect.objectContaining({
        orderId: `ord-${ada.externalId}`,
        amount: 42.5,
        currency: 'GBP',
        items: [{ productId: 'sku-1', name: 'Difference Engine', quantity: 1, price: 42.5 }],
        occurredAt: at(3).toISOString(),
      }),
    ]);
    expect(doc.consent).toEqual([
      { channel: 'email', granted: true, source: 'form', recordedAt: at(2).toISOString() },
      { channel: 'sms', granted: false, source: null, recordedAt: at(4).toISOString() },
    ]);
    expect(doc.scores).toEqual([
      { model: 'lead', at: at(2).toISOString(), value: 10 },
      { model: 'lead', at: at(3).toISOString(), value: 25 },
    ]);
    expect(doc.segmentMemberships).toHaveLength(1);
    expect(doc.merges).toEqual([
      expect.objectContaining({
        mergedId: ada.mergedId,
        mergedTraits: { email: ada.email, name: ada.name, referrer: 'babbage' },
        moved: expect.objectContaining({
          identities: [{ kind: 'anonymousId', source: '', value: ada.anonymousId }],
        }),
        mergedAt: at(1).toISOString(),
      }),
    ]);
  });

  it("holds nothing of other people and none of the workspace's secrets", async () => {
    const { workspace } = await workspaceOf(a.id);
    const text = JSON.stringify((await exportOf(a.key, ada.id)).body);
    for (const needle of needlesOf(bob)) expect(text).not.toContain(needle);
    expect(workspace.erasureKey).toMatch(/^[0-9a-f]{64}$/);
    expect(text).not.toContain(workspace.erasureKey);
    expect(text).not.toContain('searchText');
  });

  it('answers NOT_FOUND on the id for an unknown customer', async () => {
    const res = await exportOf(a.key, newId());
    expect(codes(res)).toEqual(['NOT_FOUND']);
    expect(res.body.errors![0]!.extensions?.['field']).toEqual(['id']);
    expect(res.body.data).toBeNull();
  });
});

describe("another workspace's key", () => {
  it('can neither export nor erase the customer, and changes nothing', async () => {
    const exported = await exportOf(b.key, ada.id);
    expect(codes(exported)).toEqual(['NOT_FOUND']);
    expect(JSON.stringify(exported.body)).not.toContain(ada.email);
    const erased = await t.gql(b.key, ERASE, { id: ada.id });
    expect(codes(erased)).toEqual(['NOT_FOUND']);
    expect(erased.body.errors![0]!.extensions?.['field']).toEqual(['id']);
    expect(await footprint(ada.id)).toEqual(FULL);
    const em = t.app.orm.em.fork();
    expect(await em.count(ErasedIdentity, {}, { filters: false })).toBe(0);
  });
});

describe('eraseCustomer', () => {
  let bobBefore: Record<string, number>;
  let bobExport: Export;

  beforeAll(async () => {
    bobBefore = await footprint(bob.id);
    bobExport = (await exportOf(a.key, bob.id)).body.data!.exportCustomerData;
    // The scan finds every needle while the person is there, so its silence afterwards means something.
    const hits = await scanEveryTable(needlesOf(ada));
    for (const needle of needlesOf(ada))
      expect(hits.some((h) => h.endsWith(`: ${needle}`))).toBe(true);
    expect(hits.some((h) => h.startsWith('catalog_traits.examples'))).toBe(true);
    expect(hits.some((h) => h.startsWith('catalog_event_properties.examples'))).toBe(true);
  });

  it('removes everything and says how much', async () => {
    const res = await t.gql<{ eraseCustomer: Record<string, unknown> }>(a.key, ERASE, {
      id: ada.id,
    });
    expect(res.body.errors).toBeUndefined();
    const { customers: _profile, ...rows } = FULL;
    expect(res.body.data!.eraseCustomer).toEqual({
      customerId: ada.id,
      ...rows,
      // Traits: contact.email, contact.mobile, name, plan "pro", tags "vip"; event properties:
      // email, phone, street, form "newsletter". Values others share go too (only an example is lost).
      catalogExamples: 9,
      // email, phone, external id, anonymous id, the profile id and the merged profile's id
      tombstones: 6,
    });
    expect(await footprint(ada.id)).toEqual(
      Object.fromEntries(Object.keys(FULL).map((k) => [k, 0])),
    );
  });

  it('leaves no trace of the email, phone, name, ids or street in any table', async () => {
    expect(await scanEveryTable(needlesOf(ada))).toEqual([]);
  });

  it('leaves keyed tombstones that ingestion can check', async () => {
    const { workspace, em } = await workspaceOf(a.id);
    const expected = tombstoneKeys(ada).map((k) => erasureHash(workspace.erasureKey, k));
    const stored = await em.find(ErasedIdentity, {});
    expect(stored.map((s) => s.hash).sort()).toEqual([...expected].sort());
    expect(await isErased(em, workspace, tombstoneKeys(ada))).toEqual(new Set(expected));
    expect(await isErased(em, workspace, tombstoneKeys(bob))).toEqual(new Set());
    expect(await isErased(em, workspace, [])).toEqual(new Set());
    // Under another workspace's key the same identifiers hash differently: nothing matches.
    const other = await workspaceOf(b.id);
    expect(await isErased(other.em, other.workspace, tombstoneKeys(ada))).toEqual(new Set());
  });

  it('leaves the other person as they were, catalog examples included', async () => {
    expect(await footprint(bob.id)).toEqual(bobBefore);
    const again = (await exportOf(a.key, bob.id)).body.data!.exportCustomerData;
    expect({ ...again, exportedAt: null }).toEqual({ ...bobExport, exportedAt: null });
    const em = t.app.orm.em.fork();
    const traits = await em.find(CatalogTrait, {}, { filters: false });
    expect(Object.fromEntries(traits.map((c) => [c.path, c.examples]))).toEqual({
      'contact.email': [bob.email.toUpperCase()],
      'contact.mobile': ['+33 612345678'],
      name: [bob.name],
      plan: ['free'],
      tags: [],
    });
    const properties = await em.find(CatalogEventProperty, {}, { filters: false });
    expect(Object.fromEntries(properties.map((c) => [c.path, c.examples]))).toEqual({
      email: [bob.email],
      phone: [bob.phone],
      'address.street': [bob.street],
      form: [],
    });
  });

  it('answers NOT_FOUND when the customer is already erased', async () => {
    expect(codes(await t.gql(a.key, ERASE, { id: ada.id }))).toEqual(['NOT_FOUND']);
    expect(codes(await exportOf(a.key, ada.id))).toEqual(['NOT_FOUND']);
  });
});

describe('a long history', () => {
  const EVENTS = 2345;
  let ws: { id: string; key: string };
  let id: string;

  beforeAll(async () => {
    ws = await t.workspace('Privacy C');
    const em = t.app.orm.em.fork();
    const customer = em.create(Customer, { workspace: ws.id, email: 'long.history@example.org' });
    await em.flush();
    id = customer.id;
    // Three events per second, so the paging has ties on the time to break by id.
    await em.insertMany(
      Event,
      Array.from({ length: EVENTS }, (_, i) => ({
        id: newId(),
        workspace: ws.id,
        customer: id,
        name: 'Coupon Used',
        // Event 10 is among the newest: read on the last page.
        properties: { coupon: i === 10 ? 'LATE-COUPON-Q7' : `C${i % 7}` },
        occurredAt: new Date(T0 + Math.floor((EVENTS - i) / 3) * 1000),
        receivedAt: new Date(T0),
      })),
    );
    em.create(CatalogEventProperty, {
      workspace: ws.id,
      eventName: 'Coupon Used',
      path: 'coupon',
      type: 'string',
      count: EVENTS,
      examples: ['LATE-COUPON-Q7', 'SOMEONE-ELSE'],
      lastSeenAt: new Date(T0),
    });
    await em.flush();
  });

  it('is exported whole, oldest first, each event once', async () => {
    const res = await exportOf(ws.key, id);
    expect(res.body.errors).toBeUndefined();
    const events = res.body.data!.exportCustomerData.events;
    expect(events).toHaveLength(EVENTS);
    expect(new Set(events.map((e) => e['id'])).size).toBe(EVENTS);
    const times = events.map((e) => Date.parse(String(e['occurredAt'])));
    expect(times).toEqual([...times].sort((x, y) => x - y));
  });

  it('is erased whole, and values seen on any page leave the catalog', async () => {
    const res = await t.gql<{ eraseCustomer: Record<string, number> }>(ws.key, ERASE, { id });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.eraseCustomer).toMatchObject({ events: EVENTS, catalogExamples: 1 });
    const em = t.app.orm.em.fork();
    expect(await em.count(Event, { workspace: ws.id }, { filters: false })).toBe(0);
    const [coupon] = await em.find(CatalogEventProperty, { workspace: ws.id }, { filters: false });
    expect(coupon!.examples).toEqual(['SOMEONE-ELSE']);
  });
});

describe('tombstones beyond the identity rows', () => {
  it('cover the profile email and identities a merge moved, unless someone else holds them now', async () => {
    const ws = await t.workspace('Privacy E');
    const em = t.app.orm.em.fork();
    // A profile written by upsertCustomers: an email on the profile, no identity rows.
    const customer = em.create(Customer, { workspace: ws.id, email: 'Only.Email@Example.org' });
    const eve = em.create(Customer, { workspace: ws.id, email: 'eve@example.org' });
    const shared = { kind: 'anonymousId', source: '', value: 'shared-device-1' } as const;
    const gone = { kind: 'externalId', source: 'shop', value: 'gone-77' } as const;
    em.create(Identity, { workspace: ws.id, customer: eve, ...shared });
    const mergedId = newId();
    em.create(CustomerMerge, {
      workspace: ws.id,
      survivor: customer,
      mergedId,
      mergedTraits: {},
      moved: { identities: [shared, gone], events: 0, orders: 0, consentRecords: 0 },
      reason: 'identify',
    });
    await em.flush();
    const res = await t.gql<{ eraseCustomer: { tombstones: number } }>(ws.key, ERASE, {
      id: customer.id,
    });
    expect(res.body.data?.eraseCustomer.tombstones).toBe(4);
    const scoped = await workspaceOf(ws.id);
    const hash = (k: TombstoneKey) => erasureHash(scoped.workspace.erasureKey, k);
    const expected: TombstoneKey[] = [
      customerIdKey(customer.id),
      customerIdKey(mergedId),
      { kind: 'email', source: '', value: 'only.email@example.org' },
      gone,
    ];
    const erased = await isErased(scoped.em, scoped.workspace, [...expected, shared]);
    expect(erased).toEqual(new Set(expected.map(hash)));
    expect(await footprint(eve.id)).toMatchObject({ customers: 1, identities: 1 });
  });
});

describe('a failing erasure', () => {
  it('changes nothing: one transaction', async () => {
    const ws = await t.workspace('Privacy D');
    const dora = person('dora', '+4915112345678');
    const em = t.app.orm.em.fork();
    seedPerson(em, ws.id, dora);
    await em.flush();
    // Break the last step (the catalog scrub), after tombstones and every delete have run.
    await em.getConnection().execute('drop table catalog_event_properties');
    const res = await t.gql(ws.key, ERASE, { id: dora.id });
    expect(codes(res)).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(await footprint(dora.id)).toEqual(FULL);
    const fresh = t.app.orm.em.fork();
    const opts = { filters: false } as const;
    expect(await fresh.count(ErasedIdentity, { workspace: ws.id }, opts)).toBe(0);
  });
});
