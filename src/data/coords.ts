// Coordinate systems used by Chinese map providers (GCJ-02 for AMap/Tencent, BD-09 for Baidu),
// converted to WGS84 at load. A pure module: copies in, copies out.
//
// The maths is gcoord 1.0.7's (src/crs/GCJ02.ts, BD09.ts), written out here, operation for
// operation, so the results are the same doubles (test/unit/coords.test.ts checks that against
// gcoord itself): the formulas are fixed published ones, and the library was 13 kB (3.3 kB gzip)
// of the first load for the few lines we use. Our GCJ-02 inverse iterates to 1e-12° instead of
// gcoord's 1e-6° stop (≈ 0.1 m); BD-09 input keeps gcoord's path exactly.

import type { CoordinateSystem, Geometry, ParkFeatureCollection, Position } from './types';

/** Rough bounding box of China, the same one gcoord uses: outside it GCJ-02 equals WGS84. */
export const CHINA_BBOX = { west: 72.004, south: 0.8293, east: 137.8347, north: 55.8271 } as const;

export function isInChina(lon: number, lat: number): boolean {
  return (
    lon >= CHINA_BBOX.west &&
    lon <= CHINA_BBOX.east &&
    lat >= CHINA_BBOX.south &&
    lat <= CHINA_BBOX.north
  );
}

// GCJ-02: the Krasovsky 1940 ellipsoid and gcoord's e² (its last digits differ from the published
// 0.00669342162296594323; kept so the output stays gcoord's).
const KRASOVSKY_A = 6378245;
const KRASOVSKY_EE = 0.006693421622965823;
const BAIDU_FACTOR = (Math.PI * 3000.0) / 180.0;

function offsetLat(x: number, y: number): number {
  const { sin, sqrt, abs, PI } = Math;
  let ret = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * sqrt(abs(x));
  ret += ((20 * sin(6 * x * PI) + 20 * sin(2 * x * PI)) * 2) / 3;
  ret += ((20 * sin(y * PI) + 40 * sin((y / 3) * PI)) * 2) / 3;
  ret += ((160 * sin((y / 12) * PI) + 320 * sin((y * PI) / 30)) * 2) / 3;
  return ret;
}

function offsetLon(x: number, y: number): number {
  const { sin, sqrt, abs, PI } = Math;
  let ret = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * sqrt(abs(x));
  ret += ((20 * sin(6 * x * PI) + 20 * sin(2 * x * PI)) * 2) / 3;
  ret += ((20 * sin(x * PI) + 40 * sin((x / 3) * PI)) * 2) / 3;
  ret += ((150 * sin((x / 12) * PI) + 300 * sin((x / 30) * PI)) * 2) / 3;
  return ret;
}

/** WGS84 → GCJ-02 (the forward transform); unchanged outside China. */
function wgs84ToGcj02(lon: number, lat: number): [number, number] {
  if (!isInChina(lon, lat)) return [lon, lat];
  const radLat = (lat / 180) * Math.PI;
  const sinLat = Math.sin(radLat);
  const magic = 1 - KRASOVSKY_EE * sinLat * sinLat;
  const sqrtMagic = Math.sqrt(magic);
  const dLon =
    (offsetLon(lon - 105, lat - 35) * 180) /
    ((KRASOVSKY_A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  const dLat =
    (offsetLat(lon - 105, lat - 35) * 180) /
    (((KRASOVSKY_A * (1 - KRASOVSKY_EE)) / (magic * sqrtMagic)) * Math.PI);
  return [lon + dLon, lat + dLat];
}

/**
 * GCJ-02 → WGS84 by fixed-point iteration on the forward transform, to 1e-12° (≈ 0.1 µm).
 * gcoord's own inverse stops once within 1e-6° (≈ 0.1 m) and keeps that residue; two neighbouring
 * vertices may stop after different numbers of steps, which skews a small drawn parcel's area by
 * up to a few per mille. The offset changes slowly (its gradient is ~1e-3), so each step gains
 * about three digits: three or four steps suffice.
 */
function gcj02ToWgs84(lon: number, lat: number): [number, number] {
  let x = lon;
  let y = lat;
  for (let step = 0; step < 20; step += 1) {
    const [gx, gy] = wgs84ToGcj02(x, y);
    const dx = gx - lon;
    const dy = gy - lat;
    x -= dx;
    y -= dy;
    if (Math.abs(dx) < 1e-12 && Math.abs(dy) < 1e-12) break;
  }
  return [x, y];
}

/** gcoord's GCJ-02 → WGS84, stopping within 1e-6°: the BD-09 path, kept as gcoord computes it. */
function gcj02ToWgs84Coarse(lon: number, lat: number): [number, number] {
  if (!isInChina(lon, lat)) return [lon, lat];
  let x = lon;
  let y = lat;
  let [gx, gy] = wgs84ToGcj02(x, y);
  let dx = gx - lon;
  let dy = gy - lat;
  while (Math.abs(dx) > 1e-6 || Math.abs(dy) > 1e-6) {
    x -= dx;
    y -= dy;
    [gx, gy] = wgs84ToGcj02(x, y);
    dx = gx - lon;
    dy = gy - lat;
  }
  return [x, y];
}

function bd09ToGcj02(lon: number, lat: number): [number, number] {
  const x = lon - 0.0065;
  const y = lat - 0.006;
  const z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * BAIDU_FACTOR);
  const theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * BAIDU_FACTOR);
  return [z * Math.cos(theta), z * Math.sin(theta)];
}

