// Basemap presets wired for real: tile and style requests go where each preset says (answered here
// by routing, no network), attribution shows, a missing key is explained, and the parks still draw.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands, userEvent } from 'vitest/browser';
import { positionFromWgs84, positionToWgs84 } from '../../src/data/coords.js';
import type { ParkMap } from '../../src/park-map.js';
import { MINI_URL, canvasOf, collect, mount, nextEvent, renderedIds, shadow } from './helpers.js';

let tile = '';

/** A plain 256 px PNG tile, drawn by the browser itself. */
async function pngTile(): Promise<string> {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 256;
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#cfe3c4';
  context.fillRect(0, 0, 256, 256);
  return canvas.toDataURL('image/png').split(',')[1]!;
}

beforeEach(async () => {
  tile ||= await pngTile();
  await commands.startPageLog();
});

afterEach(async () => {
  await commands.takeRoutes();
  const log = await commands.takePageLog();
  document.body.replaceChildren();
  expect(log.consoleErrors).toEqual([]);
});

async function idle(element: ParkMap) {
  await new Promise<void>((resolve) => {
    element.map!.once('idle', () => resolve());
    element.map!.triggerRepaint();
  });
}

describe('basemap presets', () => {
  it('osm: raster tiles from tile.openstreetmap.org, with attribution, parks on top', async () => {
    await commands.fulfillRoute('https://tile.openstreetmap.org/**', {
      contentType: 'image/png',
      base64: tile,
    });
    const { element } = await mount({ src: MINI_URL, basemap: 'osm' });
    const routes = await commands.takeRoutes();
    const tiles = routes['https://tile.openstreetmap.org/**'] ?? [];
    expect(tiles.length).toBeGreaterThan(0);
    expect(
      tiles.every((url) => /^https:\/\/tile\.openstreetmap\.org\/\d+\/\d+\/\d+\.png$/.test(url)),
    ).toBe(true);
    expect(shadow(element).querySelector('.maplibregl-ctrl-attrib')?.textContent).toContain(
      '© OpenStreetMap contributors',
    );
    // Compact, as MapLibre's stylesheet draws it: the (i) button shows, the text box is framed.
    const attribution = shadow(element).querySelector<HTMLElement>('.maplibregl-ctrl-attrib')!;
    expect(attribution.classList.contains('maplibregl-compact')).toBe(true);
    expect(getComputedStyle(attribution).borderRadius).toBe('12px');
    expect(
      getComputedStyle(shadow(element).querySelector('.maplibregl-ctrl-attrib-button')!).display,
    ).toBe('block');
    expect(renderedIds(element)).toEqual(['t-building-a', 't-building-b', 't-park', 't-zone']);
    // The tiles sit under the parks: the basemap layer comes before every park-map feature layer.
    const layers = element.map!.getStyle().layers.map((layer) => layer.id);
    expect(layers.indexOf('park-map-basemap-osm')).toBeLessThan(
      layers.indexOf('park-map-zone-fill'),
    );
  });

  it('tianditu without basemap-key: a clear message, no request, parks still shown', async () => {
    await commands.fulfillRoute('https://*.tianditu.gov.cn/**', {
      contentType: 'image/png',
      base64: tile,
    });
    let errors: ReturnType<typeof collect<'park-map-error'>> = [];
    const { element } = await mount({ src: MINI_URL, basemap: 'tianditu' }, (el) => {
      errors = collect(el, 'park-map-error');
    });
    expect(errors.map((event) => event.detail.code)).toEqual(['basemap-key-missing']);
    expect(errors[0]!.detail.message).toContain('basemap-key');
    const routes = await commands.takeRoutes();
    expect(routes['https://*.tianditu.gov.cn/**'] ?? []).toEqual([]);
    expect(renderedIds(element)).toHaveLength(4);
  });

  it('tianditu with a key: vector tiles and Chinese annotation from tianditu.gov.cn with tk', async () => {
    await commands.fulfillRoute('https://*.tianditu.gov.cn/**', {
      contentType: 'image/png',
      base64: tile,
    });
    const { element } = await mount({
      src: MINI_URL,
      basemap: 'tianditu',
      'basemap-key': 'TESTKEY',
    });
    const urls = (await commands.takeRoutes())['https://*.tianditu.gov.cn/**'] ?? [];
    const layersAsked = new Set(urls.map((url) => new URL(url).searchParams.get('LAYER')));
    expect(layersAsked).toEqual(new Set(['vec', 'cva']));
    expect(urls.every((url) => new URL(url).searchParams.get('tk') === 'TESTKEY')).toBe(true);
    expect(shadow(element).querySelector('.maplibregl-ctrl-attrib')?.textContent).toContain(
      '天地图',
    );
  });

  it('openfreemap: the liberty style from tiles.openfreemap.org, its tiles, its attribution', async () => {
    // A stand-in for the liberty style, with one source on OpenFreeMap's host as the real one has.
    const style = {
      version: 8,
      sources: {
        openmaptiles: {
          type: 'raster',
          tiles: ['https://tiles.openfreemap.org/test/{z}/{x}/{y}.png'],
          tileSize: 256,
          attribution: 'OpenFreeMap © OpenMapTiles Data from OpenStreetMap',
        },
      },
      layers: [{ id: 'base', type: 'raster', source: 'openmaptiles' }],
    };
    await commands.fulfillRoute('https://tiles.openfreemap.org/styles/liberty', {
      contentType: 'application/json',
      text: JSON.stringify(style),
    });
    await commands.fulfillRoute('https://tiles.openfreemap.org/test/**', {
      contentType: 'image/png',
      base64: tile,
    });
    const { element } = await mount({ src: MINI_URL, basemap: 'openfreemap' });
    const routes = await commands.takeRoutes();
    expect(routes['https://tiles.openfreemap.org/styles/liberty']).toHaveLength(1);
    expect((routes['https://tiles.openfreemap.org/test/**'] ?? []).length).toBeGreaterThan(0);
    expect(shadow(element).querySelector('.maplibregl-ctrl-attrib')?.textContent).toContain(
      'OpenFreeMap',
    );
    expect(renderedIds(element)).toEqual(['t-building-a', 't-building-b', 't-park', 't-zone']);
  });

  it('any MapLibre style URL: the style and its tiles come from where the style says', async () => {
    const style = {
      version: 8,
      sources: {
        base: {
          type: 'raster',
          tiles: ['https://tiles.example.test/{z}/{x}/{y}.png'],
          tileSize: 256,
          attribution: '© Example Tiles',
        },
      },
      layers: [{ id: 'base', type: 'raster', source: 'base' }],
    };
    await commands.fulfillRoute('https://tiles.example.test/style.json', {
      contentType: 'application/json',
      text: JSON.stringify(style),
    });
    await commands.fulfillRoute('https://tiles.example.test/*/*/*.png', {
      contentType: 'image/png',
      base64: tile,
    });
    const { element } = await mount({
      src: MINI_URL,
      basemap: 'https://tiles.example.test/style.json',
    });
    const routes = await commands.takeRoutes();
    expect(routes['https://tiles.example.test/style.json']).toHaveLength(1);
    expect((routes['https://tiles.example.test/*/*/*.png'] ?? []).length).toBeGreaterThan(0);
    expect(shadow(element).querySelector('.maplibregl-ctrl-attrib')?.textContent).toContain(
      '© Example Tiles',
    );
    expect(renderedIds(element)).toHaveLength(4);
  });

  it('an unknown basemap name is reported and the map stays offline', async () => {
    let errors: ReturnType<typeof collect<'park-map-error'>> = [];
    const { element } = await mount({ src: MINI_URL, basemap: 'googel' }, (el) => {
      errors = collect(el, 'park-map-error');
    });
    expect(errors.map((event) => event.detail.code)).toEqual(['basemap-unknown']);
    expect(shadow(element).querySelector('.maplibregl-ctrl-attrib')).toBeNull();
  });

  it('switching the basemap attribute makes the map again, with the parks and the view kept', async () => {
    await commands.fulfillRoute('https://tile.openstreetmap.org/**', {
      contentType: 'image/png',
      base64: tile,
    });
    const { element } = await mount({ src: MINI_URL });
    const before = element.map!.getCenter();
    const reloaded = new Promise((resolve) =>
      element.addEventListener('park-map-load', resolve, { once: true }),
    );
    element.setAttribute('basemap', 'osm');
    await reloaded;
    await idle(element);
    expect(
      element.map!.getStyle().layers.some((layer) => layer.id === 'park-map-basemap-osm'),
    ).toBe(true);
    expect(element.map!.getCenter().lng).toBeCloseTo(before.lng, 6);
    expect(renderedIds(element)).toHaveLength(4);
  });
});

