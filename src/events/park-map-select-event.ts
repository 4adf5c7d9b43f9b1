// `park-map-select`: the user selected a feature (or cleared the selection: id null).
// Fired for user actions only, never when code sets `selected` or calls `select()`.
import type { ParkProperties } from '../data/types.js';

export interface ParkMapSelectDetail {
  id: string | null;
  properties: ParkProperties | null;
}

export class ParkMapSelectEvent extends CustomEvent<ParkMapSelectDetail> {
  static readonly eventName = 'park-map-select';
  constructor(detail: ParkMapSelectDetail) {
    super(ParkMapSelectEvent.eventName, { detail, bubbles: true, composed: true });
  }
}
