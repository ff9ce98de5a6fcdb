import type { CustomerFacts, RuleNode, TimeUnit } from '@cairn/schema';

/** The customers and helpers of the rule SQL conformance suite (rule-sql.int.test.ts). */
export const NOW = Date.parse('2026-06-15T12:00:00Z');
export const DAY = 86_400_000;

const base = (
  id: string,
  traits: Record<string, unknown>,
  extra: Partial<CustomerFacts> = {},
): CustomerFacts => ({
  id,
  email: `${id}@example.com`,
  createdAt: NOW - 10 * DAY,
  traits,
  events: [],
  ...extra,
});

export const customers: CustomerFacts[] = [
  base(
    '00000000-0000-7000-8000-000000000001',
    {
      country: 'US',
      ltv: 750,
      vip: false,
      tags: ['b2b', 'beta'],
      company: { size: 120, name: 'Acme' },
      signupDate: '2026-06-01',
      birthday: '1990-06-20',
      lastOrderAt: '2026-06-14T09:00:00+02:00',
      note: 'Zoë likes /pricing',
    },
    {
      events: [
        {
          name: 'email_click',
          occurredAt: NOW - 2 * DAY,
          properties: { url: '/pricing', amount: 10 },
        },
        { name: 'email_click', occurredAt: NOW - 40 * DAY, properties: { url: '/blog' } },
        { name: 'order', occurredAt: NOW - 5 * DAY, properties: { amount: 120.5 } },
        { name: 'order', occurredAt: NOW - 80 * DAY, properties: { amount: 60 } },
        { name: 'order', occurredAt: NOW + DAY, properties: { amount: 999 } },
        { name: 'order', occurredAt: NOW - 6 * DAY, properties: { amount: 'n/a' } },
      ],
      scores: {
        fit: {
          history: [
            { at: NOW - 60 * DAY, value: 10 },
            { at: NOW - 20 * DAY, value: 25 },
            { at: NOW - DAY, value: 50 },
          ],
        },
      },
      consent: { email: true, sms: false },
      segments: ['seg-vip'],
    },
  ),
  base(
    '00000000-0000-7000-8000-000000000002',
    {
      country: 'CA',
      ltv: '750',
      vip: true,
      tags: ['b2b', 3],
      company: 'Acme',
      signupDate: 'June 1st',
      birthday: '2000-02-29',
      blank: '',
      nothing: null,
      emptyList: [],
    },
    {
      email: null,
      events: [
        { name: 'email_click', occurredAt: NOW - 30 * DAY, properties: { url: '/pricing' } },
        { name: 'email_click', occurredAt: NOW, properties: { url: '/pricing/enterprise' } },
        { name: 'order', occurredAt: NOW - 30 * DAY, properties: { amount: 500 } },
      ],
      scores: { fit: { history: [{ at: NOW - 10 * DAY, value: 5 }] } },
      consent: { email: false },
    },
  ),
  base(
    '00000000-0000-7000-8000-000000000003',
    {
      country: 'FR',
      ltv: 0,
      tags: [],
      note: 'ÇA VA',
      nested: { deep: { er: 'x' } },
      "it's": 'yes',
      'why?': 2,
    },
    { createdAt: NOW - 400 * DAY },
  ),
  base('00000000-0000-7000-8000-000000000004', {}),
];

export const trait = (path: string, type: string, p: object): RuleNode =>
  ({ kind: 'trait', path, type, ...p }) as RuleNode;
export const dur = (amount: number, unit: TimeUnit = 'days') => ({ amount, unit });
