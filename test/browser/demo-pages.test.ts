// The demo pages as a reader gets them (`npm start`): index, the government portal, the investor
// and the planner pages, each opened in an iframe in zh-CN and in English, their maps drawn and
// their page-side parts filled through real use; axe-core finds no violation over the whole
// document, the element's shadow DOM included, and nothing is logged to the console as an error.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands, page, userEvent } from 'vitest/browser';
import type { ParkMap } from '../../src/park-map.js';
import {
  axeViolations,
  clickElementInFrame,
  openFrame,
  textUntil,
  whenDrawn,
  type OpenedFrame,
} from './frames.js';

let opened: OpenedFrame[] = [];

/** Opens a demo page in a frame, remembered so that its errors are checked after the test. */
async function openPage(src: string): Promise<OpenedFrame> {
  const page = await openFrame(src);
  opened.push(page);
  return page;
}

beforeEach(async () => {
  await commands.startPageLog();
});

afterEach(async () => {
  const log = await commands.takePageLog();
  const pageErrors = opened.flatMap((page) => page.errors);
  opened = [];
  document.body.replaceChildren();
  expect(log.consoleErrors).toEqual([]);
  expect(pageErrors).toEqual([]);
  // The pages are offline: every request stays on the page's own server.
  const foreign = log.requests.filter((url) => new URL(url).origin !== location.origin);
  expect(foreign).toEqual([]);
});

type Lang = 'zh-CN' | 'en';
const LANGS: Lang[] = ['zh-CN', 'en'];

const query = (lang: Lang) => (lang === 'en' ? '?lang=en' : '');

/** Offline by default, with a scale bar and a basemap menu offering exactly these presets. */
function expectGround(element: ParkMap, basemaps: string[], lang: string): void {
  expect(element.basemap).toBe('none');
  const root = element.shadowRoot!;
  expect(root.querySelector('.maplibregl-ctrl-scale')!.textContent).toMatch(
    lang === 'en' ? /\d\u00a0k?m$/ : /\d\u00a0(公里|米)$/,
  );
  const menu = root.querySelector<HTMLSelectElement>('select.basemap-switch')!;
  expect([...menu.options].map((option) => option.value)).toEqual(basemaps);
  expect(menu.value).toBe('none');
  expect(menu.getAttribute('aria-label')).toBe(lang === 'en' ? 'Basemap' : '底图');
}

function mapIn(doc: Document): ParkMap {
  const element = doc.querySelector('park-map');
  if (!element) throw new Error('no <park-map> on the page');
  return element;
}

/** Resolves with the page's <park-map> once it is there (a framework may render it after load). */
function mapAppears(doc: Document): Promise<ParkMap> {
  return new Promise((resolve) => {
    const found = doc.querySelector('park-map');
    if (found) return resolve(found);
    const observer = new MutationObserver(() => {
      const element = doc.querySelector('park-map');
      if (!element) return;
      observer.disconnect();
      resolve(element);
    });
    observer.observe(doc.body, { childList: true, subtree: true });
  });
}

/** Waits for the element's next render (a property changed by a click inside it). */
async function rendered(element: ParkMap): Promise<void> {
  await element.updateComplete;
  await element.updateComplete;
}

describe('index.html', () => {
  for (const lang of LANGS) {
    it(`the map drawn${lang === 'en' ? ', English chosen in the page menu' : ''}; no axe violation, lang=${lang}`, async () => {
      const { frame, doc, win } = await openPage('/demo/index.html');
      const element = mapIn(doc);
      await whenDrawn(element);
      if (lang === 'en') {
        const select = doc.querySelector<HTMLSelectElement>('#lang')!;
        select.value = 'en';
        select.dispatchEvent(new win.Event('change'));
        await rendered(element);
      }
      expect(doc.documentElement.lang).toBe(lang);
      expect(element.shadowRoot!.querySelector('.root')!.getAttribute('lang')).toBe(lang);
      expect(await axeViolations(frame)).toEqual([]);
    });
  }
});

