// Name labels: zones and parks only, at the ring's centroid, in the reader's language.
import { describe, expect, it } from 'vitest';
import { labelSpecs, tileLabelSpecs } from '../../src/map/labels.js';
import type { ParkFeature } from '../../src/data/types.js';

const zone: ParkFeature = {
  type: 'Feature',
  id: 'z',
  geometry: {
    type: 'Polygon',
    // An L-shape: a 2×2 square with its top-right 1×1 quarter cut out.
    coordinates: [
      [
        [0, 0],
        [2, 0],
        [2, 1],
        [1, 1],
        [1, 2],
        [0, 2],
        [0, 0],
      ],
    ],
  },
  properties: { kind: 'zone', name: '高新区', 'name:en': 'High-tech Zone' },
};
const building: ParkFeature = { ...zone, id: 'b', properties: { kind: 'building', name: '1号楼' } };
const park: ParkFeature = {
  type: 'Feature',
  id: 'p',
  geometry: { type: 'Point', coordinates: [112.6, 26.9] },
  properties: { kind: 'park', name: '软件园' },
};

describe('labelSpecs', () => {
  it('labels zones, parks and buildings (not plots), in placement order', () => {
    const plot: ParkFeature = { ...zone, id: 'l', properties: { kind: 'plot', name: '地块' } };
    expect(labelSpecs([building, plot, zone, park], 'zh-CN').map((spec) => spec.id)).toEqual([
      'z',
      'p',
      'b',
    ]);
  });

  it('puts a polygon label at its area centroid', () => {
    // Three unit squares with centres (0.5,0.5), (1.5,0.5), (0.5,1.5): mean (5/6, 5/6).
    const [spec] = labelSpecs([zone], 'zh-CN');
    expect(spec!.position[0]).toBeCloseTo(5 / 6, 12);
    expect(spec!.position[1]).toBeCloseTo(5 / 6, 12);
  });

  it('uses the English name in English, the Chinese one when there is none', () => {
    expect(labelSpecs([zone, park], 'en').map((spec) => spec.text)).toEqual([
      'High-tech Zone',
      '软件园',
    ]);
    expect(labelSpecs([zone], 'zh-CN')[0]!.text).toBe('高新区');
  });

  it('names zones zoomed out, parks at every zoom, buildings from zoom 16', () => {
    const [zoneSpec, parkSpec, buildingSpec] = labelSpecs([zone, park, building], 'zh-CN');
    expect([zoneSpec!.minZoom, zoneSpec!.maxZoom]).toEqual([0, 13.5]);
    expect([parkSpec!.minZoom, parkSpec!.maxZoom]).toEqual([0, 24]);
    expect([buildingSpec!.minZoom, buildingSpec!.maxZoom]).toEqual([16, 24]);
  });
});

describe('tileLabelSpecs', () => {
  const parkAt = (id: string, lon: number, lat: number): ParkFeature => ({
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: [lon, lat] },
    properties: { kind: 'park', name: `园区${id}` },
  });
  // The zone's L-shape has its centroid at (7/9, 7/9).
  const features = [
    parkAt('a', 0.5, 0.5),
    zone,
    parkAt('b', 5, 5),
    building,
    parkAt('c', 1.5, 0.2),
  ];

  it('names what shows at this zoom inside the view, zones, parks, then buildings', () => {
    const ids = (zoom: number, bounds: [number, number, number, number], limit?: number) =>
      tileLabelSpecs(features, 'zh-CN', bounds, zoom, limit).map((spec) => spec.id);
    expect(ids(10, [0, 0, 2, 2])).toEqual(['z', 'a', 'c']);
    expect(ids(15, [0, 0, 2, 2])).toEqual(['a', 'c']);
    expect(ids(16, [0, 0, 2, 2])).toEqual(['a', 'c', 'b']);
    expect(ids(15, [0, 0, 10, 10])).toEqual(['a', 'b', 'c']);
    expect(ids(15, [0, 0, 10, 10], 2)).toEqual(['a', 'b']);
    expect(ids(15, [3, 3, 4, 4])).toEqual([]);
  });

  it('keeps to at most 80 names however many parks are loaded', () => {
    const many = Array.from({ length: 5000 }, (_, i) =>
      parkAt(String(i), (i % 100) / 100, i / 5000),
    );
    const specs = tileLabelSpecs(many, 'en', [0, 0, 1, 1], 15);
    expect(specs).toHaveLength(80);
    expect(specs[0]!.text).toBe('园区0');
  });
});
