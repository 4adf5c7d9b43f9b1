// Plot figures: land area, floor area, 容积率 (FAR) and 建筑密度 (coverage), with hand-computed
// values. Geometry sits on the equator at (0°, 0°), where a metre is 1/a rad of longitude and
// 1/(a(1 − e²)) rad of latitude, so a w × h metre rectangle is w·h m² to ~1e-10.
import { describe, expect, it } from 'vitest';
import type { Geometry, ParkFeature, ParkProperties, Position } from '../../src/data/types';
import { plotMetrics } from '../../src/measure/plot-metrics';

const A = 6378137;
const F = 1 / 298.257223563;
const E2 = F * (2 - F);
const RAD = 180 / Math.PI;

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

function feature(
  id: string,
  geometry: Geometry,
  properties: Partial<ParkProperties> = {},
): ParkFeature {
  return {
    type: 'Feature',
    id,
    geometry,
    properties: { kind: 'building', name: id, ...properties },
  };
}

/** A 100 m × 100 m plot: 10,000 m² measured. */
function plot(properties: Partial<ParkProperties> = {}): ParkFeature {
  return feature(
    'plot',
    { type: 'Polygon', coordinates: [rectangle(0, 0, 100, 100)] },
    {
      kind: 'plot',
      ...properties,
    },
  );
}

/** 20 m × 50 m = 1000 m² footprint. */
const fiveFloors = feature(
  'A',
  { type: 'Polygon', coordinates: [rectangle(10, 10, 20, 50)] },
  { floors: 5 },
);
/** 30 m × 40 m = 1200 m² footprint, 8000 m² floor area stated. */
const statedFloorArea = feature(
  'B',
  { type: 'Polygon', coordinates: [rectangle(50, 10, 30, 40)] },
  { floorArea: 8000, floors: 99 },
);
/** A point: no footprint, so 3 floors give no floor area. */
const pointOnly = feature('C', { type: 'Point', coordinates: [0.0005, 0.0005] }, { floors: 3 });
/** 10 m × 10 m = 100 m² footprint, floors unknown. */
const noFloors = feature('D', { type: 'Polygon', coordinates: [rectangle(50, 70, 10, 10)] });

describe('plotMetrics: land area', () => {
  it('measures the plot and uses the measure when no land area is stated', () => {
    const metrics = plotMetrics(plot(), []);
    expect(metrics.statedLandAreaM2).toBeUndefined();
    expect(metrics.measuredLandAreaM2).toBeCloseTo(10_000, 4);
    expect(metrics.landAreaM2).toBe(metrics.measuredLandAreaM2);
    expect(metrics.landAreaDiffers).toBe(false);
  });

  it.each([
    [10_050, false], // 0.5 % apart
    [9_901, false], // 0.999 % apart
    [10_102, true], // 1.01 % of the stated figure apart
    [12_000, true],
  ])('stated %i m² against 10,000 m² measured: differs = %s', (stated, differs) => {
    const metrics = plotMetrics(plot({ landArea: stated }), []);
    expect(metrics.statedLandAreaM2).toBe(stated);
    expect(metrics.landAreaM2).toBe(stated);
    expect(metrics.landAreaDiffers).toBe(differs);
  });

  it('a plot known only as a point has no measured area and nothing to differ from', () => {
    const point = feature(
      'p',
      { type: 'Point', coordinates: [0, 0] },
      { kind: 'plot', landArea: 5000 },
    );
    const metrics = plotMetrics(point, []);
    expect(metrics.measuredLandAreaM2).toBe(0);
    expect(metrics.landAreaDiffers).toBe(false);
    expect(metrics.landAreaM2).toBe(5000);
  });
});

