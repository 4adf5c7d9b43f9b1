// MapLibre lifecycle as a Lit ReactiveController: creates the map once the host has rendered its
// container, draws the features, reports clicks and errors, and removes the map (freeing its WebGL
// context) when the host leaves the document.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type {
  GeoJSONSource,
  Map as MapLibreMap,
  Marker,
  FilterSpecification,
  MapMouseEvent,
  NavigationControl,
} from 'maplibre-gl';
import { bboxOf } from '../data/bbox.js';
import { geometryFromWgs84, positionFromWgs84, positionToWgs84 } from '../data/coords.js';
import type { ParkFeature } from '../data/types.js';
import type { Lang } from '../i18n/lang.js';
import {
  CLICKABLE_LAYERS,
  EXTRUSION_LAYER,
  HIDDEN_STATE,
  HIGHLIGHT_SOURCE_ID,
  ID_PROPERTY,
  SOURCE_ID,
} from './layer-ids.js';
import type { renderCollection } from './layers.js';
import {
  SOURCE_LAYER,
  TEMPLATE_MAX_ZOOM,
  TEMPLATE_MIN_ZOOM,
  TILE_ID_PROPERTY,
  decodeTileProperties,
  type TileSourceRequest,
} from './tile-source.js';
import type { ArchiveInfo } from './pmtiles-archive.js';
import type { TileFilter } from './tile-filter.js';
import type { DisplayCrs } from './basemaps.js';
import type { LabelSpec } from './labels.js';
import { DEFAULT_THEME, resolveTheme, type MapTheme } from './theme.js';
import { bundledWorkerUrl } from './worker-url.js';

export type MapState = 'idle' | 'loading' | 'ready' | 'failed';

export interface MapControllerOptions {
  /** The element MapLibre draws into; null until the host has rendered. */
  container: () => HTMLElement | null;
  lang: () => Lang;
  /** The user clicked a feature (its id) or empty map (null). */
  onFeatureClick: (id: string | null) => void;
  onError: (code: string, message: string) => void;
  /** A new map has its style and the current features, or no map could be made (state `failed`):
   * called once per attempt. */
  onReady: () => void;
  /** The camera stopped moving (pan, zoom, fly). */
  onMoveEnd: () => void;
  /** Vector tiles: the features in the tiles loaded now (one per id, properties decoded). */
  onTileFeatures: (features: TileFeatureSnapshot[]) => void;
  /** Vector tiles: the archive could not be opened (no map data will come). */
  onTilesFailed: (message: string) => void;
  /** May the map be freed while out of sight? (Not while shapes are drawn on it.) */
  canRelease: () => boolean;
  /** The loaded feature with this id, if any (the element's index: no scan here). */
  featureById: (id: string) => ParkFeature | undefined;
  /** The `basemap` attribute, `basemap-key` and `basemap-crs`. */
  basemap: () => { name: string | null; key: string | null; crs?: string | null };
  /** Let the page scroll past the map: zooming needs Ctrl (or two fingers). */
  cooperativeGestures: () => boolean;
}

/**
 * A feature as read from the loaded tiles, before validation. Its `geometry` (GeoJSON, from the
 * largest piece) is converted from the tile when first read: most readers never need it.
 */
export interface TileFeatureSnapshot {
  type: 'Feature';
  id: string;
  readonly geometry: unknown;
  properties: Record<string, unknown>;
}

export interface Camera {
  center?: [number, number];
  zoom?: number;
  pitch?: number;
  bearing?: number;
}

type MapLibreModule = typeof import('maplibre-gl');
type MapCode = typeof import('./map-code.js');

let maplibreModule: Promise<MapLibreModule> | undefined;
let mapCode: MapCode | undefined;

/**
 * The map's own code (map-code.ts), which loadMapLibre loads with MapLibre: every use is on a path
 * that has a map, so it is there.
 */
function code(): MapCode {
  if (!mapCode) throw new Error('<park-map>: the map code is used before MapLibre was loaded');
  return mapCode;
}

type ArchiveCode = typeof import('./pmtiles-archive.js');
let archiveCode: Promise<ArchiveCode> | undefined;
/** Set once loaded: an archive that opened was opened by it. */
let archives: ArchiveCode | undefined;

/** A PMTiles archive's reader (and pmtiles), loaded the first time an archive is opened. */
function loadArchiveCode(): Promise<ArchiveCode> {
  archiveCode ??= import('./pmtiles-archive.js').then(
    (module) => (archives = module),
    (error: unknown) => {
      archiveCode = undefined; // the next archive tries again
      throw error;
    },
  );
  return archiveCode;
}

/**
 * Loads MapLibre, and the map's own code with it, once per page. The standalone bundle points it at
 * the worker file emitted beside the bundle, unless the page set one already; the library build
 * leaves that to the application.
 */
function loadMapLibre(): Promise<MapLibreModule> {
  maplibreModule ??= Promise.all([import('maplibre-gl'), import('./map-code.js')]).then(
    ([module, loaded]) => {
      mapCode = loaded;
      if (bundledWorkerUrl && !module.getWorkerUrl()) module.setWorkerUrl(bundledWorkerUrl);
      // Start MapLibre's workers (each parses a ~500 KB script) while the data is still on its way,
      // rather than when the first map is made. They stay for the page, shared by every map on it.
      module.prewarm();
      return module;
    },
  );
  return maplibreModule;
}

