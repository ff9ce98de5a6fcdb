import {
  assertUnreachable,
  decideSend,
  renderTemplate,
  type JourneySettings,
  type MessageChannel,
} from '@cairn/schema';
import { ConsentRecord, Customer, Identity, Journey, OutboxMessage } from '../../../db/entities';
import type { Em, Orm } from '../../../db/orm';
import { scopeToWorkspace } from '../../../db/workspace-filter';
import {
  PermanentSendError,
  type Channels,
  type OutgoingMessage,
} from '../channels/channel-provider';
import { backoffMs, claimDue } from './claim';
import { loadPlans, planKey } from './plans';
import { readTogether } from '../../../db/read-together';

export interface DispatchOptions {
  readonly limit?: number;
  readonly leaseMs?: number;
  readonly maxAttempts?: number;
  /** Customers whose messages are sent at the same time (each customer's in order). */
  readonly concurrency?: number;
}

export interface DispatchRun {
  readonly claimed: number;
  readonly sent: number;
  readonly skipped: number;
  readonly deferred: number;
  readonly failed: number;
}

type Verdict =
  | { type: 'send'; message: OutgoingMessage }
  | { type: 'skip'; reason: string }
  | { type: 'defer'; until: Date }
  | { type: 'fail'; error: string };

/** What the send-time checks read about the customers of a batch, loaded in a few queries. */
interface Context {
  readonly customers: Map<string, Customer>;
  readonly consent: Map<string, Record<string, boolean>>;
  readonly phones: Map<string, string>;
  /** Times this journey already sent each customer something, by `journey customer`. */
  readonly sentAt: Map<string, number[]>;
  readonly settings: Map<string, Partial<JourneySettings>>;
  readonly archived: Set<string>;
}

/**
 * Sends the due messages of the outbox. Each is claimed with a lease, then checked now, at send
 * time: consent for the channel, the journey's frequency cap, quiet hours in the customer's time
 * zone, the template's variables. A send that fails is retried with back-off and dead-lettered
 * after `maxAttempts`. A crash between the provider's answer and the `sent` mark leaves the lease
 * to expire, and the message goes again with the same idempotency key: receivers drop repeats,
 * so each message has its effect once. Customers are served `concurrency` at a time, each
 * customer's messages in order (so the frequency cap sees the one sent just before).
 */
export async function dispatchDue(
  orm: Orm,
  channels: Channels,
  now: Date,
  options: DispatchOptions = {},
): Promise<DispatchRun> {
  const maxAttempts = options.maxAttempts ?? 5;
  const claimed = await claimDue(
    orm.em.fork(),
    OutboxMessage,
    { status: 'pending' },
    now,
    options.leaseMs ?? 30_000,
    options.limit ?? 100,
  );
  const run = { claimed: claimed.length, sent: 0, skipped: 0, deferred: 0, failed: 0 };
  const byWorkspace = new Map<string, OutboxMessage[]>();
  for (const m of claimed)
    byWorkspace.set(m.workspace.id, [...(byWorkspace.get(m.workspace.id) ?? []), m]);
  for (const [workspaceId, messages] of byWorkspace) {
    const em = orm.em.fork();
    scopeToWorkspace(em, workspaceId);
    const context = await loadContext(em, messages);
    const byCustomer = new Map<string, OutboxMessage[]>();
    for (const m of messages)
      byCustomer.set(m.customer.id, [...(byCustomer.get(m.customer.id) ?? []), m]);
    const queue = [...byCustomer.values()];
    const serve = async () => {
      for (let next = queue.shift(); next; next = queue.shift())
        for (const m of next) {
          const outcome = await dispatchOne(em.fork(), m, context, channels, now, maxAttempts);
          if (outcome !== 'retrying') run[outcome]++;
        }
    };
    await Promise.all(Array.from({ length: options.concurrency ?? 8 }, serve));
  }
  return run;
}

