import { describe, expect, it } from 'vitest';
import { decideSend, type SendCheck } from './send-policy';

const now = Date.parse('2026-06-01T12:00:00Z');
const base: SendCheck = {
  channel: 'email',
  consent: { email: true },
  sentAt: [],
  settings: {},
  now,
  timeZone: 'UTC',
};
const HOUR = 3_600_000;

describe('decideSend', () => {
  it('needs granted consent on direct channels, not on webhooks', () => {
    expect(decideSend({ ...base, consent: { email: false } })).toEqual({
      type: 'skip',
      reason: 'noConsent',
    });
    expect(decideSend({ ...base, consent: undefined })).toEqual({
      type: 'skip',
      reason: 'noConsent',
    });
    expect(decideSend({ ...base, channel: 'webhook', consent: undefined })).toEqual({
      type: 'send',
    });
  });

  it('caps messages per period over the sends before it', () => {
    const settings = { frequencyCap: { max: 2, per: { amount: 1, unit: 'days' as const } } };
    expect(decideSend({ ...base, settings, sentAt: [now - HOUR, now - 2 * HOUR] })).toEqual({
      type: 'skip',
      reason: 'frequencyCap',
    });
    expect(decideSend({ ...base, settings, sentAt: [now - HOUR, now - 25 * HOUR] })).toEqual({
      type: 'send',
    });
  });

  it('defers to the end of quiet hours in the customer zone, across midnight', () => {
    const settings = { quietHours: { start: '21:00', end: '08:00' } };
    // 12:00 UTC is 22:00 in Sydney (AEST, UTC+10): quiet until 08:00 local = 22:00 UTC
    expect(decideSend({ ...base, settings, timeZone: 'Australia/Sydney' })).toEqual({
      type: 'defer',
      reason: 'quietHours',
      until: Date.parse('2026-06-01T22:00:00Z'),
    });
    expect(decideSend({ ...base, settings, timeZone: 'Europe/Berlin' })).toEqual({ type: 'send' });
  });
});
