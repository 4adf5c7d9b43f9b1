// Geometry checks: positions (numbers, ranges, swapped or projected coordinates), lines, rings
// (closed, long enough, not crossing themselves or each other) and RFC 7946 winding.
import { isInChina } from '../coords.js';
import { guessProjected } from '../crs/known.js';
import type { Geometry, Position } from '../types.js';
import { findRingsIntersection, findSelfIntersection, samePoint } from './intersections.js';
import { displayValue, isRecord, type Params } from './shared.js';

type GeometryAdd = (path: string, code: string, params?: Params) => void;

const WEB_MERCATOR_MAX = 20037508.342789244;
const GK_EASTING_MAX = 46e6;
/** Beyond this latitude Web Mercator (and so MapLibre) shows nothing. */
export const MERCATOR_MAX_LAT = 85.051129;

export function checkGeometry(raw: unknown, path: string, add: GeometryAdd): Geometry | undefined {
  if (raw === null || raw === undefined) {
    add(path, 'missing-geometry');
    return undefined;
  }
  if (!isRecord(raw)) {
    add(path, 'unsupported-geometry', { type: displayValue(raw) });
    return undefined;
  }
  const type = raw['type'];
  const depth = typeof type === 'string' ? GEOMETRY_DEPTH.get(type) : undefined;
  if (depth === undefined) {
    add(`${path}.type`, 'unsupported-geometry', { type: displayValue(type) });
    return undefined;
  }
  const coordinatesPath = `${path}.coordinates`;
  const rawCoordinates = raw['coordinates'];
  if (!Array.isArray(rawCoordinates) || rawCoordinates.length === 0) {
    add(coordinatesPath, 'empty-geometry');
    return undefined;
  }

  // Copy positions (numbers only), checking the nesting on the way. Paths are written only for
  // a problem: a million vertices need no million path strings (`trail` holds the indices).
  const positions: Position[] = [];
  const trail: number[] = [];
  const here = (): string => `${coordinatesPath}${trail.map((i) => `[${i}]`).join('')}`;
  let broken = false;
  const copy = (value: unknown, level: number): unknown => {
    if (broken) return undefined;
    if (level === 0) {
      if (
        !Array.isArray(value) ||
        value.length < 2 ||
        !value.every((n) => typeof n === 'number' && Number.isFinite(n))
      ) {
        add(here(), 'invalid-position');
        broken = true;
        return undefined;
      }
      const position = [...(value as number[])];
      positions.push(position);
      return position;
    }
    if (!Array.isArray(value)) {
      add(here(), 'invalid-position');
      broken = true;
      return undefined;
    }
    if (value.length === 0) {
      add(here(), 'empty-geometry');
      broken = true;
      return undefined;
    }
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      trail.push(i);
      out[i] = copy(value[i], level - 1);
      trail.pop();
    }
    return out;
  };
  const coordinates = copy(rawCoordinates, depth);
  if (broken) return undefined;

  if (
    !checkRanges(
      positions,
      add,
      (position) => pathOf(coordinates, position, coordinatesPath) ?? coordinatesPath,
    )
  )
    return undefined;

  const geometry = { type, coordinates } as Geometry;
  switch (geometry.type) {
    case 'LineString':
      return checkLine(geometry.coordinates, coordinatesPath, add) ? geometry : undefined;
    case 'MultiLineString':
      return geometry.coordinates.every((line, i) =>
        checkLine(line, `${coordinatesPath}[${i}]`, add),
      )
        ? geometry
        : undefined;
    case 'Polygon': {
      const rings = checkPolygon(geometry.coordinates, coordinatesPath, add);
      return rings ? { type: 'Polygon', coordinates: rings } : undefined;
    }
    case 'MultiPolygon': {
      const polygons = geometry.coordinates.map((polygon, i) =>
        checkPolygon(polygon, `${coordinatesPath}[${i}]`, add),
      );
      return polygons.every((p) => p !== undefined)
        ? { type: 'MultiPolygon', coordinates: polygons as Position[][][] }
        : undefined;
    }
    default:
      return geometry;
  }
}

const GEOMETRY_DEPTH = new Map<string, number>([
  ['Point', 0],
  ['MultiPoint', 1],
  ['LineString', 1],
  ['MultiLineString', 2],
  ['Polygon', 2],
  ['MultiPolygon', 3],
]);

