// The drawing rules of the measuring tools: points added, sketches closed, vertices moved,
// inserted and deleted, and what the pointer is on, in screen pixels. Values worked by hand.
import { describe, expect, it } from 'vitest';
import {
  addPoint,
  closesSketch,
  deleteVertex,
  geometryOf,
  insertVertex,
  moveVertex,
  roundPosition,
  sideAt,
  vertexAt,
} from '../../src/measure/draw.js';

const A = [112.6, 26.9];
const B = [112.61, 26.9];
const C = [112.61, 26.91];
const D = [112.6, 26.91];

describe('addPoint', () => {
  it('adds a point at the end, leaving its input alone', () => {
    const points = [A];
    expect(addPoint(points, B)).toEqual([A, B]);
    expect(points).toEqual([A]);
  });

  it('skips a point that repeats the last (the second click of a double-click)', () => {
    expect(addPoint([A, B], [112.61, 26.9])).toEqual([A, B]);
  });
});

describe('roundPosition', () => {
  it('keeps nine decimals', () => {
    expect(roundPosition([112.1234567894, 26.9876543216])).toEqual([112.123456789, 26.987654322]);
  });
});

describe('closesSketch', () => {
  const pixels = [
    { x: 0, y: 0 },
    { x: 100, y: 0 },
    { x: 100, y: 100 },
  ];

  it('a line ends on a click near its last point, not its first', () => {
    expect(closesSketch('distance', pixels, { x: 103, y: 96 }, 10)).toBe(true); // 5 px away
    expect(closesSketch('distance', pixels, { x: 3, y: 4 }, 10)).toBe(false);
  });

  it('a polygon ends on a click near its first or last point', () => {
    expect(closesSketch('area', pixels, { x: 3, y: 4 }, 10)).toBe(true);
    expect(closesSketch('area', pixels, { x: 106, y: 108 }, 10)).toBe(false); // exactly 10 px
    expect(closesSketch('area', pixels, { x: 106, y: 107 }, 10)).toBe(true);
  });

  it('needs two points for a line and three for a polygon', () => {
    expect(closesSketch('distance', pixels.slice(0, 1), { x: 0, y: 0 }, 10)).toBe(false);
    expect(closesSketch('distance', pixels.slice(0, 2), { x: 100, y: 0 }, 10)).toBe(true);
    expect(closesSketch('area', pixels.slice(0, 2), { x: 0, y: 0 }, 10)).toBe(false);
  });
});

describe('geometryOf', () => {
  it('a line from two points, nothing from one', () => {
    expect(geometryOf('distance', [A])).toBeNull();
    expect(geometryOf('distance', [A, B, C])).toEqual({
      type: 'LineString',
      coordinates: [A, B, C],
    });
  });

  it('a closed ring, counter-clockwise whichever way it was clicked', () => {
    const ring = { type: 'Polygon', coordinates: [[A, B, C, D, A]] };
    expect(geometryOf('area', [A, B, C, D])).toEqual(ring);
    expect(geometryOf('area', [D, C, B, A])).toEqual({
      type: 'Polygon',
      coordinates: [[A, B, C, D, A]],
    });
  });

  it('a polygon sketch of two points is a ring with no area yet', () => {
    expect(geometryOf('area', [A, B])).toEqual({ type: 'Polygon', coordinates: [[A, B, A]] });
  });
});

describe('editing vertices', () => {
  it('moves one vertex', () => {
    expect(moveVertex([A, B, C], 1, D)).toEqual([A, D, C]);
  });

  it('inserts a vertex at an index', () => {
    expect(insertVertex([A, B, C], 1, D)).toEqual([A, D, B, C]);
    expect(insertVertex([A, B, C], 3, D)).toEqual([A, B, C, D]);
  });

  it('deletes a vertex while enough are left', () => {
    expect(deleteVertex('area', [A, B, C, D], 0)).toEqual([B, C, D]);
    expect(deleteVertex('area', [A, B, C], 0)).toBeNull();
    expect(deleteVertex('distance', [A, B, C], 2)).toEqual([A, B]);
    expect(deleteVertex('distance', [A, B], 1)).toBeNull();
  });
});

describe('vertexAt', () => {
  const shapes = [
    [
      { x: 0, y: 0 },
      { x: 50, y: 0 },
    ],
    [
      { x: 58, y: 0 },
      { x: 200, y: 0 },
    ],
  ];

  it('the nearest vertex over every shape', () => {
    expect(vertexAt(shapes, { x: 53, y: 4 }, 10)).toEqual({ shape: 0, vertex: 1 }); // 5 px
    expect(vertexAt(shapes, { x: 55, y: 4 }, 10)).toEqual({ shape: 1, vertex: 0 }); // 5 px vs 6.4
  });

  it('none beyond the radius', () => {
    expect(vertexAt(shapes, { x: 120, y: 0 }, 10)).toBeNull();
  });
});

describe('sideAt', () => {
  const square = [
    { x: 0, y: 0 },
    { x: 100, y: 0 },
    { x: 100, y: 100 },
    { x: 0, y: 100 },
  ];

  it('the side under the pointer, as the index a vertex inserted there takes', () => {
    expect(sideAt([{ pixels: square, closed: false }], { x: 50, y: 3 }, 10)).toEqual({
      shape: 0,
      vertex: 1,
    });
    expect(sideAt([{ pixels: square, closed: false }], { x: 97, y: 60 }, 10)).toEqual({
      shape: 0,
      vertex: 2,
    });
  });

  it('a polygon has a side from its last point back to its first; a line has not', () => {
    expect(sideAt([{ pixels: square, closed: true }], { x: -4, y: 50 }, 10)).toEqual({
      shape: 0,
      vertex: 4,
    });
    expect(sideAt([{ pixels: square, closed: false }], { x: -4, y: 50 }, 10)).toBeNull();
  });

  it('measures to the nearer end beyond a side', () => {
    // 6 px right and 8 px above the end of the first side: 10 px away, not within.
    expect(
      sideAt([{ pixels: square.slice(0, 2), closed: false }], { x: 106, y: -8 }, 10),
    ).toBeNull();
    expect(sideAt([{ pixels: square.slice(0, 2), closed: false }], { x: 106, y: -7 }, 10)).toEqual({
      shape: 0,
      vertex: 1,
    });
  });
});
