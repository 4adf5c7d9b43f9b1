// <park-map> in real Chromium with real MapLibre (software WebGL): rendering, real pointer clicks,
// the details panel read back from the shadow DOM, keyboard, the programmatic API, requests made.
import { describe, expect, it } from 'vitest';
import { commands, userEvent } from 'vitest/browser';
import {
  MINI_URL,
  canvasOf,
  collect,
  mount,
  nextEvent,
  projectedCentre,
  renderedIds,
  shadow,
  text,
  useCleanPage,
} from './helpers.js';

// Every element test: no console errors, and no request but the test page's own modules and data.
useCleanPage({ sameOrigin: true });

describe('<park-map> rendering', () => {
  it('the page log really catches console errors (the after-each check relies on it)', async () => {
    console.error('page-log probe');
    await expect.poll(() => commands.peekConsoleErrors()).toContain('page-log probe');
    // Not an error of this test: a fresh log for the after-each check.
    await commands.takePageLog();
    await commands.startPageLog();
  });

  it('draws every feature of the fixture and reports them in park-map-load', async () => {
    const { element, loaded } = await mount({ src: MINI_URL });
    expect(loaded.features.map((feature) => feature.id)).toEqual([
      't-zone',
      't-park',
      't-building-a',
      't-building-b',
    ]);
    expect(loaded.errors).toEqual([]);
    expect(renderedIds(element)).toEqual(['t-building-a', 't-building-b', 't-park', 't-zone']);
    expect(canvasOf(element).width).toBeGreaterThan(0);
  });

  it('fits the view to the data on load', async () => {
    const { element } = await mount({ src: MINI_URL });
    const bounds = element.map!.getBounds();
    // The fixture spans 112.600–112.620 °E, 26.890–26.910 °N: all of it is inside the view.
    expect(bounds.getWest()).toBeLessThanOrEqual(112.6);
    expect(bounds.getEast()).toBeGreaterThanOrEqual(112.62);
    expect(bounds.getSouth()).toBeLessThanOrEqual(26.89);
    expect(bounds.getNorth()).toBeGreaterThanOrEqual(26.91);
    // …and the view is not much larger than the data (within a factor of 3 in width).
    expect(bounds.getEast() - bounds.getWest()).toBeLessThan(0.06);
  });

  it('shows a legend with the statuses present, each with its label', async () => {
    const { element } = await mount({ src: MINI_URL });
    const items = [...shadow(element).querySelectorAll('.legend-statuses li')].map((item) =>
      item.textContent?.replace(/\s+/g, ' ').trim(),
    );
    // Lifecycle order; the park and building A are operating, building B under construction.
    expect(items).toEqual(['在建 1', '运营中 2']);
  });

  it('makes no request besides the page, its modules and the data URL (basemap="none")', async () => {
    await commands.takePageLog();
    await commands.startPageLog();
    await mount({ src: MINI_URL });
    const log = await commands.takePageLog();
    await commands.startPageLog();
    const dataRequests = log.requests.filter((url) => url.includes('.geojson'));
    expect(dataRequests).toEqual([MINI_URL]);
    const unexpected = log.requests.filter(
      (url) =>
        url !== MINI_URL &&
        // Vite serves the bundle as modules (.ts/.js/.mjs, with query strings), the worker, and
        // its own client (/@vite/…, /@fs/…, /@id/…).
        !/\.(ts|js|mjs|css)(\?|$)/.test(new URL(url).pathname + new URL(url).search) &&
        !new URL(url).pathname.startsWith('/@'),
    );
    expect(unexpected).toEqual([]);
    // (MapLibre's worker script is not asked for again here: its workers start once per page, when
    // the first element connects, and serve every map after.)
  });
});

