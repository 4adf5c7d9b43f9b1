// Coordinate systems used by Chinese map providers (GCJ-02 for AMap/Tencent, BD-09 for Baidu),
// converted to WGS84 at load. The maths is gcoord's; this module only copies and guards.
//
// Why gcoord: small (≈3 kB gzip), kept up to date, typed, and its GCJ-02 inverse iterates to
// 1e-6° (≈0.1 m) instead of the one-step approximation many snippets use (off by up to ~2 m).
// It mutates GeoJSON in place, so only single positions are handed to it here.

import gcoord from 'gcoord';
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

const GCOORD_SYSTEM = {
  wgs84: gcoord.WGS84,
  gcj02: gcoord.GCJ02,
  bd09: gcoord.BD09,
} as const;

/**
 * One position to WGS84, as a new array. Points outside China are returned unchanged (gcoord
 * already does so for GCJ-02, but would shift BD-09 points everywhere). Extra dimensions
 * (altitude) are kept.
 */
export function positionToWgs84(position: Position, from: CoordinateSystem): Position {
  const [lon, lat, ...rest] = position;
  if (from === 'wgs84' || lon === undefined || lat === undefined || !isInChina(lon, lat)) {
    return [...position];
  }
  const converted =
    from === 'gcj02'
      ? gcj02ToWgs84(lon, lat)
      : gcoord.transform([lon, lat], GCOORD_SYSTEM[from], gcoord.WGS84);
  return [converted[0], converted[1], ...rest];
}

/**
 * GCJ-02 → WGS84 by fixed-point iteration on gcoord's forward transform, to 1e-12° (≈ 0.1 µm).
 * gcoord's own inverse stops once within 1e-6° (≈ 0.1 m) and keeps that residue; two neighbouring
 * vertices may stop after different numbers of steps, which skews a small drawn parcel's area by
 * up to a few per mille. The offset changes slowly (its gradient is ~1e-3), so each step gains
 * about three digits: three or four steps suffice.
 */
function gcj02ToWgs84(lon: number, lat: number): [number, number] {
  let x = lon;
  let y = lat;
  for (let step = 0; step < 20; step += 1) {
    const [gx, gy] = gcoord.transform([x, y], gcoord.WGS84, gcoord.GCJ02);
    const dx = gx - lon;
    const dy = gy - lat;
    x -= dx;
    y -= dy;
    if (Math.abs(dx) < 1e-12 && Math.abs(dy) < 1e-12) break;
  }
  return [x, y];
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
  const converted = gcoord.transform([lon, lat], gcoord.WGS84, GCOORD_SYSTEM[to]);
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
