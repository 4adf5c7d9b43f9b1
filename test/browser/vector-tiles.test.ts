// <park-map> reading vector tiles in real Chromium with real MapLibre: a PMTiles archive served by the
// test server with HTTP range requests, and a `{z}/{x}/{y}` tile server (Playwright answers it from
// the same archive). The archive is test/fixtures/mini-parks.pmtiles, built from mini-parks.geojson
// (test/unit/pmtiles-fixture.test.ts checks that it still matches).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands, userEvent } from 'vitest/browser';
import type { ParkMap } from '../../src/park-map.js';
import { EMPTY_FILTER } from '../../src/explore/filter-state.js';
import { toGeoJson } from '../../src/export/export.js';
import { openArchiveCount } from '../../src/map/pmtiles-archive.js';
import {
  canvasOf,
  countTileLoads,
  collect,
  mount,
  nextEvent,
  pixelNow,
  pixelOnNextFrame,
  shadow,
  text,
  type Rgba,
} from './helpers.js';
import { squarePolygon } from '../fixtures/shapes.js';

const ARCHIVE_URL = new URL('../fixtures/mini-parks.pmtiles', import.meta.url).href;
/** One park with statistics, aliases and a history (test/fixtures/history-parks.geojson). */
const HISTORY_URL = new URL('../fixtures/history-parks.pmtiles', import.meta.url).href;
const TILE_SERVER = 'http://tiles.test';
const TEMPLATE = `${TILE_SERVER}/parks/{z}/{x}/{y}.mvt`;
const ALL_IDS = ['t-building-a', 't-building-b', 't-park', 't-zone'];
const SOURCE = 'park-map-features';

/** Console errors a test expects (the browser logs a 404 of its own). */
let expectedConsole: RegExp[] = [];

beforeEach(async () => {
  expectedConsole = [];
  await commands.startPageLog();
});

/** The page's own fetch: tests that watch requests wrap it, and afterEach puts it back. */
const nativeFetch = window.fetch;

afterEach(async () => {
  window.fetch = nativeFetch;
  const log = await commands.takePageLog();
  await commands.takeRoutes();
  document.body.replaceChildren();
  expect(
    log.consoleErrors.filter(
      (message) => !expectedConsole.some((pattern) => pattern.test(message)),
    ),
  ).toEqual([]);
  // Nothing but the page's own files and the tile server a test named.
  const foreign = log.requests.filter(
    (url) => new URL(url).origin !== location.origin && !url.startsWith(TILE_SERVER),
  );
  expect(foreign).toEqual([]);
});

/**
 * Ids (the tiles' `id` property) of the features MapLibre has drawn in the viewport. What the
 * filters hide under the `hidden` feature state is still in MapLibre's query, drawn at opacity 0:
 * it is not counted as drawn (the pixel tests below read what it looks like).
 */
function drawnIds(element: ParkMap): string[] {
  const map = element.map!;
  const ids = map
    .queryRenderedFeatures()
    .filter(
      (feature) => feature.source === SOURCE && !stateOf(element, feature.properties.id).hidden,
    )
    .map((feature) => feature.properties.id as string);
  return [...new Set(ids)].sort();
}

/** The feature state MapLibre holds for a tile feature (by its string id). */
function stateOf(element: ParkMap, id: unknown): Record<string, unknown> {
  return element.map!.getFeatureState({ source: SOURCE, sourceLayer: 'features', id: String(id) });
}

/** The filters on the map's layers that test a feature's own data (not its kind or shape). */
function layerFilters(element: ParkMap): string[] {
  return element
    .map!.getStyle()
    .layers.map((layer) => ('filter' in layer ? JSON.stringify(layer.filter) : ''))
    .filter((filter) => /"(status|industries|parent)"/.test(filter));
}

/** The canvas position of the centre of a loaded feature's first ring. */
function centreOf(element: ParkMap, id: string): { x: number; y: number } {
  const feature = element.features.find((candidate) => candidate.id === id);
  if (!feature || feature.geometry.type !== 'Polygon') throw new Error(`no polygon ${id} loaded`);
  const ring = feature.geometry.coordinates[0]!.slice(0, -1);
  const lon = ring.reduce((sum, position) => sum + position[0]!, 0) / ring.length;
  const lat = ring.reduce((sum, position) => sum + position[1]!, 0) / ring.length;
  const point = element.map!.project([lon, lat]);
  return { x: point.x, y: point.y };
}

