// The measuring tools' drawing rules, pure: a sketch grows by clicks and ends on its last point
// (lines) or its first or last point (polygons); finished shapes are edited by moving, inserting or
// deleting vertices. Positions are in the map's display CRS; the caller projects them to pixels.
import type { Geometry, Position } from '../data/types.js';

export type ShapeKind = 'distance' | 'area';

export interface Pixel {
  x: number;
  y: number;
}

/** A finished shape: a line's points, or a polygon's ring without its closing repeat. */
export interface Shape {
  id: string;
  kind: ShapeKind;
  points: Position[];
}

/** The fewest points a finished line or polygon has. */
export const MIN_POINTS: Readonly<Record<ShapeKind, number>> = { distance: 2, area: 3 };

/** The digits kept of a clicked degree value (≈ 0.1 mm), as Terra Draw kept before. */
const PRECISION = 1e9;

export function roundPosition([lon, lat]: Position): Position {
  return [Math.round(lon! * PRECISION) / PRECISION, Math.round(lat! * PRECISION) / PRECISION];
}

function samePosition(a: Position | undefined, b: Position): boolean {
  return a !== undefined && a[0] === b[0] && a[1] === b[1];
}

/** The points with `point` added, unless it repeats the last one (nothing to measure there). */
export function addPoint(points: readonly Position[], point: Position): Position[] {
  return samePosition(points.at(-1), point) ? [...points] : [...points, point];
}

/**
 * Whether a click at `pointer` ends the sketch instead of adding a point: on its last point for a
 * line of two points or more (so a double-click ends it), on its first or last for a polygon of
 * three or more. `pixels` are the sketch's points on screen.
 */
export function closesSketch(
  kind: ShapeKind,
  pixels: readonly Pixel[],
  pointer: Pixel,
  maxPixels: number,
): boolean {
  if (pixels.length < MIN_POINTS[kind]) return false;
  const near = (pixel: Pixel | undefined) =>
    pixel !== undefined && distance(pixel, pointer) < maxPixels;
  return near(pixels.at(-1)) || (kind === 'area' && near(pixels[0]));
}

/**
 * The geometry of `points`: a LineString from two points, a closed counter-clockwise Polygon ring
 * from two (a sketch whose second point is still the pointer: no area yet), else null.
 */
export function geometryOf(kind: ShapeKind, points: readonly Position[]): Geometry | null {
  if (points.length < 2) return null;
  if (kind === 'distance') return { type: 'LineString', coordinates: points.map(copy) };
  const ring = signedArea(points) < 0 ? [...points].reverse() : [...points];
  return { type: 'Polygon', coordinates: [[...ring, ring[0]!].map(copy)] };
}

const copy = (position: Position): Position => [...position];

/** Twice the signed planar area of a ring (shoelace): positive when counter-clockwise. */
function signedArea(points: readonly Position[]): number {
  let sum = 0;
  points.forEach((point, index) => {
    const next = points[(index + 1) % points.length]!;
    sum += point[0]! * next[1]! - next[0]! * point[1]!;
  });
  return sum;
}

export function moveVertex(
  points: readonly Position[],
  index: number,
  position: Position,
): Position[] {
  return points.map((point, at) => (at === index ? position : point));
}

/** The points with `position` inserted as the vertex at `index`. */
export function insertVertex(
  points: readonly Position[],
  index: number,
  position: Position,
): Position[] {
  return [...points.slice(0, index), position, ...points.slice(index)];
}

/** The points without the vertex at `index`, or null if the shape would have too few left. */
export function deleteVertex(
  kind: ShapeKind,
  points: readonly Position[],
  index: number,
): Position[] | null {
  if (points.length <= MIN_POINTS[kind]) return null;
  return points.filter((_, at) => at !== index);
}

export interface VertexHit {
  shape: number;
  vertex: number;
}

/** The vertex nearest to `pointer` within `maxPixels`, over shapes given as screen pixels. */
export function vertexAt(
  shapes: readonly (readonly Pixel[])[],
  pointer: Pixel,
  maxPixels: number,
): VertexHit | null {
  let best: VertexHit | null = null;
  let bestDistance = maxPixels;
  shapes.forEach((pixels, shape) => {
    pixels.forEach((pixel, vertex) => {
      const away = distance(pixel, pointer);
      if (away < bestDistance) {
        bestDistance = away;
        best = { shape, vertex };
      }
    });
  });
  return best;
}

/**
 * The side nearest to `pointer` within `maxPixels`, as the index a vertex inserted into it takes
 * (`vertex`). Polygons (`closed`) have a side from their last point back to their first.
 */
export function sideAt(
  shapes: readonly { pixels: readonly Pixel[]; closed: boolean }[],
  pointer: Pixel,
  maxPixels: number,
): VertexHit | null {
  let best: VertexHit | null = null;
  let bestDistance = maxPixels;
  shapes.forEach(({ pixels, closed }, shape) => {
    const sides = closed ? pixels.length : pixels.length - 1;
    for (let side = 0; side < sides; side++) {
      const away = distanceToSegment(pointer, pixels[side]!, pixels[(side + 1) % pixels.length]!);
      if (away < bestDistance) {
        bestDistance = away;
        best = { shape, vertex: side + 1 };
      }
    }
  });
  return best;
}

function distance(a: Pixel, b: Pixel): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

function distanceToSegment(point: Pixel, start: Pixel, end: Pixel): number {
  const dx = end.x - start.x;
  const dy = end.y - start.y;
  const lengthSquared = dx * dx + dy * dy;
  const along =
    lengthSquared === 0
      ? 0
      : Math.max(
          0,
          Math.min(1, ((point.x - start.x) * dx + (point.y - start.y) * dy) / lengthSquared),
        );
  return distance(point, { x: start.x + along * dx, y: start.y + along * dy });
}
