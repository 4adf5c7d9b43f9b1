// The planner example: the measuring tools as page buttons (the `tool` and `view` properties), a
// table built from `measurements` each time `park-map-measure` fires, and a GeoJSON export of it.
import '../../src/index.js';
import { convertArea } from '../../src/index.js';
import { applyPageLang, requestedLang, type PageLang, type PageStrings } from './page-lang.js';

const STRINGS: Record<PageLang, PageStrings> = {
  'zh-CN': {
    title: '规划测量 · 园区地图（示例）',
    otherLang: 'English',
    helpNone: '选择一个测量工具。',
    helpDistance: '在地图上单击添加点，双击或按 Enter 结束；Backspace 撤销最后一点，Esc 取消。',
    helpArea: '单击添加多边形的顶点，单击第一个点或按 Enter 闭合；拖动顶点可修改。',
    helpParcel: '单击一个园区、地块或楼栋，测量它的面积和周长。',
    distance: '量距离',
    area: '量面积',
    parcel: '测地块',
    none: '停止测量',
  },
  en: {
    title: 'Planning tools · park map (example)',
    h1: 'Measure and plan',
    intro:
      'Measure distances, perimeters and areas on the ground (m², hectares, mu), or click an existing parcel to measure it; export the results as GeoJSON.',
    navLabel: 'Example pages',
    navDemo: 'Demo home',
    navPortal: 'Government portal example',
    navInvestor: 'Site selection example',
    otherLang: '中文',
    toolsLabel: 'Measuring tools',
    distance: 'Distance',
    area: 'Area',
    parcel: 'Parcel',
    none: 'Stop measuring',
    view3d: '3D',
    export: 'Export GeoJSON',
    helpNone: 'Choose a measuring tool.',
    helpDistance:
      'Click the map to add points; double-click or Enter finishes, Backspace removes the last point, Escape cancels.',
    helpArea:
      'Click to add the corners of a polygon; click the first one or press Enter to close it; drag a corner to edit.',
    helpParcel: 'Click a park, plot or building to measure its area and perimeter.',
    resultsTitle: 'Measurements',
    caption:
      'One row per measurement, from the square metres and metres the element reports (on the WGS84 ellipsoid).',
    colTool: 'Tool',
    colFeature: 'Feature',
    colLength: 'Length / perimeter (m)',
    colM2: 'Area (m²)',
    colHa: 'Hectares',
    colMu: 'Mu',
    noResults: 'No measurements yet.',
  },
};

const HELP_KEYS = {
  none: 'helpNone',
  distance: 'helpDistance',
  area: 'helpArea',
  parcel: 'helpParcel',
} as const;

const lang = requestedLang();
applyPageLang(lang, STRINGS);
const say = (key: string) => STRINGS[lang][key] ?? '';

const otherLang = document.querySelector<HTMLAnchorElement>('#other-lang')!;
otherLang.textContent = say('otherLang');
otherLang.href = lang === 'en' ? '?' : '?lang=en';
otherLang.lang = otherLang.hreflang = lang === 'en' ? 'zh-CN' : 'en';

const map = document.querySelector('park-map')!;
const toolButtons = [...document.querySelectorAll<HTMLButtonElement>('[data-tool]')];
const view3d = document.querySelector<HTMLButtonElement>('#view-3d')!;
const exportButton = document.querySelector<HTMLButtonElement>('#export')!;
const help = document.querySelector<HTMLElement>('#tool-help')!;
const rows = document.querySelector<HTMLTableSectionElement>('#results tbody')!;
const noResults = document.querySelector<HTMLElement>('#no-results')!;

for (const toolButton of toolButtons) {
  toolButton.addEventListener('click', () => {
    void map.setTool(toolButton.dataset.tool as typeof map.tool);
  });
}
view3d.addEventListener('click', () => {
  map.view = map.view === '3d' ? '2d' : '3d';
});

/** The buttons follow the element's reflected `tool` and `view`, whoever changed them. */
function showState(): void {
  for (const toolButton of toolButtons) {
    toolButton.setAttribute('aria-pressed', String(toolButton.dataset.tool === map.tool));
  }
  view3d.setAttribute('aria-pressed', String(map.view === '3d'));
  help.textContent = say(HELP_KEYS[map.tool] ?? 'helpNone');
}
new MutationObserver(showState).observe(map, { attributeFilter: ['tool', 'view'] });

const numbers = (digits: number) =>
  new Intl.NumberFormat(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits });
const metres = numbers(1);
const squareMetres = numbers(0);
const hectares = numbers(4);
const mu = numbers(2);

function cell(text: string): HTMLTableCellElement {
  const node = document.createElement('td');
  node.textContent = text;
  return node;
}

/** Rebuilds the table from the element's own collection: edits replace rows, removals drop them. */
function showMeasurements(): void {
  const { features } = map.measurements;
  rows.replaceChildren(
    ...features.map((measurement, index) => {
      const { tool, lengthM, areaM2, featureId } = measurement.properties;
      const feature = featureId ? map.features.find((item) => item.id === featureId) : undefined;
      const name = feature
        ? (lang === 'en' && feature.properties['name:en']) || feature.properties.name
        : '';
      const hasArea = tool !== 'distance';
      const row = document.createElement('tr');
      row.dataset.id = measurement.id;
      row.append(
        cell(String(index + 1)),
        cell(say(tool)),
        cell(name),
        cell(metres.format(lengthM)),
        cell(hasArea ? squareMetres.format(areaM2) : '–'),
        cell(hasArea ? hectares.format(convertArea(areaM2, 'ha')) : '–'),
        cell(hasArea ? mu.format(convertArea(areaM2, 'mu')) : '–'),
      );
      return row;
    }),
  );
  noResults.hidden = features.length > 0;
  exportButton.disabled = features.length === 0;
}

map.addEventListener('park-map-measure', showMeasurements);
// Removed in the element's own panel (one, or all), or gone with a replaced map.
map.addEventListener('park-map-measure-remove', showMeasurements);

exportButton.addEventListener('click', () => {
  const blob = new Blob([JSON.stringify(map.measurements, null, 2)], {
    type: 'application/geo+json',
  });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = 'park-map-measurements.geojson';
  link.click();
  // Revoked a moment later: the download reads the blob after this task.
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
});

showState();
