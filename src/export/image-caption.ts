// What the map picture prints over the map for the selected feature: its name, status (with date),
// progress, figures, stated goals (tagged as such) and statistics, worded as the details panel
// words them, built from the feature's data.
import { FIGURE_KEYS, type ParkFeature } from '../data/types.js';
import {
  formatKeyedNumber,
  formatStatValue,
  propertyLabel,
  type Stat,
} from '../i18n/extra-labels.js';
import { formatDate, formatFigure, formatPercent } from '../i18n/format.js';
import { qualifierOf, qualifyFigure } from '../i18n/qualifiers.js';
import type { Lang } from '../i18n/lang.js';
import { figureLabel, statusLabel, t } from '../i18n/strings.js';

/** Lines to print on the picture: heading first. */
export interface ImageCaption {
  title: string;
  lines: string[];
}

/** At most this many lines under the title: the box must leave the map in view. */
const MAX_LINES = 14;

export function imageCaption(feature: ParkFeature, lang: Lang): ImageCaption {
  const p = feature.properties;
  const status = p.status ? statusLabel(p.status, lang) : t(lang, 'unknownStatus');
  const lines = [p.statusDate ? `${status} ${formatDate(p.statusDate, lang)}` : status];
  if (typeof p.progress === 'number') {
    const percent = formatPercent(p.progress, lang);
    lines.push(
      t(lang, 'progressValue', {
        percent: qualifyFigure(percent, qualifierOf(p.qualifiers, 'progress'), lang),
      }),
    );
  }
  for (const key of FIGURE_KEYS) {
    const value = p[key];
    if (typeof value === 'number') {
      const shown = qualifyFigure(
        formatFigure(key, value, lang),
        qualifierOf(p.qualifiers, key),
        lang,
      );
      lines.push(`${figureLabel(key, lang)} ${shown}`);
    }
  }
  const targets = p.targets as Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(targets ?? {})) {
    if (typeof value === 'number') {
      lines.push(
        `${propertyLabel(key, lang)} ${qualifyFigure(formatKeyedNumber(key, value, lang), qualifierOf(targets?.['qualifiers'], key), lang)} (${t(lang, 'targetTag')})`,
      );
    }
  }
  // In English our translations where the data has them (`label:en`, `period:en`).
  const english = (original: unknown, translation: unknown) =>
    lang === 'en' && typeof translation === 'string' && translation !== ''
      ? translation
      : String(original ?? '');
  for (const stat of Array.isArray(p.stats) ? (p.stats as Stat[]) : []) {
    const period = stat.period ? ` (${english(stat.period, stat['period:en'])})` : '';
    const goal = stat.target ? ` (${t(lang, 'targetTag')})` : '';
    lines.push(
      `${english(stat.label, stat['label:en'])}${period}${goal} ${formatStatValue(stat, lang)}`,
    );
  }
  return { title: english(p.name, p['name:en']), lines: lines.slice(0, MAX_LINES) };
}
