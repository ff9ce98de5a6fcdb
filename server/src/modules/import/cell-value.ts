import { assertUnreachable, parseIsoInstant } from '@cairn/schema';
import type { DateFormat, TraitType } from './import-mapping';

/** A converted cell: its value, nothing (an empty cell), or why it cannot be converted. */
export type CellValue =
  | { readonly ok: true; readonly value: string | number | boolean | string[] | undefined }
  | { readonly ok: false; readonly message: string };

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(?:[, ]\d{3})+(?:\.\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;
const BOOLEANS: ReadonlyMap<string, boolean> = new Map([
  ['true', true],
  ['yes', true],
  ['1', true],
  ['false', false],
  ['no', false],
  ['0', false],
]);
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const NAIVE_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;
const NUMERIC_DAY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

const ok = (value: string | number | boolean | string[] | undefined): CellValue => ({
  ok: true,
  value,
});
const fail = (message: string): CellValue => ({ ok: false, message });

/**
 * Converts one cell to its trait's type. Surrounding spaces are ignored; an empty cell (or a list
 * of nothing but separators) is no value, so the stored trait is kept.
 *
 * @example
 * convertCell(' 1234.5 ', { type: 'number' }); // { ok: true, value: 1234.5 }
 * convertCell('1,234', { type: 'number' });    // { ok: false, message: '... thousands separators ...' }
 * convertCell('31/03/2024', { type: 'date', format: 'dmy' }); // { ok: true, value: '2024-03-31' }
 */
export function convertCell(text: string, type: TraitType): CellValue {
  const cell = text.trim();
  if (cell === '') return ok(undefined);
  switch (type.type) {
    case 'string':
      return ok(cell);
    case 'number':
      return toNumber(cell);
    case 'boolean': {
      const value = BOOLEANS.get(cell.toLowerCase());
      return value === undefined
        ? fail(`"${cell}" is not a boolean: write true/false, yes/no or 1/0.`)
        : ok(value);
    }
    case 'date':
      return toDate(cell, type.format);
    case 'stringList': {
      const items = cell
        .split(type.separator)
        .map((item) => item.trim())
        .filter((item) => item !== '');
      return ok(items.length > 0 ? items : undefined);
    }
    default:
      return assertUnreachable(type);
  }
}

function toNumber(cell: string): CellValue {
  if (NUMBER.test(cell)) {
    const value = Number(cell);
    if (Number.isFinite(value)) return ok(value);
    return fail(`"${cell}" is too large for a number.`);
  }
  if (GROUPED.test(cell))
    return fail(`"${cell}" has thousands separators: write the number without them (e.g. 1234.5).`);
  if (DECIMAL_COMMA.test(cell))
    return fail(`"${cell}" has a decimal comma: write the decimals after a "." (e.g. 12.5).`);
  return fail(
    `"${cell}" is not a number: write digits, with "." for decimals and no thousands separators (e.g. 1234.5).`,
  );
}

/** Dates become the ISO 8601 forms rules read: a calendar day, or an instant in UTC. */
function toDate(cell: string, format: DateFormat): CellValue {
  switch (format) {
    case 'iso': {
      const text =
        cell.length > 10 && cell[10] === ' ' ? `${cell.slice(0, 10)}T${cell.slice(11)}` : cell;
      const ms = parseIsoInstant(text);
      if (ms !== undefined) return ok(ISO_DAY.test(text) ? text : new Date(ms).toISOString());
      if (NAIVE_DATE_TIME.test(cell))
        return fail(
          `"${cell}" has a time but no offset: add it (e.g. 2024-03-31T08:30:00Z or +02:00), or export dates without times.`,
        );
      return fail(
        `"${cell}" is not an ISO 8601 date: write 2024-03-31 or 2024-03-31T08:30:00Z (or set "format": "dmy" or "mdy" on the column for 31/03/2024).`,
      );
    }
    case 'dmy':
    case 'mdy': {
      const m = NUMERIC_DAY.exec(cell);
      const [first, second, year] = m ? [m[1]!, m[2]!, m[3]!] : ['', '', ''];
      const [day, month] = format === 'dmy' ? [first, second] : [second, first];
      const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
      if (m && parseIsoInstant(iso) !== undefined) return ok(iso);
      return fail(
        `"${cell}" is not a date written ${format === 'dmy' ? 'day/month/year (31/03/2024)' : 'month/day/year (03/31/2024)'}.`,
      );
    }
    default:
      return assertUnreachable(format);
  }
}
