import { describe, expect, it } from 'vitest';
import { countLabel, formatAmount, formatDate, formatDateTime, traitText } from './format';

describe('traitText', () => {
  it('shows strings and finite numbers, nothing else', () => {
    const traits = { name: 'Ada Rossi', size: 12, blank: ' ', nested: { a: 1 }, nan: NaN };
    expect(traitText(traits, 'name')).toBe('Ada Rossi');
    expect(traitText(traits, 'size')).toBe('12');
    expect(traitText(traits, 'blank')).toBeUndefined();
    expect(traitText(traits, 'nested')).toBeUndefined();
    expect(traitText(traits, 'nan')).toBeUndefined();
    expect(traitText(traits, 'missing')).toBeUndefined();
  });
});

describe('formatAmount', () => {
  it('formats numbers and numeric strings with two decimals', () => {
    expect(formatAmount(12.5)).toMatch(/^12[.,]50$/);
    expect(formatAmount('7')).toMatch(/^7[.,]00$/);
    expect(formatAmount('abc')).toBeUndefined();
    expect(formatAmount(null)).toBeUndefined();
    expect(formatAmount('')).toBeUndefined();
  });
});

describe('formatDate', () => {
  it('keeps what does not parse', () => {
    expect(formatDate('not a date')).toBe('not a date');
    expect(formatDate('2026-11-23T10:00:00.000Z')).toMatch(/2026/);
  });
});

describe('countLabel', () => {
  it('agrees in number', () => {
    expect(countLabel(1)).toBe('1 customer');
    expect(countLabel(60)).toBe('60 customers');
    expect(countLabel(0)).toBe('0 customers');
  });
});

describe('formatDateTime', () => {
  it('shows the time as well as the day, and keeps what does not parse', () => {
    expect(formatDateTime('not a date')).toBe('not a date');
    const shown = formatDateTime('2026-11-23T10:05:00.000Z');
    expect(shown).toMatch(/2026/);
    expect(shown).not.toBe(formatDate('2026-11-23T10:05:00.000Z'));
  });
});
