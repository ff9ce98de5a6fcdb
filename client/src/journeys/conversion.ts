/** A journey's conversion as the list shows it, from its `stats` (the live version's entries). */
export interface ConversionStats {
  readonly entered: number;
  readonly converted: number;
  readonly conversionRate?: number | null;
}

const percent = new Intl.NumberFormat('en', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

/**
 * The conversion rate in percent with one decimal; a dash before anyone entered.
 *
 * @example
 * conversionRate({ entered: 8, converted: 3, conversionRate: 0.375 }) // '37.5%'
 */
export function conversionRate(s: ConversionStats): string {
  if (s.entered === 0 || s.conversionRate == null) return '—';
  return `${percent.format(s.conversionRate * 100)}%`;
}

/**
 * How many of those who entered converted, in words.
 *
 * @example
 * convertedOf({ entered: 8, converted: 3 }) // '3 of 8 converted'
 */
export function convertedOf(s: ConversionStats): string {
  return s.entered === 0
    ? 'nobody entered yet'
    : `${s.converted.toLocaleString('en')} of ${s.entered.toLocaleString('en')} converted`;
}