describe('the code that works on loaded data (validation, the list), loaded beside MapLibre', () => {
  const PATTERN = '**/src/chunks/data-chunk.ts*';

  afterEach(() => commands.releaseRoute(PATTERN));

  it('until it arrives the list says it is loading; then the parks are listed and drawn', async () => {
    await commands.holdRoute(PATTERN);
    const { doc } = await openPage('/demo/index.html');
    const element = mapIn(doc);
    // The code is asked for (when depends on what else the page loads first) and held back.
    await commands.whenHeld(PATTERN);
    await rendered(element);
    const list = element.shadowRoot!.querySelector('.explore')!;
    expect(list.getAttribute('aria-busy')).toBe('true');
    expect(list.textContent!.trim()).toBe('正在加载数据…');
    expect(element.features).toEqual([]);
    const loaded = new Promise((resolve) => element.addEventListener('park-map-load', resolve));
    expect(await commands.releaseRoute(PATTERN)).toBe(1);
    await loaded;
    await whenDrawn(element);
    await rendered(element);
    const shown = element.shadowRoot!.querySelector('.explore')!;
    expect(shown.hasAttribute('aria-busy')).toBe(false);
    expect(element.features.length).toBeGreaterThan(10);
    expect(shown.querySelectorAll('li.item').length).toBeGreaterThan(0);
    expect(element.errors).toEqual([]);
  });
});

describe('portal.html', () => {
  for (const lang of LANGS) {
    it(`the map in a hidden tab, opened by click, tabs by arrow keys; no axe violation, lang=${lang}`, async () => {
      const { frame, doc } = await openPage(`/demo/portal.html${query(lang)}`);
      const element = mapIn(doc);
      expect(doc.documentElement.lang).toBe(lang);
      expect(element.closest('[role="tabpanel"]')!.hasAttribute('hidden')).toBe(true);
      expect(await axeViolations(frame)).toEqual([]);

      await clickElementInFrame(frame, doc.querySelector('#tab-map')!);
      expect(doc.querySelector('#tab-map')!.getAttribute('aria-selected')).toBe('true');
      await whenDrawn(element);
      expect(element.cooperativeGestures).toBe(true);
      expectGround(element, ['none', 'osm'], lang);
      expect(element.shadowRoot!.querySelector('.root')!.getAttribute('lang')).toBe(lang);
      expect(doc.querySelector('#map-status')!.textContent).toContain(
        String(element.features.length),
      );
      // The map fills its container, and the element its panel.
      const panel = element.closest<HTMLElement>('[role="tabpanel"]')!;
      const container = element.shadowRoot!.querySelector<HTMLElement>('[part="map"]')!;
      const canvas = element.map!.getCanvas();
      expect([canvas.clientWidth, canvas.clientHeight]).toEqual([
        container.clientWidth,
        container.clientHeight,
      ]);
      expect(container.clientWidth).toBeGreaterThan(500);
      expect(element.clientWidth).toBeGreaterThan(panel.clientWidth - 10);
      expect(await axeViolations(frame)).toEqual([]);

      // Arrow keys move between the tabs (WAI-ARIA tabs): the map's panel hides and shows.
      await userEvent.keyboard('{ArrowRight}');
      expect(doc.activeElement?.id).toBe('tab-guide');
      expect(panel.hidden).toBe(true);
      await userEvent.keyboard('{ArrowLeft}');
      expect(doc.activeElement?.id).toBe('tab-map');
      expect(panel.hidden).toBe(false);
    });
  }
});

