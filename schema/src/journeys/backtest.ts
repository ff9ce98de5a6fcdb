import type { CustomerFacts } from '../rules/facts';
import type { MessageChannel } from './journey.types';
import type { JourneyPlan } from './plan.types';
import { mayEnter } from './runtime/entry';
import { simulateJourney, type Simulation } from './simulate';

/** One sampled customer: everything known about them, all their events (before and in the window). */
export interface BacktestCustomer {
  readonly facts: CustomerFacts;
  readonly timeZone?: string;
  /**
   * For triggers other than an event: the instants in the window at which the trigger fired for
   * this customer (segment entries or exits, score crossings, schedule occurrences; the window's
   * start for an API trigger). Event triggers find their entries in `facts.events`.
   */
  readonly entries?: readonly number[];
}

export interface BacktestWindow {
  /** Replay from (Unix ms, inclusive). */
  readonly from: number;
  /** Replay until (Unix ms, inclusive): customers still waiting then count as waiting. */
  readonly to: number;
}

export interface BacktestNodeCounts {
  readonly nodeId: string;
  /** Entries that reached the step. */
  readonly entered: number;
  /** Entries waiting at the step when the window ends. */
  readonly waiting: number;
  /** Entries that ended at the step. */
  readonly exited: number;
  /** Of the entries that reached the step, how many converted. */
  readonly converted: number;
}

/** What one send step would have sent: messages out, held for quiet hours, and skipped by reason. */
export interface ProjectedSends {
  readonly nodeId: string;
  readonly channel: MessageChannel;
  readonly sent: number;
  readonly deferred: number;
  readonly skippedNoConsent: number;
  readonly skippedFrequencyCap: number;
}

export interface Backtest {
  /** Customers replayed. */
  readonly customers: number;
  /** Customers who entered at least once. */
  readonly enteredCustomers: number;
  /** Entries (a customer may enter more than once, as the re-entry policy allows). */
  readonly entered: number;
  /** Entries still waiting when the window ends. */
  readonly active: number;
  /** Entries that reached a goal. */
  readonly converted: number;
  /** converted / entered; null when nobody entered. */
  readonly conversionRate: number | null;
  /** Every node of the journey, in the graph's order, the trigger first. */
  readonly nodes: readonly BacktestNodeCounts[];
  /** Every send step, in the graph's order. */
  readonly sends: readonly ProjectedSends[];
}

/** Entries per customer at most, whatever the policy says: a daily schedule over a year is 365. */
export const MAX_BACKTEST_ENTRIES = 400;

/**
 * Replays a journey (a draft's plan or a published one) over sampled customers' real history on a
 * virtual clock, with the runtime's own step functions (`simulateJourney`): each customer enters
 * as the trigger fired for them in the window, as often as the re-entry policy and entry cap let
 * them, and the result counts, per node, the entries that reached it, waited there at the end,
 * ended there and converted, and per send step the messages it would have sent (consent, frequency
 * cap and quiet hours applied as at send time). Pure: nothing is stored or sent.
 *
 * Limits of the projection: the frequency cap counts one entry's messages (the runtime counts the
 * journey's), and the facts the rules read are today's profile with the events as they happened.
 *
 * @example
 * backtestJourney(plan, [{ facts }], { from: Date.parse('2026-11-01'), to: Date.parse('2026-12-01') })
 */
