import type { RequiredEntityData } from '@mikro-orm/core';
import type { Advance, CustomerFacts } from '@cairn/schema';
import { assertUnreachable } from '@cairn/schema';
import {
  Customer,
  JourneyStep,
  JourneyTimer,
  OutboxMessage,
  ScoreEntry,
  type JourneyEnrollment,
  type Workspace,
} from '../../../db/entities';
import { chunks } from '../../../db/chunks';
import { newId } from '../../../db/ids';
import type { Em } from '../../../db/orm';
import { updateMemberships } from '../../segment/membership/segment-updater';
import { journeysOnScoreChanges, type ScoreChange } from './on-score-change';

/** Where a move starts: the node the enrollment is at (the trigger, or a wait) and since when. */
export interface MoveStart {
  readonly nodeId: string;
  readonly since: Date;
}

/**
 * The idempotency key of a message: journey version, customer, node and entry number, then where
 * the move started (the trigger or the wait it resumes, and since when). A retried move starts
 * from the same stored position, so it writes the same key and the same step of the same entry
 * never sends twice; a loop (which must pass a wait) reaches a send again from a later wait, so
 * each pass is a message of its own.
 */
export const idempotencyKey = (e: JourneyEnrollment, nodeId: string, from: MoveStart) =>
  `${e.journey.id}:${e.version}:${e.customer.id}:${nodeId}:${e.entryNumber}:${from.nodeId}@${from.since.getTime()}`;

/** What applying moves changed on profiles (segments built on traits re-evaluate them). */
export interface ProfileChanges {
  readonly traitsChanged: Set<string>;
}

/**
 * The moves of one transaction, computed by the pure step functions and written together: the
 * step log and the queued messages as multi-row inserts, stale timers in one delete, positions
 * and new timers in one flush. (A flush per move would compare every managed entity each time;
 * a batch of 200 timers took seconds that way.) Messages are written in the transaction of the
 * move that asked for them, so a crash before commit sends nothing.
 */
export class MoveBatch {
  readonly changes: ProfileChanges = { traitsChanged: new Set() };
  private readonly steps: Array<RequiredEntityData<JourneyStep>> = [];
  private readonly messages: Array<RequiredEntityData<OutboxMessage>> = [];
  private readonly scores: ScoreChange[] = [];
  /** Enrollments whose stored timer is obsolete. */
  private readonly staleTimers = new Set<string>();
  /** Timers created by this batch, not stored yet, by enrollment id. */
  private readonly newTimers = new Map<string, JourneyTimer>();

  constructor(
    readonly em: Em,
    readonly workspace: Workspace,
    readonly now: Date,
  ) {}

  /** When the enrollment's wait ends as this batch leaves it: undefined when it has no timer. */
  async wakeAt(enrollmentId: string): Promise<Date | undefined> {
    const pending = this.newTimers.get(enrollmentId);
    if (pending) return pending.dueAt;
    if (this.staleTimers.has(enrollmentId)) return undefined;
    const stored = await this.em.findOne(
      JourneyTimer,
      { enrollment: enrollmentId },
      { fields: ['dueAt'] },
    );
    return stored?.dueAt;
  }

  /** Records one move of an enrollment whose row exists (entered earlier, or just inserted). */
  async apply(enrollment: JourneyEnrollment, move: Advance, facts: CustomerFacts): Promise<void> {
    const { em, workspace, now } = this;
    const from: MoveStart = { nodeId: enrollment.nodeId, since: enrollment.since };
    for (const t of move.trace)
      this.steps.push({
        id: newId(),
        workspace: workspace.id,
        journey: enrollment.journey.id,
        version: enrollment.version,
        enrollment: enrollment.id,
        nodeId: t.nodeId,
        kind: t.type,
        handle: t.type === 'decide' || t.type === 'resume' ? t.handle : null,
        at: new Date(t.at),
      });
    for (const effect of move.effects) {
      const a = effect.action;
      switch (a.type) {
        case 'send':
          if (a.channel && a.template)
            this.queue(enrollment, effect.nodeId, from, a.channel, a.template);
          break;
        case 'notifySales':
          this.queue(enrollment, effect.nodeId, from, 'webhook', {
            endpoint: 'sales',
            body: JSON.stringify({
              type: 'sales.notification',
              message: a.message,
              customerId: enrollment.customer.id,
              email: facts.email ?? null,
            }),
          });
          break;
        case 'setTrait':
          await this.setTraits(enrollment.customer.id, (traits) =>
            setPath(traits, a.path.split('.').slice(1), a.value),
          );
          break;
        case 'addTag':
          await this.setTraits(enrollment.customer.id, (traits) => {
            const tags = Array.isArray(traits['tags'])
              ? (traits['tags'] as unknown[]).filter((t) => typeof t === 'string')
              : [];
            return tags.includes(a.tag) ? traits : { ...traits, tags: [...tags, a.tag] };
          });
          break;
        case 'addScore': {
          const earlier = this.scores
            .filter((s) => s.customerId === enrollment.customer.id && s.model === a.model)
            .at(-1);
          const history = facts.scores?.[a.model]?.history ?? [];
          const before = earlier
            ? earlier.after
            : history.filter((h) => h.at <= now.getTime()).at(-1)?.value;
          const after = (before ?? 0) + a.points;
          em.create(ScoreEntry, {
            workspace,
            customer: enrollment.customer,
            model: a.model,
            at: now,
            value: after,
          });
          this.scores.push({
            customerId: enrollment.customer.id,
            model: a.model,
            before: before ?? null,
            after,
          });
          break;
        }
        default:
          assertUnreachable(a);
      }
    }

    const pending = this.newTimers.get(enrollment.id);
    if (pending) {
      em.remove(pending);
      this.newTimers.delete(enrollment.id);
    }
    this.staleTimers.add(enrollment.id);
    const p = move.position;
    enrollment.nodeId = p.nodeId;
    if (p.status === 'waiting') {
      enrollment.since = new Date(p.since);
      enrollment.awaiting = p.awaiting ?? null;
      const timer = em.create(JourneyTimer, {
        workspace,
        enrollment,
        nodeId: p.nodeId,
        dueAt: new Date(p.wakeAt),
      });
      this.newTimers.set(enrollment.id, timer);
    } else {
      enrollment.status = 'exited';
      enrollment.awaiting = null;
      enrollment.exitedAt = now;
      enrollment.exitReason = p.reason;
    }
  }