describe('investor.html', () => {
  for (const lang of LANGS) {
    it(`a selection shortlisted, the language switched; no axe violation, lang=${lang}`, async () => {
      const { frame, doc, win } = await openPage(`/demo/investor.html${query(lang)}`);
      const element = mapIn(doc);
      await whenDrawn(element);
      expect(element.hash).toBe(true);
      expectGround(element, ['none', 'amap', 'amap-img', 'osm'], lang);
      // Choose a park in the element's own list: a user selection, so park-map-select fires.
      const entry = element.shadowRoot!.querySelector<HTMLElement>(
        '.item[data-id="hy-hq-base"] .choose',
      )!;
      await clickElementInFrame(frame, entry);
      await rendered(element);
      expect(element.selected).toBe('hy-hq-base');
      const add = doc.querySelector<HTMLButtonElement>('#add')!;
      expect(add.disabled).toBe(false);
      await clickElementInFrame(frame, add);
      const feature = element.features.find((candidate) => candidate.id === 'hy-hq-base')!;
      const name = lang === 'en' ? feature.properties['name:en']! : feature.properties.name;
      const items = [...doc.querySelectorAll('#shortlist li > span')].map(
        (node) => node.textContent,
      );
      expect(items).toHaveLength(1);
      expect(items[0]).toContain(name);
      expect(doc.querySelector('#log li')!.textContent).toContain(name);
      // The view is in the frame's URL: a shared link reopens it.
      expect(frame.contentWindow!.location.hash).toContain('hy-hq-base');
      expect(await axeViolations(frame)).toEqual([]);

      // The page's language menu: page, element and shortlist switch; the link keeps both.
      const other = lang === 'en' ? 'zh-CN' : 'en';
      const select = doc.querySelector<HTMLSelectElement>('#lang')!;
      select.value = other;
      select.dispatchEvent(new win.Event('change'));
      await rendered(element);
      expect(doc.documentElement.lang).toBe(other);
      expect(element.lang).toBe(other);
      const otherName = other === 'en' ? feature.properties['name:en']! : feature.properties.name;
      expect(doc.querySelector('#shortlist li > span')!.textContent).toContain(otherName);
      expect(win.location.search).toBe(other === 'en' ? '?lang=en' : '');
      expect(win.location.hash).toContain('hy-hq-base');
    });
  }
});

describe('planner.html', () => {
  for (const lang of LANGS) {
    it(`parcel tool, 3D, a parcel measured into the table, GeoJSON export; no axe violation, lang=${lang}`, async () => {
      const { frame, doc, win } = await openPage(`/demo/planner.html${query(lang)}`);
      const element = mapIn(doc);
      await whenDrawn(element);
      await clickElementInFrame(frame, doc.querySelector('[data-tool="parcel"]')!);
      await rendered(element);
      expect(element.tool).toBe('parcel');
      expect(doc.querySelector('[data-tool="parcel"]')!.getAttribute('aria-pressed')).toBe('true');
      // 3D from the page button; back to 2D from the element's own switch: the page button follows.
      const view3d = doc.querySelector<HTMLButtonElement>('#view-3d')!;
      await clickElementInFrame(frame, view3d);
      await rendered(element);
      expect(element.view).toBe('3d');
      expect(view3d.getAttribute('aria-pressed')).toBe('true');
      await clickElementInFrame(
        frame,
        element.shadowRoot!.querySelector('.view-switch [data-view="2d"]')!,
      );
      await rendered(element);
      expect(element.view).toBe('2d');
      expect(view3d.getAttribute('aria-pressed')).toBe('false');
      // Measure a plot from its details panel ("measure this").
      element.select('hy-hq-south');
      await rendered(element);
      const measured = new Promise<GlobalEventHandlersEventMap['park-map-measure']>((resolve) =>
        element.addEventListener('park-map-measure', resolve, { once: true }),
      );
      await clickElementInFrame(frame, element.shadowRoot!.querySelector('.measure-this')!);
      const { detail } = await measured;
      await rendered(element);
      const cells = [...doc.querySelectorAll('#results tbody tr:first-child td')].map(
        (node) => node.textContent,
      );
      const number = (digits: number) =>
        new Intl.NumberFormat(lang, {
          minimumFractionDigits: digits,
          maximumFractionDigits: digits,
        });
      expect(cells).toHaveLength(7);
      expect(cells[4]).toBe(number(0).format(detail.areaM2!));
      expect(cells[5]).toBe(number(4).format(detail.areaM2! / 10_000));
      expect(cells[6]).toBe(number(2).format((detail.areaM2! * 15) / 10_000));
      expect(await axeViolations(frame)).toEqual([]);

      // Export: the file the page hands to the browser is the element's `measurements`.
      const exported = new Promise<Blob>((resolve) => {
        const createObjectURL = win.URL.createObjectURL.bind(win.URL);
        win.URL.createObjectURL = (blob: Blob | MediaSource) => {
          resolve(blob as Blob);
          return createObjectURL(blob);
        };
      });
      await clickElementInFrame(frame, doc.querySelector<HTMLButtonElement>('#export')!);
      const file = await exported;
      expect(file.type).toBe('application/geo+json');
      const collection = JSON.parse(await file.text());
      expect(collection).toEqual(JSON.parse(JSON.stringify(element.measurements)));
      expect(collection.features).toHaveLength(1);
      expect(collection.features[0].properties.featureId).toBe('hy-hq-south');

      // Cleared in the element's own panel: the page's table follows (park-map-measure-remove).
      await clickElementInFrame(
        frame,
        element.shadowRoot!.querySelector<HTMLButtonElement>('.measure .clear')!,
      );
      await rendered(element);
      expect(doc.querySelectorAll('#results tbody tr')).toHaveLength(0);
      expect(doc.querySelector<HTMLButtonElement>('#export')!.disabled).toBe(true);
      expect(element.measurements.features).toEqual([]);
    });
  }
});

