// Measurements left the map: cleared from the panel (one or all), or dropped with a map that was
// replaced. A page keeping its own list of measurements (see `measurements`) follows with this.
export interface ParkMapMeasureRemoveDetail {
  /** The ids of the removed measurements, as in `measurements.features[].id`. */
  ids: string[];
}

export class ParkMapMeasureRemoveEvent extends CustomEvent<ParkMapMeasureRemoveDetail> {
  static readonly eventName = 'park-map-measure-remove';
  constructor(detail: ParkMapMeasureRemoveDetail) {
    super(ParkMapMeasureRemoveEvent.eventName, { detail, bubbles: true, composed: true });
  }
}
