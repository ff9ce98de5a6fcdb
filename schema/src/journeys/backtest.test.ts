import { describe, expect, it } from 'vitest';
import type { CustomerFacts, EventFact } from '../rules/facts';
import { backtestJourney, type Backtest, type BacktestCustomer } from './backtest';
import { compileJourney } from './compile/compile-journey';
import { JOURNEY_EXAMPLES } from './examples';
import type { JourneyGraph, JourneySettings } from './journey.types';
import type { JourneyPlan } from './plan.types';

const MIN = 60_000;
const DAY = 86_400_000;
const from = Date.parse('2026-03-02T10:00:00Z');
const to = from + 7 * DAY;

function plan(graph: JourneyGraph, settings?: Partial<JourneySettings>): JourneyPlan {
  const result = compileJourney(
    settings ? { ...graph, settings: { ...graph.settings!, ...settings } } : graph,
  );
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.plan;
}
const ev = (name: string, at: number): EventFact => ({ name, occurredAt: at, properties: {} });
const customer = (
  id: string,
  events: EventFact[],
  consent: Record<string, boolean> = { email: true },
): BacktestCustomer => {
  const facts: CustomerFacts = { id, email: `${id}@example.com`, traits: {}, events, consent };
  return { facts };
};
const node = (result: Backtest, id: string) => result.nodes.find((n) => n.nodeId === id);

const cartCustomers = [
  // Two carts abandoned an hour apart, no order: two entries, two reminders.
  customer('ada', [ev('Cart Abandoned', from + MIN), ev('Cart Abandoned', from + 60 * MIN)]),
  // Orders two minutes after abandoning: converts at the goal, no reminder.
  customer('bob', [ev('Cart Abandoned', from + MIN), ev('Order Completed', from + 3 * MIN)]),
  // No email consent: the reminder is skipped.
  customer('cy', [ev('Cart Abandoned', from + 2 * DAY)], { email: false }),
  // Abandoned before the window: never enters.
  customer('dee', [ev('Cart Abandoned', from - DAY)]),
];

describe('backtestJourney', () => {
  it('replays each customer as the trigger fired, counting entries per node and projected sends', () => {
    const result = backtestJourney(plan(JOURNEY_EXAMPLES.cartAbandoned), cartCustomers, {
      from,
      to,
    });
    expect(result).toMatchObject({
      customers: 4,
      enteredCustomers: 3,
      entered: 4,
      active: 0,
      converted: 1,
      conversionRate: 0.25,
    });
    expect(node(result, 'trigger')).toEqual({
      nodeId: 'trigger',
      entered: 4,
      waiting: 0,
      exited: 0,
      converted: 1,
    });
    expect(node(result, 'wait-order')).toMatchObject({ entered: 4, converted: 1 });
    expect(node(result, 'reminder')).toMatchObject({ entered: 3, converted: 0 });
    expect(node(result, 'done')).toMatchObject({ entered: 3, exited: 3 });
    expect(node(result, 'goal')).toMatchObject({ entered: 1, exited: 1, converted: 1 });
    expect(node(result, 'bought')).toMatchObject({ entered: 0, exited: 0 });
    expect(result.sends).toEqual([
      {
        nodeId: 'reminder',
        channel: 'email',
        sent: 2,
        deferred: 0,
        skippedNoConsent: 1,
        skippedFrequencyCap: 0,
      },
    ]);
  });

  it('holds to the re-entry policy: a trigger while still in the journey is ignored under afterExit', () => {
    const busy = [
      customer('ada', [
        ev('Cart Abandoned', from + MIN),
        ev('Cart Abandoned', from + 2 * MIN), // still waiting for an order: ignored
        ev('Cart Abandoned', from + 30 * MIN), // after the first entry ended: enters again
      ]),
    ];
    const window = { from, to };
    const afterExit = backtestJourney(plan(JOURNEY_EXAMPLES.cartAbandoned), busy, window);
    expect(afterExit.entered).toBe(2);
    const always = backtestJourney(
      plan(JOURNEY_EXAMPLES.cartAbandoned, { reentry: 'always' }),
      busy,
      window,
    );
    expect(always.entered).toBe(3);
    const never = backtestJourney(
      plan(JOURNEY_EXAMPLES.cartAbandoned, { reentry: 'never' }),
      busy,
      window,
    );
    expect(never.entered).toBe(1);
    const capped = backtestJourney(
      plan(JOURNEY_EXAMPLES.cartAbandoned, { reentry: 'always', maxEntries: 2 }),
      busy,
      window,
    );
    expect(capped.entered).toBe(2);
  });

  it('enters non-event triggers at the given instants and leaves those still waiting at the end as waiting', () => {
    const api: JourneyGraph = {
      ...JOURNEY_EXAMPLES.ebookNurture,
      nodes: JOURNEY_EXAMPLES.ebookNurture.nodes.map((n) =>
        n.kind === 'trigger' ? { ...n, trigger: { type: 'api' } } : n,
      ),
    };
    const people = [
      { ...customer('ada', []), entries: [from] },
      { ...customer('bob', []), entries: [from + 30 * DAY] }, // outside both windows
      customer('cy', []), // no entry
    ];
    const result = backtestJourney(plan(api), people, { from, to: from + 4 * DAY });
    expect(result).toMatchObject({ customers: 3, enteredCustomers: 1, entered: 1, active: 1 });
    // Four days: email 1 at the start, email 2 three days later, then waiting at wait 2.
    expect(result.nodes.filter((n) => n.waiting > 0).map((n) => n.nodeId)).toEqual(['wait-2']);
    expect(result.sends.map((s) => [s.nodeId, s.sent])).toEqual([
      ['email-1', 1],
      ['email-2', 1],
      ['email-3', 0],
    ]);
    // Ten days: the third email at day 6 and the nurture's end at day 9.
    const full = backtestJourney(plan(api), people, { from, to: from + 10 * DAY });
    expect(full).toMatchObject({ entered: 1, active: 0 });
    expect(full.sends.map((s) => s.sent)).toEqual([1, 1, 1]);
    expect(node(full, 'nurtured')).toMatchObject({ entered: 1, exited: 1 });
  });
});
