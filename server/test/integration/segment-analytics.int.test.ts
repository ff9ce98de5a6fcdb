import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SegmentTransition } from '../../src/db/entities';
import { scopeToWorkspace } from '../../src/db/workspace-filter';
import { codes, startTestApp, type GraphQLResponse, type TestApp } from '../harness';

let t: TestApp;
let a: { id: string; key: string; writeKey: string };
let b: { id: string; key: string; writeKey: string };
const ids: Record<string, string> = {};
let pro: string;
let history: string;
let proB: string;

const CREATE =
  'mutation($input: SegmentInput!) { createSegment(input: $input) { segment { id size } problems { message } } }';
const planIs = (value: string) => ({
  version: 1,
  root: { kind: 'trait', path: 'traits.plan', type: 'string', op: 'eq', value },
});

async function createSegment(key: string, name: string, plan: string): Promise<string> {
  const res = await t.gql<{ createSegment: { segment: { id: string } } }>(key, CREATE, {
    input: { name, rule: planIs(plan) },
  });
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.createSegment.segment.id;
}

const order = (email: string, orderId: string, total: number, currency: string, at: string) => ({
  event: 'Order Completed',
  email,
  timestamp: at,
  properties: { orderId, total, currency },
});

/** Ann to Eve are on the pro plan (the segment), Fay to Hal are not. */
const people = [
  { email: 'ann@example.com', traits: { plan: 'pro', country: 'FR', age: 25, vip: true } },
  { email: 'bob@example.com', traits: { plan: 'pro', country: 'FR', age: 35, vip: false } },
  { email: 'cat@example.com', traits: { plan: 'pro', country: 'DE', age: 45 } },
  { email: 'dan@example.com', traits: { plan: 'pro', country: 'US', age: 55 } },
  { email: 'eve@example.com', traits: { plan: 'pro', age: 'unknown' } },
  { email: 'fay@example.com', traits: { plan: 'free', country: 'FR', age: 30 } },
  { email: 'gus@example.com', traits: { plan: 'free', country: 'DE', age: 60 } },
  { email: 'hal@example.com', traits: { plan: 'free', country: 'IT', age: 20 } },
];

beforeAll(async () => {
  t = await startTestApp();
  a = await t.workspace('Analytics A');
  b = await t.workspace('Analytics B');
  const identified = await t.events(
    a.writeKey,
    people.map((p) => ({ type: 'identify', ...p })),
  );
  people.forEach((p, i) => (ids[p.email.split('@')[0]!] = identified.body.results[i]!.customerId!));
  const orders = await t.events(a.writeKey, [
    order('ann@example.com', 'o1', 100, 'EUR', '2026-01-10T10:00:00Z'),
    order('ann@example.com', 'o2', 50.5, 'EUR', '2026-06-01T10:00:00Z'),
    order('bob@example.com', 'o3', 30, 'USD', '2026-06-02T10:00:00Z'),
    order('cat@example.com', 'o4', 19.5, 'EUR', '2026-06-03T10:00:00Z'),
    order('dan@example.com', 'o5', 10.25, 'USD', '2026-01-05T10:00:00Z'),
    order('fay@example.com', 'o6', 999, 'EUR', '2026-06-04T10:00:00Z'),
  ]);
  expect(orders.body.accepted).toBe(6);
  pro = await createSegment(a.key, 'Pro', 'pro');
  history = await createSegment(a.key, 'History', 'nobody');

  // Workspace B: one pro customer in France with a large order, on the same days.
  const inB = await t.events(b.writeKey, [
    { type: 'identify', email: 'zed@example.com', traits: { plan: 'pro', country: 'FR' } },
    order('zed@example.com', 'o1', 500, 'EUR', '2026-06-01T10:00:00Z'),
  ]);
  proB = await createSegment(b.key, 'Pro', 'pro');

  const em = t.app.orm.em.fork();
  scopeToWorkspace(em, a.id);
  const move = (segmentId: string, who: string, kind: 'entered' | 'exited', at: string) =>
    em.create(SegmentTransition, {
      workspace: a.id,
      segmentId,
      customer: ids[who]!,
      kind,
      cause: 'data',
      at: new Date(at),
    });
  move(history, 'ann', 'entered', '2026-02-27T10:00:00.000Z');
  move(history, 'bob', 'entered', '2026-02-28T23:59:59.999Z');
  move(history, 'cat', 'entered', '2026-03-01T00:00:00.000Z');
  move(history, 'ann', 'exited', '2026-03-03T08:00:00.000Z');
  move(history, 'dan', 'entered', '2026-03-03T09:00:00.000Z');
  move(history, 'eve', 'entered', '2026-03-03T12:00:00.000Z');
  move(history, 'bob', 'exited', '2026-03-05T23:59:59.999Z');
  move(history, 'fay', 'entered', '2026-03-06T00:00:00.000Z');
  move(pro, 'gus', 'entered', '2026-03-02T10:00:00.000Z'); // another segment
  await em.flush();

  const emB = t.app.orm.em.fork();
  scopeToWorkspace(emB, b.id);
  const zed = inB.body.results[0]!.customerId!;
  emB.create(SegmentTransition, {
    workspace: b.id,
    segmentId: proB,
    customer: zed,
    kind: 'entered',
    cause: 'data',
    at: new Date('2026-03-02T10:00:00.000Z'),
  });
  await emB.flush();
});
afterAll(() => t.close());

