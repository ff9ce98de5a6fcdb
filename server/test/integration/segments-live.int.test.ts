import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SegmentMembership, SegmentRecheck, SegmentTransition } from '../../src/db/entities';
import { scopeToWorkspace } from '../../src/db/workspace-filter';
import { runDueRechecks } from '../../src/modules/segment/membership/recheck-worker';
import { startTestApp, type TestApp } from '../harness';

const DAY = 86_400_000;
let t: TestApp;
let ws: { id: string; key: string; writeKey: string };

beforeAll(async () => {
  t = await startTestApp({ SEGMENT_RECHECK_MS: '0' });
  ws = await t.workspace('Live');
});
afterAll(() => t.close());

function db() {
  const em = t.app.orm.em.fork();
  scopeToWorkspace(em, ws.id);
  return em;
}

async function createSegment(name: string, root: object): Promise<string> {
  const res = await t.gql<{
    createSegment: { segment: { id: string } | null; problems: unknown[] };
  }>(
    ws.key,
    'mutation($input: SegmentInput!) { createSegment(input: $input) { segment { id } problems { code message path } } }',
    { input: { name, rule: { version: 1, root } } },
  );
  expect(res.body.data!.createSegment.problems).toEqual([]);
  return res.body.data!.createSegment.segment!.id;
}

async function members(segmentId: string): Promise<string[]> {
  return (await db().find(SegmentMembership, { segmentId })).map((m) => m.customer.id).sort();
}

async function send(items: unknown[]): Promise<string[]> {
  const res = await t.events(ws.writeKey, items);
  expect(res.body.rejected).toBe(0);
  return res.body.results.map((r) => r.customerId!);
}

