// measure(): the public method's shapes and sums, against hand values and GeographicLib.
import { Geodesic } from 'geographiclib-geodesic';
import { describe, expect, it } from 'vitest';
import type { Geometry, Position } from '../../src/data/types';
import { measure } from '../../src/measure/measure';

const A = 6378137;
const F = 1 / 298.257223563;
const E2 = F * (2 - F);
const RAD = 180 / Math.PI;

/** A w × h metre rectangle with its south-west corner x, y metres from (0°, 0°). On the equator
 * a metre is 1/a rad of longitude and 1/(a(1 − e²)) rad of latitude (M at 0°), to ~1e-10. */
function rectangle(xM: number, yM: number, wM: number, hM: number): Position[] {
  const lon = (m: number): number => (m / A) * RAD;
  const lat = (m: number): number => (m / (A * (1 - E2))) * RAD;
  return [
    [lon(xM), lat(yM)],
    [lon(xM + wM), lat(yM)],
    [lon(xM + wM), lat(yM + hM)],
    [lon(xM), lat(yM + hM)],
    [lon(xM), lat(yM)],
  ];
}

function inverse(from: Position, to: Position): number {
  return Geodesic.WGS84.Inverse(from[1]!, from[0]!, to[1]!, to[0]!).s12!;
}

describe('measure', () => {
  it('measures a LineString: length along geodesics, no area, no perimeter', () => {
    const line: Position[] = [
      [112.6, 26.9],
      [112.62, 26.91],
      [112.65, 26.89],
    ];
    const result = measure({ type: 'LineString', coordinates: line });
    expect(result.lengthM).toBeCloseTo(
      inverse(line[0]!, line[1]!) + inverse(line[1]!, line[2]!),
      6,
    );
    expect(result.areaM2).toBe(0);
    expect(result.perimeterM).toBe(0);
  });

  it('a LineString 1° along the equator is a·π/180 m', () => {
    const result = measure({
      type: 'LineString',
      coordinates: [
        [0, 0],
        [1, 0],
      ],
    });
    expect(result.lengthM).toBeCloseTo(111319.49079327357, 7);
  });

  it('sums the lines of a MultiLineString', () => {
    const one: Position[] = [
      [0, 0],
      [1, 0],
    ];
    const two: Position[] = [
      [10, 0],
      [10.5, 0],
    ];
    const result = measure({ type: 'MultiLineString', coordinates: [one, two] });
    expect(result.lengthM).toBeCloseTo(1.5 * 111319.49079327357, 7);
    expect(result).toMatchObject({ areaM2: 0, perimeterM: 0 });
  });

  it('measures a Polygon: a 100 m square on the equator is 10,000 m², 400 m around', () => {
    const result = measure({ type: 'Polygon', coordinates: [rectangle(0, 0, 100, 100)] });
    expect(result.areaM2).toBeCloseTo(10_000, 4);
    expect(result.perimeterM).toBeCloseTo(400, 6);
    expect(result.lengthM).toBe(result.perimeterM);
  });

  it('takes holes out of the area and adds their boundary to the perimeter', () => {
    const result = measure({
      type: 'Polygon',
      coordinates: [rectangle(0, 0, 100, 100), rectangle(20, 20, 10, 30)],
    });
    expect(result.areaM2).toBeCloseTo(10_000 - 300, 4);
    expect(result.perimeterM).toBeCloseTo(400 + 80, 6);
  });

  it('sums the polygons of a MultiPolygon', () => {
    const result = measure({
      type: 'MultiPolygon',
      coordinates: [[rectangle(0, 0, 100, 100)], [rectangle(200, 0, 50, 20)]],
    });
    expect(result.areaM2).toBeCloseTo(10_000 + 1000, 4);
    expect(result.perimeterM).toBeCloseTo(400 + 140, 6);
    expect(result.lengthM).toBe(result.perimeterM);
  });

  it('does not change the geometry it is given', () => {
    const geometry: Geometry = {
      type: 'Polygon',
      coordinates: [rectangle(0, 0, 100, 100).slice(0, -1)],
    };
    const copy = structuredClone(geometry);
    measure(geometry);
    expect(geometry).toEqual(copy);
  });

  it.each([
    [{ type: 'Point', coordinates: [112.6, 26.9] }, 'Point'],
    [{ type: 'MultiPoint', coordinates: [[112.6, 26.9]] }, 'MultiPoint'],
  ] satisfies [Geometry, string][])('throws for a %o, naming its type', (geometry, type) => {
    expect(() => measure(geometry)).toThrow(
      new Error(`<park-map>: measure() takes a LineString or Polygon (or Multi…); got ${type}.`),
    );
  });

  it('throws the same message for null from plain JavaScript', () => {
    expect(() => measure(null as unknown as Geometry)).toThrow(
      new Error('<park-map>: measure() takes a LineString or Polygon (or Multi…); got null.'),
    );
  });
});