async function segmentField<T>(
  key: string,
  id: string,
  field: string,
  variables: Record<string, unknown> = {},
  params = '',
): Promise<GraphQLResponse<{ segment: T | null }>> {
  return t.gql<{ segment: T | null }>(
    key,
    `query($id: ID!${params}) { segment(id: $id) { ${field} } }`,
    { id, ...variables },
  );
}

const fieldOf = (res: GraphQLResponse<unknown>) => res.body.errors?.[0]?.extensions?.['field'];

describe('segment size over time', () => {
  const HISTORY = 'sizeHistory(from: $from, to: $to) { day size entered exited }';
  const PARAMS = ', $from: String!, $to: String!';
  type Points = {
    sizeHistory: Array<{ day: string; size: number; entered: number; exited: number }>;
  };

  it('gives the size at the end of every day, from the size before the range, days without changes included', async () => {
    const res = await segmentField<Points>(
      a.key,
      history,
      HISTORY,
      { from: '2026-03-01', to: '2026-03-05' },
      PARAMS,
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.segment!.sizeHistory).toEqual([
      { day: '2026-03-01', size: 3, entered: 1, exited: 0 },
      { day: '2026-03-02', size: 3, entered: 0, exited: 0 },
      { day: '2026-03-03', size: 4, entered: 2, exited: 1 },
      { day: '2026-03-04', size: 4, entered: 0, exited: 0 },
      { day: '2026-03-05', size: 3, entered: 0, exited: 1 },
    ]);
  });

  it('answers one day, and the day after the last change', async () => {
    const one = await segmentField<Points>(
      a.key,
      history,
      HISTORY,
      { from: '2026-03-06', to: '2026-03-07' },
      PARAMS,
    );
    expect(one.body.data!.segment!.sizeHistory).toEqual([
      { day: '2026-03-06', size: 4, entered: 1, exited: 0 },
      { day: '2026-03-07', size: 4, entered: 0, exited: 0 },
    ]);
    const before = await segmentField<Points>(
      a.key,
      history,
      HISTORY,
      { from: '2026-02-01', to: '2026-02-01' },
      PARAMS,
    );
    expect(before.body.data!.segment!.sizeHistory).toEqual([
      { day: '2026-02-01', size: 0, entered: 0, exited: 0 },
    ]);
  });

  it('batches a list of segments, each with its own transitions', async () => {
    const res = await t.gql<{
      segments: Array<{ name: string; sizeHistory: Array<{ size: number }> }>;
    }>(a.key, '{ segments { name sizeHistory(from: "2026-03-02", to: "2026-03-03") { size } } }');
    expect(res.body.errors).toBeUndefined();
    expect(
      Object.fromEntries(
        res.body.data!.segments.map((s) => [s.name, s.sizeHistory.map((p) => p.size)]),
      ),
    ).toEqual({ History: [3, 4], Pro: [1, 1] });
  });

  it('takes up to 366 days', async () => {
    const res = await segmentField<Points>(
      a.key,
      history,
      HISTORY,
      { from: '2024-01-01', to: '2024-12-31' },
      PARAMS,
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.segment!.sizeHistory).toHaveLength(366);
  });

  it.each([
    [{ from: '2026-3-1', to: '2026-03-05' }, ['from']],
    [{ from: '2026-02-30', to: '2026-03-05' }, ['from']],
    [{ from: '2026-03-01', to: 'yesterday' }, ['to']],
    [{ from: '2026-03-05', to: '2026-03-01' }, ['to']],
    [{ from: '2025-01-01', to: '2026-01-02' }, ['to']],
  ])('refuses %o with BAD_USER_INPUT at the argument', async (variables, field) => {
    const res = await segmentField(a.key, history, HISTORY, variables, PARAMS);
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(fieldOf(res)).toEqual(field);
  });
});