function idle(element: ParkMap): Promise<void> {
  const map = element.map!;
  return new Promise((resolve) => {
    map.once('idle', () => resolve());
    map.triggerRepaint();
  });
}

describe('<park-map src="….pmtiles">', () => {
  it('reads the archive by range requests, frames its bounds and announces the loaded features', async () => {
    const ranges: string[] = [];
    const original = nativeFetch;
    window.fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      if (String(input instanceof Request ? input.url : input) === ARCHIVE_URL) {
        ranges.push(headers.get('range') ?? 'none');
      }
      return original(input, init);
    };
    const { element, loaded } = await mount({ src: ARCHIVE_URL });
    expect(loaded.features.map((feature) => feature.id).sort()).toEqual(ALL_IDS);
    expect(loaded.errors).toEqual([]);
    expect(drawnIds(element)).toEqual(ALL_IDS);
    // The header, then tiles: every read is a byte range, none the whole file.
    expect(ranges[0]).toBe('bytes=0-16383');
    expect(ranges.length).toBeGreaterThan(1);
    expect(ranges.every((range) => /^bytes=\d+-\d+$/.test(range))).toBe(true);
    // Framed on the header's bounds: 112.600–112.620 °E, 26.890–26.910 °N.
    const bounds = element.map!.getBounds();
    expect(bounds.getWest()).toBeLessThanOrEqual(112.6);
    expect(bounds.getEast()).toBeGreaterThanOrEqual(112.62);
    expect(bounds.getEast() - bounds.getWest()).toBeLessThan(0.06);
  });

  it('a real click on a building shows its decoded properties in the details panel', async () => {
    const { element } = await mount({ src: ARCHIVE_URL });
    const selects = collect(element, 'park-map-select');
    await userEvent.click(canvasOf(element), { position: centreOf(element, 't-building-a') });
    await element.updateComplete;
    const root = shadow(element);
    expect(text(root, '.details h2')).toBe('测试1号楼');
    expect(text(root, '.details .status-label')).toBe('运营中');
    // Tenants travel as JSON text in the tile: the panel lists them, not the text.
    const tenants = [...root.querySelectorAll('.tenants li .tenant-name')].map(
      (node) => node.textContent,
    );
    expect(tenants).toEqual(['科大讯飞', '中国电子']);
    expect(selects.map((event) => event.detail.id)).toEqual(['t-building-a']);
    expect(selects[0]!.detail.properties?.tenants?.[0]?.name).toBe('科大讯飞');
    // The selection outline is drawn on that building only.
    await idle(element);
    const outlined = element
      .map!.queryRenderedFeatures({ layers: ['park-map-selection-line'] })
      .map((feature) => feature.properties.id as string);
    expect([...new Set(outlined)]).toEqual(['t-building-a']);
  });

  it('statistics, aliases and the history come back from the JSON text of the tiles (a real click)', async () => {
    const { element } = await mount({ src: HISTORY_URL });
    await userEvent.click(canvasOf(element), { position: centreOf(element, 'h-park') });
    await element.updateComplete;
    const root = shadow(element);
    expect(text(root, '.details h2')).toBe('测试历程园');
    expect(text(root, '.stats [data-stat] dt')).toBe('施工现场工人 (2020年4月)');
    expect(text(root, '.stats [data-stat] dd')).toBe('1300人');
    expect(text(root, '.extras [data-property="aliases"] dd')).toBe('测试历成园');
    const stages = [...root.querySelectorAll('.history .timeline li')];
    expect(stages.map((li) => li.querySelector('.stage-date')?.textContent?.trim())).toEqual([
      '2020年4月',
      '2021年11月',
    ]);
    expect(stages[1]?.querySelector('.stage-progress')?.textContent?.trim()).toBe('95%');
    // The note is text: its markup is shown, never made an element.
    expect(stages[0]?.querySelector('.stage-note')?.textContent?.trim()).toBe(
      '<img src=x onerror=alert(1)>进度最快的一栋已建设至8层',
    );
    expect(root.querySelector('.history img')).toBeNull();
    expect(root.querySelector('.extras [data-property="history"]')).toBeNull();
  });

  it('a status filter hides the other features on the map, without re-tiling', async () => {
    const { element } = await mount({ src: ARCHIVE_URL });
    element.map!.jumpTo({ center: [112.61, 26.9], zoom: 15 });
    await idle(element);
    expect(drawnIds(element)).toEqual(ALL_IDS);
    const buildingA = centreOf(element, 't-building-a');
    const drawnA = await pixelOnNextFrame(element, buildingA);
    const parkOnly = element.map!.project([112.6125, 26.8965]);
    const parkColour = await pixelOnNextFrame(element, parkOnly);
    expect(drawnA).not.toEqual(parkColour);
    const tiles = countTileLoads(element);

    element.filter = { ...EMPTY_FILTER, statuses: ['under_construction'] };
    await element.updateComplete;
    await idle(element);
    expect(drawnIds(element)).toEqual(['t-building-b']);
    expect(stateOf(element, 't-building-a')).toEqual({ hidden: true });
    // A is no longer drawn: its centre shows what is beneath it (the park, hidden too, shows
    // the zone, hidden too: the basemap), as a point of the park does.
    expect(await pixelOnNextFrame(element, buildingA)).toEqual(
      await pixelOnNextFrame(element, parkOnly),
    );
    expect(layerFilters(element)).toEqual([]);
    expect(tiles.count).toBe(0);

    element.filter = EMPTY_FILTER;
    await element.updateComplete;
    await idle(element);
    expect(drawnIds(element)).toEqual(ALL_IDS);
    expect(await pixelOnNextFrame(element, buildingA)).toEqual(drawnA);
    expect(tiles.count).toBe(0);
  });

  it('in 3D the extruded buildings follow the filter (the 3D layer gets it as a layer filter)', async () => {
    const { element } = await mount({ src: ARCHIVE_URL });
    element.map!.jumpTo({ center: [112.61, 26.9], zoom: 15 });
    element.filter = { ...EMPTY_FILTER, statuses: ['under_construction'] };
    await element.updateComplete;
    element.view = '3d';
    await element.updateComplete;
    await idle(element);
    const extruded = () =>
      [
        ...new Set(
          element
            .map!.queryRenderedFeatures({ layers: ['park-map-building-extrusion'] })
            .map((feature) => feature.properties.id as string),
        ),
      ].sort();
    expect(extruded()).toEqual(['t-building-b']);
    element.filter = { ...EMPTY_FILTER, statuses: ['operating'] };
    await element.updateComplete;
    await idle(element);
    expect(extruded()).toEqual(['t-building-a']);
    element.filter = EMPTY_FILTER;
    await element.updateComplete;
    await idle(element);
    expect(extruded()).toEqual(['t-building-a', 't-building-b']);
  });

  it('industry and zone filters test the tiles own properties (JSON text, parent)', async () => {
    const { element } = await mount({ src: ARCHIVE_URL });
    // The park's industries travel in the tile as the text ["软件","电子商务"].
    element.filter = { ...EMPTY_FILTER, industries: ['电子商务'] };
    await element.updateComplete;
    await idle(element);
    expect(drawnIds(element)).toEqual(['t-park']);
    element.filter = { ...EMPTY_FILTER, zones: ['t-park'] };
    await element.updateComplete;
    await idle(element);
    expect(drawnIds(element)).toEqual(['t-building-a', 't-building-b', 't-park']);
    // MapLibre evaluated the expressions on the tiles; the layers keep their own filters.
    expect(layerFilters(element)).toEqual([]);
  });

  it('announces the drawn tiles first, then fills the list in the next task', async () => {
    // The rows as rendered by the update that follows the event at once (the same task).
    let rowsAtLoad: Promise<number> | undefined;
    const { element } = await mount(
      { src: ARCHIVE_URL },
      (element) => {
        rowsAtLoad = new Promise((resolve) =>
          element.addEventListener(
            'park-map-load',
            () =>
              void element.updateComplete.then(() =>
                resolve(shadow(element).querySelectorAll('.tree li.item').length),
              ),
            { once: true },
          ),
        );
      },
      true,
    );
    expect(await rowsAtLoad).toBe(0);
    expect(element.features.map((feature) => feature.id).sort()).toEqual(ALL_IDS);
    await expect
      .poll(() =>
        [...shadow(element).querySelectorAll<HTMLElement>('.tree li.item')].map(
          (li) => li.dataset['id'],
        ),
      )
      .toEqual(['t-zone', 't-park', 't-building-a', 't-building-b']);
  });

  it('names the zones and parks in view, as the view moves', async () => {
    const { element } = await mount({ src: ARCHIVE_URL });
    const visible = () =>
      [...shadow(element).querySelectorAll('.park-map-label:not(.park-map-label-hidden)')].map(
        (label) => label.textContent,
      );
    const map = element.map!;
    // Remade in the frame after the view stops.
    map.jumpTo({ center: [112.61, 26.9], zoom: 12 });
    await expect.poll(visible).toEqual(['测试高新区']);
    map.jumpTo({ center: [112.61, 26.9], zoom: 15 });
    await expect.poll(visible).toEqual(['测试软件产业园']);
    // Far away: nothing loaded is in view, no label is kept.
    map.jumpTo({ center: [100, 30], zoom: 15 });
    await expect.poll(() => shadow(element).querySelectorAll('.park-map-label').length).toBe(0);
  });

  it('names only what the filter passes, and follows each new filter', async () => {
    const { element } = await mount({ src: ARCHIVE_URL });
    const visible = () =>
      [...shadow(element).querySelectorAll('.park-map-label:not(.park-map-label-hidden)')].map(
        (label) => label.textContent,
      );
    element.map!.jumpTo({ center: [112.61, 26.9], zoom: 15 });
    await expect.poll(visible).toEqual(['测试软件产业园']);
    element.filter = { ...EMPTY_FILTER, kinds: ['building'] };
    await expect.poll(visible).toEqual([]);
    element.filter = EMPTY_FILTER;
    await expect.poll(visible).toEqual(['测试软件产业园']);
  });

  it('search finds a loaded feature, and the list says it holds the loaded features only', async () => {
    const { element } = await mount({ src: ARCHIVE_URL }, undefined, true);
    const root = shadow(element);
    expect(text(root, '.loaded-only')).toContain('已加载');
    const input = root.querySelector<HTMLInputElement>('.search-input')!;
    await userEvent.fill(input, '测试2号');
    await element.updateComplete;
    const names = [...root.querySelectorAll('.search-results .result-name')].map(
      (node) => node.textContent,
    );
    expect(names).toEqual(['测试2号楼']);
  });

  it('measures a building clicked with the parcel tool from its tile geometry', async () => {
    const { element } = await mount({ src: ARCHIVE_URL, tool: 'parcel' });
    await element.setTool('parcel');
    const measured = nextEvent(element, 'park-map-measure');
    await userEvent.click(canvasOf(element), { position: centreOf(element, 't-building-a') });
    const { detail } = await measured;
    expect(detail.featureId).toBe('t-building-a');
    // The same footprint from the GeoJSON fixture: the tile keeps it within its 1/4096 grid.
    const fixture = (await (
      await fetch(new URL('../fixtures/mini-parks.geojson', import.meta.url))
    ).json()) as { features: { id: string; geometry: Parameters<ParkMap['measure']>[0] }[] };
    const exact = element.measure(fixture.features.find((f) => f.id === 't-building-a')!.geometry);
    expect(detail.areaM2! / exact.areaM2).toBeCloseTo(1, 2);
  });

  it('a tile park measured from the details panel: its measured area and its buildings coverage', async () => {
    const { element } = await mount({ src: ARCHIVE_URL });
    element.select('t-park');
    await element.updateComplete;
    const measured = nextEvent(element, 'park-map-measure');
    shadow(element).querySelector<HTMLButtonElement>('.details .measure-this')!.click();
    const { detail } = await measured;
    expect(detail.featureId).toBe('t-park');
    // The park is larger than a tile's margin: what is measured is its largest loaded piece (see
    // README), most of the outline the GeoJSON fixture has.
    const fixture = (await (
      await fetch(new URL('../fixtures/mini-parks.geojson', import.meta.url))
    ).json()) as { features: { id: string; geometry: Parameters<ParkMap['measure']>[0] }[] };
    const exact = element.measure(fixture.features.find((f) => f.id === 't-park')!.geometry);
    const park = element.features.find((feature) => feature.id === 't-park')!;
    expect(detail.areaM2).toBe(element.measure(park.geometry).areaM2);
    expect(detail.areaM2! / exact.areaM2).toBeGreaterThan(0.5);
    expect(detail.areaM2! / exact.areaM2).toBeLessThan(1.01);
    await element.updateComplete;
    const row = (name: string) =>
      shadow(element).querySelector(`.parcel-figures [data-measure="${name}"] dd`)?.textContent;
    await expect.poll(() => row('measured-area')).toMatch(/\d/);
    // Building coverage needs the footprints of the park's two buildings, read from their tiles.
    expect(row('coverage')).toMatch(/\d+(\.\d+)?\s*%/);
  });

  it('exports the loaded tile features with their geometry', async () => {
    const { element } = await mount({ src: ARCHIVE_URL });
    const exported = JSON.parse(toGeoJson(element.features)) as {
      features: { id: string; geometry: { type: string; coordinates: number[][][] } }[];
    };
    expect(exported.features.map((feature) => feature.id).sort()).toEqual(ALL_IDS);
    for (const feature of exported.features) {
      expect(feature.geometry.type).toBe('Polygon');
      const ring = feature.geometry.coordinates[0]!;
      expect(ring.length).toBeGreaterThanOrEqual(4);
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      // Near Hengyang, in degrees (not tile units).
      expect(Math.abs(ring[0]![0]! - 112.61)).toBeLessThan(0.05);
      expect(Math.abs(ring[0]![1]! - 26.9)).toBeLessThan(0.05);
    }
  });

  it('elements sharing an archive close it once the last one is gone', async () => {
    const first = await mount({ src: ARCHIVE_URL });
    const second = await mount({ src: ARCHIVE_URL });
    expect(openArchiveCount()).toBe(1);
    first.element.remove();
    // The close is chained on the opening (a microtask), so an element removed mid-open closes too.
    await Promise.resolve();
    expect(openArchiveCount()).toBe(1);
    expect(drawnIds(second.element)).toEqual(ALL_IDS);
    second.element.remove();
    await Promise.resolve();
    expect(openArchiveCount()).toBe(0);
    // A new element registers the protocol again and draws.
    const third = await mount({ src: ARCHIVE_URL });
    expect(drawnIds(third.element)).toEqual(ALL_IDS);
  });

  it('an element removed while its archive is still opening leaves it closed', async () => {
    // Hold the header's answer: the archive is then really opening when the element goes.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let asked!: () => void;
    const headerAsked = new Promise<void>((resolve) => (asked = resolve));
    window.fetch = async (input, init) => {
      if (String(input instanceof Request ? input.url : input) === ARCHIVE_URL) {
        asked();
        await held;
      }
      return nativeFetch(input, init);
    };
    try {
      const element = document.createElement('park-map');
      element.style.setProperty('--park-map-height', '500px');
      element.style.width = '800px';
      element.setAttribute('src', ARCHIVE_URL);
      document.body.append(element);
      await headerAsked;
      expect(openArchiveCount()).toBe(1);
      element.remove();
      release();
      await expect.poll(() => openArchiveCount()).toBe(0);
    } finally {
      window.fetch = nativeFetch;
      release();
    }
    const again = await mount({ src: ARCHIVE_URL });
    expect(drawnIds(again.element)).toEqual(ALL_IDS);
    again.element.remove();
    await Promise.resolve();
    expect(openArchiveCount()).toBe(0);
  });

  it('an archive that cannot be read is reported, in the widget and as park-map-error', async () => {
    const missing = new URL('../fixtures/no-such-archive.pmtiles', import.meta.url).href;
    expectedConsole = [/Failed to load resource.*404/];
    const element = document.createElement('park-map');
    element.style.setProperty('--park-map-height', '500px');
    element.style.width = '800px';
    element.setAttribute('no-list', '');
    element.setAttribute('src', missing);
    const errors = collect(element, 'park-map-error');
    const loaded = nextEvent(element, 'park-map-load');
    document.body.append(element);
    const { detail } = await loaded;
    expect(detail.features).toEqual([]);
    expect(errors.map((event) => event.detail.code)).toContain('load-failed');
    expect(element.errors[0]?.params?.src).toBe(missing);
  });
});

