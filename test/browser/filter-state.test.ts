// Filters on GeoJSON hide features through MapLibre feature state, not layer filters: what the
// filters leave out is not drawn and not clickable, the source is not cut into tiles again, and the
// hidden set survives a new map (basemap switch), new data and the 3D view. Real map, real clicks.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands, userEvent } from 'vitest/browser';
import { EMPTY_FILTER } from '../../src/explore/filter-state.js';
import type { ParkMap } from '../../src/park-map.js';
import {
  MINI_URL,
  canvasOf,
  countTileLoads,
  mount,
  nextEvent,
  pixelOnNextFrame,
  projectedCentre,
  shadow,
  squarePolygon,
  text,
} from './helpers.js';

const SOURCE = 'park-map-features';
const OPERATING = { ...EMPTY_FILTER, statuses: ['operating' as const] };

beforeEach(async () => {
  await commands.startPageLog();
});

afterEach(async () => {
  await commands.takeRoutes();
  document.body.replaceChildren();
  await new Promise((resolve) => requestAnimationFrame(resolve));
  const log = await commands.takePageLog();
  expect(log.consoleErrors).toEqual([]);
});

async function idle(element: ParkMap) {
  await new Promise<void>((resolve) => {
    element.map!.once('idle', () => resolve());
    element.map!.triggerRepaint();
  });
}

/**
 * The reader moves the map a little (a real drag): a filter then keeps their view while some of
 * what passes is in it (filter-framing.ts), so positions and tiles stay as they were.
 */
async function readerMoves(element: ParkMap) {
  const moved = new Promise((resolve) => element.map!.once('moveend', resolve));
  await commands.dragOnCanvas(
    { x: 300, y: 200 },
    { x: 310, y: 205 },
    canvasOf(element).clientWidth,
  );
  await moved;
  await idle(element);
}

async function setFilter(element: ParkMap, filter: typeof EMPTY_FILTER) {
  element.filter = filter;
  await element.updateComplete;
  await idle(element);
}

/**
 * A point of the mini fixture's park (operating) away from both buildings and every outline: what
 * the centre of building B (under construction) looks like once B is not drawn.
 */
function parkOnly(element: ParkMap): { x: number; y: number } {
  const point = element.map!.project([112.6125, 26.8965]);
  return { x: point.x, y: point.y };
}

/** The feature state MapLibre holds for a feature (found by its string id in the source's tiles). */
function stateOf(element: ParkMap, id: string): Record<string, unknown> {
  const map = element.map!;
  const [feature] = map.querySourceFeatures(SOURCE, { filter: ['==', ['get', 'pmId'], id] });
  if (feature?.id === undefined) throw new Error(`${id} is not in the source`);
  return map.getFeatureState({ source: SOURCE, id: feature.id });
}

