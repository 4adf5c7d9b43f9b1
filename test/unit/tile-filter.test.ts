// TileFilter against a stand-in for MapLibre: the map records the feature state and layer filters it
// is given, and each tile answers querySourceFeatures the way MapLibre's tiles do (every piece, or
// the pieces a `['==', ['get', key], value]` filter passes). The real map is in
// test/browser/vector-tiles.test.ts; here, what that can not see: the tiles it holds and lets go.
import type { FilterSpecification, Map as MapLibreMap, MapSourceDataEvent } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { EXTRUSION_LAYER, HIDDEN_STATE, SOURCE_ID } from '../../src/map/layer-ids.js';
import { TileFilter } from '../../src/map/tile-filter.js';
import { SOURCE_LAYER } from '../../src/map/tile-source.js';

type Props = Record<string, unknown>;

class FakeTile {
  state = 'loaded';
  queries = 0;
  constructor(private readonly pieces: Props[]) {}
  querySourceFeatures(
    result: { properties: Props }[],
    params: { sourceLayer?: string; filter?: unknown },
  ): void {
    this.queries++;
    expect(params.sourceLayer).toBe(SOURCE_LAYER);
    const filter = params.filter as [string, [string, string], unknown] | undefined;
    for (const properties of this.pieces) {
      if (filter && properties[filter[1][1]] !== filter[2]) continue;
      result.push({ properties });
    }
  }
}

function fakeMap() {
  const state = new Map<string, Record<string, unknown>>();
  const filters = new Map<string, unknown>();
  const map = {
    setFeatureState(target: { source: string; sourceLayer?: string; id: string }, value: Props) {
      expect(target.source).toBe(SOURCE_ID);
      expect(target.sourceLayer).toBe(SOURCE_LAYER);
      state.set(target.id, { ...state.get(target.id), ...value });
    },
    removeFeatureState(target: { id: string }, key: string) {
      const now = { ...state.get(target.id) };
      delete now[key];
      state.set(target.id, now);
    },
    getLayer: (id: string) => ({ id }),
    setFilter(layer: string, filter: unknown) {
      filters.set(layer, filter);
    },
  };
  const hidden = () =>
    [...state].filter(([, value]) => value[HIDDEN_STATE] === true).map(([id]) => id);
  return { map: map as unknown as MapLibreMap, hidden, filters };
}

const OPERATING = ['==', ['get', 'status'], 'operating'] as unknown as FilterSpecification;
const BASE = new Map<string, FilterSpecification>([
  ['park-map-building-fill', ['==', ['get', 'kind'], 'building'] as FilterSpecification],
  [EXTRUSION_LAYER, ['==', ['get', 'kind'], 'building'] as FilterSpecification],
]);

const event = (tile: FakeTile, sourceId = SOURCE_ID) =>
  ({ sourceId, tile }) as unknown as MapSourceDataEvent;
const piece = (id: string, status: string): Props => ({ id, status });

describe('TileFilter', () => {
  it('hides what the expression leaves out in the tiles it holds, and shows it again when cleared', () => {
    const { map, hidden, filters } = fakeMap();
    const filter = new TileFilter(map, BASE);
    filter.take(event(new FakeTile([piece('a', 'operating'), piece('b', 'planned')])));
    filter.take(event(new FakeTile([piece('c', 'planned')]), 'some-other-source'));
    expect(filter.heldCount).toBe(1);
    filter.apply(OPERATING);
    expect(hidden()).toEqual(['b']);
    expect(filter.isHidden('b')).toBe(true);
    expect(filter.isHidden('a')).toBe(false);
    expect(filters.size).toBe(0);
    filter.apply(null);
    expect(hidden()).toEqual([]);
  });

  it('a tile that comes in under a filter has its left-out features hidden as it arrives', () => {
    const { map, hidden } = fakeMap();
    const filter = new TileFilter(map, BASE);
    filter.apply(OPERATING);
    filter.take(event(new FakeTile([piece('x', 'planned'), piece('y', 'operating')])));
    expect(hidden()).toEqual(['x']);
  });

  it('lets go of the tiles MapLibre unloaded once the set has grown, and keeps the rest', () => {
    const { map } = fakeMap();
    const filter = new TileFilter(map, BASE);
    const tiles: FakeTile[] = [];
    for (let i = 0; i < 64; i++) {
      const tile = new FakeTile([piece(`t${i}`, 'operating')]);
      tiles.push(tile);
      filter.take(event(tile));
    }
    expect(filter.heldCount).toBe(64);
    // MapLibre unloads half of them; the next tile in starts the sweep (65 > 64).
    for (const tile of tiles.slice(0, 32)) tile.state = 'unloaded';
    filter.take(event(new FakeTile([piece('new', 'operating')])));
    expect(filter.heldCount).toBe(33);
    // And a filter reads only the tiles still held.
    for (const tile of tiles) tile.queries = 0;
    filter.apply(OPERATING);
    expect(tiles.slice(0, 32).every((tile) => tile.queries === 0)).toBe(true);
    expect(tiles.slice(32).every((tile) => tile.queries === 2)).toBe(true);
  });

  it('a tile unloaded before a filter is read is dropped then, without waiting for the sweep', () => {
    const { map } = fakeMap();
    const filter = new TileFilter(map, BASE);
    const gone = new FakeTile([piece('g', 'planned')]);
    filter.take(event(gone));
    filter.take(event(new FakeTile([piece('h', 'planned')])));
    gone.state = 'unloaded';
    filter.apply(OPERATING);
    expect(filter.heldCount).toBe(1);
    expect(gone.queries).toBe(0);
  });

  it('falls back to layer filters (not the 3D layer) when a tile is not one it can read', () => {
    const { map, hidden, filters } = fakeMap();
    const filter = new TileFilter(map, BASE);
    filter.take(event(new FakeTile([piece('a', 'planned')])));
    filter.apply(OPERATING);
    expect(hidden()).toEqual(['a']);
    // A later MapLibre whose tiles have no querySourceFeatures of their own.
    filter.take(event({ state: 'loaded' } as unknown as FakeTile));
    expect(hidden()).toEqual([]);
    expect([...filters.keys()]).toEqual(['park-map-building-fill']);
    expect(filters.get('park-map-building-fill')).toEqual([
      'all',
      BASE.get('park-map-building-fill'),
      OPERATING,
    ]);
    // Cleared: the layer gets its own filter back.
    filter.apply(null);
    expect(filters.get('park-map-building-fill')).toEqual(BASE.get('park-map-building-fill'));
  });
});
