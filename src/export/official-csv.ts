// The CSV for people: the shown features as a table an official opens in Excel — headers in the
// element's language with their units (投资额（亿元）, 建筑面积（万平方米）, 占地（亩）), statuses and
// kinds in words, the figures converted into those units and written as numbers, the qualifiers
// (约, 余, 以上, 可达) in words beside them, the hotline (a park's inherited from its zone). The
// machines' export is GeoJSON (toGeoJson), and toCsv keeps the data's own keys for re-import.
// Pure: returns a string.
import { bboxOf } from '../data/bbox.js';
import { nearestUp } from '../data/inherited.js';
import { QUALIFIERS } from '../data/qualifier-keys.js';
import type { FigureKey, ParkFeature } from '../data/types.js';
import type { Lang } from '../i18n/lang.js';
import { figureLabel, kindLabel, statusLabel } from '../i18n/strings.js';
import { neutraliseFormula, plainNumber, quote } from './export.js';

/** A figure column: its key, the unit its header states, and how many base units one of it is. */
interface FigureColumn {
  key: FigureKey | 'companies' | 'progress';
  unit: Record<Lang, string>;
  per: Record<Lang, number>;
}

/** 1 亩 = 10 000 / 15 m² (exactly 666.6…); 1 ha = 10 000 m². */
const MU = 10_000 / 15;

const FIGURES: readonly FigureColumn[] = [
  { key: 'progress', unit: { 'zh-CN': '%', en: '%' }, per: { 'zh-CN': 1, en: 1 } },
  {
    key: 'investment',
    unit: { 'zh-CN': '亿元', en: 'CNY billion' },
    per: { 'zh-CN': 1e8, en: 1e9 },
  },
  {
    key: 'annualOutput',
    unit: { 'zh-CN': '亿元', en: 'CNY billion' },
    per: { 'zh-CN': 1e8, en: 1e9 },
  },
  {
    key: 'annualTax',
    unit: { 'zh-CN': '亿元', en: 'CNY billion' },
    per: { 'zh-CN': 1e8, en: 1e9 },
  },
  { key: 'floorArea', unit: { 'zh-CN': '万平方米', en: 'm²' }, per: { 'zh-CN': 1e4, en: 1 } },
  { key: 'landArea', unit: { 'zh-CN': '亩', en: 'ha' }, per: { 'zh-CN': MU, en: 1e4 } },
  { key: 'floors', unit: { 'zh-CN': '层', en: 'floors' }, per: { 'zh-CN': 1, en: 1 } },
  { key: 'height', unit: { 'zh-CN': '米', en: 'm' }, per: { 'zh-CN': 1, en: 1 } },
  { key: 'buildingCount', unit: { 'zh-CN': '栋', en: 'buildings' }, per: { 'zh-CN': 1, en: 1 } },
  { key: 'capacity', unit: { 'zh-CN': '家', en: 'companies' }, per: { 'zh-CN': 1, en: 1 } },
  { key: 'jobs', unit: { 'zh-CN': '个', en: 'jobs' }, per: { 'zh-CN': 1, en: 1 } },
  { key: 'companies', unit: { 'zh-CN': '家', en: 'companies' }, per: { 'zh-CN': 1, en: 1 } },
];

const WORDS: Record<
  Lang,
  {
    name: string;
    otherName: string;
    kind: string;
    parent: string;
    status: string;
    statusDate: string;
    statusNote: string;
    progress: string;
    companies: string;
    qualifiers: string;
    tenants: string;
    industries: string;
    address: string;
    hotline: string;
    longitude: string;
    latitude: string;
    sources: string;
    list: string;
    qualifier: Record<(typeof QUALIFIERS)[number], string>;
  }
> = {
  'zh-CN': {
    name: '名称',
    otherName: '英文名称',
    kind: '类型',
    parent: '所属',
    status: '状态',
    statusDate: '状态日期',
    statusNote: '状态说明',
    progress: '进度',
    companies: '企业数',
    qualifiers: '数值说明',
    tenants: '入驻企业',
    industries: '产业方向',
    address: '地址',
    hotline: '招商热线',
    longitude: '经度',
    latitude: '纬度',
    sources: '资料来源',
    list: '；',
    qualifier: { about: '约', more_than: '超过', at_least: '不少于', up_to: '最多' },
  },
  en: {
    name: 'Name',
    otherName: 'Chinese name',
    kind: 'Kind',
    parent: 'Part of',
    status: 'Status',
    statusDate: 'Status date',
    statusNote: 'Status note',
    progress: 'Progress',
    companies: 'Companies',
    qualifiers: 'Figure notes',
    tenants: 'Tenants',
    industries: 'Industries',
    address: 'Address',
    hotline: 'Investment hotline',
    longitude: 'Longitude',
    latitude: 'Latitude',
    sources: 'Sources',
    list: '; ',
    qualifier: { about: 'about', more_than: 'more than', at_least: 'at least', up_to: 'up to' },
  },
};

