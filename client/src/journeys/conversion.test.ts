import { describe, expect, it } from 'vitest';
import { conversionRate, convertedOf } from './conversion';

describe('journey conversion in the list', () => {
  it('shows the rate with one decimal and the counts behind it', () => {
    const stats = { entered: 8, converted: 3, conversionRate: 3 / 8 };
    expect(conversionRate(stats)).toBe('37.5%');
    expect(convertedOf(stats)).toBe('3 of 8 converted');
    expect(conversionRate({ entered: 1200, converted: 0, conversionRate: 0 })).toBe('0.0%');
    expect(convertedOf({ entered: 1200, converted: 1 })).toBe('1 of 1,200 converted');
  });

  it('shows a dash, not 0 %, before anyone entered', () => {
    expect(conversionRate({ entered: 0, converted: 0, conversionRate: null })).toBe('—');
    expect(convertedOf({ entered: 0, converted: 0 })).toBe('nobody entered yet');
  });
});
