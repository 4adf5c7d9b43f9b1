// Highlight alone, on a stand-in map. GeoJSON: the outline source holds the selected and the
// hovered feature, sent again only when what it outlines changed. Vector tiles: the outline layers'
// filters name the ids.
import { describe, expect, it } from 'vitest';
import { GeoJsonSource } from '../../src/map/geojson-source.js';
import { Highlight } from '../../src/map/highlight.js';
import { HIGHLIGHT_SOURCE_ID } from '../../src/map/layer-ids.js';
import { fakeContext, loadInto, parkFeature, square, type FakeMap } from './fake-map.js';

const park = parkFeature('park', {}, square(112.55, 26.85));
const plot = parkFeature('plot', { kind: 'plot', parent: 'park' }, square(112.551, 26.851, 0.002));

interface Outlines {
  features: { geometry: unknown; properties: { pmId: string; role: string } }[];
}

const outlines = (map: FakeMap) => map.getSource(HIGHLIGHT_SOURCE_ID)!.data as Outlines;
const roles = (map: FakeMap) =>
  outlines(map).features.map(({ properties }) => `${properties.role}:${properties.pmId}`);

function geojsonSetUp() {
  const fake = fakeContext();
  loadInto(fake.store, [park, plot]);
  const source = new GeoJsonSource(fake.context, (id) => (id === 'park' ? 1 : 2));
  const highlight = new Highlight(fake.context, source);
  return { ...fake, source, highlight };
}

describe('Highlight on GeoJSON', () => {
  it('outlines on load what was selected before the style loaded', () => {
    const { map, store, source, highlight } = geojsonSetUp();
    store.select('plot');
    source.onLoad(map.asMap);
    highlight.onLoad();
    expect(roles(map)).toEqual(['selection:plot']);
    expect(outlines(map).features[0]!.geometry).toBe(plot.geometry);
  });

  it('outlines the selected and the hovered feature, and sends only what changed', () => {
    const { map, store, source, highlight } = geojsonSetUp();
    source.onLoad(map.asMap);
    highlight.onLoad();
    const target = map.getSource(HIGHLIGHT_SOURCE_ID)!;
    // Nothing selected, nothing hovered, and the source made empty: nothing to send.
    expect(target.setDataCount).toBe(0);
    store.select('park');
    highlight.selectionChanged();
    expect(roles(map)).toEqual(['selection:park']);
    store.hover('plot');
    highlight.hoverChanged();
    expect(roles(map)).toEqual(['selection:park', 'hover:plot']);
    expect(target.setDataCount).toBe(2);
    // Asked again with nothing changed: nothing sent.
    highlight.selectionChanged();
    highlight.hoverChanged();
    highlight.update();
    expect(target.setDataCount).toBe(2);
    store.hover(null);
    highlight.hoverChanged();
    expect(roles(map)).toEqual(['selection:park']);
    expect(target.setDataCount).toBe(3);
  });

  it('outlines nothing for a selection the data lacks', () => {
    const { map, store, source, highlight } = geojsonSetUp();
    source.onLoad(map.asMap);
    store.select('park');
    highlight.selectionChanged();
    store.select('somewhere-else');
    highlight.selectionChanged();
    expect(roles(map)).toEqual([]);
  });

  it('follows new data: the same feature with a new geometry is sent again, an equal one is not', () => {
    const { map, store, source, highlight } = geojsonSetUp();
    source.onLoad(map.asMap);
    store.select('park');
    highlight.selectionChanged();
    const target = map.getSource(HIGHLIGHT_SOURCE_ID)!;
    expect(target.setDataCount).toBe(1);
    // New data whose park is another object with the same geometry: nothing to redraw.
    loadInto(store, [{ ...park }, plot]);
    highlight.update();
    expect(target.setDataCount).toBe(1);
    const moved = { ...park, geometry: square(112.56, 26.86) };
    loadInto(store, [moved, plot]);
    highlight.update();
    expect(target.setDataCount).toBe(2);
    expect(outlines(map).features[0]!.geometry).toBe(moved.geometry);
    // The selected feature is gone from the data: its outline goes.
    loadInto(store, [plot]);
    store.select('park');
    highlight.update();
    expect(roles(map)).toEqual([]);
  });

  it('outlines a feature of a preview being drawn', () => {
    const { map, store, source, highlight } = geojsonSetUp();
    source.onLoad(map.asMap);
    const previewed = parkFeature('new', {}, square(112.6, 26.9));
    source.preview([previewed]);
    store.select('new');
    highlight.selectionChanged();
    expect(roles(map)).toEqual(['selection:new']);
  });

  it('on a GCJ-02 basemap, outlines the feature where it is drawn (shifted)', () => {
    const { map, store, camera, source, highlight } = geojsonSetUp();
    camera.made(map.asMap, 'gcj02');
    source.onLoad(map.asMap);
    store.select('park');
    highlight.selectionChanged();
    const drawn = outlines(map).features[0]!.geometry as { coordinates: number[][][] };
    expect(drawn).not.toEqual(park.geometry);
    expect(drawn).toEqual(camera.asDrawn(park)!.geometry);
  });

  it('does nothing before the outline source is there', () => {
    const { map, store, highlight } = geojsonSetUp();
    store.select('park');
    expect(() => highlight.selectionChanged()).not.toThrow();
    expect(map.sources.size).toBe(0);
  });
});

