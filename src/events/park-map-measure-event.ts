// `park-map-measure`: a measurement was finished or edited (drawn shape or measured parcel).
import type { Geometry } from '../data/types.js';

export interface ParkMapMeasureDetail {
  tool: 'distance' | 'area' | 'parcel';
  geometry: Geometry;
  /** Along the line (distance), or around the outer ring (area, parcel); metres on WGS84. */
  lengthM?: number;
  /** m² on the WGS84 ellipsoid, for area and parcel. */
  areaM2?: number;
  perimeterM?: number;
  /** The measured feature, for parcel. */
  featureId?: string;
}

export class ParkMapMeasureEvent extends CustomEvent<ParkMapMeasureDetail> {
  static readonly eventName = 'park-map-measure';
  constructor(detail: ParkMapMeasureDetail) {
    super(ParkMapMeasureEvent.eventName, { detail, bubbles: true, composed: true });
  }
}