describe('<park-map src="…/{z}/{x}/{y}.mvt">', () => {
  it('reads a tile server: click, details, and only zooms 0–14 are asked for', async () => {
    await commands.routeTileServer(`${TILE_SERVER}/**`, 'test/fixtures/mini-parks.pmtiles');
    const { element, loaded } = await mount({ src: TEMPLATE });
    // No bounds from a template: the default view (Hengyang at z8) holds the fixture.
    expect(loaded.features.map((feature) => feature.id).sort()).toEqual(ALL_IDS);
    element.map!.jumpTo({ center: [112.61, 26.9], zoom: 16 });
    await idle(element);
    await userEvent.click(canvasOf(element), { position: centreOf(element, 't-building-b') });
    await element.updateComplete;
    expect(text(shadow(element), '.details h2')).toBe('测试2号楼');
    const requested = (await commands.takeRoutes())[`${TILE_SERVER}/**`] ?? [];
    expect(requested.length).toBeGreaterThan(0);
    const zooms = requested.map((url) => Number(/\/parks\/(\d+)\//.exec(url)![1]));
    expect(Math.max(...zooms)).toBe(14);
    expect(Math.min(...zooms)).toBe(8);
  });
});

/** Tiles made as asked from these features (see routeTilesOf): one of each kind of problem. */
const PROBLEMS = {
  features: [
    {
      id: 'p-zone',
      properties: { kind: 'zone', name: '问题高新区' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [112.55, 26.85],
            [112.67, 26.85],
            [112.67, 26.95],
            [112.55, 26.95],
            [112.55, 26.85],
          ],
        ],
      },
    },
    {
      // A status the schema does not know: reported, the feature kept without it.
      id: 'p-status',
      properties: { kind: 'park', name: '状态园', parent: 'p-zone', status: 'finished' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [112.56, 26.86],
            [112.59, 26.86],
            [112.59, 26.89],
            [112.56, 26.89],
            [112.56, 26.86],
          ],
        ],
      },
    },
    {
      // A kind the schema does not know: reported, the feature left out.
      id: 'p-kind',
      properties: { kind: 'factory', name: '类型园', parent: 'p-zone' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [112.6, 26.86],
            [112.63, 26.86],
            [112.63, 26.89],
            [112.6, 26.89],
            [112.6, 26.86],
          ],
        ],
      },
    },
    {
      // An outline that crosses itself (a bow tie): reported as a warning, the feature kept (the map
      // draws it; tiles round coordinates, so such a report may come from the tiles alone).
      id: 'p-bowtie',
      properties: { kind: 'park', name: '交叉园', parent: 'p-zone' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [112.58, 26.9],
            [112.62, 26.94],
            [112.62, 26.9],
            [112.58, 26.945],
            [112.58, 26.9],
          ],
        ],
      },
    },
  ],
};

