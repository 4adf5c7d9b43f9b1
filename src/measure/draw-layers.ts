// What the measuring tools draw, as data: one GeoJSON source for every shape and vertex handle,
// and the fill, line and handle layers that draw it on top of the map. Pure.
import type { LayerSpecification } from 'maplibre-gl';
import type { Geometry, Position } from '../data/types.js';

export const DRAW_SOURCE = 'park-map-measure';
/** The ids of drawLayers' layers, in their order. */
export const DRAW_LAYER_IDS = [
  `${DRAW_SOURCE}-fill`,
  `${DRAW_SOURCE}-line`,
  `${DRAW_SOURCE}-vertex`,
] as const;

export interface DrawFeature {
  type: 'Feature';
  geometry: Geometry;
  properties: Record<string, never>;
}

export interface DrawCollection {
  type: 'FeatureCollection';
  features: DrawFeature[];
}

/** The shapes' geometries, then a handle on each of `handles`. */
export function drawCollection(
  shapes: readonly Geometry[],
  handles: readonly Position[],
): DrawCollection {
  const feature = (geometry: Geometry): DrawFeature => ({
    type: 'Feature',
    geometry,
    properties: {},
  });
  return {
    type: 'FeatureCollection',
    features: [
      ...shapes.map(feature),
      ...handles.map((position) => feature({ type: 'Point', coordinates: position })),
    ],
  };
}

/**
 * Polygon fills, then outlines and lines (lines wider than outlines), then vertex handles, in
 * `colour` (the theme's accent).
 */
export function drawLayers(colour: string): LayerSpecification[] {
  return [
    {
      id: DRAW_LAYER_IDS[0],
      type: 'fill',
      source: DRAW_SOURCE,
      filter: ['==', ['geometry-type'], 'Polygon'],
      paint: { 'fill-color': colour, 'fill-opacity': 0.15 },
    },
    {
      id: DRAW_LAYER_IDS[1],
      type: 'line',
      source: DRAW_SOURCE,
      filter: ['!=', ['geometry-type'], 'Point'],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': colour,
        'line-width': ['match', ['geometry-type'], 'Polygon', 2, 3],
      },
    },
    {
      id: DRAW_LAYER_IDS[2],
      type: 'circle',
      source: DRAW_SOURCE,
      filter: ['==', ['geometry-type'], 'Point'],
      paint: {
        'circle-radius': 5,
        'circle-color': '#ffffff',
        'circle-stroke-color': colour,
        'circle-stroke-width': 2,
      },
    },
  ];
}
