import { describe, expect, it } from 'vitest';
import { flattenTraits } from './TraitsTable';
import { dayEnd, dayStart } from './CustomerTimeline';
import { propertySummary } from './TimelineEvent';

describe('timeline filters', () => {
  it('turns days into a half-open UTC range that includes the last day', () => {
    expect(dayStart('2026-11-30')).toBe('2026-11-30T00:00:00.000Z');
    expect(dayEnd('2026-11-30')).toBe('2026-12-01T00:00:00.000Z');
    expect(dayStart('')).toBeNull();
    expect(dayEnd('')).toBeNull();
  });
});

describe('propertySummary', () => {
  it('lists scalar properties and says how many more there are', () => {
    expect(propertySummary({ url: '/pricing', n: 2, nested: { a: 1 } })).toBe(
      'url: /pricing · n: 2',
    );
    expect(propertySummary({ a: 1, b: 2, c: 3 }, 2)).toBe('a: 1 · b: 2 · +1 more');
  });
});

describe('flattenTraits', () => {
  it('names nested traits by dotted path and keeps lists whole', () => {
    expect(
      flattenTraits({ company: { size: 50, hq: { city: 'Lyon' } }, tags: ['a', 'b'] }),
    ).toEqual([
      ['company.size', 50],
      ['company.hq.city', 'Lyon'],
      ['tags', ['a', 'b']],
    ]);
  });
});
