import { describe, expect, test } from 'vitest';
import { Geodesic } from 'geographiclib-geodesic';
import gcoord from 'gcoord';
import {
  geometryFromWgs84,
  geometryToWgs84,
  positionFromWgs84,
  positionToWgs84,
  toWgs84,
} from '../../src/data/coords';
import type { ParkFeatureCollection, Position } from '../../src/data/types';

// An independent implementation of the published GCJ-02 forward formula (Krasovsky 1940
// ellipsoid, a = 6378245, e² = 0.00669342162296594323), and of the BD-09 forward step, written
// here from the formula rather than imported, so that gcoord is checked against something else.
const A = 6378245;
// e² = 0.00669342162296594323 as published; as a double that is 0.006693421622965943.
const EE = 0.006693421622965943;
const X_PI = (Math.PI * 3000) / 180;

function offsetLat(x: number, y: number): number {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return r;
}

function offsetLon(x: number, y: number): number {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return r;
}

function wgsToGcj([lon, lat]: [number, number]): [number, number] {
  const radLat = (lat / 180) * Math.PI;
  const magic = 1 - EE * Math.sin(radLat) ** 2;
  const dLat =
    (offsetLat(lon - 105, lat - 35) * 180) /
    (((A * (1 - EE)) / (magic * Math.sqrt(magic))) * Math.PI);
  const dLon =
    (offsetLon(lon - 105, lat - 35) * 180) / ((A / Math.sqrt(magic)) * Math.cos(radLat) * Math.PI);
  return [lon + dLon, lat + dLat];
}

function gcjToBd([lon, lat]: [number, number]): [number, number] {
  const z = Math.hypot(lon, lat) + 0.00002 * Math.sin(lat * X_PI);
  const theta = Math.atan2(lat, lon) + 0.000003 * Math.cos(lon * X_PI);
  return [z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006];
}

/** Great-circle distance in metres (haversine, mean Earth radius 6371008.8 m). */
function metres(p: Position, q: Position): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const [lon1 = 0, lat1 = 0] = p;
  const [lon2 = 0, lat2 = 0] = q;
  const h =
    Math.sin(rad(lat2 - lat1) / 2) ** 2 +
    Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(rad(lon2 - lon1) / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.sqrt(h));
}

// Published pairs: the test vectors of googollee/eviltransform (python/test.py), an independent
// implementation, given there as (wgsLat, wgsLng, gcjLat, gcjLng); here as [lon, lat].
const PUBLISHED: { place: string; wgs84: [number, number]; gcj02: [number, number] }[] = [
  {
    place: 'Shanghai',
    wgs84: [121.5272106, 31.1774276],
    gcj02: [121.531541859215, 31.17530398364597],
  },
  {
    place: 'Shenzhen',
    wgs84: [113.912316, 22.543847],
    gcj02: [113.9171764808363, 22.540796131694766],
  },
  {
    place: 'Beijing',
    wgs84: [116.377817, 39.911954],
    gcj02: [116.38404722455657, 39.91334545536069],
  },
];

// Places in the seed zones (Hengyang high-tech zone, Xiangxiang), WGS84, approximate.
const HUNAN: [number, number][] = [
  [112.5721, 26.8932],
  [112.6105, 26.9067],
  [112.5339, 27.7349],
];

