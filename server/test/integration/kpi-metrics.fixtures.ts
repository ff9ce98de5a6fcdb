import { expect } from 'vitest';
import { JourneyEnrollment, JourneyStep, OutboxMessage } from '../../src/db/entities';
import { scopeToWorkspace } from '../../src/db/workspace-filter';
import type { Channels } from '../../src/modules/journey/channels/channel-provider';
import { dispatchDue } from '../../src/modules/journey/runtime/dispatch';
import type { TestApp } from '../harness';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const ZONE = 'Europe/Berlin';

/** A deterministic stream (a linear congruential generator), so failures reproduce. */
export function lcg(seed: number) {
  let s = seed;
  return () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

/** The local calendar date of an instant, from Intl alone (independent of time-buckets.ts). */
export const localDay = (ms: number) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(ms);

/**
 * A welcome journey with an A/B split: arm a sends an email (`ea`), arm b an SMS (`sb`), then
 * both send the same email (`shared`). So node, arm and channel each select different messages.
 */
export const SPLIT_JOURNEY = {
  version: 1,
  settings: { reentry: 'never', exitOnGoal: false },
  nodes: [
    { id: 't', kind: 'trigger', trigger: { type: 'event', event: 'Signed Up' } },
    {
      id: 'split',
      kind: 'randomSplit',
      salt: 'kpi-metrics',
      arms: [
        { handle: 'a', name: 'Email first', weight: 50, control: true },
        { handle: 'b', name: 'SMS first', weight: 50 },
      ],
    },
    {
      id: 'ea',
      kind: 'action',
      action: {
        type: 'send',
        channel: 'email',
        template: { subject: 'Welcome', body: '<p>Hello</p>' },
      },
    },
    {
      id: 'sb',
      kind: 'action',
      action: { type: 'send', channel: 'sms', template: { body: 'Hello' } },
    },
    {
      id: 'shared',
      kind: 'action',
      action: {
        type: 'send',
        channel: 'email',
        template: { subject: 'News', body: '<p>News</p>' },
      },
    },
    { id: 'x', kind: 'exit' },
  ],
  edges: [
    { id: 'e1', source: 't', sourceHandle: 'next', target: 'split' },
    { id: 'e2', source: 'split', sourceHandle: 'a', target: 'ea' },
    { id: 'e3', source: 'split', sourceHandle: 'b', target: 'sb' },
    { id: 'e4', source: 'ea', sourceHandle: 'next', target: 'shared' },
    { id: 'e5', source: 'sb', sourceHandle: 'next', target: 'shared' },
    { id: 'e6', source: 'shared', sourceHandle: 'next', target: 'x' },
  ],
};

/** Providers that accept everything: what matters here is the outbox's `sent` mark. */
export const ACCEPTING: Channels = {
  email: { send: async () => ({}) },
  sms: { send: async () => ({}) },
};

export interface Sent {
  readonly id: string;
  readonly key: string;
  readonly nodeId: string;
  readonly channel: string;
  readonly customerId: string;
  readonly entryNumber: number;
  readonly createdAt: number;
  readonly sentAt: number;
}

export interface Journeyed {
  readonly journeyId: string;
  readonly messages: Sent[];
  /** Steps at the split: customer, arm and instant. */
  readonly arms: Array<{ customerId: string; arm: string; at: number; entryNumber: number }>;
  /** Steps reaching each node. */
  readonly steps: Array<{ customerId: string; nodeId: string; kind: string; at: number }>;
  readonly enrollments: Array<{ customerId: string; enteredAt: number }>;
}

/** Publishes the split journey, signs `emails` up, sends every message, and reads back the outbox. */
export async function runSplitJourney(
  t: TestApp,
  ws: { id: string; key: string; writeKey: string },
  emails: readonly string[],
): Promise<Journeyed> {
  const created = await t.gql<{ createJourney: { journey: { id: string } } }>(
    ws.key,
    `mutation($input: CreateJourneyInput!) { createJourney(input: $input) { journey { id } } }`,
    { input: { name: 'Welcome split', graph: SPLIT_JOURNEY } },
  );
  const journeyId = created.body.data!.createJourney.journey.id;
  const published = await t.gql<{ publishJourney: { ok: boolean } }>(
    ws.key,
    `mutation($id: ID!) { publishJourney(id: $id) { ok problems { code message } } }`,
    { id: journeyId },
  );
  expect(published.body.data?.publishJourney, JSON.stringify(published.body)).toMatchObject({
    ok: true,
  });
  const signedUp = await t.events(
    ws.writeKey,
    emails.map((email) => ({ email, event: 'Signed Up' })),
  );
  expect(signedUp.body.rejected).toBe(0);
  for (let round = 0; round < 20; round++) {
    const run = await dispatchDue(t.app.orm, ACCEPTING, new Date());
    if (run.claimed === 0) break;
  }
  const em = t.app.orm.em.fork();
  scopeToWorkspace(em, ws.id);
  const outbox = await em.find(OutboxMessage, { journey: journeyId });
  for (const m of outbox) expect(m.status, m.lastError ?? m.skipReason ?? '').toBe('sent');
  const steps = await em.find(JourneyStep, { journey: journeyId }, { populate: ['enrollment'] });
  const enrollments = await em.find(JourneyEnrollment, { journey: journeyId });
  return {
    journeyId,
    messages: outbox.map((m) => ({
      id: m.id,
      key: m.idempotencyKey,
      nodeId: m.nodeId,
      channel: m.channel,
      customerId: m.customer.id,
      entryNumber: m.entryNumber,
      createdAt: m.createdAt.getTime(),
      sentAt: m.sentAt!.getTime(),
    })),
    arms: steps
      .filter((s) => s.nodeId === 'split' && s.kind === 'decide')
      .map((s) => ({
        customerId: s.enrollment.customer.id,
        arm: s.handle!,
        at: s.at.getTime(),
        entryNumber: s.enrollment.entryNumber,
      })),
    steps: steps.map((s) => ({
      customerId: s.enrollment.customer.id,
      nodeId: s.nodeId,
      kind: s.kind,
      at: s.at.getTime(),
    })),
    enrollments: enrollments.map((e) => ({
      customerId: e.customer.id,
      enteredAt: e.enteredAt.getTime(),
    })),
  };
}

export interface SeriesPoint {
  label: string;
  metrics: Record<string, number>;
  values: Array<{ kpiId: string; value: number | null }>;
}

/** A daily KPI series of a scope in Berlin. */
export async function series(
  t: TestApp,
  key: string,
  scope: Record<string, string>,
  from: number,
  to: number,
  kpiIds: readonly string[] = [],
): Promise<SeriesPoint[]> {
  const res = await t.gql<{ kpiSeries: SeriesPoint[] }>(
    key,
    `query($scope: KpiScopeInput!, $kpis: [String!]!, $from: DateTimeISO!, $to: DateTimeISO!) {
      kpiSeries(scope: $scope, kpiIds: $kpis, from: $from, to: $to, unit: "day", timeZone: "${ZONE}") {
        label metrics values { kpiId value }
      }
    }`,
    { scope, kpis: kpiIds, from: new Date(from).toISOString(), to: new Date(to).toISOString() },
  );
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.kpiSeries;
}