/** The controls a reader can use in the element's shadow DOM, nested shadow roots included. */
const CONTROLS =
  'button, input, select, textarea, a[href], summary, [role="button"], [role="slider"]';

function controlsIn(root: ShadowRoot): HTMLElement[] {
  const found = [...root.querySelectorAll<HTMLElement>(CONTROLS)];
  for (const node of root.querySelectorAll('*')) {
    if (node.shadowRoot) found.push(...controlsIn(node.shadowRoot));
  }
  return found;
}

/** The next element up, across shadow boundaries (a shadow root's host), or null at the top. */
function parentOf(node: Node): Element | null {
  const parent = node.parentNode;
  if (parent?.nodeType === Node.DOCUMENT_FRAGMENT_NODE) return (parent as ShadowRoot).host ?? null;
  return parent?.nodeType === Node.ELEMENT_NODE ? (parent as Element) : null;
}

/** The point's element, down through open shadow roots (`shadowRoot.elementFromPoint`). */
function deepElementFromPoint(doc: Document, x: number, y: number): Element | null {
  let hit = doc.elementFromPoint(x, y);
  while (hit?.shadowRoot) {
    const inner = hit.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === hit) break;
    hit = inner;
  }
  return hit;
}

/**
 * Every control of the element that is shown (not hidden, not scrolled out of its panel, its
 * centre on screen), with what `elementFromPoint` finds at its centre when that is not the control
 * or inside it: a control covered by another part.
 */
function coveredControls(element: ParkMap, win: Window): string[] {
  const doc = element.ownerDocument;
  const covered: string[] = [];
  for (const control of controlsIn(element.shadowRoot!)) {
    const box = control.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1) continue;
    if (!control.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    if (x < 0 || y < 0 || x > win.innerWidth || y > win.innerHeight) continue;
    // Scrolled out of a panel that scrolls (the list): not shown, so not a control covered.
    let clipped = false;
    for (let node = parentOf(control); node; node = parentOf(node)) {
      if (win.getComputedStyle(node).overflowY === 'visible') continue;
      const clip = node.getBoundingClientRect();
      if (y < clip.top || y > clip.bottom || x < clip.left || x > clip.right) clipped = true;
    }
    if (clipped) continue;
    const hit = deepElementFromPoint(doc, x, y);
    let inside = false;
    for (let node: Node | null = hit; node; node = parentOf(node)) {
      if (node === control) inside = true;
    }
    if (!inside) {
      const name = (node: Element | null) =>
        node
          ? `${node.localName}.${[...node.classList].join('.')} "${node.textContent?.trim().slice(0, 20)}"`
          : 'nothing';
      covered.push(`${name(control)} is under ${name(hit)}`);
    }
  }
  return covered;
}

const DEMOS = ['index', 'portal', 'investor', 'planner'] as const;
const SIZES = [
  { device: 'phone', width: 390, height: 844 },
  { device: 'desk', width: 1366, height: 768 },
] as const;

