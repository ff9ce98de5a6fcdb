import { describe, expect, it } from 'vitest';
import { daysFromCivil, parseIsoInstant } from './time';

describe('parseIsoInstant', () => {
  it.each([
    ['2026-06-15', Date.parse('2026-06-15T00:00:00Z')],
    ['2026-06-15T10:30Z', Date.parse('2026-06-15T10:30:00Z')],
    ['2026-06-15T10:30:05.123456+02:00', Date.parse('2026-06-15T08:30:05.123Z')],
    ['2024-02-29T23:59:59-05:30', Date.parse('2024-03-01T05:29:59Z')],
    ['1969-12-31T23:59:59.999Z', -1],
  ])('parses %s', (text, expected) => {
    expect(parseIsoInstant(text)).toBe(expected);
  });

  // Regression: Date.UTC maps years 0-99 to 1900-1999, so "0050" once parsed as 1950.
  it('keeps years below 100 as they are', () => {
    expect(parseIsoInstant('0050-01-01')).toBe(Date.parse('0050-01-01T00:00:00Z'));
    expect(new Date(parseIsoInstant('0099-12-31T12:00Z')!).toISOString()).toBe(
      '0099-12-31T12:00:00.000Z',
    );
  });

  it.each([
    '0000-01-01',
    '2026-02-29',
    '2026-13-01',
    '2026-06-31',
    '2026-06-15T24:00Z',
    '2026-06-15T10:60Z',
    '2026-06-15T10:00',
    '2026-06-15T10:00+24:00',
    '15/06/2026',
    ' 2026-06-15',
  ])('rejects %j', (text) => {
    expect(parseIsoInstant(text)).toBeUndefined();
  });

  it('counts days like the calendar', () => {
    for (const iso of ['1970-01-01', '2000-02-29', '1600-03-01', '0001-01-01', '9999-12-31']) {
      expect(
        daysFromCivil(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))) *
          86_400_000,
      ).toBe(Date.parse(`${iso}T00:00:00Z`));
    }
  });
});
