// Contestant: <park-map> as a page embeds it (the element loads MapLibre itself, after insertion).
import { validateParkData } from '../../src/index.ts';
import { render } from 'lit';
import { groupIssues } from '../../src/data/issue-groups.ts';
import type { DataIssue } from '../../src/data/types.ts';
import { GROUP_LISTED, renderIssuesBanner } from '../../src/ui/issues-banner.ts';
import { renderLegend } from '../../src/ui/legend.ts';
import type { ParkMap } from '../../src/park-map.ts';
import {
  DATA_FILE,
  MAP_HEIGHT,
  MAP_WIDTH,
  benchSize,
  dataUrl,
  fetchedAt,
  loadMeta,
  measureHeap,
  reportFailure,
  startFrames,
  stopFrames,
  tileMode,
  waitForDetails,
  type FilterResult,
  type LoadResult,
} from './common.ts';

const n = benchSize();
const stage = document.getElementById('stage')!;

function whenIdle(element: ParkMap): Promise<void> {
  const map = element.map;
  if (!map) return Promise.resolve();
  return new Promise((resolve) => {
    map.once('idle', () => resolve());
    map.triggerRepaint();
  });
}

async function start(): Promise<LoadResult> {
  await loadMeta(n);
  const element = document.createElement('park-map');
  element.style.setProperty('--park-map-height', `${MAP_HEIGHT}px`);
  element.style.width = `${MAP_WIDTH}px`;
  element.setAttribute('src', dataUrl(n));
  const loaded = new Promise<
    CustomEvent<{ features: readonly unknown[]; errors: readonly unknown[] }>
  >((resolve) => element.addEventListener('park-map-load', resolve, { once: true }));
  const started = performance.now();
  stage.append(element);
  const { detail } = await loaded;
  const now = performance.now();
  return {
    loadMs: now - started,
    sinceNavigationMs: now,
    features: detail.features.length,
    errors: detail.errors.length,
    dataFetchedMs: fetchedAt(DATA_FILE, started),
    mapLibreFetchedMs: fetchedAt(/maplibre-gl-(?!worker)[\w-]*\.js/, started),
  };
}

/**
 * `?banner`: the issues banner on its own. A map drawn with a tiny file first, then the issues file
 * (bench/results/data/issues-10k.geojson: every feature with a status the schema does not know)
 * given as `data`: ms to the banner's count in the shadow DOM, to `park-map-load`, and from the
 * toggle's click to the expanded list holding the group's first 50 entries.
 */
async function banner(): Promise<LoadResult> {
  const file = (await (await fetch('/bench/data/issues-10k.geojson')).json()) as {
    features: unknown[];
  };
  const element = document.createElement('park-map');
  element.style.setProperty('--park-map-height', `${MAP_HEIGHT}px`);
  element.style.width = `${MAP_WIDTH}px`;
  const first = new Promise((resolve) =>
    element.addEventListener('park-map-load', resolve, { once: true }),
  );
  // One clean feature first (a status the schema knows): the map is made and drawn, no banner.
  const clean = file.features[0] as { properties: Record<string, unknown> };
  element.data = {
    type: 'FeatureCollection',
    features: [{ ...clean, properties: { ...clean.properties, status: 'operating' } }],
  };
  stage.append(element);
  await first;
  await element.updateComplete;
  const root = element.shadowRoot!;
  const when = (test: () => boolean) =>
    new Promise<number>((resolve) => {
      if (test()) return resolve(performance.now());
      const observer = new MutationObserver(() => {
        if (!test()) return;
        observer.disconnect();
        resolve(performance.now());
      });
      observer.observe(root, { childList: true, subtree: true, characterData: true });
    });
  const loaded = new Promise<CustomEvent<{ errors: readonly unknown[] }>>((resolve) =>
    element.addEventListener('park-map-load', resolve as EventListener, { once: true }),
  );
  const shown = when(() =>
    (root.querySelector('.issues-count')?.textContent ?? '').replace(/\D/g, '').includes('10000'),
  );
  const started = performance.now();
  element.data = file;
  const bannerAt = await shown;
  const { detail } = await loaded;
  const loadedAt = performance.now();
  await new Promise((resolve) => requestAnimationFrame(resolve));
  const listed = when(() => root.querySelectorAll('.issues-list .issues-more li').length >= 50);
  const clicked = performance.now();
  root.querySelector<HTMLButtonElement>('.issues-toggle')!.click();
  const listAt = await listed;
  // The banner's template alone on the same issues: grouped, rendered expanded, laid out.
  const host = document.createElement('div');
  document.body.append(host);
  const templateStarted = performance.now();
  const issues = detail.errors as readonly DataIssue[];
  render(
    renderIssuesBanner(issues, () => groupIssues(issues, { examples: GROUP_LISTED }), {
      lang: 'zh-CN',
      open: true,
      onToggle: () => undefined,
    }),
    host,
  );
  void host.offsetHeight;
  const bannerTemplateMs = performance.now() - templateStarted;
  host.remove();
  return {
    loadMs: loadedAt - started,
    sinceNavigationMs: loadedAt,
    bannerMs: bannerAt - started,
    bannerListMs: listAt - clicked,
    bannerTemplateMs,
    errors: detail.errors.length,
    listed: root.querySelectorAll('.issues-list .issues-more li').length,
  };
}

