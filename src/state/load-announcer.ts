// When `park-map-load` fires: once the loaded data is on a ready map, or at once when no map can be
// made (the data is still there for the panel) or the element is out of sight (then again once it
// is drawn on the map made later). Told when data arrives and when a map gets ready, so whichever
// comes second announces.
import { ParkMapLoadEvent } from '../events/park-map-load-event.js';
import type { MapController } from '../map/map-controller.js';
import type { ParkStore } from './park-store.js';

export interface LoadAnnouncerSources {
  store: ParkStore;
  map: MapController;
  /** After each announcement (the element loads the details panel's code then). */
  onAnnounced: () => void;
}

export class LoadAnnouncer {
  constructor(
    private readonly host: EventTarget,
    private readonly sources: LoadAnnouncerSources,
  ) {}

  /** Fires `park-map-load` when the data in the store is drawn (see the file's header). */
  async announceWhenDrawn(): Promise<void> {
    const { store, map } = this.sources;
    if (store.state !== 'ready' && store.state !== 'failed') return;
    // Out of sight, the map is made later: announce the data now, and again once it is drawn.
    if (!map.deferred && (map.state === 'loading' || map.state === 'idle')) return;
    const { features, errors } = store;
    // GeoJSON was just handed to the map: wait until it is drawn. Tile features were read back from
    // tiles the map has already drawn.
    if (map.state === 'ready' && !map.tiled) await map.whenRendered();
    // Newer data arrived meanwhile: its own call announces it.
    if (features !== store.features) return;
    this.host.dispatchEvent(new ParkMapLoadEvent({ features, errors }));
    this.sources.onAnnounced();
  }
}
