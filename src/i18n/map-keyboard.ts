// What the map's keyboard focus says (src/map/feature-keyboard.ts), in the languages park-map
// speaks. Loaded with the map chunk, not on first load.
import type { Lang } from './lang.js';

export const MAP_KEYBOARD_TEXT: Record<
  Lang,
  { focused: (label: string, index: number, count: number) => string; noneInView: string }
> = {
  'zh-CN': {
    focused: (label, index, count) => `${label}（视野内第 ${index} 个，共 ${count} 个）`,
    noneInView: '视野内没有要素',
  },
  en: {
    focused: (label, index, count) => `${label} (${index} of ${count} in view)`,
    noneInView: 'No feature in view',
  },
};
