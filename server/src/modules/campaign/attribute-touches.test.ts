import { describe, expect, it } from 'vitest';
import { touchChannel } from './attribute-touches';

describe('touchChannel', () => {
  it('takes utm_medium, else utm_source, else "unknown", in lower case', () => {
    expect(touchChannel({ utm_medium: 'Email', utm_source: 'newsletter' })).toBe('email');
    expect(touchChannel({ utm_medium: '  ', utm_source: 'Google' })).toBe('google');
    expect(touchChannel({ utm_medium: 42 })).toBe('unknown');
    expect(touchChannel({})).toBe('unknown');
  });

  it('keeps at most 50 characters (the column)', () => {
    expect(touchChannel({ utm_medium: 'x'.repeat(80) })).toHaveLength(50);
  });

  it('takes a content event’s channel from its `channel` property', () => {
    const props = { channel: 'Facebook', utm_medium: 'social' };
    expect(touchChannel(props, 'Content Impression')).toBe('facebook');
    expect(touchChannel(props, 'Content Engagement')).toBe('facebook');
    expect(touchChannel(props, 'Page Viewed')).toBe('social');
  });
});
