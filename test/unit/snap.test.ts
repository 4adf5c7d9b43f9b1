// Vertex snapping: the nearest park/plot/building vertex within the pixel radius, never a zone's.
import { describe, expect, it } from 'vitest';
import { buildVertexIndex, nearestVertex } from '../../src/measure/snap.js';
import type { ParkFeature } from '../../src/data/types.js';
import { squarePolygon } from '../fixtures/shapes.js';

function square(
  id: string,
  kind: ParkFeature['properties']['kind'],
  west: number,
  south: number,
  size: number,
): ParkFeature {
  return {
    type: 'Feature',
    id,
    geometry: squarePolygon(west, south, size),
    properties: { kind, name: id },
  };
}

// A plain linear "projection": 100 000 px per degree, y down (1 px = 0.00001°).
const project = (lng: number, lat: number) => ({ x: lng * 100_000, y: -lat * 100_000 });

describe('nearestVertex', () => {
  const index = buildVertexIndex([
    square('zone', 'zone', 112.5, 26.8, 0.2),
    square('plot', 'plot', 112.6, 26.9, 0.001),
  ]);

  it('snaps to a plot corner 5 px away', () => {
    const pointer = [112.60005, 26.90003];
    expect(nearestVertex(index, pointer, project(pointer[0]!, pointer[1]!), project, 12)).toEqual([
      112.6, 26.9,
    ]);
  });

  it('does not snap beyond the radius (13 px from the nearest corner)', () => {
    // 0.00013° east of the corner = 13 px.
    const pointer = [112.60013, 26.9];
    expect(
      nearestVertex(index, pointer, project(pointer[0]!, pointer[1]!), project, 12),
    ).toBeUndefined();
  });

  it('never snaps to a zone vertex, however close', () => {
    const pointer = [112.50001, 26.80001];
    expect(
      nearestVertex(index, pointer, project(pointer[0]!, pointer[1]!), project, 12),
    ).toBeUndefined();
  });

  it('picks the nearer of two corners across a cell boundary', () => {
    // Corners at 112.601 (east side) and 112.600; the pointer is 2 px from the east corner.
    const pointer = [112.60098, 26.9];
    expect(nearestVertex(index, pointer, project(pointer[0]!, pointer[1]!), project, 12)).toEqual([
      112.601, 26.9,
    ]);
  });
});