  /** An enrollment that ends outside a move (a goal reached with exit on goal). */
  exit(enrollment: JourneyEnrollment, reason: string): void {
    const pending = this.newTimers.get(enrollment.id);
    if (pending) {
      this.em.remove(pending);
      this.newTimers.delete(enrollment.id);
    }
    this.staleTimers.add(enrollment.id);
    enrollment.status = 'exited';
    enrollment.exitedAt = this.now;
    enrollment.exitReason = reason;
    enrollment.awaiting = null;
  }

  /** A step-log row outside a move (a conversion). */
  log(enrollment: JourneyEnrollment, nodeId: string, kind: string): void {
    this.steps.push({
      id: newId(),
      workspace: this.workspace.id,
      journey: enrollment.journey.id,
      version: enrollment.version,
      enrollment: enrollment.id,
      nodeId,
      kind,
      handle: null,
      at: this.now,
    });
  }

  /** Writes everything, in an order the keys allow, then lets segments and score triggers react. */
  async write(): Promise<void> {
    const { em } = this;
    for (const ids of chunks([...this.staleTimers]))
      await em.nativeDelete(JourneyTimer, { enrollment: { $in: ids } });
    for (const rows of chunks(this.steps)) await em.insertMany(JourneyStep, rows);
    for (const rows of chunks(this.messages))
      await em
        .createQueryBuilder(OutboxMessage)
        .insert(rows)
        .onConflict(['workspace', 'idempotencyKey'])
        .ignore()
        .execute();
    await em.flush();
    await journeysOnScoreChanges(em, this.workspace.id, this.scores, this.now);
    await profileChangesToSegments(em, this.workspace, this.changes, this.now);
    this.steps.length = 0;
    this.messages.length = 0;
    this.scores.length = 0;
    this.staleTimers.clear();
    this.newTimers.clear();
  }

  private queue(
    e: JourneyEnrollment,
    nodeId: string,
    from: MoveStart,
    channel: OutboxMessage['channel'],
    template: OutboxMessage['template'],
  ): void {
    this.messages.push({
      id: newId(),
      workspace: this.workspace.id,
      journey: e.journey.id,
      version: e.version,
      customer: e.customer.id,
      nodeId,
      entryNumber: e.entryNumber,
      idempotencyKey: idempotencyKey(e, nodeId, from),
      channel,
      template,
      status: 'pending',
      dueAt: this.now,
      attempts: 0,
      createdAt: this.now,
    });
  }

  private async setTraits(
    customerId: string,
    change: (traits: Record<string, unknown>) => Record<string, unknown>,
  ): Promise<void> {
    const customer = await this.em.findOneOrFail(Customer, { id: customerId });
    customer.traits = change(customer.traits);
    this.changes.traitsChanged.add(customerId);
  }
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
  // defineProperty, not assignment: a key such as "__proto__" stays a plain own key.
  Object.defineProperty(next, head, {
    value: rest.length === 0 ? value : setPath(child, rest, value),
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return next;
}

/** Segments that read the traits journey actions changed are re-evaluated for those customers. */
export async function profileChangesToSegments(
  em: Em,
  workspace: Workspace,
  changes: ProfileChanges,
  now: Date,
): Promise<void> {
  if (changes.traitsChanged.size === 0) return;
  const changed = new Map([...changes.traitsChanged].map((id) => [id, 'all' as const]));
  await updateMemberships(em, workspace, changed, now, 'data');
}
