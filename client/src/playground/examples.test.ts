import { describe, expect, it } from 'vitest';
import { exampleTabs, KPI_QUERY, kpiScope, lastMonths, MEMBERSHIP_QUERY } from './examples';

const NOW = new Date('2026-11-23T10:00:00.000Z');

describe('exampleTabs', () => {
  it('fills the variables from the workspace', () => {
    const tabs = exampleTabs(
      { customer: { id: 'c1', email: 'ada@example.com' }, segmentId: 's1' },
      NOW,
    );
    expect(tabs.map((t) => /(query|mutation) (\w+)/.exec(t.query)?.[2])).toEqual([
      'MembershipCheckQuery',
      'Customer360Query',
      'TrackEventsMutation',
      'IdentifyMutation',
      'SegmentPreviewExampleQuery',
      'KpiValuesQuery',
    ]);
    expect(JSON.parse(tabs[0]!.variables)).toEqual({ customerId: 'c1', segmentId: 's1' });
    expect(JSON.parse(tabs[1]!.variables)).toEqual({ id: 'c1' });
    expect(JSON.parse(tabs[2]!.variables).events[0].email).toBe('ada@example.com');
    expect(JSON.parse(tabs[5]!.variables)).toEqual({
      scope: { kind: 'segment', segmentId: 's1' },
      kpiIds: ['revenue', 'averageOrderValue'],
      from: '2026-09-01T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
      unit: 'month',
      timeZone: 'UTC',
    });
    expect(tabs[5]!.query.endsWith(KPI_QUERY)).toBe(true);
  });

  it('says how to get a segment when there is none', () => {
    const [membership] = exampleTabs({ customer: { id: 'c1', email: null } });
    expect(membership!.query).toMatch(/^# No segment yet/);
    expect(membership!.query.endsWith(MEMBERSHIP_QUERY)).toBe(true);
  });
});

describe('the KPI values example', () => {
  it('reads a published journey first, then a segment, else the email channel', () => {
    expect(kpiScope({ journeyId: 'j1', segmentId: 's1' })).toMatchObject({
      scope: { kind: 'journey', journeyId: 'j1' },
      kpiIds: ['conversionRate'],
    });
    expect(kpiScope({ segmentId: 's1' }).scope).toEqual({ kind: 'segment', segmentId: 's1' });
    expect(kpiScope({})).toMatchObject({
      scope: { kind: 'channel', channel: 'email' },
      note: expect.stringMatching(/publish a journey or save a segment/),
    });
  });

  it('covers whole UTC months up to the end of this one, across a year boundary', () => {
    expect(lastMonths(new Date('2027-01-31T23:59:59.999Z'), 3)).toEqual({
      from: '2026-11-01T00:00:00.000Z',
      to: '2027-02-01T00:00:00.000Z',
    });
    expect(lastMonths(new Date('2026-12-01T00:00:00.000Z'), 1)).toEqual({
      from: '2026-12-01T00:00:00.000Z',
      to: '2027-01-01T00:00:00.000Z',
    });
  });
});
