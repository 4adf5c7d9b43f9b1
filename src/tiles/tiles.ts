// Park features → Mapbox Vector Tiles (@maplibre/geojson-vt cuts, vt-pbf encodes) → a PMTiles archive.
// One source layer, `features`, with the data's own properties, so the element's layers (which tell
// kinds apart by `kind`) read tiles as they read GeoJSON. MVT values are scalars: lists and objects
// (industries, tenants, targets, qualifiers, contact, sources) travel as JSON text; the string id as property `id`
// (always ours: a source's `properties.id` becomes `sourceId`), a 1-based number as the MVT feature id.
// Node only (node:zlib); `park-map tiles` (src/cli/) validates the data before it gets here.
import { GeoJSONVT, type GeoJSONVTFeature } from '@maplibre/geojson-vt';
import vtpbf from 'vt-pbf';
import { gzipSync } from 'node:zlib';
import { PmtilesWriter, type ArchiveStats } from './writer.js';

/** A park feature as read from GeoJSON (only what tiling needs). */
export interface InputFeature {
  id: string;
  geometry: { type: string; coordinates: unknown } | null;
  properties: Record<string, unknown> | null;
}

export type FlatProperties = Record<string, string | number | boolean>;

export interface TileFeature {
  type: 'Feature';
  id: number;
  geometry: InputFeature['geometry'];
  properties: FlatProperties;
}

export interface Tile {
  z: number;
  x: number;
  y: number;
  features: GeoJSONVTFeature[];
}

export const SOURCE_LAYER = 'features';
export const EXTENT = 4096;
export const MAX_ZOOM = 14;
/** The property holding our string id in each tile feature (the element's TILE_ID_PROPERTY). */
export const ID_PROPERTY = 'id';
/** Where a source's own `properties.id` goes, so that it never overwrites ours. */
export const SOURCE_ID_PROPERTY = 'sourceId';

/** The properties of a park feature as MVT can carry them: scalars kept, the rest as JSON text. */
export function flattenProperties(
  id: string,
  properties: Record<string, unknown> | null,
): FlatProperties {
  const flat: FlatProperties = {};
  for (const [key, value] of Object.entries(properties ?? {})) {
    if (value === null || value === undefined) continue;
    // The tile's `id` is ours (the element reads it, TILE_ID_PROPERTY): a source's own `id`
    // property travels as `sourceId` (unless the source has one of those too).
    let name = key;
    if (key === ID_PROPERTY) {
      if (properties && Object.hasOwn(properties, SOURCE_ID_PROPERTY)) continue;
      name = SOURCE_ID_PROPERTY;
    }
    if (typeof value === 'object') flat[name] = JSON.stringify(value);
    else flat[name] = value as string | number | boolean;
  }
  flat[ID_PROPERTY] = id;
  return flat;
}

/** The feature as geojson-vt gets it: numeric id, flat properties. */
export function tileFeature(feature: InputFeature, numericId: number): TileFeature {
  return {
    type: 'Feature',
    id: numericId,
    geometry: feature.geometry,
    properties: flattenProperties(feature.id, feature.properties),
  };
}

/** One tile's bytes (gzip) from geojson-vt tile features, or null when there are none. */
export function encodeTile(features: readonly GeoJSONVTFeature[]): Uint8Array | null {
  if (features.length === 0) return null;
  const pbf = vtpbf.fromGeojsonVt({ [SOURCE_LAYER]: { features } }, { version: 2, extent: EXTENT });
  return new Uint8Array(gzipSync(pbf, { level: 6 }));
}

/** Each non-empty tile of a geojson-vt index from `minZoom` to `maxZoom`, parents before children. */
export function* walkTiles(
  index: GeoJSONVT,
  minZoom: number,
  maxZoom: number,
  z = 0,
  x = 0,
  y = 0,
): Generator<Tile> {
  // null: nothing here at all; no features: all simplified away at this zoom (children may have some).
  const tile = index.getTile(z, x, y);
  if (!tile) return;
  if (z >= minZoom && tile.features.length > 0) yield { z, x, y, features: tile.features };
  if (z === maxZoom) return;
  for (const [cz, cx, cy] of childTiles(z, x, y))
    yield* walkTiles(index, minZoom, maxZoom, cz, cx, cy);
}

/** The four tiles one zoom below tile z/x/y, as [z, x, y]. */
export function childTiles(z: number, x: number, y: number): [number, number, number][] {
  return [
    [z + 1, x * 2, y * 2],
    [z + 1, x * 2 + 1, y * 2],
    [z + 1, x * 2, y * 2 + 1],
    [z + 1, x * 2 + 1, y * 2 + 1],
  ];
}

