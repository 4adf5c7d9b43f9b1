// GeoJsonSource alone, on a stand-in map: what it hands MapLibre's source (the store's features or
// a preview, numbered for feature state, shifted for a GCJ-02 basemap), when it sends them again,
// and the `hidden` feature state it gives what the filters leave out.
import { describe, expect, it } from 'vitest';
import type { ParkFeature } from '../../src/data/types.js';
import { GeoJsonSource } from '../../src/map/geojson-source.js';
import { HIDDEN_STATE, HIGHLIGHT_SOURCE_ID, SOURCE_ID } from '../../src/map/layer-ids.js';
import { fakeContext, loadInto, parkFeature, square, type FakeMap } from './fake-map.js';

interface Drawn {
  type: 'FeatureCollection';
  features: {
    id: number;
    geometry: unknown;
    properties: { pmId: string; kind: string; status: string; heightM: number };
  }[];
}

const zone = parkFeature('zone', { kind: 'zone', status: 'operating' }, square(112.5, 26.8, 0.2));
const park = parkFeature('park', { kind: 'park', parent: 'zone' }, square(112.55, 26.85));
const tower = parkFeature(
  'tower',
  { kind: 'building', parent: 'park', floors: 10 },
  square(112.551, 26.851, 0.001),
);

/** The numbers ids are drawn with, as the controller keeps them: 1, 2, 3… in first-asked order. */
function stateIds() {
  const numbers = new Map<string, number>();
  return (id: string) => {
    if (!numbers.has(id)) numbers.set(id, numbers.size + 1);
    return numbers.get(id)!;
  };
}

function setUp(features: readonly ParkFeature[] = [zone, park, tower]) {
  const fake = fakeContext();
  const stateId = stateIds();
  loadInto(fake.store, features);
  const source = new GeoJsonSource(fake.context, stateId);
  return { ...fake, source, stateId };
}

const drawn = (map: FakeMap) => map.getSource(SOURCE_ID)!.data as Drawn;
const drawnIds = (map: FakeMap) => drawn(map).features.map((f) => f.properties.pmId);

