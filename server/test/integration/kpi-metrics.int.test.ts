/**
 * The base metrics of issue 9 (message and survey events, content, margin, new and active
 * customers, leads) on every scope, per local day, against a computation in plain JavaScript
 * over the same generated data (`semantics.md`, "Where each base metric comes from").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopeMetrics, type KpiScopeKind } from '@cairn/schema';
import { SegmentMembership, SegmentTransition } from '../../src/db/entities';
import { scopeToWorkspace } from '../../src/db/workspace-filter';
import { startTestApp, type TestApp } from '../harness';
import {
  DAY,
  lcg,
  localDay,
  runSplitJourney,
  series,
  type Journeyed,
  type SeriesPoint,
} from './kpi-metrics.fixtures';

let t: TestApp;
let ws: { id: string; key: string; writeKey: string };

beforeAll(async () => {
  t = await startTestApp({ SEGMENT_RECHECK_MS: '0', JOURNEY_WORKER_MS: '0' });
  ws = await t.workspace('KPI metrics');
});
afterAll(() => t.close());

async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await t.gql<T>(ws.key, query, variables);
  expect(res.body.errors).toBeUndefined();
  return res.body.data!;
}

/** What was sent through the API, kept for the independent computation. */
interface Tracked {
  email: string;
  event: string;
  at: number;
  properties: Record<string, unknown>;
}

const PAIRS = {
  delivered: ['Message Delivered', 'Email Delivered'],
  opened: ['Message Opened', 'Email Opened'],
  clicked: ['Message Clicked', 'Email Clicked'],
  bounced: ['Message Bounced', 'Email Bounced'],
  unsubscribed: ['Message Unsubscribed', 'Email Unsubscribed'],
} as const;
const ACTIVE_MS = 90 * DAY;

/** The first instant of a local day in Berlin (midnight), found by stepping minutes with Intl. */
function localMidnight(day: string): number {
  let at = Date.parse(`${day}T00:00:00Z`) - 3 * 3_600_000;
  while (localDay(at) !== day) at += 60_000;
  return at;
}
const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

