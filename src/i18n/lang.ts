// The languages the widget speaks, and how a free-form `lang` attribute maps onto them.
// Chinese (any script or region) is the default: the widget is built for Chinese portals.

export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export const DEFAULT_LANG: Lang = 'zh-CN';

/**
 * Maps a BCP 47 tag (as written in a `lang` attribute) to a supported language:
 * `zh`, `zh-CN`, `zh-Hans`, `zh-TW`, `zh_HK`… → `zh-CN`; `en`, `en-US`, `en-GB`… → `en`;
 * empty, missing or any other language → `zh-CN`.
 */
export function resolveLang(value: string | null | undefined): Lang {
  if (typeof value !== 'string') return DEFAULT_LANG;
  const primary = value.trim().toLowerCase().split(/[-_]/, 1)[0];
  if (primary === 'en') return 'en';
  return DEFAULT_LANG;
}