export function backtestJourney(
  plan: JourneyPlan,
  customers: readonly BacktestCustomer[],
  window: BacktestWindow,
): Backtest {
  const nodes = new Map<string, Omit<BacktestNodeCounts, 'nodeId'>>(
    [plan.trigger.nodeId, ...Object.keys(plan.steps), ...plan.goals.map((g) => g.nodeId)].map(
      (id) => [id, { entered: 0, waiting: 0, exited: 0, converted: 0 }],
    ),
  );
  const sends = new Map<string, ProjectedSends>();
  for (const step of Object.values(plan.steps))
    if (step.type === 'action' && step.action.type === 'send' && step.action.channel)
      sends.set(step.nodeId, {
        nodeId: step.nodeId,
        channel: step.action.channel,
        sent: 0,
        deferred: 0,
        skippedNoConsent: 0,
        skippedFrequencyCap: 0,
      });
  let enteredCustomers = 0;
  let entered = 0;
  let active = 0;
  let converted = 0;

  const count = (run: Simulation) => {
    entered++;
    if (run.position?.status === 'waiting') active++;
    if (run.converted) converted++;
    const reached = new Set([
      plan.trigger.nodeId,
      ...run.trace.filter((t) => t.type !== 'resume').map((t) => t.nodeId),
    ]);
    const bump = (id: string, field: keyof Omit<BacktestNodeCounts, 'nodeId'>) => {
      const n = nodes.get(id);
      if (n) nodes.set(id, { ...n, [field]: n[field] + 1 });
    };
    for (const id of reached) {
      bump(id, 'entered');
      if (run.converted) bump(id, 'converted');
    }
    if (run.position)
      bump(run.position.nodeId, run.position.status === 'waiting' ? 'waiting' : 'exited');
    for (const s of run.sends) {
      const p = sends.get(s.nodeId);
      if (!p) continue;
      const d = s.decision;
      sends.set(s.nodeId, {
        ...p,
        sent: p.sent + (d.type === 'send' ? 1 : 0),
        deferred: p.deferred + (d.type === 'defer' ? 1 : 0),
        skippedNoConsent:
          p.skippedNoConsent + (d.type === 'skip' && d.reason === 'noConsent' ? 1 : 0),
        skippedFrequencyCap:
          p.skippedFrequencyCap + (d.type === 'skip' && d.reason === 'frequencyCap' ? 1 : 0),
      });
    }
  };

  for (const customer of customers) {
    const runs = replayCustomer(plan, customer, window);
    if (runs.length > 0) enteredCustomers++;
    runs.forEach(count);
  }
  return {
    customers: customers.length,
    enteredCustomers,
    entered,
    active,
    converted,
    conversionRate: entered === 0 ? null : converted / entered,
    nodes: [...nodes].map(([nodeId, n]) => ({ nodeId, ...n })),
    sends: [...sends.values()],
  };
}

/** One customer's entries in the window, each followed to its end or the window's. */
function replayCustomer(
  plan: JourneyPlan,
  customer: BacktestCustomer,
  window: BacktestWindow,
): Simulation[] {
  const events = [...customer.facts.events].sort((a, b) => a.occurredAt - b.occurredAt);
  const byEvent = plan.trigger.spec.type === 'event';
  const planned = byEvent
    ? []
    : [...(customer.entries ?? [])]
        .filter((t) => t >= window.from && t <= window.to)
        .sort((a, b) => a - b);
  const runs: Simulation[] = [];
  const simulate = (start: number) =>
    simulateJourney(
      plan,
      { ...customer.facts, events: events.filter((e) => e.occurredAt < start) },
      events.filter((e) => e.occurredAt >= start && e.occurredAt <= window.to),
      {
        start,
        horizonMs: window.to - start,
        ...(customer.timeZone ? { timeZone: customer.timeZone } : {}),
      },
    );
  let cursor = window.from;
  let busyUntil = -Infinity; // when the latest entry ended (Infinity: still waiting at the window's end)
  while (runs.length < MAX_BACKTEST_ENTRIES && cursor <= window.to) {
    // The next time the trigger fires: the next trigger event, or the next planned instant.
    let run: Simulation | undefined;
    let at: number;
    if (byEvent) {
      run = simulate(cursor);
      if (!run.entered) break;
      at = run.enteredAt!;
    } else {
      const next = planned.find((t) => t >= cursor);
      if (next === undefined) break;
      at = next;
    }
    cursor = at + 1;
    const decision = mayEnter(plan.settings, {
      entries: runs.length,
      active: busyUntil >= at ? 1 : 0,
    });
    if (!decision.enter) {
      if (decision.reason === 'stillActive' && busyUntil !== Infinity) continue;
      break;
    }
    run ??= simulate(at);
    runs.push(run);
    busyUntil = run.position?.status === 'waiting' ? Infinity : (run.trace.at(-1)?.at ?? at);
  }
  return runs;
}
