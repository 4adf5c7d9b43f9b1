// MapLibre lifecycle as a Lit ReactiveController: creates the map once the host has rendered its
// container, draws the features, reports clicks and errors, and removes the map (freeing its WebGL
// context) when the host leaves the document.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type {
  GeoJSONSource,
  Map as MapLibreMap,
  Marker,
  MapMouseEvent,
  NavigationControl,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import { bboxOf } from '../data/bbox.js';
import type { ParkFeature } from '../data/types.js';
import type { Lang } from '../i18n/lang.js';
import { MAP_LOCALE } from '../i18n/map-locale.js';
import {
  CLICKABLE_LAYERS,
  SOURCE_ID,
  ID_PROPERTY,
  featureLayers,
  offlineStyle,
  renderCollection,
  selectionLayerFilters,
} from './layers.js';
import { labelSpecs, type LabelSpec } from './labels.js';
import { resolveTheme } from './theme.js';

export type MapState = 'idle' | 'loading' | 'ready' | 'failed';

export interface MapControllerOptions {
  /** The element MapLibre draws into; null until the host has rendered. */
  container: () => HTMLElement | null;
  lang: () => Lang;
  /** The user clicked a feature (its id) or empty map (null). */
  onFeatureClick: (id: string | null) => void;
  onError: (code: string, message: string) => void;
  /** A new map has its style and the current features: called once per created map. */
  onReady: () => void;
}

type MapLibreModule = typeof import('maplibre-gl');

let maplibreModule: Promise<MapLibreModule> | undefined;

/** Loads MapLibre once per page, pointing it at the worker file emitted beside the bundle. */
function loadMapLibre(): Promise<MapLibreModule> {
  maplibreModule ??= import('maplibre-gl').then((module) => {
    if (!module.getWorkerUrl()) module.setWorkerUrl(workerUrl);
    return module;
  });
  return maplibreModule;
}

const FIT_PADDING = 32;

export class MapController implements ReactiveController {
  /** The MapLibre map, once created. */
  map: MapLibreMap | undefined;
  state: MapState = 'idle';

  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly options: MapControllerOptions;
  private resizeObserver: ResizeObserver | undefined;
  /** Bumped on disconnect so a map whose creation was under way is dropped when it arrives. */
  private generation = 0;
  private features: readonly ParkFeature[] = [];
  private fitPending = false;
  private selectedId: string | null = null;
  private styleReady: Promise<void> | undefined;
  private navigation: NavigationControl | undefined;
  private maplibre: MapLibreModule | undefined;
  /** Name labels as HTML markers, with the zoom range each shows in. */
  private labels: { spec: LabelSpec; marker: Marker }[] = [];
  private lang: Lang = 'zh-CN';

