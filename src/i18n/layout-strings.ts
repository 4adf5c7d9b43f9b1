// The strings of the phone layout (the bottom sheet's handle), loaded with the panels that use them
// rather than in the first load's string table (strings.ts). Both languages share one key set.
import type { Lang } from './lang.js';

const zhCN = {
  sheetDetails: '详情：{name}',
  sheetHint: '拖动，或按 Enter 键，改变面板高度；按 Esc 键收起',
};

export const LAYOUT_STRINGS = {
  'zh-CN': zhCN,
  en: {
    sheetDetails: 'Details: {name}',
    sheetHint: 'Drag, or press Enter, to change the panel’s height; Escape folds it away',
  },
} as const satisfies Record<Lang, Record<keyof typeof zhCN, string>>;

/** A layout string in `lang`, with `{name}` filled in. */
export function layoutText(lang: Lang, key: keyof typeof zhCN, name = ''): string {
  return LAYOUT_STRINGS[lang][key].replace('{name}', name);
}
