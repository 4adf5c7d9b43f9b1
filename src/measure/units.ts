// Units planners in China read measurements in: m², 公顷 (ha), 亩 (mu), km²; m and km. Exact
// conversions from the base units and planner-style text in zh-CN or en. Pure functions.
//
// Precision: areas keep 2 decimals in their unit, lengths 0.1 m or 0.001 km, and any value keeps
// at least 4 significant digits (0.0273 km², not 0.03 km²), at most 6 decimals; trailing zeros
// are dropped (40.95 亩, 27300 平方米). Digits are written as an en-US Intl.NumberFormat would, so Node and
// every browser give the same text: English groups thousands (27,300 m²), Chinese does not.

import type { Lang } from '../i18n/lang.js';
import { numberFormatter } from '../i18n/number.js';

export type AreaUnit = 'm2' | 'ha' | 'mu' | 'km2';
export type LengthUnit = 'm' | 'km';

export const SQUARE_METRES_PER_HECTARE = 10_000;
export const SQUARE_METRES_PER_SQUARE_KILOMETRE = 1_000_000;
/** 1 亩 = 10000/15 m² exactly (666.66… m²): 15 亩 = 1 公顷. */
export const MU_PER_HECTARE = 15;
export const METRES_PER_KILOMETRE = 1000;

/**
 * An area in m² expressed in `unit`. 亩 is computed as m² × 15 / 10000, multiplying first, so a
 * round area gives the exact decimal: 27300 m² → 40.95 亩 (not 40.949999…).
 */
export function convertArea(m2: number, unit: AreaUnit): number {
  switch (unit) {
    case 'm2':
      return m2;
    case 'ha':
      return m2 / SQUARE_METRES_PER_HECTARE;
    case 'mu':
      return (m2 * MU_PER_HECTARE) / SQUARE_METRES_PER_HECTARE;
    case 'km2':
      return m2 / SQUARE_METRES_PER_SQUARE_KILOMETRE;
  }
}

/** A length in metres expressed in `unit`. */
export function convertLength(m: number, unit: LengthUnit): number {
  return unit === 'km' ? m / METRES_PER_KILOMETRE : m;
}

/** The unit an area reads best in when the user has not chosen one: m² below 1 ha, ha below 1 km². */
export function autoAreaUnit(m2: number): AreaUnit {
  const size = Math.abs(m2);
  if (size < SQUARE_METRES_PER_HECTARE) return 'm2';
  if (size < SQUARE_METRES_PER_SQUARE_KILOMETRE) return 'ha';
  return 'km2';
}

/** The unit a length reads best in when the user has not chosen one: m below 1 km. */
export function autoLengthUnit(m: number): LengthUnit {
  return Math.abs(m) < METRES_PER_KILOMETRE ? 'm' : 'km';
}

const UNIT_LABELS = {
  'zh-CN': { m2: '平方米', ha: '公顷', mu: '亩', km2: '平方公里', m: '米', km: '公里' },
  en: { m2: 'm²', ha: 'ha', mu: 'mu', km2: 'km²', m: 'm', km: 'km' },
} satisfies Record<Lang, Record<AreaUnit | LengthUnit, string>>;

/** Decimals each unit keeps at least: 0.01 of an area unit, 0.1 m, 0.001 km. */
const FRACTION_DIGITS = { m2: 2, ha: 2, mu: 2, km2: 2, m: 1, km: 3 } satisfies Record<
  AreaUnit | LengthUnit,
  number
>;
const SIGNIFICANT_DIGITS = 4;
const MAX_FRACTION_DIGITS = 6;

/**
 * A value already in `unit` (see {@link convertArea}, {@link convertLength}) as text:
 * zh-CN "27300 平方米", "2.73 公顷", "40.95 亩", "0.0273 平方公里", "1234.5 米", "1.23 公里";
 * en "27,300 m²", "2.73 ha", "40.95 mu", "0.0273 km²", "1,234.5 m", "1.23 km".
 * NaN and ±Infinity come back as `String(value)` with the unit, never as a made-up number.
 */
export function formatMeasure(value: number, unit: AreaUnit | LengthUnit, lang: Lang): string {
  const label = UNIT_LABELS[lang][unit];
  if (!Number.isFinite(value)) return `${String(value)} ${label}`;
  const magnitude = value === 0 ? 0 : Math.floor(Math.log10(Math.abs(value)));
  const fractionDigits = Math.min(
    MAX_FRACTION_DIGITS,
    Math.max(FRACTION_DIGITS[unit], SIGNIFICANT_DIGITS - 1 - magnitude),
  );
  // Made once per setting: this runs on every pointer move while a shape is drawn.
  const digits = numberFormatter(fractionDigits, lang === 'en').format(value === 0 ? 0 : value); // -0 would print as "-0"
  return `${digits === '-0' ? '0' : digits} ${label}`;
}
