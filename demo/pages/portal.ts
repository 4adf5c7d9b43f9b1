// The government-portal example: a CMS page with the map in a tab that starts hidden. Opening the
// tab shows the element, which makes its map and sizes it to the panel by itself: no page code.
import '../../src/index.js';
import { applyPageLang, requestedLang, type PageLang, type PageStrings } from './page-lang.js';

const STRINGS: Record<PageLang, PageStrings> = {
  'zh-CN': {
    title: '园区地图 · 衡阳高新区 湘乡经开区 投资促进服务网（示例）',
    otherLang: 'English',
    loaded: '地图已载入 {count} 个园区、地块、楼栋和项目。',
  },
  en: {
    title: 'Park map · Hengyang High-tech Zone and Xiangxiang EDZ investment portal (example)',
    skip: 'Skip to main content',
    site: 'Hengyang High-tech Zone · Xiangxiang EDZ investment promotion portal',
    note: 'An example page showing how to embed the park-map component; not an official government site.',
    otherLang: '中文',
    navLabel: 'Main navigation',
    navHome: 'Home',
    navParks: 'Park map',
    navInvest: 'Site selection',
    navPlan: 'Planning tools',
    navContact: 'Contact',
    crumbHome: 'Home',
    crumbHere: 'Park map',
    h1: 'Park map',
    intro:
      'The parks, buildings and projects of the Hengyang National High-tech Zone and the Xiangxiang Economic Development Zone. Click a building on the map to see its progress, tenants and investment.',
    parksTitle: 'Parks',
    tabOverview: 'Overview',
    tabMap: 'Map',
    tabGuide: 'Investor guide',
    overviewTitle: 'The two zones',
    overviewHy:
      'The Hengyang National High-tech Zone focuses on electronics, the digital economy and advanced manufacturing, with the Headquarters Base, the Big Data Industrial Park and the Software Industrial Park among its parks.',
    overviewXx:
      'The Xiangxiang Economic Development Zone has the Electric Power Technology and the Electronic Information industrial parks, with standard factories and services.',
    overviewMap: 'Open the "Map" tab to see every park and building on the map.',
    mapTitle: 'Map of the parks',
    mapHelp:
      'Hold Ctrl and scroll to zoom the map; the list on the left searches and filters parks and companies, and Tab reaches everything by keyboard.',
    guideTitle: 'Investor guide',
    guide1: 'Choose a park or building on the map and check its progress and tenants.',
    guide2: 'Contact the investment promotion bureau to arrange a visit.',
    guide3: 'Sign the investment agreement, then register the project and move in.',
    contactTitle: 'Contact',
    contactText:
      'For investment enquiries call the hotline each park publishes, or click a park on the map to see its contact details.',
    copyright: 'Example page · data from published news reports; park locations are approximate.',
    loaded: 'The map shows {count} parks, plots, buildings and projects.',
  },
};

const lang = requestedLang();
applyPageLang(lang, STRINGS);
const otherLang = document.querySelector<HTMLAnchorElement>('#other-lang')!;
otherLang.textContent = STRINGS[lang].otherLang ?? '';
otherLang.href = lang === 'en' ? '?' : '?lang=en';
otherLang.lang = otherLang.hreflang = lang === 'en' ? 'zh-CN' : 'en';

// WAI-ARIA tabs: click or arrow keys choose; the chosen panel shows, the others are `hidden`.
const tabs = [...document.querySelectorAll<HTMLButtonElement>('[role="tab"]')];

function choose(tab: HTMLButtonElement, focus: boolean): void {
  for (const other of tabs) {
    const chosen = other === tab;
    other.setAttribute('aria-selected', String(chosen));
    other.tabIndex = chosen ? 0 : -1;
    document.getElementById(other.getAttribute('aria-controls')!)!.hidden = !chosen;
  }
  if (focus) tab.focus();
}

for (const tab of tabs) {
  tab.addEventListener('click', () => choose(tab, false));
  tab.addEventListener('keydown', (event) => {
    const index = tabs.indexOf(tab);
    const next = {
      ArrowRight: tabs[(index + 1) % tabs.length],
      ArrowLeft: tabs[(index - 1 + tabs.length) % tabs.length],
      Home: tabs[0],
      End: tabs[tabs.length - 1],
    }[event.key];
    if (!next) return;
    event.preventDefault();
    choose(next, true);
  });
}

const map = document.querySelector('park-map')!;
const status = document.querySelector<HTMLElement>('#map-status')!;
map.addEventListener('park-map-load', (event) => {
  status.textContent = (STRINGS[lang].loaded ?? '').replace(
    '{count}',
    String(event.detail.features.length),
  );
});
