import { OutboxMessage, type Customer, type Workspace } from '../db/entities';
import type { Em } from '../db/orm';
import { CampaignService } from '../modules/campaign/campaign.service';
import { JourneyService } from '../modules/journey/journey.service';
import { SegmentService } from '../modules/segment/segment.service';
import type { DemoCustomer } from './demo-customers';
import { prng } from './demo-customers';

const DAY = 86_400_000;
export const DEMO_UTM_CAMPAIGN = 'november-newsletter';

/** One newsletter email the demo pretends was sent: to whom, when, and the key providers saw. */
export interface DemoMessage {
  readonly index: number;
  readonly key: string;
  readonly sentAt: Date;
}

/**
 * The weekly newsletter of the last four weeks, to every demo profile with `newsletter: true`
 * that existed then. Deterministic, like the profiles.
 */
export function demoNewsletter(customers: readonly DemoCustomer[], now: Date): DemoMessage[] {
  return customers.flatMap((c, index) =>
    c.traits['newsletter'] !== true
      ? []
      : [0, 1, 2, 3].flatMap((week) => {
          const sentAt = new Date(now.getTime() - (7 * week + 2) * DAY + index * 60_000);
          return sentAt > c.createdAt
            ? [{ index, key: `demo-newsletter-${week}-${index}`, sentAt }]
            : [];
        }),
  );
}

/**
 * What the email provider reported about the demo newsletter (through the track API, with the
 * message's key as `messageId`): deliveries, opens, clicks, bounces (hard or soft), unsubscribes,
 * and NPS / CSAT answers from the survey link. Timestamps after the send, never after `now`.
 */
export function demoMessageEvents(
  customers: readonly DemoCustomer[],
  messages: readonly DemoMessage[],
  now: Date,
): Array<Record<string, unknown>> {
  const random = prng(99);
  return messages.flatMap((m, n) => {
    const who = { email: customers[m.index]!.email };
    const after = (hours: number) =>
      new Date(Math.min(now.getTime(), m.sentAt.getTime() + hours * 3_600_000)).toISOString();
    const event = (kind: string, name: string, hours: number, properties = {}) => ({
      ...who,
      messageId: `demo-m${n}-${kind}`,
      event: name,
      timestamp: after(hours),
      properties: { messageId: m.key, campaign: DEMO_UTM_CAMPAIGN, ...properties },
    });
    if (random() < 0.04)
      return [event('bounce', 'Email Bounced', 0.1, { type: random() < 0.5 ? 'hard' : 'soft' })];
    const events = [event('delivered', 'Email Delivered', 0.05)];
    if (random() < 0.45) {
      events.push(event('opened', 'Email Opened', 1 + random() * 20));
      if (random() < 0.3) events.push(event('opened-again', 'Email Opened', 30));
      if (random() < 0.35) events.push(event('clicked', 'Email Clicked', 31, { link: '/pricing' }));
      if (random() < 0.2) {
        const nps = random() < 0.6;
        events.push(
          event('survey', 'Survey Answered', 32, {
            survey: nps ? 'nps' : 'csat',
            score: nps ? Math.floor(random() * 11) : 1 + Math.floor(random() * 5),
          }),
        );
      }
    }
    if (random() < 0.02) events.push(event('unsubscribed', 'Email Unsubscribed', 33));
    return events;
  });
}

/** Content the demo profiles saw and engaged with on social and display ads, tagged for the campaign. */
export function demoContentEvents(
  customers: readonly DemoCustomer[],
  now: Date,
): Array<Record<string, unknown>> {
  const random = prng(123);
  return customers.flatMap((c, i) => {
    const shown = Math.floor(random() * 6);
    return Array.from({ length: shown }, (_, k) => {
      const engaged = random() < 0.15;
      return {
        email: c.email,
        messageId: `demo-${i}-content-${k}`,
        event: engaged ? 'Content Engagement' : 'Content Impression',
        timestamp: new Date(now.getTime() - random() * 28 * DAY).toISOString(),
        properties: {
          channel: random() < 0.7 ? 'facebook' : 'display',
          utm_campaign: DEMO_UTM_CAMPAIGN,
          utm_medium: 'social',
          ...(engaged ? { action: random() < 0.5 ? 'like' : 'click' } : {}),
        },
      };
    });
  });
}

