// Area and length units: exact conversions (1 亩 = 10000/15 m², 1 ha = 10000 m²) and planner-style
// text; every expected value below is worked out by hand.
import { describe, expect, it } from 'vitest';
import {
  autoAreaUnit,
  autoLengthUnit,
  convertArea,
  convertLength,
  formatMeasure,
} from '../../src/measure/units';

describe('convertArea', () => {
  it.each([
    [27_300, 'm2', 27_300],
    [27_300, 'ha', 2.73],
    [27_300, 'mu', 40.95],
    [27_300, 'km2', 0.0273],
    [10_000, 'mu', 15],
    [6667, 'mu', 10.0005],
    [1_000_000, 'mu', 1500],
    [2_000_000, 'ha', 200],
    [12_500_000, 'km2', 12.5],
    [0, 'mu', 0],
  ] as const)('%d m² is %s %d', (m2, unit, expected) => {
    expect(convertArea(m2, unit)).toBe(expected);
  });

  it('takes 15 亩 to the hectare, so a round hectare count is a round 亩 count', () => {
    for (const hectares of [1, 2, 3, 7, 13, 100, 333]) {
      expect(convertArea(hectares * 10_000, 'mu')).toBe(hectares * 15);
    }
  });
});

describe('convertLength', () => {
  it.each([
    [1234.5, 'm', 1234.5],
    [1234.5, 'km', 1.2345],
    [50_000, 'km', 50],
  ] as const)('%d m is %s %d', (m, unit, expected) => {
    expect(convertLength(m, unit)).toBe(expected);
  });
});

describe('formatMeasure', () => {
  it.each([
    [27_300, 'm2', '27300 平方米', '27,300 m²'],
    [2.73, 'ha', '2.73 公顷', '2.73 ha'],
    [40.95, 'mu', '40.95 亩', '40.95 mu'],
    [0.0273, 'km2', '0.0273 平方公里', '0.0273 km²'],
    [12.5, 'km2', '12.5 平方公里', '12.5 km²'],
    [1234.5, 'm', '1234.5 米', '1,234.5 m'],
    [1.23, 'km', '1.23 公里', '1.23 km'],
  ] as const)('%d %s: "%s" / "%s"', (value, unit, zh, en) => {
    expect(formatMeasure(value, unit, 'zh-CN')).toBe(zh);
    expect(formatMeasure(value, unit, 'en')).toBe(en);
  });

  it.each([
    [27_300.456, 'm2', '27,300.46 m²'], // areas: 0.01 of the unit
    [40.954, 'mu', '40.95 mu'],
    [40.955, 'mu', '40.96 mu'], // half away from zero, on the decimal the reader sees
    [1234.56, 'm', '1,234.6 m'], // 0.1 m
    [1.23456, 'km', '1.235 km'], // 0.001 km
    [999.99, 'm', '1,000 m'],
    [0.001234, 'ha', '0.001234 ha'], // small values keep 4 significant digits
    [0.012345, 'km', '0.01235 km'],
    [0.0000001, 'km2', '0 km²'], // at most 6 decimals
    [0, 'm2', '0 m²'],
    [-0, 'm', '0 m'],
  ] as const)('rounds %d %s to "%s"', (value, unit, expected) => {
    expect(formatMeasure(value, unit, 'en')).toBe(expected);
  });

  it('gives non-finite values back as they are, with the unit', () => {
    expect(formatMeasure(Number.NaN, 'ha', 'zh-CN')).toBe('NaN 公顷');
    expect(formatMeasure(Number.POSITIVE_INFINITY, 'm', 'en')).toBe('Infinity m');
  });

  it('reads a converted area the way the panel builds it', () => {
    expect(formatMeasure(convertArea(27_300, 'mu'), 'mu', 'zh-CN')).toBe('40.95 亩');
    expect(formatMeasure(convertArea(27_300, 'ha'), 'ha', 'en')).toBe('2.73 ha');
  });
});

describe('autoAreaUnit and autoLengthUnit', () => {
  it.each([
    [0, 'm2'],
    [9999.99, 'm2'],
    [10_000, 'ha'],
    [999_999, 'ha'],
    [1_000_000, 'km2'],
  ] as const)('%d m² reads in %s', (m2, unit) => {
    expect(autoAreaUnit(m2)).toBe(unit);
  });

  it.each([
    [0, 'm'],
    [999.9, 'm'],
    [1000, 'km'],
    [50_000, 'km'],
  ] as const)('%d m reads in %s', (m, unit) => {
    expect(autoLengthUnit(m)).toBe(unit);
  });
});