describe('<park-map> with tiles holding bad data', () => {
  it('reports each problem with its feature and field: properties at load, the geometry a task later', async () => {
    await commands.routeTilesOf(`${TILE_SERVER}/**`, PROBLEMS);
    let errors: ReturnType<typeof collect<'park-map-error'>> = [];
    const { element, loaded } = await mount(
      { src: TEMPLATE },
      (element) => (errors = collect(element, 'park-map-error')),
    );
    // Properties are checked before park-map-load, as a file's are.
    const atLoad = loaded.errors.map(({ featureId, path, code, severity }) => ({
      featureId,
      path: path.replace(/^features\[\d+\]/, ''),
      code,
      severity,
    }));
    expect(atLoad).toEqual([
      {
        featureId: 'p-status',
        path: '.properties.status',
        code: 'unknown-status',
        severity: 'warning',
      },
      { featureId: 'p-kind', path: '.properties.kind', code: 'unknown-kind', severity: 'error' },
    ]);
    expect(loaded.features.map((feature) => feature.id).sort()).toEqual([
      'p-bowtie',
      'p-status',
      'p-zone',
    ]);
    // The geometry is checked in a later task: the bow tie is then reported, and stays drawn,
    // listed and clickable.
    await expect
      .poll(() => errors.map((event) => event.detail.code))
      .toContain('self-intersection');
    const crossing = errors.find((event) => event.detail.code === 'self-intersection')!.detail;
    expect(crossing.featureId).toBe('p-bowtie');
    expect(crossing.path).toMatch(/^features\[\d+\]\.geometry\.coordinates\[0\]$/);
    expect(crossing.severity).toBe('warning');
    expect(element.features.map((feature) => feature.id).sort()).toEqual([
      'p-bowtie',
      'p-status',
      'p-zone',
    ]);
    element.select('p-bowtie');
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('.details h2')?.textContent?.trim()).toBe('交叉园');
    element.select(null);
    await element.updateComplete;
    expect(element.errors.map((issue) => issue.code)).toEqual([
      'unknown-status',
      'unknown-kind',
      'self-intersection',
    ]);
    // Each problem once, in the widget's events too (one per kind, errors first).
    expect(errors.map((event) => event.detail.code)).toEqual([
      'unknown-kind',
      'unknown-status',
      'self-intersection',
    ]);
  });
});