// The transforms are gcoord 1.0.7's maths, written out in src/data/coords.ts: the same doubles as
// gcoord itself (a dev dependency, kept as the reference), across China, its edges and outside.
describe('the same results as gcoord', () => {
  let seed = 7;
  const random = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const points: [number, number][] = [
    ...HUNAN,
    ...PUBLISHED.map((pair) => pair.wgs84),
    [72.0041, 0.83],
    [137.834, 55.827],
    [72.004, 30],
    [137.8347, 30],
    [2.3522, 48.8566],
  ];
  for (let k = 0; k < 2000; k += 1) points.push([70 + random() * 70, random() * 57]);

  // gcoord shifts BD-09 points everywhere; ours leaves points outside China alone.
  const inChina = ([lon, lat]: [number, number]) =>
    lon >= 72.004 && lon <= 137.8347 && lat >= 0.8293 && lat <= 55.8271;

  test('WGS84 → GCJ-02 (positionFromWgs84)', () => {
    for (const point of points) {
      expect(positionFromWgs84(point, 'gcj02')).toEqual(
        gcoord.transform([...point], gcoord.WGS84, gcoord.GCJ02),
      );
    }
  });

  test('WGS84 → BD-09 (positionFromWgs84) inside China', () => {
    const inside = points.filter(inChina);
    expect(inside.length).toBeGreaterThan(1000);
    for (const point of inside) {
      expect(positionFromWgs84(point, 'bd09')).toEqual(
        gcoord.transform([...point], gcoord.WGS84, gcoord.BD09),
      );
    }
  });

  test('BD-09 → WGS84 (positionToWgs84) inside China', () => {
    for (const point of points.filter(inChina)) {
      expect(positionToWgs84(point, 'bd09')).toEqual(
        gcoord.transform([...point], gcoord.BD09, gcoord.WGS84),
      );
    }
  });
});

describe('positionToWgs84', () => {
  test.each(PUBLISHED)('GCJ-02 → WGS84 within 1 m of the published pair: $place', (pair) => {
    expect(metres(positionToWgs84(pair.gcj02, 'gcj02'), pair.wgs84)).toBeLessThan(1);
  });

  test.each(PUBLISHED)('the independent forward formula reproduces the pair: $place', (pair) => {
    expect(metres(wgsToGcj(pair.wgs84), pair.gcj02)).toBeLessThan(0.01);
  });

  test.each(HUNAN)(
    'GCJ-02 → WGS84 inverts the independent formula to 1 m at [%f, %f]',
    (lon, lat) => {
      const gcj = wgsToGcj([lon, lat]);
      expect(metres(gcj, [lon, lat])).toBeGreaterThan(100); // the offset is real (hundreds of m)
      expect(metres(positionToWgs84(gcj, 'gcj02'), [lon, lat])).toBeLessThan(1);
    },
  );

  test.each(HUNAN)(
    'BD-09 → WGS84 inverts the independent formulas to 1 m at [%f, %f]',
    (lon, lat) => {
      const bd = gcjToBd(wgsToGcj([lon, lat]));
      expect(metres(bd, [lon, lat])).toBeGreaterThan(500);
      expect(metres(positionToWgs84(bd, 'bd09'), [lon, lat])).toBeLessThan(1);
    },
  );

  test('points outside China are unchanged (Paris, GCJ-02 and BD-09)', () => {
    expect(positionToWgs84([2.3522, 48.8566], 'gcj02')).toEqual([2.3522, 48.8566]);
    expect(positionToWgs84([2.3522, 48.8566], 'bd09')).toEqual([2.3522, 48.8566]);
  });

  test('keeps a third dimension (altitude)', () => {
    const converted = positionToWgs84([112.58, 26.89, 57], 'gcj02');
    expect(converted).toHaveLength(3);
    expect(converted[2]).toBe(57);
  });

  test('wgs84 → a copy, equal values', () => {
    const input = [112.58, 26.89];
    const output = positionToWgs84(input, 'wgs84');
    expect(output).toEqual(input);
    expect(output).not.toBe(input);
  });
});

