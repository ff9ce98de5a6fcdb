import { assertUnreachable } from '../assert-unreachable';
import { daysFromCivil, localDate, zoneFormatter } from '../rules/time';

/** The calendar unit of a KPI series. Weeks are ISO weeks, starting on Monday. */
export type BucketUnit = 'day' | 'week' | 'month';

/** One bucket of a series: [start, end) in Unix ms, labelled by its first local date. */
export interface TimeBucket {
  readonly start: number;
  readonly end: number;
  /** `YYYY-MM-DD` of the bucket's first day in the time zone (the Monday for weeks). */
  readonly label: string;
}

const DAY = 86_400_000;
/** More buckets than this in one series is a mistake (a day series over 270 years). */
export const MAX_TIME_BUCKETS = 100_000;

interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

function civilFromDays(days: number): CivilDate {
  const d = new Date(days * DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The zone's offset from UTC (local − UTC, ms) at an instant, from `Intl`. */
function offsetAt(instant: number, timeZone: string): number {
  if (timeZone === 'UTC') return 0;
  const parts = zoneFormatter('wallClock', timeZone).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const local =
    daysFromCivil(get('year'), get('month'), get('day')) * DAY +
    ((get('hour') * 60 + get('minute')) * 60 + get('second')) * 1000;
  return local - Math.floor(instant / 1000) * 1000;
}

/**
 * The first instant of a local calendar day: local midnight, the earlier one when midnight
 * repeats, and the moment clocks jump when midnight is skipped (America/Santiago in September).
 */
export function startOfLocalDay(date: CivilDate, timeZone: string): number {
  const local = daysFromCivil(date.year, date.month, date.day) * DAY;
  const offsets = [offsetAt(local - DAY, timeZone), offsetAt(local + DAY, timeZone)];
  const exact = offsets
    .map((offset) => local - offset)
    .filter((instant) => instant + offsetAt(instant, timeZone) === local);
  if (exact.length > 0) return Math.min(...exact);
  return local - offsets[0]!;
}

/** The first local day of the bucket that contains `date`. */
function bucketFirstDay(date: CivilDate, unit: BucketUnit): CivilDate {
  switch (unit) {
    case 'day':
      return date;
    case 'week': {
      const days = daysFromCivil(date.year, date.month, date.day);
      const isoWeekday = ((((days + 3) % 7) + 7) % 7) + 1; // 1970-01-01 was a Thursday (4)
      return civilFromDays(days - (isoWeekday - 1));
    }
    case 'month':
      return { year: date.year, month: date.month, day: 1 };
    default:
      return assertUnreachable(unit);
  }
}

function nextFirstDay(first: CivilDate, unit: BucketUnit): CivilDate {
  switch (unit) {
    case 'day':
    case 'week':
      return civilFromDays(
        daysFromCivil(first.year, first.month, first.day) + (unit === 'day' ? 1 : 7),
      );
    case 'month':
      return first.month === 12
        ? { year: first.year + 1, month: 1, day: 1 }
        : { year: first.year, month: first.month + 1, day: 1 };
    default:
      return assertUnreachable(unit);
  }
}

function label(date: CivilDate): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/**
 * The bucket (day, ISO week or month in the time zone) that contains an instant.
 *
 * @example
 * bucketOf(Date.parse('2026-03-29T12:00:00Z'), 'day', 'Europe/Berlin')
 * // { start: Date.parse('2026-03-28T23:00:00Z'), end: Date.parse('2026-03-29T22:00:00Z'), label: '2026-03-29' }
 */
export function bucketOf(instant: number, unit: BucketUnit, timeZone: string): TimeBucket {
  const first = bucketFirstDay(localDate(instant, timeZone), unit);
  const next = nextFirstDay(first, unit);
  return {
    start: startOfLocalDay(first, timeZone),
    end: startOfLocalDay(next, timeZone),
    label: label(first),
  };
}

/**
 * The buckets that overlap [from, to), in order: the first contains `from`, the last ends at or
 * after `to`; none for an empty range. The server's SQL series and tests' independent computations both use this.
 * Throws a RangeError when `to` < `from` or the series would exceed {@link MAX_TIME_BUCKETS}.
 *
 * @example
 * bucketsBetween(Date.parse('2026-01-01T00:00:00Z'), Date.parse('2026-04-01T00:00:00Z'), 'month', 'UTC')
 *   .map((b) => b.label) // ['2026-01-01', '2026-02-01', '2026-03-01']
 */
export function bucketsBetween(
  from: number,
  to: number,
  unit: BucketUnit,
  timeZone: string,
): TimeBucket[] {
  if (!(to >= from))
    throw new RangeError(`The range must not end (${to}) before it starts (${from}).`);
  if (to === from) return [];
  const buckets: TimeBucket[] = [];
  let first = bucketFirstDay(localDate(from, timeZone), unit);
  let start = startOfLocalDay(first, timeZone);
  while (start < to || buckets.length === 0) {
    if (buckets.length >= MAX_TIME_BUCKETS)
      throw new RangeError(
        `More than ${MAX_TIME_BUCKETS} buckets; use a coarser unit or a shorter range.`,
      );
    const next = nextFirstDay(first, unit);
    const end = startOfLocalDay(next, timeZone);
    buckets.push({ start, end, label: label(first) });
    first = next;
    start = end;
  }
  return buckets;
}