const FIT_PADDING = 32;
/** The clickable layers as MapLibre's query wants them (a mutable list), made once. */
const CLICKABLE = [...CLICKABLE_LAYERS];

/** Camera moves jump instead of animating when the reader asks for reduced motion. */
function motionAllowed(): boolean {
  return !window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
}

export class MapController implements ReactiveController {
  /** The MapLibre map, once created. */
  map: MapLibreMap | undefined;
  state: MapState = 'idle';

  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly options: MapControllerOptions;
  private resizeObserver: ResizeObserver | undefined;
  private intersection: IntersectionObserver | undefined;
  private visibility: 'unknown' | 'visible' | 'hidden' = 'unknown';
  /** Bumped on disconnect so a map whose creation was under way is dropped when it arrives. */
  private generation = 0;
  private features: readonly ParkFeature[] = [];
  private fitPending = false;
  private selectedId: string | null = null;
  private hoveredId: string | null = null;
  /** The features the highlight source last outlined, unshifted (see updateHighlight). */
  private lastHighlight: [ParkFeature | undefined, ParkFeature | undefined] = [
    undefined,
    undefined,
  ];
  /** A preview is drawn: its features are not the element's yet (see preview()). */
  private previewing = false;
  private styleReady: Promise<void> | undefined;
  /** The colours the map was made with (from the host's `--park-map-*` properties). */
  theme: MapTheme = DEFAULT_THEME;
  private navigation: NavigationControl | undefined;
  private maplibre: MapLibreModule | undefined;
  /** Name labels as HTML markers, with the zoom range each shows in. */
  private labels: { spec: LabelSpec; marker: Marker }[] = [];
  private lang: Lang = 'zh-CN';
  /** Each filterable layer's own filter, which the feature filter is combined with. */
  private baseFilters = new Map<string, FilterSpecification>();
  private featureFilter: FilterSpecification | null = null;
  private passing: ReadonlySet<string> | null = null;
  /** GeoJSON: the ids this map's source holds the `hidden` feature state for (what is drawn unseen). */
  private hiddenOnMap: ReadonlySet<string> = new Set();
  /** Vector tiles: the filter on the map (made with the map, from the map code). */
  private tileFilter: TileFilter | undefined;
  /** GeoJSON: the number each string id is drawn with, the key of its feature state (kept for the
   * element's life, so that a feature keeps its number, and its state, across new data). */
  private readonly stateIds = new Map<string, number>();
  private view: '2d' | '3d' = '2d';
  private storeyHeight: number | undefined;
  /** A camera asked for before the map was ready (e.g. from the URL): used instead of fitting. */
  private pendingCamera: Camera | undefined;
  /** The features last handed to the map's source (they need not be sent again). */
  private drawn: readonly ParkFeature[] | undefined;
  /** The collection last handed to the map's source, which MapLibre keeps on this thread. */
  private rendered: ReturnType<typeof renderCollection> | undefined;
  /** Set once a camera was given: loading data then no longer frames it. */
  private cameraGiven = false;
  /** The WebGL context is lost and not yet restored (MapLibre restores it by itself). */
  contextLost = false;
  /** The basemap's coordinate system, which the features are shifted into for display. */
  private crs: DisplayCrs = 'wgs84';
  private shifted: { from: readonly ParkFeature[]; crs: DisplayCrs; to: readonly ParkFeature[] } = {
    from: [],
    crs: 'wgs84',
    to: [],
  };
  /** Vector tiles instead of GeoJSON (null: GeoJSON). */
  private tileSource: TileSourceRequest | null = null;
  /** The archive this map opened (closed again with the map). */
  private openedArchive: string | undefined;
  private archiveOpening: Promise<ArchiveInfo> | undefined;
  private archiveInfo: ArchiveInfo | undefined;
  /** Ids of the tile features last reported (null: none reported yet), to report only changes. */
  private reportedTileIds: Set<string> | null = null;
  /** While a map is being made: settles once it is made (or is not, after all). */
  private making: { made: Promise<void>; settle: () => void } | undefined;

  /**
   * Settles once the map on its way is made (MapLibre run, the map constructed: its start-up then
   * goes on beside other work), or could not be; undefined when no map is on its way.
   */
  whenMade(): Promise<void> | undefined {
    return this.making?.made;
  }

