// A stand-in for MapLibre's Map, for testing the map's parts (src/map/map-part.ts) one at a time in
// Node: it records what they give it (sources and their data, layers, filters, layout and paint
// properties, feature state, camera moves) and lets a test fire the map's events ('sourcedata',
// 'idle', 'moveend', 'zoom', 'click'…) and set what it answers (rendered and source features, the
// view). Only what the parts call is here. The real map is in test/browser.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { ParkFeature, ParkProperties, Geometry } from '../../src/data/types.js';
import { MapCamera } from '../../src/map/camera.js';
import type { MapContext, MapHost } from '../../src/map/map-part.js';
import { DEFAULT_THEME } from '../../src/map/theme.js';
import { ParkStore } from '../../src/state/park-store.js';

type Listener = (event: unknown) => void;

/** A source the map was given: its specification and the data last set on it. */
export class FakeSource {
  /** How many times setData was called (the data given with addSource is not counted). */
  setDataCount = 0;
  data: unknown;
  constructor(readonly spec: Record<string, unknown>) {
    this.data = spec['data'];
  }
  setData(data: unknown): this {
    this.data = data;
    this.setDataCount++;
    return this;
  }
}

/** A rendered feature as queryRenderedFeatures gives it: its layer and its properties. */
export interface FakeHit {
  layer: { id: string };
  properties: Record<string, unknown>;
}

/** A camera move the map was asked for (`bounds`: fitBounds's). */
export interface FakeMove {
  kind: 'jumpTo' | 'easeTo' | 'fitBounds';
  options: Record<string, unknown>;
  bounds?: unknown;
}

export class FakeMap {
  readonly sources = new Map<string, FakeSource>();
  /** The layers added, in order. */
  readonly layers: { id: string; [key: string]: unknown }[] = [];
  /** Each layer's filter as last set with setFilter. */
  readonly filters = new Map<string, unknown>();
  /** `layer/property` → value, as last set with setLayoutProperty. */
  readonly layout = new Map<string, unknown>();
  /** `layer/property` → value, as last set with setPaintProperty. */
  readonly paint = new Map<string, unknown>();
  /** `source/sourceLayer/id` → the feature's state. */
  readonly featureState = new Map<string, Record<string, unknown>>();
  /** How many setFeatureState and removeFeatureState calls were made. */
  featureStateCalls = 0;
  readonly moves: FakeMove[] = [];
  /** The parameters of each querySourceFeatures call. */
  readonly sourceQueries: { source: string; params: unknown }[] = [];

  // What the map answers; tests set these.
  pitch = 0;
  zoom = 8;
  bearing = 0;
  center = { lng: 112.6, lat: 27.3 };
  /** west, south, east, north */
  bounds: [number, number, number, number] = [112, 26, 113, 28];
  container = { clientWidth: 800, clientHeight: 600 };
  /** The canvas: its cursor, and its pixels (as big as the container, at a pixel ratio of 1). */
  readonly canvas = { style: { cursor: '' }, width: 800, height: 600 };
  /** What queryRenderedFeatures finds under any point (filtered by the layers asked for). */
  rendered: FakeHit[] = [];
  /** What querySourceFeatures gives for the source. */
  sourceFeatures: unknown[] = [];
  sourceLoaded = true;
  /** Pixels per degree in project() (x east, y south, the centre in the container's middle). */
  scale = 1000;

  private readonly listeners = new Map<string, Set<Listener>>();

  /** This object as the MapLibre map the parts take. */
  get asMap(): MapLibreMap {
    return this as unknown as MapLibreMap;
  }

  on(type: string, listener: Listener): this {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    set.add(listener);
    return this;
  }

  off(type: string, listener: Listener): this {
    this.listeners.get(type)?.delete(listener);
    return this;
  }

  /** Fires a map event at the listeners registered now. */
  fire(type: string, event: Record<string, unknown> = {}): void {
    for (const listener of [...(this.listeners.get(type) ?? [])]) listener({ type, ...event });
  }

  listenerCount(type: string): number {
    return this.listeners.get(type)?.size ?? 0;
  }

  addSource(id: string, spec: Record<string, unknown>): this {
    // As MapLibre: a second source of the same id is an error.
    if (this.sources.has(id)) throw new Error(`There is already a source with ID "${id}".`);
    this.sources.set(id, new FakeSource(spec));
    return this;
  }

  getSource(id: string): FakeSource | undefined {
    return this.sources.get(id);
  }

  isSourceLoaded(id: string): boolean {
    return this.sources.has(id) && this.sourceLoaded;
  }

  addLayer(layer: { id: string }): this {
    this.layers.push(layer);
    return this;
  }

  getLayer(id: string): { id: string } | undefined {
    return this.layers.find((layer) => layer.id === id);
  }

  setFilter(layer: string, filter: unknown): this {
    this.filters.set(layer, filter);
    return this;
  }

  setLayoutProperty(layer: string, property: string, value: unknown): this {
    this.layout.set(`${layer}/${property}`, value);
    return this;
  }

  setPaintProperty(layer: string, property: string, value: unknown): this {
    this.paint.set(`${layer}/${property}`, value);
    return this;
  }

  setFeatureState(
    target: { source: string; sourceLayer?: string; id: string | number },
    state: Record<string, unknown>,
  ): void {
    this.featureStateCalls++;
    const key = stateKey(target);
    this.featureState.set(key, { ...this.featureState.get(key), ...state });
  }

