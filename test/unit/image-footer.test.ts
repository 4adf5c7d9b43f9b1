// What the map picture carries below the map: a round scale length, the legend of the statuses
// shown with counts, the date and the sources of what is shown.
import { describe, expect, it } from 'vitest';
import type { ParkFeature } from '../../src/data/types.js';
import { imageFooter, metresPerPixel, roundScale } from '../../src/export/image-footer.js';

const colours = {
  planned: '#1',
  signed: '#2',
  under_construction: '#3',
  topped_out: '#4',
  fitting_out: '#5',
  completed: '#6',
  operating: '#7',
  none: '#0',
};

function feature(id: string, status: ParkFeature['properties']['status'], titles: string[]) {
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: [112.6, 26.9] },
    properties: {
      kind: 'park',
      name: id,
      ...(status ? { status } : {}),
      sources: titles.map((title) => ({ title })),
    },
  } as ParkFeature;
}

describe('the scale bar', () => {
  it('is 1, 2 or 5 × 10ⁿ m, the longest that fits', () => {
    expect(roundScale(10, 120)).toBe(1000);
    expect(roundScale(10, 99)).toBe(500);
    expect(roundScale(1, 30)).toBe(20);
    expect(roundScale(100, 60)).toBe(5000);
  });
  it('reads the resolution of MapLibre’s 512 px world', () => {
    // At the equator, zoom 0: the whole circumference over 512 px.
    expect(metresPerPixel(0, 0)).toBeCloseTo(78_271.52, 1);
    // At 60° half of it; each zoom halves it.
    expect(metresPerPixel(60, 1)).toBeCloseTo(78_271.52 / 4, 1);
  });
});

describe('the footer', () => {
  const shown = [
    feature('a', 'operating', ['报道甲', '报道乙']),
    feature('b', 'operating', ['报道乙']),
    feature('c', undefined, ['报道丙']),
    feature('d', 'planned', []),
  ];
  it('lists the statuses shown, in the legend’s order, with counts and colours; dates and credits', () => {
    const footer = imageFooter({
      lang: 'zh-CN',
      title: '产业园区地图',
      shown,
      colours,
      metresPerPixel: 10,
      maxPixels: 120,
      bearing: 30,
      today: '2026-12-07',
      credits: '河流：GSHHG；地名：GeoNames（CC BY 4.0）',
    });
    expect(footer.legend).toEqual([
      { status: 'planned', label: '规划中', colour: '#1', count: 1 },
      { status: 'operating', label: '运营中', colour: '#7', count: 2 },
      { status: 'none', label: '未注明状态', colour: '#0', count: 1 },
    ]);
    expect(footer.scale).toEqual({ pixels: 100, label: '1公里' });
    expect(footer.bearing).toBe(30);
    expect(footer.credits).toBe(
      '导出日期 2026-12-07 · 资料来源：报道甲；报道乙 等 3 篇 · 河流：GSHHG；地名：GeoNames（CC BY 4.0）',
    );
  });
  it('in English', () => {
    const footer = imageFooter({
      lang: 'en',
      title: 'Industrial park map',
      shown: shown.slice(0, 2),
      colours,
      metresPerPixel: 2,
      maxPixels: 120,
      bearing: 0,
      today: '2026-12-07',
    });
    expect(footer.legend).toEqual([
      { status: 'operating', label: 'Operating', colour: '#7', count: 2 },
    ]);
    expect(footer.scale).toEqual({ pixels: 100, label: '200 m' });
    expect(footer.credits).toBe('Made 2026-12-07 · Sources: 报道甲; 报道乙');
  });
});
