// What the map's keyboard focus says (src/map/feature-keyboard.ts), and the hint on which keys do
// what, in the languages park-map speaks. Loaded with the map chunk, not on first load.
import type { Direction } from '../map/nearest-in-direction.js';
import type { Lang } from './lang.js';

export const MAP_KEYBOARD_TEXT: Record<
  Lang,
  {
    focused: (label: string, index: number, count: number) => string;
    noneInView: string;
    /** An arrow key with no feature that way. */
    noneTowards: Record<Direction, string>;
    /** The map canvas's description (aria-describedby). */
    hint: string;
  }
> = {
  'zh-CN': {
    focused: (label, index, count) => `${label}（视野内第 ${index} 个，共 ${count} 个）`,
    noneInView: '视野内没有要素',
    noneTowards: {
      left: '向左没有要素',
      right: '向右没有要素',
      up: '向上没有要素',
      down: '向下没有要素',
    },
    hint: '按 ] 或 [ 逐个选中要素，方向键移到相邻要素，回车打开详情，Esc 退出',
  },
  en: {
    focused: (label, index, count) => `${label} (${index} of ${count} in view)`,
    noneInView: 'No feature in view',
    noneTowards: {
      left: 'No feature to the left',
      right: 'No feature to the right',
      up: 'No feature above',
      down: 'No feature below',
    },
    hint:
      'Press ] or [ to select the features one by one, the arrow keys to move to the next ' +
      'feature that way, Enter to open its details, Escape to leave',
  },
};