async function dispatchOne(
  em: Em,
  m: OutboxMessage,
  context: Context,
  channels: Channels,
  now: Date,
  maxAttempts: number,
): Promise<'sent' | 'skipped' | 'deferred' | 'failed' | 'retrying'> {
  const held = { id: m.id, leaseUntil: m.leaseUntil, status: 'pending' as const };
  const verdict = check(m, context, channels, now);
  switch (verdict.type) {
    case 'skip':
      await em.nativeUpdate(OutboxMessage, held, {
        status: 'skipped',
        skipReason: verdict.reason,
        leaseUntil: null,
      });
      return 'skipped';
    case 'defer':
      await em.nativeUpdate(OutboxMessage, held, { dueAt: verdict.until, leaseUntil: null });
      return 'deferred';
    case 'fail':
      await em.nativeUpdate(OutboxMessage, held, {
        status: 'failed',
        lastError: verdict.error.slice(0, 2_000),
        leaseUntil: null,
      });
      return 'failed';
    case 'send':
      break;
    default:
      return assertUnreachable(verdict);
  }
  try {
    const result = await channels[m.channel]!.send(verdict.message);
    await em.nativeUpdate(OutboxMessage, held, {
      status: 'sent',
      sentAt: now,
      providerMessageId: result.providerMessageId ?? null,
      leaseUntil: null,
    });
    const key = `${m.journey.id} ${m.customer.id}`;
    context.sentAt.set(key, [...(context.sentAt.get(key) ?? []), now.getTime()]);
    return 'sent';
  } catch (error) {
    const attempts = m.attempts + 1;
    const permanent = error instanceof PermanentSendError || attempts >= maxAttempts;
    await em.nativeUpdate(OutboxMessage, held, {
      attempts,
      leaseUntil: null,
      lastError: (error instanceof Error ? error.message : String(error)).slice(0, 2_000),
      ...(permanent
        ? { status: 'failed' as const }
        : { dueAt: new Date(now.getTime() + backoffMs(attempts)) }),
    });
    return permanent ? 'failed' : 'retrying';
  }
}