describe('live segment membership', () => {
  it('updates as events and trait changes arrive, recording why', async () => {
    const pricing = await createSegment('Pricing visitors', {
      kind: 'event',
      event: 'Page Viewed',
      where: { kind: 'property', path: 'url', type: 'string', op: 'startsWith', value: '/pricing' },
      measure: {
        type: 'count',
        window: { type: 'last', duration: { amount: 7, unit: 'days' } },
        compare: { op: 'gte', value: 1 },
      },
    });
    const pro = await createSegment('Pro', {
      kind: 'trait',
      path: 'traits.plan',
      type: 'string',
      op: 'eq',
      value: 'pro',
    });
    const [ann] = await send([
      { type: 'identify', email: 'ann@live.example', traits: { plan: 'free' } },
    ]);
    expect(await members(pricing)).toEqual([]);

    await send([{ event: 'Page Viewed', email: 'ann@live.example', properties: { url: '/blog' } }]);
    expect(await members(pricing)).toEqual([]);
    await send([
      { event: 'Page Viewed', email: 'ann@live.example', properties: { url: '/pricing/teams' } },
    ]);
    expect(await members(pricing)).toEqual([ann]);

    await send([{ type: 'identify', email: 'ann@live.example', traits: { plan: 'pro' } }]);
    expect(await members(pro)).toEqual([ann]);
    await send([{ type: 'identify', email: 'ann@live.example', traits: { plan: null } }]);
    expect(await members(pro)).toEqual([]);

    const verified = await t.gql<{
      verifySegment: {
        consistent: boolean;
        matching: number;
        members: number;
        missing: string[];
        extra: string[];
      };
    }>(
      ws.key,
      'query($id: ID!) { verifySegment(id: $id) { consistent matching members missing extra pending } }',
      { id: pricing },
    );
    expect(verified.body.data!.verifySegment).toEqual({
      consistent: true,
      matching: 1,
      members: 1,
      missing: [],
      extra: [],
      pending: 0,
    });
    // Drift is reported: a membership removed behind the engine's back shows up as missing.
    await db().nativeDelete(SegmentMembership, { segmentId: pricing, customer: ann });
    const drifted = await t.gql<{ verifySegment: { consistent: boolean; missing: string[] } }>(
      ws.key,
      'query($id: ID!) { verifySegment(id: $id) { consistent missing } }',
      { id: pricing },
    );
    expect(drifted.body.data!.verifySegment).toEqual({ consistent: false, missing: [ann] });
    await send([
      { event: 'Page Viewed', email: 'ann@live.example', properties: { url: '/pricing' } },
    ]);
    expect(await members(pricing)).toEqual([ann]);

    const transitions = await db().find(
      SegmentTransition,
      { customer: ann },
      { orderBy: { at: 'asc', id: 'asc' } },
    );
    expect(
      transitions.map((x) => [x.segmentId === pricing ? 'pricing' : 'pro', x.kind, x.cause]),
    ).toEqual([
      ['pricing', 'entered', 'data'],
      ['pro', 'entered', 'data'],
      ['pro', 'exited', 'data'],
      // The repair after the drift above: the next event for Ann put her back.
      ['pricing', 'entered', 'data'],
    ]);
  });

  it('follows segments built on other segments', async () => {
    const vip = await createSegment('VIP', {
      kind: 'trait',
      path: 'traits.vip',
      type: 'boolean',
      op: 'eq',
      value: true,
    });
    const vipInFrance = await createSegment('VIP in France', {
      kind: 'all',
      children: [
        { kind: 'segment', segmentId: vip },
        { kind: 'trait', path: 'traits.country', type: 'string', op: 'eq', value: 'FR' },
      ],
    });
    const [bea] = await send([
      { type: 'identify', email: 'bea@live.example', traits: { country: 'FR' } },
    ]);
    expect(await members(vipInFrance)).toEqual([]);
    await send([{ type: 'identify', email: 'bea@live.example', traits: { vip: true } }]);
    expect(await members(vip)).toEqual([bea]);
    expect(await members(vipInFrance)).toEqual([bea]);
  });

  it('re-checks time-based segments when the clock can flip them, not before', async () => {
    const lapsed = await createSegment('No order in 60 days', {
      kind: 'all',
      children: [
        { kind: 'trait', path: 'traits.buyer', type: 'boolean', op: 'eq', value: true },
        {
          kind: 'event',
          event: 'Order Completed',
          measure: {
            type: 'count',
            window: { type: 'last', duration: { amount: 60, unit: 'days' } },
            compare: { op: 'eq', value: 0 },
          },
        },
      ],
    });
    const now = Date.now();
    const orderedAt = now - 59 * DAY;
    const [cid] = await send([
      { type: 'identify', email: 'cid@live.example', traits: { buyer: true } },
      {
        event: 'Order Completed',
        email: 'cid@live.example',
        timestamp: new Date(orderedAt).toISOString(),
        properties: { orderId: 'L-1', total: 10, currency: 'EUR' },
      },
    ]);
    expect(await members(lapsed)).toEqual([]);
    const [recheck] = await db().find(SegmentRecheck, { segmentId: lapsed, customer: cid });
    // The order leaves the 60-day window just after it is 60 days old (whole milliseconds: +1).
    expect(recheck!.dueAt.getTime()).toBe(orderedAt + 60 * DAY + 1);

    // Nothing is due yet: running the worker now changes nothing.
    expect(await runDueRechecks(t.app.orm, new Date(now + DAY / 2))).toBe(0);
    expect(await members(lapsed)).toEqual([]);
    // After the order is 60 days old the customer enters, by the clock.
    expect(
      await runDueRechecks(t.app.orm, new Date(orderedAt + 60 * DAY + 1000)),
    ).toBeGreaterThanOrEqual(1);
    expect(await members(lapsed)).toEqual([cid]);
    const [entered] = await db().find(SegmentTransition, { segmentId: lapsed, customer: cid });
    expect(entered).toMatchObject({ kind: 'entered', cause: 'clock' });
    // No further flip by the clock alone: no re-check left for this pair.
    expect(await db().count(SegmentRecheck, { segmentId: lapsed, customer: cid })).toBe(0);
  });

  it('rewrites a re-check only when the next change comes sooner; a rule edit drops stale ones', async () => {
    const trial = await createSegment('Trial started this week', {
      kind: 'trait',
      path: 'traits.trialStart',
      type: 'date',
      op: 'withinLast',
      duration: { amount: 7, unit: 'days' },
    });
    const started = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY).toISOString();
    const dueAt = async (customer: string) =>
      (await db().find(SegmentRecheck, { segmentId: trial, customer }))[0]?.dueAt.getTime();
    const [dee] = await send([
      { type: 'identify', email: 'dee@live.example', traits: { trialStart: started(1) } },
    ]);
    expect(await members(trial)).toEqual([dee]);
    const first = (await dueAt(dee!))!;
    expect(first).toBeGreaterThan(Date.now() + 5 * DAY);

    // An older start: the customer leaves the segment sooner, so the re-check moves earlier.
    await send([
      { type: 'identify', email: 'dee@live.example', traits: { trialStart: started(5) } },
    ]);
    const sooner = (await dueAt(dee!))!;
    expect(sooner).toBeLessThan(first - 3 * DAY);
    // A newer start pushes the change later: the earlier re-check stays (run early, it changes
    // nothing and schedules the exact time).
    await send([
      { type: 'identify', email: 'dee@live.example', traits: { trialStart: started(0) } },
    ]);
    expect(await dueAt(dee!)).toBe(sooner);
    expect(await runDueRechecks(t.app.orm, new Date(sooner + 1))).toBeGreaterThanOrEqual(1);
    expect(await members(trial)).toEqual([dee]);
    expect(await dueAt(dee!)).toBeGreaterThan(sooner + 3 * DAY);

    // The rule no longer reads the clock: its pending re-checks go.
    const res = await t.gql<{ updateSegment: { problems: unknown[] } }>(
      ws.key,
      'mutation($id: ID!, $input: SegmentInput!) { updateSegment(id: $id, input: $input) { problems { code message path } } }',
      {
        id: trial,
        input: {
          name: 'Trial started',
          rule: {
            version: 1,
            root: { kind: 'trait', path: 'traits.trialStart', type: 'date', op: 'exists' },
          },
        },
      },
    );
    expect(res.body.data!.updateSegment.problems).toEqual([]);
    expect(await members(trial)).toEqual([dee]);
    expect(await db().count(SegmentRecheck, { segmentId: trial })).toBe(0);
  });
});