  constructor(host: ReactiveControllerHost & HTMLElement, options: MapControllerOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostConnected(): void {
    // Back in the document (e.g. moved): render once more so hostUpdated creates a new map.
    if (this.state === 'idle') this.host.requestUpdate();
  }

  hostUpdated(): void {
    if (this.state === 'idle' && this.host.isConnected) void this.create();
  }

  hostDisconnected(): void {
    this.generation += 1;
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    this.removeLabels();
    this.map?.remove();
    this.map = undefined;
    this.navigation = undefined;
    this.styleReady = undefined;
    this.state = 'idle';
    // A map made again later frames the data again.
    this.fitPending = this.features.length > 0;
  }

  private async create(): Promise<void> {
    const container = this.options.container();
    if (!container) return;
    const generation = this.generation;
    // The host shows 'idle' and 'loading' alike, so no new render is needed here.
    this.state = 'loading';
    let maplibre: MapLibreModule;
    try {
      maplibre = await loadMapLibre();
    } catch (error) {
      this.fail('map-load-failed', `could not load MapLibre: ${String(error)}`);
      return;
    }
    if (generation !== this.generation) return;
    this.maplibre = maplibre;
    this.lang = this.options.lang();
    const theme = resolveTheme((name) => getComputedStyle(this.host).getPropertyValue(name));
    let map: MapLibreMap;
    try {
      map = new maplibre.Map({
        container,
        style: offlineStyle(theme),
        center: [112.6, 27.3],
        zoom: 8,
        attributionControl: false,
        locale: MAP_LOCALE[this.options.lang()],
        // The page decides whether the map may be scrolled past; keyboard panning stays on.
        dragRotate: true,
      });
    } catch (error) {
      this.fail('webgl-unavailable', String(error instanceof Error ? error.message : error));
      return;
    }
    this.map = map;
    this.navigation = new maplibre.NavigationControl({ visualizePitch: true });
    map.addControl(this.navigation, 'top-right');
    map.on('error', (event) => {
      const error = event.error as Error | undefined;
      this.options.onError('map-error', error?.message ?? 'MapLibre reported an error');
    });
    this.styleReady = new Promise((resolve) => {
      map.once('load', () => {
        map.addSource(SOURCE_ID, {
          type: 'geojson',
          data: renderCollection(this.features),
          promoteId: ID_PROPERTY,
        });
        for (const layer of featureLayers(theme)) map.addLayer(layer);
        this.applySelection();
        resolve();
      });
    });
    map.on('click', this.onClick);
    map.on('zoom', this.showLabelsForZoom);
    map.on('mousemove', this.onMouseMove);
    // A hidden tab or a collapsed panel gives the map no size: follow the container, and frame the
    // data once it has a size (fitting a 0×0 map would leave the view anywhere).
    this.resizeObserver = new ResizeObserver(() => {
      this.map?.resize();
      if (this.fitPending) this.fitToAll();
    });
    this.resizeObserver.observe(container);
    await this.styleReady;
    if (generation !== this.generation) return;
    this.state = 'ready';
    this.updateLabels();
    if (this.fitPending) this.fitToAll();
    this.host.requestUpdate();
    this.options.onReady();
  }

  private fail(code: string, message: string): void {
    this.state = 'failed';
    this.options.onError(code, message);
    this.host.requestUpdate();
  }

  /** Draws these features (replacing the previous ones); `fit` frames them once the map is ready. */
  async setFeatures(features: readonly ParkFeature[], fit: boolean): Promise<void> {
    this.features = features;
    this.fitPending ||= fit;
    if (!this.map || !this.styleReady) return;
    await this.styleReady;
    const source = this.map?.getSource<GeoJSONSource>(SOURCE_ID);
    source?.setData(renderCollection(features));
    this.updateLabels();
    if (this.fitPending) this.fitToAll();
  }

  /** Resolves when the map has drawn everything it was given (at once when there is no map). */
  async whenRendered(): Promise<void> {
    const map = this.map;
    if (!map || !this.styleReady) return;
    await this.styleReady;
    if (this.map !== map) return;
    // Data set a moment ago may still be on its way to the worker: wait for the next idle (which
    // MapLibre fires only once nothing is loading). A removed map never idles: stop waiting then.
    await new Promise<void>((resolve) => {
      map.once('idle', () => resolve());
      map.once('remove', () => resolve());
      map.triggerRepaint();
    });
  }

  /** Labels MapLibre's own controls in this language (its locale table is read when they render). */
  setLang(lang: Lang): void {
    const map = this.map;
    if (!map || !this.navigation) return;
    // MapLibre reads `_locale` (typed, public in its d.ts) whenever a control renders its labels;
    // re-adding the control is how the labels are rendered again.
    map._locale = { ...map._locale, ...MAP_LOCALE[lang] };
    map.removeControl(this.navigation);
    map.addControl(this.navigation, 'top-right');
    this.lang = lang;
    this.updateLabels();
  }

  /** Replaces the name labels with those of the current features and language. */
  private updateLabels(): void {
    const map = this.map;
    const maplibre = this.maplibre;
    this.removeLabels();
    if (!map || !maplibre) return;
    for (const spec of labelSpecs(this.features, this.lang)) {
      const element = document.createElement('div');
      element.className = `park-map-label park-map-label-${spec.kind}`;
      // Text from data is text: textContent, never HTML.
      element.textContent = spec.text;
      element.setAttribute('aria-hidden', 'true');
      const marker = new maplibre.Marker({ element, anchor: 'center' }).setLngLat(spec.position);
      marker.addTo(map);
      this.labels.push({ spec, marker });
    }
    this.showLabelsForZoom();
  }

  private removeLabels(): void {
    for (const { marker } of this.labels) marker.remove();
    this.labels = [];
  }

  private readonly showLabelsForZoom = () => {
    const zoom = this.map?.getZoom() ?? 0;
    for (const { spec, marker } of this.labels) {
      const visible = zoom >= spec.minZoom && zoom < spec.maxZoom;
      marker.getElement().classList.toggle('park-map-label-hidden', !visible);
    }
  };

  setSelected(id: string | null): void {
    this.selectedId = id;
    this.applySelection();
  }

  private applySelection(): void {
    const map = this.map;
    if (!map?.getLayer('park-map-selection-line')) return;
    for (const [layer, filter] of Object.entries(selectionLayerFilters(this.selectedId))) {
      map.setFilter(layer, filter);
    }
  }

  /** Frames the given features (all when none are given). */
  fitTo(features: readonly ParkFeature[], animate = true): void {
    const box = bboxOf(features);
    if (!box || !this.map) return;
    const [west, south, east, north] = box;
    this.map.fitBounds(
      [
        [west, south],
        [east, north],
      ],
      { padding: FIT_PADDING, maxZoom: 18, animate },
    );
  }

  private fitToAll(): void {
    const map = this.map;
    if (!map || this.features.length === 0) return;
    const container = map.getContainer();
    if (container.clientWidth === 0 || container.clientHeight === 0) return;
    this.fitPending = false;
    this.fitTo(this.features, false);
  }

  private readonly onClick = (event: MapMouseEvent) => {
    this.options.onFeatureClick(this.featureIdAt(event));
  };

  private readonly onMouseMove = (event: MapMouseEvent) => {
    const canvas = this.map?.getCanvas();
    if (canvas) canvas.style.cursor = this.featureIdAt(event) === null ? '' : 'pointer';
  };

  /** The id of the topmost clickable feature under the pointer: buildings before plots before parks. */
  private featureIdAt(event: MapMouseEvent): string | null {
    const map = this.map;
    if (!map?.getLayer(CLICKABLE_LAYERS[0])) return null;
    const hits = map.queryRenderedFeatures(event.point, { layers: [...CLICKABLE_LAYERS] });
    for (const layer of CLICKABLE_LAYERS) {
      const hit = hits.find((feature) => feature.layer.id === layer);
      const id = hit?.properties[ID_PROPERTY];
      if (typeof id === 'string') return id;
    }
    return null;
  }
}
