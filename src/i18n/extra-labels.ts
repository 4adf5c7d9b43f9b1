// Labels and formats of properties beyond the core schema (data/README.md lists them), so the
// details panel can show everything a feature says. Keys not listed here are still shown, by name.
import type { FigureKey } from '../data/types.js';
import type { Lang } from './lang.js';
import {
  formatArea,
  formatCount,
  formatDate,
  formatFigure,
  formatLength,
  formatMoney,
} from './format.js';
import { formatNumber } from './number.js';
import { qualifierOf, qualifyFigure } from './qualifiers.js';
import { figureLabel } from './strings.js';
import { FIGURE_KEYS } from '../data/types.js';

export type ExtraFormat =
  | 'money'
  | 'area'
  | 'length'
  | 'people'
  | 'companies'
  | 'units'
  | 'number'
  | 'date'
  | 'text'
  | 'reference';

interface ExtraLabel {
  'zh-CN': string;
  en: string;
  format: ExtraFormat;
}

export const EXTRA_LABELS: Record<string, ExtraLabel> = {
  aliases: { 'zh-CN': '别称', en: 'Also known as', format: 'text' },
  history: { 'zh-CN': '进展历程', en: 'Timeline', format: 'text' },
  address: { 'zh-CN': '地址', en: 'Address', format: 'text' },
  developer: { 'zh-CN': '建设单位', en: 'Developer', format: 'text' },
  partner: { 'zh-CN': '合作方', en: 'Partner', format: 'text' },
  contractor: { 'zh-CN': '施工单位', en: 'Contractor', format: 'text' },
  signed: { 'zh-CN': '签约日期', en: 'Signed', format: 'date' },
  constructionStart: { 'zh-CN': '开工日期', en: 'Construction started', format: 'date' },
  toppedOut: { 'zh-CN': '封顶日期', en: 'Topped out', format: 'date' },
  yearBuilt: { 'zh-CN': '建成年份', en: 'Year built', format: 'date' },
  annualTaxYear: { 'zh-CN': '税收年份', en: 'Tax year', format: 'date' },
  investmentNote: { 'zh-CN': '投资说明', en: 'About the investment', format: 'text' },
  award: { 'zh-CN': '荣誉', en: 'Award', format: 'text' },
  companies: { 'zh-CN': '企业数', en: 'Companies', format: 'companies' },
  headCompanies: { 'zh-CN': '头部企业', en: 'Leading companies', format: 'companies' },
  listedCompanies: { 'zh-CN': '上市企业', en: 'Listed companies', format: 'companies' },
  workers: { 'zh-CN': '施工人员', en: 'Workers on site', format: 'people' },
  talents: { 'zh-CN': '人才', en: 'Skilled people', format: 'people' },
  graduates: { 'zh-CN': '毕业生', en: 'Graduates', format: 'people' },
  mentors: { 'zh-CN': '导师', en: 'Mentors', format: 'people' },
  passengerLifts: { 'zh-CN': '客梯', en: 'Passenger lifts', format: 'units' },
  fireLifts: { 'zh-CN': '消防电梯', en: 'Fire lifts', format: 'units' },
  liveStudios: { 'zh-CN': '直播间', en: 'Live-streaming studios', format: 'units' },
  products: { 'zh-CN': '产品', en: 'Products', format: 'number' },
  renovatedArea: { 'zh-CN': '改造面积', en: 'Renovated area', format: 'area' },
  length: { 'zh-CN': '长度', en: 'Length', format: 'length' },
  landRentIncome: { 'zh-CN': '土地租金收入', en: 'Land rent income', format: 'money' },
  villageIncome: { 'zh-CN': '村集体收入', en: 'Village collective income', format: 'money' },
  building: { 'zh-CN': '所在楼栋', en: 'In building', format: 'reference' },
  relatedZone: { 'zh-CN': '相关园区', en: 'Related zone', format: 'reference' },
};

const isFigureKey = (key: string): key is FigureKey =>
  (FIGURE_KEYS as readonly string[]).includes(key);

/** The label of any property or target key: core figures, known extensions, else the key itself. */
export function propertyLabel(key: string, lang: Lang): string {
  if (isFigureKey(key)) return figureLabel(key, lang);
  const extra = Object.hasOwn(EXTRA_LABELS, key) ? EXTRA_LABELS[key] : undefined;
  return extra ? extra[lang] : key;
}

/** A number under this key, formatted as its kind of figure (plain digits when unknown). */
export function formatKeyedNumber(key: string, value: number, lang: Lang): string {
  if (isFigureKey(key)) return formatFigure(key, value, lang);
  const format = Object.hasOwn(EXTRA_LABELS, key) ? EXTRA_LABELS[key]!.format : 'number';
  switch (format) {
    case 'money':
      return formatMoney(value, lang);
    case 'area':
      return formatArea(value, lang);
    case 'length':
      return formatLength(value, lang);
    case 'people':
      return formatCount(value, 'people', lang);
    case 'companies':
      return formatCount(value, 'companies', lang);
    case 'units':
      return formatCount(value, 'units', lang);
    case 'date':
      return String(value);
    default:
      return formatNumber(value, lang);
  }
}

/** Any other value under this key, as text: dates formatted, lists joined, objects as JSON. */
export function formatKeyedValue(key: string, value: unknown, lang: Lang): string {
  if (typeof value === 'number') return formatKeyedNumber(key, value, lang);
  const format = Object.hasOwn(EXTRA_LABELS, key) ? EXTRA_LABELS[key]!.format : 'text';
  if (typeof value === 'string') return format === 'date' ? formatDate(value, lang) : value;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    return value.join(lang === 'zh-CN' ? '、' : ', ');
  }
  return JSON.stringify(value);
}

/**
 * The panel's one line saying the English is a translation (`translation` names who made it). Here,
 * with the details panel, not in the first-load string table: it only shows in the panel.
 */
export function translationNote(translator: string, lang: Lang): string {
  return lang === 'en'
    ? `English translated by ${translator}; original in Chinese`
    : `英文由${translator}翻译；原文为中文`;
}

/** One entry of a feature's `stats`: a figure with a period or unit of its own. */
export interface Stat {
  label?: unknown;
  value?: unknown;
  unit?: unknown;
  period?: unknown;
  target?: unknown;
  /** 约, 余, 以上, 可达 of the value: about, more_than, at_least, up_to. */
  qualifier?: unknown;
  'label:en'?: unknown;
  'unit:en'?: unknown;
  'period:en'?: unknown;
}

/**
 * A stat's value in its unit: yuan and m² as the other figures are, anything else as stated; with
 * its `qualifier` (1300余人, over 1,300 people).
 */
export function formatStatValue(stat: Stat, lang: Lang): string {
  return qualifyFigure(formatStatNumber(stat, lang), qualifierOf(stat, 'qualifier'), lang);
}

function formatStatNumber(stat: Stat, lang: Lang): string {
  const unit = typeof stat.unit === 'string' ? stat.unit : '';
  if (typeof stat.value !== 'number') return `${String(stat.value ?? '')}${unit}`;
  if (unit === '元') return formatMoney(stat.value, lang);
  if (unit === 'm²' || unit === '平方米') return formatArea(stat.value, lang);
  // The English unit (our translation) where the data gives one: "20 working days".
  const english = stat['unit:en'];
  if (lang === 'en' && typeof english === 'string' && english !== '') {
    return `${formatNumber(stat.value, lang)} ${english}`;
  }
  return `${formatNumber(stat.value, lang)}${unit}`;
}
