// Strings (zh-CN, en) and number/unit/date formatting for the reader's language.

export { LANGS, DEFAULT_LANG, resolveLang } from './lang';
export type { Lang } from './lang';
export {
  formatMoney,
  formatArea,
  formatCount,
  formatLength,
  formatHeight,
  formatPercent,
  formatDate,
  formatFigure,
} from './format';
export type { AreaOptions, CountUnit } from './format';
export { formatNumber } from './number';
export { messages, t, kindLabel, statusLabel, figureLabel } from './strings';
export type { MessageKey, Message, MessageParams, PluralMessage } from './strings';
