// formatDecimal against the reference it replaces: en-US Intl.NumberFormat with the same settings,
// on hand-picked edge cases (ties, carries, tiny and huge values) and 60 000 seeded random values.
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/generate.ts';
import { formatDecimal } from '../../src/i18n/decimal';

function intl(value: number, maximumFractionDigits: number, useGrouping: boolean): string {
  return new Intl.NumberFormat('en-US', {
    maximumFractionDigits,
    minimumFractionDigits: 0,
    useGrouping,
  }).format(value);
}

const SETTINGS: [number, boolean][] = [];
for (const digits of [0, 1, 2, 3, 4, 6])
  for (const grouping of [false, true]) SETTINGS.push([digits, grouping]);

describe('formatDecimal', () => {
  it('writes what Intl writes for edge cases', () => {
    const values = [
      0,
      -0,
      1,
      5,
      10,
      0.5,
      1.5,
      2.5,
      0.05,
      0.005,
      0.0005,
      1.005,
      1.045,
      1.0049999,
      0.125,
      0.375,
      9.995,
      99.995,
      999.9995,
      0.9999999,
      99999999.5,
      123456789,
      1234567.891,
      27300,
      40.95,
      666.6666666666666,
      0.1 + 0.2,
      1e-7,
      4.35e-5,
      1e21,
      1.7976931348623157e308,
      5e-324,
      12000,
      -1.5,
      -0.001,
      -1234.5678,
      1e15 + 0.3,
      2 ** 53,
      0.045,
      1.255,
      8.325,
      3.14159,
    ];
    for (const value of values) {
      for (const [digits, grouping] of SETTINGS) {
        expect(formatDecimal(value, digits, grouping), `${value} ${digits} ${grouping}`).toBe(
          intl(value, digits, grouping),
        );
      }
    }
  });

  it('writes what Intl writes for 10 000 seeded values in 12 settings', () => {
    const random = mulberry32(20261123);
    let checked = 0;
    for (let i = 0; i < 5000; i++) {
      // Magnitudes 1e-6 … 1e12, plus values that sit on a rounding tie at some digit.
      const magnitude = 10 ** Math.floor(random() * 18 - 6);
      const raw = random() * magnitude;
      const tie = Math.round(raw * 1000) / 1000 + 0.0005;
      for (const value of [raw, tie]) {
        for (const [digits, grouping] of SETTINGS) {
          if (formatDecimal(value, digits, grouping) !== intl(value, digits, grouping)) {
            expect(formatDecimal(value, digits, grouping), `${value} ${digits}`).toBe(
              intl(value, digits, grouping),
            );
          }
          checked += 1;
        }
      }
    }
    expect(checked).toBe(120_000);
  });

  it('writes NaN and infinities as Intl does', () => {
    for (const value of [NaN, Infinity, -Infinity]) {
      expect(formatDecimal(value, 2, true)).toBe(intl(value, 2, true));
    }
  });
});
