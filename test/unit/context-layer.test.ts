// The offline ground's data (data/context/central-hunan.json, from scripts/build-context.mjs) and
// the towns' names it gives name-labels.ts.
import { describe, expect, it } from 'vitest';
import ground from '../../data/context/central-hunan.json';
import { CONTEXT_REGION, inContextRegion, placeLabels } from '../../src/map/context-layer.js';

type Ground = Parameters<typeof placeLabels>[0];
const data = ground as unknown as Ground;

describe('the ground file', () => {
  it('covers the region the code says, with its sources and their licences', () => {
    expect(ground.bbox).toEqual([...CONTEXT_REGION]);
    expect(ground.sources.map((source) => [source.what, source.licence])).toEqual([
      ['rivers', 'LGPL-3.0-or-later'],
      ['places', 'CC-BY-4.0'],
    ]);
  });

  it('holds river lines and towns, all inside the region', () => {
    const [west, south, east, north] = CONTEXT_REGION;
    const inside = ([x, y]: number[]) => x! >= west && x! <= east && y! >= south && y! <= north;
    const rivers = data.features.filter((feature) => feature.properties.kind === 'river');
    const places = data.features.filter((feature) => feature.properties.kind === 'place');
    expect(rivers.length).toBeGreaterThanOrEqual(10);
    expect(places).toHaveLength(14);
    for (const river of rivers) {
      const line = river.geometry.coordinates as number[][];
      expect(line.length).toBeGreaterThanOrEqual(2);
      expect(line.every(inside)).toBe(true);
    }
    for (const place of places) expect(inside(place.geometry.coordinates as number[])).toBe(true);
  });
});

describe('the towns as names', () => {
  it('in the element language, cities from zoom 6, counties from 8, none from 13', () => {
    const zh = placeLabels(data, 'zh-CN');
    const hengyang = zh.find((spec) => spec.text === '衡阳')!;
    expect(hengyang).toMatchObject({ kind: 'place-city', context: true, minZoom: 6, maxZoom: 13 });
    // GeoNames' Hengyang, to the 4th decimal.
    expect(hengyang.position).toEqual([112.6189, 26.8895]);
    expect(zh.find((spec) => spec.text === '湘乡')).toMatchObject({ kind: 'place', minZoom: 8 });
    const en = placeLabels(data, 'en').map((spec) => spec.text);
    expect(en).toContain('Hengyang');
    expect(en).toContain('Hengdong');
    expect(en).not.toContain('Hengdong Chengguanzhen');
  });

  it('tells whether data lies in the region', () => {
    expect(inContextRegion([112.5, 26.8, 112.7, 27])).toBe(true);
    // Overlapping its edge is enough.
    expect(inContextRegion([114, 28, 115, 29])).toBe(true);
    expect(inContextRegion([120, 30, 120.2, 30.3])).toBe(false);
    expect(inContextRegion(null)).toBe(false);
  });
});
