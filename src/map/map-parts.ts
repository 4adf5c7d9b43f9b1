// The parts of one map (see map-part.ts), made with it and dropped with it: the data's source
// (GeoJSON, or vector tiles read back into the store), the layers, the highlight, the names, 3D
// and hit-testing; and what each store change means for them. Loaded with MapLibre (map chunk).
import type { FilterSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { ParkFeature } from '../data/types.js';
import type { DataChange } from '../state/park-store.js';
import { BasemapSwitch } from './basemap-switch.js';
import { FeatureKeyboard } from './feature-keyboard.js';
import { FeaturePointer } from './feature-pointer.js';
import { FilterFraming } from './filter-framing.js';
import { GeoJsonSource } from './geojson-source.js';
import { Highlight } from './highlight.js';
import { SOURCE_ID } from './layer-ids.js';
import { featureLayers, isFilterableLayer } from './layers.js';
import type { MapContext, MapPart } from './map-part.js';
import { ContextLayer } from './context-layer.js';
import { NameLabels } from './name-labels.js';
import { NameTooltip } from './name-tooltip.js';
import { PointClusters } from './point-clusters.js';
import { ScaleBar } from './scale-bar.js';
import type { ArchiveInfo } from './pmtiles-archive.js';
import { TileReadback } from './tile-readback.js';
import { SOURCE_LAYER, TILE_ID_PROPERTY, type TileSourceRequest } from './tile-source.js';
import { View3d } from './view-3d.js';

export interface MapPartsOptions {
  /** The number a string id is drawn with on a GeoJSON map (kept for the element's life). */
  stateId: (id: string) => number;
  /** Vector tiles instead of GeoJSON, with the archive's header if it is one. */
  tiles?: { request: TileSourceRequest; info: ArchiveInfo | undefined };
  /** A click on the map: the feature's id, or null for empty map. */
  onClick: (id: string | null) => void;
  /** The map has no basemap (`none`): the context layer shows the ground. */
  offline: boolean;
}

export class MapParts {
  private readonly geojson: GeoJsonSource | undefined;
  private readonly tiles: TileReadback | undefined;
  private readonly highlight: Highlight;
  private readonly labels: NameLabels;
  /** GeoJSON: the project points, clustered at low zoom. */
  private readonly clusters: PointClusters | undefined;
  private readonly view3d: View3d;
  private readonly framing: FilterFraming;
  private readonly scaleBar: ScaleBar;
  private readonly basemapSwitch: BasemapSwitch;
  /** The offline map's ground: rivers and towns (context-layer.ts). */
  private readonly ground: ContextLayer;
  private readonly keyboard: FeatureKeyboard;
  /** In the order they are added: the source first (the layers need it), the layers after it. */
  private readonly parts: MapPart[];

  constructor(
    private readonly context: MapContext,
    options: MapPartsOptions,
  ) {
    if (options.tiles) {
      this.tiles = new TileReadback(context, options.tiles.request, options.tiles.info);
    } else this.geojson = new GeoJsonSource(context, options.stateId);
    this.highlight = new Highlight(context, this.geojson);
    // Names are placed clear of the cluster circles, again whenever the clusters drawn change.
    this.ground = new ContextLayer(context, options.offline, () => this.labels.update());
    this.labels = new NameLabels(
      context,
      () => this.displayed(),
      () => this.clusters?.boxes() ?? [],
      (lang) => this.ground.labels(lang),
    );
    this.view3d = new View3d(context, () => this.redraw());
    this.scaleBar = new ScaleBar(context);
    this.basemapSwitch = new BasemapSwitch(context);
    if (this.geojson) this.clusters = new PointClusters(context, () => this.labels.showForZoom());
    const tooltip = new NameTooltip(context);
    const pointer = new FeaturePointer(
      context,
      (id) => this.isHidden(id),
      options.onClick,
      tooltip,
      this.clusters,
    );
    this.framing = new FilterFraming(context);
    this.keyboard = new FeatureKeyboard(context, options.onClick, tooltip);
    this.parts = [
      this.tiles ?? this.geojson!,
      this.layers,
      ...(this.clusters ? [this.clusters] : []),
      this.view3d,
      this.highlight,
      this.labels,
      tooltip,
      pointer,
      this.framing,
      this.scaleBar,
      this.ground,
      this.basemapSwitch,
      this.keyboard,
    ];
  }

  /** The map was made; its style is loading. */
  add(map: MapLibreMap): void {
    for (const part of this.parts) part.onAdd?.(map);
  }

  /** The style is loaded: sources, layers, the filter, 3D, the outlines, the names. */
  load(map: MapLibreMap): void {
    for (const part of this.parts) {
      part.onLoad?.(map);
      // The filter comes right after the layers, before the 3D layer is shown.
      if (part === this.layers) this.applyFilter();
    }
  }

  remove(map: MapLibreMap): void {
    for (const part of [...this.parts].reverse()) part.onRemove?.(map);
  }

  /** The data's layers (their own filters kept, to combine with the feature filter). */
  private readonly layers: MapPart = {
    onLoad: (map) => {
      const { theme, tiled, host, baseFilters } = this.context;
      const layers = tiled
        ? featureLayers(theme, {
            sourceLayer: SOURCE_LAYER,
            idProperty: TILE_ID_PROPERTY,
            storeyHeight: host.storeyHeight,
          })
        : featureLayers(theme);
      for (const layer of layers) {
        map.addLayer(layer);
        if ('filter' in layer && layer.filter && isFilterableLayer(layer.id)) {
          baseFilters.set(layer.id, layer.filter);
        }
      }
    },
  };

  /** The features as drawn (shifted into the basemap's system). */
  displayed(): readonly ParkFeature[] {
    return this.geojson
      ? this.geojson.displayed()
      : this.context.camera.shift(this.context.store.features, true);
  }

  /** The features drawn, a preview included (GeoJSON), or the loaded tile features. */
  get drawnFeatures(): readonly ParkFeature[] {
    return this.geojson ? this.geojson.features : this.context.store.features;
  }

  /** New data in the store (the map is ready). True when the GeoJSON source was given new data. */
  dataChanged(change: DataChange): boolean {
    if (this.tiles) {
      // Tiles: the features are what the map loaded; it has them. Their names are what is new.
      this.labels.schedule();
      return false;
    }
    const drew = this.geojson!.draw(change.drawnAs);
    this.ground.dataChanged();
    if (drew) {
      this.clusters?.update();
      this.highlight.update();
      this.labels.update();
    }
    return drew;
  }

  /** Draws a preview of a file being validated (see data/preview.ts), without names. */
  preview(features: readonly ParkFeature[]): Promise<void> {
    const sending = this.geojson?.preview(features) ?? Promise.resolve();
    this.highlight.update();
    return sending;
  }

  selectionChanged(): void {
    this.highlight.selectionChanged();
  }

  hoverChanged(): void {
    this.highlight.hoverChanged();
  }

  /**
   * The filters' result changed: hidden through feature state, the 3D layer filtered, names too;
   * the map eases to what passes (filter-framing.ts).
   */
  filterChanged(): void {
    this.applyFilter();
    this.clusters?.update();
    this.labels.showForZoom();
    this.framing.filterChanged();
  }

  /**
   * What the filters leave out gets the `hidden` feature state (GeoJSON: geojson-source.ts; tiles:
   * tile-filter.ts); only the 3D layer, whose opacity can not follow feature state, gets a layer
   * filter, and only while it shows.
   */
  private applyFilter(): void {
    const map = this.context.map;
    // Before `load` the source is not there yet: load() applies the filter.
    if (!map.getSource(SOURCE_ID)) return;
    const expression = this.context.store.mapFilter as FilterSpecification | null;
    if (this.tiles) this.tiles.filter?.apply(expression);
    else this.geojson!.applyFilter();
    this.view3d.filterChanged();
  }

  private isHidden(id: string): boolean {
    return this.tiles ? (this.tiles.filter?.isHidden(id) ?? false) : this.geojson!.isHidden(id);
  }

  /** The element's `view` or `storey-height` changed. */
  viewChanged(animate: boolean): void {
    this.view3d.changed(animate);
  }

  /** The language changed: names in it. */
  langChanged(): void {
    this.labels.update();
    this.scaleBar.langChanged();
    this.ground.langChanged();
    this.basemapSwitch.langChanged();
    this.keyboard.langChanged();
  }

  /** GeoJSON: the features sent again (their heights follow the storey height). */
  private redraw(): void {
    this.geojson?.push();
    this.highlight.update();
  }
}
