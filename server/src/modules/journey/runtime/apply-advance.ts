import type { Advance, CustomerFacts } from '@cairn/schema';
import { assertUnreachable } from '@cairn/schema';
import {
  Customer,
  type JourneyEnrollment,
  JourneyStep,
  JourneyTimer,
  OutboxMessage,
  ScoreEntry,
  type Workspace,
} from '../../../db/entities';
import { newId } from '../../../db/ids';
import type { Em } from '../../../db/orm';

/** The idempotency key of a message: the same step of the same entry never sends twice. */
export const idempotencyKey = (e: JourneyEnrollment, nodeId: string) =>
  `${e.journey.id}:${e.version}:${e.customer.id}:${nodeId}:${e.entryNumber}`;

/** What applying moves changed on profiles (segments built on traits re-evaluate them). */
export interface ProfileChanges {
  readonly traitsChanged: Set<string>;
}

/**
 * Writes a move computed by the pure step functions: the step log, the enrollment's new position
 * and its timer, the queued messages (in the same transaction, so a crash before commit sends
 * nothing), and the profile actions (traits, scores, tags).
 */
export async function applyAdvance(
  em: Em,
  workspace: Workspace,
  enrollment: JourneyEnrollment,
  move: Advance,
  facts: CustomerFacts,
  now: Date,
  changes: ProfileChanges,
): Promise<void> {
  const steps = move.trace.map((t) => ({
    id: newId(),
    workspace: workspace.id,
    journey: enrollment.journey.id,
    version: enrollment.version,
    enrollment: enrollment.id,
    nodeId: t.nodeId,
    kind: t.type,
    handle: t.type === 'decide' || t.type === 'resume' ? t.handle : null,
    at: new Date(t.at),
  }));
  if (steps.length > 0) await em.insertMany(JourneyStep, steps);

  for (const effect of move.effects) {
    const a = effect.action;
    switch (a.type) {
      case 'send':
        if (a.channel && a.template)
          await queue(em, workspace, enrollment, effect.nodeId, a.channel, a.template, now);
        break;
      case 'notifySales':
        await queue(
          em,
          workspace,
          enrollment,
          effect.nodeId,
          'webhook',
          {
            endpoint: 'sales',
            body: JSON.stringify({
              type: 'sales.notification',
              message: a.message,
              customerId: enrollment.customer.id,
              email: facts.email ?? null,
            }),
          },
          now,
        );
        break;
      case 'setTrait':
        await setTraits(em, enrollment.customer.id, (traits) =>
          setPath(traits, a.path.split('.').slice(1), a.value),
        );
        changes.traitsChanged.add(enrollment.customer.id);
        break;
      case 'addTag':
        await setTraits(em, enrollment.customer.id, (traits) => {
          const tags = Array.isArray(traits['tags'])
            ? (traits['tags'] as unknown[]).filter((t) => typeof t === 'string')
            : [];
          return tags.includes(a.tag) ? traits : { ...traits, tags: [...tags, a.tag] };
        });
        changes.traitsChanged.add(enrollment.customer.id);
        break;
      case 'addScore': {
        const history = facts.scores?.[a.model]?.history ?? [];
        const current = history.filter((h) => h.at <= now.getTime()).at(-1)?.value ?? 0;
        em.create(ScoreEntry, {
          workspace,
          customer: enrollment.customer,
          model: a.model,
          at: now,
          value: current + a.points,
        });
        break;
      }
      default:
        assertUnreachable(a);
    }
  }

  await em.nativeDelete(JourneyTimer, { enrollment: enrollment.id });
  const p = move.position;
  if (p.status === 'waiting') {
    enrollment.nodeId = p.nodeId;
    enrollment.since = new Date(p.since);
    enrollment.awaiting = p.awaiting ?? null;
    em.create(JourneyTimer, { workspace, enrollment, nodeId: p.nodeId, dueAt: new Date(p.wakeAt) });
  } else {
    enrollment.nodeId = p.nodeId;
    enrollment.status = 'exited';
    enrollment.awaiting = null;
    enrollment.exitedAt = now;
    enrollment.exitReason = p.reason;
  }
  await em.flush();
}

async function queue(
  em: Em,
  workspace: Workspace,
  e: JourneyEnrollment,
  nodeId: string,
  channel: OutboxMessage['channel'],
  template: OutboxMessage['template'],
  now: Date,
): Promise<void> {
  await em
    .createQueryBuilder(OutboxMessage)
    .insert({
      id: newId(),
      workspace: workspace.id,
      journey: e.journey.id,
      version: e.version,
      customer: e.customer.id,
      nodeId,
      entryNumber: e.entryNumber,
      idempotencyKey: idempotencyKey(e, nodeId),
      channel,
      template,
      status: 'pending',
      dueAt: now,
      attempts: 0,
      createdAt: now,
    })
    .onConflict(['workspace', 'idempotencyKey'])
    .ignore()
    .execute();
}

async function setTraits(
  em: Em,
  customerId: string,
  change: (traits: Record<string, unknown>) => Record<string, unknown>,
): Promise<void> {
  const customer = await em.findOneOrFail(Customer, { id: customerId });
  customer.traits = change(customer.traits);
}

function setPath(
  obj: Record<string, unknown>,
  keys: readonly string[],
  value: unknown,
): Record<string, unknown> {
  const [head, ...rest] = keys;
  if (head === undefined) return obj;
  const current = obj[head];
  const child =
    current !== null && typeof current === 'object' && !Array.isArray(current)
      ? (current as Record<string, unknown>)
      : {};
  const next = { ...obj };
  Object.defineProperty(next, head, {
    value: rest.length === 0 ? value : setPath(child, rest, value),
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return next;
}
