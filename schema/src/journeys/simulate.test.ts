import { describe, expect, it } from 'vitest';
import type { CustomerFacts, EventFact } from '../rules/facts';
import { compileJourney } from './compile/compile-journey';
import { JOURNEY_EXAMPLES } from './examples';
import type { JourneyGraph } from './journey.types';
import type { JourneyPlan } from './plan.types';
import { simulateJourney } from './simulate';

const MIN = 60_000;
const DAY = 86_400_000;
const t0 = Date.parse('2026-03-02T10:00:00Z'); // a Monday

function plan(graph: JourneyGraph): JourneyPlan {
  const result = compileJourney(graph);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.plan;
}
const ada: CustomerFacts = {
  id: 'c-ada',
  email: 'ada@example.com',
  traits: { first_name: 'Ada <3' },
  events: [],
  consent: { email: true },
};
const ev = (name: string, at: number, properties: Record<string, unknown> = {}): EventFact => ({
  name,
  occurredAt: at,
  properties,
});

describe('simulateJourney', () => {
  it('cart abandoned with no order: the reminder goes out 5 minutes later, escaped', () => {
    const sim = simulateJourney(
      plan(JOURNEY_EXAMPLES.cartAbandoned),
      ada,
      [ev('Cart Abandoned', t0)],
      {
        start: t0 - MIN,
      },
    );
    expect(sim.enteredAt).toBe(t0);
    expect(sim.trace.map((s) => [s.type, s.nodeId, s.at - t0])).toEqual([
      ['wait', 'wait-order', 0],
      ['resume', 'wait-order', 5 * MIN],
      ['action', 'reminder', 5 * MIN],
      ['exit', 'done', 5 * MIN],
    ]);
    expect(sim.sends).toHaveLength(1);
    expect(sim.sends[0]).toMatchObject({
      channel: 'email',
      at: t0 + 5 * MIN,
      decision: { type: 'send' },
    });
    expect(sim.sends[0]?.body).toEqual({
      ok: true,
      text: '<p>Hi Ada &lt;3, your cart is waiting for you.</p>',
    });
  });

  it('cart abandoned then an order within 5 minutes: no reminder, converted', () => {
    const sim = simulateJourney(
      plan(JOURNEY_EXAMPLES.cartAbandoned),
      ada,
      [ev('Cart Abandoned', t0), ev('Order Completed', t0 + 2 * MIN)],
      { start: t0 - MIN },
    );
    expect(sim.sends).toEqual([]);
    expect(sim.converted).toEqual({ goalNodeId: 'goal', at: t0 + 2 * MIN });
    expect(sim.position).toEqual({ status: 'exited', nodeId: 'goal', reason: 'goal' });
  });

  it('no trigger event: the customer never enters', () => {
    const sim = simulateJourney(
      plan(JOURNEY_EXAMPLES.cartAbandoned),
      ada,
      [ev('Page Viewed', t0)],
      { start: t0 },
    );
    expect(sim).toEqual({ entered: false, trace: [], sends: [] });
  });

  it('ebook nurture: three emails three days apart, unless pricing is visited, which alerts sales', () => {
    const p = plan(JOURNEY_EXAMPLES.ebookNurture);
    const all = simulateJourney(p, ada, [ev('Ebook Downloaded', t0)], { start: t0 });
    expect(all.sends.map((s) => (s.at - t0) / DAY)).toEqual([0, 3, 6]);
    expect(all.position).toMatchObject({ status: 'exited', nodeId: 'nurtured' });

    const early = simulateJourney(
      p,
      ada,
      [
        ev('Ebook Downloaded', t0),
        ev('Page Viewed', t0 + 4 * DAY, { url: '/pricing/enterprise' }),
        ev('Page Viewed', t0 + DAY, { url: '/blog' }),
      ],
      { start: t0 },
    );
    expect(early.sends.map((s) => (s.at - t0) / DAY)).toEqual([0, 3]);
    expect(early.trace.filter((s) => s.type === 'action').map((s) => s.nodeId)).toEqual([
      'email-1',
      'email-2',
      'sales',
    ]);
    expect(early.position).toMatchObject({ status: 'exited', nodeId: 'sales-exit' });
  });

  it('re-engagement: email without consent takes the SMS path, which has no consent either, and quiet hours defer', () => {
    const p = plan(JOURNEY_EXAMPLES.reengagement);
    const noEmail = simulateJourney(p, { ...ada, consent: { sms: true } }, [], {
      start: Date.parse('2026-03-02T22:30:00Z'),
      timeZone: 'UTC',
    });
    expect(noEmail.trace.find((s) => s.type === 'decide')).toMatchObject({ handle: 'no' });
    expect(noEmail.sends[0]).toMatchObject({
      channel: 'sms',
      decision: { type: 'defer', reason: 'quietHours', until: Date.parse('2026-03-03T08:00:00Z') },
    });
    const nothing = simulateJourney(p, { ...ada, consent: {} }, [], { start: t0 });
    expect(nothing.sends[0]?.decision).toEqual({ type: 'skip', reason: 'noConsent' });
  });

  it('hard bounce: sets the trait, later decisions in the same move see it', () => {
    const sim = simulateJourney(
      plan(JOURNEY_EXAMPLES.hardBounce),
      ada,
      [ev('Email Bounced', t0, { type: 'soft' }), ev('Email Bounced', t0 + MIN, { type: 'hard' })],
      { start: t0 },
    );
    expect(sim.enteredAt).toBe(t0 + MIN);
    expect(sim.trace.map((s) => s.type)).toEqual(['action', 'exit']);
  });

  it('a wait until a local time of day wakes at that time in the customer zone', () => {
    const g: JourneyGraph = {
      version: 1,
      settings: { reentry: 'always', exitOnGoal: false },
      nodes: [
        { id: 't', kind: 'trigger', trigger: { type: 'api' } },
        {
          id: 'w',
          kind: 'wait',
          wait: { type: 'until', time: '09:00', weekdays: [1, 2, 3, 4, 5] },
        },
        { id: 'x', kind: 'exit' },
      ],
      edges: [
        { id: 'a', source: 't', sourceHandle: 'next', target: 'w' },
        { id: 'b', source: 'w', sourceHandle: 'next', target: 'x' },
      ],
    };
    // Saturday 2026-03-07 20:00 in New York → Monday 09:00 EST (14:00 UTC)
    const sim = simulateJourney(plan(g), ada, [], {
      start: Date.parse('2026-03-08T01:00:00Z'),
      timeZone: 'America/New_York',
    });
    expect(sim.trace[1]).toMatchObject({ type: 'resume', at: Date.parse('2026-03-09T13:00:00Z') });
  });
});
