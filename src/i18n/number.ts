// Plain numbers in the reader's language, written as an en-US Intl.NumberFormat writes them (see
// format.ts): apart from the units, so that the interface strings (strings.ts) need only this.
import { formatDecimal } from './decimal';
import type { Lang } from './lang';

/** How many fraction digits a number in a base unit (元, m², m, 人…) keeps at most. */
export const BASE_FRACTION_DIGITS = 2;

/** Formats numbers as an en-US Intl.NumberFormat with these settings would. */
export interface DigitFormatter {
  format(value: number): string;
}

const numberFormatters = new Map<string, DigitFormatter>();

/**
 * An en-US number format (digits as in both languages' text), one per setting, kept for reuse.
 * Written out (./decimal.ts), not Intl: making the first Intl.NumberFormat costs a page load ≈ 20 ms.
 */
export function numberFormatter(
  maximumFractionDigits: number,
  useGrouping: boolean,
): DigitFormatter {
  const cacheKey = `${maximumFractionDigits}|${useGrouping}`;
  let formatter = numberFormatters.get(cacheKey);
  if (!formatter) {
    formatter = {
      format: (value) => formatDecimal(value, maximumFractionDigits, useGrouping),
    };
    numberFormatters.set(cacheKey, formatter);
  }
  return formatter;
}

/** Digits of a finite, non-negative number: grouped in English, plain in Chinese. */
export function digits(value: number, maximumFractionDigits: number, lang: Lang): string {
  return numberFormatter(maximumFractionDigits, lang === 'en').format(value);
}

/** Negative, NaN and infinite values are not formatted (they are shown as they are). */
export function isFormattable(value: number): boolean {
  return Number.isFinite(value) && value >= 0;
}

/** -0 would format as "-0". */
export function withoutNegativeZero(value: number): number {
  return value === 0 ? 0 : value;
}

/** A plain number: "12,345.5" / "12345.5". Negative, NaN and infinite values: `String(n)`. */
export function formatNumber(n: number, lang: Lang): string {
  if (!isFormattable(n)) return String(n);
  return digits(withoutNegativeZero(n), BASE_FRACTION_DIGITS, lang);
}