describe('the demo pages on a phone and on a desk', () => {
  afterEach(() => page.viewport(1280, 800));

  for (const { device, width, height } of SIZES) {
    for (const demo of DEMOS) {
      for (const lang of LANGS) {
        it(`${demo}.html at ${width}×${height}, ${lang}: no control covers another (details and legend open too), no sideways scroll`, async () => {
          await page.viewport(width, height);
          const { frame, doc, win } = await openPage(`/demo/${demo}.html${query(lang)}`);
          const element = mapIn(doc);
          if (demo === 'portal') await clickElementInFrame(frame, doc.querySelector('#tab-map')!);
          await whenDrawn(element);
          await rendered(element);
          expect(element.shadowRoot!.querySelector('.root')!.getAttribute('lang')).toBe(lang);
          expect(element.shadowRoot!.querySelector('.legend-toggle')).not.toBeNull();
          expect(doc.documentElement.scrollWidth).toBeLessThanOrEqual(width);
          element.scrollIntoView({ block: 'center' });
          const map = element.map!;
          await new Promise((resolve) => {
            map.once('idle', resolve);
            map.triggerRepaint();
          });
          // Saved for a reviewer to look at (test-results/ is not kept in git).
          await page.screenshot({
            element: frame,
            path: `../../test-results/screenshots/${demo}-${device}-${lang}.png`,
          });
          expect(coveredControls(element, win)).toEqual([]);

          // A park's details open and the legend open: still nothing covered.
          element.select('hy-hq-base');
          await rendered(element);
          const toggle = element.shadowRoot!.querySelector<HTMLButtonElement>('.legend-toggle')!;
          if (toggle.getAttribute('aria-expanded') === 'false') {
            await clickElementInFrame(frame, toggle);
            await rendered(element);
          }
          expect(toggle.getAttribute('aria-expanded')).toBe('true');
          element.scrollIntoView({ block: 'center' });
          await Promise.all(
            [...element.shadowRoot!.querySelectorAll('park-map-sheet')].flatMap((sheet) =>
              sheet.getAnimations().map((animation) => animation.finished),
            ),
          );
          await page.screenshot({
            element: frame,
            path: `../../test-results/screenshots/${demo}-${device}-${lang}-details.png`,
          });
          expect(coveredControls(element, win)).toEqual([]);
        });
      }
    }
  }
});

describe('the React and Vue example pages', () => {
  for (const framework of ['react', 'vue']) {
    it(`examples/${framework}/index.html draws the seed data, with no axe violation`, async () => {
      const { frame, doc } = await openPage(`/examples/${framework}/index.html`);
      const element = await mapAppears(doc);
      await whenDrawn(element);
      expect(element.features.length).toBeGreaterThan(100);
      const status = doc.querySelector('[role="status"]')!;
      expect(await textUntil(status, (value) => value.startsWith('要素'))).toBe(
        `要素: ${element.features.length}.`,
      );
      expect(await axeViolations(frame)).toEqual([]);
    });
  }
});

describe('the checks themselves', () => {
  it('axe in the frame reports a fault planted in the page and one planted in the shadow root', async () => {
    const { frame, doc } = await openPage('/demo/planner.html');
    const element = mapIn(doc);
    await whenDrawn(element);
    const image = doc.createElement('img');
    image.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
    doc.querySelector('main')!.append(image);
    const unnamed = doc.createElement('button');
    element.shadowRoot!.querySelector('.stage')!.append(unnamed);
    const found = (await axeViolations(frame)).map((line) => line.split(' ')[0]);
    expect(found.sort()).toEqual(['button-name', 'image-alt']);
  });
});

// Portals serve these pages under a strict Content-Security-Policy (no 'unsafe-inline'): every
// script is a module file, every style a stylesheet.
const SOURCES = import.meta.glob<string>(['../../demo/*.html', '../../examples/*/index.html'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

describe('the page sources', () => {
  it('are the four demo pages and the two framework pages', () => {
    expect(
      Object.keys(SOURCES)
        .map((path) => path.replace('../../', ''))
        .sort(),
    ).toEqual([
      'demo/index.html',
      'demo/investor.html',
      'demo/planner.html',
      'demo/portal.html',
      'examples/react/index.html',
      'examples/vue/index.html',
    ]);
  });

  for (const [path, html] of Object.entries(SOURCES)) {
    it(`${path.replace('../../', '')} has no inline script, style or event handler`, () => {
      const parsed = new DOMParser().parseFromString(html, 'text/html');
      const scripts = [...parsed.querySelectorAll('script')];
      expect(scripts.length).toBeGreaterThan(0);
      expect(
        scripts.filter((script) => !script.hasAttribute('src') || script.textContent!.trim()),
      ).toEqual([]);
      expect(parsed.querySelectorAll('style, [style]')).toHaveLength(0);
      const handlers = [...parsed.querySelectorAll('*')].flatMap((node) =>
        node.getAttributeNames().filter((name) => name.startsWith('on')),
      );
      expect(handlers).toEqual([]);
    });
  }
});
