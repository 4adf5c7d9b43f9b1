// View3d alone, on a stand-in map: the 3D layer shown or hidden with the camera pitched to match
// (eased, or a jump when the reader asks for reduced motion), the filters reaching that layer only
// while it shows, and a new storey height redrawing the heights.
import type { FilterSpecification } from 'maplibre-gl';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EXTRUSION_LAYER } from '../../src/map/layer-ids.js';
import { tileHeightExpression } from '../../src/map/layers.js';
import { View3d } from '../../src/map/view-3d.js';
import { fakeContext } from './fake-map.js';

const BASE = ['==', ['get', 'kind'], 'building'] as FilterSpecification;
const OPERATING = ['==', ['get', 'status'], 'operating'];
const VISIBILITY = `${EXTRUSION_LAYER}/visibility`;

/** `window.matchMedia` as a reader with (or without) reduced motion has it. */
function stubMotion(reduced: boolean): void {
  vi.stubGlobal('window', {
    matchMedia: (query: string) => ({
      matches: reduced && query === '(prefers-reduced-motion: reduce)',
    }),
  });
}

function setUp(options: { tiled?: boolean; view?: '2d' | '3d'; layer?: boolean } = {}) {
  const fake = fakeContext({ tiled: options.tiled });
  fake.host.view = options.view ?? '2d';
  if (options.layer !== false) fake.map.addLayer({ id: EXTRUSION_LAYER });
  fake.context.baseFilters.set(EXTRUSION_LAYER, BASE);
  const redraws = { count: 0 };
  const view = new View3d(fake.context, () => redraws.count++);
  return { ...fake, view, redraws };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('View3d', () => {
  it('in 2D, hides the 3D layer on load and leaves a flat camera alone', () => {
    const { map, view } = setUp();
    view.onLoad();
    expect(map.layout.get(VISIBILITY)).toBe('none');
    expect(map.moves).toEqual([]);
    expect(map.filters.has(EXTRUSION_LAYER)).toBe(false);
  });

  it('in 3D, shows the layer on load with the filters, and pitches the camera at once', () => {
    const { map, store, view } = setUp({ view: '3d' });
    store.setFilterOutcome({ passing: new Set(), shown: [], expression: OPERATING }, true);
    view.onLoad();
    expect(map.layout.get(VISIBILITY)).toBe('visible');
    expect(map.filters.get(EXTRUSION_LAYER)).toEqual(['all', BASE, OPERATING]);
    expect(map.moves).toEqual([{ kind: 'jumpTo', options: { pitch: 55 } }]);
    expect(map.getPitch()).toBe(55);
  });

  it('eases the camera into 3D and back to 2D when motion is allowed', () => {
    stubMotion(false);
    const { map, host, view } = setUp();
    view.onLoad();
    host.view = '3d';
    view.changed(true);
    expect(map.layout.get(VISIBILITY)).toBe('visible');
    host.view = '2d';
    view.changed(true);
    expect(map.layout.get(VISIBILITY)).toBe('none');
    expect(map.moves).toEqual([
      { kind: 'easeTo', options: { pitch: 55, duration: 600 } },
      { kind: 'easeTo', options: { pitch: 0, duration: 600 } },
    ]);
  });

  it('jumps instead of easing for a reader who asks for reduced motion', () => {
    stubMotion(true);
    const { map, host, view } = setUp();
    host.view = '3d';
    view.changed(true);
    expect(map.moves).toEqual([{ kind: 'jumpTo', options: { pitch: 55 } }]);
  });

  it('does not move a camera already at the pitch asked for', () => {
    const { map, host, view } = setUp({ view: '3d' });
    view.onLoad();
    host.view = '3d';
    view.changed(false);
    expect(map.moves).toHaveLength(1);
  });

  it('the filters reach the 3D layer only while it shows; cleared, it gets its own filter back', () => {
    const { map, store, host, view } = setUp();
    view.onLoad();
    store.setFilterOutcome({ passing: new Set(), shown: [], expression: OPERATING }, true);
    view.filterChanged();
    expect(map.filters.has(EXTRUSION_LAYER)).toBe(false);
    host.view = '3d';
    view.changed(false);
    expect(map.filters.get(EXTRUSION_LAYER)).toEqual(['all', BASE, OPERATING]);
    store.setFilterOutcome({ passing: null, shown: [], expression: null }, true);
    view.filterChanged();
    expect(map.filters.get(EXTRUSION_LAYER)).toEqual(BASE);
  });

  it('GeoJSON: a new storey height sends the features again, once per change', () => {
    const { host, view, redraws } = setUp();
    view.onLoad();
    view.changed(false);
    expect(redraws.count).toBe(0);
    host.storeyHeight = 4.2;
    view.changed(false);
    view.changed(false);
    expect(redraws.count).toBe(1);
  });

  it('tiles: a new storey height goes to the 3D layer’s height expression instead', () => {
    const { map, host, view, redraws } = setUp({ tiled: true });
    view.onLoad();
    host.storeyHeight = 5;
    view.changed(false);
    const height = map.paint.get(`${EXTRUSION_LAYER}/fill-extrusion-height`);
    expect(height).toEqual(tileHeightExpression(5));
    expect(height).not.toEqual(tileHeightExpression());
    expect(redraws.count).toBe(0);
  });

  it('without a 3D layer (not added yet), changes nothing', () => {
    const { map, host, store, view } = setUp({ view: '3d', layer: false });
    store.setFilterOutcome({ passing: new Set(), shown: [], expression: OPERATING }, true);
    view.onLoad();
    host.view = '2d';
    view.changed(false);
    view.filterChanged();
    expect(map.layout.size).toBe(0);
    expect(map.filters.size).toBe(0);
    expect(map.moves).toEqual([]);
  });
});