async function loadContext(em: Em, messages: readonly OutboxMessage[]): Promise<Context> {
  const customerIds = [...new Set(messages.map((m) => m.customer.id))];
  const journeyIds = [...new Set(messages.map((m) => m.journey.id))];
  const [customers, consents, phones, sent, journeys, plans] = await readTogether(em, [
    () => em.find(Customer, { id: { $in: customerIds } }),
    () =>
      em.find(
        ConsentRecord,
        { customer: { $in: customerIds } },
        { orderBy: { recordedAt: 'asc', id: 'asc' } },
      ),
    () =>
      em.find(
        Identity,
        { customer: { $in: customerIds }, kind: 'phone' },
        { orderBy: { createdAt: 'asc' } },
      ),
    () =>
      em.find(
        OutboxMessage,
        { journey: { $in: journeyIds }, customer: { $in: customerIds }, status: 'sent' },
        { fields: ['journey', 'customer', 'sentAt'] },
      ),
    () => em.find(Journey, { id: { $in: journeyIds } }, { fields: ['status'] }),
    () =>
      loadPlans(em, [
        ...new Map(
          messages.map((m) => [
            planKey(m.journey.id, m.version),
            { journeyId: m.journey.id, version: m.version },
          ]),
        ).values(),
      ]),
  ]);
  const consent = new Map<string, Record<string, boolean>>();
  for (const c of consents) {
    const state = consent.get(c.customer.id) ?? {};
    Object.defineProperty(state, c.channel, {
      value: c.granted,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    consent.set(c.customer.id, state);
  }
  const phoneOf = new Map<string, string>();
  for (const p of phones) if (!phoneOf.has(p.customer.id)) phoneOf.set(p.customer.id, p.value);
  const sentAt = new Map<string, number[]>();
  for (const s of sent) {
    const key = `${s.journey.id} ${s.customer.id}`;
    if (s.sentAt) sentAt.set(key, [...(sentAt.get(key) ?? []), s.sentAt.getTime()]);
  }
  const settings = new Map<string, Partial<JourneySettings>>();
  for (const m of messages)
    settings.set(
      planKey(m.journey.id, m.version),
      plans.get(planKey(m.journey.id, m.version))?.settings ?? {},
    );
  return {
    customers: new Map(customers.map((c) => [c.id, c])),
    consent,
    phones: phoneOf,
    sentAt,
    settings,
    archived: new Set(journeys.filter((j) => j.status === 'archived').map((j) => j.id)),
  };
}

/** The send-time decision for one message, and the message itself when it goes. */
function check(m: OutboxMessage, ctx: Context, channels: Channels, now: Date): Verdict {
  if (!channels[m.channel])
    return {
      type: 'fail',
      error: `CHANNEL_NOT_CONFIGURED: no provider for ${m.channel}; set ${envFor(m.channel)} and restart.`,
    };
  const customer = ctx.customers.get(m.customer.id);
  if (!customer) return { type: 'skip', reason: 'customerGone' };
  if (ctx.archived.has(m.journey.id)) return { type: 'skip', reason: 'archived' };
  const salesNote = m.channel === 'webhook' && m.template.endpoint === 'sales';
  if (!salesNote) {
    const decision = decideSend({
      channel: m.channel,
      consent: ctx.consent.get(customer.id) ?? {},
      sentAt: ctx.sentAt.get(`${m.journey.id} ${customer.id}`) ?? [],
      settings: ctx.settings.get(planKey(m.journey.id, m.version)) ?? {},
      now: now.getTime(),
      timeZone: customer.timeZone ?? 'UTC',
    });
    if (decision.type === 'skip') return { type: 'skip', reason: decision.reason };
    if (decision.type === 'defer') return { type: 'defer', until: new Date(decision.until) };
  }
  const to = addressOf(m, customer, ctx);
  if (!to) return { type: 'skip', reason: 'noAddress' };
  const facts = { id: customer.id, email: customer.email, traits: customer.traits };
  const escaping = m.channel === 'email' ? 'html' : m.channel === 'webhook' ? 'json' : 'none';
  const body = salesNote
    ? { ok: true as const, text: m.template.body }
    : renderTemplate(m.template.body, facts, escaping);
  const subject =
    m.template.subject === undefined
      ? undefined
      : renderTemplate(m.template.subject, facts, 'none');
  const missing = [
    ...(body.ok ? [] : body.missing),
    ...(subject && !subject.ok ? subject.missing : []),
  ];
  if (missing.length > 0)
    return {
      type: 'fail',
      error: `TEMPLATE_VARIABLE_MISSING: the customer has no ${missing.join(', ')}; give the placeholder a fallback, {{ ${missing[0]} | "…" }}.`,
    };
  return {
    type: 'send',
    message: {
      idempotencyKey: m.idempotencyKey,
      channel: m.channel,
      to,
      ...(subject?.ok ? { subject: subject.text } : {}),
      body: body.ok ? body.text : '',
      customerId: customer.id,
      journeyId: m.journey.id,
      nodeId: m.nodeId,
    },
  };
}

function addressOf(m: OutboxMessage, customer: Customer, ctx: Context): string | undefined {
  switch (m.channel) {
    case 'email':
      return customer.email ?? undefined;
    case 'sms':
    case 'whatsapp':
      return ctx.phones.get(customer.id);
    case 'push':
      return customer.id;
    case 'webhook':
      return m.template.endpoint;
    default:
      return assertUnreachable(m.channel);
  }
}

const envFor = (channel: MessageChannel) =>
  ({
    email: 'SMTP_URL',
    sms: 'SMS_URL',
    whatsapp: 'WHATSAPP_URL',
    push: 'PUSH_URL',
    webhook: 'WEBHOOK_URLS',
  })[channel];
