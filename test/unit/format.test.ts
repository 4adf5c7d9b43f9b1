// Number, unit and date formatting: every expected string below is written out by hand.
import { describe, expect, it } from 'vitest';
import { FIGURE_KEYS, type FigureKey } from '../../src/data/types';
import {
  formatArea,
  formatCount,
  formatDate,
  formatFigure,
  formatHeight,
  formatLength,
  formatMoney,
  formatPercent,
} from '../../src/i18n/format';
import { formatNumber } from '../../src/i18n/number';

describe('formatMoney, zh-CN', () => {
  it.each([
    [1_000_000_000, '10亿元'],
    [150_000_000, '1.5亿元'], // not "1.50亿元": trailing zeros dropped
    [13_380_000_000, '133.8亿元'],
    [325_000_000, '3.25亿元'],
    [100_000_000, '1亿元'], // the 亿 threshold itself
    [99_990_000, '9999万元'], // just below it
    [30_000_000, '3000万元'],
    [25_000, '2.5万元'],
    [10_000, '1万元'], // the 万 threshold itself
    [9_999, '9999元'],
    [500, '500元'],
    [0.5, '0.5元'],
    [0, '0元'],
    [-0, '0元'],
    [99_999_999, '9999.9999万元'], // 99999999 / 1e4, exact in 4 fraction digits
    [1_200_000_000_000, '12000亿元'], // no thousands separator in Chinese
  ])('%s yuan → %s', (yuan, expected) => {
    expect(formatMoney(yuan, 'zh-CN')).toBe(expected);
  });

  it('rounds 亿元 to 4 fraction digits, half up: 123456000 / 1e8 = 1.23456 → 1.2346', () => {
    expect(formatMoney(123_456_000, 'zh-CN')).toBe('1.2346亿元');
  });

  it('moves to 亿 when rounding reaches it: 99999999.5 / 1e4 = 9999.99995 → 10000万 → 1亿', () => {
    expect(formatMoney(99_999_999.5, 'zh-CN')).toBe('1亿元');
  });
});

describe('formatMoney, en', () => {
  it.each([
    [1_000_000_000, 'CNY 1 billion'], // the billion threshold itself
    [13_380_000_000, 'CNY 13.38 billion'],
    [1_500_000_000, 'CNY 1.5 billion'],
    [999_000_000, 'CNY 999 million'],
    [150_000_000, 'CNY 150 million'],
    [1_000_000, 'CNY 1 million'], // the million threshold itself
    [2_500_000, 'CNY 2.5 million'],
    [999_999, 'CNY 999,999'],
    [5_000, 'CNY 5,000'],
    [0, 'CNY 0'],
    [1_200_000_000_000, 'CNY 1,200 billion'],
  ])('%s yuan → %s', (yuan, expected) => {
    expect(formatMoney(yuan, 'en')).toBe(expected);
  });

  it('rounds to 4 fraction digits: 1234567 / 1e6 = 1.234567 → 1.2346', () => {
    expect(formatMoney(1_234_567, 'en')).toBe('CNY 1.2346 million');
  });

  it('moves to billion when rounding reaches it: 999999999.99 / 1e6 = 999.99999999 → 1000', () => {
    expect(formatMoney(999_999_999.99, 'en')).toBe('CNY 1 billion');
  });
});

describe('formatMoney, invalid input comes back unchanged', () => {
  it.each([
    [-5, '-5'],
    [-150_000_000, '-150000000'],
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
    [-Infinity, '-Infinity'],
  ])('%s → %s', (value, expected) => {
    expect(formatMoney(value, 'zh-CN')).toBe(expected);
    expect(formatMoney(value, 'en')).toBe(expected);
  });
});

