// Name labels: zones and parks only, at the ring's centroid, in the reader's language.
import { describe, expect, it } from 'vitest';
import { labelSpecs } from '../../src/map/labels.js';
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
  it('labels zones and parks, not buildings', () => {
    expect(labelSpecs([zone, building, park], 'zh-CN').map((spec) => spec.id)).toEqual(['z', 'p']);
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

  it('shows zones zoomed out and parks zoomed in, without overlap in zoom', () => {
    const [zoneSpec, parkSpec] = labelSpecs([zone, park], 'zh-CN');
    expect(zoneSpec!.maxZoom).toBe(parkSpec!.minZoom);
  });
});