const ready = (new URL(location.href).searchParams.has('banner') ? banner() : start()).catch(
  reportFailure,
);

async function validateMs(): Promise<number> {
  // Timed apart from the first render, on the same file: the element's own share of loading.
  const json = (await (await fetch(dataUrl(n))).json()) as unknown;
  const started = performance.now();
  validateParkData(json);
  return performance.now() - started;
}
const element = () => stage.querySelector('park-map')!;
let filterBefore: unknown;

window.__bench = {
  contestant: 'park-map',
  ready,
  heap: measureHeap,
  mapRect() {
    const box = element().shadowRoot!.querySelector('.map')!.getBoundingClientRect();
    return { x: box.x, y: box.y, width: box.width, height: box.height };
  },
  async focus(_id, centroid) {
    const map = element().map!;
    map.jumpTo({ center: centroid, zoom: 16 });
    await whenIdle(element());
  },
  position(lngLat) {
    const map = element().map!;
    const point = map.project(lngLat);
    const box = map.getCanvas().getBoundingClientRect();
    return { x: box.x + point.x, y: box.y + point.y };
  },
  settle: () => whenIdle(element()),
  async filter(): Promise<FilterResult> {
    const host = element() as unknown as { filter?: Record<string, unknown> };
    if (!('filter' in host)) return { ms: null, note: 'not yet available' };
    filterBefore = host.filter;
    const started = performance.now();
    host.filter = { ...host.filter, statuses: ['operating'] };
    await Promise.all([element().updateComplete, whenIdle(element())]);
    const ms = performance.now() - started;
    // What the map was given: layer filters that test the status (each re-tiles the source), or
    // none (in 2D what is left out is hidden through feature state; vector tiles fall back to layer
    // filters where that would not be exact).
    const filters = element()
      .map!.getStyle()
      .layers.map((layer) => ('filter' in layer ? JSON.stringify(layer.filter) : ''))
      .filter((filter) => filter.includes('status'));
    const largest = Math.max(0, ...filters.map((filter) => filter.length));
    return {
      ms,
      note:
        filters.length === 0
          ? 'no layer filter: feature state'
          : `filter set on ${filters.length} layers, up to ${Math.round(largest / 1024)} KB of expression each`,
    };
  },
  async resetFilter() {
    const host = element() as unknown as { filter?: unknown };
    if (filterBefore === undefined) return;
    host.filter = filterBefore;
    await Promise.all([element().updateComplete, whenIdle(element())]);
  },
  async date(): Promise<FilterResult> {
    const host = element();
    // The middle of the dates the data's stages have (a date before most of them, in the seeds'
    // span when the data has none: then only the as-of pass runs, nothing changes on the map).
    const dates = [
      ...new Set(host.features.flatMap((f) => (f.properties.history ?? []).map((s) => s.date))),
    ].sort();
    const date = dates[Math.floor(dates.length / 2)] ?? '2020-06';
    const started = performance.now();
    host.date = date;
    await Promise.all([host.updateComplete, whenIdle(host)]);
    const ms = performance.now() - started;
    const filters = host
      .map!.getStyle()
      .layers.filter((layer) => 'filter' in layer && JSON.stringify(layer.filter).includes('pmId'));
    return {
      ms,
      note: `date=${date} (${dates.length} dates in the data)${filters.length ? `, layer filter on ${filters.length} layers` : ', feature state'}`,
    };
  },
  async resetDate() {
    const host = element();
    host.date = null;
    await Promise.all([host.updateComplete, whenIdle(host)]);
  },
  startFrames,
  stopFrames,
  // With tiles there is no file to validate (the element validates what tiles it loaded).
  validateMs: tileMode() ? undefined : validateMs,
  legendMs() {
    // The legend is rendered on every update of the element (a click, a filter change).
    const started = performance.now();
    renderLegend(element().features, 'zh-CN');
    return performance.now() - started;
  },
  waitForDetails(name) {
    const root = element().shadowRoot!;
    return waitForDetails(
      root,
      () => root.querySelector('.details h2')?.textContent?.trim() === name,
    );
  },
};