describe('Highlight on vector tiles', () => {
  const LAYERS = [
    'park-map-selection-line',
    'park-map-selection-point',
    'park-map-hover-line',
    'park-map-hover-point',
  ];

  function tilesSetUp() {
    const fake = fakeContext({ tiled: true });
    for (const id of LAYERS) fake.map.addLayer({ id });
    const highlight = new Highlight(fake.context, undefined);
    return { ...fake, highlight };
  }

  const byId = (id: string) => ['==', ['get', 'id'], id];

  it('names the selected id in the selection layers’ filters', () => {
    const { map, store, highlight } = tilesSetUp();
    store.select('t-7');
    highlight.selectionChanged();
    expect(map.filters.get('park-map-selection-line')).toEqual([
      'all',
      ['==', ['geometry-type'], 'Polygon'],
      byId('t-7'),
    ]);
    expect(map.filters.get('park-map-selection-point')).toEqual([
      'all',
      ['==', ['geometry-type'], 'Point'],
      byId('t-7'),
    ]);
    // Cleared: the filters match no id.
    store.select(null);
    highlight.selectionChanged();
    expect(map.filters.get('park-map-selection-line')).toEqual([
      'all',
      ['==', ['geometry-type'], 'Polygon'],
      byId(''),
    ]);
    expect(map.sources.size).toBe(0);
  });

  it('names the hovered id in the hover layers’ filters: a polygon’s line, a point’s ring', () => {
    const { map, store, highlight } = tilesSetUp();
    store.hover('t-3');
    highlight.hoverChanged();
    expect(map.filters.get('park-map-hover-line')).toEqual([
      'all',
      ['==', ['geometry-type'], 'Polygon'],
      byId('t-3'),
    ]);
    expect(map.filters.get('park-map-hover-point')).toEqual([
      'all',
      ['==', ['geometry-type'], 'Point'],
      byId('t-3'),
    ]);
    store.hover(null);
    highlight.hoverChanged();
    expect(map.filters.get('park-map-hover-point')).toEqual([
      'all',
      ['==', ['geometry-type'], 'Point'],
      byId(''),
    ]);
  });

  it('on load, sets the hover filter only when something is hovered', () => {
    const quiet = tilesSetUp();
    quiet.highlight.onLoad();
    expect(quiet.map.filters.has('park-map-hover-line')).toBe(false);
    expect(quiet.map.filters.has('park-map-selection-line')).toBe(true);

    const hovering = tilesSetUp();
    hovering.store.hover('t-1');
    hovering.highlight.onLoad();
    expect(hovering.map.filters.get('park-map-hover-line')).toEqual([
      'all',
      ['==', ['geometry-type'], 'Polygon'],
      byId('t-1'),
    ]);
  });

  it('sets no filter before the outline layers are there', () => {
    const { map, store, context } = tilesSetUp();
    map.layers.length = 0;
    const highlight = new Highlight(context, undefined);
    store.select('t-7');
    store.hover('t-7');
    highlight.selectionChanged();
    highlight.hoverChanged();
    expect(map.filters.size).toBe(0);
  });
});
