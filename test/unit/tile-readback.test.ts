// TileReadback alone, on a stand-in map: the vector source it adds (an archive's header, or a tile
// server's template), the features it reads back from the loaded tiles at each `idle` (one per id,
// the largest piece's geometry, handed on only when the ids changed), and the tiles it hands its
// filter at each `sourcedata`. TileFilter itself: tile-filter.test.ts.
import { describe, expect, it } from 'vitest';
import { HIDDEN_STATE, SOURCE_ID } from '../../src/map/layer-ids.js';
import type { ArchiveInfo } from '../../src/map/pmtiles-archive.js';
import { TileReadback, type TileFeatureSnapshot } from '../../src/map/tile-readback.js';
import type { TileSourceRequest } from '../../src/map/tile-source.js';
import { fakeContext } from './fake-map.js';

const TEMPLATE: TileSourceRequest = { kind: 'template', url: 'https://tiles.example/{z}/{x}/{y}' };
const ARCHIVE: TileSourceRequest = { kind: 'pmtiles', url: 'https://data.example/parks.pmtiles' };
const INFO: ArchiveInfo = {
  bounds: [112.4, 26.7, 112.8, 27.0],
  minZoom: 6,
  maxZoom: 15,
  tiles: 'park-map-pmtiles://0/{z}/{x}/{y}',
};

type Geometry = GeoJSON.Geometry;

const ring = (n: number): number[][] => Array.from({ length: n }, (_, i) => [112 + i / 100, 27]);
const polygon = (vertices: number): Geometry => ({
  type: 'Polygon',
  coordinates: [ring(vertices)],
});

/** A piece of a tile feature, as querySourceFeatures gives it. */
const piece = (properties: Record<string, unknown>, geometry: Geometry = polygon(5)) => ({
  properties,
  geometry,
});

function setUp(request: TileSourceRequest = TEMPLATE, info?: ArchiveInfo) {
  const fake = fakeContext({ tiled: true });
  const readback = new TileReadback(fake.context, request, info);
  readback.onAdd(fake.map.asMap);
  return { ...fake, readback };
}

const reportedIds = (report: readonly unknown[] | undefined) =>
  (report as TileFeatureSnapshot[] | undefined)?.map((feature) => feature.id);

