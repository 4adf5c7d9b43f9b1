// The parts a map is made of beyond MapLibre itself (the data's source, its read-back from tiles,
// names, highlight, 3D, hit-testing), in MapLibre's own manners for controls: a part is added to
// one map and undoes, when removed, what adding it did. The controller (map-controller.ts) makes
// the parts with each map and drops them with it; they read what they draw from the store and the
// element, so a part made later draws the same as one that was there all along.
import type { FilterSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { ReactiveControllerHost } from 'lit';
import type { ParkStore } from '../state/park-store.js';
import type { DataController } from '../data/data-controller.js';
import type { MapCamera } from './camera.js';
import type { MapTheme } from './theme.js';

export interface MapPart {
  /** The map was made (its style still loading): listeners that must see everything from now. */
  onAdd?(map: MapLibreMap): void;
  /** The style is loaded: sources, layers and the first drawing, in the order the parts are listed. */
  onLoad?(map: MapLibreMap): void;
  /** The map goes (removed, or made again): undo what onAdd and onLoad did that outlives it. */
  onRemove?(map: MapLibreMap): void;
}

/** What the element offers the map: the attributes it draws by. */
export interface MapHost extends ReactiveControllerHost, HTMLElement {
  lang: string;
  basemap: string;
  basemapKey: string | null;
  basemapCrs: string | null;
  /** The basemaps the switch offers (`basemaps`), or null for no switch. */
  basemaps: string | null;
  cooperativeGestures: boolean;
  view: '2d' | '3d';
  storeyHeight: number | undefined;
  /** What the first view frames (`fit`): `all`, ids, or null for the densest zone. */
  fit: string | null;
  /** The offline map's ground (`ground`): `auto`, or `none`. */
  ground: string;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** What every part of one map shares. */
export interface MapContext {
  readonly map: MapLibreMap;
  readonly maplibre: typeof import('maplibre-gl');
  readonly host: MapHost;
  readonly store: ParkStore;
  /** Where tile features go to be validated into the store. */
  readonly loader: Pick<DataController, 'setTileFeatures'>;
  readonly camera: MapCamera;
  /** The colours the map was made with (from the host's `--park-map-*` properties). */
  readonly theme: MapTheme;
  /** The map reads vector tiles (else the store's features, as GeoJSON). */
  readonly tiled: boolean;
  /** The property that holds a feature's string id on the map. */
  readonly idProperty: string;
  /** Each filterable layer's own filter, which the feature filter is combined with. */
  readonly baseFilters: Map<string, FilterSpecification>;
}