/** The path of `target` (found by identity) inside nested coordinate arrays. */
function pathOf(node: unknown, target: Position, at: string): string | undefined {
  if (node === target) return at;
  if (!Array.isArray(node)) return undefined;
  for (let i = 0; i < node.length; i++) {
    const found = pathOf(node[i], target, `${at}[${i}]`);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Longitude/latitude ranges. When a position is off, all positions of the feature decide why:
 * all within Web Mercator's metre range → projected metres; all valid once swapped → swapped;
 * otherwise simply out of range. Reports the first offending position only.
 */
function checkRanges(
  positions: Position[],
  add: GeometryAdd,
  pathOfPosition: (position: Position) => string,
): boolean {
  const offending = positions.find(([lon = 0, lat = 0]) => {
    if (Math.abs(lon) > 180 || Math.abs(lat) > 90) return true;
    // [lat, lon] of a place in western China (lon 73–90) is in range but near the pole.
    return Math.abs(lat) > MERCATOR_MAX_LAT && isInChina(lat, lon);
  });
  if (!offending) return true;
  const [x = 0, y = 0] = offending;
  const offendingPath = pathOfPosition(offending);
  // Metres: Web Mercator's range, or Gauss–Krüger eastings with the zone number (up to 45.7 ×10⁶).
  const inMetres = positions.every(
    ([a = 0, b = 0]) => Math.abs(a) <= GK_EASTING_MAX && Math.abs(b) <= WEB_MERCATOR_MAX,
  );
  const swappable = positions.every(([a = 0, b = 0]) => Math.abs(a) <= 90 && Math.abs(b) <= 180);
  // Metres in China run to millions; a value of a few hundred is a typo, not a projection. What
  // system they are in is guessed from their sizes (crs/known.ts), never turned into a point.
  if (inMetres && Math.max(Math.abs(x), Math.abs(y)) > 1000) {
    const guess = guessProjected(x, y);
    const params: Params = { x, y, guess: guess.kind };
    if (guess.kind === 'web-mercator') params['code'] = `EPSG:${guess.code}`;
    if (guess.kind === 'gk-zone') {
      Object.assign(params, {
        code: `EPSG:${guess.code}`,
        width: guess.width,
        zone: guess.zone,
        cm: guess.cm,
      });
    }
    add(offendingPath, 'projected-coordinates', params);
  } else if (swappable) {
    add(offendingPath, 'swapped-coordinates', { lon: y, lat: x });
  } else {
    add(offendingPath, 'coordinate-out-of-range', { lon: x, lat: y });
  }
  return false;
}

function checkLine(line: Position[], path: string, add: GeometryAdd): boolean {
  if (line.length < 2) {
    add(path, 'line-too-short');
    return false;
  }
  return true;
}

/** Checks rings; returns them closed (a copy), or undefined when the polygon is unusable. */
function checkPolygon(
  rings: Position[][],
  path: string,
  add: GeometryAdd,
): Position[][] | undefined {
  const closed: Position[][] = [];
  let usable = true;
  rings.forEach((ring, r) => {
    const ringPath = `${path}[${r}]`;
    const first = ring[0] as Position;
    const last = ring[ring.length - 1] as Position;
    let copy = ring;
    if (!samePoint(first, last)) {
      add(ringPath, 'ring-not-closed');
      copy = [...ring, [...first]];
    }
    const distinct = dedupe(copy).length - 1;
    if (distinct < 3) {
      add(ringPath, 'ring-too-short', { count: distinct });
      usable = false;
      return;
    }
    const crossing = findSelfIntersection(copy);
    if (crossing) {
      add(ringPath, 'self-intersection', {
        lon: round(crossing.point[0] ?? 0, 6),
        lat: round(crossing.point[1] ?? 0, 6),
        segmentA: crossing.a + 1,
        segmentB: crossing.b + 1,
      });
      usable = false;
      return;
    }
    closed.push(copy);
  });
  if (!usable) return undefined;
  // Between rings: a hole must not cross the outline or another hole. (Holes lying wholly
  // outside the outline are not detected yet.)
  for (let r = 0; r < closed.length; r++) {
    for (let s = r + 1; s < closed.length; s++) {
      const crossing = findRingsIntersection(closed[r] as Position[], closed[s] as Position[]);
      if (crossing) {
        add(`${path}[${s}]`, 'rings-intersect', {
          ring: r + 1,
          otherRing: s + 1,
          lon: round(crossing[0] ?? 0, 6),
          lat: round(crossing[1] ?? 0, 6),
        });
        return undefined;
      }
    }
  }
  return closed;
}

function dedupe(ring: Position[]): Position[] {
  return ring.filter((p, i) => i === 0 || !samePoint(p, ring[i - 1] as Position));
}

/** Twice the signed area (shoelace), positive when counter-clockwise. */
function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x1 = 0, y1 = 0] = ring[i] as Position;
    const [x2 = 0, y2 = 0] = ring[i + 1] as Position;
    sum += x1 * y2 - x2 * y1;
  }
  return sum;
}

/** Ring `r` of a polygon wound as RFC 7946 says: the outer one (0) counter-clockwise, holes not. */
export function orientRing(ring: Position[], r: number): Position[] {
  const ccw = signedArea(ring) > 0;
  return (r === 0) === ccw ? ring : [...ring].reverse();
}

/** RFC 7946 winding: outer rings counter-clockwise, holes clockwise (input may be either). */
export function fixWinding(geometry: Geometry): Geometry {
  const orient = (rings: Position[][]): Position[][] => rings.map(orientRing);
  if (geometry.type === 'Polygon')
    return { type: 'Polygon', coordinates: orient(geometry.coordinates) };
  if (geometry.type === 'MultiPolygon') {
    return { type: 'MultiPolygon', coordinates: geometry.coordinates.map(orient) };
  }
  return geometry;
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