/** A column's header as its unit is written: "投资额（亿元）", "Investment (CNY billion)". */
function figureHeader(column: FigureColumn, lang: Lang): string {
  const words = WORDS[lang];
  const label =
    column.key === 'progress'
      ? words.progress
      : column.key === 'companies'
        ? words.companies
        : figureLabel(column.key, lang);
  const unit = column.unit[lang];
  return lang === 'zh-CN' ? `${label}（${unit}）` : `${label} (${unit})`;
}

/** A figure in the column's unit, without the float's noise (17.055, not 17.055000000000001). */
function inUnit(value: unknown, column: FigureColumn, lang: Lang): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  return Number((value / column.per[lang]).toPrecision(12));
}

const text = (value: unknown): string =>
  typeof value === 'string' && value !== '' ? quote(neutraliseFormula(value)) : '';
const number = (value: number | undefined): string =>
  value === undefined ? '' : plainNumber(value);

/**
 * The features as the officials' CSV in `lang`: a UTF-8 byte order mark (Excel reads Chinese
 * right), one header row, one row per feature, CRLF after every row; `all` looks parents up (the
 * parent's name, the inherited hotline), the shown features when not given.
 */
export function toOfficialCsv(
  features: readonly ParkFeature[],
  lang: Lang,
  all: readonly ParkFeature[] = features,
): string {
  const words = WORDS[lang];
  const byId = new Map(all.map((feature) => [feature.id, feature]));
  const nameIn = (feature: ParkFeature) =>
    (lang === 'en' ? feature.properties['name:en'] : undefined) ?? feature.properties.name;
  const header = [
    words.name,
    words.otherName,
    words.kind,
    words.parent,
    words.status,
    words.statusDate,
    words.statusNote,
    ...FIGURES.map((column) => figureHeader(column, lang)),
    words.qualifiers,
    words.tenants,
    words.industries,
    words.address,
    words.hotline,
    words.longitude,
    words.latitude,
    words.sources,
  ];
  const rows = [header.map((cell) => quote(cell)).join(',')];
  for (const feature of features) {
    const p = feature.properties;
    const parent = p.parent ? byId.get(p.parent) : undefined;
    const qualifiers = FIGURES.flatMap((column) => {
      const qualifier = p.qualifiers?.[column.key];
      return typeof p[column.key] === 'number' &&
        (QUALIFIERS as readonly unknown[]).includes(qualifier)
        ? [
            `${figureHeader(column, lang)
              .replace(/[（(].*$/, '')
              .trim()}${lang === 'zh-CN' ? '：' : ': '}${
              words.qualifier[qualifier as (typeof QUALIFIERS)[number]]
            }`,
          ]
        : [];
    });
    const box = bboxOf([feature]);
    const english = lang === 'en';
    rows.push(
      [
        text(nameIn(feature)),
        text(english ? p.name : p['name:en']),
        text(kindLabel(p.kind, lang)),
        text(parent ? nameIn(parent) : undefined),
        text(p.status ? statusLabel(p.status, lang) : undefined),
        text(p.statusDate),
        text(english ? (p['statusNote:en'] ?? p.statusNote) : p.statusNote),
        ...FIGURES.map((column) => number(inUnit(p[column.key], column, lang))),
        text(qualifiers.join(words.list)),
        text(
          (p.tenants ?? [])
            .map((tenant) => (english ? (tenant['name:en'] ?? tenant.name) : tenant.name))
            .join(words.list),
        ),
        text((p.industries ?? []).join(words.list)),
        text(english ? (p['address:en'] ?? p.address) : p.address),
        text(
          nearestUp(feature, byId, (at) => Boolean(at.properties.contact?.phone))?.properties
            .contact?.phone,
        ),
        number(box ? Number(((box[0] + box[2]) / 2).toFixed(6)) : undefined),
        number(box ? Number(((box[1] + box[3]) / 2).toFixed(6)) : undefined),
        text((p.sources ?? []).map((source) => source.title).join(words.list)),
      ].join(','),
    );
  }
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}
