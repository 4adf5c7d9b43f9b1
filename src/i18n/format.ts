// Number, unit and date formatting for the reader's language: 亿元/万元, 万平方米, 亩 in Chinese,
// CNY million/billion and m² in English. Pure functions; the only state is a cache of formatters.
//
// Digits are always written as an `en-US` Intl.NumberFormat writes them (ASCII digits, `.` decimal
// point; ./decimal.ts, checked against Intl) and the units are appended here, so Node and Chromium
// give byte-identical strings whatever their ICU locale data says. English groups thousands
// ("27,300 m²"); Chinese does not ("12000家"), as Chinese government publications write numbers
// next to 万/亿.
//
// Precision: a value is shown as given, never padded (1.5亿 → "1.5亿元", not "1.50亿元"), rounded
// half away from zero to at most 2 fraction digits in a base unit (元, m², m, 人…) and at most
// 4 in a scaled one (万, 亿, million, billion, km): 123456789 元 → "1.2346亿元" (precision 1万元,
// finer than any published figure). A value that rounds up to the next unit's threshold moves to
// that unit: 99999999.5 元 → "1亿元", not "10000万元".
//
// Invalid input (negative, NaN, ±Infinity) is returned as `String(value)`, unchanged: validation
// reports it elsewhere (src/data), and formatting must never hide or alter what the data says.

import type { FigureKey } from '../data/types';
import type { Lang } from './lang';
import {
  BASE_FRACTION_DIGITS,
  digits,
  isFormattable,
  numberFormatter,
  withoutNegativeZero,
} from './number';

/** How many fraction digits a scaled unit (万, 亿, million, km…) keeps at most (a base unit: 2). */
const SCALED_FRACTION_DIGITS = 4;

/** 1 亩 = 10000/15 m² (exactly 666.66… m²); multiplying by 15 first keeps 27300 m² → 40.95 exact. */
const MU_PER_SQUARE_METRE_NUMERATOR = 15;
const SQUARE_METRES_PER_HECTARE = 10_000;

/** The value as it will be displayed, as a number (so thresholds see what the reader sees). */
function rounded(value: number, maximumFractionDigits: number): number {
  return Number(numberFormatter(maximumFractionDigits, false).format(value));
}

/** One unit of a scale: values from `divisor` upwards are shown as value / divisor + suffix. */
interface Unit {
  divisor: number;
  maximumFractionDigits: number;
  suffix: string;
}

function base(suffix: string): Unit {
  return { divisor: 1, maximumFractionDigits: BASE_FRACTION_DIGITS, suffix };
}

function scaledUnit(divisor: number, suffix: string): Unit {
  return { divisor, maximumFractionDigits: SCALED_FRACTION_DIGITS, suffix };
}

/** Formats with the largest unit whose threshold the (rounded) value reaches; units ascending. */
function formatScaled(value: number, units: readonly [Unit, ...Unit[]], lang: Lang): string {
  let index = 0;
  for (let candidate = units.length - 1; candidate > 0; candidate--) {
    if (value >= units[candidate]!.divisor) {
      index = candidate;
      break;
    }
  }
  // Rounding can carry a value over the next threshold: 9999.99995万 displays as 10000万 → 1亿.
  while (index + 1 < units.length) {
    const unit = units[index]!;
    const shown = rounded(value / unit.divisor, unit.maximumFractionDigits) * unit.divisor;
    if (shown < units[index + 1]!.divisor) break;
    index++;
  }
  const unit = units[index]!;
  return digits(value / unit.divisor, unit.maximumFractionDigits, lang) + unit.suffix;
}

const MONEY_UNITS = {
  'zh-CN': [base('元'), scaledUnit(1e4, '万元'), scaledUnit(1e8, '亿元')],
  en: [base(''), scaledUnit(1e6, ' million'), scaledUnit(1e9, ' billion')],
} satisfies Record<Lang, readonly [Unit, ...Unit[]]>;

/**
 * An amount in yuan: "1.5亿元", "3000万元", "500元" / "CNY 1.5 billion", "CNY 150 million",
 * "CNY 5,000". Negative, NaN and infinite values come back as `String(yuan)`.
 */
