// A first look at a decoded file, for the map only: the features that plainly draw as they are.
// The map's worker can tile them while the main thread validates the file; when validation then
// finds the file draws exactly like this preview (the common case, clean data), the map keeps what
// it has. Otherwise the validated features replace the preview. Nothing here is shown as text: the
// list, details, search and issues wait for validation. Pure.
import { KINDS, type ParkFeature, type Position } from './types.js';
import { MERCATOR_MAX_LAT, isRecord, orientRing } from './validate/index.js';

const KIND_SET = new Set<string>(KINDS);

function isPosition(value: unknown): value is Position {
  if (!Array.isArray(value) || value.length < 2) return false;
  for (const n of value) if (typeof n !== 'number' || !Number.isFinite(n)) return false;
  const [lon, lat] = value as number[];
  return Math.abs(lon!) <= 180 && Math.abs(lat!) <= MERCATOR_MAX_LAT;
}

/** Closed rings of valid positions, wound as RFC 7946 says (as validation leaves them). */
function previewRings(value: unknown): Position[][] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const rings: Position[][] = [];
  for (const [r, ring] of value.entries()) {
    if (!Array.isArray(ring) || ring.length < 4 || !ring.every(isPosition)) return undefined;
    const first = ring[0] as Position;
    const last = ring[ring.length - 1] as Position;
    if (first[0] !== last[0] || first[1] !== last[1]) return undefined;
    rings.push(orientRing(ring as Position[], r));
  }
  return rings;
}

function previewGeometry(value: unknown): ParkFeature['geometry'] | undefined {
  if (!isRecord(value)) return undefined;
  const coordinates = value['coordinates'];
  switch (value['type']) {
    case 'Point':
      return isPosition(coordinates) ? { type: 'Point', coordinates } : undefined;
    case 'Polygon': {
      const rings = previewRings(coordinates);
      return rings ? { type: 'Polygon', coordinates: rings } : undefined;
    }
    case 'MultiPolygon': {
      if (!Array.isArray(coordinates) || coordinates.length === 0) return undefined;
      const polygons: Position[][][] = [];
      for (const polygon of coordinates) {
        const rings = previewRings(polygon);
        if (!rings) return undefined;
        polygons.push(rings);
      }
      return { type: 'MultiPolygon', coordinates: polygons };
    }
    default:
      return undefined;
  }
}

/**
 * The features of a parsed FeatureCollection that plainly draw as they are (a string id, a known
 * kind, Point / Polygon / MultiPolygon geometry with closed rings of finite WGS84 positions), or
 * null when the file is not plainly a WGS84 FeatureCollection (another coordinate system: only
 * validation converts). Properties are the file's own objects: for the map, never for display.
 */
export function previewFeatures(json: unknown, coords?: string): ParkFeature[] | null {
  if (coords !== undefined && coords !== 'wgs84') return null;
  if (!isRecord(json) || json['type'] !== 'FeatureCollection') return null;
  const system = json['coordinateSystem'];
  if (system !== undefined && system !== 'wgs84') return null;
  const raw = json['features'];
  if (!Array.isArray(raw)) return null;
  const features: ParkFeature[] = [];
  for (const item of raw) {
    if (!isRecord(item) || item['type'] !== 'Feature') continue;
    const id = item['id'];
    const properties = item['properties'];
    if (typeof id !== 'string' || id.trim() === '' || !isRecord(properties)) continue;
    if (typeof properties['kind'] !== 'string' || !KIND_SET.has(properties['kind'])) continue;
    const geometry = previewGeometry(item['geometry']);
    if (!geometry) continue;
    features.push({ type: 'Feature', id, geometry, properties } as ParkFeature);
  }
  return features;
}

/** The property values the map's layers read (see renderCollection). */
const DRAWN_PROPERTIES = ['kind', 'status', 'height', 'floors', 'investment', 'floorArea'] as const;

