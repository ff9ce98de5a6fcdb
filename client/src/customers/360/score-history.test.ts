import { describe, expect, it } from 'vitest';
import { axisUnit, chartPoints, formatChange, formatScore, recentChanges } from './score-history';

const history = [
  { at: '2026-11-01T00:00:00.000Z', value: 10 },
  { at: '2026-11-02T00:00:00.000Z', value: 30 },
  { at: '2026-11-05T00:00:00.000Z', value: 15 },
];

describe('chartPoints', () => {
  it('draws every entry and carries the last value to now', () => {
    const now = Date.parse('2026-11-07T00:00:00.000Z');
    expect(chartPoints(history, now)).toEqual([
      { t: Date.parse(history[0]!.at), value: 10 },
      { t: Date.parse(history[1]!.at), value: 30 },
      { t: Date.parse(history[2]!.at), value: 15 },
      { t: now, value: 15 },
    ]);
  });

  it('adds nothing when now is not after the last entry, or there is no entry', () => {
    expect(chartPoints(history, Date.parse(history[2]!.at))).toHaveLength(3);
    expect(chartPoints([], Date.now())).toEqual([]);
  });
});

describe('recentChanges', () => {
  it('lists the latest changes newest first, the first one from 0', () => {
    expect(recentChanges(history, 5)).toEqual([
      { at: history[2]!.at, from: 30, to: 15, change: -15 },
      { at: history[1]!.at, from: 10, to: 30, change: 20 },
      { at: history[0]!.at, from: 0, to: 10, change: 10 },
    ]);
    expect(recentChanges(history, 1)).toEqual([
      { at: history[2]!.at, from: 30, to: 15, change: -15 },
    ]);
  });
});

describe('formatScore and formatChange', () => {
  it('keep at most two decimals and always show the sign', () => {
    expect(formatScore(7.5)).toBe('7.5');
    expect(formatScore(1 / 3)).toBe('0.33');
    expect(formatChange(20)).toBe('+20');
    expect(formatChange(-3.75)).toBe('−3.75');
    expect(formatChange(0)).toBe('±0');
  });
});

describe('axisUnit', () => {
  it('labels ticks by time of day under two days, by date from then on', () => {
    expect(axisUnit(5 * 60_000)).toBe('time');
    expect(axisUnit(2 * 86_400_000 - 1)).toBe('time');
    expect(axisUnit(2 * 86_400_000)).toBe('day');
  });
});
