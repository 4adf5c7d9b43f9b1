// What is under the pointer: a click reports the topmost clickable feature (buildings before plots
// before parks), and the cursor shows when there is one. Features the filters hide are still in
// MapLibre's query (drawn at opacity 0): they are passed over, so a click gets what is seen.
// Loaded with MapLibre.
import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import { CLICKABLE_LAYERS } from './layer-ids.js';
import type { MapContext, MapPart } from './map-part.js';
import type { NameTooltip } from './name-tooltip.js';
import { CLUSTER_POINT_LAYER, type PointClusters } from './point-clusters.js';

/** The clickable layers as MapLibre's query wants them (a mutable list), made once. */
const CLICKABLE = [...CLICKABLE_LAYERS];

export class FeaturePointer implements MapPart {
  /**
   * `isHidden`: the filters hide the feature (drawn unseen). `onClick`: the id clicked, or null for
   * empty map.
   */
  constructor(
    private readonly context: MapContext,
    private readonly isHidden: (id: string) => boolean,
    private readonly onClick: (id: string | null) => void,
    private readonly tooltip?: NameTooltip,
    private readonly clusters?: PointClusters,
  ) {}

  onAdd(map: MapLibreMap): void {
    map.on('click', this.click);
    map.on('mousemove', this.move);
  }

  onRemove(map: MapLibreMap): void {
    map.off('click', this.click);
    map.off('mousemove', this.move);
  }

  private readonly click = (event: MapMouseEvent) => {
    // A cluster of points: zoomed into, not a selection.
    if (this.clusters?.expandAt(event.point)) return;
    this.onClick(this.featureIdAt(event));
  };

  private readonly move = (event: MapMouseEvent) => {
    const id = this.featureIdAt(event);
    this.context.map.getCanvas().style.cursor = id === null ? '' : 'pointer';
    // Its name beside the pointer (none while a button is held: a drag).
    if (event.originalEvent?.buttons) this.tooltip?.hide();
    else this.tooltip?.show(id, event.point);
  };

  /** The id of the topmost clickable feature under the pointer that is not hidden, or null. */
  private featureIdAt(event: MapMouseEvent): string | null {
    const { map, idProperty } = this.context;
    if (!map.getLayer(CLICKABLE_LAYERS[0])) return null;
    // GeoJSON: the project points on their own are drawn from the clusters' source.
    const layers = this.clusters ? [CLUSTER_POINT_LAYER, ...CLICKABLE] : CLICKABLE;
    const hits = map.queryRenderedFeatures(event.point, { layers });
    for (const layer of layers) {
      for (const hit of hits) {
        if (hit.layer.id !== layer) continue;
        const id = hit.properties[idProperty];
        if (typeof id === 'string' && !this.isHidden(id)) return id;
      }
    }
    return null;
  }
}
