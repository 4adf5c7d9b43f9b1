// measure(geometry): geodesic length, area and perimeter on the WGS84 ellipsoid for the public
// `measure()` method and the drawing tools. Pure; the maths is in geodesic.ts.

import type { Geometry, Position } from '../data/types.js';
import { geodesicArea, geodesicLength, geodesicPerimeter } from './geodesic.js';

export interface Measurement {
  /** Length in metres: of the line(s), or of the polygon's boundary (= perimeterM). */
  lengthM: number;
  /** Area in m² (outer rings minus holes); 0 for lines. */
  areaM2: number;
  /** Boundary length in metres of the polygon(s), holes included; 0 for lines. */
  perimeterM: number;
}

function polygonMeasurement(polygons: readonly (readonly Position[][])[]): Measurement {
  let areaM2 = 0;
  let perimeterM = 0;
  for (const rings of polygons) {
    areaM2 += geodesicArea(rings);
    perimeterM += geodesicPerimeter(rings);
  }
  return { lengthM: perimeterM, areaM2, perimeterM };
}

/**
 * Measures a LineString, MultiLineString, Polygon or MultiPolygon ([lon, lat] in WGS84 degrees)
 * along geodesics of the WGS84 ellipsoid. Multi-geometries sum their parts.
 * @throws Error for Point and MultiPoint, which have nothing to measure.
 */
export function measure(geometry: Geometry): Measurement {
  // Checked at run time too: the public method is called from plain JavaScript.
  if (typeof geometry !== 'object' || geometry === null) throw unmeasurable(geometry);
  switch (geometry.type) {
    case 'LineString':
      return { lengthM: geodesicLength(geometry.coordinates), areaM2: 0, perimeterM: 0 };
    case 'MultiLineString':
      return {
        lengthM: geometry.coordinates.reduce((sum, line) => sum + geodesicLength(line), 0),
        areaM2: 0,
        perimeterM: 0,
      };
    case 'Polygon':
      return polygonMeasurement([geometry.coordinates]);
    case 'MultiPolygon':
      return polygonMeasurement(geometry.coordinates);
    default:
      throw unmeasurable(geometry);
  }
}

function unmeasurable(value: unknown): Error {
  const got =
    typeof value === 'object' && value !== null && 'type' in value
      ? String(value.type)
      : String(value);
  return new Error(`<park-map>: measure() takes a LineString or Polygon (or Multi…); got ${got}.`);
}
