import type { JourneyGraph } from './journey.types';

/**
 * Journeys a marketer can start from (the editor offers them; the demo seed and the end-to-end
 * tests use them). Each is a complete, valid graph.
 */
export const JOURNEY_EXAMPLES = {
  /** Cart abandoned: a reminder within 5 minutes unless an order is placed first. */
  cartAbandoned: {
    version: 1,
    settings: {
      reentry: 'afterExit',
      exitOnGoal: true,
      frequencyCap: { max: 3, per: { amount: 1, unit: 'days' } },
    },
    nodes: [
      {
        id: 'trigger',
        kind: 'trigger',
        label: 'Cart abandoned',
        position: { x: 0, y: 0 },
        trigger: { type: 'event', event: 'Cart Abandoned' },
      },
      {
        id: 'wait-order',
        kind: 'wait',
        label: 'Wait for an order',
        position: { x: 0, y: 120 },
        wait: { type: 'event', event: 'Order Completed', timeout: { amount: 5, unit: 'minutes' } },
      },
      {
        id: 'reminder',
        kind: 'action',
        label: 'Reminder email',
        position: { x: 200, y: 240 },
        action: {
          type: 'send',
          channel: 'email',
          template: {
            subject: 'You left something in your cart',
            body: '<p>Hi {{ traits.first_name | "there" }}, your cart is waiting for you.</p>',
          },
        },
      },
      { id: 'bought', kind: 'exit', label: 'Ordered', position: { x: -200, y: 240 } },
      { id: 'done', kind: 'exit', label: 'Reminded', position: { x: 200, y: 360 } },
      {
        id: 'goal',
        kind: 'goal',
        label: 'Order placed',
        position: { x: 400, y: 0 },
        event: 'Order Completed',
        within: { amount: 7, unit: 'days' },
      },
    ],
    edges: [
      { id: 'e1', source: 'trigger', sourceHandle: 'next', target: 'wait-order' },
      { id: 'e2', source: 'wait-order', sourceHandle: 'event', target: 'bought' },
      { id: 'e3', source: 'wait-order', sourceHandle: 'timeout', target: 'reminder' },
      { id: 'e4', source: 'reminder', sourceHandle: 'next', target: 'done' },
    ],
  },
  /**
   * Ebook downloaded: three enrichment emails three days apart; a pricing-page visit at any
   * point notifies sales and ends the journey.
   */
  ebookNurture: {
    version: 1,
    settings: { reentry: 'never', exitOnGoal: true },
    nodes: [
      {
        id: 'trigger',
        kind: 'trigger',
        label: 'Ebook downloaded',
        trigger: { type: 'event', event: 'Ebook Downloaded' },
      },
      ...[1, 2, 3].flatMap((n) => [
        {
          id: `email-${n}`,
          kind: 'action' as const,
          label: `Enrichment email ${n}`,
          action: {
            type: 'send' as const,
            channel: 'email' as const,
            template: {
              subject: `Part ${n} of our guide`,
              body: `<p>Hi {{ traits.first_name | "there" }}, here is part ${n}.</p>`,
            },
          },
        },
        {
          id: `wait-${n}`,
          kind: 'wait' as const,
          label: n < 3 ? 'Three days, unless they visit pricing' : 'Last chance to visit pricing',
          wait: {
            type: 'event' as const,
            event: 'Page Viewed',
            where: {
              kind: 'property' as const,
              path: 'url',
              type: 'string' as const,
              op: 'startsWith' as const,
              value: '/pricing',
            },
            timeout: { amount: 3, unit: 'days' as const },
          },
        },
      ]),
      {
        id: 'sales',
        kind: 'action',
        label: 'Tell sales',
        action: { type: 'notifySales', message: 'A nurtured lead visited the pricing page.' },
      },
      { id: 'sales-exit', kind: 'exit', label: 'Handed to sales' },
      { id: 'nurtured', kind: 'exit', label: 'Nurture done' },
    ],
    edges: [
      { id: 'e0', source: 'trigger', sourceHandle: 'next', target: 'email-1' },
      ...[1, 2, 3].flatMap((n) => [
        { id: `e${n}a`, source: `email-${n}`, sourceHandle: 'next', target: `wait-${n}` },
        { id: `e${n}b`, source: `wait-${n}`, sourceHandle: 'event', target: 'sales' },
        {
          id: `e${n}c`,
          source: `wait-${n}`,
          sourceHandle: 'timeout',
          target: n < 3 ? `email-${n + 1}` : 'nurtured',
        },
      ]),
      { id: 'e4', source: 'sales', sourceHandle: 'next', target: 'sales-exit' },
    ],
  },
  /** 60 days without activity: a re-engagement message, by email where allowed, else SMS. */
  reengagement: {
    version: 1,
    settings: {
      reentry: 'afterExit',
      exitOnGoal: true,
      quietHours: { start: '21:00', end: '08:00' },
    },
    nodes: [
      {
        id: 'trigger',
        kind: 'trigger',
        label: 'Inactive 60 days',
        trigger: { type: 'segmentEntered', segmentId: 'inactive-60-days' },
      },
      {
        id: 'has-email-consent',
        kind: 'condition',
        label: 'Email allowed?',
        rule: { version: 1, root: { kind: 'consent', channel: 'email' } },
      },
      {
        id: 'email',
        kind: 'action',
        label: 'We miss you (email)',
        action: {
          type: 'send',
          channel: 'email',
          template: { subject: 'We miss you', body: '<p>Come back for 10% off.</p>' },
        },
      },
      {
        id: 'sms',
        kind: 'action',
        label: 'We miss you (SMS)',
        action: {
          type: 'send',
          channel: 'sms',
          template: { body: 'We miss you! 10% off this week.' },
        },
      },
      { id: 'done', kind: 'exit' },
      {
        id: 'goal',
        kind: 'goal',
        label: 'Came back',
        event: 'Order Completed',
        within: { amount: 30, unit: 'days' },
      },
    ],
    edges: [
      { id: 'e1', source: 'trigger', sourceHandle: 'next', target: 'has-email-consent' },
      { id: 'e2', source: 'has-email-consent', sourceHandle: 'yes', target: 'email' },
      { id: 'e3', source: 'has-email-consent', sourceHandle: 'no', target: 'sms' },
      { id: 'e4', source: 'email', sourceHandle: 'next', target: 'done' },
      { id: 'e5', source: 'sms', sourceHandle: 'next', target: 'done' },
    ],
  },
  /** A hard bounce marks the email invalid and ends every message to it. */
  hardBounce: {
    version: 1,
    settings: { reentry: 'always', exitOnGoal: false },
    nodes: [
      {
        id: 'trigger',
        kind: 'trigger',
        label: 'Email bounced hard',
        trigger: {
          type: 'event',
          event: 'Email Bounced',
          where: { kind: 'property', path: 'type', type: 'string', op: 'eq', value: 'hard' },
        },
      },
      {
        id: 'mark',
        kind: 'action',
        label: 'Mark email invalid',
        action: { type: 'setTrait', path: 'traits.email_status', value: 'invalid' },
      },
      { id: 'done', kind: 'exit' },
    ],
    edges: [
      { id: 'e1', source: 'trigger', sourceHandle: 'next', target: 'mark' },
      { id: 'e2', source: 'mark', sourceHandle: 'next', target: 'done' },
    ],
  },
} as const satisfies Record<string, JourneyGraph>;

export type JourneyExampleName = keyof typeof JOURNEY_EXAMPLES;