  removeFeatureState(
    target: { source: string; sourceLayer?: string; id: string | number },
    key?: string,
  ): void {
    this.featureStateCalls++;
    const id = stateKey(target);
    const now = { ...this.featureState.get(id) };
    if (key === undefined) this.featureState.delete(id);
    else {
      delete now[key];
      this.featureState.set(id, now);
    }
  }

  /** The ids (of `source`) whose state has `key` set to true. */
  statedIds(source: string, key: string): string[] {
    const ids: string[] = [];
    for (const [target, state] of this.featureState) {
      if (state[key] !== true) continue;
      const [stateSource, , id] = target.split('/');
      if (stateSource === source) ids.push(id!);
    }
    return ids;
  }

  getPitch(): number {
    return this.pitch;
  }
  getZoom(): number {
    return this.zoom;
  }
  getBearing(): number {
    return this.bearing;
  }
  getCenter(): { lng: number; lat: number } {
    return this.center;
  }
  isMoving(): boolean {
    return false;
  }
  getContainer(): { clientWidth: number; clientHeight: number } {
    return this.container;
  }
  getCanvas(): { style: { cursor: string }; width: number; height: number } {
    return this.canvas;
  }
  getPixelRatio(): number {
    return 1;
  }
  getBounds() {
    const [west, south, east, north] = this.bounds;
    return {
      getWest: () => west,
      getSouth: () => south,
      getEast: () => east,
      getNorth: () => north,
    };
  }

  project(position: [number, number]): { x: number; y: number } {
    return {
      x: (position[0] - this.center.lng) * this.scale + this.container.clientWidth / 2,
      y: (this.center.lat - position[1]) * this.scale + this.container.clientHeight / 2,
    };
  }

  jumpTo(options: Record<string, unknown>): this {
    this.moves.push({ kind: 'jumpTo', options });
    this.moveTo(options);
    return this;
  }

  easeTo(options: Record<string, unknown>): this {
    this.moves.push({ kind: 'easeTo', options });
    this.moveTo(options);
    return this;
  }

  fitBounds(bounds: unknown, options: Record<string, unknown> = {}): this {
    this.moves.push({ kind: 'fitBounds', bounds, options });
    return this;
  }

  private moveTo(options: Record<string, unknown>): void {
    if (typeof options['pitch'] === 'number') this.pitch = options['pitch'];
    if (typeof options['zoom'] === 'number') this.zoom = options['zoom'];
    if (typeof options['bearing'] === 'number') this.bearing = options['bearing'];
    const center = options['center'] as [number, number] | undefined;
    if (center) this.center = { lng: center[0], lat: center[1] };
  }

  querySourceFeatures(source: string, params: unknown): unknown[] {
    this.sourceQueries.push({ source, params });
    return this.sources.has(source) ? this.sourceFeatures : [];
  }

  queryRenderedFeatures(_point: unknown, options: { layers?: string[] } = {}): FakeHit[] {
    const layers = options.layers;
    return this.rendered.filter((hit) => !layers || layers.includes(hit.layer.id));
  }
}

function stateKey(target: { source: string; sourceLayer?: string; id: string | number }): string {
  return `${target.source}/${target.sourceLayer ?? ''}/${target.id}`;
}

/** The element's attributes the parts read; tests change them as the element would. */
export interface FakeHost {
  lang: string;
  view: '2d' | '3d';
  storeyHeight: number | undefined;
}

/** The context a part is made with, around a fake map, a real store and a real camera. */
export function fakeContext(
  options: {
    tiled?: boolean;
    idProperty?: string;
    maplibre?: unknown;
    setTileFeatures?: (raw: readonly unknown[]) => void;
  } = {},
) {
  const map = new FakeMap();
  const store = new ParkStore();
  const camera = new MapCamera();
  const host: FakeHost = { lang: 'zh-CN', view: '2d', storeyHeight: undefined };
  const tileReports: (readonly unknown[])[] = [];
  const context: MapContext = {
    map: map.asMap,
    maplibre: (options.maplibre ?? {}) as typeof import('maplibre-gl'),
    host: host as unknown as MapHost,
    store,
    loader: { setTileFeatures: options.setTileFeatures ?? ((raw) => tileReports.push(raw)) },
    camera,
    theme: DEFAULT_THEME,
    tiled: options.tiled ?? false,
    idProperty: options.idProperty ?? (options.tiled ? 'id' : 'pmId'),
    baseFilters: new Map(),
  };
  return { map, store, camera, host, context, tileReports };
}

/** A feature of the data, a point in Hengyang unless given a geometry. */
export function parkFeature(
  id: string,
  properties: Partial<ParkProperties> = {},
  geometry: Geometry = { type: 'Point', coordinates: [112.6, 26.9] },
): ParkFeature {
  return { type: 'Feature', id, geometry, properties: { kind: 'park', name: id, ...properties } };
}

/** A closed square polygon `size` degrees wide, its south-west corner at (west, south). */
export function square(west: number, south: number, size = 0.01): Geometry {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [west, south],
        [west + size, south],
        [west + size, south + size],
        [west, south + size],
        [west, south],
      ],
    ],
  };
}

/** Loads `features` into the store as a new, valid data set. */
export function loadInto(store: ParkStore, features: readonly ParkFeature[]): void {
  store.setData('ready', features, [], { refresh: false, reported: [], tiles: false });
}
