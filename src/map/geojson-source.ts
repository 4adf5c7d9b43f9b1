// GeoJSON: the store's features as the map's source, and the filters as feature state. Each
// feature is drawn with a number (its feature-state key) that stays with its id for the element's
// life; what the filters leave out gets the `hidden` state, which MapLibre applies to the drawn
// buffers on this thread (a layer filter would make its workers cut the whole source again). A
// large file's preview (data/preview.ts) is drawn here while it is validated. Loaded with MapLibre.
import type {
  GeoJSONSource,
  MapSourceDataEvent,
  MapStyleDataEvent,
  Map as MapLibreMap,
} from 'maplibre-gl';
import type { ParkFeature } from '../data/types.js';
import { asOfFeature } from '../state/as-of.js';
import { hiddenIds, visibilityChanges } from './hidden-features.js';
import { AS_OF_STATE, HIDDEN_STATE, HIGHLIGHT_SOURCE_ID, SOURCE_ID } from './layer-ids.js';
import { highlightCollection, renderCollection } from './layers.js';
import type { MapContext, MapPart } from './map-part.js';

export class GeoJsonSource implements MapPart {
  /** A preview is drawn (its features are not the store's yet), or null. */
  private previewed: readonly ParkFeature[] | null = null;
  /** The features last handed to the map's source (they need not be sent again). */
  private drawn: readonly ParkFeature[] | undefined;
  /** The collection last handed to the map's source, which MapLibre keeps on this thread. */
  private rendered: ReturnType<typeof renderCollection> | undefined;
  /** The ids this map's source holds the `hidden` feature state for (what is drawn unseen). */
  private hiddenOnMap: ReadonlySet<string> = new Set();
  /** The status as of the date each id has as feature state (those drawn as of an earlier stage). */
  private statusOnMap = new Map<string, string>();

  /** `stateId`: the number an id is drawn with, kept by the controller for the element's life. */
  constructor(
    private readonly context: MapContext,
    private readonly stateId: (id: string) => number,
  ) {}

  onLoad(map: MapLibreMap): void {
    // Numeric feature ids (see renderCollection), not `promoteId`: exact feature-state keys.
    map.addSource(SOURCE_ID, { type: 'geojson', data: this.render() });
    this.drawn = this.features;
    // The outlines' own small source (see highlight.ts), made empty.
    map.addSource(HIGHLIGHT_SOURCE_ID, {
      type: 'geojson',
      data: highlightCollection(undefined, undefined),
    });
  }

  /** The features drawn: a preview being validated, else the store's. */
  get features(): readonly ParkFeature[] {
    return this.previewed ?? this.context.store.features;
  }

  /** The features as drawn: shifted into the basemap's system (the same array when WGS84). */
  displayed(): readonly ParkFeature[] {
    return this.context.camera.shift(this.features, true);
  }

  /**
   * The loaded feature with this id: from the store's index; a scan while a preview is drawn (its
   * features are not indexed). Never a Map of its own: building one on the first click took tens
   * of ms at 100 000 features.
   */
  featureWithId(id: string | null): ParkFeature | undefined {
    if (id === null) return undefined;
    return this.previewed
      ? this.previewed.find((candidate) => candidate.id === id)
      : this.context.store.byId.get(id);
  }

  /**
   * Draws a preview of data being validated (see data/preview.ts). Settles once MapLibre sends it
   * to its worker: the source sends one update at a time, and the one before (the empty source a
   * new map starts with) is done only when this thread has read the worker's answer.
   */
  preview(features: readonly ParkFeature[]): Promise<void> {
    this.previewed = features;
    const map = this.context.map;
    // Before the style has loaded, onLoad adds the source with the preview.
    if (!map.getSource(SOURCE_ID)) return Promise.resolve();
    const sending = new Promise<void>((resolve) => {
      const done = (): void => {
        map.off('dataloading', sent);
        map.off('remove', done);
        resolve();
      };
      const sent = (event: MapSourceDataEvent | MapStyleDataEvent): void => {
        if ('sourceId' in event && event.sourceId === SOURCE_ID) done();
      };
      map.on('dataloading', sent);
      map.on('remove', done);
    });
    this.push();
    return sending;
  }

