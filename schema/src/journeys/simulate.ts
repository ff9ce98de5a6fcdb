import type { CustomerFacts, EventFact } from '../rules/facts';
import type { MessageChannel, MessageTemplate } from './journey.types';
import type { JourneyPlan } from './plan.types';
import {
  advance,
  resumeOnEvent,
  resumeOnTimer,
  type Advance,
  type Position,
  type TraceEntry,
} from './runtime/advance';
import { eventTriggers, goalReached } from './runtime/entry';
import { decideSend, type SendDecision } from './runtime/send-policy';
import { renderTemplate, type RenderResult } from './templates';

export interface SimulationOptions {
  /** When the simulation starts (Unix ms); non-event triggers enter the customer then. */
  readonly start: number;
  /** The customer's time zone (waits until a time of day, quiet hours). Default UTC. */
  readonly timeZone?: string;
  /** How far past the start to follow the customer. Default 400 days. */
  readonly horizonMs?: number;
}

export interface SimulatedSend {
  readonly nodeId: string;
  readonly channel: MessageChannel;
  /** When the send step ran; a message deferred by quiet hours goes out at `decision.until`. */
  readonly at: number;
  readonly decision: SendDecision;
  readonly subject?: RenderResult;
  readonly body: RenderResult;
}

export interface Simulation {
  readonly entered: boolean;
  readonly enteredAt?: number;
  /** Every step taken, in order, each with its time and (for decisions) the evaluated rule. */
  readonly trace: readonly TraceEntry[];
  readonly sends: readonly SimulatedSend[];
  /** Where the customer is at the end: still waiting (at the horizon), or gone and why. */
  readonly position?: Position;
  readonly converted?: { readonly goalNodeId: string; readonly at: number };
}

const DEFAULT_HORIZON = 400 * 86_400_000;
const MAX_MOVES = 10_000;

/**
 * Follows one customer through a journey on a virtual clock: the path taken with timestamps,
 * each decision's explanation, and the messages it would send (consent, frequency cap and quiet
 * hours applied as at send time). Touches no data and sends nothing: it runs the same step
 * functions as the runtime. `timeline` holds events that happen after `start`, in any order;
 * `facts.events` is the history before it.
 *
 * @example
 * simulateJourney(plan, facts, [{ name: 'Cart Abandoned', occurredAt: t0, properties: {} }], { start: t0 - 1 })
 */
export function simulateJourney(
  plan: JourneyPlan,
  facts: CustomerFacts,
  timeline: readonly EventFact[],
  options: SimulationOptions,
): Simulation {
  const timeZone = options.timeZone ?? 'UTC';
  const horizon = options.start + (options.horizonMs ?? DEFAULT_HORIZON);
  const pending = [...timeline]
    .filter((e) => e.occurredAt >= options.start)
    .sort((a, b) => a.occurredAt - b.occurredAt);
  let known: CustomerFacts = facts;
  const happen = (e: EventFact) => (known = { ...known, events: [...known.events, e] });

  let enteredAt: number | undefined;
  let i = 0;
  if (plan.trigger.spec.type === 'event') {
    for (; i < pending.length && enteredAt === undefined; i++) {
      const e = pending[i]!;
      happen(e);
      if (eventTriggers(plan.trigger.spec, e, timeZone)) enteredAt = e.occurredAt;
    }
  } else enteredAt = options.start;
  if (enteredAt === undefined) return { entered: false, trace: [], sends: [] };

  const trace: TraceEntry[] = [];
  const sends: SimulatedSend[] = [];
  let converted: Simulation['converted'];
  const apply = (move: Advance, now: number): Position => {
    trace.push(...move.trace);
    for (const effect of move.effects) {
      if (effect.action.type !== 'send' || !effect.action.channel) continue;
      const template: MessageTemplate = effect.action.template ?? { body: '' };
      const decision = decideSend({
        channel: effect.action.channel,
        consent: known.consent,
        sentAt: sends.filter((s) => s.decision.type !== 'skip').map((s) => s.at),
        settings: plan.settings,
        now,
        timeZone,
      });
      const escaping =
        effect.action.channel === 'email'
          ? 'html'
          : effect.action.channel === 'webhook'
            ? 'json'
            : 'none';
      sends.push({
        nodeId: effect.nodeId,
        channel: effect.action.channel,
        at: now,
        decision,
        ...(template.subject === undefined
          ? {}
          : { subject: renderTemplate(template.subject, known, 'none') }),
        body: renderTemplate(template.body, known, escaping),
      });
    }
    return move.position;
  };

  let position = apply(
    advance(plan, plan.trigger.next, { facts: known, now: enteredAt, timeZone }),
    enteredAt,
  );
  for (let moves = 0; position.status === 'waiting' && moves < MAX_MOVES; moves++) {
    const event = pending[i];
    const eventFirst = event !== undefined && event.occurredAt <= position.wakeAt;
    const now = eventFirst ? event.occurredAt : position.wakeAt;
    if (now > horizon) break;
    if (eventFirst) {
      i++;
      happen(event);
      const goal = converted ? undefined : goalReached(plan, event, enteredAt, timeZone);
      if (goal) {
        converted = { goalNodeId: goal.nodeId, at: now };
        if (plan.settings.exitOnGoal) {
          trace.push({ type: 'exit', nodeId: goal.nodeId, at: now, reason: 'goal' });
          position = { status: 'exited', nodeId: goal.nodeId, reason: 'goal' };
          break;
        }
      }
      const move = resumeOnEvent(plan, position, event, { facts: known, now, timeZone });
      if (move) position = apply(move, now);
      continue;
    }
    const move = resumeOnTimer(plan, position, { facts: known, now, timeZone });
    if (!move) break;
    position = apply(move, now);
  }
  return { entered: true, enteredAt, trace, sends, position, ...(converted ? { converted } : {}) };
}