  constructor(host: ReactiveControllerHost & HTMLElement, options: MapControllerOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostConnected(): void {
    // A page keeps only ~16 WebGL contexts: make the map when the element comes near the viewport,
    // and free it when it goes far away (unless something is drawn on it).
    this.visibility = 'unknown';
    this.intersection = new IntersectionObserver(this.onIntersection, { rootMargin: '256px' });
    this.intersection.observe(this.host);
    // Start fetching MapLibre now, not a frame later when the observer first reports: the module is
    // shared by every element of the page and needed as soon as one is seen. A failure is reported
    // by create(), which loads it again. (Dev tooling may rewrite `import()` into a call that throws
    // at once, as Vitest's browser runner does in a frame it does not own: hence the try.)
    try {
      loadMapLibre().catch(() => undefined);
    } catch {
      maplibreModule = undefined;
    }
  }

  hostUpdated(): void {
    if (this.state === 'idle' && this.host.isConnected && this.visibility === 'visible') {
      void this.create();
    }
  }

  /** True while the element is out of sight and its map not made: the data waits to be drawn. */
  get deferred(): boolean {
    return this.state === 'idle' && this.visibility === 'hidden';
  }

  private readonly onIntersection = (entries: IntersectionObserverEntry[]) => {
    const entry = entries[entries.length - 1];
    if (!entry) return;
    const was = this.visibility;
    this.visibility = entry.isIntersecting ? 'visible' : 'hidden';
    if (this.visibility === 'visible' && this.state === 'idle') this.host.requestUpdate();
    else if (this.visibility === 'hidden' && this.state === 'ready' && this.options.canRelease()) {
      this.release();
    } else if (this.visibility === 'hidden' && was === 'unknown') this.options.onReady();
  };

  /** Frees the map (and its WebGL context) while out of sight; it is made again, same view, when seen. */
  private release(): void {
    const camera = this.camera();
    this.teardown();
    if (camera) this.setCamera(camera);
  }

  /** Makes the map again (a new basemap or gesture setting): the data and view are drawn anew. */
  recreate(): void {
    if (this.state === 'idle') return;
    this.release();
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.intersection?.disconnect();
    this.intersection = undefined;
    this.visibility = 'unknown';
    this.teardown();
  }

  private teardown(): void {
    if (this.labelFrame !== undefined) cancelAnimationFrame(this.labelFrame);
    this.labelFrame = undefined;
    this.generation += 1;
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    this.removeLabels();
    this.map?.remove();
    this.map = undefined;
    // Closed once opened (it may still be opening): each successful open is closed exactly once.
    const opening = this.archiveOpening;
    const url = this.openedArchive;
    if (opening && url)
      void opening.then(
        () => archives?.closeArchive(url),
        () => {},
      );
    this.archiveOpening = undefined;
    this.openedArchive = undefined;
    this.archiveInfo = undefined;
    this.reportedTileIds = null;
    // A new map starts with no feature state.
    this.hiddenOnMap = new Set();
    this.tileFilter = undefined;
    this.drawn = undefined;
    this.rendered = undefined;
    this.navigation = undefined;
    this.styleReady = undefined;
    this.state = 'idle';
    this.contextLost = false;
    // A map made again later frames the data again.
    this.fitPending = this.features.length > 0;
  }

  private async create(): Promise<void> {
    if (!this.options.container()) return;
    let settle = (): void => undefined;
    const made = new Promise<void>((resolve) => (settle = resolve));
    this.making = { made, settle };
    try {
      await this.makeMap();
    } finally {
      settle();
      if (this.making?.made === made) this.making = undefined;
    }
  }

  private async makeMap(): Promise<void> {
    const container = this.options.container();
    if (!container) return;
    const generation = this.generation;
    // The host shows 'idle' and 'loading' alike, so no new render is needed here.
    this.state = 'loading';
    const tileSource = this.tileSource;
    const loadingMapLibre = loadMapLibre();
    // An archive's header is read while MapLibre loads (both before the map can be made).
    let archiveOpening: Promise<ArchiveInfo> | undefined;
    if (tileSource?.kind === 'pmtiles') {
      this.openedArchive = tileSource.url;
      archiveOpening = loadArchiveCode().then((loaded) =>
        loaded.openArchive(tileSource.url, loadingMapLibre),
      );
      this.archiveOpening = archiveOpening;
      // Handled below; this keeps a failure from counting as unhandled meanwhile.
      archiveOpening.catch(() => {});
    }
    let maplibre: MapLibreModule;
    try {
      maplibre = await loadingMapLibre;
    } catch (error) {
      this.fail('map-load-failed', `could not load MapLibre or the map code: ${String(error)}`);
      return;
    }
    if (generation !== this.generation) return;
    this.maplibre = maplibre;
    if (archiveOpening) {
      // The header gives the source's zooms and the bounds to frame.
      try {
        this.archiveInfo = await archiveOpening;
      } catch (error) {
        this.openedArchive = undefined;
        if (generation !== this.generation) return;
        this.options.onTilesFailed(error instanceof Error ? error.message : String(error));
      }
      if (generation !== this.generation) {
        return;
      }
    }
    this.lang = this.options.lang();
    const hostStyle = getComputedStyle(this.host);
    const theme = resolveTheme((name) => hostStyle.getPropertyValue(name));
    this.theme = theme;
    const { name, key, crs } = this.options.basemap();
    const basemap = code().chooseBasemap(name, key, theme, crs);
    this.crs = basemap.choice.crs;
    if (basemap.problem) this.options.onError(basemap.problem.code, basemap.problem.message);
    if (tileSource && this.crs !== 'wgs84') {
      // Vector tiles are cut in WGS84 by whoever made them: they cannot be shifted here.
      this.crs = 'wgs84';
      this.options.onError(
        'tiles-crs-unsupported',
        `vector tiles are drawn as they are: on a ${basemap.choice.crs.toUpperCase()} basemap they sit a few hundred metres off it. Use a WGS84 basemap (tianditu, osm) with tiles, or cut the tiles in ${basemap.choice.crs.toUpperCase()}.`,
      );
    }
    let map: MapLibreMap;
    try {
      map = new maplibre.Map({
        container,
        style: basemap.choice.style,
        center: [112.6, 27.3],
        zoom: 8,
        // An archive's header gives its bounds: open on them (no tiles fetched for another view).
        ...(this.archiveInfo && !this.cameraGiven
          ? { bounds: this.archiveInfo.bounds, fitBoundsOptions: { padding: FIT_PADDING } }
          : {}),
        attributionControl: basemap.choice.online ? { compact: true } : false,
        cooperativeGestures: this.options.cooperativeGestures(),
        locale: code().MAP_LOCALE[this.options.lang()],
        // The page decides whether the map may be scrolled past; keyboard panning stays on.
        dragRotate: true,
      });
    } catch (error) {
      this.fail('webgl-unavailable', String(error instanceof Error ? error.message : error));
      return;
    }
    this.map = map;
    this.making?.settle();
    this.navigation = new maplibre.NavigationControl({ visualizePitch: true });
    map.addControl(this.navigation, 'top-right');
    map.on('error', (event) => {
      const error = event.error as Error | undefined;
      this.options.onError('map-error', error?.message ?? 'MapLibre reported an error');
    });
    this.styleReady = new Promise((resolve) => {
      map.once('load', () => {
        if (tileSource) this.addTileSource(map, tileSource);
        else {
          // Numeric feature ids (see renderCollection), not `promoteId`: exact feature-state keys.
          map.addSource(SOURCE_ID, {
            type: 'geojson',
            data: this.render(),
          });
          this.drawn = this.features;
          // Made empty; applySelection below fills it if something is selected or hovered already.
          this.lastHighlight = [undefined, undefined];
          map.addSource(HIGHLIGHT_SOURCE_ID, {
            type: 'geojson',
            data: code().highlightCollection(undefined, undefined),
          });
        }
        const layers = tileSource
          ? code().featureLayers(theme, {
              sourceLayer: SOURCE_LAYER,
              idProperty: TILE_ID_PROPERTY,
              storeyHeight: this.storeyHeight,
            })
          : code().featureLayers(theme);
        for (const layer of layers) {
          map.addLayer(layer);
          if ('filter' in layer && layer.filter && code().isFilterableLayer(layer.id)) {
            this.baseFilters.set(layer.id, layer.filter);
          }
        }
        this.applyFeatureFilter();
        this.applyView(false);
        this.applySelection();
        resolve();
      });
    });
    // The GPU may drop the context (driver reset, too many tabs): MapLibre rebuilds everything on
    // restore by itself; meanwhile the element says what is going on instead of a frozen picture.
    map.on('webglcontextlost', () => {
      this.contextLost = true;
      this.host.requestUpdate();
    });
    map.on('webglcontextrestored', () => {
      this.contextLost = false;
      this.host.requestUpdate();
    });
    map.on('click', this.onClick);
    map.on('zoom', this.showLabelsForZoom);
    map.on('pitch', this.showLabelsForZoom);
    map.on('moveend', () => {
      if (tileSource) this.scheduleTileLabels();
      this.options.onMoveEnd();
    });
    map.on('mousemove', this.onMouseMove);
    if (tileSource) {
      map.on('idle', this.onTilesIdle);
      // Made with the map, so that it sees every tile of the source come in.
      const tileFilter = new (code().TileFilter)(map, this.baseFilters);
      this.tileFilter = tileFilter;
      map.on('sourcedata', (event) => tileFilter.take(event));
    }
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
    if (this.pendingCamera) {
      map.jumpTo(this.toDisplayCamera(this.pendingCamera));
      this.pendingCamera = undefined;
      this.fitPending = false;
    }
    if (this.fitPending) this.fitToAll();
    if (tileSource && !this.cameraGiven) this.fitToTiles(false);
    this.host.requestUpdate();
    this.options.onReady();
  }

  /** The vector source: the archive through park-map's protocol, or the tile server's template. */
  private addTileSource(map: MapLibreMap, tileSource: TileSourceRequest): void {
    const info = this.archiveInfo;
    if (tileSource.kind === 'pmtiles' && !info) return;
    map.addSource(SOURCE_ID, {
      type: 'vector',
      tiles: [info ? info.tiles : tileSource.url],
      minzoom: info ? info.minZoom : TEMPLATE_MIN_ZOOM,
      maxzoom: info ? info.maxZoom : TEMPLATE_MAX_ZOOM,
      ...(info ? { bounds: info.bounds } : {}),
      promoteId: TILE_ID_PROPERTY,
    });
  }

  /** Vector tiles or GeoJSON; a change makes the map again. */
  setTileSource(request: TileSourceRequest | null): void {
    const same =
      request === this.tileSource ||
      (request !== null &&
        this.tileSource !== null &&
        request.kind === this.tileSource.kind &&
        request.url === this.tileSource.url);
    if (same) return;
    this.tileSource = request;
    this.recreate();
  }

  /** True when the map reads vector tiles. */
  get tiled(): boolean {
    return this.tileSource !== null;
  }

  /** The property that holds a feature's string id on the map. */
  get idProperty(): string {
    return this.tileSource ? TILE_ID_PROPERTY : ID_PROPERTY;
  }

  /**
   * After each render: the features in the loaded tiles, one per id (a feature cut by tile edges
   * comes in pieces: the largest piece is kept), reported when the set of ids changed.
   */
  private readonly onTilesIdle = () => {
    const map = this.map;
    if (!map?.getSource(SOURCE_ID) || !map.isSourceLoaded(SOURCE_ID)) return;
    // A feature cut by tile edges (or in a tile's margin) comes in pieces. Reading a piece's
    // `geometry` converts it from the tile, most of the read-back's cost: the pieces are kept, and
    // the largest is found when the feature's geometry is first read (see tileSnapshot).
    const pieces = new Map<string, TilePiece[]>();
    const found = map.querySourceFeatures(SOURCE_ID, { sourceLayer: SOURCE_LAYER });
    for (const feature of found) {
      const id = feature.properties[TILE_ID_PROPERTY];
      if (typeof id !== 'string') continue;
      const previous = pieces.get(id);
      if (previous) previous.push(feature);
      else pieces.set(id, [feature]);
    }
    const reported = this.reportedTileIds;
    const first = this.state === 'ready' && reported === null;
    const unchanged =
      !first &&
      pieces.size === (reported?.size ?? 0) &&
      [...pieces.keys()].every((id) => reported?.has(id));
    if (unchanged) return;
    this.reportedTileIds = new Set(pieces.keys());
    this.options.onTileFeatures(
      [...pieces].map(([id, list]) => tileSnapshot(id, list as [TilePiece, ...TilePiece[]])),
    );
  };

  /** Frames the archive's bounds (from its header); a tile server's template has none. */
  fitToTiles(animate = true): void {
    const bounds = this.archiveInfo?.bounds;
    if (!bounds || !this.map) return;
    const container = this.map.getContainer();
    if (container.clientWidth === 0 || container.clientHeight === 0) return;
    this.map.fitBounds(
      [
        [bounds[0], bounds[1]],
        [bounds[2], bounds[3]],
      ],
      { padding: FIT_PADDING, animate: animate && motionAllowed() },
    );
  }

  private fail(code: string, message: string): void {
    this.state = 'failed';
    this.options.onError(code, message);
    this.host.requestUpdate();
    this.options.onReady();
  }

  /** True when GeoJSON handed over now goes to the map's worker at once (a ready map). */
  get takesData(): boolean {
    return !this.tileSource && this.map !== undefined && this.state === 'ready';
  }

  /**
   * Draws a preview of data being validated (see data/preview.ts), framed as setFeatures would
   * frame it, without name labels: those come with the validated features.
   */
  preview(features: readonly ParkFeature[]): void {
    if (!this.takesData) return;
    this.previewing = true;
    this.features = features;
    this.fitPending ||= !this.cameraGiven;
    this.pushData();
    if (this.fitPending) this.fitToAll();
  }

  /**
   * Draws these features (replacing the previous ones); `fit` frames them once the map is ready.
   * `drawnAs`: a preview that draws exactly as these features: if the map has it, it stays.
   */
  async setFeatures(
    features: readonly ParkFeature[],
    fit: boolean,
    drawnAs?: readonly ParkFeature[],
  ): Promise<void> {
    this.features = features;
    this.previewing = false;
    // Tiles: the features are what the map loaded; the map has them and frames the archive. Their
    // names are what is new.
    if (this.tileSource) {
      if (this.state === 'ready') this.scheduleTileLabels();
      return;
    }
    this.fitPending ||= fit && !this.cameraGiven;
    if (!this.map || !this.styleReady) return;
    // On a ready map at once (no microtask): the worker starts on the data while the caller goes on
    // indexing it for the list and filters.
    if (this.state !== 'ready') await this.styleReady;
    // Data that came while the map loaded went in with its source (and labels): not twice.
    if (this.drawn !== this.features) {
      if (drawnAs !== undefined && this.drawn === drawnAs) {
        this.drawn = this.features;
        this.adoptRender();
        this.updateHighlight();
      } else this.pushData();
      this.updateLabels();
    }
    if (this.fitPending) this.fitToAll();
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
    rendered.features = code().renderCollection(
      this.displayed(),
      this.storeyHeight,
      this.stateId,
    ).features;
  }

  /** The collection MapLibre is given for the current features (it keeps it as its copy). */
  private render(): ReturnType<typeof renderCollection> {
    const rendered = code().renderCollection(this.displayed(), this.storeyHeight, this.stateId);
    this.rendered = rendered;
    return rendered;
  }

  /** The features (as drawn: shifted, heights from storeys) to MapLibre's worker. */
  private pushData(): void {
    this.map?.getSource<GeoJSONSource>(SOURCE_ID)?.setData(this.render());
    this.updateHighlight();
    this.drawn = this.features;
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
    map._locale = { ...map._locale, ...code().MAP_LOCALE[lang] };
    map.removeControl(this.navigation);
    map.addControl(this.navigation, 'top-right');
    this.lang = lang;
    this.updateLabels();
  }

  /** Replaces the name labels with those of the current features and language. */
  private updateLabels(): void {
    const map = this.map;
    const maplibre = this.maplibre;
    if (!map || !maplibre) {
      this.removeLabels();
      return;
    }
    // Tiles: thousands of parks may be loaded; only those in view at this zoom get a name, remade
    // when the view moves (HTML labels for all of them would be slow).
    let specs: LabelSpec[];
    if (this.tileSource) {
      const view = map.getBounds();
      specs = code().tileLabelSpecs(
        this.features,
        this.lang,
        [view.getWest(), view.getSouth(), view.getEast(), view.getNorth()],
        map.getZoom(),
      );
      // The same names where they were: nothing to remake.
      const same =
        specs.length === this.labels.length &&
        specs.every(({ id, text, position }, i) => {
          const shown = this.labels[i]!.spec;
          return (
            shown.id === id &&
            shown.text === text &&
            shown.position[0] === position[0] &&
            shown.position[1] === position[1]
          );
        });
      if (same) {
        this.showLabelsForZoom();
        return;
      }
    } else specs = code().labelSpecs(this.displayed(), this.lang);
    this.removeLabels();
    for (const spec of specs) {
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

  private labelFrame: number | undefined;

  /**
   * Tiles: the names in view are remade in the next frame, once for any number of calls (new
   * tiles read back, the view stopped): not inside the read-back or `park-map-load`.
   */
  private scheduleTileLabels(): void {
    if (this.labelFrame !== undefined) return;
    this.labelFrame = requestAnimationFrame(() => {
      this.labelFrame = undefined;
      this.updateLabels();
    });
  }

  private removeLabels(): void {
    for (const { marker } of this.labels) marker.remove();
    this.labels = [];
  }

  /**
   * Shows the labels of this zoom that pass the filters, dropping any that would overlap one
   * already placed (zones first, then in data order): names stay readable where zones crowd.
   */
  private readonly showLabelsForZoom = () => {
    const map = this.map;
    const zoom = map?.getZoom() ?? 0;
    const placed: { left: number; right: number; top: number; bottom: number }[] = [];
    // All sizes first, then the class changes: reading a size after a change would make the
    // browser lay out again, once per label on every zoom frame. (Hiding is `visibility`, so sizes
    // do not depend on it.)
    const sizes = this.labels.map(({ marker }) => {
      const element = marker.getElement();
      return { width: element.offsetWidth, height: element.offsetHeight };
    });
    for (const [index, { spec, marker }] of this.labels.entries()) {
      const element = marker.getElement();
      const size = sizes[index]!;
      let visible =
        zoom >= spec.minZoom &&
        zoom < spec.maxZoom &&
        (this.passing === null || this.passing.has(spec.id));
      if (visible && map) {
        const { x, y } = map.project(spec.position);
        const halfWidth = size.width / 2 + 2;
        const halfHeight = size.height / 2 + 1;
        const box = {
          left: x - halfWidth,
          right: x + halfWidth,
          top: y - halfHeight,
          bottom: y + halfHeight,
        };
        const overlaps = placed.some(
          (other) =>
            box.left < other.right &&
            other.left < box.right &&
            box.top < other.bottom &&
            other.top < box.bottom,
        );
        if (overlaps) visible = false;
        else placed.push(box);
      }
      element.classList.toggle('park-map-label-hidden', !visible);
    }
  };

  /** Shows only the features the expression passes (null: all); the data is not sent again. */
  setFeatureFilter(expression: unknown[] | null, passing: ReadonlySet<string> | null): void {
    this.featureFilter = expression as FilterSpecification | null;
    this.passing = passing;
    this.applyFeatureFilter();
    this.showLabelsForZoom();
  }

  /**
   * The features the filter leaves out get the `hidden` feature state, which MapLibre applies to the
   * drawn buffers on this thread; a layer filter would make its workers cut the whole source into
   * tiles again. Only the features whose visibility changed get a new state. GeoJSON: those of the
   * element's features the filter did not pass. Vector tiles: see TileFilter. Only the 3D layer,
   * whose opacity can not follow feature state, gets a layer filter, and only while it shows.
   */
  private applyFeatureFilter(): void {
    const map = this.map;
    // Before `load` the source is not there yet: the load handler applies the filter.
    if (!map?.getSource(SOURCE_ID)) return;
    if (this.tileFilter) this.tileFilter.apply(this.featureFilter);
    else {
      const toHide = code().hiddenIds(this.features, this.passing);
      const { hide, show } = code().visibilityChanges(this.hiddenOnMap, toHide);
      for (const id of show) {
        map.removeFeatureState({ source: SOURCE_ID, id: this.stateId(id) }, HIDDEN_STATE);
      }
      for (const id of hide) {
        map.setFeatureState({ source: SOURCE_ID, id: this.stateId(id) }, { [HIDDEN_STATE]: true });
      }
      this.hiddenOnMap = toHide;
    }
    if (this.view === '3d') this.applyLayerFilter(map, EXTRUSION_LAYER);
  }

  /** The number a string id is drawn with on a GeoJSON map (the next one, the first time). */
  private readonly stateId = (id: string): number => {
    let number = this.stateIds.get(id);
    if (number === undefined) {
      number = this.stateIds.size + 1;
      this.stateIds.set(id, number);
    }
    return number;
  };

  /** The layer's own filter combined with the feature filter (MapLibre ignores an unchanged one). */
  private applyLayerFilter(map: MapLibreMap, layer: string): void {
    const base = this.baseFilters.get(layer);
    if (!base || !map.getLayer(layer)) return;
    map.setFilter(
      layer,
      this.featureFilter ? (['all', base, this.featureFilter] as FilterSpecification) : base,
    );
  }

  /** The coordinate system the map draws in (the basemap's): `gcj02` for AMap, else `wgs84`. */
  get displayCrs(): DisplayCrs {
    return this.crs;
  }

  /** The features as drawn: shifted into the basemap's system (the same array when WGS84). */
  displayed(): readonly ParkFeature[] {
    return this.shiftedFeatures(this.features);
  }

  private shiftedFeatures(features: readonly ParkFeature[]): readonly ParkFeature[] {
    const crs = this.crs;
    if (crs === 'wgs84') return features;
    const cached = this.shifted;
    if (cached.from === features && cached.crs === crs) return cached.to;
    const to = features.map((feature) => ({
      ...feature,
      geometry: geometryFromWgs84(feature.geometry, crs),
    }));
    if (features === this.features) this.shifted = { from: features, crs, to };
    return to;
  }

  /** Moves the camera there (a WGS84 centre; at once), or remembers it for when the map is ready. */
  setCamera(camera: Camera): void {
    this.cameraGiven = true;
    if (this.map && this.state === 'ready') {
      this.map.jumpTo(this.toDisplayCamera(camera));
      this.fitPending = false;
    } else {
      this.pendingCamera = camera;
    }
  }

  private toDisplayCamera(camera: Camera): Camera {
    if (!camera.center || this.crs === 'wgs84') return camera;
    const [lng, lat] = positionFromWgs84(camera.center, this.crs);
    return { ...camera, center: [lng!, lat!] };
  }

  /** The camera now (its centre in WGS84, whatever the basemap), or undefined before the map is ready. */
  camera(): Required<Camera> | undefined {
    const map = this.map;
    if (!map || this.state !== 'ready') return undefined;
    const { lng, lat } = map.getCenter();
    const [wgsLng, wgsLat] = positionToWgs84([lng, lat], this.crs);
    return {
      center: [wgsLng!, wgsLat!],
      zoom: map.getZoom(),
      pitch: map.getPitch(),
      bearing: map.getBearing(),
    };
  }

  /** Outlines the feature under the pointer in the list (or nothing). */
  setHovered(id: string | null): void {
    this.hoveredId = id;
    const map = this.map;
    if (this.tileSource) {
      if (map?.getLayer('park-map-hover-line')) {
        map.setFilter('park-map-hover-line', code().hoverFilter(id, this.idProperty));
      }
    } else this.updateHighlight();
  }

  /**
   * The loaded feature with this id, from the element's own index; a scan while a preview is drawn
   * (its features are not indexed). Never a Map of our own: building one on the first click took
   * tens of ms at 100 000 features.
   */
  private featureWithId(id: string | null): ParkFeature | undefined {
    if (id === null) return undefined;
    return this.previewing
      ? this.features.find((candidate) => candidate.id === id)
      : this.options.featureById(id);
  }

  /** A feature as drawn: shifted into the basemap's system. */
  private asDrawn(feature: ParkFeature | undefined): ParkFeature | undefined {
    if (!feature || this.crs === 'wgs84') return feature;
    return { ...feature, geometry: geometryFromWgs84(feature.geometry, this.crs) };
  }

  /**
   * GeoJSON: the outlines follow the selection, the hover and the data (a source of ≤ 2 features).
   * Sent only when what they outline changed (compared before the shift, which makes a new
   * geometry each time): each setData reloads the source's tiles, and the map's `idle` waits for
   * them behind the data's own tiles in the worker.
   */
  private updateHighlight(): void {
    const source = this.map?.getSource<GeoJSONSource>(HIGHLIGHT_SOURCE_ID);
    if (!source) return;
    const selected = this.featureWithId(this.selectedId);
    const hovered = this.featureWithId(this.hoveredId);
    const [lastSelected, lastHovered] = this.lastHighlight;
    if (sameOutline(selected, lastSelected) && sameOutline(hovered, lastHovered)) return;
    this.lastHighlight = [selected, hovered];
    source.setData(code().highlightCollection(this.asDrawn(selected), this.asDrawn(hovered)));
  }

  /** 2D, or 3D with buildings extruded (height, or floors × storey height) and a pitched camera. */
  setView(view: '2d' | '3d', storeyHeight: number | undefined, animate = true): void {
    const heightChanged = storeyHeight !== this.storeyHeight;
    this.view = view;
    this.storeyHeight = storeyHeight;
    if (heightChanged && this.map && this.state === 'ready' && this.tileSource) {
      this.map.setPaintProperty(
        EXTRUSION_LAYER,
        'fill-extrusion-height',
        code().tileHeightExpression(storeyHeight),
      );
    } else if (heightChanged && this.map && this.state === 'ready') {
      this.pushData();
    }
    this.applyView(animate);
  }

  private applyView(animate: boolean): void {
    const map = this.map;
    if (!map?.getLayer(EXTRUSION_LAYER)) return;
    const is3d = this.view === '3d';
    // The 3D layer gets the current filter as it is shown. Showing it re-tiles the source anyway
    // (MapLibre's worker skips hidden layers), so the filter comes in the same pass.
    if (is3d) this.applyLayerFilter(map, EXTRUSION_LAYER);
    map.setLayoutProperty(EXTRUSION_LAYER, 'visibility', is3d ? 'visible' : 'none');
    const pitch = is3d ? 55 : 0;
    if (map.getPitch() === pitch) return;
    if (animate && motionAllowed()) map.easeTo({ pitch, duration: 600 });
    else map.jumpTo({ pitch });
  }

  setSelected(id: string | null): void {
    this.selectedId = id;
    this.applySelection();
  }

  private applySelection(): void {
    const map = this.map;
    if (!this.tileSource) {
      this.updateHighlight();
      return;
    }
    if (!map?.getLayer('park-map-selection-line')) return;
    for (const [layer, filter] of Object.entries(
      code().selectionLayerFilters(this.selectedId, this.idProperty),
    )) {
      map.setFilter(layer, filter);
    }
  }

  /** Frames the given features (all when none are given). */
  fitTo(features: readonly ParkFeature[], animate = true): void {
    const box = bboxOf(this.shiftedFeatures(features));
    if (!box || !this.map) return;
    const [west, south, east, north] = box;
    this.map.fitBounds(
      [
        [west, south],
        [east, north],
      ],
      { padding: FIT_PADDING, maxZoom: 18, animate: animate && motionAllowed() },
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

  /** The feature is drawn unseen: feature state hides it. */
  private isHidden(id: string): boolean {
    return this.tileFilter ? this.tileFilter.isHidden(id) : this.hiddenOnMap.has(id);
  }

  /**
   * The id of the topmost clickable feature under the pointer: buildings before plots before parks.
   * Features the filters hide are still in MapLibre's query (drawn at opacity 0): they are passed
   * over, so what is seen beneath them is what a click gets.
   */
  private featureIdAt(event: MapMouseEvent): string | null {
    const map = this.map;
    if (!map?.getLayer(CLICKABLE_LAYERS[0])) return null;
    const hits = map.queryRenderedFeatures(event.point, { layers: CLICKABLE });
    for (const layer of CLICKABLE_LAYERS) {
      for (const hit of hits) {
        if (hit.layer.id !== layer) continue;
        const id = hit.properties[this.idProperty];
        if (typeof id === 'string' && !this.isHidden(id)) return id;
      }
    }
    return null;
  }
}

/** A feature (or a piece of one) as `querySourceFeatures` gives it. */
type TilePiece = ReturnType<MapLibreMap['querySourceFeatures']>[number];

/**
 * The read-back feature of a tile feature's pieces. The properties are the feature's own, the same in
 * every piece (the first one's are read); the geometry is the largest piece's, converted when first
 * read (MapLibre keeps each piece's conversion).
 */
function tileSnapshot(
  id: string,
  pieces: readonly [TilePiece, ...TilePiece[]],
): TileFeatureSnapshot {
  let largest: TilePiece | undefined;
  return {
    type: 'Feature',
    id,
    get geometry(): unknown {
      largest ??= largestPiece(pieces);
      return largest.geometry;
    },
    properties: decodeTileProperties(pieces[0].properties),
  };
}

/** The piece holding the most of its feature (the first of equals). */
function largestPiece(pieces: readonly [TilePiece, ...TilePiece[]]): TilePiece {
  let largest = pieces[0];
  if (pieces.length === 1) return largest;
  let largestSize = pieceSize(largest.geometry);
  for (const piece of pieces.slice(1)) {
    const size = pieceSize(piece.geometry);
    if (size > largestSize) {
      largest = piece;
      largestSize = size;
    }
  }
  return largest;
}

/** How much of a feature a tile piece holds (its vertex count): the biggest piece is kept. */
function pieceSize(geometry: GeoJSON.Geometry): number {
  if (geometry.type === 'Point') return 1;
  if (geometry.type === 'Polygon')
    return geometry.coordinates.reduce((sum, ring) => sum + ring.length, 0);
  if (geometry.type === 'MultiPolygon') {
    return geometry.coordinates.reduce(
      (sum, polygon) => sum + polygon.reduce((inner, ring) => inner + ring.length, 0),
      0,
    );
  }
  return 0;
}

/** The same outline: the same feature, drawn with the same geometry (or nothing, both times). */
function sameOutline(a: ParkFeature | undefined, b: ParkFeature | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.id === b.id && a.geometry === b.geometry;
}
