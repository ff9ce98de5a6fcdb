import { assertUnreachable } from '../../assert-unreachable';
import { explain, filterMatches, type Explanation } from '../../rules/explain';
import type { CustomerFacts, EventFact } from '../../rules/facts';
import { durationMs } from '../../rules/time';
import type { ActionSpec } from '../journey.types';
import { ON_EVENT, ON_TIMEOUT } from '../handles';
import { nextLocalTime } from '../local-time';
import type { JourneyPlan, PlanStep } from '../plan.types';

/** What a step needs to know: the customer's facts as of `now`, and their time zone. */
export interface StepContext {
  readonly facts: CustomerFacts;
  readonly now: number;
  readonly timeZone: string;
}

/** Where a customer is in a journey after a move. */
export type Position =
  | {
      readonly status: 'waiting';
      readonly nodeId: string;
      /** When the customer reached the wait. */
      readonly since: number;
      /** When the wait ends (the timeout, for a wait for an event). */
      readonly wakeAt: number;
      /** For a wait for an event: the event that ends it early. */
      readonly awaiting?: string;
    }
  | { readonly status: 'exited'; readonly nodeId: string; readonly reason: ExitReason };

export type ExitReason = 'exit' | 'goal' | 'stepLimit';

/** An action to carry out, from the node that asked for it. */
export interface Effect {
  readonly nodeId: string;
  readonly action: ActionSpec;
}

/** One thing that happened on the way, for simulation and explanation. */
export type TraceEntry =
  | {
      readonly type: 'decide';
      readonly nodeId: string;
      readonly at: number;
      readonly handle: string;
      readonly explanation?: Explanation;
    }
  | {
      readonly type: 'action';
      readonly nodeId: string;
      readonly at: number;
      readonly action: ActionSpec['type'];
    }
  | {
      readonly type: 'wait';
      readonly nodeId: string;
      readonly at: number;
      readonly wakeAt: number;
      readonly awaiting?: string;
    }
  | {
      readonly type: 'resume';
      readonly nodeId: string;
      readonly at: number;
      readonly handle: string;
    }
  | {
      readonly type: 'exit';
      readonly nodeId: string;
      readonly at: number;
      readonly reason: ExitReason;
    };

export interface Advance {
  readonly position: Position;
  readonly effects: readonly Effect[];
  readonly trace: readonly TraceEntry[];
}

/** Steps taken in one move at most; a compiled plan cannot loop without a wait, so this is a guard. */
export const MAX_STEPS_PER_MOVE = 1_000;

/**
 * Moves a customer from `nodeId` through every step that takes no time (decisions, actions, exits)
 * until they reach a wait or leave. Pure: the caller persists the position and carries out the
 * effects (the runtime through its outbox, the simulator by recording them). `setTrait` actions
 * are applied to the facts that later decisions in the same move see.
 *
 * @example
 * const { position, effects } = advance(plan, plan.trigger.next, { facts, now, timeZone: 'UTC' });
 */
export function advance(plan: JourneyPlan, nodeId: string, ctx: StepContext): Advance {
  const effects: Effect[] = [];
  const trace: TraceEntry[] = [];
  let facts = ctx.facts;
  let at = nodeId;
  for (let taken = 0; taken < MAX_STEPS_PER_MOVE; taken++) {
    const step: PlanStep | undefined = plan.steps[at];
    if (!step) return exit(at, 'exit', ctx.now, effects, trace); // unreachable for a compiled plan
    switch (step.type) {
      case 'decide': {
        const options = { now: ctx.now, timeZone: ctx.timeZone };
        let chosen: { handle: string; next: string } | undefined;
        let explanation: Explanation | undefined;
        for (const b of step.branches) {
          explanation = explain(b.rule, facts, options);
          if (explanation.result) {
            chosen = b;
            break;
          }
        }
        chosen ??= step.otherwise ?? step.branches[step.branches.length - 1]!;
        trace.push({
          type: 'decide',
          nodeId: at,
          at: ctx.now,
          handle: chosen.handle,
          ...(explanation ? { explanation } : {}),
        });
        at = chosen.next;
        continue;
      }
      case 'action':
        effects.push({ nodeId: at, action: step.action });
        trace.push({ type: 'action', nodeId: at, at: ctx.now, action: step.action.type });
        if (step.action.type === 'setTrait')
          facts = withTrait(facts, step.action.path, step.action.value);
        at = step.next;
        continue;
      case 'wait':
      case 'waitForEvent': {
        const position = waitAt(step, ctx.now, ctx.timeZone);
        trace.push({
          type: 'wait',
          nodeId: at,
          at: ctx.now,
          wakeAt: position.wakeAt,
          ...(position.awaiting ? { awaiting: position.awaiting } : {}),
        });
        return { position, effects, trace };
      }
      case 'exit':
        return exit(at, 'exit', ctx.now, effects, trace);
      default:
        return assertUnreachable(step);
    }
  }
  return exit(at, 'stepLimit', ctx.now, effects, trace);
}