describe('segment value', () => {
  const VALUE =
    'value(since: $since) { members since currencies { currency revenue orders buyers averageRevenuePerMember averageOrderValue lifetimeRevenue averageClv } }';
  type Value = {
    value: { members: number; since: string | null; currencies: Array<Record<string, unknown>> };
  };

  it('sums the current members’ orders per currency, never adding currencies together', async () => {
    const res = await segmentField<Value>(
      a.key,
      pro,
      VALUE,
      { since: null },
      ', $since: DateTimeISO',
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.segment!.value).toEqual({
      members: 5,
      since: null,
      currencies: [
        {
          currency: 'EUR',
          revenue: 170,
          orders: 3,
          buyers: 2,
          averageRevenuePerMember: 34,
          averageOrderValue: 56.6667,
          lifetimeRevenue: 170,
          averageClv: 34,
        },
        {
          currency: 'USD',
          revenue: 40.25,
          orders: 2,
          buyers: 2,
          averageRevenuePerMember: 8.05,
          averageOrderValue: 20.125,
          lifetimeRevenue: 40.25,
          averageClv: 8.05,
        },
      ],
    });
  });

  it('counts revenue within the window from `since`, and CLV over the lifetime', async () => {
    const res = await segmentField<Value>(
      a.key,
      pro,
      VALUE,
      { since: '2026-03-01T00:00:00.000Z' },
      ', $since: DateTimeISO',
    );
    expect(res.body.data!.segment!.value).toEqual({
      members: 5,
      since: '2026-03-01T00:00:00.000Z',
      currencies: [
        {
          currency: 'EUR',
          revenue: 70,
          orders: 2,
          buyers: 2,
          averageRevenuePerMember: 14,
          averageOrderValue: 35,
          lifetimeRevenue: 170,
          averageClv: 34,
        },
        {
          currency: 'USD',
          revenue: 30,
          orders: 1,
          buyers: 1,
          averageRevenuePerMember: 6,
          averageOrderValue: 30,
          lifetimeRevenue: 40.25,
          averageClv: 8.05,
        },
      ],
    });
    const late = await segmentField<Value>(
      a.key,
      pro,
      VALUE,
      { since: '2026-06-03T00:00:00.000Z' },
      ', $since: DateTimeISO',
    );
    expect(late.body.data!.segment!.value.currencies).toEqual([
      expect.objectContaining({ currency: 'EUR', revenue: 19.5, orders: 1, buyers: 1 }),
      expect.objectContaining({
        currency: 'USD',
        revenue: 0,
        orders: 0,
        buyers: 0,
        averageOrderValue: null,
        averageClv: 8.05,
      }),
    ]);
  });

  it('answers an empty segment with no currencies, and batches a list', async () => {
    const res = await t.gql<{
      segments: Array<{ name: string; value: { members: number; currencies: unknown[] } }>;
    }>(a.key, '{ segments { name value { members currencies { currency revenue } } } }');
    expect(res.body.errors).toBeUndefined();
    expect(Object.fromEntries(res.body.data!.segments.map((s) => [s.name, s.value]))).toEqual({
      History: { members: 0, currencies: [] },
      Pro: {
        members: 5,
        currencies: [
          { currency: 'EUR', revenue: 170 },
          { currency: 'USD', revenue: 40.25 },
        ],
      },
    });
  });
});

