// The swept ring checks against the all-pairs loops they replaced, on many random
// rings: they must name the same pair of segments and the same point, or both find nothing.
import { describe, expect, test } from 'vitest';
import { mulberry32 } from '../../bench/generate';
import type { Position } from '../../src/data/types';
import {
  SWEEP_FROM,
  findRingsIntersection,
  findSelfIntersection,
  ringsIntersectionAllPairs,
  ringsIntersectionSwept,
  segments,
  selfIntersectionAllPairs,
  selfIntersectionSwept,
} from '../../src/data/validate/intersections';
import { validateParkData } from '../../src/data/validate/index.js';

const close = (ring: Position[]): Position[] => [...ring, [...(ring[0] as Position)]];

/** Positions on a small integer grid: exact arithmetic, and many collinear, touching and repeated points. */
function gridRing(random: () => number, size: number, grid: number): Position[] {
  const ring: Position[] = [];
  for (let i = 0; i < size; i++) {
    // Now and then the same point twice (a zero-length segment) or the one before last (going back).
    const roll = random();
    if (roll < 0.05 && ring.length > 0) ring.push([...(ring[ring.length - 1] as Position)]);
    else if (roll < 0.08 && ring.length > 1) ring.push([...(ring[ring.length - 2] as Position)]);
    else ring.push([Math.floor(random() * grid), Math.floor(random() * grid)]);
  }
  return close(ring);
}

/** Star-shaped around a centre (simple), with a few vertices thrown outwards or across (crossings). */
function starRing(random: () => number, size: number, spikes: number): Position[] {
  const [cx, cy] = [112.6 + random() * 0.1, 26.9 + random() * 0.1];
  const ring: Position[] = [];
  for (let i = 0; i < size; i++) {
    const angle = ((i + (random() - 0.5) * 0.6) / size) * Math.PI * 2;
    const r = 0.001 * (1 + 0.2 * Math.sin(5 * angle) + (random() - 0.5) * 0.05);
    ring.push([cx + Math.cos(angle) * r, cy + Math.sin(angle) * r]);
  }
  for (let s = 0; s < spikes; s++) {
    const i = Math.floor(random() * size);
    const angle = random() * Math.PI * 2;
    ring[i] = [cx + Math.cos(angle) * 0.0012, cy + Math.sin(angle) * 0.0012];
  }
  return close(ring);
}

/** A grid of axis-parallel steps: long collinear runs, vertices on other segments. */
function staircaseRing(random: () => number, size: number): Position[] {
  const ring: Position[] = [[0, 0]];
  let [x, y] = [0, 0];
  for (let i = 1; i < size; i++) {
    if (random() < 0.5) x += Math.floor(random() * 5) - 2;
    else y += Math.floor(random() * 5) - 2;
    ring.push([x, y]);
  }
  return close(ring);
}

function expectSameSelf(ring: Position[]): boolean {
  const list = segments(ring);
  const reference = selfIntersectionAllPairs(list);
  expect(selfIntersectionSwept(list)).toEqual(reference);
  expect(findSelfIntersection(ring)).toEqual(reference);
  return reference !== undefined;
}

function expectSameRings(first: Position[], second: Position[]): boolean {
  const a = segments(first);
  const b = segments(second);
  const reference = ringsIntersectionAllPairs(a, b);
  expect(ringsIntersectionSwept(a, b)).toEqual(reference);
  expect(findRingsIntersection(first, second)).toEqual(reference);
  return reference !== undefined;
}