describe('a filter on GeoJSON', () => {
  it('stops drawing what it leaves out, and draws it again when cleared, without re-tiling', async () => {
    const { element } = await mount({ src: MINI_URL });
    await readerMoves(element);
    const building = projectedCentre(element, 't-building-b');
    const drawn = await pixelOnNextFrame(element, building);
    // Once B is not drawn, its centre shows what the other point shows: the park (the zone, which
    // has no status, is filtered out beneath both alike).
    expect(drawn).not.toEqual(await pixelOnNextFrame(element, parkOnly(element)));
    const tiles = countTileLoads(element);

    await setFilter(element, OPERATING);
    expect(await pixelOnNextFrame(element, building)).toEqual(
      await pixelOnNextFrame(element, parkOnly(element)),
    );
    // MapLibre did not cut the source into tiles again (a layer filter makes it redo every tile).
    expect(tiles.count).toBe(0);
    expect(stateOf(element, 't-building-b')).toEqual({ hidden: true });

    await setFilter(element, EMPTY_FILTER);
    expect(await pixelOnNextFrame(element, building)).toEqual(drawn);
    expect(tiles.count).toBe(0);
  });

  it('a click on a hidden building selects the park beneath; cleared, the building again', async () => {
    const { element } = await mount({ src: MINI_URL });
    await readerMoves(element);
    await setFilter(element, OPERATING);
    const building = projectedCentre(element, 't-building-b');
    let selected = nextEvent(element, 'park-map-select');
    await userEvent.click(canvasOf(element), { position: { ...building } });
    expect((await selected).detail.id).toBe('t-park');
    await element.updateComplete;
    expect(text(shadow(element), '.details h2')).toBe('测试软件产业园');

    await setFilter(element, EMPTY_FILTER);
    selected = nextEvent(element, 'park-map-select');
    await userEvent.click(canvasOf(element), { position: { ...building } });
    expect((await selected).detail.id).toBe('t-building-b');
  });

  it('a selected feature the filter hides keeps its selection outline', async () => {
    const { element } = await mount({ src: MINI_URL, selected: 't-building-b' });
    await setFilter(element, OPERATING);
    const outlined = element
      .map!.queryRenderedFeatures({ layers: ['park-map-selection-line'] })
      .map((feature) => feature.properties.pmId as string);
    expect([...new Set(outlined)]).toEqual(['t-building-b']);
    expect(element.selected).toBe('t-building-b');
  });

  it('keeps the filtered-out features hidden on the new map a basemap switch makes', async () => {
    const tile = document.createElement('canvas');
    tile.width = tile.height = 256;
    const context = tile.getContext('2d')!;
    context.fillStyle = '#cfe3c4';
    context.fillRect(0, 0, 256, 256);
    await commands.fulfillRoute('https://tile.openstreetmap.org/**', {
      contentType: 'image/png',
      base64: tile.toDataURL('image/png').split(',')[1]!,
    });
    const { element } = await mount({ src: MINI_URL });
    await setFilter(element, OPERATING);
    const oldMap = element.map;
    const reloaded = nextEvent(element, 'park-map-load');
    element.setAttribute('basemap', 'osm');
    await reloaded;
    expect(element.map).not.toBe(oldMap);
    await idle(element);
    const building = projectedCentre(element, 't-building-b');
    expect(await pixelOnNextFrame(element, building)).toEqual(
      await pixelOnNextFrame(element, parkOnly(element)),
    );
    expect(stateOf(element, 't-building-b')).toEqual({ hidden: true });
    // And what passes is drawn: building A is not the park's colour.
    expect(await pixelOnNextFrame(element, projectedCentre(element, 't-building-a'))).not.toEqual(
      await pixelOnNextFrame(element, parkOnly(element)),
    );
  });

  it('new data under the same filter: what passes now is drawn, what no longer passes is hidden', async () => {
    const { element } = await mount({ src: MINI_URL });
    await setFilter(element, OPERATING);
    const parkColour = await pixelOnNextFrame(element, parkOnly(element));
    const buildingA = projectedCentre(element, 't-building-a');
    const buildingB = projectedCentre(element, 't-building-b');
    expect(await pixelOnNextFrame(element, buildingA)).not.toEqual(parkColour);
    expect(await pixelOnNextFrame(element, buildingB)).toEqual(parkColour);

    // The same features, the two buildings' statuses swapped (MapLibre keeps feature state per id
    // across setData: B's must be lifted, A's set).
    const data = (await (await fetch(MINI_URL)).json()) as {
      features: { id: string; properties: Record<string, unknown> }[];
    };
    const status = (id: string) => data.features.find((feature) => feature.id === id)!.properties;
    [status('t-building-a').status, status('t-building-b').status] = [
      status('t-building-b').status,
      status('t-building-a').status,
    ];
    const loaded = nextEvent(element, 'park-map-load');
    element.data = data;
    await loaded;
    await idle(element);
    expect(element.filter.statuses).toEqual(['operating']);
    expect(await pixelOnNextFrame(element, buildingA)).toEqual(parkColour);
    expect(await pixelOnNextFrame(element, buildingB)).not.toEqual(parkColour);
    // The click follows what is drawn.
    const selected = nextEvent(element, 'park-map-select');
    await userEvent.click(canvasOf(element), { position: { ...buildingA } });
    expect((await selected).detail.id).toBe('t-park');
  });
});

