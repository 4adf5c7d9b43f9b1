// 2D, or 3D: buildings extruded (their height, or floors × the storey height) under a pitched
// camera. The 3D layer's opacity can not follow feature state, so it takes the filters as a layer
// filter, and only while it shows. Loaded with MapLibre.
import type { FilterSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { motionAllowed } from './camera.js';
import { EXTRUSION_LAYER } from './layer-ids.js';
import { tileHeightExpression } from './layers.js';
import type { MapContext, MapPart } from './map-part.js';

export class View3d implements MapPart {
  /** The storey height the map's heights were made with. */
  private storeyHeight: number | undefined;

  /** `redraw`: sends the GeoJSON features again (their heights are made with them). */
  constructor(
    private readonly context: MapContext,
    private readonly redraw: () => void,
  ) {
    this.storeyHeight = context.host.storeyHeight;
  }

  onLoad(): void {
    this.apply(false);
  }

  /** The element's `view` or `storey-height` changed. */
  changed(animate = true): void {
    const { map, host, tiled } = this.context;
    const storeyHeight = host.storeyHeight;
    if (storeyHeight !== this.storeyHeight) {
      this.storeyHeight = storeyHeight;
      if (tiled) {
        map.setPaintProperty(
          EXTRUSION_LAYER,
          'fill-extrusion-height',
          tileHeightExpression(storeyHeight),
        );
      } else this.redraw();
    }
    this.apply(animate);
  }

  private apply(animate: boolean): void {
    const map = this.context.map;
    if (!map.getLayer(EXTRUSION_LAYER)) return;
    const is3d = this.context.host.view === '3d';
    // The 3D layer gets the current filter as it is shown. Showing it re-tiles the source anyway
    // (MapLibre's worker skips hidden layers), so the filter comes in the same pass.
    if (is3d) this.applyFilter();
    map.setLayoutProperty(EXTRUSION_LAYER, 'visibility', is3d ? 'visible' : 'none');
    const pitch = is3d ? 55 : 0;
    if (map.getPitch() === pitch) return;
    if (animate && motionAllowed()) map.easeTo({ pitch, duration: 600 });
    else map.jumpTo({ pitch });
  }

  /** The filters reach the 3D layer, while it shows (MapLibre ignores an unchanged filter). */
  filterChanged(): void {
    if (this.context.host.view === '3d') this.applyFilter();
  }

  private applyFilter(): void {
    const { map, store, baseFilters } = this.context;
    applyLayerFilter(map, EXTRUSION_LAYER, baseFilters.get(EXTRUSION_LAYER), store.mapFilter);
  }
}

/** A layer's own filter combined with the feature filter (MapLibre ignores an unchanged one). */
function applyLayerFilter(
  map: MapLibreMap,
  layer: string,
  base: FilterSpecification | undefined,
  expression: unknown[] | null,
): void {
  if (!base || !map.getLayer(layer)) return;
  map.setFilter(
    layer,
    expression ? (['all', base, expression] as unknown as FilterSpecification) : base,
  );
}
