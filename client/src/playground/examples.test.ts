import { describe, expect, it } from 'vitest';
import { exampleTabs, MEMBERSHIP_QUERY } from './examples';

describe('exampleTabs', () => {
  it('fills the variables from the workspace', () => {
    const tabs = exampleTabs({ customer: { id: 'c1', email: 'ada@example.com' }, segmentId: 's1' });
    expect(tabs.map((t) => /(query|mutation) (\w+)/.exec(t.query)?.[2])).toEqual([
      'MembershipCheckQuery',
      'Customer360Query',
      'TrackEventsMutation',
      'IdentifyMutation',
      'SegmentPreviewExampleQuery',
    ]);
    expect(JSON.parse(tabs[0]!.variables)).toEqual({ customerId: 'c1', segmentId: 's1' });
    expect(JSON.parse(tabs[1]!.variables)).toEqual({ id: 'c1' });
    expect(JSON.parse(tabs[2]!.variables).events[0].email).toBe('ada@example.com');
  });

  it('says how to get a segment when there is none', () => {
    const [membership] = exampleTabs({ customer: { id: 'c1', email: null } });
    expect(membership!.query).toMatch(/^# No segment yet/);
    expect(membership!.query.endsWith(MEMBERSHIP_QUERY)).toBe(true);
  });
});
