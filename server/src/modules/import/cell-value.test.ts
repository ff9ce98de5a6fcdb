import { describe, expect, it } from 'vitest';
import { convertCell, type CellValue } from './cell-value';
import type { TraitType } from './import-mapping';

const value = (text: string, type: TraitType) => {
  const cell: CellValue = convertCell(text, type);
  return cell.ok ? cell.value : `error: ${cell.message}`;
};

describe('convertCell', () => {
  it('treats empty and blank cells as no value, whatever the type', () => {
    for (const type of [
      { type: 'string' },
      { type: 'number' },
      { type: 'boolean' },
      { type: 'date', format: 'iso' },
      { type: 'stringList', separator: ';' },
    ] as const) {
      expect(value('', type)).toBeUndefined();
      expect(value('   ', type)).toBeUndefined();
    }
    expect(value(' ; ;', { type: 'stringList', separator: ';' })).toBeUndefined();
  });

  it('strings: trimmed, otherwise as written', () => {
    expect(value('  Acme, Inc. "West" ', { type: 'string' })).toBe('Acme, Inc. "West"');
  });

  it('numbers: "." for decimals, exponents, signs', () => {
    const number = { type: 'number' } as const;
    expect(value('42', number)).toBe(42);
    expect(value(' -12.50 ', number)).toBe(-12.5);
    expect(value('.5', number)).toBe(0.5);
    expect(value('1e3', number)).toBe(1000);
    expect(value('+7', number)).toBe(7);
  });

  it('numbers: refuses what is not one, saying why', () => {
    const number = { type: 'number' } as const;
    expect(value('1,234', number)).toMatch(/thousands separators/);
    expect(value('1 234 567', number)).toMatch(/thousands separators/);
    expect(value('12,5', number)).toMatch(/decimal comma/);
    expect(value('fifty', number)).toMatch(/"fifty" is not a number/);
    expect(value('0x10', number)).toMatch(/not a number/);
    expect(value('NaN', number)).toMatch(/not a number/);
    expect(value('Infinity', number)).toMatch(/not a number/);
    expect(value('1e999', number)).toMatch(/too large/);
  });

  it('booleans: true/false, yes/no, 1/0 in any case', () => {
    const boolean = { type: 'boolean' } as const;
    for (const t of ['true', 'TRUE', 'Yes', '1', ' yes ']) expect(value(t, boolean)).toBe(true);
    for (const f of ['false', 'False', 'NO', '0']) expect(value(f, boolean)).toBe(false);
    expect(value('maybe', boolean)).toMatch(/true\/false, yes\/no or 1\/0/);
    expect(value('y', boolean)).toMatch(/not a boolean/);
  });

  it('dates (iso): a calendar day stays one; date-times become UTC instants', () => {
    const date = { type: 'date', format: 'iso' } as const;
    expect(value('2024-03-31', date)).toBe('2024-03-31');
    expect(value('2024-03-31T08:30:00Z', date)).toBe('2024-03-31T08:30:00.000Z');
    expect(value('2024-03-31T10:30+02:00', date)).toBe('2024-03-31T08:30:00.000Z');
    expect(value('2024-03-31 08:30:00Z', date)).toBe('2024-03-31T08:30:00.000Z');
    expect(value('2024-02-30', date)).toMatch(/not an ISO 8601 date/);
    expect(value('2024-03-31 08:30', date)).toMatch(/no offset/);
    expect(value('31/03/2024', date)).toMatch(/"format": "dmy"/);
  });

  it('dates (dmy, mdy): to a calendar day', () => {
    expect(value('31/03/2024', { type: 'date', format: 'dmy' })).toBe('2024-03-31');
    expect(value('1.4.2024', { type: 'date', format: 'dmy' })).toBe('2024-04-01');
    expect(value('03/31/2024', { type: 'date', format: 'mdy' })).toBe('2024-03-31');
    expect(value('31/03/2024', { type: 'date', format: 'mdy' })).toMatch(/month\/day\/year/);
    expect(value('29/02/2023', { type: 'date', format: 'dmy' })).toMatch(/day\/month\/year/);
  });

  it('string lists: split, trimmed, empty items dropped', () => {
    expect(value('vip; beta ;;early', { type: 'stringList', separator: ';' })).toEqual([
      'vip',
      'beta',
      'early',
    ]);
    expect(value('a|b', { type: 'stringList', separator: '|' })).toEqual(['a', 'b']);
    expect(value('solo', { type: 'stringList', separator: ';' })).toEqual(['solo']);
  });
});
