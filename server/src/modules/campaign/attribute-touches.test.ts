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
});