export function formatMoney(yuan: number, lang: Lang): string {
  if (!isFormattable(yuan)) return String(yuan);
  const text = formatScaled(withoutNegativeZero(yuan), MONEY_UNITS[lang], lang);
  return lang === 'en' ? `CNY ${text}` : text;
}

const AREA_UNITS = {
  'zh-CN': [base('平方米'), scaledUnit(1e4, '万平方米')],
  en: [base(' m²')],
} satisfies Record<Lang, readonly [Unit, ...Unit[]]>;

const MU_UNITS = {
  'zh-CN': [base('亩'), scaledUnit(1e4, '万亩')],
  en: [base(' mu')],
} satisfies Record<Lang, readonly [Unit, ...Unit[]]>;

const HECTARE_UNITS = {
  'zh-CN': [base('公顷')],
  en: [base(' ha')],
} satisfies Record<Lang, readonly [Unit, ...Unit[]]>;

export interface AreaOptions {
  /** Also give the area in 亩 (mu), the unit Chinese land announcements use. */
  mu?: boolean;
  /** Also give the area in hectares. */
  hectares?: boolean;
}

/**
 * An area in m²: "2.73万平方米", "8500平方米" / "27,300 m²". With `hectares` and/or `mu`, the
 * other units follow in brackets, hectares first: "2.73万平方米（2.73公顷，40.95亩）" /
 * "27,300 m² (2.73 ha, 40.95 mu)". Negative, NaN and infinite values come back as `String(m2)`.
 */
export function formatArea(m2: number, lang: Lang, opts: AreaOptions = {}): string {
  if (!isFormattable(m2)) return String(m2);
  const area = withoutNegativeZero(m2);
  const main = formatScaled(area, AREA_UNITS[lang], lang);
  const others: string[] = [];
  if (opts.hectares) {
    others.push(formatScaled(area / SQUARE_METRES_PER_HECTARE, HECTARE_UNITS[lang], lang));
  }
  if (opts.mu) {
    const mu = (area * MU_PER_SQUARE_METRE_NUMERATOR) / 10_000;
    others.push(formatScaled(mu, MU_UNITS[lang], lang));
  }
  if (others.length === 0) return main;
  return lang === 'en' ? `${main} (${others.join(', ')})` : `${main}（${others.join('，')}）`;
}

export type CountUnit = 'floors' | 'buildings' | 'companies' | 'jobs' | 'people' | 'units';

const CHINESE_COUNTERS = {
  floors: '层',
  buildings: '栋',
  companies: '家',
  jobs: '人',
  people: '人',
  units: '个',
} satisfies Record<CountUnit, string>;

const ENGLISH_NOUNS = {
  floors: { one: 'floor', other: 'floors' },
  buildings: { one: 'building', other: 'buildings' },
  companies: { one: 'company', other: 'companies' },
  jobs: { one: 'job', other: 'jobs' },
  people: { one: 'person', other: 'people' },
  units: { one: 'unit', other: 'units' },
} satisfies Record<CountUnit, { one: string; other: string }>;

/** Units whose Chinese counts switch to 万 from 10000 upwards ("1.2万人"). */
const COUNTS_IN_WAN: ReadonlySet<CountUnit> = new Set<CountUnit>(['jobs', 'people']);

let englishPluralRules: Intl.PluralRules | undefined;

/**
 * A count with its unit: "17层", "16栋", "50家", "800人", "1.2万人" / "1 floor", "17 floors",
 * "10,000 jobs" (English singular/plural through Intl.PluralRules). Negative, NaN and infinite
 * values come back as `String(n)`.
 */
export function formatCount(n: number, unit: CountUnit, lang: Lang): string {
  if (!isFormattable(n)) return String(n);
  const count = withoutNegativeZero(n);
  if (lang === 'en') {
    englishPluralRules ??= new Intl.PluralRules('en-US');
    const shown = rounded(count, BASE_FRACTION_DIGITS);
    const noun = englishPluralRules.select(shown) === 'one' ? 'one' : 'other';
    return `${digits(count, BASE_FRACTION_DIGITS, lang)} ${ENGLISH_NOUNS[unit][noun]}`;
  }
  const counter = CHINESE_COUNTERS[unit];
  const units: readonly [Unit, ...Unit[]] = COUNTS_IN_WAN.has(unit)
    ? [base(counter), scaledUnit(1e4, `万${counter}`)]
    : [base(counter)];
  return formatScaled(count, units, lang);
}