describe('formatArea', () => {
  it.each([
    [700_000, '70万平方米'], // 700000 / 1e4 = 70
    [27_300, '2.73万平方米'],
    [10_000, '1万平方米'],
    [9_999, '9999平方米'],
    [8_500, '8500平方米'],
    [8_500.25, '8500.25平方米'],
    [8_500.125, '8500.13平方米'], // 0.125 is exact in binary: a true half, rounded up
    [12_345_678, '1234.5678万平方米'],
    [0, '0平方米'],
  ])('zh-CN: %s m² → %s', (m2, expected) => {
    expect(formatArea(m2, 'zh-CN')).toBe(expected);
  });

  it.each([
    [700_000, '700,000 m²'],
    [27_300, '27,300 m²'],
    [8_500, '8,500 m²'],
    [999, '999 m²'],
    [12.5, '12.5 m²'],
  ])('en: %s m² → %s', (m2, expected) => {
    expect(formatArea(m2, 'en')).toBe(expected);
  });

  it('adds 亩 in full-width brackets: 27300 × 15 / 10000 = 40.95 亩', () => {
    expect(formatArea(27_300, 'zh-CN', { mu: true })).toBe('2.73万平方米（40.95亩）');
  });

  it('adds mu in English: 27300 × 15 / 10000 = 40.95 mu', () => {
    expect(formatArea(27_300, 'en', { mu: true })).toBe('27,300 m² (40.95 mu)');
  });

  it('adds hectares: 27300 / 10000 = 2.73 ha', () => {
    expect(formatArea(27_300, 'zh-CN', { hectares: true })).toBe('2.73万平方米（2.73公顷）');
    expect(formatArea(27_300, 'en', { hectares: true })).toBe('27,300 m² (2.73 ha)');
  });

  it('gives hectares before mu when both are asked for', () => {
    const both = { hectares: true, mu: true };
    expect(formatArea(27_300, 'zh-CN', both)).toBe('2.73万平方米（2.73公顷，40.95亩）');
    expect(formatArea(27_300, 'en', both)).toBe('27,300 m² (2.73 ha, 40.95 mu)');
  });

  it('rounds mu to 2 decimals: 666 × 15 / 10000 = 0.999 → 1', () => {
    expect(formatArea(666, 'zh-CN', { mu: true })).toBe('666平方米（1亩）');
    expect(formatArea(666, 'en', { mu: true })).toBe('666 m² (1 mu)');
  });

  it('keeps small mu values: 1000 × 15 / 10000 = 1.5 亩', () => {
    expect(formatArea(1_000, 'zh-CN', { mu: true })).toBe('1000平方米（1.5亩）');
  });

  it('rounds hectares to 2 decimals: 12345 / 10000 = 1.2345 → 1.23', () => {
    expect(formatArea(12_345, 'zh-CN', { hectares: true })).toBe('1.2345万平方米（1.23公顷）');
    expect(formatArea(12_345, 'en', { hectares: true })).toBe('12,345 m² (1.23 ha)');
  });

  it('writes large mu in 万亩 in Chinese: 1e7 × 15 / 10000 = 15000 亩 = 1.5万亩', () => {
    expect(formatArea(10_000_000, 'zh-CN', { mu: true })).toBe('1000万平方米（1.5万亩）');
    expect(formatArea(10_000_000, 'en', { mu: true })).toBe('10,000,000 m² (15,000 mu)');
  });

  it('one square kilometre is 100 hectares and 1500 mu', () => {
    const both = { hectares: true, mu: true };
    expect(formatArea(1_000_000, 'zh-CN', both)).toBe('100万平方米（100公顷，1500亩）');
    expect(formatArea(1_000_000, 'en', both)).toBe('1,000,000 m² (100 ha, 1,500 mu)');
  });

  it.each([
    [-1, '-1'],
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
  ])('returns invalid input %s unchanged, with or without extra units', (m2, expected) => {
    expect(formatArea(m2, 'zh-CN')).toBe(expected);
    expect(formatArea(m2, 'en', { mu: true, hectares: true })).toBe(expected);
  });
});

describe('formatCount', () => {
  it.each([
    [17, 'floors', '17层'],
    [16, 'buildings', '16栋'],
    [50, 'companies', '50家'],
    [800, 'jobs', '800人'],
    [800, 'people', '800人'],
    [3, 'units', '3个'],
    [9_999, 'jobs', '9999人'],
    [10_000, 'jobs', '1万人'], // 万 from 1e4 for jobs and people
    [12_000, 'people', '1.2万人'],
    [123_456, 'jobs', '12.3456万人'],
    [12_000, 'companies', '12000家'], // no 万 for companies
  ] as const)('zh-CN: %s %s → %s', (n, unit, expected) => {
    expect(formatCount(n, unit, 'zh-CN')).toBe(expected);
  });

  it.each([
    [1, 'floors', '1 floor'],
    [17, 'floors', '17 floors'],
    [0, 'floors', '0 floors'],
    [1, 'buildings', '1 building'],
    [16, 'buildings', '16 buildings'],
    [1, 'companies', '1 company'],
    [50, 'companies', '50 companies'],
    [1, 'jobs', '1 job'],
    [800, 'jobs', '800 jobs'],
    [10_000, 'jobs', '10,000 jobs'],
    [1, 'people', '1 person'],
    [800, 'people', '800 people'],
    [1, 'units', '1 unit'],
    [3, 'units', '3 units'],
    [1.5, 'floors', '1.5 floors'],
    [1.001, 'floors', '1 floor'], // shown as "1", so singular
  ] as const)('en: %s %s → %s', (n, unit, expected) => {
    expect(formatCount(n, unit, 'en')).toBe(expected);
  });

  it('returns invalid input unchanged', () => {
    expect(formatCount(-3, 'floors', 'zh-CN')).toBe('-3');
    expect(formatCount(NaN, 'jobs', 'en')).toBe('NaN');
  });
});

