// When a file is drawn before it is validated (previewPolicy in data-controller.ts): by features
// (many buildings) or by vertices (a few very detailed parcels), counted from array lengths.
import { describe, expect, it } from 'vitest';
import { previewPolicy } from '../../src/data/data-controller.js';
import { wantsPreview } from '../../src/data/preview.js';

/** `count` polygons of `vertices` positions each (a closed ring). */
function polygons(count: number, vertices: number, type: 'Polygon' | 'MultiPolygon' = 'Polygon') {
  const ring = Array.from({ length: vertices }, (_, i) => {
    const angle = (2 * Math.PI * i) / (vertices - 1);
    return [112.6 + 0.01 * Math.cos(angle), 26.9 + 0.01 * Math.sin(angle)];
  });
  return {
    type: 'FeatureCollection',
    features: Array.from({ length: count }, () => ({
      type: 'Feature',
      properties: {},
      geometry: { type, coordinates: type === 'Polygon' ? [ring] : [[ring]] },
    })),
  };
}

describe('wantsPreview with the element’s policy', () => {
  it('200 parcels of 750 vertices (150 000 in all): yes, by vertices', () => {
    expect(wantsPreview(polygons(200, 750), previewPolicy)).toBe(true);
    expect(wantsPreview(polygons(200, 750, 'MultiPolygon'), previewPolicy)).toBe(true);
  });
  it('10 000 buildings of 11 vertices: no (the preview costs more than it saves there)', () => {
    expect(wantsPreview(polygons(10_000, 11), previewPolicy)).toBe(false);
  });
  it('50 000 features: yes, by features, whatever their size', () => {
    expect(wantsPreview(polygons(50_000, 4), previewPolicy)).toBe(true);
  });
  it('100 parcels of 500 vertices (50 000 in all): no, under the vertex threshold', () => {
    expect(wantsPreview(polygons(100, 500), previewPolicy)).toBe(false);
  });
  it('1 500 features of 100 vertices: 150 000 vertices but the average must be 100: yes', () => {
    expect(wantsPreview(polygons(1_500, 100), previewPolicy)).toBe(true);
    expect(wantsPreview(polygons(1_500, 99), previewPolicy)).toBe(false);
  });
  it('no collection, no features, broken geometry: no', () => {
    expect(wantsPreview(null, previewPolicy)).toBe(false);
    expect(wantsPreview({ type: 'FeatureCollection', features: [] }, previewPolicy)).toBe(false);
    expect(
      wantsPreview(
        {
          type: 'FeatureCollection',
          features: [{ geometry: { type: 'Polygon', coordinates: 7 } }],
        },
        previewPolicy,
      ),
    ).toBe(false);
  });
});