describe('segment cross-tab against a trait', () => {
  const CROSS_TAB =
    'crossTab(path: $path, top: $top, boundaries: $boundaries) { path mode boundaries members customers buckets { label kind value from to members customers shareOfSegment shareOfCustomers penetration index revenue { currency revenue orders averageRevenuePerMember } } }';
  const PARAMS = ', $path: String!, $top: Int = 10, $boundaries: [Float!]';
  interface Bucket {
    label: string;
    kind: string;
    value: string | null;
    from: number | null;
    to: number | null;
    members: number;
    customers: number;
    shareOfSegment: number;
    shareOfCustomers: number;
    penetration: number | null;
    index: number | null;
    revenue: Array<{
      currency: string;
      revenue: number;
      orders: number;
      averageRevenuePerMember: number;
    }>;
  }
  interface CrossTab {
    crossTab: {
      path: string;
      mode: string;
      boundaries: number[];
      members: number;
      customers: number;
      buckets: Bucket[];
    };
  }
  const crossTab = (key: string, id: string, variables: Record<string, unknown>) =>
    segmentField<CrossTab>(key, id, CROSS_TAB, variables, PARAMS);
  const counts = (buckets: Bucket[]) =>
    buckets.map((x) => [x.label, x.kind, x.members, x.customers]);

  it('gives one bucket per string value with shares, index and revenue per currency, then "(none)"', async () => {
    const res = await crossTab(a.key, pro, { path: 'traits.country' });
    expect(res.body.errors).toBeUndefined();
    const tab = res.body.data!.segment!.crossTab;
    expect(tab).toMatchObject({
      path: 'traits.country',
      mode: 'VALUES',
      boundaries: [],
      members: 5,
      customers: 8,
    });
    const [fr, de, us, italy, none] = tab.buckets;
    expect(tab.buckets).toHaveLength(5);
    expect(fr).toEqual({
      label: 'FR',
      kind: 'VALUE',
      value: 'FR',
      from: null,
      to: null,
      members: 2,
      customers: 3,
      shareOfSegment: 0.4,
      shareOfCustomers: 0.375,
      penetration: 2 / 3,
      index: expect.closeTo(106.6667, 4),
      revenue: [
        { currency: 'EUR', revenue: 150.5, orders: 2, averageRevenuePerMember: 75.25 },
        { currency: 'USD', revenue: 30, orders: 1, averageRevenuePerMember: 15 },
      ],
    });
    expect(de).toMatchObject({
      label: 'DE',
      members: 1,
      customers: 2,
      shareOfSegment: 0.2,
      shareOfCustomers: 0.25,
      penetration: 0.5,
      index: 80,
      revenue: [{ currency: 'EUR', revenue: 19.5, orders: 1, averageRevenuePerMember: 19.5 }],
    });
    expect(us).toMatchObject({
      label: 'US',
      members: 1,
      customers: 1,
      index: 160,
      revenue: [{ currency: 'USD', revenue: 10.25, orders: 1, averageRevenuePerMember: 10.25 }],
    });
    expect(italy).toMatchObject({
      label: 'IT',
      members: 0,
      customers: 1,
      shareOfSegment: 0,
      penetration: 0,
      index: 0,
      revenue: [],
    });
    expect(none).toEqual({
      label: '(none)',
      kind: 'NONE',
      value: null,
      from: null,
      to: null,
      members: 1,
      customers: 1,
      shareOfSegment: 0.2,
      shareOfCustomers: 0.125,
      penetration: 1,
      index: 160,
      revenue: [],
    });
  });

  it('folds the values past `top` into "other"', async () => {
    const res = await crossTab(a.key, pro, { path: 'traits.country', top: 2 });
    const tab = res.body.data!.segment!.crossTab;
    expect(counts(tab.buckets)).toEqual([
      ['FR', 'VALUE', 2, 3],
      ['DE', 'VALUE', 1, 2],
      ['other', 'OTHER', 1, 2],
      ['(none)', 'NONE', 1, 1],
    ]);
    expect(tab.buckets[2]).toMatchObject({
      value: null,
      shareOfSegment: 0.2,
      shareOfCustomers: 0.25,
      index: 80,
      revenue: [{ currency: 'USD', revenue: 10.25, orders: 1, averageRevenuePerMember: 10.25 }],
    });
  });

  it('treats booleans as values', async () => {
    const res = await crossTab(a.key, pro, { path: 'traits.vip' });
    const tab = res.body.data!.segment!.crossTab;
    expect(tab.mode).toBe('VALUES');
    expect(counts(tab.buckets)).toEqual([
      ['false', 'VALUE', 1, 1],
      ['true', 'VALUE', 1, 1],
      ['(none)', 'NONE', 3, 6],
    ]);
  });

  it('cuts a number trait into quintiles of all customers by default, computed in SQL', async () => {
    const res = await crossTab(a.key, pro, { path: 'traits.age' });
    expect(res.body.errors).toBeUndefined();
    const tab = res.body.data!.segment!.crossTab;
    // 7 numbers, 20 25 | 30 35 | 45 | 55 | 60; Eve's "unknown" is not a number.
    expect(tab).toMatchObject({ mode: 'RANGES', boundaries: [30, 45, 55, 60] });
    expect(tab.buckets.map((x) => [x.label, x.kind, x.from, x.to, x.members, x.customers])).toEqual(
      [
        ['< 30', 'RANGE', null, 30, 1, 2],
        ['30 – 45', 'RANGE', 30, 45, 1, 2],
        ['45 – 55', 'RANGE', 45, 55, 1, 1],
        ['55 – 60', 'RANGE', 55, 60, 1, 1],
        ['≥ 60', 'RANGE', 60, null, 0, 1],
        ['(none)', 'NONE', null, null, 1, 1],
      ],
    );
    expect(tab.buckets[0]!.revenue).toEqual([
      { currency: 'EUR', revenue: 150.5, orders: 2, averageRevenuePerMember: 150.5 },
    ]);
  });

  it('uses given boundaries, listing empty ranges too', async () => {
    const res = await crossTab(a.key, pro, { path: 'traits.age', boundaries: [30, 50, 100] });
    const tab = res.body.data!.segment!.crossTab;
    expect(tab.boundaries).toEqual([30, 50, 100]);
    expect(counts(tab.buckets)).toEqual([
      ['< 30', 'RANGE', 1, 2],
      ['30 – 50', 'RANGE', 2, 3],
      ['50 – 100', 'RANGE', 1, 2],
      ['≥ 100', 'RANGE', 0, 0],
      ['(none)', 'NONE', 1, 1],
    ]);
    expect(tab.buckets[1]).toMatchObject({
      shareOfSegment: 0.4,
      shareOfCustomers: 0.375,
      revenue: [
        { currency: 'USD', revenue: 30, orders: 1, averageRevenuePerMember: 15 },
        { currency: 'EUR', revenue: 19.5, orders: 1, averageRevenuePerMember: 9.75 },
      ],
    });
    expect(tab.buckets[3]).toMatchObject({ penetration: null, index: null, revenue: [] });
  });

  it('reads nested traits, and puts everyone in "(none)" for a trait nobody has', async () => {
    const res = await crossTab(a.key, pro, { path: 'traits.company.size' });
    expect(res.body.errors).toBeUndefined();
    expect(counts(res.body.data!.segment!.crossTab.buckets)).toEqual([['(none)', 'NONE', 5, 8]]);
  });

  it.each([
    [{ path: 'country' }, ['path']],
    [{ path: 'traits.' }, ['path']],
    [{ path: 'traits.a..b' }, ['path']],
    [{ path: 'traits.$x' }, ['path']],
    [{ path: 'traits.a"b' }, ['path']],
    [{ path: 'traits.country', top: 0 }, ['top']],
    [{ path: 'traits.country', top: 51 }, ['top']],
    [{ path: 'traits.age', boundaries: [] }, ['boundaries']],
    [{ path: 'traits.age', boundaries: [10, 5] }, ['boundaries', 1]],
  ])('refuses %o with BAD_USER_INPUT at the argument', async (variables, field) => {
    const res = await crossTab(a.key, pro, variables);
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(fieldOf(res)).toEqual(field);
  });
});

describe('tenancy', () => {
  it("counts only the workspace's own customers, orders and transitions", async () => {
    const res = await t.gql<{
      segment: {
        value: { members: number; currencies: Array<{ currency: string; revenue: number }> };
        crossTab: { customers: number; buckets: Array<{ label: string; members: number }> };
        sizeHistory: Array<{ size: number }>;
      };
    }>(
      b.key,
      'query($id: ID!) { segment(id: $id) { value { members currencies { currency revenue } } crossTab(path: "traits.country") { customers buckets { label members } } sizeHistory(from: "2026-03-01", to: "2026-03-03") { size } } }',
      { id: proB },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.segment).toEqual({
      value: { members: 1, currencies: [{ currency: 'EUR', revenue: 500 }] },
      crossTab: { customers: 1, buckets: [{ label: 'FR', members: 1 }] },
      sizeHistory: [{ size: 0 }, { size: 1 }, { size: 1 }],
    });
    const other = await segmentField(b.key, pro, 'id value { members }');
    expect(other.body.data!.segment).toBeNull();
  });
});