describe('positionFromWgs84 (data shifted onto a GCJ-02 basemap)', () => {
  test.each(HUNAN)('matches the independent forward formula to 1 cm at [%f, %f]', (lon, lat) => {
    expect(metres(positionFromWgs84([lon, lat], 'gcj02'), wgsToGcj([lon, lat]))).toBeLessThan(0.01);
  });

  test('outside China and for wgs84: an unchanged copy', () => {
    expect(positionFromWgs84([2.3522, 48.8566], 'gcj02')).toEqual([2.3522, 48.8566]);
    const input = [112.58, 26.89];
    expect(positionFromWgs84(input, 'wgs84')).toEqual(input);
    expect(positionFromWgs84(input, 'wgs84')).not.toBe(input);
  });

  // Shapes drawn on a GCJ-02 basemap are shifted back before they are measured. gcoord's own
  // inverse stops within 1e-6° (≈ 0.1 m) of the answer; neighbouring vertices may stop after
  // different numbers of steps, which moved a 20 m square's area by up to 0.49 % in this very
  // sample (2 000 seeded squares). Ours iterates to 1e-12°.
  test('WGS84 → GCJ-02 → WGS84 keeps the areas of 2 000 seeded 20 m squares to 1e-8 (GeographicLib)', () => {
    let seed = 1;
    const random = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const areaOf = (ring: number[][]): number => {
      const polygon = Geodesic.WGS84.Polygon(false);
      for (const [lon, lat] of ring.slice(0, -1)) polygon.AddPoint(lat!, lon!);
      return Math.abs(polygon.Compute(false, true).area ?? Number.NaN);
    };
    let worst = 0;
    let worstShift = 0;
    for (let k = 0; k < 2000; k += 1) {
      const lon = 111 + random() * 3;
      const lat = 26 + random() * 2;
      const d = 0.0002;
      const ring = [
        [lon, lat],
        [lon + d, lat],
        [lon + d, lat + d],
        [lon, lat + d],
        [lon, lat],
      ];
      const shifted = geometryFromWgs84({ type: 'Polygon', coordinates: [ring] }, 'gcj02');
      const back = geometryToWgs84(shifted, 'gcj02');
      if (back.type !== 'Polygon' || shifted.type !== 'Polygon') throw new Error('not a polygon');
      worstShift = Math.max(worstShift, metres(shifted.coordinates[0]![0]!, ring[0]!));
      const area = areaOf(ring);
      worst = Math.max(worst, Math.abs(areaOf(back.coordinates[0]!) - area) / area);
      for (let i = 0; i < ring.length; i += 1) {
        expect(metres(back.coordinates[0]![i]!, ring[i]!)).toBeLessThan(1e-4);
      }
    }
    expect(worstShift).toBeGreaterThan(100); // the squares really moved
    expect(worst).toBeLessThan(1e-8);
  });
});

describe('toWgs84', () => {
  const collection = (): ParkFeatureCollection => ({
    type: 'FeatureCollection',
    coordinateSystem: 'gcj02',
    features: [
      {
        type: 'Feature',
        id: 'p',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [112.58, 26.89],
              [112.59, 26.89],
              [112.59, 26.9],
              [112.58, 26.89],
            ],
          ],
        },
        properties: { kind: 'park', name: '园区', tenants: [{ name: 'A' }] },
      },
    ],
  });

  test('converts every position and marks the copy wgs84', () => {
    const input = collection();
    const output = toWgs84(input, 'gcj02');
    expect(output.coordinateSystem).toBe('wgs84');
    const ring = (output.features[0]?.geometry.coordinates as Position[][])[0] as Position[];
    const inputRing = (input.features[0]?.geometry.coordinates as Position[][])[0] as Position[];
    expect(ring).toHaveLength(inputRing.length);
    for (const [i, position] of ring.entries()) {
      expect(metres(wgsToGcj(position as [number, number]), inputRing[i]!)).toBeLessThan(1);
    }
  });

  test('does not mutate the input', () => {
    const input = collection();
    const before = structuredClone(input);
    const output = toWgs84(input, 'bd09');
    expect(input).toEqual(before);
    expect(output.features[0]?.properties).not.toBe(input.features[0]?.properties);
    expect(output.features[0]?.properties).toEqual(input.features[0]?.properties);
  });
});