describe('<park-map src="….pmtiles"> holding bad properties', () => {
  it('reports them with the same codes as a GeoJSON file, in el.errors and the banner', async () => {
    // An archive of others' making: a kind that is not ours, a figure written as text, a status
    // that is not one of ours (written by the tiler without validating, as `park-map tiles` would not).
    await commands.routeArchiveOf(`${TILE_SERVER}/bad.pmtiles`, {
      features: [
        {
          id: 'ok',
          properties: { kind: 'park', name: '好园' },
          geometry: squarePolygon(112.55, 26.85, 0.1),
        },
        {
          id: 'factory',
          properties: { kind: 'factory', name: '工厂' },
          geometry: squarePolygon(112.57, 26.87, 0.02),
        },
        {
          id: 'text',
          properties: { kind: 'building', name: '文字楼', investment: '10亿元' },
          geometry: squarePolygon(112.6, 26.9, 0.005),
        },
        {
          id: 'text2',
          properties: { kind: 'building', name: '文字楼二', investment: '3亿元', status: '在建中' },
          geometry: squarePolygon(112.61, 26.91, 0.005),
        },
      ],
    });
    let errors: ReturnType<typeof collect<'park-map-error'>> = [];
    const { element, loaded } = await mount(
      { src: `${TILE_SERVER}/bad.pmtiles`, lang: 'en' },
      (element) => (errors = collect(element, 'park-map-error')),
    );
    const found = (issues: readonly { code: string; featureId?: string }[]) =>
      issues.map(({ code, featureId }) => `${code} ${featureId}`).sort();
    // In the order the tiles came in: sorted here.
    const expected = [
      'figure-as-text text',
      'figure-as-text text2',
      'unknown-kind factory',
      'unknown-status text2',
    ];
    expect(found(loaded.errors)).toEqual(expected);
    expect(found(element.errors)).toEqual(expected);
    // One event per kind of problem, naming the features it was met in.
    const told = errors.flatMap(({ detail }) =>
      (detail.featureIds ?? [detail.featureId]).map((featureId) => ({
        code: detail.code,
        featureId,
      })),
    );
    expect(found(told)).toEqual(expected);
    // Not a silent blank map: the rest is drawn, and the banner counts the problems.
    expect(loaded.features.map((feature) => feature.id).sort()).toEqual(['ok', 'text', 'text2']);
    await element.updateComplete;
    expect(text(shadow(element), '.issues-count')).toMatch(/^4 data problems?$/);
  });
});

