// The seed data's approximate geometry against the rivers of the offline ground
// (data/context/central-hunan.json, GSHHG lines): no outline of ours may cross a river, and the
// Hengyang zone with everything in it lies west of the Xiang (湘江), where the real 衡阳国家高新区 is.
// No geometry library in node_modules does line–polygon intersection (no @turf), so the test
// computes it itself: a segment–segment crossing test, and a ray cast for "inside" and "west of".
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ParkFeature, ParkFeatureCollection, Position } from '../../src/data/types';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const readJson = (file: string): unknown => JSON.parse(readFileSync(path.join(repo, file), 'utf8'));

const data = readJson('data/parks.geojson') as ParkFeatureCollection;
interface GroundFeature {
  properties: { kind: string; name?: string };
  geometry: { type: string; coordinates: unknown };
}
const ground = readJson('data/context/central-hunan.json') as { features: GroundFeature[] };

const rivers = ground.features
  .filter((f) => f.properties.kind === 'river' && f.geometry.type === 'LineString')
  .map((f) => f.geometry.coordinates as Position[]);
const town = (name: string): Position => {
  const f = ground.features.find(
    (g) => g.properties.kind === 'place' && g.properties.name === name,
  );
  if (!f) throw new Error(`central-hunan.json: no town ${name}`);
  return f.geometry.coordinates as Position;
};

/** Orientation of r relative to p→q: >0 left, <0 right, 0 on the line. */
const orient = (p: Position, q: Position, r: Position): number =>
  (q[0]! - p[0]!) * (r[1]! - p[1]!) - (q[1]! - p[1]!) * (r[0]! - p[0]!);

/** Do segments ab and cd cross or touch? */
export function segmentsMeet(a: Position, b: Position, c: Position, d: Position): boolean {
  const d1 = orient(c, d, a);
  const d2 = orient(c, d, b);
  const d3 = orient(a, b, c);
  const d4 = orient(a, b, d);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)))
    return true;
  const within = (p: Position, q: Position, r: Position) =>
    Math.min(p[0]!, q[0]!) <= r[0]! &&
    r[0]! <= Math.max(p[0]!, q[0]!) &&
    Math.min(p[1]!, q[1]!) <= r[1]! &&
    r[1]! <= Math.max(p[1]!, q[1]!);
  return (
    (d1 === 0 && within(c, d, a)) ||
    (d2 === 0 && within(c, d, b)) ||
    (d3 === 0 && within(a, b, c)) ||
    (d4 === 0 && within(a, b, d))
  );
}

/** Ray cast: is p inside the closed ring? */
export function insideRing(p: Position, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi! > p[1]! !== yj! > p[1]! && p[0]! < ((xj! - xi!) * (p[1]! - yi!)) / (yj! - yi!) + xi!)
      inside = !inside;
  }
  return inside;
}

/** Does the line cross the ring's edge or run inside it? */
export function lineMeetsRing(line: Position[], ring: Position[]): boolean {
  for (let i = 0; i + 1 < line.length; i++)
    for (let j = 0; j + 1 < ring.length; j++)
      if (segmentsMeet(line[i]!, line[i + 1]!, ring[j]!, ring[j + 1]!)) return true;
  return line.some((p) => insideRing(p, ring));
}

/** How many times a ray from p due east crosses the line: odd means p is west of it there. */
function crossingsEast(p: Position, line: Position[]): number {
  let n = 0;
  for (let i = 0; i + 1 < line.length; i++) {
    const [x1, y1] = line[i]!;
    const [x2, y2] = line[i + 1]!;
    if (y1! > p[1]! !== y2! > p[1]! && p[0]! < ((x2! - x1!) * (p[1]! - y1!)) / (y2! - y1!) + x1!)
      n++;
  }
  return n;
}

const dist2 = (a: Position, b: Position) => (a[0]! - b[0]!) ** 2 + (a[1]! - b[1]!) ** 2;
const nearestTo = (line: Position[], p: Position) => Math.min(...line.map((q) => dist2(q, p)));
/** The Xiang: the river line that passes both Hengyang and Xiangtan (within ~3 km of each). */
const xiang = rivers.find(
  (l) => nearestTo(l, town('衡阳')) < 0.03 ** 2 && nearestTo(l, town('湘潭')) < 0.03 ** 2,
);

const byId = new Map(data.features.map((f) => [f.id, f]));
function zoneOf(f: ParkFeature): string {
  let at: ParkFeature | undefined = f;
  while (at?.properties.parent) at = byId.get(at.properties.parent);
  return String(at?.id);
}
function points(f: ParkFeature): Position[] {
  const g = f.geometry;
  if (g.type === 'Point') return [g.coordinates];
  if (g.type === 'Polygon') return g.coordinates[0] ?? [];
  if (g.type === 'MultiPolygon') return g.coordinates.flatMap((p) => p[0] ?? []);
  return [];
}

describe('segment and ring helpers', () => {
  const square: Position[] = [
    [0, 0],
    [1, 0],
    [1, 1],
    [0, 1],
    [0, 0],
  ];
  it('find a line through a square, one inside it, and none beside it', () => {
    expect(
      lineMeetsRing(
        [
          [-1, 0.5],
          [2, 0.5],
        ],
        square,
      ),
    ).toBe(true);
    expect(
      lineMeetsRing(
        [
          [0.2, 0.2],
          [0.8, 0.8],
        ],
        square,
      ),
    ).toBe(true);
    expect(
      lineMeetsRing(
        [
          [-1, -1],
          [-1, 2],
          [2, 2],
        ],
        square,
      ),
    ).toBe(false);
  });
});

describe('seed geometry and the rivers of the offline ground', () => {
  it('the ground has its rivers and the Xiang is among them', () => {
    expect(rivers.length).toBeGreaterThan(10);
    expect(xiang).toBeDefined();
  });

  it('no outline of the seed data crosses a river', () => {
    const crossing = data.features.flatMap((f) => {
      const g = f.geometry;
      const rings =
        g.type === 'Polygon'
          ? g.coordinates.slice(0, 1)
          : g.type === 'MultiPolygon'
            ? g.coordinates.map((p) => p[0] ?? [])
            : [];
      return rings.some((ring) => rivers.some((line) => lineMeetsRing(line, ring))) ? [f.id] : [];
    });
    expect(crossing).toEqual([]);
  });

  it('the Hengyang zone and every feature in it lie west of the Xiang', () => {
    const hengyang = data.features.filter((f) => zoneOf(f) === 'hy-zone');
    expect(hengyang.length).toBeGreaterThan(90);
    const east = hengyang.filter((f) => points(f).some((p) => crossingsEast(p, xiang!) % 2 === 0));
    expect(east.map((f) => f.id)).toEqual([]);
  });
});