  /**
   * Draws the store's features unless the map has them already; `drawnAs`: a preview that draws
   * exactly as they do, which stays if it is what the map has. True when something changed.
   */
  draw(drawnAs?: readonly ParkFeature[]): boolean {
    this.previewed = null;
    const features = this.context.store.features;
    if (this.drawn === features) return false;
    if (drawnAs !== undefined && this.drawn === drawnAs) {
      this.drawn = features;
      this.adoptRender();
    } else this.push();
    return true;
  }

  /**
   * The map kept a preview that draws exactly as the validated features. MapLibre keeps the
   * collection it was given on this thread: it now lists the validated features' render (equal, and
   * built from compact copies, where the preview's is made of the parsed file's own objects), so
   * the parsed file can go and the page keeps one copy of the data.
   */
  private adoptRender(): void {
    const rendered = this.rendered;
    if (!rendered) return;
    rendered.features = renderCollection(
      this.displayed(),
      this.context.host.storeyHeight,
      this.stateId,
    ).features;
  }

  /** The collection MapLibre is given for the current features (it keeps it as its copy). */
  private render(): ReturnType<typeof renderCollection> {
    const rendered = renderCollection(
      this.displayed(),
      this.context.host.storeyHeight,
      this.stateId,
    );
    this.rendered = rendered;
    return rendered;
  }

  /** The features (as drawn: shifted, heights from storeys) to MapLibre's worker. */
  push(): void {
    this.context.map.getSource<GeoJSONSource>(SOURCE_ID)?.setData(this.render());
    this.drawn = this.features;
  }

  /**
   * Hides what the filters leave out through feature state; only the features whose visibility
   * changed get a new state.
   */
  applyFilter(): void {
    const map = this.context.map;
    const toHide = hiddenIds(this.features, this.context.store.passing);
    const { hide, show } = visibilityChanges(this.hiddenOnMap, toHide);
    for (const id of show) {
      map.removeFeatureState({ source: SOURCE_ID, id: this.stateId(id) }, HIDDEN_STATE);
    }
    for (const id of hide) {
      map.setFeatureState({ source: SOURCE_ID, id: this.stateId(id) }, { [HIDDEN_STATE]: true });
    }
    this.hiddenOnMap = toHide;
    this.applyAsOf();
  }

  /**
   * Colours the features drawn as of an earlier stage (the `date`) by their status then, through
   * feature state; only the ids whose status as of the date changed get a new state.
   */
  private applyAsOf(): void {
    const map = this.context.map;
    const store = this.context.store;
    const view = this.previewed ? null : store.asOfView;
    const next = new Map<string, string>();
    if (view?.date) {
      for (const id of view.changed) {
        next.set(id, asOfFeature(view, id)?.properties.status ?? 'none');
      }
    }
    for (const id of this.statusOnMap.keys()) {
      if (!next.has(id))
        map.removeFeatureState({ source: SOURCE_ID, id: this.stateId(id) }, AS_OF_STATE);
    }
    for (const [id, status] of next) {
      if (this.statusOnMap.get(id) !== status) {
        map.setFeatureState({ source: SOURCE_ID, id: this.stateId(id) }, { [AS_OF_STATE]: status });
      }
    }
    this.statusOnMap = next;
  }

  /** The status drawn for a feature as of the date (feature state), if it differs from the data's. */
  asOfStatus(id: string): string | undefined {
    return this.statusOnMap.get(id);
  }

  /** The feature is drawn unseen: feature state hides it. */
  isHidden(id: string): boolean {
    return this.hiddenOnMap.has(id);
  }
}
