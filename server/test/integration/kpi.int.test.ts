import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, startTestApp, type TestApp } from '../harness';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ZONE = 'Europe/Berlin';
let t: TestApp;
let ws: { id: string; key: string; writeKey: string };

beforeAll(async () => {
  t = await startTestApp({ SEGMENT_RECHECK_MS: '0', JOURNEY_WORKER_MS: '0' });
  ws = await t.workspace('KPIs');
});
afterAll(() => t.close());

async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await t.gql<T>(ws.key, query, variables);
  const logged = t.logs
    .filter((l) => Number(l['level']) >= 50)
    .map((l) => JSON.stringify(l['err'] ?? l).slice(0, 800));
  expect(res.body.errors, logged.join('\n')).toBeUndefined();
  return res.body.data!;
}

/** A deterministic stream (a linear congruential generator), so failures reproduce. */
function lcg(seed: number) {
  let s = seed;
  return () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

/** The local calendar date of an instant, from Intl alone (independent of time-buckets.ts). */
const localDay = (ms: number) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(ms);

// Ten local days around the switch to summer time (Sunday 2026-03-29 in Berlin has 23 hours).
const FROM = Date.parse('2026-03-24T23:00:00Z'); // 2026-03-25 00:00 in Berlin
const TO = Date.parse('2026-04-03T22:00:00Z'); // 2026-04-04 00:00 in Berlin (CEST)

interface Sent {
  email: string;
  name: string;
  at: number;
  utm: string;
  medium: string;
  total?: number;
}

describe('KPI values in SQL', () => {
  let campaignId: string;
  const sent: Sent[] = [];
  const spend = new Map<string, number>();

  it('attributes events by utm_campaign and computes a daily campaign series equal to an independent computation', async () => {
    const created = await gql<{ createCampaign: { id: string } }>(
      `mutation($input: CampaignInput!) { createCampaign(input: $input) { id } }`,
      {
        input: {
          name: 'Spring sale',
          objective: 'acquisition',
          channels: ['email', 'cpc'],
          budget: 5000,
          utmCampaign: 'spring',
          targets: [{ kpiId: 'conversionRate', value: 90 }],
          startsAt: new Date(FROM).toISOString(),
        },
      },
    );
    campaignId = created.createCampaign.id;
    const clash = await t.gql(
      ws.key,
      `mutation($input: CampaignInput!) { createCampaign(input: $input) { id } }`,
      {
        input: {
          name: 'Other',
          objective: 'awareness',
          channels: [],
          utmCampaign: 'spring',
          startsAt: new Date(FROM).toISOString(),
        },
      },
    );
    expect(codes(clash)).toEqual(['CONFLICT']);

    const random = lcg(42);
    let order = 0;
    // Edges first: the first and last instants of the range, and both sides of the DST jump.
    const instants = [
      FROM,
      TO - 1,
      Date.parse('2026-03-29T00:59:59.999Z'),
      Date.parse('2026-03-29T01:00:00Z'),
    ];
    for (let i = 0; i < 140; i++) instants.push(FROM + Math.floor(random() * (TO - FROM)));
    for (const at of instants) {
      const email = `c${Math.floor(random() * 25)}@example.com`;
      const utm = random() < 0.8 ? 'spring' : 'winter';
      const medium = random() < 0.5 ? 'email' : 'cpc';
      const isOrder = random() < 0.3;
      sent.push({
        email,
        name: isOrder ? 'Order Completed' : 'Page Viewed',
        at,
        utm,
        medium,
        ...(isOrder ? { total: Math.round(random() * 20_000) / 100 } : {}),
      });
    }
    // Outside the range, and untagged: never counted.
    sent.push({
      email: 'c1@example.com',
      name: 'Page Viewed',
      at: FROM - 1,
      utm: 'spring',
      medium: 'email',
    });
    sent.push({
      email: 'c1@example.com',
      name: 'Page Viewed',
      at: TO,
      utm: 'spring',
      medium: 'email',
    });
    const items = sent.map((s) => ({
      email: s.email,
      event: s.name,
      timestamp: new Date(s.at).toISOString(),
      properties: {
        utm_campaign: s.utm,
        utm_medium: s.medium,
        ...(s.total !== undefined
          ? { orderId: `o-${++order}`, total: s.total, currency: 'EUR' }
          : {}),
      },
    }));
    items.push({
      email: 'c2@example.com',
      event: 'Page Viewed',
      timestamp: new Date(FROM + DAY).toISOString(),
      properties: {} as never,
    });
    for (let i = 0; i < items.length; i += 500) {
      const res = await t.events(ws.writeKey, items.slice(i, i + 500));
      expect(res.body.rejected).toBe(0);
    }
    for (let d = 0; d < 10; d++) {
      const day = localDay(FROM + d * DAY + 12 * HOUR);
      spend.set(day, 100 + d * 10);
    }
    await gql(
      `mutation($id: ID!, $entries: [CampaignSpendInput!]!) { setCampaignSpend(campaignId: $id, entries: $entries) { day } }`,
      {
        id: campaignId,
        entries: [...spend].flatMap(([day, amount]) => [
          { day, channel: 'cpc', amount: amount - 40 },
          { day, channel: 'email', amount: 40 },
        ]),
      },
    );

    const series = await gql<{
      kpiSeries: Array<{
        label: string;
        metrics: Record<string, number>;
        values: Array<{ kpiId: string; value: number | null; status: string | null }>;
      }>;
    }>(
      `query($scope: KpiScopeInput!, $from: DateTimeISO!, $to: DateTimeISO!) {
        kpiSeries(scope: $scope, kpiIds: ["conversionRate", "revenue", "roas", "averageOrderValue"], from: $from, to: $to, unit: "day", timeZone: "${ZONE}") {
          label metrics values { kpiId value status }
        }
      }`,
      {
        scope: { kind: 'campaign', campaignId },
        from: new Date(FROM).toISOString(),
        to: new Date(TO).toISOString(),
      },
    );

    // The independent computation: group what was sent by its local date with plain Intl.
    const inRange = sent.filter((s) => s.utm === 'spring' && s.at >= FROM && s.at < TO);
    const days = [
      ...new Set(Array.from({ length: 10 }, (_, d) => localDay(FROM + d * DAY + 12 * HOUR))),
    ];
    const expected = days.map((day) => {
      const of = inRange.filter((s) => localDay(s.at) === day);
      const orders = of.filter((s) => s.total !== undefined);
      const entered = new Set(of.map((s) => s.email)).size;
      const conversions = new Set(orders.map((s) => s.email)).size;
      const revenue = Math.round(orders.reduce((sum, s) => sum + s.total!, 0) * 10_000) / 10_000;
      const daySpend = spend.get(day)!;
      return {
        label: day,
        metrics: {
          entered,
          conversions,
          buyers: conversions,
          orders: orders.length,
          revenue,
          spend: daySpend,
        },
        values: {
          conversionRate: entered === 0 ? null : (conversions / entered) * 100,
          revenue,
          roas: revenue / daySpend,
          averageOrderValue: orders.length === 0 ? null : revenue / orders.length,
        },
      };
    });
    expect(series.kpiSeries.map((b) => b.label)).toEqual(days);
    for (const [i, bucket] of series.kpiSeries.entries()) {
      const e = expected[i]!;
      expect(bucket.metrics).toMatchObject(e.metrics);
      for (const v of bucket.values) {
        const want = e.values[v.kpiId as keyof typeof e.values];
        if (want === null) expect(v.value).toBeNull();
        else expect(v.value).toBeCloseTo(want, 9);
      }
      const rate = bucket.values.find((v) => v.kpiId === 'conversionRate')!;
      expect(rate.status).toBe(
        rate.value === null ? 'noData' : rate.value >= 90 ? 'onTarget' : 'offTarget',
      );
    }
    // The 23-hour day is its own bucket.
    expect(
      series.kpiSeries.find((b) => b.label === '2026-03-29')!.metrics['periodDays'],
    ).toBeCloseTo(23 / 24, 12);
  });

  it('buckets by ISO week and by channel', async () => {
    const weeks = await gql<{
      kpiSeries: Array<{ label: string; metrics: Record<string, number> }>;
    }>(
      `query($scope: KpiScopeInput!, $from: DateTimeISO!, $to: DateTimeISO!) {
        kpiSeries(scope: $scope, kpiIds: [], from: $from, to: $to, unit: "week", timeZone: "${ZONE}") { label metrics }
      }`,
      {
        scope: { kind: 'channel', channel: 'email' },
        from: new Date(FROM).toISOString(),
        to: new Date(TO).toISOString(),
      },
    );
    // Weeks starting on Monday 2026-03-23 and Monday 2026-03-30; the first starts before FROM.
    expect(weeks.kpiSeries.map((w) => w.label)).toEqual(['2026-03-23', '2026-03-30']);
    // Touches exist only for events attributed to a campaign ("winter" is none).
    const email = sent.filter(
      (s) =>
        s.medium === 'email' &&
        s.utm === 'spring' &&
        s.at >= Date.parse('2026-03-22T23:00:00Z') &&
        s.at < Date.parse('2026-04-05T22:00:00Z'),
    );
    for (const w of weeks.kpiSeries) {
      const start = w.label;
      const of = email.filter((s) => {
        const day = localDay(s.at);
        return day >= start && day < (start === '2026-03-23' ? '2026-03-30' : '2026-04-06');
      });
      expect(w.metrics['entered']).toBe(new Set(of.map((s) => s.email)).size);
      expect(w.metrics['orders']).toBe(of.filter((s) => s.total !== undefined).length);
    }
  });

  it('records one alert when a KPI goes off target, none while it stays off', async () => {
    const check = () =>
      gql<{ checkCampaignTargets: Array<{ kpiId: string; status: string; value: number }> }>(
        `mutation($id: ID!) { checkCampaignTargets(campaignId: $id, timeZone: "${ZONE}") { kpiId status value } }`,
        { id: campaignId },
      );
    const first = await check();
    const tagged = sent.filter((s) => s.utm === 'spring' && s.at >= FROM);
    const entered = new Set(tagged.map((s) => s.email)).size;
    const buyers = new Set(tagged.filter((s) => s.total !== undefined).map((s) => s.email)).size;
    expect(first.checkCampaignTargets).toEqual([
      { kpiId: 'conversionRate', status: 'offTarget', value: (buyers / entered) * 100 },
    ]);
    await check();
    const alerts = await gql<{ kpiAlerts: Array<{ kind: string; target: number }> }>(
      `query($id: ID!) { kpiAlerts(campaignId: $id) { kind target } }`,
      { id: campaignId },
    );
    expect(alerts.kpiAlerts).toEqual([{ kind: 'wentOffTarget', target: 90 }]);
    const listed = await gql<{
      campaigns: Array<{ id: string; spend: Array<{ day: string; amount: number }> }>;
    }>(`{ campaigns { id spend { day amount } } }`);
    const spent = listed.campaigns.find((c) => c.id === campaignId)!.spend;
    expect(spent).toHaveLength(20);
    expect(spent.reduce((sum, e) => sum + e.amount, 0)).toBe(
      [...spend.values()].reduce((a, b) => a + b, 0),
    );
  });

  it('refuses a scope without its fields and a series of too many buckets, each with a fix', async () => {
    const noId = await t.gql(
      ws.key,
      `{ kpiSeries(scope: { kind: "journey" }, kpiIds: [], from: "2026-01-01T00:00:00Z", to: "2026-01-02T00:00:00Z") { label } }`,
    );
    expect(noId.body.errors![0]!.extensions!['field']).toEqual(['scope', 'journeyId']);
    const long = await t.gql(
      ws.key,
      `{ kpiSeries(scope: { kind: "channel", channel: "email" }, kpiIds: [], from: "2020-01-01T00:00:00Z", to: "2026-01-02T00:00:00Z") { label } }`,
    );
    expect(long.body.errors![0]!.extensions!['field']).toEqual(['unit']);
  });
});
