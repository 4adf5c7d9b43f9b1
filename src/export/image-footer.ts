// What the map picture carries below the map, so that a printed or forwarded picture still says
// what it shows: a scale bar, a north arrow, the legend of the statuses shown (with counts), the
// title, the date it was made, and the sources of what is shown (the offline ground's credit
// too). Pure: the words and numbers; downloads.ts draws them.
import type { ParkFeature, Status } from '../data/types.js';
import { STATUSES } from '../data/types.js';
import { formatLength } from '../i18n/format.js';
import type { Lang } from '../i18n/lang.js';
import { statusLabel, t } from '../i18n/strings.js';

export interface ImageFooter {
  title: string;
  /** The statuses the shown features have, in the legend's order, with their colours and counts. */
  legend: { status: Status | 'none'; label: string; colour: string; count: number }[];
  /** A scale bar of a round length: its length on the picture (CSS pixels) and label. */
  scale: { pixels: number; label: string };
  /** The map's bearing in degrees: the north arrow turns by it. */
  bearing: number;
  /** "导出日期 2026-12-07 · 资料来源：…". */
  credits: string;
}

/** 1, 2 or 5 × 10ⁿ metres: the longest of them that fits `pixels` at this resolution. */
export function roundScale(metresPerPixel: number, pixels: number): number {
  const most = metresPerPixel * pixels;
  const power = 10 ** Math.floor(Math.log10(most));
  for (const step of [5, 2, 1]) if (step * power <= most) return step * power;
  return power;
}

/** Metres per CSS pixel at a latitude and zoom (MapLibre's 512 px world at zoom 0). */
export function metresPerPixel(latitude: number, zoom: number): number {
  return (40_075_016.686 * Math.cos((latitude * Math.PI) / 180)) / (512 * 2 ** zoom);
}

const WORDS: Record<
  Lang,
  { made: string; sources: string; more: (n: number) => string; sep: string }
> = {
  'zh-CN': {
    made: '导出日期',
    sources: '资料来源：',
    more: (n) => `等 ${n} 篇`,
    sep: '；',
  },
  en: {
    made: 'Made',
    sources: 'Sources: ',
    more: (n) => `and ${n} more`,
    sep: '; ',
  },
};

export function imageFooter(input: {
  lang: Lang;
  title: string;
  shown: readonly ParkFeature[];
  colours: Record<Status, string> & { none: string };
  /** Metres per CSS pixel at the map's centre; the bar is at most `maxPixels` long. */
  metresPerPixel: number;
  maxPixels: number;
  bearing: number;
  /** ISO date the picture is made on. */
  today: string;
  /** Credits of what else the map draws (the offline ground's sources). */
  credits?: string;
}): ImageFooter {
  const { lang, shown, colours } = input;
  const counts = new Map<Status | 'none', number>();
  for (const feature of shown) {
    const status = feature.properties.status ?? 'none';
    counts.set(status, (counts.get(status) ?? 0) + 1);
  }
  const legend = [...STATUSES, 'none' as const].flatMap((status) => {
    const count = counts.get(status) ?? 0;
    if (count === 0) return [];
    const label = status === 'none' ? t(lang, 'unknownStatus') : statusLabel(status, lang);
    return [{ status, label, colour: colours[status], count }];
  });
  const metres = roundScale(input.metresPerPixel, input.maxPixels);
  const words = WORDS[lang];
  const titles: string[] = [];
  for (const feature of shown) {
    for (const source of feature.properties.sources ?? []) {
      if (source.title && !titles.includes(source.title)) titles.push(source.title);
    }
  }
  const listed = titles.slice(0, 2).join(words.sep);
  const sources =
    titles.length === 0
      ? ''
      : `${words.sources}${listed}${titles.length > 2 ? ` ${words.more(titles.length)}` : ''}`;
  const credits = [`${words.made} ${input.today}`, sources, input.credits ?? '']
    .filter(Boolean)
    .join(' · ');
  return {
    title: input.title,
    legend,
    scale: { pixels: metres / input.metresPerPixel, label: formatLength(metres, lang) },
    bearing: input.bearing,
    credits,
  };
}