describe('base metrics of every scope, per day, in SQL', () => {
  const people = Array.from({ length: 24 }, (_, i) => `p${i}@example.com`);
  const vip = new Set(people.filter((_, i) => i % 3 === 0));
  const sent: Tracked[] = [];
  const ids = new Map<string, string>(); // email → customer id
  let journey: Journeyed;
  let campaignId: string;
  let segmentId: string;
  let members = new Set<string>(); // customer ids
  let transitions: Array<{ customerId: string; kind: string; at: number }> = [];
  let FROM = 0;
  let TO = 0;

  it('ingests a generated dataset: people, a split journey that sends, provider events, orders, content, surveys, leads', async () => {
    const now = Date.now();
    // Eight local days back to tomorrow's end, so today (when the journey sends) is inside.
    FROM = localMidnight(localDay(now - 8 * DAY));
    TO = localMidnight(localDay(now + 2 * DAY));
    const identify = await t.events(
      ws.writeKey,
      people.map((email, i) => ({
        type: 'identify',
        email,
        phone: `+3361234${String(5000 + i)}`,
        traits: { tier: vip.has(email) ? 'vip' : 'basic' },
        consent: [
          { channel: 'email', granted: true },
          { channel: 'sms', granted: true },
        ],
      })),
    );
    expect(identify.body.rejected).toBe(0);
    for (const r of identify.body.results) ids.set(people[r.index]!, r.customerId!);
    const segment = await gql<{ createSegment: { segment: { id: string } } }>(
      `mutation($input: SegmentInput!) { createSegment(input: $input) { segment { id } } }`,
      {
        input: {
          name: 'VIP',
          rule: {
            version: 1,
            root: { kind: 'trait', path: 'traits.tier', type: 'string', op: 'eq', value: 'vip' },
          },
        },
      },
    );
    segmentId = segment.createSegment.segment.id;
    journey = await runSplitJourney(t, ws, people);
    expect(journey.messages.length).toBe(people.length * 2);
    const campaign = await gql<{ createCampaign: { id: string } }>(
      `mutation($input: CampaignInput!) { createCampaign(input: $input) { id } }`,
      {
        input: {
          name: 'Welcome',
          objective: 'nurture',
          channels: ['email', 'sms'],
          utmCampaign: 'welcome',
          journeyIds: [journey.journeyId],
          segmentIds: [segmentId],
          startsAt: new Date(now - 400 * DAY).toISOString(),
        },
      },
    );
    campaignId = campaign.createCampaign.id;

    const random = lcg(7);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const end = Date.now();
    const during = () => FROM + Math.floor(random() * (end - FROM));
    const track = (email: string, event: string, at: number, properties = {}) =>
      sent.push({ email, event, at, properties });
    const emailOf = new Map([...ids].map(([email, id]) => [id, email]));
    // Provider events about the messages, several of a kind per message, both name forms.
    for (const m of journey.messages) {
      const email = emailOf.get(m.customerId)!;
      const about = { messageId: m.key };
      for (const kind of ['delivered', 'opened', 'clicked', 'unsubscribed'] as const) {
        const times = Math.floor(random() * (kind === 'unsubscribed' ? 1.3 : 3));
        for (let k = 0; k < times; k++) track(email, pick(PAIRS[kind]), during(), about);
      }
      const bounces = Math.floor(random() * 2.4);
      for (let k = 0; k < bounces; k++) {
        const type = pick(['hard', 'soft', 'soft', undefined, 'transient']);
        track(email, pick(PAIRS.bounced), during(), type ? { ...about, type } : about);
      }
      if (random() < 0.5) {
        const nps = random() < 0.6;
        track(email, 'Survey Answered', during(), {
          ...about,
          survey: nps ? 'nps' : 'csat',
          score: nps ? Math.floor(random() * 11) : 1 + Math.floor(random() * 5),
        });
      }
    }
    // Not attributable: an unknown message, none at all, a message id of another type.
    track(people[0]!, 'Email Opened', during(), { messageId: 'not-a-message' });
    track(people[1]!, 'Email Bounced', during(), { type: 'hard' });
    track(people[2]!, 'Message Clicked', during(), { messageId: 42 });
    // The first VIP ordered once, 92 days ago: active at the start of the range, lost two days ago.
    track(people[0]!, 'Order Completed', end - 92 * DAY, {
      orderId: 'lapsing',
      total: 50,
      cost: 20,
      currency: 'EUR',
    });
    for (const email of people) {
      // Orders over 200 days (so customers are active, lapse and come back), costs known or not.
      const orders = email === people[0] ? 0 : Math.floor(random() * 5);
      for (let o = 0; o < orders; o++) {
        const at = random() < 0.5 ? during() : end - Math.floor(random() * 200 * DAY);
        const total = Math.round(random() * 20_000) / 100;
        const costing = random();
        const utm =
          random() < 0.5 ? { utm_campaign: 'welcome', utm_medium: pick(['email', 'cpc']) } : {};
        track(email, 'Order Completed', at, {
          orderId: `o-${sent.length}`,
          total,
          currency: 'EUR',
          ...utm,
          ...(costing < 0.6
            ? { cost: Math.round(total * 40) / 100 }
            : costing < 0.9
              ? { products: [{ productId: 'sku', quantity: 2, price: total / 2, cost: 3.125 }] }
              : { products: [{ productId: 'sku', quantity: 1, price: total }] }),
        });
      }
      const content = Math.floor(random() * 4);
      for (let c = 0; c < content; c++)
        track(
          email,
          pick(['Content Impression', 'Content Impression', 'Content Engagement']),
          during(),
          {
            channel: pick(['Facebook', 'facebook', 'display']),
            ...(random() < 0.5 ? { utm_campaign: 'welcome', utm_medium: 'social' } : {}),
          },
        );
      if (random() < 0.4)
        track(email, 'Survey Answered', during(), {
          survey: 'nps',
          score: Math.floor(random() * 11),
        });
      const entered = journey.enrollments.find((e) => e.customerId === ids.get(email))!.enteredAt;
      for (const lead of ['Lead Became MQL', 'Lead Became SQL'])
        if (random() < 0.6) {
          // Before the journey entry, or after it (up to now): attributed to the journey only then.
          const at =
            random() < 0.5
              ? FROM + Math.floor(random() * (entered - FROM))
              : entered + Math.floor(random() * (Date.now() - entered));
          track(email, lead, at, { source: 'crm' });
        }
    }
    const items = sent.map((s, i) => ({
      email: s.email,
      event: s.event,
      messageId: `gen-${i}`,
      timestamp: new Date(s.at).toISOString(),
      properties: s.properties,
    }));
    for (let i = 0; i < items.length; i += 500) {
      const res = await t.events(ws.writeKey, items.slice(i, i + 500));
      expect(
        res.body.rejected,
        JSON.stringify(res.body.results.filter((r) => r.status === 'REJECTED')),
      ).toBe(0);
    }
    const em = t.app.orm.em.fork();
    scopeToWorkspace(em, ws.id);
    members = new Set((await em.find(SegmentMembership, { segmentId })).map((m) => m.customer.id));
    expect(members).toEqual(new Set([...vip].map((e) => ids.get(e)!)));
    transitions = (await em.find(SegmentTransition, { segmentId })).map((tr) => ({
      customerId: tr.customer.id,
      kind: tr.kind,
      at: tr.at.getTime(),
    }));
  });

  // ── the independent computation ────────────────────────────────────────────────────────────

  const days = () => {
    const labels: string[] = [];
    for (let at = FROM; at < TO; at += 3_600_000)
      if (!labels.includes(localDay(at))) labels.push(localDay(at));
    return labels;
  };
  const idOf = (email: string) => ids.get(email)!;
  const of = (day: string, names: readonly string[]) =>
    sent.filter(
      (s) => names.includes(s.event) && s.at >= FROM && s.at < TO && localDay(s.at) === day,
    );
  const orderCost = (p: Record<string, unknown>): number | undefined => {
    if (typeof p['cost'] === 'number') return p['cost'];
    const products = (p['products'] ?? []) as Array<{ quantity: number; cost?: number }>;
    if (products.length === 0 || products.some((x) => x.cost === undefined)) return undefined;
    return products.reduce((sum, x) => sum + x.cost! * x.quantity, 0);
  };
  const allOrders = () => sent.filter((s) => s.event === 'Order Completed');
  const firstOrderAt = (email: string) =>
    Math.min(
      ...allOrders()
        .filter((o) => o.email === email)
        .map((o) => o.at),
    );

  function messageMetrics(day: string, keep: (m: Journeyed['messages'][number]) => boolean) {
    const messages = journey.messages.filter(keep);
    const byKey = new Map(messages.map((m) => [m.key, m]));
    const events = of(day, [...Object.values(PAIRS).flat(), 'Survey Answered']).filter(
      (s) => typeof s.properties['messageId'] === 'string' && byKey.has(s.properties['messageId']),
    );
    const unique = (names: readonly string[], also: (s: Tracked) => boolean = () => true) =>
      new Set(
        events
          .filter((s) => names.includes(s.event) && also(s))
          .map((s) => s.properties['messageId']),
      ).size;
    const hard = new Set(
      events
        .filter((s) => s.event.endsWith('Bounced') && s.properties['type'] === 'hard')
        .map((s) => s.properties['messageId']),
    );
    const answers = (survey: string, holds: (score: number) => boolean) =>
      events.filter(
        (s) =>
          s.event === 'Survey Answered' &&
          s.properties['survey'] === survey &&
          holds(s.properties['score'] as number),
      ).length;
    return {
      sent: messages.filter((m) => localDay(m.sentAt) === day).length,
      delivered: unique(PAIRS.delivered),
      opened: unique(PAIRS.opened),
      clicked: unique(PAIRS.clicked),
      unsubscribed: unique(PAIRS.unsubscribed),
      'bounced.hard': hard.size,
      'bounced.soft': unique(PAIRS.bounced, (s) => !hard.has(s.properties['messageId'])),
      ...surveyMetrics(answers),
    };
  }
  function surveyMetrics(answers: (survey: string, holds: (score: number) => boolean) => number) {
    return {
      npsResponses: answers('nps', () => true),
      promoters: answers('nps', (x) => x >= 9),
      detractors: answers('nps', (x) => x <= 6),
      csatResponses: answers('csat', () => true),
      csatSatisfied: answers('csat', (x) => x >= 4),
    };
  }
  /** Orders, buyers, revenue, margin and new customers of a set of order events. */
  function orderMetrics(orders: Tracked[]) {
    const costs = orders.map((o) => orderCost(o.properties));
    return {
      orders: orders.length,
      buyers: new Set(orders.map((o) => o.email)).size,
      revenue: round4(orders.reduce((sum, o) => sum + (o.properties['total'] as number), 0)),
      grossMargin: costs.some((c) => c === undefined)
        ? undefined
        : round4(
            orders.reduce((sum, o, i) => sum + (o.properties['total'] as number) - costs[i]!, 0),
          ),
      newCustomers: new Set(
        orders.filter((o) => firstOrderAt(o.email) === o.at).map((o) => o.email),
      ).size,
    };
  }
  /** Campaign touches (utm_campaign welcome) of a day on a channel or any. */
  function touchMetrics(day: string, channel?: string) {
    const touches = of(day, ['Order Completed', 'Content Impression', 'Content Engagement']).filter(
      (s) => {
        if (s.properties['utm_campaign'] !== 'welcome') return false;
        const via =
          s.event === 'Order Completed'
            ? s.properties['utm_medium']
            : String(s.properties['channel']).toLowerCase();
        return channel === undefined || via === channel;
      },
    );
    const orders = touches.filter((s) => s.event === 'Order Completed');
    return {
      entered: new Set(touches.map((s) => s.email)).size,
      conversions: new Set(orders.map((s) => s.email)).size,
      ...orderMetrics(orders),
    };
  }
  /** Active: an order in the 90 days before the instant; at the day's first and next day's first instant. */
  function audience(day: string, who: ReadonlySet<string>) {
    const s = localMidnight(day);
    const e = localMidnight(localDay(s + 36 * 3_600_000));
    const activeAt = (email: string, at: number) =>
      allOrders().some((o) => o.email === email && o.at >= at - ACTIVE_MS && o.at < at);
    const emails = people.filter((p) => who.has(idOf(p)));
    return {
      customersStart: emails.filter((p) => activeAt(p, s)).length,
      customersEnd: emails.filter((p) => activeAt(p, e)).length,
      customersLost: emails.filter((p) => activeAt(p, s) && !activeAt(p, e)).length,
    };
  }
  function leads(day: string, attributed: (s: Tracked) => boolean) {
    const count = (name: string) =>
      new Set(
        of(day, [name])
          .filter(attributed)
          .map((s) => s.email),
      ).size;
    return { mqls: count('Lead Became MQL'), sqls: count('Lead Became SQL') };
  }
  const enteredAt = (email: string) =>
    journey.enrollments.find((e) => e.customerId === idOf(email))!.enteredAt;
  const armOf = (customerId: string) => journey.arms.find((a) => a.customerId === customerId)!.arm;

  function check(
    kind: KpiScopeKind,
    points: SeriesPoint[],
    expected: (day: string) => Record<string, number | undefined>,
  ) {
    expect(points.map((p) => p.label)).toEqual(days());
    for (const point of points) {
      const want = expected(point.label);
      expect(
        scopeMetrics(kind).filter((m) => !(m in want)),
        'metrics not computed here',
      ).toEqual([]);
      const computed = scopeMetrics(kind).filter((m) => !(m in want) || want[m] !== undefined);
      // Exactly the scope's metrics (a missing gross margin is absent), each equal to ours.
      expect(Object.keys(point.metrics).sort(), `${kind} ${point.label}`).toEqual(
        [...computed, 'periodDays'].sort(),
      );
      for (const [metric, value] of Object.entries(want))
        if (value === undefined)
          expect(point.metrics[metric], `${kind} ${point.label} ${metric}`).toBeUndefined();
        else
          expect(point.metrics[metric], `${kind} ${point.label} ${metric}`).toBeCloseTo(value, 6);
    }
  }

  it('campaign: touches, spend, its journeys’ messages, its segments’ active customers, attributed leads', async () => {
    const points = await series(t, ws.key, { kind: 'campaign', campaignId }, FROM, TO);
    const touchedBefore = (s: Tracked) =>
      sent.some(
        (x) => x.email === s.email && x.properties['utm_campaign'] === 'welcome' && x.at <= s.at,
      ) || enteredAt(s.email) <= s.at;
    check('campaign', points, (day) => {
      const touches = touchMetrics(day);
      const content = of(day, ['Content Impression', 'Content Engagement']).filter(
        (s) => s.properties['utm_campaign'] === 'welcome',
      );
      return {
        ...touches,
        impressions: content.filter((s) => s.event === 'Content Impression').length,
        engagements: content.filter((s) => s.event === 'Content Engagement').length,
        spend: 0,
        ...messageMetrics(day, () => true),
        ...audience(day, members),
        ...leads(day, touchedBefore),
      };
    });
    // The data reaches into every metric somewhere (a generator that made none would prove nothing).
    for (const metric of scopeMetrics('campaign').filter((m) => m !== 'spend'))
      expect(
        points.some((p) => (p.metrics[metric] ?? 0) > 0),
        metric,
      ).toBe(true);
  });

  it('journey, node and arm: their messages, entries and the leads that came after them', async () => {
    const enrolledBefore = (s: Tracked) => enteredAt(s.email) <= s.at;
    const steps = (day: string, keep: (s: Journeyed['steps'][number]) => boolean) =>
      new Set(
        journey.steps.filter((s) => keep(s) && localDay(s.at) === day).map((s) => s.customerId),
      ).size;
    check(
      'journey',
      await series(t, ws.key, { kind: 'journey', journeyId: journey.journeyId }, FROM, TO),
      (day) => ({
        entered: new Set(
          journey.enrollments.filter((e) => localDay(e.enteredAt) === day).map((e) => e.customerId),
        ).size,
        conversions: 0,
        ...messageMetrics(day, () => true),
        ...leads(day, enrolledBefore),
      }),
    );
    const reached = ['decide', 'action', 'wait', 'exit'];
    for (const nodeId of ['shared', 'sb'])
      check(
        'journeyNode',
        await series(
          t,
          ws.key,
          { kind: 'journeyNode', journeyId: journey.journeyId, nodeId },
          FROM,
          TO,
        ),
        (day) => ({
          entered: steps(day, (s) => s.nodeId === nodeId && reached.includes(s.kind)),
          conversions: 0,
          ...messageMetrics(day, (m) => m.nodeId === nodeId),
          ...leads(day, (s) =>
            journey.steps.some(
              (st) =>
                st.customerId === idOf(s.email) &&
                st.nodeId === nodeId &&
                reached.includes(st.kind) &&
                st.at <= s.at,
            ),
          ),
        }),
      );
    for (const arm of ['a', 'b'])
      check(
        'experimentArm',
        await series(
          t,
          ws.key,
          { kind: 'experimentArm', journeyId: journey.journeyId, nodeId: 'split', arm },
          FROM,
          TO,
        ),
        (day) => ({
          entered: steps(
            day,
            (s) => s.nodeId === 'split' && s.kind === 'decide' && armOf(s.customerId) === arm,
          ),
          conversions: 0,
          ...messageMetrics(day, (m) => armOf(m.customerId) === arm),
          ...leads(
            day,
            (s) =>
              armOf(idOf(s.email)) === arm &&
              journey.arms.find((a) => a.customerId === idOf(s.email))!.at <= s.at,
          ),
        }),
      );
  });

  it('segment: members’ orders, margin, new and active customers, survey answers and leads', async () => {
    const points = await series(t, ws.key, { kind: 'segment', segmentId }, FROM, TO);
    const member = (s: Tracked) => members.has(idOf(s.email));
    check('segment', points, (day) => ({
      entered: new Set(
        transitions
          .filter((tr) => tr.kind === 'entered' && localDay(tr.at) === day)
          .map((tr) => tr.customerId),
      ).size,
      ...orderMetrics(of(day, ['Order Completed']).filter(member)),
      ...surveyMetrics(
        (survey, holds) =>
          of(day, ['Survey Answered']).filter(
            (s) =>
              member(s) &&
              s.properties['survey'] === survey &&
              holds(s.properties['score'] as number),
          ).length,
      ),
      ...audience(day, members),
      ...leads(day, member),
    }));
    for (const metric of ['customersStart', 'customersLost', 'newCustomers', 'promoters', 'mqls'])
      expect(
        points.some((p) => (p.metrics[metric] ?? 0) > 0),
        metric,
      ).toBe(true);
  });

  it('channel: touches on it, its messages, content shown on it', async () => {
    for (const channel of ['email', 'sms', 'facebook'])
      check('channel', await series(t, ws.key, { kind: 'channel', channel }, FROM, TO), (day) => {
        const content = of(day, ['Content Impression', 'Content Engagement']).filter(
          (s) => String(s.properties['channel']).toLowerCase() === channel,
        );
        return {
          ...touchMetrics(day, channel),
          ...messageMetrics(day, (m) => m.channel === channel),
          impressions: content.filter((s) => s.event === 'Content Impression').length,
          engagements: content.filter((s) => s.event === 'Content Engagement').length,
        };
      });
  });
});
