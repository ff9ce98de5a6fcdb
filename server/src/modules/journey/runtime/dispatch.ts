import { assertUnreachable, decideSend, renderTemplate, type MessageChannel } from '@cairn/schema';
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

export interface DispatchOptions {
  readonly limit?: number;
  readonly leaseMs?: number;
  readonly maxAttempts?: number;
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

/**
 * Sends the due messages of the outbox. Each is claimed with a lease, then checked now, at send
 * time: consent for the channel, the journey's frequency cap, quiet hours in the customer's time
 * zone, the template's variables. A send that fails is retried with back-off and dead-lettered
 * after `maxAttempts`. A crash between the provider's answer and the `sent` mark leaves the lease
 * to expire, and the message goes again with the same idempotency key: receivers drop repeats,
 * so each message has its effect once.
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
  for (const claim of claimed) {
    const em = orm.em.fork();
    scopeToWorkspace(em, claim.workspace.id);
    const held = { id: claim.id, leaseUntil: claim.leaseUntil, status: 'pending' as const };
    let verdict: Verdict;
    try {
      verdict = await check(em, claim, channels, now);
    } catch (error) {
      verdict = { type: 'fail', error: error instanceof Error ? error.message : String(error) };
    }
    if (verdict.type === 'skip') {
      await em.nativeUpdate(OutboxMessage, held, {
        status: 'skipped',
        skipReason: verdict.reason,
        leaseUntil: null,
      });
      run.skipped++;
      continue;
    }
    if (verdict.type === 'defer') {
      await em.nativeUpdate(OutboxMessage, held, { dueAt: verdict.until, leaseUntil: null });
      run.deferred++;
      continue;
    }
    if (verdict.type === 'fail') {
      await em.nativeUpdate(OutboxMessage, held, {
        status: 'failed',
        lastError: verdict.error.slice(0, 2_000),
        leaseUntil: null,
      });
      run.failed++;
      continue;
    }
    try {
      const provider = channels[claim.channel]!;
      const result = await provider.send(verdict.message);
      await em.nativeUpdate(OutboxMessage, held, {
        status: 'sent',
        sentAt: now,
        providerMessageId: result.providerMessageId ?? null,
        leaseUntil: null,
      });
      run.sent++;
    } catch (error) {
      const attempts = claim.attempts + 1;
      const permanent = error instanceof PermanentSendError || attempts >= maxAttempts;
      await em.nativeUpdate(OutboxMessage, held, {
        attempts,
        leaseUntil: null,
        lastError: (error instanceof Error ? error.message : String(error)).slice(0, 2_000),
        ...(permanent
          ? { status: 'failed' as const }
          : { dueAt: new Date(now.getTime() + backoffMs(attempts)) }),
      });
      if (permanent) run.failed++;
    }
  }
  return run;
}

/** The send-time decision for one message, and the message itself when it goes. */
async function check(em: Em, m: OutboxMessage, channels: Channels, now: Date): Promise<Verdict> {
  if (!channels[m.channel])
    return {
      type: 'fail',
      error: `CHANNEL_NOT_CONFIGURED: no provider for ${m.channel}; set ${envFor(m.channel)} and restart.`,
    };
  const [customer, journey, consents, earlier] = await Promise.all([
    em.findOne(Customer, { id: m.customer.id }),
    em.findOne(Journey, { id: m.journey.id }),
    em.find(
      ConsentRecord,
      { customer: m.customer.id },
      { orderBy: { recordedAt: 'asc', id: 'asc' } },
    ),
    em.find(
      OutboxMessage,
      { journey: m.journey.id, customer: m.customer.id, status: 'sent' },
      { fields: ['sentAt'] },
    ),
  ]);
  if (!customer) return { type: 'skip', reason: 'customerGone' };
  if (!journey || journey.status === 'archived') return { type: 'skip', reason: 'archived' };
  const consent: Record<string, boolean> = {};
  for (const c of consents)
    Object.defineProperty(consent, c.channel, {
      value: c.granted,
      enumerable: true,
      writable: true,
    });
  const plan = (await loadPlans(em, [{ journeyId: m.journey.id, version: m.version }])).get(
    planKey(m.journey.id, m.version),
  );
  const settings = plan?.settings ?? {};
  if (m.channel !== 'webhook' || m.template.endpoint !== 'sales') {
    const decision = decideSend({
      channel: m.channel,
      consent,
      sentAt: earlier.flatMap((e) => (e.sentAt ? [e.sentAt.getTime()] : [])),
      settings,
      now: now.getTime(),
      timeZone: customer.timeZone ?? 'UTC',
    });
    if (decision.type === 'skip') return { type: 'skip', reason: decision.reason };
    if (decision.type === 'defer') return { type: 'defer', until: new Date(decision.until) };
  }
  const to = await addressOf(em, m, customer);
  if (!to) return { type: 'skip', reason: 'noAddress' };
  const facts = { id: customer.id, email: customer.email, traits: customer.traits };
  const escaping = m.channel === 'email' ? 'html' : m.channel === 'webhook' ? 'json' : 'none';
  const body =
    m.template.endpoint === 'sales'
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

async function addressOf(
  em: Em,
  m: OutboxMessage,
  customer: Customer,
): Promise<string | undefined> {
  switch (m.channel) {
    case 'email':
      return customer.email ?? undefined;
    case 'sms':
    case 'whatsapp': {
      const phone = await em.findOne(
        Identity,
        { customer: customer.id, kind: 'phone' },
        { orderBy: { createdAt: 'asc' } },
      );
      return phone?.value;
    }
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