function gcj02ToBd09(lon: number, lat: number): [number, number] {
  const z = Math.sqrt(lon * lon + lat * lat) + 0.00002 * Math.sin(lat * BAIDU_FACTOR);
  const theta = Math.atan2(lat, lon) + 0.000003 * Math.cos(lon * BAIDU_FACTOR);
  return [z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006];
}

/**
 * One position to WGS84, as a new array. Points outside China are returned unchanged (as gcoord
 * does for GCJ-02; it would shift BD-09 points everywhere). Extra dimensions (altitude) are kept.
 */
export function positionToWgs84(position: Position, from: CoordinateSystem): Position {
  const [lon, lat, ...rest] = position;
  if (from === 'wgs84' || lon === undefined || lat === undefined || !isInChina(lon, lat)) {
    return [...position];
  }
  const converted =
    from === 'gcj02' ? gcj02ToWgs84(lon, lat) : gcj02ToWgs84Coarse(...bd09ToGcj02(lon, lat));
  return [converted[0], converted[1], ...rest];
}

/**
 * One WGS84 position into another system, as a new array: what a basemap in GCJ-02 (AMap,
 * Tencent) needs the data shifted into to line up. Points outside China are returned unchanged.
 */
export function positionFromWgs84(position: Position, to: CoordinateSystem): Position {
  const [lon, lat, ...rest] = position;
  if (to === 'wgs84' || lon === undefined || lat === undefined || !isInChina(lon, lat)) {
    return [...position];
  }
  const gcj02 = wgs84ToGcj02(lon, lat);
  const converted = to === 'gcj02' ? gcj02 : gcj02ToBd09(...gcj02);
  return [converted[0], converted[1], ...rest];
}

/** A copy of a geometry with `convert` applied to every position. */
function mapPositions(geometry: Geometry, convert: (position: Position) => Position): Geometry {
  switch (geometry.type) {
    case 'Point':
      return { type: 'Point', coordinates: convert(geometry.coordinates) };
    case 'MultiPoint':
    case 'LineString':
      return { type: geometry.type, coordinates: geometry.coordinates.map(convert) };
    case 'MultiLineString':
    case 'Polygon':
      return {
        type: geometry.type,
        coordinates: geometry.coordinates.map((line) => line.map(convert)),
      };
    case 'MultiPolygon':
      return {
        type: 'MultiPolygon',
        coordinates: geometry.coordinates.map((polygon) =>
          polygon.map((ring) => ring.map(convert)),
        ),
      };
  }
}

/** A converted copy of a geometry. */
export function geometryToWgs84(geometry: Geometry, from: CoordinateSystem): Geometry {
  return mapPositions(geometry, (position) => positionToWgs84(position, from));
}

/** A copy of a WGS84 geometry in another system. */
export function geometryFromWgs84(geometry: Geometry, to: CoordinateSystem): Geometry {
  return mapPositions(geometry, (position) => positionFromWgs84(position, to));
}

/**
 * A deep copy of `collection` with every position in WGS84 and `coordinateSystem` set to
 * 'wgs84'. The input is not touched.
 */
export function toWgs84(
  collection: ParkFeatureCollection,
  from: CoordinateSystem,
): ParkFeatureCollection {
  const copy = structuredClone(collection);
  return {
    ...copy,
    coordinateSystem: 'wgs84',
    features: copy.features.map((feature) => ({
      ...feature,
      geometry: geometryToWgs84(feature.geometry, from),
    })),
  };
}
