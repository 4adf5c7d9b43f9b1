// The layer specs, checked by MapLibre's own style-spec code: valid, and on GeoJSON every fill, line
// and circle of the features fades to nothing under the `hidden` feature state (and only then).
import {
  expression,
  featureFilter,
  latest,
  validateStyleMin,
  type StyleSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_SOURCE_ID, SOURCE_ID } from '../../src/map/layer-ids.js';
import { featureLayers, highlightCollection, renderCollection } from '../../src/map/layers.js';
import { resolveTheme } from '../../src/map/theme.js';

const theme = resolveTheme(() => '');
const geojsonLayers = featureLayers(theme);
const tileLayers = featureLayers(theme, { sourceLayer: 'parks', idProperty: 'id' });

function style(tiles: boolean): StyleSpecification {
  return {
    version: 8,
    sources: tiles
      ? {
          [SOURCE_ID]: {
            type: 'vector',
            tiles: ['https://example.org/{z}/{x}/{y}.pbf'],
            promoteId: 'id',
          },
        }
      : {
          [SOURCE_ID]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
          [HIGHLIGHT_SOURCE_ID]: {
            type: 'geojson',
            data: { type: 'FeatureCollection', features: [] },
          },
        },
    layers: tiles ? tileLayers : geojsonLayers,
  };
}

/** Each feature layer's opacities and the value each has while its feature shows. */
const OPACITIES: Record<string, Record<string, number>> = {
  'park-map-zone-fill': { 'fill-opacity': 0.55 },
  'park-map-zone-line': { 'line-opacity': 1 },
  'park-map-park-fill': { 'fill-opacity': 0.8 },
  'park-map-park-line': { 'line-opacity': 1 },
  'park-map-plot-fill': { 'fill-opacity': 0.85 },
  'park-map-plot-line': { 'line-opacity': 1 },
  'park-map-building-fill': { 'fill-opacity': 0.9 },
  'park-map-building-line': { 'line-opacity': 1 },
  'park-map-project-point': { 'circle-opacity': 1, 'circle-stroke-opacity': 1 },
};

function opacityOf(
  layerId: string,
  property: string,
  featureState: Record<string, unknown>,
  layers = geojsonLayers,
): unknown {
  const layer = layers.find((candidate) => candidate.id === layerId)!;
  const value = (layer.paint as Record<string, unknown>)[property];
  const spec = (latest as unknown as Record<string, Record<string, unknown>>)[
    `paint_${layer.type}`
  ]![property];
  const parsed = expression.createPropertyExpression(value, property, spec as never);
  if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
  return parsed.value.evaluate({ zoom: 15 }, { type: 3, properties: {} }, featureState);
}

describe('renderCollection', () => {
  const features = [
    {
      type: 'Feature',
      id: 'b',
      geometry: { type: 'Point', coordinates: [112.6, 26.9] },
      properties: { kind: 'project' },
    },
    {
      type: 'Feature',
      id: 'a',
      geometry: { type: 'Point', coordinates: [112.7, 26.9] },
      properties: { kind: 'project' },
    },
  ] as const;

  it('gives each feature the number stateId gives its string id (the feature-state key)', () => {
    const numbers = new Map([
      ['a', 7],
      ['b', 3],
    ]);
    const drawn = renderCollection(features as never, undefined, (id) => numbers.get(id)!);
    expect(drawn.features.map((feature) => [feature.id, feature.properties.pmId])).toEqual([
      [3, 'b'],
      [7, 'a'],
    ]);
  });

  it('leaves the feature id out without stateId', () => {
    expect(renderCollection(features as never).features.map((feature) => 'id' in feature)).toEqual([
      false,
      false,
    ]);
  });
});

