// `park-map-error`: a data problem, a load failure, or an error MapLibre reported.
export interface ParkMapErrorDetail {
  /** Stable machine-readable code, e.g. `unknown-status`, `load-failed`, `map-error`. */
  code: string;
  /** A message the page author or data editor can act on, in the element's language. */
  message: string;
  featureId?: string;
  /** JSON path of the offending value, for data problems. */
  path?: string;
  severity: 'error' | 'warning';
}

export class ParkMapErrorEvent extends CustomEvent<ParkMapErrorDetail> {
  static readonly eventName = 'park-map-error';
  constructor(detail: ParkMapErrorDetail) {
    super(ParkMapErrorEvent.eventName, { detail, bubbles: true, composed: true });
  }
}
