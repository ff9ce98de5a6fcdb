import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketOf, bucketsBetween, MAX_TIME_BUCKETS } from './time-buckets';

const at = (iso: string) => Date.parse(iso);

/** The wall-clock date and time of an instant in a zone, read independently through Intl. */
function wall(instant: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    weekday: 'short',
  }).formatToParts(new Date(instant));
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('weekday')} ${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

describe('bucketOf and bucketsBetween (hand-checked fixtures)', () => {
  it('days across the spring DST change in Berlin are 24 h, 23 h, 24 h', () => {
    const days = bucketsBetween(
      at('2026-03-28T00:00:00+01:00'),
      at('2026-03-30T12:00:00+02:00'),
      'day',
      'Europe/Berlin',
    );
    expect(days.map((d) => [d.label, new Date(d.start).toISOString()])).toEqual([
      ['2026-03-28', '2026-03-27T23:00:00.000Z'],
      ['2026-03-29', '2026-03-28T23:00:00.000Z'],
      ['2026-03-30', '2026-03-29T22:00:00.000Z'],
    ]);
    expect(days.map((d) => (d.end - d.start) / 3_600_000)).toEqual([24, 23, 24]);
  });

  it('a day whose midnight is skipped starts when the clocks jump (Santiago, 6 Sep 2026)', () => {
    const day = bucketOf(at('2026-09-06T12:00:00Z'), 'day', 'America/Santiago');
    expect(day).toEqual({
      start: at('2026-09-06T04:00:00Z'),
      end: at('2026-09-07T03:00:00Z'),
      label: '2026-09-06',
    });
    const before = bucketOf(at('2026-09-05T12:00:00Z'), 'day', 'America/Santiago');
    expect((before.end - before.start) / 3_600_000).toBe(24);
    // 4 Apr 2026: clocks go back from 00:00 to 23:00, so the day lasts 25 hours.
    const longDay = bucketOf(at('2026-04-04T12:00:00Z'), 'day', 'America/Santiago');
    expect((longDay.end - longDay.start) / 3_600_000).toBe(25);
  });

  it('a day whose midnight happens twice starts at the first one (Havana, 1 Nov 2026)', () => {
    // Clocks go back from 01:00 to 00:00, so 00:00–00:59 happens twice and the day lasts 25 h.
    const day = bucketOf(at('2026-11-01T12:00:00Z'), 'day', 'America/Havana');
    expect(day).toEqual({
      start: at('2026-11-01T04:00:00Z'),
      end: at('2026-11-02T05:00:00Z'),
      label: '2026-11-01',
    });
    // 8 Mar 2026: midnight is skipped (00:00 → 01:00); the day starts at 01:00 −04:00.
    expect(bucketOf(at('2026-03-08T12:00:00Z'), 'day', 'America/Havana').start).toBe(
      at('2026-03-08T05:00:00Z'),
    );
  });

  it('ISO weeks start on Monday in the zone (Kolkata, +05:30)', () => {
    // Thursday 1 January 2026 belongs to the week of Monday 29 December 2025.
    const week = bucketOf(at('2026-01-01T10:00:00+05:30'), 'week', 'Asia/Kolkata');
    expect(week).toEqual({
      start: at('2025-12-28T18:30:00Z'),
      end: at('2026-01-04T18:30:00Z'),
      label: '2025-12-29',
    });
    // Sunday 23:59 local is still the previous week; Monday 00:00 starts a new one.
    expect(bucketOf(at('2026-01-04T23:59:00+05:30'), 'week', 'Asia/Kolkata').label).toBe(
      '2025-12-29',
    );
    expect(bucketOf(at('2026-01-05T00:00:00+05:30'), 'week', 'Asia/Kolkata').label).toBe(
      '2026-01-05',
    );
  });

  it('months run from the first local day, over a year boundary (one second of February counts)', () => {
    const months = bucketsBetween(
      at('2025-11-15T00:00:00Z'),
      at('2026-02-01T05:00:01Z'),
      'month',
      'America/New_York',
    );
    expect(months.map((m) => m.label)).toEqual([
      '2025-11-01',
      '2025-12-01',
      '2026-01-01',
      '2026-02-01',
    ]);
    expect(months[0]!.start).toBe(at('2025-11-01T04:00:00Z'));
    expect(months[1]!.start).toBe(at('2025-12-01T05:00:00Z'));
  });

  it('returns nothing for an empty range and rejects reversed or huge ones', () => {
    expect(bucketsBetween(5, 5, 'day', 'UTC')).toEqual([]);
    expect(() => bucketsBetween(10, 5, 'day', 'UTC')).toThrow(RangeError);
    expect(() => bucketsBetween(0, (MAX_TIME_BUCKETS + 1) * 86_400_000, 'day', 'UTC')).toThrow(
      RangeError,
    );
  });
});

describe('buckets (properties)', () => {
  const zones = fc.constantFrom(
    'UTC',
    'Europe/Berlin',
    'America/Santiago',
    'Asia/Kolkata',
    'Australia/Lord_Howe',
    'America/Havana',
    'America/New_York',
  );
  const instant = fc.integer({ min: at('2020-01-01T00:00:00Z'), max: at('2030-01-01T00:00:00Z') });
  const unit = fc.constantFrom('day' as const, 'week' as const, 'month' as const);

  it('the bucket contains the instant and starts at the first local minute of a Monday / 1st', () => {
    fc.assert(
      fc.property(instant, unit, zones, (t, u, zone) => {
        const bucket = bucketOf(t, u, zone);
        expect(bucket.start).toBeLessThanOrEqual(t);
        expect(bucket.end).toBeGreaterThan(t);
        const [weekday, date] = wall(bucket.start, zone).split(' ');
        expect(date).toBe(bucket.label);
        if (u === 'week') expect(weekday).toBe('Mon');
        if (u === 'month') expect(date!.endsWith('-01')).toBe(true);
        // One minute earlier is another local date (the bucket starts at the day's first instant).
        expect(wall(bucket.start - 60_000, zone).split(' ')[1]).not.toBe(bucket.label);
      }),
    );
  });

  it('a series is contiguous and covers the range', () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 1, max: 90 * 86_400_000 }),
        unit,
        zones,
        (from, length, u, zone) => {
          const buckets = bucketsBetween(from, from + length, u, zone);
          expect(buckets[0]!.start).toBeLessThanOrEqual(from);
          expect(buckets.at(-1)!.end).toBeGreaterThanOrEqual(from + length);
          for (let i = 1; i < buckets.length; i++)
            expect(buckets[i]!.start).toBe(buckets[i - 1]!.end);
          expect(buckets.every((b) => b.end > b.start)).toBe(true);
        },
      ),
      { numRuns: 50 },
    );
  });
});
