// Basemap presets wired for real: tile and style requests go where each preset says (answered here
// by routing, no network), attribution shows, a missing key is explained, and the parks still draw.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import type { ParkMap } from '../../src/park-map.js';
import { MINI_URL, collect, mount, renderedIds, shadow } from './helpers.js';

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
