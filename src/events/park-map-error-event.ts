// `park-map-error`: a data problem (one event per kind of problem), a load failure, or an error
// MapLibre reported.
export interface ParkMapErrorDetail {
  /** Stable machine-readable code, e.g. `unknown-status`, `load-failed`, `map-error`. */
  code: string;
  /** A message the page author or data editor can act on, in the element's language. */
  message: string;
  featureId?: string;
  /** JSON path of the offending value, for data problems. */
  path?: string;
  severity: 'error' | 'warning';
  /**
   * Data problems: how many of this kind (code and severity) the load found; the event tells the
   * first (`featureId`, `path`, `message`) and is fired once for them all.
   */
  count?: number;
  /** Data problems met in several features: the ids of the first 100 of them. */
  featureIds?: string[];
}

export class ParkMapErrorEvent extends CustomEvent<ParkMapErrorDetail> {
  static readonly eventName = 'park-map-error';
  constructor(detail: ParkMapErrorDetail) {
    super(ParkMapErrorEvent.eventName, { detail, bubbles: true, composed: true });
  }
}