describe('TileReadback', () => {
  it('adds a tile server’s template as the vector source, at the template zooms', () => {
    const { map, readback } = setUp();
    readback.onLoad(map.asMap);
    expect(map.getSource(SOURCE_ID)!.spec).toEqual({
      type: 'vector',
      tiles: ['https://tiles.example/{z}/{x}/{y}'],
      minzoom: 0,
      maxzoom: 14,
      promoteId: 'id',
    });
  });

  it('adds an archive through its header: its tile URL, zooms and bounds', () => {
    const { map, readback } = setUp(ARCHIVE, INFO);
    readback.onLoad(map.asMap);
    expect(map.getSource(SOURCE_ID)!.spec).toEqual({
      type: 'vector',
      tiles: ['park-map-pmtiles://0/{z}/{x}/{y}'],
      minzoom: 6,
      maxzoom: 15,
      bounds: [112.4, 26.7, 112.8, 27.0],
      promoteId: 'id',
    });
  });

  it('an archive that could not be opened leaves the map without a source, and reads nothing', () => {
    const { map, readback, tileReports } = setUp(ARCHIVE, undefined);
    readback.onLoad(map.asMap);
    expect(map.sources.size).toBe(0);
    map.sourceFeatures = [piece({ id: 'a' })];
    map.fire('idle');
    expect(tileReports).toEqual([]);
  });

  it('reads back one feature per id, with its decoded properties, skipping pieces without an id', () => {
    const { map, readback, tileReports } = setUp();
    readback.onLoad(map.asMap);
    map.sourceFeatures = [
      piece({ id: 'a', kind: 'park', name: 'A', industries: '["新能源","装备"]' }),
      piece({ id: 'a', kind: 'park', name: 'A', industries: '["新能源","装备"]' }),
      piece({ id: 'b', kind: 'building', name: 'B', floors: 6 }),
      piece({ kind: 'plot', name: 'no id' }),
      piece({ id: 7, kind: 'plot', name: 'numeric id' }),
    ];
    map.fire('idle');
    expect(map.sourceQueries).toEqual([{ source: SOURCE_ID, params: { sourceLayer: 'features' } }]);
    expect(tileReports).toHaveLength(1);
    const [a, b] = tileReports[0] as TileFeatureSnapshot[];
    expect(reportedIds(tileReports[0])).toEqual(['a', 'b']);
    expect(a!.type).toBe('Feature');
    expect(a!.properties).toEqual({ kind: 'park', name: 'A', industries: ['新能源', '装备'] });
    expect(b!.properties).toEqual({ kind: 'building', name: 'B', floors: 6 });
  });

  it('a feature cut by tile edges gets the geometry of its largest piece (the first of equals)', () => {
    const { map, readback, tileReports } = setUp();
    readback.onLoad(map.asMap);
    const small = polygon(5);
    const large = polygon(9);
    const multi: Geometry = { type: 'MultiPolygon', coordinates: [[ring(4)], [ring(4), ring(4)]] };
    const first = polygon(6);
    const same = polygon(6);
    map.sourceFeatures = [
      piece({ id: 'cut' }, small),
      piece({ id: 'cut' }, large),
      piece({ id: 'cut' }, polygon(7)),
      piece({ id: 'multi' }, polygon(11)),
      piece({ id: 'multi' }, multi),
      piece({ id: 'equal' }, first),
      piece({ id: 'equal' }, same),
      piece({ id: 'point' }, { type: 'Point', coordinates: [112.6, 26.9] }),
    ];
    map.fire('idle');
    const byId = new Map((tileReports[0] as TileFeatureSnapshot[]).map((f) => [f.id, f]));
    expect(byId.get('cut')!.geometry).toBe(large);
    expect(byId.get('multi')!.geometry).toBe(multi);
    expect(byId.get('equal')!.geometry).toBe(first);
    expect(byId.get('point')!.geometry).toEqual({ type: 'Point', coordinates: [112.6, 26.9] });
  });

  it('hands the features on only when the set of ids changed', () => {
    const { map, readback, tileReports } = setUp();
    readback.onLoad(map.asMap);
    map.sourceFeatures = [piece({ id: 'a' }), piece({ id: 'b' })];
    map.fire('idle');
    // The same ids (in other pieces, another order): nothing new.
    map.sourceFeatures = [piece({ id: 'b' }), piece({ id: 'a' }), piece({ id: 'a' })];
    map.fire('idle');
    expect(tileReports).toHaveLength(1);
    // One more tile loaded.
    map.sourceFeatures = [piece({ id: 'a' }), piece({ id: 'b' }), piece({ id: 'c' })];
    map.fire('idle');
    // As many ids, not the same.
    map.sourceFeatures = [piece({ id: 'a' }), piece({ id: 'b' }), piece({ id: 'd' })];
    map.fire('idle');
    expect(tileReports.map(reportedIds)).toEqual([
      ['a', 'b'],
      ['a', 'b', 'c'],
      ['a', 'b', 'd'],
    ]);
  });

  it('tells the first idle even when the view holds no features, and once', () => {
    const { map, readback, tileReports } = setUp();
    readback.onLoad(map.asMap);
    map.fire('idle');
    map.fire('idle');
    expect(tileReports).toEqual([[]]);
  });

  it('reads nothing while the source is not there or still loading', () => {
    const { map, readback, tileReports } = setUp();
    map.sourceFeatures = [piece({ id: 'a' })];
    map.fire('idle');
    readback.onLoad(map.asMap);
    map.sourceLoaded = false;
    map.fire('idle');
    expect(tileReports).toEqual([]);
    map.sourceLoaded = true;
    map.fire('idle');
    expect(tileReports.map(reportedIds)).toEqual([['a']]);
  });

  it('hands each tile of its source that comes in to the filter, from the moment it is added', () => {
    const { map, readback } = setUp();
    const tile = {
      state: 'loaded',
      querySourceFeatures(
        result: { properties: Record<string, unknown> }[],
        params: { filter?: unknown },
      ) {
        // The planned park never passes the filter; the operating one does.
        result.push({ properties: { id: 'operating' } });
        if (!params.filter) result.push({ properties: { id: 'planned' } });
      },
    };
    const sourcedata = (sourceId: string) => map.fire('sourcedata', { sourceId, tile });
    // Before the style loaded (onLoad): the filter already sees the tiles.
    sourcedata('some-basemap-source');
    expect(readback.filter!.heldCount).toBe(0);
    sourcedata(SOURCE_ID);
    expect(readback.filter!.heldCount).toBe(1);
    readback.filter!.apply(['==', ['get', 'status'], 'operating']);
    expect(map.statedIds(SOURCE_ID, HIDDEN_STATE)).toEqual(['planned']);
  });

  it('once removed, hears the map no more', () => {
    const { map, readback, tileReports } = setUp();
    readback.onLoad(map.asMap);
    readback.onRemove(map.asMap);
    expect(readback.filter).toBeUndefined();
    expect(map.listenerCount('idle')).toBe(0);
    expect(map.listenerCount('sourcedata')).toBe(0);
    map.sourceFeatures = [piece({ id: 'a' })];
    map.fire('idle');
    expect(tileReports).toEqual([]);
  });
});