const LENGTH_UNITS = {
  'zh-CN': [base('米'), scaledUnit(1000, '公里')],
  en: [base(' m'), scaledUnit(1000, ' km')],
} satisfies Record<Lang, readonly [Unit, ...Unit[]]>;

/**
 * A length or height in metres: "80米", "1.2公里" / "80 m", "1.2 km" (kilometres from 1000 m).
 * Negative, NaN and infinite values come back as `String(m)`.
 */
export function formatLength(m: number, lang: Lang): string {
  if (!isFormattable(m)) return String(m);
  return formatScaled(withoutNegativeZero(m), LENGTH_UNITS[lang], lang);
}

/** A building height: the same as {@link formatLength}. */
export const formatHeight = formatLength;

/**
 * A percentage given as 0–100: "95%", "62.5%" in both languages (at most 2 fraction digits).
 * Built as digits + "%" rather than Intl's percent style so no ×100 floating error can creep in.
 * Negative, NaN and infinite values come back as `String(p)`.
 */
export function formatPercent(p: number, lang: Lang): string {
  if (!isFormattable(p)) return String(p);
  return `${digits(withoutNegativeZero(p), BASE_FRACTION_DIGITS, lang)}%`;
}

const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

let englishMonthFormatter: Intl.DateTimeFormat | undefined;

function englishMonthName(month: number): string {
  englishMonthFormatter ??= new Intl.DateTimeFormat('en-US', { month: 'long', timeZone: 'UTC' });
  // Mid-month at noon UTC: no time zone can move it into another month.
  return englishMonthFormatter.format(new Date(Date.UTC(2000, month - 1, 15, 12)));
}

/**
 * An ISO date of year, month or day precision: "2020年", "2020年6月", "2020年6月29日" /
 * "2020", "June 2020", "29 June 2020". Anything else (a full timestamp, "2020-13", "2021-02-29",
 * free text) comes back unchanged, so no text from the data is ever lost.
 */
export function formatDate(iso: string, lang: Lang): string {
  const match = ISO_DATE.exec(iso);
  if (!match) return iso;
  const [, yearText = '', monthText, dayText] = match;
  const year = Number(yearText);
  const month = monthText === undefined ? undefined : Number(monthText);
  const day = dayText === undefined ? undefined : Number(dayText);
  if (month !== undefined && (month < 1 || month > 12)) return iso;
  if (month !== undefined && day !== undefined && (day < 1 || day > daysInMonth(year, month))) {
    return iso;
  }
  if (lang === 'en') {
    if (month === undefined) return yearText;
    const monthYear = `${englishMonthName(month)} ${yearText}`;
    return day === undefined ? monthYear : `${day} ${monthYear}`;
  }
  if (month === undefined) return `${yearText}年`;
  return day === undefined ? `${yearText}年${month}月` : `${yearText}年${month}月${day}日`;
}

/**
 * A figure of the data schema in its unit: money for investment, annual output and tax; area for
 * floor area; area with 亩/mu for land area; length for height; counts for the rest.
 */
export function formatFigure(key: FigureKey, value: number, lang: Lang): string {
  switch (key) {
    case 'investment':
    case 'annualOutput':
    case 'annualTax':
      return formatMoney(value, lang);
    case 'floorArea':
      return formatArea(value, lang);
    case 'landArea':
      return formatArea(value, lang, { mu: true });
    case 'floors':
      return formatCount(value, 'floors', lang);
    case 'height':
      return formatLength(value, lang);
    case 'buildingCount':
      return formatCount(value, 'buildings', lang);
    case 'capacity':
      return formatCount(value, 'companies', lang);
    case 'jobs':
      return formatCount(value, 'jobs', lang);
  }
}
