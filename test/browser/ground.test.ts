// The offline map's ground, in real Chromium: with basemap="none" and data in central Hunan, the
// major rivers are drawn under the data and the towns named (in the element's language), with the
// sources credited on the map; nothing of it for data elsewhere (not even its file fetched), with
// ground="none", or over a basemap that shows the ground itself.
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { CONTEXT_RIVER_LAYER } from '../../src/map/context-layer.js';
import type { ParkMap } from '../../src/park-map.js';
import { mount, shadow, squarePolygon, useCleanPage } from './helpers.js';

// Not same-origin only: one test asks for OpenStreetMap's tiles (answered by a route here).
useCleanPage();

afterEach(async () => {
  await commands.takeRoutes();
});

/** One park 0.02° across with its south-west corner there. */
function data(west: number, south: number) {
  return {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        id: 'park',
        geometry: squarePolygon(west, south, 0.02),
        properties: { kind: 'park', name: '园区' },
      },
    ],
  };
}

/** Resolves once the map has drawn everything it has (the ground comes a chunk later). */
function idle(element: ParkMap): Promise<void> {
  return new Promise((resolve) => {
    element.map!.once('idle', () => resolve());
    element.map!.triggerRepaint();
  });
}

/** Resolves once the ground's river layer is on the map. */
async function groundDrawn(element: ParkMap): Promise<void> {
  const map = element.map!;
  while (!map.getLayer(CONTEXT_RIVER_LAYER)) {
    await new Promise((resolve) => map.once('styledata', resolve));
  }
  await idle(element);
}

const names = (element: ParkMap) =>
  [
    ...shadow(element).querySelectorAll(
      '.park-map-label-place:not(.park-map-label-hidden), .park-map-label-place-city:not(.park-map-label-hidden)',
    ),
  ].map((label) => label.textContent);

const groundFetched = () =>
  performance.getEntriesByType('resource').some((entry) => entry.name.includes('central-hunan'));

// These run in order: the ground's file, once fetched, stays loaded for the page, so the tests
// that it is not fetched come before the one that draws it.
describe('the offline ground', () => {
  it('is neither drawn nor fetched for data elsewhere, nor with ground="none"', async () => {
    // Hangzhou, far from central Hunan.
    const far = await mount({}, (el) => (el.data = data(120.1, 30.2)));
    await idle(far.element);
    expect(far.element.map!.getLayer(CONTEXT_RIVER_LAYER)).toBeUndefined();
    expect(shadow(far.element).querySelector('.park-map-context-credit')).toBeNull();
    expect(groundFetched()).toBe(false);
    far.element.remove();
    const off = await mount({ ground: 'none' }, (el) => (el.data = data(112.55, 26.88)));
    await idle(off.element);
    expect(off.element.map!.getLayer(CONTEXT_RIVER_LAYER)).toBeUndefined();
    expect(groundFetched()).toBe(false);
  });

  it('is not drawn over a basemap, which shows the ground itself', async () => {
    await commands.fulfillRoute('https://tile.openstreetmap.org/**', {
      contentType: 'image/png',
      base64:
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    });
    const { element } = await mount({ basemap: 'osm' }, (el) => (el.data = data(112.55, 26.88)));
    await idle(element);
    expect(element.map!.getLayer(CONTEXT_RIVER_LAYER)).toBeUndefined();
    expect(groundFetched()).toBe(false);
  });
  it('draws the rivers under the data and names the towns, credited, in both languages', async () => {
    // A park 30 km west of Hengyang (its name would otherwise win the town's place).
    const { element } = await mount({}, (el) => (el.data = data(112.3, 26.95)));
    await groundDrawn(element);
    // Fetched now (so the checks above that it was not can fail).
    expect(groundFetched()).toBe(true);
    const map = element.map!;
    // Under the data: the river layer comes before the data's first layer.
    const ids = map.getStyle().layers.map((layer) => layer.id);
    expect(ids.indexOf(CONTEXT_RIVER_LAYER)).toBeLessThan(ids.indexOf('park-map-zone-fill'));
    // Zoomed out on the region: the Xiang drawn, the cities named.
    map.jumpTo({ center: [112.75, 27.4], zoom: 8 });
    await idle(element);
    expect(map.queryRenderedFeatures({ layers: [CONTEXT_RIVER_LAYER] }).length).toBeGreaterThan(0);
    expect(names(element)).toEqual(expect.arrayContaining(['衡阳', '湘潭', '湘乡']));
    const credit = shadow(element).querySelector('.park-map-context-credit')!;
    expect(credit.textContent).toBe('河流：GSHHG；地名：GeoNames（CC BY 4.0）');
    // In English: the towns' English names, the credit in English.
    element.lang = 'en';
    await element.updateComplete;
    await idle(element);
    expect(names(element)).toEqual(expect.arrayContaining(['Hengyang', 'Xiangtan', 'Xiangxiang']));
    expect(names(element)).not.toContain('衡阳');
    expect(credit.textContent).toBe('Rivers: GSHHG; places: GeoNames (CC BY 4.0)');
    // Counties not yet at zoom 7; the cities still.
    map.jumpTo({ zoom: 7 });
    await idle(element);
    expect(names(element)).toContain('Hengyang');
    expect(names(element)).not.toContain('Xiangxiang');
  });
});