const TEMPLATE = {
  subject: 'This week at Cairn',
  body: '<p>Hi {{ traits.name | "there" }}</p>',
};

const NEWSLETTER_JOURNEY = {
  version: 1,
  settings: { reentry: 'always', exitOnGoal: false },
  nodes: [
    { id: 'trigger', kind: 'trigger', trigger: { type: 'event', event: 'Newsletter Issued' } },
    {
      id: 'newsletter',
      kind: 'action',
      label: 'Newsletter',
      action: {
        type: 'send',
        channel: 'email',
        template: TEMPLATE,
      },
    },
    { id: 'done', kind: 'exit' },
  ],
  edges: [
    { id: 'e1', source: 'trigger', sourceHandle: 'next', target: 'newsletter' },
    { id: 'e2', source: 'newsletter', sourceHandle: 'next', target: 'done' },
  ],
};

/**
 * The demo's nurture campaign: a newsletter journey (published; its past sends are recorded as
 * sent outbox messages), the segment of newsletter subscribers as its audience, and a month of
 * email and social spend. Created before the demo events are ingested, so their `utm_campaign`
 * tags become touches of it.
 */
export async function seedDemoCampaign(
  em: Em,
  workspace: Workspace,
  customers: ReadonlyMap<string, Customer>,
  messages: readonly DemoMessage[],
  people: readonly DemoCustomer[],
  now: Date,
): Promise<void> {
  const segment = await new SegmentService(em, workspace).create({
    name: 'Newsletter subscribers',
    description: 'Profiles with the newsletter trait',
    rule: {
      version: 1,
      root: { kind: 'trait', path: 'traits.newsletter', type: 'boolean', op: 'eq', value: true },
    },
  });
  const journeys = new JourneyService(em, workspace);
  const created = await journeys.create({ name: 'Weekly newsletter', graph: NEWSLETTER_JOURNEY });
  if (!created.journey) throw new Error('demo seed: the newsletter journey was not created');
  const published = await journeys.publish(created.journey.id);
  if (!published.ok) throw new Error('demo seed: the newsletter journey did not publish');
  const journey = published.journey;
  for (const m of messages) {
    const customer = customers.get(people[m.index]!.email);
    if (!customer) continue;
    em.create(OutboxMessage, {
      workspace,
      journey,
      version: journey.liveVersion ?? 1,
      customer,
      nodeId: 'newsletter',
      entryNumber: 1,
      idempotencyKey: m.key,
      channel: 'email',
      template: TEMPLATE,
      status: 'sent',
      dueAt: m.sentAt,
      sentAt: m.sentAt,
      createdAt: m.sentAt,
    });
  }
  await em.flush();
  const campaigns = new CampaignService(em, workspace);
  const campaign = await campaigns.save(undefined, {
    name: 'November newsletter',
    objective: 'nurture',
    channels: ['email', 'social'],
    budget: 3_000,
    utmCampaign: DEMO_UTM_CAMPAIGN,
    journeyIds: [journey.id],
    segmentIds: segment.ok ? [segment.segment.id] : [],
    targets: [
      { kpiId: 'openRate', value: 30 },
      { kpiId: 'ctr', value: 5 },
      { kpiId: 'bounceRate', value: 2 },
    ],
    startsAt: new Date(now.getTime() - 30 * DAY),
  });
  const days = Array.from({ length: 30 }, (_, d) =>
    new Date(now.getTime() - d * DAY).toISOString().slice(0, 10),
  );
  await campaigns.setSpend(
    campaign.id,
    days.flatMap((day) => [
      { day, channel: 'email', amount: 10 },
      { day, channel: 'social', amount: 40 },
    ]),
  );
}
