import { describe, expect, it } from 'vitest';
import { CairnError } from '../../../errors/cairn-error';
import { checkBoundaries, dayRange, traitKeys } from './analytics-args';
import { cumulate } from './size-history';

const fieldOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof CairnError ? [error.code, error.fieldPath] : error;
  }
  return undefined;
};

describe('dayRange', () => {
  it('lists UTC days, both ends included, across a month and a leap day', () => {
    const range = dayRange('2028-02-28', '2028-03-01');
    expect(range.days).toEqual(['2028-02-28', '2028-02-29', '2028-03-01']);
    expect(range.startMs).toBe(Date.UTC(2028, 1, 28));
    expect(range.endMs).toBe(Date.UTC(2028, 2, 2));
  });

  it('refuses what is not a calendar day, a reversed range and more than 366 days', () => {
    expect(fieldOf(() => dayRange('2027-02-29', '2027-03-01'))).toEqual([
      'BAD_USER_INPUT',
      ['from'],
    ]);
    expect(fieldOf(() => dayRange('2026-01-01', '2026-01-01T00:00'))).toEqual([
      'BAD_USER_INPUT',
      ['to'],
    ]);
    expect(fieldOf(() => dayRange('2026-01-02', '2026-01-01'))).toEqual(['BAD_USER_INPUT', ['to']]);
    expect(dayRange('2026-01-01', '2027-01-01').days).toHaveLength(366);
    expect(fieldOf(() => dayRange('2026-01-01', '2027-01-02'))).toEqual(['BAD_USER_INPUT', ['to']]);
  });
});

describe('traitKeys and checkBoundaries', () => {
  it('splits a trait path and refuses what a rule would refuse', () => {
    expect(traitKeys('traits.company.size')).toEqual(['company', 'size']);
    for (const bad of [
      'email',
      'traits.',
      'traits.a..b',
      'traits.[0]',
      `traits.${'a.'.repeat(16)}b`,
    ])
      expect(fieldOf(() => traitKeys(bad))).toEqual(['BAD_USER_INPUT', ['path']]);
  });

  it('wants finite, strictly ascending boundaries', () => {
    expect(checkBoundaries([-1, 0, 2.5])).toEqual([-1, 0, 2.5]);
    expect(fieldOf(() => checkBoundaries([1, 1]))).toEqual(['BAD_USER_INPUT', ['boundaries', 1]]);
    expect(fieldOf(() => checkBoundaries([Number.NaN]))).toEqual([
      'BAD_USER_INPUT',
      ['boundaries', 0],
    ]);
  });
});

describe('cumulate', () => {
  it('starts from the size before the range and carries it over quiet days', () => {
    const points = cumulate(
      ['2026-01-01', '2026-01-02', '2026-01-03'],
      { entered: 5, exited: 2 },
      new Map([['2026-01-02', { entered: 1, exited: 3 }]]),
    );
    expect(points.map((p) => [p.size, p.entered, p.exited])).toEqual([
      [3, 0, 0],
      [1, 1, 3],
      [1, 0, 0],
    ]);
  });
});