describe('<park-map> selection', () => {
  it('a real click on a building opens its details: name, status, tenant', async () => {
    const { element } = await mount({ src: MINI_URL });
    const selects = collect(element, 'park-map-select');
    await userEvent.click(canvasOf(element), {
      position: projectedCentre(element, 't-building-a'),
    });
    await element.updateComplete;
    const root = shadow(element);
    expect(text(root, '.details h2')).toBe('测试1号楼');
    expect(text(root, '.details .name-en')).toBe('Test Building 1');
    expect(text(root, '.details .status-label')).toBe('运营中');
    expect(text(root, '.details .status-date')).toBe('2020年9月');
    const tenants = [...root.querySelectorAll('.tenants li .tenant-name')].map(
      (node) => node.textContent,
    );
    expect(tenants).toEqual(['科大讯飞', '中国电子']);
    expect(text(root, '.details [data-figure="floors"] dd')).toBe('17层');
    expect(text(root, '.details [data-figure="floorArea"] dd')).toBe('2.73万平方米');
    expect(element.selected).toBe('t-building-a');
    expect(element.getAttribute('selected')).toBe('t-building-a');
    expect(selects.map((event) => event.detail.id)).toEqual(['t-building-a']);
    expect(selects[0]!.detail.properties?.name).toBe('测试1号楼');
  });

  it('highlights the selected feature on the map', async () => {
    const { element } = await mount({ src: MINI_URL });
    await userEvent.click(canvasOf(element), {
      position: projectedCentre(element, 't-building-b'),
    });
    await element.updateComplete;
    expect(element.selected).toBe('t-building-b');
    await new Promise((resolve) => {
      element.map!.once('idle', resolve);
      element.map!.triggerRepaint();
    });
    const highlighted = element
      .map!.queryRenderedFeatures({ layers: ['park-map-selection-line'] })
      .map((feature) => feature.properties.pmId);
    expect([...new Set(highlighted)]).toEqual(['t-building-b']);
  });

  it('a click on the park outside any building selects the park', async () => {
    const { element } = await mount({ src: MINI_URL });
    const map = element.map!;
    // 112.605 °E, 26.905 °N is inside the park (112.604–112.616, 26.894–26.906) but in no building
    // (and away from the legend in the lower right corner).
    const point = map.project([112.605, 26.905]);
    await userEvent.click(canvasOf(element), { position: { x: point.x, y: point.y } });
    await element.updateComplete;
    expect(element.selected).toBe('t-park');
    expect(text(shadow(element), '.details h2')).toBe('测试软件产业园');
  });

  it('Escape clears the selection and closes the panel, with a park-map-select of null', async () => {
    const { element } = await mount({ src: MINI_URL });
    await userEvent.click(canvasOf(element), {
      position: projectedCentre(element, 't-building-a'),
    });
    await element.updateComplete;
    const cleared = nextEvent(element, 'park-map-select');
    await userEvent.keyboard('{Escape}');
    expect((await cleared).detail).toEqual({ id: null, properties: null });
    await element.updateComplete;
    expect(shadow(element).querySelector('.details')).toBeNull();
    expect(element.hasAttribute('selected')).toBe(false);
  });

  it('the close button clears the selection', async () => {
    const { element } = await mount({ src: MINI_URL });
    await userEvent.click(canvasOf(element), {
      position: projectedCentre(element, 't-building-a'),
    });
    await element.updateComplete;
    const close = shadow(element).querySelector<HTMLButtonElement>('.details .close')!;
    expect(close.getAttribute('aria-label')).toBe('关闭');
    await userEvent.click(close);
    await element.updateComplete;
    expect(element.selected).toBeNull();
    expect(shadow(element).querySelector('.details')).toBeNull();
  });

  it('select() and the selected attribute show the panel without a park-map-select event', async () => {
    const { element } = await mount({ src: MINI_URL });
    const selects = collect(element, 'park-map-select');
    element.select('t-building-b');
    await element.updateComplete;
    const root = shadow(element);
    expect(text(root, '.details h2')).toBe('测试2号楼');
    expect(text(root, '.details .status-label')).toBe('在建');
    expect(root.querySelector<HTMLProgressElement>('.details progress')!.value).toBe(80);
    expect(text(root, '.details .progress span')).toBe('已完成80%');
    expect(element.getAttribute('selected')).toBe('t-building-b');
    element.setAttribute('selected', 't-park');
    await element.updateComplete;
    expect(text(root, '.details h2')).toBe('测试软件产业园');
    element.select(null);
    await element.updateComplete;
    expect(root.querySelector('.details')).toBeNull();
    expect(selects).toEqual([]);
  });

  it('keeps stated goals apart from facts, labelled as targets', async () => {
    const { element } = await mount({ src: MINI_URL, selected: 't-park' });
    await element.updateComplete;
    const root = shadow(element);
    expect(text(root, '.details > .figures [data-figure="investment"] dd')).toBe('10亿元');
    expect(root.querySelector('.details > .figures [data-figure="annualOutput"]')).toBeNull();
    expect(text(root, '.targets h3')).toBe('目标（计划）');
    expect(text(root, '.targets [data-figure="annualOutput"] dd')).toBe('20亿元');
  });

  it('fitTo(id) frames one feature; fitTo() frames all', async () => {
    const { element } = await mount({ src: MINI_URL });
    const map = element.map!;
    const moved = new Promise((resolve) => map.once('moveend', resolve));
    element.fitTo('t-building-a');
    await moved;
    const bounds = map.getBounds();
    // Building A spans 112.606–112.609 °E: the view now holds it and little else.
    expect(bounds.contains([112.6075, 26.8975])).toBe(true);
    expect(bounds.getEast() - bounds.getWest()).toBeLessThan(0.01);
    expect(() => element.fitTo('nope')).toThrow(
      '<park-map>: fitTo(): no feature has the id "nope".',
    );
  });
});

