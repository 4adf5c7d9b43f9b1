// The investor example: the element with its list and filters and a shareable URL (`hash`), and a
// page-side shortlist fed by `park-map-select`. Names from the data are written as text only.
import '../../src/index.js';
import type { ParkProperties } from '../../src/index.js';
import { statusLabel } from '../../src/i18n/strings.js';
import {
  applyPageLang,
  rememberLang,
  requestedLang,
  type PageLang,
  type PageStrings,
} from './page-lang.js';

const STRINGS: Record<PageLang, PageStrings> = {
  'zh-CN': {
    title: '投资选址 · 衡阳高新区与湘乡经开区园区（示例）',
    langLabel: '语言',
    noneSelected: '在地图或列表中选择一个园区或楼栋。',
    selected: '已选：',
    add: '加入备选',
    show: '在地图上查看',
    remove: '移除',
    empty: '备选清单是空的。',
    cleared: '取消选择',
    noStatus: '状态未说明',
  },
  en: {
    title: 'Site selection · parks of the Hengyang High-tech Zone and Xiangxiang EDZ (example)',
    h1: 'Site selection: Hengyang High-tech Zone and Xiangxiang EDZ',
    intro:
      'Filter by status, industry, zone, floor area and investment, or search a company or park; the link in the address bar reopens exactly this view.',
    navLabel: 'Example pages',
    navDemo: 'Demo home',
    navPortal: 'Government portal example',
    navPlanner: 'Planning tools example',
    langLabel: 'Language',
    shortlistTitle: 'My shortlist',
    noneSelected: 'Choose a park or building on the map or in the list.',
    selected: 'Selected: ',
    add: 'Add to shortlist',
    show: 'Show on the map',
    remove: 'Remove',
    empty: 'The shortlist is empty.',
    logTitle: 'Selections',
    cleared: 'Selection cleared',
    noStatus: 'status not stated',
  },
};

interface Choice {
  id: string;
  properties: ParkProperties;
}

const map = document.querySelector('park-map')!;
const langSelect = document.querySelector<HTMLSelectElement>('#lang')!;
const current = document.querySelector<HTMLElement>('#current')!;
const addButton = document.querySelector<HTMLButtonElement>('#add')!;
const shortlist = document.querySelector<HTMLUListElement>('#shortlist')!;
const empty = document.querySelector<HTMLElement>('#shortlist-empty')!;
const log = document.querySelector<HTMLOListElement>('#log')!;

let lang = requestedLang();
let chosen: Choice | null = null;
const kept: Choice[] = [];

const say = (key: string) => STRINGS[lang][key] ?? '';

function nameOf(properties: ParkProperties): string {
  return (lang === 'en' && properties['name:en']) || properties.name;
}

function describe(properties: ParkProperties): string {
  // The element's own status names, lower-cased to read inside a sentence.
  const status = properties.status
    ? statusLabel(properties.status, lang).toLowerCase()
    : say('noStatus');
  return `${nameOf(properties)} (${status})`;
}

function renderCurrent(): void {
  current.textContent = chosen
    ? say('selected') + describe(chosen.properties)
    : say('noneSelected');
  addButton.disabled = !chosen || kept.some((choice) => choice.id === chosen!.id);
}

function button(label: string, onClick: () => void): HTMLButtonElement {
  const node = document.createElement('button');
  node.type = 'button';
  node.textContent = label;
  node.addEventListener('click', onClick);
  return node;
}

function renderShortlist(): void {
  shortlist.replaceChildren(
    ...kept.map((choice) => {
      const item = document.createElement('li');
      const name = document.createElement('span');
      name.textContent = describe(choice.properties);
      const show = button(say('show'), () => {
        map.select(choice.id);
        map.fitTo(choice.id);
        chosen = choice;
        renderCurrent();
      });
      const remove = button(say('remove'), () => {
        kept.splice(kept.indexOf(choice), 1);
        renderShortlist();
        renderCurrent();
      });
      // Which entry a button acts on, for screen readers ("Remove: 总部基地").
      show.setAttribute('aria-label', `${say('show')}: ${nameOf(choice.properties)}`);
      remove.setAttribute('aria-label', `${say('remove')}: ${nameOf(choice.properties)}`);
      item.append(name, ' ', show, ' ', remove);
      return item;
    }),
  );
  empty.hidden = kept.length > 0;
}

function note(text: string): void {
  const item = document.createElement('li');
  item.textContent = `${new Date().toLocaleTimeString(lang)} ${text}`;
  log.prepend(item);
  while (log.children.length > 20) log.lastElementChild!.remove();
}

function setLang(next: PageLang): void {
  lang = next;
  langSelect.value = next;
  applyPageLang(next, STRINGS);
  renderCurrent();
  renderShortlist();
}

langSelect.addEventListener('change', () => {
  setLang(langSelect.value === 'en' ? 'en' : 'zh-CN');
  rememberLang(lang);
});

map.addEventListener('park-map-select', (event) => {
  const { id, properties } = event.detail;
  chosen = id !== null && properties ? { id, properties } : null;
  renderCurrent();
  note(chosen ? describe(chosen.properties) : say('cleared'));
});

// A shared link may open with a selection (from the URL): show it once the data is there.
map.addEventListener('park-map-load', () => {
  const feature = map.features.find((candidate) => candidate.id === map.selected);
  chosen = feature ? { id: feature.id, properties: feature.properties } : null;
  renderCurrent();
});

addButton.addEventListener('click', () => {
  if (!chosen || kept.some((choice) => choice.id === chosen!.id)) return;
  kept.push(chosen);
  renderShortlist();
  renderCurrent();
});

setLang(lang);
