/**
 * Hand-computed fixtures for the base metrics of issue 9 and the KPIs they feed: a few people
 * and messages whose every count is worked out in a comment.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../harness';
import { DAY, localDay, runSplitJourney, series, type Journeyed } from './kpi-metrics.fixtures';

let t: TestApp;
let ws: { id: string; key: string; writeKey: string };

beforeAll(async () => {
  t = await startTestApp({ SEGMENT_RECHECK_MS: '0', JOURNEY_WORKER_MS: '0' });
  ws = await t.workspace('KPI fixture');
});
afterAll(() => t.close());

async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await t.gql<T>(ws.key, query, variables);
  expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
  return res.body.data!;
}

async function send(items: unknown[]) {
  const res = await t.events(ws.writeKey, items);
  expect(res.body.rejected, JSON.stringify(res.body.results)).toBe(0);
}

const midnight = (day: string) => {
  let at = Date.parse(`${day}T00:00:00Z`) - 3 * 3_600_000;
  while (localDay(at) !== day) at += 60_000;
  return at;
};
describe('base metrics, hand-computed', () => {
  let journey: Journeyed;

  it('rejects survey answers off their scale and content events without a channel, with code and path', async () => {
    const res = await t.events(ws.writeKey, [
      {
        email: 'x@example.com',
        event: 'Survey Answered',
        properties: { survey: 'nps', score: 11 },
      },
      {
        email: 'x@example.com',
        event: 'Survey Answered',
        properties: { survey: 'csat', score: 0 },
      },
      { email: 'x@example.com', event: 'Survey Answered', properties: { survey: 'ces', score: 3 } },
      { email: 'x@example.com', event: 'Content Impression', properties: {} },
      {
        email: 'x@example.com',
        event: 'Order Completed',
        properties: { orderId: 'bad', total: 10, currency: 'EUR', cost: -1 },
      },
      { email: 'x@example.com', event: 'Survey Answered', properties: { survey: 'nps', score: 0 } },
    ]);
    expect(
      res.body.results.map((r) => [r.status, r.problems?.map((p) => [p.code, p.path])]),
    ).toEqual([
      ['REJECTED', [['SURVEY_SCORE_OUT_OF_RANGE', ['0', 'properties', 'score']]]],
      ['REJECTED', [['SURVEY_SCORE_OUT_OF_RANGE', ['1', 'properties', 'score']]]],
      ['REJECTED', [['BAD_USER_INPUT', ['2', 'properties', 'survey']]]],
      ['REJECTED', [['BAD_USER_INPUT', ['3', 'properties', 'channel']]]],
      ['REJECTED', [['BAD_USER_INPUT', ['4', 'properties', 'cost']]]],
      ['ACCEPTED', []],
    ]);
    expect(res.body.results[0]!.problems![0]!.message).toContain('0 to 10');
  });

  it('counts message events once per message, bounces hard or soft, survey answers and leads of a journey', async () => {
    for (const email of ['ann@example.com', 'bob@example.com'])
      await send([
        {
          type: 'identify',
          email,
          phone: email.startsWith('ann') ? '+33612340001' : '+33612340002',
          traits: { tier: 'gold' },
          consent: [
            { channel: 'email', granted: true },
            { channel: 'sms', granted: true },
          ],
        },
      ]);
    journey = await runSplitJourney(t, ws, ['ann@example.com', 'bob@example.com']);
    // Ann and Bob each get two messages: the first of their arm (email or SMS), then `shared`.
    const [ann, bob] = await Promise.all(
      ['ann@example.com', 'bob@example.com'].map(async (email) => {
        const res = await t.events(ws.writeKey, [{ type: 'identify', email }]);
        const id = res.body.results[0]!.customerId!;
        const mine = journey.messages.filter((m) => m.customerId === id);
        return {
          first: mine.find((m) => m.nodeId !== 'shared')!.key,
          shared: mine.find((m) => m.nodeId === 'shared')!.key,
        };
      }),
    );
    // A model that makes both gold customers MQLs now (fit 10 ≥ threshold 5); sales accepts Bob.
    await gql(
      `mutation($input: ScoringModelInput!) { createScoringModel(input: $input) { model { id } } }`,
      {
        input: {
          key: 'fit',
          name: 'Fit',
          halfLifeDays: 30,
          mqlThreshold: 5,
          rules: [
            {
              id: 'gold',
              label: 'Gold',
              kind: 'fit',
              points: 10,
              rule: {
                version: 1,
                root: {
                  kind: 'trait',
                  path: 'traits.tier',
                  type: 'string',
                  op: 'eq',
                  value: 'gold',
                },
              },
            },
          ],
        },
      },
    );
    const inbox = await gql<{ leadNotifications: Array<{ id: string; customerId: string }> }>(
      `{ leadNotifications { id customerId } }`,
    );
    expect(inbox.leadNotifications).toHaveLength(2);
    const bobId = journey.messages.find((m) => m.key === bob!.shared)!.customerId;
    const bobNote = inbox.leadNotifications.find((n) => n.customerId === bobId)!;
    const accept = `mutation($id: ID!) { acceptLeadNotification(id: $id) { id acceptedAt acknowledgedAt } }`;
    const accepted = await gql<{
      acceptLeadNotification: { acceptedAt: string; acknowledgedAt: string };
    }>(accept, { id: bobNote.id });
    expect(accepted.acceptLeadNotification.acceptedAt).toBe(
      accepted.acceptLeadNotification.acknowledgedAt,
    );
    await gql(accept, { id: bobNote.id }); // accepting twice records one SQL event

    const at = new Date(Date.now() - 1_000).toISOString();
    const about = (key: string, event: string, properties: Record<string, unknown> = {}) => ({
      email: key === ann!.first || key === ann!.shared ? 'ann@example.com' : 'bob@example.com',
      event,
      timestamp: at,
      properties: { messageId: key, ...properties },
    });
    await send([
      // Ann's first message: delivered twice (both names), opened three times, clicked once.
      about(ann!.first, 'Email Delivered'),
      about(ann!.first, 'Message Delivered'),
      about(ann!.first, 'Email Opened'),
      about(ann!.first, 'Email Opened'),
      about(ann!.first, 'Message Opened'),
      about(ann!.first, 'Email Clicked'),
      about(ann!.first, 'Survey Answered', { survey: 'nps', score: 9 }),
      about(ann!.first, 'Survey Answered', { survey: 'csat', score: 4 }),
      // Ann's second: delivered, opened, and she unsubscribed from it.
      about(ann!.shared, 'Message Delivered'),
      about(ann!.shared, 'Message Opened'),
      about(ann!.shared, 'Email Unsubscribed'),
      about(ann!.shared, 'Survey Answered', { survey: 'nps', score: 10 }),
      // Bob's first: a soft bounce, then a hard one: hard only.
      about(bob!.first, 'Message Bounced', { type: 'soft' }),
      about(bob!.first, 'Email Bounced', { type: 'hard' }),
      about(bob!.first, 'Survey Answered', { survey: 'csat', score: 3 }),
      // Bob's second: a bounce without a type: soft.
      about(bob!.shared, 'Email Bounced'),
      about(bob!.shared, 'Survey Answered', { survey: 'nps', score: 6 }),
    ]);
    const points = await series(
      t,
      ws.key,
      { kind: 'journey', journeyId: journey.journeyId },
      midnight(localDay(Date.now() - DAY)),
      midnight(localDay(Date.now() + DAY)),
      [
        'openRate',
        'ctr',
        'clickToOpenRate',
        'bounceRate',
        'hardBounceRate',
        'softBounceRate',
        'unsubscribeRate',
        'nps',
        'csat',
        'mqlCount',
        'mqlToSqlRate',
      ],
    );
    const today = points.find((p) => p.label === localDay(Date.parse(at)))!;
    expect(today.metrics).toMatchObject({
      sent: 4,
      delivered: 2, // Ann's two messages
      opened: 2,
      clicked: 1,
      unsubscribed: 1,
      'bounced.hard': 1, // Bob's first
      'bounced.soft': 1, // Bob's second
      npsResponses: 3, // 9, 10, 6
      promoters: 2, // 9, 10
      detractors: 1, // 6
      csatResponses: 2, // 4, 3
      csatSatisfied: 1, // 4
      mqls: 2, // Ann and Bob, after they entered
      sqls: 1, // Bob, accepted once
    });
    expect(Object.fromEntries(today.values.map((v) => [v.kpiId, v.value]))).toEqual({
      openRate: 100, // 2 / 2 × 100
      ctr: 50, // 1 / 2 × 100
      clickToOpenRate: 50, // 1 / 2 × 100
      bounceRate: 50, // (1 + 1) / 4 × 100
      hardBounceRate: 25, // 1 / 4 × 100
      softBounceRate: 25, // 1 / 4 × 100
      unsubscribeRate: 50, // 1 / 2 × 100
      nps: ((2 - 1) / 3) * 100, // 33.3
      csat: 50, // 1 / 2 × 100
      mqlCount: 2,
      mqlToSqlRate: 50, // 1 / 2 × 100
    });
  });

  it('computes margin, new customers, churn and retention of a segment on one day', async () => {
    const day = localDay(Date.now() - 3 * DAY);
    const s = midnight(day);
    const e = midnight(localDay(s + 36 * 3_600_000));
    const order = (
      email: string,
      orderId: string,
      at: number,
      properties: Record<string, unknown>,
    ) => ({
      email,
      event: 'Order Completed',
      timestamp: new Date(at).toISOString(),
      properties: { orderId, currency: 'EUR', ...properties },
    });
    await send([
      { type: 'identify', email: 'carl@example.com', traits: { tier: 'gold' } },
      // Ann: 60 days before the day (active at its start and end) and on the day.
      order('ann@example.com', 'a1', s - 60 * DAY, { total: 80, cost: 30 }),
      order('ann@example.com', 'a2', s + 10 * 3_600_000, { total: 100, cost: 40 }),
      // Bob: his first order ever on the day; cost from the products, 2 × 5.
      order('bob@example.com', 'b1', s + 11 * 3_600_000, {
        total: 50,
        products: [{ productId: 'mug', quantity: 2, price: 25, cost: 5 }],
      }),
      // Carl: 89.5 days before the day's start: active at the start, no longer at the end.
      order('carl@example.com', 'c1', s - 89.5 * DAY, { total: 20, cost: 5 }),
    ]);
    const created = await gql<{ createSegment: { segment: { id: string } } }>(
      `mutation($input: SegmentInput!) { createSegment(input: $input) { segment { id } } }`,
      {
        input: {
          name: 'Gold',
          rule: {
            version: 1,
            root: { kind: 'trait', path: 'traits.tier', type: 'string', op: 'eq', value: 'gold' },
          },
        },
      },
    );
    const [point] = await series(
      t,
      ws.key,
      { kind: 'segment', segmentId: created.createSegment.segment.id },
      s,
      e,
      ['churnRate', 'retentionRate', 'clvMargin', 'clvHistoric', 'averageOrderValue'],
    );
    expect(point!.metrics).toMatchObject({
      orders: 2, // a2, b1
      buyers: 2,
      revenue: 150, // 100 + 50
      grossMargin: 100, // (100 − 40) + (50 − 10)
      newCustomers: 1, // Bob (Ann ordered before)
      customersStart: 2, // Ann, Carl
      customersEnd: 2, // Ann, Bob
      customersLost: 1, // Carl
    });
    expect(Object.fromEntries(point!.values.map((v) => [v.kpiId, v.value]))).toEqual({
      churnRate: 50, // 1 / 2 × 100
      retentionRate: 50, // (2 − 1) / 2 × 100
      clvMargin: 100, // (100 / 2) / (1 / 2)
      clvHistoric: 150, // (150 / 2) / (1 / 2)
      averageOrderValue: 75, // 150 / 2
    });
    // One order of the day without a cost makes the day's margin unknown, not lower.
    await send([order('bob@example.com', 'b2', s + 12 * 3_600_000, { total: 5 })]);
    const [after] = await series(
      t,
      ws.key,
      { kind: 'segment', segmentId: created.createSegment.segment.id },
      s,
      e,
      ['clvMargin'],
    );
    expect(after!.metrics['grossMargin']).toBeUndefined();
    expect(after!.metrics['revenue']).toBe(155);
    expect(after!.values[0]!.value).toBeNull();
  });
});
