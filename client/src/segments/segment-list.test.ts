import { describe, expect, it } from 'vitest';
import { filterSegments } from './segment-list';

const segments = [
  { name: 'Clients fidèles', description: 'Bought twice', archivedAt: null },
  { name: 'Churn risk', description: 'No visit in 60 days', archivedAt: '2026-11-01T00:00:00Z' },
  { name: 'VIP', description: 'LTV above 500 (fidelity)', archivedAt: null },
];

describe('filterSegments', () => {
  it('matches name or description, ignoring case and accents', () => {
    expect(filterSegments(segments, 'FIDELE', 'all').map((s) => s.name)).toEqual([
      'Clients fidèles',
    ]);
    expect(filterSegments(segments, 'fid', 'all').map((s) => s.name)).toEqual([
      'Clients fidèles',
      'VIP',
    ]);
  });

  it('filters by status', () => {
    expect(filterSegments(segments, '', 'active').map((s) => s.name)).toEqual([
      'Clients fidèles',
      'VIP',
    ]);
    expect(filterSegments(segments, '', 'archived').map((s) => s.name)).toEqual(['Churn risk']);
    expect(filterSegments(segments, 'visit', 'active')).toEqual([]);
  });
});
