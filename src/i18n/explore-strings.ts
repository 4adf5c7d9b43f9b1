// The list panel's strings that only it needs, loaded with it (data chunk) rather than in the
// first load's string table (strings.ts). Both languages share one key set.
import type { Lang } from './lang.js';

const zhCN = {
  /** After the shown count ("显示 3 / 119 项"), while the search box narrows the list. */
  matching: '，匹配「{query}」',
};

export const EXPLORE_STRINGS = {
  'zh-CN': zhCN,
  en: {
    matching: ' matching “{query}”',
  },
} as const satisfies Record<Lang, Record<keyof typeof zhCN, string>>;

/** A list-panel string in `lang`, with `{query}` filled in. */
export function exploreText(lang: Lang, key: keyof typeof zhCN, query = ''): string {
  return EXPLORE_STRINGS[lang][key].replace('{query}', query);
}
