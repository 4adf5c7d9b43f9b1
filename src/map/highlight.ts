// The outlines of the selected feature and of the hovered one (under the pointer, in the list, or
// with the map's keyboard focus): a line round a polygon, a ring round a point. GeoJSON: a
// source of at most those two features, sent again only when what it outlines changed. Vector
// tiles: the outline layers' filters name the ids (the tiles carry every feature already).
// Loaded with MapLibre.
import type { GeoJSONSource } from 'maplibre-gl';
import type { ParkFeature } from '../data/types.js';
import type { GeoJsonSource } from './geojson-source.js';
import { HIGHLIGHT_SOURCE_ID } from './layer-ids.js';
import { highlightCollection, hoverLayerFilters, selectionLayerFilters } from './layers.js';
import type { MapContext, MapPart } from './map-part.js';

const HOVER_LAYER = 'park-map-hover-line';
const SELECTION_LAYER = 'park-map-selection-line';

export class Highlight implements MapPart {
  /** GeoJSON: the features the highlight source last outlined, unshifted (see update). */
  private last: [ParkFeature | undefined, ParkFeature | undefined] = [undefined, undefined];

  /** `source`: the GeoJSON source, whose features are outlined (absent with tiles). */
  constructor(
    private readonly context: MapContext,
    private readonly source: GeoJsonSource | undefined,
  ) {}

  /** The outlines of what is selected and hovered by the time the style is loaded. */
  onLoad(): void {
    this.selectionChanged();
    if (!this.source && this.context.store.hovered !== null) this.hoverChanged();
  }

  selectionChanged(): void {
    if (this.source) {
      this.update();
      return;
    }
    const { map, store, idProperty } = this.context;
    if (!map.getLayer(SELECTION_LAYER)) return;
    for (const [layer, filter] of Object.entries(
      selectionLayerFilters(store.selected, idProperty),
    )) {
      map.setFilter(layer, filter);
    }
  }

  hoverChanged(): void {
    if (this.source) {
      this.update();
      return;
    }
    const { map, store, idProperty } = this.context;
    if (!map.getLayer(HOVER_LAYER)) return;
    for (const [layer, filter] of Object.entries(hoverLayerFilters(store.hovered, idProperty))) {
      map.setFilter(layer, filter);
    }
  }

  /**
   * GeoJSON: the outlines follow the selection, the hover and the data. Sent only when what they
   * outline changed (compared before the shift, which makes a new geometry each time): each
   * setData reloads the source's tiles, and the map's `idle` waits for them behind the data's own
   * tiles in the worker.
   */
  update(): void {
    const features = this.source;
    if (!features) return;
    const { map, store, camera } = this.context;
    const target = map.getSource<GeoJSONSource>(HIGHLIGHT_SOURCE_ID);
    if (!target) return;
    const selected = features.featureWithId(store.selected);
    const hovered = features.featureWithId(store.hovered);
    const [lastSelected, lastHovered] = this.last;
    if (sameOutline(selected, lastSelected) && sameOutline(hovered, lastHovered)) return;
    this.last = [selected, hovered];
    target.setData(highlightCollection(camera.asDrawn(selected), camera.asDrawn(hovered)));
  }
}

/** The same outline: the same feature, drawn with the same geometry (or nothing, both times). */
function sameOutline(a: ParkFeature | undefined, b: ParkFeature | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.id === b.id && a.geometry === b.geometry;
}
