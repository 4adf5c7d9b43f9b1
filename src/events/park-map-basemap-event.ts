// `park-map-basemap`: the user chose another basemap in the element's basemap switch (the
// `basemaps` attribute lists what it offers). Fired for user actions only, never when code sets
// `basemap`; the new value is already in the `basemap` attribute when it fires.
export interface ParkMapBasemapDetail {
  /** The basemap chosen (a preset name, as in `basemaps`). */
  basemap: string;
  /** The basemap shown before. */
  previous: string;
}

export class ParkMapBasemapEvent extends CustomEvent<ParkMapBasemapDetail> {
  static readonly eventName = 'park-map-basemap';
  constructor(detail: ParkMapBasemapDetail) {
    super(ParkMapBasemapEvent.eventName, { detail, bubbles: true, composed: true });
  }
}