/** The position of a customer who reaches a wait step at `since`. */
export function waitAt(
  step: Extract<PlanStep, { type: 'wait' | 'waitForEvent' }>,
  since: number,
  timeZone: string,
): Extract<Position, { status: 'waiting' }> {
  if (step.type === 'waitForEvent')
    return {
      status: 'waiting',
      nodeId: step.nodeId,
      since,
      wakeAt: since + durationMs(step.timeout),
      awaiting: step.event,
    };
  const w = step.wait;
  switch (w.type) {
    case 'duration':
      return {
        status: 'waiting',
        nodeId: step.nodeId,
        since,
        wakeAt: since + durationMs(w.duration),
      };
    case 'until':
      return {
        status: 'waiting',
        nodeId: step.nodeId,
        since,
        wakeAt: nextLocalTime(since, w.time, w.weekdays, timeZone),
      };
    default:
      return assertUnreachable(w);
  }
}

/**
 * Ends a wait whose time has come (`ctx.now >= wakeAt`): a wait goes on to its next step, a wait
 * for an event takes its `timeout` output. Undefined when the wait is not over yet.
 */
export function resumeOnTimer(
  plan: JourneyPlan,
  position: Position,
  ctx: StepContext,
): Advance | undefined {
  if (position.status !== 'waiting' || ctx.now < position.wakeAt) return undefined;
  const step = plan.steps[position.nodeId];
  if (!step || (step.type !== 'wait' && step.type !== 'waitForEvent')) return undefined;
  const [handle, next] = step.type === 'wait' ? ['next', step.next] : [ON_TIMEOUT, step.onTimeout];
  return resumed(plan, position.nodeId, handle, next, ctx);
}

/**
 * Ends a wait for an event early when `event` is it (name and filter, at or after the wait began
 * and before its timeout): the customer takes the `event` output. Undefined otherwise.
 */
export function resumeOnEvent(
  plan: JourneyPlan,
  position: Position,
  event: EventFact,
  ctx: StepContext,
): Advance | undefined {
  if (position.status !== 'waiting' || position.awaiting === undefined) return undefined;
  const step = plan.steps[position.nodeId];
  if (!step || step.type !== 'waitForEvent' || event.name !== step.event) return undefined;
  if (event.occurredAt < position.since || event.occurredAt > position.wakeAt) return undefined;
  if (
    step.where &&
    !filterMatches(step.where, event.properties, { now: ctx.now, timeZone: ctx.timeZone })
  )
    return undefined;
  return resumed(plan, position.nodeId, ON_EVENT, step.onEvent, ctx);
}

function resumed(
  plan: JourneyPlan,
  nodeId: string,
  handle: string,
  next: string,
  ctx: StepContext,
): Advance {
  const rest = advance(plan, next, ctx);
  return { ...rest, trace: [{ type: 'resume', nodeId, at: ctx.now, handle }, ...rest.trace] };
}

function exit(
  nodeId: string,
  reason: ExitReason,
  at: number,
  effects: Effect[],
  trace: TraceEntry[],
): Advance {
  trace.push({ type: 'exit', nodeId, at, reason });
  return { position: { status: 'exited', nodeId, reason }, effects, trace };
}

/** The facts with one trait set (a dotted path below `traits.`), leaving the original untouched. */
export function withTrait(facts: CustomerFacts, path: string, value: unknown): CustomerFacts {
  const keys = path.split('.').slice(1);
  const set = (obj: unknown, i: number): Record<string, unknown> => {
    const base =
      obj !== null && typeof obj === 'object' && !Array.isArray(obj)
        ? { ...(obj as Record<string, unknown>) }
        : {};
    const key = keys[i]!;
    const next = i === keys.length - 1 ? value : set(base[key], i + 1);
    // defineProperty, not assignment: a key such as "__proto__" stays a plain own key.
    Object.defineProperty(base, key, {
      value: next,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    return base;
  };
  return { ...facts, traits: set(facts.traits, 0) };
}