describe('<park-map> language', () => {
  it('shows the panel in English with lang="en"', async () => {
    const { element } = await mount({ src: MINI_URL, lang: 'en', selected: 't-building-a' });
    await element.updateComplete;
    const root = shadow(element);
    expect(text(root, '.details .status-label')).toBe('Operating');
    expect(text(root, '.details [data-figure="floorArea"] dd')).toBe('27,300 m²');
    expect(text(root, '.details [data-figure="floors"] dd')).toBe('17 floors');
    expect(text(root, '.details .status-date')).toBe('September 2020');
    element.lang = 'zh-CN';
    await element.updateComplete;
    expect(text(root, '.details .status-label')).toBe('运营中');
  });
});

describe('<park-map> MapLibre controls', () => {
  it('labels the zoom buttons in the element language and relabels them when lang changes', async () => {
    const { element } = await mount({ src: MINI_URL });
    const zoomIn = () =>
      shadow(element).querySelector('.maplibregl-ctrl-zoom-in')?.getAttribute('aria-label');
    expect(zoomIn()).toBe('放大');
    element.lang = 'en';
    await element.updateComplete;
    expect(zoomIn()).toBe('Zoom in');
  });

  it('draws them with the styles MapLibre gives them: icons in a white group box', async () => {
    const { element } = await mount({ src: MINI_URL });
    const root = shadow(element);
    for (const button of ['zoom-in', 'zoom-out', 'compass']) {
      const icon = root.querySelector(`.maplibregl-ctrl-${button} .maplibregl-ctrl-icon`)!;
      expect(getComputedStyle(icon).backgroundImage, button).toMatch(/^url\("data:image\/svg\+xml/);
    }
    const group = getComputedStyle(root.querySelector('.maplibregl-ctrl-group')!);
    expect(group.backgroundColor).toBe('rgb(255, 255, 255)');
    expect(group.borderRadius).toBe('4px');
    // The stylesheet has no rules for controls the element never adds.
    const selectors = [...element.shadowRoot!.adoptedStyleSheets]
      .flatMap((sheet) => [...sheet.cssRules])
      .map((rule) => (rule instanceof CSSStyleRule ? rule.selectorText : ''));
    expect(selectors.some((selector) => selector.includes('.maplibregl-ctrl-zoom-in'))).toBe(true);
    expect(
      selectors.filter((selector) =>
        /maplibregl-(ctrl-geolocate|popup|ctrl-fullscreen)/.test(selector),
      ),
    ).toEqual([]);
  });
});

describe('<park-map> in a hidden container', () => {
  it('makes its map, framing the data, once the container becomes visible', async () => {
    const holder = document.createElement('div');
    holder.style.display = 'none';
    document.body.append(holder);
    const element = document.createElement('park-map');
    element.style.width = '800px';
    element.setAttribute('no-list', '');
    element.setAttribute('src', MINI_URL);
    const loaded = nextEvent(element, 'park-map-load');
    holder.append(element);
    // Out of sight, the data is announced but no map (no WebGL context) is made yet.
    expect((await loaded).detail.features).toHaveLength(4);
    expect(element.map).toBeUndefined();
    const drawn = nextEvent(element, 'park-map-load');
    holder.style.display = 'block';
    await drawn;
    const map = element.map!;
    const bounds = map.getBounds();
    expect(map.getCanvas().clientWidth).toBe(800);
    expect(bounds.contains([112.6, 26.89]) && bounds.contains([112.62, 26.91])).toBe(true);
    expect(bounds.getEast() - bounds.getWest()).toBeLessThan(0.06);
    expect(renderedIds(element)).toEqual(['t-building-a', 't-building-b', 't-park', 't-zone']);
  });
});

describe('<park-map> data as text', () => {
  it('renders markup in names as text, never as HTML', async () => {
    const hostile = '<img src=x onerror="window.__owned=1">';
    const data = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: 'x',
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [112.6, 26.9],
                [112.601, 26.9],
                [112.601, 26.901],
                [112.6, 26.901],
                [112.6, 26.9],
              ],
            ],
          },
          properties: { kind: 'building', name: hostile, tenants: [{ name: hostile }] },
        },
      ],
    };
    const { element } = await mount({ selected: 'x' }, (el) => (el.data = data));
    await element.updateComplete;
    const root = shadow(element);
    expect(text(root, '.details h2')).toBe(hostile);
    expect(root.querySelector('.details img')).toBeNull();
    expect((window as unknown as { __owned?: number }).__owned).toBeUndefined();
  });
});