describe('ring intersections: the sweep agrees with all pairs', () => {
  test('random rings on a small grid (collinear, touching, repeated points)', () => {
    const random = mulberry32(17);
    let found = 0;
    let clean = 0;
    for (let k = 0; k < 1500; k++) {
      const size = 3 + Math.floor(random() * 90);
      // Coarse grids cross almost always; a fine grid with few points leaves some rings clean.
      const grid = k % 3 === 0 ? 4 : k % 3 === 1 ? 12 : 1000;
      const ring = gridRing(random, k % 3 === 2 ? 3 + (size % 4) : size, grid);
      if (expectSameSelf(ring)) found++;
      else clean++;
    }
    expect(found).toBeGreaterThan(500);
    expect(clean).toBeGreaterThan(50);
  });

  test('staircases: long collinear runs and vertices lying on other segments', () => {
    const random = mulberry32(23);
    let found = 0;
    for (let k = 0; k < 400; k++) if (expectSameSelf(staircaseRing(random, 4 + (k % 120)))) found++;
    expect(found).toBeGreaterThan(100);
  });

  test('star-shaped parcels, clean and with crossing spikes, up to 1 500 positions', () => {
    const random = mulberry32(29);
    let found = 0;
    let clean = 0;
    for (let k = 0; k < 160; k++) {
      const size = [12, SWEEP_FROM, 200, 750, 1500][k % 5] as number;
      if (expectSameSelf(starRing(random, size, k % 4 === 0 ? 0 : 1 + (k % 3)))) found++;
      else clean++;
    }
    expect(found).toBeGreaterThan(40);
    expect(clean).toBeGreaterThan(30);
  });

  test('a ring that crosses itself many times: the first pair is the all-pairs loop’s first', () => {
    const random = mulberry32(31);
    for (let k = 0; k < 20; k++) expect(expectSameSelf(starRing(random, 750, 60))).toBe(true);
  });

  test('wholly collinear and back-and-forth rings', () => {
    expect(
      expectSameSelf(
        close([
          [0, 0],
          [1, 0],
          [2, 0],
          [3, 0],
          [1, 0],
        ]),
      ),
    ).toBe(true);
    const longLine = Array.from({ length: 100 }, (_, i): Position => [i < 50 ? i : 99 - i, 0]);
    expect(expectSameSelf(close(longLine))).toBe(true);
    // A square whose corner touches the far side (a pinch), and one that is clean.
    expect(
      expectSameSelf(
        close([
          [0, 0],
          [4, 0],
          [4, 4],
          [2, 0],
          [0, 4],
        ]),
      ),
    ).toBe(true);
    expect(
      expectSameSelf(
        close([
          [0, 0],
          [4, 0],
          [4, 4],
          [0, 4],
        ]),
      ),
    ).toBe(false);
  });

  test('pairs of rings: holes inside, touching, crossing, apart', () => {
    const random = mulberry32(37);
    let found = 0;
    let clean = 0;
    for (let k = 0; k < 600; k++) {
      const big = k % 4 === 0;
      const first = big ? starRing(random, 300, 0) : gridRing(random, 3 + (k % 40), 30);
      const second =
        k % 2 === 0 ? gridRing(random, 3 + (k % 70), 30) : staircaseRing(random, 3 + (k % 90));
      if (expectSameRings(first, second)) found++;
      else clean++;
      if (expectSameRings(second, first)) found++;
      else clean++;
    }
    expect(found).toBeGreaterThan(200);
    expect(clean).toBeGreaterThan(200);
  });

  test('a 750-position parcel through validation: the same crossing reported as before', () => {
    const random = mulberry32(41);
    const ring = starRing(random, 750, 1);
    const reference = selfIntersectionAllPairs(segments(ring));
    expect(reference).toBeDefined();
    const result = validateParkData({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: 'plot1',
          geometry: { type: 'Polygon', coordinates: [ring] },
          properties: { kind: 'plot', name: '1号地块' },
        },
      ],
    });
    const issue = result.errors.find((candidate) => candidate.code === 'self-intersection');
    expect(issue?.params).toMatchObject({
      segmentA: reference!.a + 1,
      segmentB: reference!.b + 1,
      lon: Math.round((reference!.point[0] as number) * 1e6) / 1e6,
      lat: Math.round((reference!.point[1] as number) * 1e6) / 1e6,
    });
  });
});
