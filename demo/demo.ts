// The demo page: the seed parks, a language switch, and a log of the element's events.
import '../src/index.js';

const map = document.querySelector('park-map')!;
const log = document.querySelector<HTMLOListElement>('#events')!;
const langSelect = document.querySelector<HTMLSelectElement>('#lang')!;

function note(text: string): void {
  const item = document.createElement('li');
  item.textContent = text;
  log.prepend(item);
}

function setLang(lang: string): void {
  map.lang = lang;
  langSelect.value = lang;
  document.documentElement.lang = lang;
}

langSelect.addEventListener('change', () => setLang(langSelect.value));
// `?lang=en` opens the page in English, as the other demo pages do.
if (new URLSearchParams(location.search).get('lang') === 'en') setLang('en');
map.addEventListener('park-map-load', (event) =>
  note(
    `park-map-load: ${event.detail.features.length} features, ${event.detail.errors.length} problems`,
  ),
);
map.addEventListener('park-map-select', (event) =>
  note(`park-map-select: ${event.detail.id ?? 'null'} ${event.detail.properties?.name ?? ''}`),
);
map.addEventListener('park-map-error', (event) =>
  note(`park-map-error: [${event.detail.code}] ${event.detail.message}`),
);
