// Decimal digits as an en-US Intl.NumberFormat writes them ({ minimumFractionDigits: 0,
// maximumFractionDigits, useGrouping }), without one: building the first Intl.NumberFormat of a
// page costs ≈ 5–20 ms (ICU's locale data), on every page load, before anything is shown.
//
// Like ICU, the number's shortest round-trip decimal (what `toExponential()` writes) is rounded
// half away from zero: 1.005 → "1.01" at 2 digits, where `toFixed` would give "1.00". Pure.

/** `value` with at most `maximumFractionDigits` fraction digits, trailing zeros dropped. */
export function formatDecimal(
  value: number,
  maximumFractionDigits: number,
  useGrouping: boolean,
): string {
  if (Number.isNaN(value)) return 'NaN';
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  const magnitude = Math.abs(value);
  if (magnitude === Infinity) return `${sign}∞`;
  // Shortest digits d1 d2 … and exponent e: magnitude = d1.d2… × 10^e.
  const [mantissa = '0', exponentText = '0'] = magnitude.toExponential().split('e');
  let digits = mantissa.replace('.', '');
  let integerLength = Number(exponentText) + 1;
  if (magnitude === 0) {
    digits = '0';
    integerLength = 1;
  }
  // Keep the digits up to the last fraction digit allowed; the next one decides the rounding.
  const keep = integerLength + maximumFractionDigits;
  let kept: number[];
  if (keep < 0) {
    kept = [];
  } else {
    kept = [...digits.slice(0, keep)].map(Number);
    while (kept.length < keep) kept.push(0);
    const next = keep < digits.length ? Number(digits[keep]) : 0;
    if (next >= 5) {
      let i = kept.length - 1;
      while (i >= 0 && kept[i] === 9) {
        kept[i] = 0;
        i -= 1;
      }
      if (i >= 0) kept[i]! += 1;
      else {
        kept.unshift(1);
        integerLength += 1;
      }
    }
  }
  // Positions: kept[j] is the digit of 10^(integerLength - 1 - j).
  const integerDigits: number[] = [];
  for (let j = 0; j < integerLength; j++) integerDigits.push(j < kept.length ? kept[j]! : 0);
  let fraction = '';
  for (let place = 1; place <= maximumFractionDigits; place++) {
    const j = integerLength - 1 + place;
    fraction += j >= 0 && j < kept.length ? String(kept[j]) : '0';
  }
  fraction = fraction.replace(/0+$/, '');
  let integer = integerDigits.join('').replace(/^0+(?=\d)/, '');
  if (integer === '') integer = '0';
  if (useGrouping) integer = integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${integer}${fraction ? `.${fraction}` : ''}`;
}
