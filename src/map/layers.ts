// Map layers as data: the source and layer specifications park-map draws. Pure; ids share `park-map-`.
import type {
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import { STATUSES, type Kind, type ParkFeature } from '../data/types.js';
import type { MapTheme } from './theme.js';
import {
  AS_OF_STATE,
  EXTRUSION_LAYER,
  HIDDEN_STATE,
  HIGHLIGHT_SOURCE_ID,
  ID_PROPERTY,
  SOURCE_ID,
} from './layer-ids.js';

/** The style of `basemap="none"`: a plain background, no sources, no glyphs: no network request. */
export function offlineStyle(theme: MapTheme): StyleSpecification {
  return {
    version: 8,
    sources: {},
    layers: [
      {
        id: 'park-map-background',
        type: 'background',
        paint: { 'background-color': theme.background },
      },
    ],
  };
}

/**
 * What MapLibre gets: geometry plus the few flat properties the layers read. The full properties
 * stay with the element (MapLibre would flatten nested values to strings and copy them to the worker).
 */
/** Storey height (m) used for 3D when a building states floors but no height. */
export const DEFAULT_STOREY_HEIGHT = 3.5;

/** Extrusion height of a building: stated height, else floors × storey height, else one storey. */
export function buildingHeight(feature: ParkFeature, storeyHeight = DEFAULT_STOREY_HEIGHT): number {
  const { height, floors } = feature.properties;
  if (typeof height === 'number' && height > 0) return height;
  if (typeof floors === 'number' && floors > 0) return floors * storeyHeight;
  return storeyHeight;
}

/**
 * `stateId` gives each feature the number MapLibre keys its feature state by. Not the string id
 * through `promoteId`: MapLibre hashes a string to 32 bits for that, and among 100 000 ids two
 * likely share a hash, so hiding one would hide the other.
 */
export function renderCollection(
  features: readonly ParkFeature[],
  storeyHeight = DEFAULT_STOREY_HEIGHT,
  stateId?: (id: string) => number,
) {
  return {
    type: 'FeatureCollection' as const,
    features: features.map((feature) => ({
      type: 'Feature' as const,
      ...(stateId ? { id: stateId(feature.id) } : {}),
      geometry: feature.geometry,
      properties: {
        [ID_PROPERTY]: feature.id,
        kind: feature.properties.kind,
        status: feature.properties.status ?? 'none',
        heightM: buildingHeight(feature, storeyHeight),
        // The figures the range filters test on the map (absent when the data gives none).
        ...(typeof feature.properties.investment === 'number'
          ? { investment: feature.properties.investment }
          : {}),
        ...(typeof feature.properties.floorArea === 'number'
          ? { floorArea: feature.properties.floorArea }
          : {}),
      },
    })),
  };
}

const isKind = (kind: Kind): ExpressionSpecification => ['==', ['get', 'kind'], kind];
const isPolygon: ExpressionSpecification = ['==', ['geometry-type'], 'Polygon'];
const isPoint: ExpressionSpecification = ['==', ['geometry-type'], 'Point'];

function statusColour(theme: MapTheme): ExpressionSpecification {
  const cases: string[] = [];
  for (const status of STATUSES) cases.push(status, theme.status[status]);
  return [
    'match',
    // The status as of the `date` (feature state: a date change re-tiles nothing), else the data's.
    ['coalesce', ['feature-state', AS_OF_STATE], ['get', 'status']],
    ...cases,
    theme.noStatus,
  ] as unknown as ExpressionSpecification;
}

export function selectionFilter(
  id: string | null,
  idProperty = ID_PROPERTY,
): ExpressionSpecification {
  return ['==', ['get', idProperty], id ?? ''];
}

/**
 * Vector tiles carry the data's own figures, not `heightM`: the extrusion height is worked out on
 * the map, as buildingHeight() does (stated height, else floors × storey height, else one storey).
 */
export function tileHeightExpression(
  storeyHeight = DEFAULT_STOREY_HEIGHT,
): ExpressionSpecification {
  const positive = (property: string): ExpressionSpecification => [
    'all',
    ['==', ['typeof', ['get', property]], 'number'],
    ['>', ['to-number', ['get', property], 0], 0],
  ];
  return [
    'case',
    positive('height'),
    ['to-number', ['get', 'height']],
    positive('floors'),
    ['*', ['to-number', ['get', 'floors']], storeyHeight],
    storeyHeight,
  ];
}

/** An opacity that drops to 0 while the feature's `hidden` state is set. */
export function unlessHidden(opacity: number): ExpressionSpecification {
  return ['case', ['boolean', ['feature-state', HIDDEN_STATE], false], 0, opacity];
}

export interface TileLayerOptions {
  /** The vector tiles' source layer: set for tiles, unset for GeoJSON. */
  sourceLayer?: string;
  /** The property holding the string id (`pmId` for GeoJSON, `id` in tiles). */
  idProperty?: string;
  storeyHeight?: number;
}

export function featureLayers(theme: MapTheme, tiles: TileLayerOptions = {}): LayerSpecification[] {
  // What the filters leave out is hidden through feature state (tiles and GeoJSON alike).
  const layers = featureLayerSpecs(
    theme,
    tiles.idProperty ?? ID_PROPERTY,
    tiles.sourceLayer ? tileHeightExpression(tiles.storeyHeight) : undefined,
    !tiles.sourceLayer,
  );
  if (!tiles.sourceLayer) return layers;
  return layers.map(
    (layer) => ({ ...layer, 'source-layer': tiles.sourceLayer }) as LayerSpecification,
  );
}

function featureLayerSpecs(
  theme: MapTheme,
  idProperty: string,
  height: ExpressionSpecification | undefined,
  highlight: boolean,
): LayerSpecification[] {
  const source = SOURCE_ID;
  const colour = statusColour(theme);
  // Tiles: the hover and selection outlines start empty, with the filters setHovered/setSelected
  // set. GeoJSON: they draw the highlight source, by role, with filters that never change.
  const unselected = highlight
    ? highlightLayerFilters()
    : {
        ...selectionLayerFilters(null, idProperty),
        ...hoverLayerFilters(null, idProperty),
      };
  const outlineSource = highlight ? HIGHLIGHT_SOURCE_ID : source;
  return [
    {
      id: 'park-map-zone-fill',
      type: 'fill',
      source,
      filter: ['all', isKind('zone'), isPolygon],
      paint: { 'fill-color': theme.zoneFill, 'fill-opacity': unlessHidden(0.55) },
    },
    {
      id: 'park-map-zone-line',
      type: 'line',
      source,
      filter: ['all', isKind('zone'), isPolygon],
      paint: {
        'line-color': theme.zoneLine,
        'line-width': 2,
        'line-dasharray': [3, 2],
        'line-opacity': unlessHidden(1),
      },
    },
    {
      id: 'park-map-park-fill',
      type: 'fill',
      source,
      filter: ['all', isKind('park'), isPolygon],
      paint: { 'fill-color': theme.parkFill, 'fill-opacity': unlessHidden(0.8) },
    },
    {
      id: 'park-map-park-line',
      type: 'line',
      source,
      filter: ['all', isKind('park'), isPolygon],
      paint: { 'line-color': theme.parkLine, 'line-width': 1.5, 'line-opacity': unlessHidden(1) },
    },
    {
      id: 'park-map-plot-fill',
      type: 'fill',
      source,
      filter: ['all', isKind('plot'), isPolygon],
      paint: { 'fill-color': theme.plotFill, 'fill-opacity': unlessHidden(0.85) },
    },
    {
      id: 'park-map-plot-line',
      type: 'line',
      source,
      filter: ['all', isKind('plot'), isPolygon],
      paint: {
        'line-color': theme.plotLine,
        'line-width': 1.2,
        'line-dasharray': [2, 1],
        'line-opacity': unlessHidden(1),
      },
    },
    {
      id: 'park-map-building-fill',
      type: 'fill',
      source,
      filter: ['all', ['in', ['get', 'kind'], ['literal', ['building', 'project']]], isPolygon],
      paint: { 'fill-color': colour, 'fill-opacity': unlessHidden(0.9) },
    },
    {
      id: 'park-map-building-line',
      type: 'line',
      source,
      filter: ['all', ['in', ['get', 'kind'], ['literal', ['building', 'project']]], isPolygon],
      paint: {
        'line-color': theme.buildingLine,
        'line-width': 0.8,
        'line-opacity': unlessHidden(1),
      },
    },
    {
      id: 'park-map-project-point',
      type: 'circle',
      source,
      filter: isPoint,
      paint: {
        'circle-color': colour,
        'circle-radius': 7,
        'circle-stroke-color': theme.buildingLine,
        'circle-stroke-width': 1.5,
        'circle-opacity': unlessHidden(1),
        'circle-stroke-opacity': unlessHidden(1),
      },
    },
    {
      id: EXTRUSION_LAYER,
      type: 'fill-extrusion',
      source,
      filter: ['all', ['in', ['get', 'kind'], ['literal', ['building', 'project']]], isPolygon],
      layout: { visibility: 'none' },
      paint: {
        'fill-extrusion-color': colour,
        'fill-extrusion-height': height ?? ['get', 'heightM'],
        'fill-extrusion-opacity': 0.9,
      },
    },
    {
      id: 'park-map-hover-line',
      type: 'line',
      source: outlineSource,
      filter: unselected['park-map-hover-line'],
      paint: { 'line-color': theme.hover, 'line-width': 3 },
    },
    {
      // A point's outline: a ring around its circle (the same size as the selection's, drawn
      // under it), for the pointer's hover and the keyboard's focus alike.
      id: 'park-map-hover-point',
      type: 'circle',
      source: outlineSource,
      filter: unselected['park-map-hover-point'],
      paint: {
        'circle-color': 'rgba(0,0,0,0)',
        'circle-radius': 11,
        'circle-stroke-color': theme.hover,
        'circle-stroke-width': 3,
      },
    },
    {
      id: 'park-map-selection-line',
      type: 'line',
      source: outlineSource,
      filter: unselected['park-map-selection-line'],
      paint: { 'line-color': theme.selection, 'line-width': 4 },
    },
    {
      id: 'park-map-selection-point',
      type: 'circle',
      source: outlineSource,
      filter: unselected['park-map-selection-point'],
      paint: {
        'circle-color': 'rgba(0,0,0,0)',
        'circle-radius': 11,
        'circle-stroke-color': theme.selection,
        'circle-stroke-width': 3,
      },
    },
  ];
}

/** Layers that show what the filters pass (the selection and hover outlines always show). */
export function isFilterableLayer(id: string): boolean {
  return !id.startsWith('park-map-selection') && !id.startsWith('park-map-hover');
}

export function hoverFilter(id: string | null, idProperty = ID_PROPERTY): FilterSpecification {
  return ['all', isPolygon, selectionFilter(id, idProperty)];
}

/** The hover layers' filters for one hovered id (or none): a polygon's line, a point's ring. */
export function hoverLayerFilters(
  id: string | null,
  idProperty = ID_PROPERTY,
): Record<string, FilterSpecification> {
  return {
    'park-map-hover-line': hoverFilter(id, idProperty),
    'park-map-hover-point': ['all', isPoint, selectionFilter(id, idProperty)],
  };
}

/** The outline layers' filters on the highlight source (GeoJSON): by role, never changed. */
export function highlightLayerFilters(): Record<string, FilterSpecification> {
  const role = (name: 'hover' | 'selection'): ExpressionSpecification => [
    '==',
    ['get', 'role'],
    name,
  ];
  return {
    'park-map-hover-line': ['all', isPolygon, role('hover')],
    'park-map-hover-point': ['all', isPoint, role('hover')],
    'park-map-selection-line': ['all', isPolygon, role('selection')],
    'park-map-selection-point': ['all', isPoint, role('selection')],
  };
}

/** The highlight source's data: the selected and the hovered feature (either may be absent). */
export function highlightCollection(
  selected: ParkFeature | undefined,
  hovered: ParkFeature | undefined,
) {
  const item = (feature: ParkFeature, role: 'hover' | 'selection') => ({
    type: 'Feature' as const,
    geometry: feature.geometry,
    properties: { [ID_PROPERTY]: feature.id, role },
  });
  return {
    type: 'FeatureCollection' as const,
    features: [
      ...(selected ? [item(selected, 'selection')] : []),
      ...(hovered ? [item(hovered, 'hover')] : []),
    ],
  };
}

/** The selection layers' filters for one selected id (or none). */
export function selectionLayerFilters(
  id: string | null,
  idProperty = ID_PROPERTY,
): Record<string, FilterSpecification> {
  return {
    'park-map-selection-line': ['all', isPolygon, selectionFilter(id, idProperty)],
    'park-map-selection-point': ['all', isPoint, selectionFilter(id, idProperty)],
  };
}
