import { describe, expect, it } from 'vitest';
import { inLocalWindow, localClock, nextLocalTime } from './local-time';

describe('local time', () => {
  it('knows the weekday and the wall clock in a zone', () => {
    expect(localClock(Date.parse('2026-03-02T23:30:00Z'), 'Asia/Tokyo')).toMatchObject({
      weekday: 2,
      minutes: 8 * 60 + 30,
    });
  });

  it('finds the next local time of day, the same day when it is still ahead', () => {
    const from = Date.parse('2026-03-02T07:00:00Z'); // 08:00 in Paris
    expect(nextLocalTime(from, '09:00', undefined, 'Europe/Paris')).toBe(
      Date.parse('2026-03-02T08:00:00Z'),
    );
    expect(nextLocalTime(from, '07:30', undefined, 'Europe/Paris')).toBe(
      Date.parse('2026-03-03T06:30:00Z'),
    );
    expect(nextLocalTime(from, '08:00', undefined, 'Europe/Paris')).toBe(from);
  });

  it('skips to allowed weekdays and keeps local time across a DST change', () => {
    // Friday 2026-03-27 10:00 Paris (CET) → next Monday 09:00 is after the switch to CEST on Sunday
    const from = Date.parse('2026-03-27T09:00:00Z');
    expect(nextLocalTime(from, '09:00', [1], 'Europe/Paris')).toBe(
      Date.parse('2026-03-30T07:00:00Z'),
    );
  });

  it('tells quiet-hour windows, wrapping midnight', () => {
    expect(inLocalWindow(Date.parse('2026-01-01T23:00:00Z'), '21:00', '08:00', 'UTC')).toBe(true);
    expect(inLocalWindow(Date.parse('2026-01-01T08:00:00Z'), '21:00', '08:00', 'UTC')).toBe(false);
    expect(inLocalWindow(Date.parse('2026-01-01T12:00:00Z'), '12:00', '13:00', 'UTC')).toBe(true);
  });
});