describe('feature layers', () => {
  it('are a valid MapLibre style, on GeoJSON and on vector tiles', () => {
    expect(validateStyleMin(style(false)).map((error) => error.message)).toEqual([]);
    expect(validateStyleMin(style(true)).map((error) => error.message)).toEqual([]);
  });

  it.each(Object.entries(OPACITIES))(
    '%s: opacity 0 while hidden, its own value otherwise (GeoJSON and tiles)',
    (layerId, opacities) => {
      for (const layers of [geojsonLayers, tileLayers]) {
        for (const [property, shown] of Object.entries(opacities)) {
          expect(opacityOf(layerId, property, { hidden: true }, layers)).toBe(0);
          expect(opacityOf(layerId, property, {}, layers)).toBe(shown);
          expect(opacityOf(layerId, property, { hidden: false }, layers)).toBe(shown);
        }
      }
    },
  );

  it('the outlines of the selection and hover and the 3D layer do not read the hidden state (the 3D colour reads only the as-of status)', () => {
    const states = (layer: object) =>
      [...JSON.stringify(layer).matchAll(/\["feature-state","([^"]+)"\]/g)].map((m) => m[1]);
    const readsState = (layer: { id: string }) =>
      states(layer).some(
        (state) => !(layer.id === 'park-map-building-extrusion' && state === 'asOfStatus'),
      );
    for (const layers of [geojsonLayers, tileLayers]) {
      const unaffected = layers.filter((layer) => !(layer.id in OPACITIES));
      expect(unaffected.map((layer) => layer.id).sort()).toEqual([
        'park-map-building-extrusion',
        'park-map-hover-line',
        'park-map-hover-point',
        'park-map-selection-line',
        'park-map-selection-point',
      ]);
      expect(unaffected.filter(readsState)).toEqual([]);
      const extrusion = layers.find((layer) => layer.id === 'park-map-building-extrusion')!;
      expect(states(extrusion)).toEqual(['asOfStatus']);
    }
  });

  it("colours by the status as of the date (feature state), else the data's status", () => {
    const fill = geojsonLayers.find((layer) => layer.id === 'park-map-building-fill') as {
      paint: Record<string, unknown>;
    };
    expect(JSON.stringify(fill.paint['fill-color'])).toContain(
      '["coalesce",["feature-state","asOfStatus"],["get","status"]]',
    );
  });
});

describe('the highlight source (GeoJSON outlines)', () => {
  const building = {
    type: 'Feature' as const,
    id: 'b',
    geometry: {
      type: 'Polygon' as const,
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 0],
        ],
      ],
    },
    properties: { kind: 'building' as const, name: '楼' },
  };
  const project = {
    type: 'Feature' as const,
    id: 'p',
    geometry: { type: 'Point' as const, coordinates: [0.5, 0.5] },
    properties: { kind: 'project' as const, name: '项目' },
  };

  it('holds the selected and the hovered feature, each with its role and id', () => {
    expect(highlightCollection(undefined, undefined).features).toEqual([]);
    expect(
      highlightCollection(project, building).features.map((feature) => [
        feature.properties.pmId,
        feature.properties.role,
        feature.geometry.type,
      ]),
    ).toEqual([
      ['p', 'selection', 'Point'],
      ['b', 'hover', 'Polygon'],
    ]);
  });

  it('each outline layer draws only its role and geometry, with a filter that never changes', () => {
    const outline = (id: string) => geojsonLayers.find((layer) => layer.id === id)!;
    const collection = highlightCollection(building, building).features.concat(
      highlightCollection(project, undefined).features,
    );
    const drawn = (id: string) => {
      const layer = outline(id) as { source: string; filter: unknown };
      expect(layer.source).toBe(HIGHLIGHT_SOURCE_ID);
      const filter = featureFilter(layer.filter as never, `layers[${id}].filter`);
      return collection
        .filter((feature) =>
          filter.filter({ zoom: 14 }, {
            type: feature.geometry.type === 'Point' ? 1 : 3,
            properties: feature.properties,
          } as never),
        )
        .map((feature) => `${feature.properties.pmId}:${feature.properties.role}`);
    };
    expect(drawn('park-map-selection-line')).toEqual(['b:selection']);
    expect(drawn('park-map-hover-line')).toEqual(['b:hover']);
    expect(drawn('park-map-selection-point')).toEqual(['p:selection']);
    const hoveredPoint = highlightCollection(undefined, project).features;
    collection.push(...hoveredPoint);
    expect(drawn('park-map-hover-point')).toEqual(['p:hover']);
    expect(drawn('park-map-hover-line')).toEqual(['b:hover']);
  });
});