/** A building of `size` degrees at `west, south`, for tiles made as asked (routeTilesOf). */
function building(id: string, status: string, west: number, south: number, size = 0.002) {
  return {
    id,
    properties: { kind: 'building', name: id, status },
    geometry: squarePolygon(west, south, size),
  };
}

/** Colours MapLibre draws at a point on each frame until `done` resolves. */
function pixelsWhile(
  element: ParkMap,
  at: () => { x: number; y: number },
  done: Promise<unknown>,
): Promise<Rgba[]> {
  const map = element.map!;
  const seen: Rgba[] = [];
  const read = () => seen.push(pixelNow(element, at()));
  map.on('render', read);
  return done.then(() => {
    map.off('render', read);
    return seen;
  });
}

describe('a filter on vector tiles, through feature state', () => {
  // Far from Hengyang, where the map opens (z8): the far building is in no tile loaded at first.
  const FAR = [118.3, 29.7] as const;
  const near = (element: ParkMap) => element.map!.jumpTo({ center: [112.61, 26.9], zoom: 15 });
  const far = (element: ParkMap) =>
    element.map!.jumpTo({ center: [FAR[0] + 0.001, FAR[1] + 0.001], zoom: 16 });
  const farCentre = (element: ParkMap) => element.map!.project([FAR[0] + 0.001, FAR[1] + 0.001]);
  const besideFar = (element: ParkMap) => element.map!.project([FAR[0] - 0.002, FAR[1] + 0.001]);
  const DATA = {
    features: [
      building('near-a', 'operating', 112.609, 26.899),
      building('near-b', 'under_construction', 112.612, 26.899),
      building('far-b', 'under_construction', FAR[0], FAR[1]),
    ],
  };
  const OPERATING = { ...EMPTY_FILTER, statuses: ['operating' as const] };

  /**
   * Moves to the far building; until the map is idle there, the colours of each frame at its
   * centre and beside it, and how many tiles of the source loaded meanwhile.
   */
  async function goFar(element: ParkMap) {
    const tiles = countTileLoads(element);
    const there = idle(element);
    const frames = pixelsWhile(element, () => farCentre(element), there);
    const beside = pixelsWhile(element, () => besideFar(element), there);
    far(element);
    const [atBuilding, besideIt] = await Promise.all([frames, beside]);
    return { tiles, atBuilding, besideIt };
  }

  async function setFilter(element: ParkMap, filter: typeof EMPTY_FILTER) {
    element.filter = filter;
    await element.updateComplete;
    await idle(element);
  }

  it('a tile that loads later has what the filter leaves out hidden from its first frame', async () => {
    await commands.routeTilesOf(`${TILE_SERVER}/**`, DATA);
    const { element } = await mount({ src: TEMPLATE });
    near(element);
    await idle(element);
    await setFilter(element, OPERATING);
    expect(drawnIds(element)).toEqual(['near-a']);
    expect(stateOf(element, 'far-b')).toEqual({});

    const { tiles, atBuilding, besideIt } = await goFar(element);
    // The far building's tile came in now, and from its first frame on the building's centre
    // looked like the ground beside it.
    expect(tiles.count).toBeGreaterThan(0);
    expect(atBuilding.length).toBeGreaterThan(0);
    expect(atBuilding).toEqual(besideIt);
    expect(stateOf(element, 'far-b')).toEqual({ hidden: true });
    expect(layerFilters(element)).toEqual([]);
    // And it is drawn once the filter is cleared: it was there all along.
    await setFilter(element, EMPTY_FILTER);
    expect(await pixelOnNextFrame(element, farCentre(element))).not.toEqual(
      await pixelOnNextFrame(element, besideFar(element)),
    );
  });

  it('a tile MapLibre kept aside and brings back (with no event) is filtered too', async () => {
    await commands.routeTilesOf(`${TILE_SERVER}/**`, DATA);
    const { element } = await mount({ src: TEMPLATE });
    far(element);
    await idle(element);
    const drawn = await pixelOnNextFrame(element, farCentre(element));
    expect(drawn).not.toEqual(await pixelOnNextFrame(element, besideFar(element)));
    near(element);
    await idle(element);
    await setFilter(element, OPERATING);

    const { tiles, atBuilding, besideIt } = await goFar(element);
    // No tile was loaded: MapLibre drew the one it kept, and the building was hidden in it.
    expect(tiles.count).toBe(0);
    expect(atBuilding.length).toBeGreaterThan(0);
    expect(atBuilding).toEqual(besideIt);
    expect(atBuilding).not.toContainEqual(drawn);
  });

  it('MapLibre marks the tiles it unloads, which the tile filter lets go of; the filter still holds', async () => {
    // TileFilter keeps MapLibre's tiles until their `state` reads 'unloaded' (its sweep is tested
    // in test/unit/tile-filter.test.ts): here, that real MapLibre tiles do read so once unloaded.
    await commands.routeTilesOf(`${TILE_SERVER}/**`, DATA);
    const { element } = await mount({ src: TEMPLATE });
    const seen = new Set<{ state?: string }>();
    element.map!.on('sourcedata', (event) => {
      if (event.sourceId === SOURCE && event.tile) seen.add(event.tile as { state?: string });
    });
    // Across the country at z12: each view loads tiles of its own, older ones are unloaded.
    for (let step = 0; step < 24; step++) {
      element.map!.jumpTo({ center: [100 + step, 30 + (step % 5)], zoom: 12 });
      await idle(element);
    }
    expect(seen.size).toBeGreaterThan(64);
    const unloaded = [...seen].filter((tile) => tile.state === 'unloaded').length;
    expect(unloaded).toBeGreaterThan(0);
    expect(unloaded).toBeLessThan(seen.size);
    // Back home after all that: the filter hides through the tiles MapLibre holds now.
    near(element);
    await idle(element);
    await setFilter(element, OPERATING);
    expect(drawnIds(element)).toEqual(['near-a']);
    expect(stateOf(element, 'near-b')).toEqual({ hidden: true });
  });

  it('ids MapLibre would hash alike: the layers are filtered instead, exactly', async () => {
    // murmur3("b-4487") === murmur3("b-115654"): hiding one by feature state would hide both.
    await commands.routeTilesOf(`${TILE_SERVER}/**`, {
      features: [
        building('b-4487', 'under_construction', 112.609, 26.899),
        building('b-115654', 'operating', 112.612, 26.899),
      ],
    });
    const { element } = await mount({ src: TEMPLATE });
    near(element);
    await idle(element);
    expect(drawnIds(element)).toEqual(['b-115654', 'b-4487']);
    await setFilter(element, OPERATING);
    expect(drawnIds(element)).toEqual(['b-115654']);
    expect(stateOf(element, 'b-4487')).toEqual({});
    expect(layerFilters(element).length).toBeGreaterThan(0);
    // Cleared: the layers get their own filters back, and both are drawn.
    await setFilter(element, EMPTY_FILTER);
    expect(drawnIds(element)).toEqual(['b-115654', 'b-4487']);
    expect(layerFilters(element)).toEqual([]);
  });
});
