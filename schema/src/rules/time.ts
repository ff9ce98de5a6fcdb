import type { Duration, TimeUnit } from './rule.types';

const UNIT_MS: Record<TimeUnit, number> = {
  minutes: 60_000,
  hours: 3_600_000,
  days: 86_400_000,
  weeks: 604_800_000,
};

export function durationMs(duration: Duration): number {
  return duration.amount * UNIT_MS[duration.unit];
}

/** `YYYY-MM-DD`, or a date-time with seconds optional, fraction optional and a mandatory offset. */
const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * Parses the ISO 8601 forms the rule language accepts into Unix ms, or undefined. A date without a
 * time is midnight UTC. Out-of-range fields (month 13, 31 February) are rejected, not rolled over.
 */
export function parseIsoInstant(text: string): number | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', offset = 'Z'] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    return undefined;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return undefined;
  const ms = Number(frac.slice(0, 3).padEnd(3, '0'));
  let t =
    daysFromCivil(year, month, day) * 86_400_000 +
    ((Number(h) * 60 + Number(mi)) * 60 + Number(s)) * 1000 +
    ms;
  if (offset !== 'Z') {
    const sign = offset.startsWith('-') ? -1 : 1;
    const [oh, om] = offset.slice(1).split(':').map(Number) as [number, number];
    if (oh > 23 || om > 59) return undefined;
    t -= sign * (oh * 60 + om) * 60_000;
  }
  return t;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's algorithm). Unlike `Date.UTC`
 * it does not map years 0–99 to 1900–1999.
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The calendar date (year, month 1-12, day) of an instant in a time zone. */
export function localDate(
  instant: number,
  timeZone: string,
): { year: number; month: number; day: number } {
  if (timeZone === 'UTC') {
    const d = new Date(instant);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  }
  const parts = dateFormatter(timeZone).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

const DATE_PARTS = { year: 'numeric', month: 'numeric', day: 'numeric' } as const;
const FORMATS = {
  date: DATE_PARTS,
  wallClock: {
    ...DATE_PARTS,
    hourCycle: 'h23',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** A cached formatter of a zone's local date (`date`) or date and time (`wallClock`), in en-US numbers. */
export function zoneFormatter(format: keyof typeof FORMATS, timeZone: string): Intl.DateTimeFormat {
  const key = `${format} ${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, ...FORMATS[format] });
    formatters.set(key, f);
  }
  return f;
}

const dateFormatter = (timeZone: string) => zoneFormatter('date', timeZone);

/** True when the time zone is a valid IANA name. */
export function isTimeZone(timeZone: string): boolean {
  try {
    dateFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * Days from today (in the time zone) until the next anniversary of a date's month and day: 0 when
 * it is today. A 29 February anniversary falls on 28 February in common years. Date-only values
 * keep their calendar day; date-times are first taken to the time zone.
 */
export function daysUntilAnniversary(
  dateText: string,
  now: number,
  timeZone: string,
): number | undefined {
  const instant = parseIsoInstant(dateText);
  if (instant === undefined) return undefined;
  const source = dateText.length === 10 ? localDate(instant, 'UTC') : localDate(instant, timeZone);
  const today = localDate(now, timeZone);
  const todayUtc = Date.UTC(today.year, today.month - 1, today.day);
  for (const year of [today.year, today.year + 1]) {
    const day = Math.min(source.day, daysInMonth(year, source.month));
    const next = Date.UTC(year, source.month - 1, day);
    if (next >= todayUtc) return Math.round((next - todayUtc) / 86_400_000);
  }
  return undefined;
}

/** The zone's offset at an instant (local wall time minus UTC, in ms): a guess, checked by the caller. */
export function utcOffset(instant: number, timeZone: string): number {
  const f = zoneFormatter('wallClock', timeZone);
  const parts = f.formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return wall - Math.floor(instant / 1000) * 1000;
}