describe('feature ids on the map', () => {
  it('two ids MapLibre would hash alike are still hidden and shown apart', async () => {
    // murmur3("b-4487") === murmur3("b-115654") === 894555700: MapLibre keys feature state of a
    // promoted string id by that 32-bit hash (one such pair is likely among 100 000 ids).
    const data = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: 'p',
          geometry: squarePolygon(112.6, 26.9, 0.01),
          properties: { kind: 'park', name: '园', status: 'operating' },
        },
        {
          type: 'Feature',
          id: 'b-4487',
          geometry: squarePolygon(112.602, 26.904, 0.002),
          properties: { kind: 'building', parent: 'p', name: '甲', status: 'operating' },
        },
        {
          type: 'Feature',
          id: 'b-115654',
          geometry: squarePolygon(112.606, 26.904, 0.002),
          properties: { kind: 'building', parent: 'p', name: '乙', status: 'planned' },
        },
      ],
    };
    const { element } = await mount({}, (el) => (el.data = data));
    await idle(element);
    const parkColour = await pixelOnNextFrame(element, {
      ...element.map!.project([112.605, 26.901]),
    });
    const kept = projectedCentre(element, 'b-4487');
    const hidden = projectedCentre(element, 'b-115654');
    const keptColour = await pixelOnNextFrame(element, kept);
    expect(keptColour).not.toEqual(parkColour);

    await setFilter(element, OPERATING);
    expect(await pixelOnNextFrame(element, hidden)).toEqual(parkColour);
    expect(await pixelOnNextFrame(element, kept)).toEqual(keptColour);
  });
});

describe('a filter in 3D', () => {
  const extruded = (element: ParkMap) =>
    [
      ...new Set(
        element
          .map!.queryRenderedFeatures({ layers: ['park-map-building-extrusion'] })
          .map((feature) => feature.properties.pmId as string),
      ),
    ].sort();

  it('extrudes only the buildings that pass, set in 2D or in 3D', async () => {
    const { element } = await mount({ src: MINI_URL });
    await setFilter(element, OPERATING);
    const moved = new Promise((resolve) => element.map!.once('moveend', resolve));
    element.view = '3d';
    await element.updateComplete;
    await moved;
    await idle(element);
    expect(extruded(element)).toEqual(['t-building-a']);

    await setFilter(element, EMPTY_FILTER);
    expect(extruded(element)).toEqual(['t-building-a', 't-building-b']);
    await setFilter(element, { ...EMPTY_FILTER, statuses: ['under_construction'] });
    expect(extruded(element)).toEqual(['t-building-b']);
  });
});

describe('outlines on GeoJSON', () => {
  it('selecting and hovering outline a feature without re-tiling the data', async () => {
    const { element } = await mount({ src: MINI_URL }, undefined, true);
    await idle(element);
    const tiles = countTileLoads(element);
    const outlined = (layer: string) => [
      ...new Set(
        element
          .map!.queryRenderedFeatures({ layers: [layer] })
          .map((feature) => feature.properties['pmId'] as string),
      ),
    ];
    element.selected = 't-building-a';
    await element.updateComplete;
    await idle(element);
    expect(outlined('park-map-selection-line')).toEqual(['t-building-a']);
    await userEvent.hover(
      element.shadowRoot!.querySelector('.item[data-id="t-building-b"] .choose')!,
    );
    await idle(element);
    expect(outlined('park-map-hover-line')).toEqual(['t-building-b']);
    expect(outlined('park-map-selection-line')).toEqual(['t-building-a']);
    element.selected = null;
    await element.updateComplete;
    await idle(element);
    expect(outlined('park-map-selection-line')).toEqual([]);
    // The data's own tiles were never cut again (a layer filter on them would redo every tile).
    expect(tiles.count).toBe(0);
  });
});
