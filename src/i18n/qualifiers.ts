// Figures with their qualifier (约, 余, 以上, 可达) in the reader's language: "70万余平方米",
// "约16万平方米", "5亿元以上", "可达10亿元" / "over 700,000 m²", "about 160,000 m²",
// "at least CNY 500 million", "up to CNY 1 billion"; and totals that say what their parts bound
// ("超过…", "over …"). Loaded with the panels (details and list chunks), not on first load.
import { QUALIFIERS } from '../data/qualifier-keys.js';
import type { Qualifier } from '../data/types.js';
import type { Lang } from './lang.js';

/** The qualifier `qualifiers[key]` gives, when it is one of ours (anything else is no qualifier). */
export function qualifierOf(qualifiers: unknown, key: string): Qualifier | undefined {
  if (typeof qualifiers !== 'object' || qualifiers === null || Array.isArray(qualifiers)) {
    return undefined;
  }
  if (!Object.hasOwn(qualifiers, key)) return undefined;
  const value = (qualifiers as Record<string, unknown>)[key];
  return typeof value === 'string' && (QUALIFIERS as readonly string[]).includes(value)
    ? (value as Qualifier)
    : undefined;
}

const ENGLISH: Record<Qualifier, string> = {
  about: 'about',
  more_than: 'over',
  at_least: 'at least',
  up_to: 'up to',
};

/** Chinese words of a total's qualifier: always before the sum. */
const CHINESE_TOTAL: Record<Qualifier, string> = {
  about: '约',
  more_than: '超过',
  at_least: '不少于',
  up_to: '最多',
};

/** The main part of a formatted figure, and the other units in brackets after it ("（40.95亩）"). */
function splitBrackets(text: string, lang: Lang): [string, string] {
  const at = lang === 'en' ? text.indexOf(' (') : text.indexOf('（');
  return at === -1 ? [text, ''] : [text.slice(0, at), text.slice(at)];
}

/**
 * A formatted figure (format.ts) with its qualifier, as the sources write it: 余 after the number
 * and its 万/亿 ("70万余平方米", "800余人"), 以上 after the unit ("5亿元以上"), 约 and 可达 before
 * ("约16万平方米", "可达10亿元"); in English the word before ("over 700,000 m²"). Without a
 * qualifier the text comes back unchanged.
 */
export function qualifyFigure(formatted: string, qualifier: Qualifier | undefined, lang: Lang) {
  if (!qualifier) return formatted;
  if (lang === 'en') return `${ENGLISH[qualifier]} ${formatted}`;
  const [main, rest] = splitBrackets(formatted, lang);
  switch (qualifier) {
    case 'about':
      return `约${formatted}`;
    case 'up_to':
      return `可达${formatted}`;
    case 'at_least':
      return `${main}以上${rest}`;
    case 'more_than': {
      // 余 goes after the number and its 万/亿; a percentage or 千米 reads better as 超过….
      const match = /^(\d+(?:\.\d+)?[万亿]?)(.+)$/.exec(main);
      if (!match || /^(%|千米)/.test(match[2] ?? '')) return `超过${formatted}`;
      return `${match[1]}余${match[2]}${rest}`;
    }
  }
}

/** A total (a sum of figures) with the qualifier its parts give it (see sumQualifier). */
export function qualifyTotal(formatted: string, qualifier: Qualifier | undefined, lang: Lang) {
  if (!qualifier) return formatted;
  return lang === 'en'
    ? `${ENGLISH[qualifier]} ${formatted}`
    : `${CHINESE_TOTAL[qualifier]}${formatted}`;
}
