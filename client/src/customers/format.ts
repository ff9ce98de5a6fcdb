/** Display helpers for free-form traits: any trait may be missing or of an unexpected type. */

/** A trait as text, or undefined when it is missing, empty, or not a string or number. */
export function traitText(
  traits: Readonly<Record<string, unknown>>,
  key: string,
): string | undefined {
  const value = traits[key];
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.trim() !== '') return value;
  return undefined;
}

const amount = new Intl.NumberFormat(undefined, {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/**
 * Lifetime value with two decimals; undefined unless the trait is a number (or numeric string).
 *
 * @example
 * formatAmount(1234.5) // '1,234.50' (in an English locale)
 */
export function formatAmount(value: unknown): string | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? amount.format(number) : undefined;
}

const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** An ISO date-time as a short local date; the input unchanged when it does not parse. */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : day.format(date);
}

const dayTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** An ISO date-time as a short local date and time; the input unchanged when it does not parse. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dayTime.format(date);
}

/** "1 customer", "60 customers". */
export function countLabel(count: number): string {
  return `${count.toLocaleString()} ${count === 1 ? 'customer' : 'customers'}`;
}
