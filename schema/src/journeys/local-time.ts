import { daysFromCivil, localDate, utcOffset, zoneFormatter } from '../rules/time';
import type { TimeOfDay, Weekday } from './journey.types';

/** `HH:MM`, 00:00 to 23:59. */
export const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

const DAY = 86_400_000;

/** Minutes after local midnight of a `HH:MM` time. */
export function minutesOfDay(time: TimeOfDay): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** The local wall-clock minutes after midnight and ISO weekday (1 Monday … 7 Sunday) of an instant. */
export function localClock(
  instant: number,
  timeZone: string,
): { minutes: number; weekday: Weekday; day: number } {
  const parts = zoneFormatter('wallClock', timeZone).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const day = daysFromCivil(get('year'), get('month'), get('day'));
  // 1970-01-01 was a Thursday (ISO 4).
  const weekday = ((((day + 3) % 7) + 7) % 7) + 1;
  return { minutes: get('hour') * 60 + get('minute'), weekday: weekday as Weekday, day };
}

/**
 * The instant at which the local wall clock of the zone shows `minutes` after midnight on the
 * given civil day (days since 1970-01-01). A time that the zone skips (spring forward) maps to the
 * same offset as just before the gap, which lands after it; a repeated time takes the first.
 */
export function zonedInstant(day: number, minutes: number, timeZone: string): number {
  const wall = day * DAY + minutes * 60_000;
  if (timeZone === 'UTC') return wall;
  const first = wall - utcOffset(wall, timeZone);
  const second = wall - utcOffset(first, timeZone);
  return Math.min(first, second);
}

/**
 * The first instant at or after `from` when the customer's local clock shows `time` on one of the
 * allowed weekdays (any day when omitted).
 *
 * @example
 * // a wait "until 09:00 on weekdays" entered on Saturday evening in Paris wakes on Monday 09:00
 * nextLocalTime(saturdayEvening, '09:00', [1, 2, 3, 4, 5], 'Europe/Paris')
 */
export function nextLocalTime(
  from: number,
  time: TimeOfDay,
  weekdays: readonly Weekday[] | undefined,
  timeZone: string,
): number {
  const minutes = minutesOfDay(time);
  const { day } = localClock(from, timeZone);
  for (let d = day - 1; d <= day + 8; d++) {
    const at = zonedInstant(d, minutes, timeZone);
    if (at < from) continue;
    const weekday = localClock(at, timeZone).weekday;
    if (!weekdays || weekdays.includes(weekday)) return at;
  }
  // Unreachable for a non-empty weekday list: some allowed weekday falls within any 8 days.
  return from;
}

/** True when the local time of `instant` falls in [start, end), which may wrap past midnight. */
export function inLocalWindow(
  instant: number,
  start: TimeOfDay,
  end: TimeOfDay,
  timeZone: string,
): boolean {
  const now = localClock(instant, timeZone).minutes;
  const s = minutesOfDay(start);
  const e = minutesOfDay(end);
  return s < e ? now >= s && now < e : now >= s || now < e;
}

/** The local calendar day (days since 1970-01-01) of an instant in a zone. */
export function localDay(instant: number, timeZone: string): number {
  const d = localDate(instant, timeZone);
  return daysFromCivil(d.year, d.month, d.day);
}
