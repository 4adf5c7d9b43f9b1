// Figures (investment, areas, floors, jobs…) written as text: "10亿元", "2.73万平方米", "５０亩" read
// as the number they mean in their key's unit, and the warning that says so.
import { cutName } from '../issue-messages.js';
import type { FigureKey, Qualifier } from '../types.js';
import { VALUE_LIMIT, displayValue, type Add } from './shared.js';

/** `number`: a plain number in whatever unit its key implies (extension targets such as talents). */
export type FigureUnit =
  'yuan' | 'm2' | 'floors' | 'm' | 'buildings' | 'companies' | 'jobs' | 'percent' | 'number';

export const FIGURE_UNITS: Record<FigureKey, FigureUnit> = {
  investment: 'yuan',
  annualOutput: 'yuan',
  annualTax: 'yuan',
  floorArea: 'm2',
  landArea: 'm2',
  floors: 'floors',
  height: 'm',
  buildingCount: 'buildings',
  capacity: 'companies',
  jobs: 'jobs',
};

/** Unit words → [unit, power of ten to apply]; mu is handled apart (not a power of ten). */
const UNIT_WORDS: [RegExp, FigureUnit, number, 'mu'?][] = [
  [/^(元人民币|人民币|元|rmb|cny)$/i, 'yuan', 0],
  [/^(平方公里|平方千米|km²|km2)$/i, 'm2', 6],
  [/^(公顷|ha)$/i, 'm2', 4],
  [/^(平方米|平米|平方|㎡|m²|m2)$/i, 'm2', 0],
  [/^亩$/, 'm2', 0, 'mu'],
  [/^层$/, 'floors', 0],
  [/^(千米|公里|km)$/i, 'm', 3],
  [/^(米|m)$/i, 'm', 0],
  [/^(栋|幢|座)$/, 'buildings', 0],
  [/^(家|户)$/, 'companies', 0],
  [/^(人|名|个岗位|岗位)$/, 'jobs', 0],
  [/^(%|％)$/, 'percent', 0],
];

const MULTIPLIER_POWERS = new Map([
  ['十', 1],
  ['百', 2],
  ['千', 3],
  ['万', 4],
  ['亿', 8],
]);

/** Words before the number that say how it bounds the figure (达/达到/共计… say nothing). */
const PREFIX_QUALIFIERS = new Map<string, Qualifier>([
  ['约', 'about'],
  ['大约', 'about'],
  // 近 ("nearly", just under): the stated number is an approximation.
  ['近', 'about'],
  ['超过', 'more_than'],
  ['超', 'more_than'],
  ['逾', 'more_than'],
  ['可达', 'up_to'],
]);

/**
 * The number a figure written as text most likely means, in the unit `expected`, or undefined
 * when the text is not one number in a compatible unit. Decimal shifts go through the exponent
 * ("2.73e4"), so 2.73万 is exactly 27300, not 27299.999999999996. The word that qualifies the
 * number comes back as `qualifier`: 约/大约/近 and …左右 about, 超/超过/逾 and …余/…多 more_than,
 * …以上 at_least, 可达 up_to (达 alone is "reached", no qualifier). 余 and 多 count only right
 * after the digits or their 万/亿 ("70万余平方米", "500多万元"), never inside a word (多元).
 */
export function parseFigureText(
  text: string,
  expected: FigureUnit,
): { number: number; from?: 'mu'; qualifier?: Qualifier } | undefined {
  const normalized = text
    .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/．/g, '.')
    .replace(/\s+/g, '')
    .replace(/(\d)[,，](?=\d{3})/g, '$1');
  const match =
    /^(约|大约|近|超过|超|逾|可达|达到|达|共计|共|合计|总计|计)?(-?\d+(?:\.\d+)?)(余|多)?([十百千万亿]*)(余|多)?(.*?)(左右|以上)?$/.exec(
      normalized,
    );
  if (!match) return undefined;
  const [, prefix = '', mantissa = '', before = '', multipliers = '', after = '', unitText = ''] =
    match;
  const suffix = match[7] ?? '';
  if (before !== '' && after !== '') return undefined; // "10余万余元" is no figure
  let power = 0;
  for (const char of multipliers) power += MULTIPLIER_POWERS.get(char) ?? 0;
  let from: 'mu' | undefined;
  if (unitText !== '') {
    const unit = UNIT_WORDS.find(([pattern]) => pattern.test(unitText));
    if (!unit || unit[1] !== expected) return undefined;
    power += unit[2];
    from = unit[3];
  }
  let number = Number(`${mantissa}e${power}`);
  if (from === 'mu') number = Math.round(((number * 10000) / 15) * 100) / 100;
  if (!Number.isFinite(number)) return undefined;
  // One qualifier: "约500余" or "超100以上" say two things at once, and the first word wins.
  const qualifier: Qualifier | undefined =
    PREFIX_QUALIFIERS.get(prefix) ??
    (before !== '' || after !== ''
      ? 'more_than'
      : suffix === '以上'
        ? 'at_least'
        : suffix === '左右'
          ? 'about'
          : undefined);
  return {
    number,
    ...(from ? { from } : {}),
    ...(qualifier ? { qualifier } : {}),
  };
}

export function checkFigureText(value: unknown, unit: FigureUnit, path: string, add: Add): void {
  if (typeof value === 'string') {
    const parsed = parseFigureText(value, unit);
    if (
      parsed !== undefined &&
      !(unit === 'percent' && (parsed.number < 0 || parsed.number > 100))
    ) {
      add(path, 'figure-as-text', 'warning', {
        value: cutName(value, VALUE_LIMIT),
        number: parsed.number,
        unit,
        ...(parsed.from ? { from: parsed.from } : {}),
        // The word (约, 余, 以上…) is kept as data beside the number: the message says how.
        ...(parsed.qualifier
          ? { qualifier: parsed.qualifier, key: path.slice(path.lastIndexOf('.') + 1) }
          : {}),
      });
      return;
    }
  }
  if (typeof value === 'number' && (value === Infinity || value === -Infinity)) {
    // JSON.parse reads 1e400 as Infinity: the digits are gone, but the message can say why.
    add(path, 'figure-not-number', 'warning', { value: String(value), unit, found: 'too-large' });
    return;
  }
  add(path, 'figure-not-number', 'warning', { value: displayValue(value), unit });
}

/**
 * A progress (a percentage, 0–100) where the schema wants one: true to keep it; else it is
 * reported, as `code` when a number outside 0–100, or as a figure written as text.
 */
export function progressKept(value: unknown, path: string, code: string, add: Add): boolean {
  if (typeof value === 'number') {
    if (Number.isFinite(value) && value >= 0 && value <= 100) return true;
    add(path, code, 'warning', { value });
    return false;
  }
  checkFigureText(value, 'percent', path, add);
  return false;
}