describe('cooperative gestures', () => {
  it('cooperative-gestures lets the page scroll past the map (zoom needs Ctrl)', async () => {
    const { element } = await mount({ src: MINI_URL, 'cooperative-gestures': '' });
    expect(element.map!.cooperativeGestures.isEnabled()).toBe(true);
    const plain = await mount({ src: MINI_URL });
    expect(plain.element.map!.cooperativeGestures.isEnabled()).toBe(false);
  });
});

/** Metres between two positions (spherical; plenty for telling 1 m from 500 m). */
function metres([lon1, lat1]: number[], [lon2, lat2]: number[]): number {
  const rad = Math.PI / 180;
  const x = (lon2! - lon1!) * rad * Math.cos(((lat1! + lat2!) / 2) * rad);
  const y = (lat2! - lat1!) * rad;
  return Math.hypot(x, y) * 6371008.8;
}

/** The centre of a feature's first ring, as given in the data (WGS84). */
function dataCentre(element: ParkMap, id: string): [number, number] {
  const feature = element.features.find((candidate) => candidate.id === id);
  if (feature?.geometry.type !== 'Polygon') throw new Error(`no polygon ${id}`);
  const ring = feature.geometry.coordinates[0]!.slice(0, -1);
  return [
    ring.reduce((sum, position) => sum + position[0]!, 0) / ring.length,
    ring.reduce((sum, position) => sum + position[1]!, 0) / ring.length,
  ];
}