export function vectorTilesIndex(
  features: readonly TileFeature[],
  options: { maxZoom?: number; indexMaxZoom?: number; buffer?: number } = {},
): GeoJSONVT {
  return new GeoJSONVT(
    { type: 'FeatureCollection', features } as unknown as GeoJSON.FeatureCollection,
    {
      maxZoom: options.maxZoom ?? MAX_ZOOM,
      indexMaxZoom: options.indexMaxZoom ?? 5,
      indexMaxPoints: 100000,
      extent: EXTENT,
      // 128/4096 of a z14 tile is ~70 m here: a building that touches a tile is whole in it.
      buffer: options.buffer ?? 128,
      tolerance: 3,
    },
  );
}

/** The `vector_layers` entry and the rest of the metadata the archive carries. */
export function archiveMetadata(
  fields: Record<string, string>,
  minZoom: number,
  maxZoom: number,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    name: 'park-map',
    format: 'pbf',
    type: 'overlay',
    vector_layers: [{ id: SOURCE_LAYER, fields, minzoom: minZoom, maxzoom: maxZoom }],
    'park-map': {
      version: 1,
      idProperty: 'id',
      jsonProperties: ['industries', 'tenants', 'targets', 'qualifiers', 'contact', 'sources'],
    },
    ...extra,
  };
}

/** Field name → MVT type ("String", "Number", "Boolean") over these flat properties. */
export function fieldTypes(
  flatPropertiesList: Iterable<FlatProperties>,
  into: Record<string, string> = {},
): Record<string, string> {
  for (const properties of flatPropertiesList) {
    for (const [key, value] of Object.entries(properties)) {
      into[key] ??=
        typeof value === 'number' ? 'Number' : typeof value === 'boolean' ? 'Boolean' : 'String';
    }
  }
  return into;
}

export type Bounds = [number, number, number, number];

export function bboxOfFeatures(
  features: Iterable<InputFeature>,
  into: Bounds = [Infinity, Infinity, -Infinity, -Infinity],
): Bounds {
  const visit = (coordinates: unknown): void => {
    if (!Array.isArray(coordinates)) return;
    if (typeof coordinates[0] === 'number') {
      into[0] = Math.min(into[0], coordinates[0]);
      into[1] = Math.min(into[1], coordinates[1]);
      into[2] = Math.max(into[2], coordinates[0]);
      into[3] = Math.max(into[3], coordinates[1]);
      return;
    }
    for (const part of coordinates) visit(part);
  };
  for (const feature of features) if (feature.geometry) visit(feature.geometry.coordinates);
  return into;
}

/**
 * A whole FeatureCollection → archive bytes, in one pass (for files that fit in memory).
 * `minZoom`/`maxZoom`: tile zooms (0–14 by default; past 14 MapLibre scales the z14 tiles up).
 */
export function collectionToArchive(
  collection: { features: readonly InputFeature[] },
  options: { minZoom?: number; maxZoom?: number; rootLimit?: number } = {},
): { parts: Uint8Array[]; stats: ArchiveStats; features: number } {
  const minZoom = options.minZoom ?? 0;
  const maxZoom = options.maxZoom ?? MAX_ZOOM;
  const features = collection.features.map((feature, index) => tileFeature(feature, index + 1));
  const index = vectorTilesIndex(features, { maxZoom });
  const writer = new PmtilesWriter({ rootLimit: options.rootLimit });
  for (const tile of walkTiles(index, minZoom, maxZoom)) {
    const bytes = encodeTile(tile.features);
    if (bytes) writer.addTile(tile.z, tile.x, tile.y, bytes);
  }
  const bounds = bboxOfFeatures(collection.features);
  const result = writer.finish({
    metadata: archiveMetadata(
      fieldTypes(features.map((feature) => feature.properties)),
      minZoom,
      maxZoom,
    ),
    bounds,
    center: [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2, centerZoom(bounds)],
  });
  return { ...result, features: features.length };
}

/** A zoom at which these bounds fill about 1000 px. */
export function centerZoom([west, south, east, north]: Bounds): number {
  const span = Math.max(east - west, (north - south) * 1.2, 1e-6);
  return Math.max(0, Math.min(MAX_ZOOM, Math.floor(Math.log2((360 * 1000) / 256 / span))));
}