describe('formatLength', () => {
  it.each([
    [80, '80米', '80 m'],
    [80.5, '80.5米', '80.5 m'],
    [999, '999米', '999 m'],
    [1_000, '1公里', '1 km'], // the kilometre threshold itself
    [1_200, '1.2公里', '1.2 km'],
    [12_345, '12.345公里', '12.345 km'],
    [1_234_567, '1234.567公里', '1,234.567 km'],
    [999.999, '1公里', '1 km'], // 999.999 m shows as 1000 m at 2 decimals, so 1 km
  ])('%s m → %s / %s', (m, zh, en) => {
    expect(formatLength(m, 'zh-CN')).toBe(zh);
    expect(formatLength(m, 'en')).toBe(en);
  });

  it('formatHeight is formatLength', () => {
    expect(formatHeight(80, 'zh-CN')).toBe('80米');
    expect(formatHeight(80, 'en')).toBe('80 m');
  });

  it('returns invalid input unchanged', () => {
    expect(formatLength(-80, 'zh-CN')).toBe('-80');
    expect(formatLength(Infinity, 'en')).toBe('Infinity');
  });
});

describe('formatPercent', () => {
  it.each([
    [95, '95%'],
    [0, '0%'],
    [100, '100%'],
    [62.5, '62.5%'],
    [33.333, '33.33%'],
  ])('%s → %s in both languages', (p, expected) => {
    expect(formatPercent(p, 'zh-CN')).toBe(expected);
    expect(formatPercent(p, 'en')).toBe(expected);
  });

  it('returns invalid input unchanged', () => {
    expect(formatPercent(-5, 'zh-CN')).toBe('-5');
    expect(formatPercent(NaN, 'en')).toBe('NaN');
  });
});

describe('formatNumber', () => {
  it('groups thousands in English only', () => {
    expect(formatNumber(12_345.5, 'en')).toBe('12,345.5');
    expect(formatNumber(12_345.5, 'zh-CN')).toBe('12345.5');
  });
});

describe('formatDate', () => {
  it.each([
    ['2020', '2020年', '2020'],
    ['2020-06', '2020年6月', 'June 2020'],
    ['2020-06-29', '2020年6月29日', '29 June 2020'],
    ['2020-01-01', '2020年1月1日', '1 January 2020'],
    ['2023-12', '2023年12月', 'December 2023'],
    ['2020-02-29', '2020年2月29日', '29 February 2020'], // 2020 is a leap year
    ['2000-02-29', '2000年2月29日', '29 February 2000'], // divisible by 400: leap
  ])('%s → %s / %s', (iso, zh, en) => {
    expect(formatDate(iso, 'zh-CN')).toBe(zh);
    expect(formatDate(iso, 'en')).toBe(en);
  });

  it.each([
    '2021-02-29', // not a leap year
    '1900-02-29', // divisible by 100, not by 400: not a leap year
    '2020-06-31',
    '2020-13',
    '2020-00',
    '2020-06-00',
    '2020-6',
    '2020-06-29T10:00:00Z',
    '20',
    ' 2020',
    '2020年6月',
    'soon',
    '',
  ])('returns %j unchanged', (text) => {
    expect(formatDate(text, 'zh-CN')).toBe(text);
    expect(formatDate(text, 'en')).toBe(text);
  });
});

describe('formatFigure', () => {
  const cases: Record<FigureKey, [value: number, zh: string, en: string]> = {
    investment: [1_000_000_000, '10亿元', 'CNY 1 billion'],
    annualOutput: [5_000_000_000, '50亿元', 'CNY 5 billion'],
    annualTax: [30_000_000, '3000万元', 'CNY 30 million'],
    floorArea: [150_000, '15万平方米', '150,000 m²'],
    // 200000 × 15 / 10000 = 300 亩
    landArea: [200_000, '20万平方米（300亩）', '200,000 m² (300 mu)'],
    floors: [17, '17层', '17 floors'],
    height: [80, '80米', '80 m'],
    buildingCount: [16, '16栋', '16 buildings'],
    capacity: [50, '50家', '50 companies'],
    jobs: [800, '800人', '800 jobs'],
  };

  it.each(FIGURE_KEYS.map((key) => [key, ...cases[key]] as const))(
    '%s %s → %s / %s',
    (key, value, zh, en) => {
      expect(formatFigure(key, value, 'zh-CN')).toBe(zh);
      expect(formatFigure(key, value, 'en')).toBe(en);
    },
  );

  it('uses singular nouns for one in English', () => {
    expect(formatFigure('jobs', 1, 'en')).toBe('1 job');
    expect(formatFigure('capacity', 1, 'en')).toBe('1 company');
  });

  it('returns invalid input unchanged', () => {
    expect(formatFigure('investment', NaN, 'zh-CN')).toBe('NaN');
    expect(formatFigure('landArea', -1, 'en')).toBe('-1');
  });
});
