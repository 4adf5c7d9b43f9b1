// `park-map-load`: the data is loaded, validated and drawn.
import type { DataIssue, ParkFeature } from '../data/types.js';

export interface ParkMapLoadDetail {
  features: readonly ParkFeature[];
  errors: readonly DataIssue[];
}

export class ParkMapLoadEvent extends CustomEvent<ParkMapLoadDetail> {
  static readonly eventName = 'park-map-load';
  constructor(detail: ParkMapLoadDetail) {
    super(ParkMapLoadEvent.eventName, { detail, bubbles: true, composed: true });
  }
}
