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
  const converted = gcoord.transform([lon, lat], GCOORD_SYSTEM[from], gcoord.WGS84);
  return [converted[0], converted[1], ...rest];
}

/** A converted copy of a geometry. */
export function geometryToWgs84(geometry: Geometry, from: CoordinateSystem): Geometry {
  const convert = (position: Position): Position => positionToWgs84(position, from);
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