describe('plotMetrics: floor area, FAR and coverage', () => {
  it('sums floor area from stated figures and footprint × floors, as a lower bound when some are unknown', () => {
    const metrics = plotMetrics(plot({ landArea: 10_000 }), [
      fiveFloors,
      statedFloorArea,
      pointOnly,
      noFloors,
    ]);
    // 1000 m² × 5 floors + 8000 m² stated (its 99 floors are not used) = 13,000 m²
    expect(metrics.floorAreaM2).toBeCloseTo(13_000, 3);
    expect(metrics.floorAreaComputed).toBe(true);
    expect(metrics.floorAreaLowerBound).toBe(true);
    expect(metrics.buildingsWithoutFloors).toEqual(['C', 'D']);
    expect(metrics.buildingsWithoutFootprint).toEqual(['C']);
    // 13,000 / 10,000 stated
    expect(metrics.far).toBeCloseTo(1.3, 8);
    expect(metrics.farComputed).toBe(true);
    // (1000 + 1200 + 100) / 10,000
    expect(metrics.footprintAreaM2).toBeCloseTo(2300, 4);
    expect(metrics.coverage).toBeCloseTo(0.23, 8);
    expect(metrics.coverageComputed).toBe(true);
  });

  it('uses the measured land area for the ratios when none is stated', () => {
    const metrics = plotMetrics(plot(), [fiveFloors]);
    expect(metrics.floorAreaM2).toBeCloseTo(5000, 4);
    expect(metrics.floorAreaLowerBound).toBe(false);
    expect(metrics.far).toBeCloseTo(0.5, 8);
    expect(metrics.coverage).toBeCloseTo(0.1, 8);
  });

  it("takes the plot's stated floor area over the buildings' and marks FAR stated when both figures are", () => {
    const metrics = plotMetrics(plot({ landArea: 20_000, floorArea: 30_000 }), [fiveFloors]);
    expect(metrics.floorAreaM2).toBe(30_000);
    expect(metrics.floorAreaComputed).toBe(false);
    expect(metrics.floorAreaLowerBound).toBe(false);
    expect(metrics.far).toBe(1.5);
    expect(metrics.farComputed).toBe(false);
    // 1000 m² / 20,000 m² stated
    expect(metrics.coverage).toBeCloseTo(0.05, 8);
  });

  it('marks FAR computed when the floor area is stated but the land area is measured', () => {
    const metrics = plotMetrics(plot({ floorArea: 25_000 }), []);
    expect(metrics.floorAreaComputed).toBe(false);
    expect(metrics.far).toBeCloseTo(2.5, 8);
    expect(metrics.farComputed).toBe(true);
  });

  it('sums every part of a MultiPolygon footprint', () => {
    const twoParts = feature(
      'E',
      {
        type: 'MultiPolygon',
        coordinates: [[rectangle(0, 0, 10, 10)], [rectangle(20, 0, 10, 20)]],
      },
      { floors: 2 },
    );
    const metrics = plotMetrics(plot({ landArea: 10_000 }), [twoParts]);
    expect(metrics.footprintAreaM2).toBeCloseTo(300, 5);
    expect(metrics.floorAreaM2).toBeCloseTo(600, 5);
  });

  it('has no floor area, FAR or coverage without buildings or figures', () => {
    const metrics = plotMetrics(plot({ landArea: 10_000 }), []);
    expect(metrics.floorAreaM2).toBeUndefined();
    expect(metrics.far).toBeUndefined();
    expect(metrics.coverage).toBeUndefined();
    expect(metrics.footprintAreaM2).toBe(0);
    expect(metrics.floorAreaComputed).toBe(false);
  });

  it('has no coverage when no building has a footprint, and no ratios without a land area', () => {
    expect(plotMetrics(plot(), [pointOnly]).coverage).toBeUndefined();
    const point = feature('p', { type: 'Point', coordinates: [0, 0] }, { kind: 'plot' });
    const metrics = plotMetrics(point, [fiveFloors]);
    expect(metrics.floorAreaM2).toBeCloseTo(5000, 4);
    expect(metrics.far).toBeUndefined();
    expect(metrics.coverage).toBeUndefined();
  });

  it('ignores figures that are not non-negative numbers, as if absent', () => {
    const odd = feature(
      'F',
      { type: 'Polygon', coordinates: [rectangle(0, 0, 10, 10)] },
      {
        floors: '5' as unknown as number,
        floorArea: -1,
      },
    );
    const metrics = plotMetrics(plot({ landArea: Number.NaN }), [odd]);
    expect(metrics.statedLandAreaM2).toBeUndefined();
    expect(metrics.buildingsWithoutFloors).toEqual(['F']);
  });

  it('does not change the plot or the buildings', () => {
    const target = plot({ landArea: 10_000 });
    const buildings = [fiveFloors, statedFloorArea, pointOnly, noFloors];
    const copies = structuredClone([target, buildings]);
    plotMetrics(target, buildings);
    expect([target, buildings]).toEqual(copies);
  });
});