// One function per nesting level, never one recursive one: a keyed load that meets both arrays of
// arrays and arrays of doubles makes V8 move the double arrays to boxed elements (+8 bytes a
// coordinate, 20 MB at 100 000 buildings, seen in a heap snapshot).
function samePosition(a: Position, b: Position): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameRing(a: Position[], b: Position[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!samePosition(a[i]!, b[i]!)) return false;
  return true;
}

function sameRings(a: Position[][], b: Position[][]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameRing(a[i]!, b[i]!)) return false;
  return true;
}

function sameGeometry(a: ParkFeature['geometry'], b: ParkFeature['geometry']): boolean {
  if (a.type !== b.type) return false;
  switch (a.type) {
    case 'Point':
      return samePosition(a.coordinates, b.coordinates as Position);
    case 'Polygon':
      return sameRings(a.coordinates, b.coordinates as Position[][]);
    case 'MultiPolygon': {
      const other = b.coordinates as Position[][][];
      if (a.coordinates.length !== other.length) return false;
      for (let i = 0; i < other.length; i++) {
        if (!sameRings(a.coordinates[i]!, other[i]!)) return false;
      }
      return true;
    }
    default:
      // The preview holds no other type.
      return false;
  }
}

/**
 * True when `validated` draws exactly as `preview`: the same features in the same order, the same
 * geometry, the same values of every property the layers read.
 */
export function drawsAs(
  validated: readonly ParkFeature[],
  preview: readonly ParkFeature[],
): boolean {
  if (validated.length !== preview.length) return false;
  for (let i = 0; i < validated.length; i++) {
    const a = validated[i]!;
    const b = preview[i]!;
    if (a.id !== b.id) return false;
    for (const key of DRAWN_PROPERTIES) {
      if (!Object.is(a.properties[key], b.properties[key])) return false;
    }
    if (!sameGeometry(a.geometry, b.geometry)) return false;
  }
  return true;
}

/** The listed features of a parsed file (empty when it is no collection). */
function featuresOf(json: unknown): readonly unknown[] {
  const features = (json as { features?: unknown } | null)?.features;
  return Array.isArray(features) ? features : [];
}

/** Positions in a geometry's coordinates, counted by array lengths (nothing is checked). */
function positions(coordinates: unknown, depth: number): number {
  if (!Array.isArray(coordinates)) return 0;
  if (depth === 0) return 1;
  if (depth === 1) return coordinates.length;
  let total = 0;
  for (const item of coordinates) total += positions(item, depth - 1);
  return total;
}

const DEPTH: Record<string, number> = {
  Point: 0,
  MultiPoint: 1,
  LineString: 1,
  MultiLineString: 2,
  Polygon: 2,
  MultiPolygon: 3,
};

/** How many positions a parsed collection's geometries hold, counted until `enough`. */
function vertexCount(features: readonly unknown[], enough: number): number {
  let total = 0;
  for (const feature of features) {
    const geometry = (feature as { geometry?: { type?: unknown; coordinates?: unknown } } | null)
      ?.geometry;
    const depth = typeof geometry?.type === 'string' ? DEPTH[geometry.type] : undefined;
    if (depth !== undefined) total += positions(geometry!.coordinates, depth);
    if (total >= enough) break;
  }
  return total;
}

/** When a file is drawn before it is validated (the data controller's previewPolicy, see there). */
export interface PreviewPolicy {
  minFeatures: number;
  minVertices: number;
  minVerticesPerFeature: number;
}

/**
 * True when a parsed file is big enough for a preview: from `minFeatures` features, or from
 * `minVertices` vertices in features of `minVerticesPerFeature` on average. Counted here, in the
 * data chunk, by array lengths only, stopping once there are enough.
 */
export function wantsPreview(json: unknown, previewPolicy: PreviewPolicy): boolean {
  const features = featuresOf(json);
  const count = features.length;
  if (count === 0) return false;
  if (count >= previewPolicy.minFeatures) return true;
  const enough = Math.max(previewPolicy.minVertices, count * previewPolicy.minVerticesPerFeature);
  return vertexCount(features, enough) >= enough;
}
