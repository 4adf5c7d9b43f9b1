// Planning figures of a plot or park: land area (stated and measured), total floor area,
// floor-area ratio (容积率) and building coverage (建筑密度), each marked when computed here rather
// than stated by the data. Pure; areas are geodesic (see geodesic.ts).

import type { Geometry, ParkFeature } from '../data/types.js';
import { geodesicArea } from './geodesic.js';

/** Stated and measured land areas further apart than this (relative to the stated one) differ. */
export const LAND_AREA_TOLERANCE = 0.01;

export interface PlotMetrics {
  /** `landArea` as the data states it, in m². */
  statedLandAreaM2?: number;
  /** Area of the plot's geometry on the WGS84 ellipsoid, m²; 0 for a Point or a line. */
  measuredLandAreaM2: number;
  /** Both areas known and more than 1 % apart (relative to the stated one): show both. */
  landAreaDiffers: boolean;
  /** Land area the ratios use: the stated one where there is one, else the measured one. */
  landAreaM2: number;
  /** Total floor area (总建筑面积), m²: the plot's own `floorArea`, else summed over buildings. */
  floorAreaM2?: number;
  /** True when floorAreaM2 was summed from the buildings rather than stated for the plot. */
  floorAreaComputed: boolean;
  /** True when some buildings' floor area is unknown, so floorAreaM2 (and far) is a lower bound. */
  floorAreaLowerBound: boolean;
  /** Floor-area ratio (容积率) = floor area / land area. */
  far?: number;
  /** True unless both floor area and land area are stated by the data. */
  farComputed: boolean;
  /** Building coverage (建筑密度) = footprint area / land area, as a fraction (0.35 = 35 %). */
  coverage?: number;
  /** Always true when coverage is given: the schema has no stated coverage, footprints are measured. */
  coverageComputed: boolean;
  /** Sum of the buildings' footprint areas (Polygon/MultiPolygon geometry), m². */
  footprintAreaM2: number;
  /** Ids of buildings whose floor area is unknown: neither `floorArea` nor footprint and `floors`. */
  buildingsWithoutFloors: string[];
  /** Ids of buildings with no footprint (Point geometry): coverage leaves them out. */
  buildingsWithoutFootprint: string[];
}

function footprintArea(geometry: Geometry): number | undefined {
  if (geometry.type === 'Polygon') return geodesicArea(geometry.coordinates);
  if (geometry.type === 'MultiPolygon') {
    return geometry.coordinates.reduce((sum, rings) => sum + geodesicArea(rings), 0);
  }
  return undefined;
}

function figure(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/**
 * Figures of `plot` (any feature with an area: plot, park, zone) from its own properties and the
 * `buildings` given (the caller picks them, usually the plot's children).
 *
 * A building's floor area is its stated `floorArea`, else footprint × `floors`; a building with
 * neither is listed in `buildingsWithoutFloors` and the total becomes a lower bound. Stated figures
 * are never changed, only reported beside the computed ones.
 */
export function plotMetrics(plot: ParkFeature, buildings: readonly ParkFeature[]): PlotMetrics {
  const statedLandAreaM2 = figure(plot.properties.landArea);
  const measuredLandAreaM2 = footprintArea(plot.geometry) ?? 0;
  const landAreaDiffers =
    statedLandAreaM2 !== undefined &&
    measuredLandAreaM2 > 0 &&
    Math.abs(measuredLandAreaM2 - statedLandAreaM2) > LAND_AREA_TOLERANCE * statedLandAreaM2;
  const landAreaM2 = statedLandAreaM2 ?? measuredLandAreaM2;

  let footprintAreaM2 = 0;
  let summedFloorArea = 0;
  let buildingsWithFloorArea = 0;
  const buildingsWithoutFloors: string[] = [];
  const buildingsWithoutFootprint: string[] = [];
  for (const building of buildings) {
    const footprint = footprintArea(building.geometry);
    if (footprint === undefined) buildingsWithoutFootprint.push(building.id);
    else footprintAreaM2 += footprint;
    const stated = figure(building.properties.floorArea);
    const floors = figure(building.properties.floors);
    const floorArea =
      stated ?? (footprint !== undefined && floors !== undefined ? footprint * floors : undefined);
    if (floorArea === undefined) buildingsWithoutFloors.push(building.id);
    else {
      summedFloorArea += floorArea;
      buildingsWithFloorArea++;
    }
  }

  const statedFloorArea = figure(plot.properties.floorArea);
  const floorAreaComputed = statedFloorArea === undefined && buildingsWithFloorArea > 0;
  const floorAreaM2 = statedFloorArea ?? (floorAreaComputed ? summedFloorArea : undefined);
  const hasLand = landAreaM2 > 0;
  const hasFootprints = buildings.length > buildingsWithoutFootprint.length;

  return {
    ...(statedLandAreaM2 !== undefined && { statedLandAreaM2 }),
    measuredLandAreaM2,
    landAreaDiffers,
    landAreaM2,
    ...(floorAreaM2 !== undefined && { floorAreaM2 }),
    floorAreaComputed,
    floorAreaLowerBound: floorAreaComputed && buildingsWithoutFloors.length > 0,
    ...(floorAreaM2 !== undefined && hasLand && { far: floorAreaM2 / landAreaM2 }),
    farComputed: floorAreaComputed || statedLandAreaM2 === undefined,
    ...(hasFootprints && hasLand && { coverage: footprintAreaM2 / landAreaM2 }),
    coverageComputed: true,
    footprintAreaM2,
    buildingsWithoutFloors,
    buildingsWithoutFootprint,
  };
}