describe('a basemap in GCJ-02 (AMap)', () => {
  const AMAP = 'https://*.is.autonavi.com/**';

  it('amap: tiles from the AMap hosts, attribution, and the parks shifted onto it', async () => {
    await commands.fulfillRoute(AMAP, { contentType: 'image/png', base64: tile });
    const { element } = await mount({ src: MINI_URL, basemap: 'amap' });
    // The data is untouched (WGS84); the map draws it where AMap's streets are.
    const wgs = dataCentre(element, 't-building-a');
    const gcj = positionFromWgs84(wgs, 'gcj02');
    expect(metres(wgs, gcj)).toBeGreaterThan(300);
    const idle = new Promise<void>((resolve) => element.map!.once('idle', () => resolve()));
    element.map!.jumpTo({ center: gcj as [number, number], zoom: 17 });
    await idle;
    const atShifted = element.map!.queryRenderedFeatures(
      element.map!.project(gcj as [number, number]),
    );
    expect(atShifted.map((feature) => feature.properties.pmId)).toContain('t-building-a');
    const atUnshifted = element.map!.queryRenderedFeatures(element.map!.project(wgs));
    expect(atUnshifted.map((feature) => feature.properties.pmId)).not.toContain('t-building-a');
    // A real click where AMap shows the building selects it.
    const point = element.map!.project(gcj as [number, number]);
    const selected = nextEvent(element, 'park-map-select');
    await userEvent.click(canvasOf(element), { position: { x: point.x, y: point.y } });
    expect((await selected).detail.id).toBe('t-building-a');
    // The URL-facing camera is WGS84 whatever the basemap draws in.
    element.hash = true;
    await element.updateComplete;
    const moved = new Promise<void>((resolve) => element.map!.once('moveend', () => resolve()));
    element.map!.jumpTo({ center: gcj as [number, number], zoom: 16 });
    await moved;
    // The element writes the URL on the same moveend, before this test's listener hears it.
    const match = /(?:^|[#&])map=[\d.]+\/([\d.]+)\/([\d.]+)/.exec(location.hash);
    expect(match).not.toBeNull();
    // (The hash rounds to the zoom's precision: metres here, far below the 300+ m shift.)
    const fromHash = [Number(match![2]), Number(match![1])];
    expect(metres(fromHash, wgs)).toBeLessThan(20);
    expect(metres(fromHash, gcj)).toBeGreaterThan(300);
    // The tiles for the new zoom are in before the routes go (else they would reach the network).
    if (!element.map!.loaded()) {
      await new Promise<void>((resolve) => element.map!.once('idle', () => resolve()));
    }
    const urls = (await commands.takeRoutes())[AMAP] ?? [];
    expect(urls.length).toBeGreaterThan(0);
    expect(
      urls.every((url) =>
        /^https:\/\/webrd0[1-4]\.is\.autonavi\.com\/appmaptile\?.*style=8/.test(url),
      ),
    ).toBe(true);
    expect(shadow(element).querySelector('.maplibregl-ctrl-attrib')?.textContent).toContain('高德');
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('amap: the selection outline is drawn where AMap shows the building', async () => {
    await commands.fulfillRoute(AMAP, { contentType: 'image/png', base64: tile });
    const { element } = await mount({ src: MINI_URL, basemap: 'amap' });
    element.selected = 't-building-a';
    await element.updateComplete;
    await new Promise<void>((resolve) => {
      element.map!.once('idle', () => resolve());
      element.map!.triggerRepaint();
    });
    const outline = element.map!.queryRenderedFeatures({ layers: ['park-map-selection-line'] });
    expect(new Set(outline.map((feature) => feature.properties.pmId))).toEqual(
      new Set(['t-building-a']),
    );
    const ring = element.features.find((f) => f.id === 't-building-a')!.geometry
      .coordinates as number[][][];
    const corner = ring[0]![0]!;
    // The outline has a vertex at the corner's GCJ-02 position, none near its WGS84 one.
    const drawnCorners = outline.flatMap((feature) =>
      (feature.geometry as GeoJSON.Polygon | GeoJSON.LineString).type === 'Polygon'
        ? (feature.geometry as GeoJSON.Polygon).coordinates[0]!
        : (feature.geometry as GeoJSON.LineString).coordinates,
    );
    const nearest = (point: number[], to: number[][]) =>
      Math.min(...to.map((candidate) => metres(point, candidate)));
    expect(nearest(positionFromWgs84(corner, 'gcj02'), drawnCorners)).toBeLessThan(2);
    expect(nearest(corner, drawnCorners)).toBeGreaterThan(300);
    // The data sent again (a new storey height) with the same selection: the outline, shifted anew
    // each time, is not sent again (its source's tiles would reload, and idle wait for them).
    let outlineTiles = 0;
    element.map!.on('sourcedata', (event) => {
      if (event.sourceId === 'park-map-highlight' && event.tile) outlineTiles += 1;
    });
    element.setAttribute('storey-height', '4');
    await element.updateComplete;
    await new Promise<void>((resolve) => {
      element.map!.once('idle', () => resolve());
      element.map!.triggerRepaint();
    });
    expect(outlineTiles).toBe(0);
    expect(
      new Set(
        element
          .map!.queryRenderedFeatures({ layers: ['park-map-selection-line'] })
          .map((feature) => feature.properties.pmId),
      ),
    ).toEqual(new Set(['t-building-a']));
    // Gone before the routes are: no tile request may go unanswered.
    element.remove();
    await commands.takeRoutes();
  });

  it('measures on WGS84: a shape drawn on AMap is shifted back before it is measured', async () => {
    await commands.fulfillRoute(AMAP, { contentType: 'image/png', base64: tile });
    const { element } = await mount({ src: MINI_URL, basemap: 'amap', tool: 'area' });
    await element.setTool('area');
    const square = [
      { x: 250, y: 300 },
      { x: 450, y: 300 },
      { x: 450, y: 420 },
      { x: 250, y: 420 },
    ];
    const clicked = square.map((pixel) => {
      const { lng, lat } = element.map!.unproject([pixel.x, pixel.y]);
      return [lng, lat];
    });
    const measured = nextEvent(element, 'park-map-measure');
    for (const pixel of [...square, square[0]!]) {
      await userEvent.click(canvasOf(element), { position: { ...pixel } });
    }
    const { detail } = await measured;
    const ring = (detail.geometry as { coordinates: number[][][] }).coordinates[0]!;
    expect(ring).toHaveLength(5);
    // Every vertex the event gives is the clicked (GCJ-02) point taken back to WGS84, to 1 cm.
    for (const position of ring.slice(0, 4)) {
      const nearest = Math.min(
        ...clicked.map((point) => metres(position, positionToWgs84(point, 'gcj02'))),
      );
      expect(nearest).toBeLessThan(0.01);
      expect(Math.min(...clicked.map((point) => metres(position, point)))).toBeGreaterThan(300);
    }
    // …and the area is that WGS84 ring's, as measure() computes it.
    expect(detail.areaM2).toBeCloseTo(element.measure(detail.geometry).areaM2, 6);
  });
});

describe('basemap switch (basemaps)', () => {
  it('a real selection changes the basemap, reflects it and fires park-map-basemap', async () => {
    await commands.fulfillRoute('https://tile.openstreetmap.org/**', {
      contentType: 'image/png',
      base64: tile,
    });
    const { element } = await mount({ src: MINI_URL, basemaps: 'none osm' });
    const before = element.map!;
    expect(Object.keys(before.getStyle().sources)).not.toContain('park-map-basemap-osm');
    // Offline until chosen: no tile asked for (taking the routes removes them: routed again).
    expect((await commands.takeRoutes())['https://tile.openstreetmap.org/**']).toEqual([]);
    await commands.fulfillRoute('https://tile.openstreetmap.org/**', {
      contentType: 'image/png',
      base64: tile,
    });
    const events = collect(element, 'park-map-basemap');
    const select = shadow(element).querySelector<HTMLSelectElement>('select.basemap-switch')!;
    // A keyboard user's path: the switch has the focus (as after Tab), then an option is chosen.
    select.focus();
    let drawn = nextEvent(element, 'park-map-load');
    await userEvent.selectOptions(select, 'osm');
    expect(element.getAttribute('basemap')).toBe('osm');
    expect(events.map((event) => event.detail)).toEqual([{ basemap: 'osm', previous: 'none' }]);
    // The map is made again with it: park-map-load tells the data is drawn on the new map.
    await drawn;
    const after = element.map!;
    expect(after).not.toBe(before);
    expect(Object.keys(after.getStyle().sources)).toContain('park-map-basemap-osm');
    await idle(element);
    expect(
      (await commands.takeRoutes())['https://tile.openstreetmap.org/**']?.length,
    ).toBeGreaterThan(0);
    // The new map's switch shows the choice and keeps the keyboard focus.
    const again = shadow(element).querySelector<HTMLSelectElement>('select.basemap-switch')!;
    expect(again.value).toBe('osm');
    expect(shadow(element).activeElement).toBe(again);
    // And back, by keyboard on the focused switch.
    drawn = nextEvent(element, 'park-map-load');
    await userEvent.keyboard('{ArrowUp}');
    expect(element.getAttribute('basemap')).toBe('none');
    await drawn;
    const offline = element.map!;
    expect(Object.keys(offline.getStyle().sources)).not.toContain('park-map-basemap-osm');
    expect(events.map((event) => event.detail.basemap)).toEqual(['osm', 'none']);
  }, 60_000);

  it('setting basemap from code fires no park-map-basemap, and the switch follows', async () => {
    const { element } = await mount({ src: MINI_URL, basemaps: 'none amap' });
    const before = element.map;
    const events = collect(element, 'park-map-basemap');
    await commands.fulfillRoute('https://*.is.autonavi.com/**', {
      contentType: 'image/png',
      base64: tile,
    });
    const drawn = nextEvent(element, 'park-map-load');
    element.basemap = 'amap';
    await drawn;
    expect(element.map).not.toBe(before);
    const select = shadow(element).querySelector<HTMLSelectElement>('select.basemap-switch')!;
    expect(select.value).toBe('amap');
    expect(events).toEqual([]);
  });
});
