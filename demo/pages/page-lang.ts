// Page text in two languages for the demo pages: elements carry `data-text="key"`, and the page's
// language (from `?lang=`, Chinese by default) picks the text. Always text, never markup.
import type { ParkMap } from '../../src/index.js';

export type PageLang = 'zh-CN' | 'en';
export type PageStrings = Record<string, string>;

/** The language the page was opened in: `?lang=en` for English, anything else Chinese. */
export function requestedLang(): PageLang {
  return new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh-CN';
}

/**
 * Puts the page (its `lang`, title and every `[data-text]` element) and every `<park-map>` on it
 * into `lang`. Keys missing from `strings` leave the element's text as it is.
 */
export function applyPageLang(lang: PageLang, strings: Record<PageLang, PageStrings>): void {
  const table = strings[lang];
  document.documentElement.lang = lang;
  if (table.title) document.title = table.title;
  for (const node of document.querySelectorAll<HTMLElement>('[data-text]')) {
    const value = table[node.dataset.text ?? ''];
    if (value !== undefined) node.textContent = value;
  }
  for (const node of document.querySelectorAll<HTMLElement>('[data-label]')) {
    const value = table[node.dataset.label ?? ''];
    if (value !== undefined) node.setAttribute('aria-label', value);
  }
  for (const map of document.querySelectorAll<ParkMap>('park-map')) map.lang = lang;
}

/** Keeps `?lang=` in the address (the element's `#hash`, if any, stays), so a shared link keeps it. */
export function rememberLang(lang: PageLang): void {
  const url = new URL(location.href);
  if (lang === 'en') url.searchParams.set('lang', 'en');
  else url.searchParams.delete('lang');
  history.replaceState(history.state, '', url);
}