describe('GeoJsonSource', () => {
  it('on load, adds the features as a numbered GeoJSON source, and an empty outline source', () => {
    const { map, source, stateId } = setUp();
    source.onLoad(map.asMap);
    expect(map.getSource(SOURCE_ID)!.spec['type']).toBe('geojson');
    const { features } = drawn(map);
    expect(features.map((f) => f.properties.pmId)).toEqual(['zone', 'park', 'tower']);
    expect(features.map((f) => f.id)).toEqual([stateId('zone'), stateId('park'), stateId('tower')]);
    expect(new Set(features.map((f) => f.id)).size).toBe(3);
    expect(features[0]!.geometry).toBe(zone.geometry);
    expect(features[0]!.properties.status).toBe('operating');
    expect(features[1]!.properties.status).toBe('none');
    // 10 floors at the default storey height (3.5 m).
    expect(features[2]!.properties.heightM).toBe(35);
    expect(map.getSource(HIGHLIGHT_SOURCE_ID)!.data).toEqual({
      type: 'FeatureCollection',
      features: [],
    });
  });

  it('draws new data once: the same features again send nothing', () => {
    const { map, store, source } = setUp();
    source.onLoad(map.asMap);
    const mapSource = map.getSource(SOURCE_ID)!;
    expect(source.draw()).toBe(false);
    expect(mapSource.setDataCount).toBe(0);
    loadInto(store, [zone, park]);
    expect(source.draw()).toBe(true);
    expect(mapSource.setDataCount).toBe(1);
    expect(drawnIds(map)).toEqual(['zone', 'park']);
    expect(source.draw()).toBe(false);
    expect(mapSource.setDataCount).toBe(1);
  });

  it('draws a preview, then keeps it for validated features that draw as it does', () => {
    const { map, store, source } = setUp([]);
    source.onLoad(map.asMap);
    const mapSource = map.getSource(SOURCE_ID)!;
    // The parsed file's own objects, drawn while the file is validated.
    const preview = [{ ...zone }, { ...park }];
    source.preview(preview);
    expect(mapSource.setDataCount).toBe(1);
    expect(drawnIds(map)).toEqual(['zone', 'park']);
    expect(source.features).toBe(preview);
    // The validated features: equal, other objects (their geometry too).
    const validated = preview.map((feature) => structuredClone(feature));
    loadInto(store, validated);
    const collection = drawn(map);
    expect(source.draw(preview)).toBe(true);
    // Not sent again: the map's own copy now lists the validated features' render.
    expect(mapSource.setDataCount).toBe(1);
    expect(drawn(map)).toBe(collection);
    expect(collection.features.map((f) => f.properties.pmId)).toEqual(['zone', 'park']);
    expect(collection.features[0]!.geometry).toBe(validated[0]!.geometry);
    expect(collection.features[1]!.geometry).toBe(validated[1]!.geometry);
    expect(source.features).toBe(validated);
  });

  it('sends validated features that are not what the preview drew', () => {
    const { map, store, source } = setUp([]);
    source.onLoad(map.asMap);
    source.preview([zone, park]);
    loadInto(store, [zone, park, tower]);
    expect(source.draw(undefined)).toBe(true);
    expect(map.getSource(SOURCE_ID)!.setDataCount).toBe(2);
    expect(drawnIds(map)).toEqual(['zone', 'park', 'tower']);
  });

  it('a preview settles once MapLibre starts sending it, its source’s and no other', async () => {
    const { map, source } = setUp([]);
    source.onLoad(map.asMap);
    let settled = false;
    const sending = source.preview([zone, park]).then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    // Another source's update, or a style's: still waiting.
    map.fire('dataloading', { dataType: 'source', sourceId: HIGHLIGHT_SOURCE_ID });
    map.fire('dataloading', { dataType: 'style' });
    await Promise.resolve();
    expect(settled).toBe(false);
    map.fire('dataloading', { dataType: 'source', sourceId: SOURCE_ID });
    await sending;
    expect(settled).toBe(true);
    // Its listeners are gone with it.
    expect(map.listenerCount('dataloading')).toBe(0);
    expect(map.listenerCount('remove')).toBe(0);
  });

  it('a preview stops waiting when the map is removed, and at once without a source', async () => {
    const { map, source } = setUp([]);
    source.onLoad(map.asMap);
    const sending = source.preview([zone]);
    map.fire('remove');
    await expect(sending).resolves.toBeUndefined();
    expect(map.listenerCount('dataloading')).toBe(0);
    const early = setUp([]);
    await expect(early.source.preview([zone])).resolves.toBeUndefined();
    expect(early.map.listenerCount('dataloading')).toBe(0);
  });

  it('a preview given before the style loaded is what the source starts with', () => {
    const { map, source } = setUp([]);
    expect(() => source.preview([park])).not.toThrow();
    source.onLoad(map.asMap);
    expect(drawnIds(map)).toEqual(['park']);
  });

  it('finds a feature by id among the store features, or the preview while one is drawn', () => {
    const { map, source } = setUp([zone, park]);
    source.onLoad(map.asMap);
    expect(source.featureWithId('park')).toBe(park);
    expect(source.featureWithId('tower')).toBeUndefined();
    expect(source.featureWithId(null)).toBeUndefined();
    source.preview([tower]);
    expect(source.featureWithId('tower')).toBe(tower);
    expect(source.featureWithId('park')).toBeUndefined();
    source.draw();
    expect(source.featureWithId('park')).toBe(park);
  });

  it('hides what the filters leave out through feature state, changing only what changed', () => {
    const { map, store, source, stateId } = setUp();
    source.onLoad(map.asMap);
    const hidden = () => map.statedIds(SOURCE_ID, HIDDEN_STATE).sort();
    const number = (...ids: string[]) => ids.map((id) => String(stateId(id))).sort();

    store.setFilterOutcome({ passing: new Set(['zone']), shown: [zone], expression: [] }, true);
    source.applyFilter();
    expect(hidden()).toEqual(number('park', 'tower'));
    expect(source.isHidden('park')).toBe(true);
    expect(source.isHidden('zone')).toBe(false);
    const calls = map.featureStateCalls;

    // Park passes now: only its state changes.
    store.setFilterOutcome(
      { passing: new Set(['zone', 'park']), shown: [zone, park], expression: [] },
      true,
    );
    source.applyFilter();
    expect(hidden()).toEqual(number('tower'));
    expect(map.featureStateCalls).toBe(calls + 1);
    expect(source.isHidden('park')).toBe(false);

    // The same filter again: nothing to change.
    source.applyFilter();
    expect(map.featureStateCalls).toBe(calls + 1);

    // Filters cleared: everything shows.
    store.setFilterOutcome({ passing: null, shown: [zone, park, tower], expression: null }, true);
    source.applyFilter();
    expect(hidden()).toEqual([]);
    expect(source.isHidden('tower')).toBe(false);
  });

  it('sends the features again with heights from a new storey height', () => {
    const { map, host, source } = setUp();
    source.onLoad(map.asMap);
    host.storeyHeight = 4;
    source.push();
    expect(map.getSource(SOURCE_ID)!.setDataCount).toBe(1);
    expect(drawn(map).features[2]!.properties.heightM).toBe(40);
  });

  it('on a GCJ-02 basemap, draws the features shifted; the data keeps its WGS84 positions', () => {
    const { map, camera, source } = setUp([park]);
    camera.made(map.asMap, 'gcj02');
    source.onLoad(map.asMap);
    const shifted = drawn(map).features[0]!.geometry as { coordinates: number[][][] };
    const [lng, lat] = shifted.coordinates[0]![0]!;
    // GCJ-02 lies a few hundred metres off WGS84 around Hengyang: more than 1e-4°, less than 1e-2°.
    expect(Math.abs(lng! - 112.55)).toBeGreaterThan(1e-4);
    expect(Math.abs(lng! - 112.55)).toBeLessThan(1e-2);
    expect(Math.abs(lat! - 26.85)).toBeGreaterThan(1e-4);
    expect(Math.abs(lat! - 26.85)).toBeLessThan(1e-2);
    expect((park.geometry as { coordinates: number[][][] }).coordinates[0]![0]).toEqual([
      112.55, 26.85,
    ]);
    // The shift of the data set drawn is kept, not made again at each ask.
    expect(source.displayed()).toBe(source.displayed());
    expect(source.displayed()[0]!.geometry).toEqual(shifted);
  });
});
