import { describe, expect, it } from 'vitest';
import { CairnError } from '../../errors/cairn-error';
import { MAX_SERIES_BUCKETS, sqlBuckets } from './kpi-series';
import { readScope } from './kpi.service';

describe('sqlBuckets', () => {
  it('labels each bucket and the one after it, across a DST change', () => {
    // Berlin, 2026-03-28 .. 2026-03-30: the 29th has 23 hours.
    const from = Date.parse('2026-03-27T23:00:00Z');
    const to = Date.parse('2026-03-30T22:00:00Z');
    expect(sqlBuckets(from, to, 'day', 'Europe/Berlin')).toEqual([
      { label: '2026-03-28', nextLabel: '2026-03-29', start: from, end: from + 24 * 3_600_000 },
      {
        label: '2026-03-29',
        nextLabel: '2026-03-30',
        start: from + 24 * 3_600_000,
        end: from + 47 * 3_600_000,
      },
      {
        label: '2026-03-30',
        nextLabel: '2026-03-31',
        start: from + 47 * 3_600_000,
        end: from + 71 * 3_600_000,
      },
    ]);
  });

  it('refuses more buckets than the limit, and a range that ends before it starts', () => {
    const year = 365 * 86_400_000;
    expect(() => sqlBuckets(0, 4 * year, 'day', 'UTC')).toThrow(CairnError);
    expect(sqlBuckets(0, 4 * year, 'month', 'UTC').length).toBeLessThan(MAX_SERIES_BUCKETS);
    expect(() => sqlBuckets(10, 0, 'day', 'UTC')).toThrow(/before it starts/);
  });
});

describe('readScope', () => {
  it('reads each kind with the fields it needs', () => {
    expect(readScope({ kind: 'experimentArm', journeyId: 'j', nodeId: 'split', arm: 'b' })).toEqual(
      { kind: 'experimentArm', journeyId: 'j', nodeId: 'split', arm: 'b' },
    );
    expect(readScope({ kind: 'channel', channel: 'Email' })).toEqual({
      kind: 'channel',
      channel: 'email',
    });
  });

  it('names the missing field and an unknown kind', () => {
    expect(() => readScope({ kind: 'journeyNode', journeyId: 'j' })).toThrow(/scope\.nodeId/);
    expect(() => readScope({ kind: 'campaigns' })).toThrow(/use campaign, journey/);
  });
});
