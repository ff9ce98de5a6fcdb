/** One entry of a score's history: the value from `at` on (the API's `ScorePoint`). */
export interface ScorePoint {
  readonly at: string;
  readonly value: number;
}

/** A change of a score: from what, to what, when. */
export interface ScoreChange {
  readonly at: string;
  readonly from: number;
  readonly to: number;
  readonly change: number;
}

/**
 * The points a step chart draws: every entry at its instant, and the last value again at `now`,
 * so the last step reaches today instead of stopping at the last change.
 *
 * @example
 * chartPoints([{ at: '2026-11-01T00:00:00Z', value: 10 }], Date.parse('2026-11-03T00:00:00Z'))
 * // [{ t: 1793491200000, value: 10 }, { t: 1793664000000, value: 10 }]
 */
export function chartPoints(
  points: readonly ScorePoint[],
  now: number,
): Array<{ t: number; value: number }> {
  const drawn = points.map((p) => ({ t: Date.parse(p.at), value: p.value }));
  const last = drawn.at(-1);
  return last && now > last.t ? [...drawn, { t: now, value: last.value }] : drawn;
}

/**
 * The last `count` changes, newest first. A score is 0 before its first entry, so the first
 * entry is a change from 0.
 *
 * @example
 * recentChanges([{ at: 'a', value: 10 }, { at: 'b', value: 5 }], 5)
 * // [{ at: 'b', from: 10, to: 5, change: -5 }, { at: 'a', from: 0, to: 10, change: 10 }]
 */
export function recentChanges(points: readonly ScorePoint[], count: number): ScoreChange[] {
  const changes = points.map((p, i) => {
    const from = i === 0 ? 0 : points[i - 1]!.value;
    return { at: p.at, from, to: p.value, change: p.value - from };
  });
  return changes.slice(-count).reverse();
}

const score = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });

/** A score with at most two decimals (decay halves points: 7.5, 3.75). */
export const formatScore = (value: number) => score.format(value);

/** A change with its sign: "+10", "−2.5", "±0". */
export function formatChange(change: number): string {
  if (change === 0) return '±0';
  return change > 0 ? `+${formatScore(change)}` : `−${formatScore(-change)}`;
}

/**
 * What the ticks of a time axis spanning `spanMs` show: the time of day under two days, where
 * every tick would read the same date, else the date.
 */
export const axisUnit = (spanMs: number): 'time' | 'day' =>
  spanMs < 2 * 86_400_000 ? 'time' : 'day';