describe('<park-map> name labels', () => {
  it('names the zone when zoomed out and the park when zoomed in, as text', async () => {
    // Without the offline ground's towns (衡阳 lies in this view).
    const { element } = await mount({ src: MINI_URL, ground: 'none' });
    const root = shadow(element);
    const visible = () =>
      [...root.querySelectorAll('.park-map-label:not(.park-map-label-hidden)')].map(
        (label) => label.textContent,
      );
    const map = element.map!;
    map.jumpTo({ zoom: 12 });
    expect(visible()).toEqual(['测试高新区']);
    map.jumpTo({ zoom: 15 });
    expect(visible()).toEqual(['测试软件产业园']);
    element.lang = 'en';
    await element.updateComplete;
    expect(visible()).toEqual(['Test Software Park']);
  });
});

describe('<park-map> and reduced motion', () => {
  it('jumps instead of flying when the reader prefers reduced motion', async () => {
    await commands.emulateReducedMotion(true);
    try {
      const { element } = await mount({ src: MINI_URL });
      element.fitTo('t-building-a');
      // No animation: the camera is already there, synchronously.
      expect(element.map!.isMoving()).toBe(false);
      expect(element.map!.getBounds().contains([112.6075, 26.8975])).toBe(true);
      expect(element.map!.getBounds().getEast() - element.map!.getBounds().getWest()).toBeLessThan(
        0.01,
      );
    } finally {
      await commands.emulateReducedMotion(false);
    }
  });
});

describe('<park-map> for screen readers', () => {
  it('describes the map in text and announces selections in a live region', async () => {
    const { element } = await mount({ src: MINI_URL });
    const root = shadow(element);
    const map = root.querySelector('.map')!;
    const summary = root.getElementById(map.getAttribute('aria-describedby')!)!;
    expect(summary.textContent).toBe(
      '地图显示 4 个要素：开发区 1、产业园 1、楼栋 2。可用侧边列表浏览全部要素。',
    );
    await userEvent.click(canvasOf(element), {
      position: projectedCentre(element, 't-building-a'),
    });
    await element.updateComplete;
    element.removeAttribute('no-list');
    await element.updateComplete;
    expect(root.querySelector('.explore [role="status"]')!.textContent).toBe('已选中：测试1号楼');
  });
});
