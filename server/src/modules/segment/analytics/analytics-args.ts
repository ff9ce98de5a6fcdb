import { validateRule } from '@cairn/schema';
import { CairnError } from '../../../errors/cairn-error';

const DAY_MS = 86_400_000;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** The longest size history one request may ask for, in days (a leap year). */
export const MAX_HISTORY_DAYS = 366;
/** The most values a cross-tab shows one by one (the rest make one "other" bucket). */
export const MAX_TOP = 50;
/** The most range boundaries a numeric cross-tab takes (one more bucket than boundaries). */
export const MAX_BOUNDARIES = 20;

/** UTC days from `from` to `to`, both included. */
export interface DayRange {
  /** `YYYY-MM-DD`, in order. */
  readonly days: readonly string[];
  /** Start of the first day, Unix ms. */
  readonly startMs: number;
  /** End of the last day (start of the next), Unix ms, excluded. */
  readonly endMs: number;
}

function parseDay(value: string, argument: 'from' | 'to'): number {
  const m = DAY.exec(value);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  if (!m || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value) {
    throw CairnError.badInput(
      [argument],
      `"${value}" is not a day: write it YYYY-MM-DD, a UTC calendar day (e.g. "2026-01-31").`,
    );
  }
  return ms;
}

/**
 * Reads `from` and `to` (inclusive UTC days) into a range of at most MAX_HISTORY_DAYS days.
 *
 * @example
 * dayRange('2026-01-30', '2026-02-01').days; // ['2026-01-30', '2026-01-31', '2026-02-01']
 */
export function dayRange(from: string, to: string): DayRange {
  const startMs = parseDay(from, 'from');
  const lastMs = parseDay(to, 'to');
  if (lastMs < startMs) {
    throw CairnError.badInput(['to'], `must be on or after from (${from}); got ${to}.`);
  }
  const count = (lastMs - startMs) / DAY_MS + 1;
  if (count > MAX_HISTORY_DAYS) {
    throw CairnError.badInput(
      ['to'],
      `the range covers ${count} days; ask for at most ${MAX_HISTORY_DAYS} at a time (split a longer history into several requests).`,
    );
  }
  const days = Array.from({ length: count }, (_, i) =>
    new Date(startMs + i * DAY_MS).toISOString().slice(0, 10),
  );
  return { days, startMs, endMs: lastMs + DAY_MS };
}

/**
 * The keys of a trait path (`traits.company.size` → `['company', 'size']`), checked with the rule
 * language's own path syntax (a trait condition is validated with it).
 */
export function traitKeys(path: string): readonly string[] {
  if (!path.startsWith('traits.')) {
    throw CairnError.badInput(
      ['path'],
      `"${path}" is not a trait path: use "traits.<name>" (e.g. "traits.country", "traits.company.size").`,
    );
  }
  const checked = validateRule({
    version: 1,
    root: { kind: 'trait', path, type: 'string', op: 'exists' },
  });
  if (!checked.ok) {
    throw CairnError.badInput(['path'], checked.problems.map((p) => p.message).join(' '));
  }
  return path.slice('traits.'.length).split('.');
}

export function checkTop(top: number): number {
  if (!Number.isInteger(top) || top < 1 || top > MAX_TOP) {
    throw CairnError.badInput(['top'], `must be from 1 to ${MAX_TOP} (got ${top}).`);
  }
  return top;
}

/** Range boundaries: 1 to MAX_BOUNDARIES finite numbers, strictly ascending. */
export function checkBoundaries(boundaries: readonly number[]): readonly number[] {
  if (boundaries.length === 0 || boundaries.length > MAX_BOUNDARIES) {
    throw CairnError.badInput(
      ['boundaries'],
      `give 1 to ${MAX_BOUNDARIES} boundaries (got ${boundaries.length}), or leave it out for automatic quintiles.`,
    );
  }
  boundaries.forEach((b, i) => {
    if (!Number.isFinite(b)) {
      throw CairnError.badInput(['boundaries', i], `must be a finite number (got ${b}).`);
    }
    if (i > 0 && b <= boundaries[i - 1]!) {
      throw CairnError.badInput(
        ['boundaries', i],
        `must be above the one before (${boundaries[i - 1]}): list boundaries in strictly ascending order.`,
      );
    }
  });
  return boundaries;
}
