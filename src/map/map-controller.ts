// MapLibre's lifecycle as a Lit ReactiveController: loads MapLibre (with the map chunk), makes the
// map once the element is near the viewport and has rendered its container, with the basemap and
// colours it asks for, and removes it (freeing its WebGL context) when the element leaves the
// document or goes far out of sight. What a map draws is its parts' work (map-parts.ts), made with
// each map from the store and the element's attributes; this controller tells them what changed.
import type { ReactiveController } from 'lit';
import type { FilterSpecification, Map as MapLibreMap, NavigationControl } from 'maplibre-gl';
import { lazyModule } from '../chunks/lazy-module.js';
import { mapChunk, pmtilesChunk, type MapChunk } from '../chunks/loaders.js';
import type { DataController } from '../data/data-controller.js';
import type { ParkFeature } from '../data/types.js';
import { ParkMapErrorEvent } from '../events/park-map-error-event.js';
import { resolveLang } from '../i18n/lang.js';
import type { DataDrawer, ParkStore, StoreChange } from '../state/park-store.js';
import type { DisplayCrs } from './basemaps.js';
import { FIT_PADDING, MapCamera, type Camera } from './camera.js';
import { ID_PROPERTY } from './layer-ids.js';
import type { MapHost } from './map-part.js';
import type { MapParts } from './map-parts.js';
import type { ArchiveInfo } from './pmtiles-archive.js';
import { DEFAULT_THEME, resolveTheme, type MapTheme } from './theme.js';
import { TILE_ID_PROPERTY, type TileSourceRequest } from './tile-source.js';
import { bundledWorkerUrl } from './worker-url.js';

export type { Camera } from './camera.js';
export type { TileFeatureSnapshot } from './tile-readback.js';

export type MapState = 'idle' | 'loading' | 'ready' | 'failed';

export interface MapControllerOptions {
  store: ParkStore;
  /** Where the features read back from vector tiles go to be validated into the store. */
  loader: Pick<DataController, 'setTileFeatures' | 'failTiles'>;
  /** The user clicked a feature (its id) or empty map (null). */
  onFeatureClick: (id: string | null) => void;
  /**
   * A new map has its style and the current features, or no map could be made (state `failed`),
   * or the element starts out of sight (no map yet; `deferred`): once per attempt.
   */
  onReady: () => void;
  /** The camera moves (each frame of a pan, zoom or fly). */
  onMove: () => void;
  /** The camera stopped moving (pan, zoom, fly). */
  onMoveEnd: () => void;
  /** May the map be freed while out of sight? (Not while shapes are drawn on it.) */
  canRelease: () => boolean;
}

/**
 * MapLibre and the map chunk, once per page. The standalone bundle points MapLibre at the worker
 * file emitted beside the bundle, unless the page set one already; the library build leaves that
 * to the application.
 */
const maplibreChunk = lazyModule(() =>
  Promise.all([import('maplibre-gl'), mapChunk.load()]).then(([maplibre, code]) => {
    if (bundledWorkerUrl && !maplibre.getWorkerUrl()) maplibre.setWorkerUrl(bundledWorkerUrl);
    // Start MapLibre's workers (each parses a ~500 KB script) while the data is still on its way,
    // rather than when the first map is made. They stay for the page, shared by every map on it.
    maplibre.prewarm();
    return { maplibre, code };
  }),
);

export class MapController implements ReactiveController, DataDrawer {
  /** The MapLibre map, once created. */
  map: MapLibreMap | undefined;
  state: MapState = 'idle';
  /** The colours the map was made with (from the host's `--park-map-*` properties). */
  theme: MapTheme = DEFAULT_THEME;
  /** The WebGL context is lost and not yet restored (MapLibre restores it by itself). */
  contextLost = false;
  /** The camera and the display coordinate system, kept across maps. */
  readonly camera = new MapCamera();

  private readonly host: MapHost;
  private readonly store: ParkStore;
  private readonly options: MapControllerOptions;
  private resizeObserver: ResizeObserver | undefined;
  private intersection: IntersectionObserver | undefined;
  private visibility: 'unknown' | 'visible' | 'hidden' = 'unknown';
  /** Bumped on teardown so a map whose creation was under way is dropped when it arrives. */
  private generation = 0;
  private code: MapChunk | undefined;
  /** The parts of the current map, once made. */
  private parts: MapParts | undefined;
  private styleReady: Promise<void> | undefined;
  private navigation: NavigationControl | undefined;
  /** Vector tiles instead of GeoJSON (null: GeoJSON). */
  private tileSource: TileSourceRequest | null = null;
  /** The archive this map opened (closed again with the map). */
  private openedArchive: string | undefined;
  private archiveOpening: Promise<ArchiveInfo> | undefined;
  private archiveInfo: ArchiveInfo | undefined;
  /** While a map is being made: settles once it is made (or is not, after all). */
  private making: { made: Promise<void>; settle: () => void } | undefined;
  /** GeoJSON: the number each string id is drawn with, the key of its feature state (kept for the
   * element's life, so that a feature keeps its number, and its state, across new data and maps). */
  private readonly stateIds = new Map<string, number>();

  constructor(host: MapHost, options: MapControllerOptions) {
    this.host = host;
    this.store = options.store;
    this.options = options;
    host.addController(this);
    this.store.subscribe(this.onStoreChange);
  }

  /** The reader's light/dark preference: the map's colours are resolved from CSS when it is made. */
  private readonly colorScheme = window.matchMedia?.('(prefers-color-scheme: dark)');
  private readonly onColorScheme = () => this.recreate();

  hostConnected(): void {
    this.store.drawer = this;
    this.colorScheme?.addEventListener('change', this.onColorScheme);
    // A page keeps only ~16 WebGL contexts: make the map when the element comes near the viewport,
    // and free it when it goes far away (unless something is drawn on it).
    this.visibility = 'unknown';
    this.intersection = new IntersectionObserver(this.onIntersection, { rootMargin: '256px' });
    this.intersection.observe(this.host);
    // Start fetching MapLibre now, not a frame later when the observer first reports: the module is
    // shared by every element of the page and needed as soon as one is seen. A failure is reported
    // by create(), which loads it again.
    maplibreChunk.load().catch(() => undefined);
  }

  hostUpdated(): void {
    if (this.state === 'idle' && this.host.isConnected && this.visibility === 'visible') {
      void this.create();
    }
  }

  hostDisconnected(): void {
    if (this.store.drawer === this) this.store.drawer = undefined;
    this.colorScheme?.removeEventListener('change', this.onColorScheme);
    this.intersection?.disconnect();
    this.intersection = undefined;
    this.visibility = 'unknown';
    this.teardown();
  }

  /** True while the element is out of sight and its map not made: the data waits to be drawn. */
  get deferred(): boolean {
    return this.state === 'idle' && this.visibility === 'hidden';
  }

  /** True when the map reads vector tiles. */
  get tiled(): boolean {
    return this.tileSource !== null;
  }

  /** The property that holds a feature's string id on the map. */
  get idProperty(): string {
    return this.tileSource ? TILE_ID_PROPERTY : ID_PROPERTY;
  }

  /** The coordinate system the map draws in (the basemap's): `gcj02` for AMap, else `wgs84`. */
  get displayCrs(): DisplayCrs {
    return this.camera.crs;
  }

  /** The features as drawn: shifted into the basemap's system (the same array when WGS84). */
  displayed(): readonly ParkFeature[] {
    return this.parts?.displayed() ?? this.camera.shift(this.store.features, true);
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

  /** What changed in the store, for the map's parts (nothing to do without a ready map). */
  private readonly onStoreChange = (change: StoreChange) => {
    const parts = this.parts;
    switch (change.type) {
      case 'data':
        if (parts && this.state === 'ready') parts.dataChanged(change);
        // Tiles: the map frames the archive, not what it loaded.
        if (!change.tiles) this.camera.frame(this.store.features, !change.refresh);
        break;
      case 'selection':
        parts?.selectionChanged();
        break;
      case 'hover':
        parts?.hoverChanged();
        break;
      case 'filter':
        if (change.redraw) parts?.filterChanged();
        break;
      case 'state':
      case 'asOf':
        break;
    }
  };

  /** Frees the map (and its WebGL context) while out of sight; it is made again, same view, when seen. */
  private release(): void {
    const camera = this.camera.camera();
    this.teardown();
    if (camera) this.camera.setCamera(camera);
  }

  /** Makes the map again (a new basemap or gesture setting): the data and view are drawn anew. */
  recreate(): void {
    if (this.state === 'idle') return;
    this.release();
    this.host.requestUpdate();
  }

  private teardown(): void {
    this.generation += 1;
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    const map = this.map;
    const drawn = this.parts?.drawnFeatures.length ?? this.store.features.length;
    if (map) this.parts?.remove(map);
    this.parts = undefined;
    map?.remove();
    this.map = undefined;
    // Closed once opened (it may still be opening): each successful open is closed exactly once.
    const opening = this.archiveOpening;
    const url = this.openedArchive;
    if (opening && url)
      void opening.then(
        () => pmtilesChunk.loaded?.closeArchive(url),
        () => {},
      );
    this.archiveOpening = undefined;
    this.openedArchive = undefined;
    this.archiveInfo = undefined;
    this.navigation = undefined;
    this.styleReady = undefined;
    this.state = 'idle';
    this.contextLost = false;
    // A map made again later frames the data again.
    this.camera.detach(drawn > 0);
  }

  private async create(): Promise<void> {
    if (!this.container()) return;
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

  private container(): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>('.map');
  }

  private async makeMap(): Promise<void> {
    const container = this.container();
    if (!container) return;
    const generation = this.generation;
    // The host shows 'idle' and 'loading' alike, so no new render is needed here.
    this.state = 'loading';
    const tileSource = this.tileSource;
    const loading = maplibreChunk.load();
    const archiveOpening = this.openArchive(tileSource, loading);
    let maplibre: typeof import('maplibre-gl');
    let code: MapChunk;
    try {
      ({ maplibre, code } = await loading);
    } catch (error) {
      this.fail('map-load-failed', `could not load MapLibre or the map code: ${String(error)}`);
      return;
    }
    if (generation !== this.generation) return;
    this.code = code;
    if (archiveOpening) {
      // The header gives the source's zooms and the bounds to frame.
      try {
        this.archiveInfo = await archiveOpening;
      } catch (error) {
        this.openedArchive = undefined;
        if (generation !== this.generation) return;
        this.options.loader.failTiles(
          tileSource?.url ?? '',
          error instanceof Error ? error.message : String(error),
        );
      }
      if (generation !== this.generation) return;
    }
    const hostStyle = getComputedStyle(this.host);
    const theme = resolveTheme((name) => hostStyle.getPropertyValue(name));
    this.theme = theme;
    const host = this.host;
    const { basemap, crs } = this.basemapFor(code, theme, tileSource !== null);
    const lang = resolveLang(host.lang);
    let map: MapLibreMap;
    try {
      map = new maplibre.Map({
        container,
        style: basemap.choice.style,
        center: [112.6, 27.3],
        zoom: 8,
        // An archive's header gives its bounds: open on them (no tiles fetched for another view).
        ...(this.archiveInfo && !this.camera.given
          ? { bounds: this.archiveInfo.bounds, fitBoundsOptions: { padding: FIT_PADDING } }
          : {}),
        attributionControl: basemap.choice.online ? { compact: true } : false,
        cooperativeGestures: host.cooperativeGestures,
        locale: code.MAP_LOCALE[lang],
        // The page decides whether the map may be scrolled past; keyboard panning stays on.
        dragRotate: true,
      });
    } catch (error) {
      this.fail('webgl-unavailable', String(error instanceof Error ? error.message : error));
      return;
    }
    this.map = map;
    this.camera.made(map, crs, {
      firstView: (features) => {
        const { features: framed, unknown } = code.firstView(features, this.host.fit);
        if (unknown.length > 0) {
          this.host.dispatchEvent(
            new ParkMapErrorEvent({
              code: 'fit-unknown-id',
              message: code.FIT_TEXT[resolveLang(this.host.lang)](unknown),
              severity: 'warning',
            }),
          );
        }
        return framed;
      },
      padding: (element) => code.fitPadding(element, code.overlayBoxes(element)),
    });
    this.making?.settle();
    this.navigation = new maplibre.NavigationControl({ visualizePitch: true });
    map.addControl(this.navigation, 'top-right');
    const parts = this.makeParts(map, maplibre, code, theme, tileSource, !basemap.choice.online);
    this.parts = parts;
    // Listeners that must see everything the map does from now (the tile filter sees every tile).
    parts.add(map);
    this.styleReady = new Promise((resolve) => {
      map.once('load', () => {
        parts.load(map);
        resolve();
      });
    });
    this.watch(map, container);
    await this.styleReady;
    if (generation !== this.generation) return;
    this.state = 'ready';
    // A store change while the style loaded was drawn by load(); data set since is drawn now.
    parts.dataChanged({ type: 'data', refresh: false, reported: [], tiles: tileSource !== null });
    this.camera.attach(parts.drawnFeatures);
    if (tileSource && !this.camera.given) this.fitToTiles(false);
    this.host.requestUpdate();
    this.options.onReady();
  }

  /** The parts of a new map, each attached to it (see map-parts.ts). */
  private makeParts(
    map: MapLibreMap,
    maplibre: typeof import('maplibre-gl'),
    code: MapChunk,
    theme: MapTheme,
    tileSource: TileSourceRequest | null,
    offline: boolean,
  ): MapParts {
    return new code.MapParts(
      {
        map,
        maplibre,
        host: this.host,
        store: this.store,
        loader: this.options.loader,
        camera: this.camera,
        theme,
        tiled: tileSource !== null,
        idProperty: this.idProperty,
        baseFilters: new Map<string, FilterSpecification>(),
      },
      {
        stateId: this.stateId,
        onClick: this.options.onFeatureClick,
        offline,
        ...(tileSource ? { tiles: { request: tileSource, info: this.archiveInfo } } : {}),
      },
    );
  }

  /**
   * A PMTiles source: its header is read while MapLibre loads (both come before the map can be
   * made). Undefined for GeoJSON or a tile template.
   */
  private openArchive(
    tileSource: TileSourceRequest | null,
    loading: ReturnType<typeof maplibreChunk.load>,
  ): Promise<ArchiveInfo> | undefined {
    if (tileSource?.kind !== 'pmtiles') return undefined;
    this.openedArchive = tileSource.url;
    const maplibreModule = loading.then(({ maplibre }) => maplibre);
    const opening = pmtilesChunk
      .load()
      .then((loaded) => loaded.openArchive(tileSource.url, maplibreModule));
    this.archiveOpening = opening;
    // The caller handles it; this keeps a failure from counting as unhandled meanwhile.
    opening.catch(() => {});
    return opening;
  }

  /** The basemap the host asks for, and the coordinate system the data is drawn in on it. */
  private basemapFor(code: MapChunk, theme: MapTheme, tiled: boolean) {
    const host = this.host;
    const basemap = code.chooseBasemap(host.basemap, host.basemapKey, theme, host.basemapCrs);
    let crs = basemap.choice.crs;
    if (basemap.problem) this.reportError(basemap.problem.code, basemap.problem.message);
    if (tiled && crs !== 'wgs84') {
      // Vector tiles are cut in WGS84 by whoever made them: they cannot be shifted here.
      crs = 'wgs84';
      const name = basemap.choice.crs.toUpperCase();
      this.reportError(
        'tiles-crs-unsupported',
        `vector tiles are drawn as they are: on a ${name} basemap they sit a few hundred metres off it. Use a WGS84 basemap (tianditu, osm) with tiles, or cut the tiles in ${name}.`,
      );
    }
    return { basemap, crs };
  }

  /** What the controller follows on a new map: its errors, the WebGL context, moves and size. */
  private watch(map: MapLibreMap, container: HTMLElement): void {
    map.on('error', (event) => {
      const error = event.error as Error | undefined;
      this.reportError('map-error', error?.message ?? 'MapLibre reported an error');
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
    map.on('move', () => this.options.onMove());
    map.on('moveend', () => this.options.onMoveEnd());
    // A hidden tab or a collapsed panel gives the map no size: follow the container, and frame the
    // data once it has a size (fitting a 0×0 map would leave the view anywhere).
    this.resizeObserver = new ResizeObserver(() => {
      this.map?.resize();
      this.camera.resized(this.parts?.drawnFeatures ?? []);
    });
    this.resizeObserver.observe(container);
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

  /** Frames the archive's bounds (from its header); a tile server's template has none. */
  fitToTiles(animate = true): void {
    const bounds = this.archiveInfo?.bounds;
    if (bounds) this.camera.fitToBounds(bounds, animate);
  }

  /** Frames the given features. */
  fitTo(features: readonly ParkFeature[]): void {
    this.camera.fitTo(features);
  }

  private fail(code: string, message: string): void {
    this.state = 'failed';
    this.reportError(code, message);
    this.host.requestUpdate();
    this.options.onReady();
  }

  private reportError(code: string, message: string): void {
    this.host.dispatchEvent(new ParkMapErrorEvent({ code, message, severity: 'error' }));
  }

  // The store's DataDrawer: a large file's two shortcuts on its way into the store.

  /**
   * Settles once the map on its way is made (MapLibre run, the map constructed: its start-up then
   * goes on beside other work), or could not be; undefined when no map is on its way.
   */
  whenMade(): Promise<void> | undefined {
    return this.making?.made;
  }

  /** Settles once the map made is ready (its style loaded); see DataDrawer. */
  whenReady(): Promise<void> | undefined {
    return this.state === 'loading' && this.map ? this.styleReady : undefined;
  }

  /** True when GeoJSON handed over now goes to the map's worker at once (a ready map). */
  takesPreview(): boolean {
    return !this.tileSource && this.map !== undefined && this.state === 'ready';
  }

  /** Draws a preview of data being validated, framed as the data would be, without names. */
  drawPreview(features: readonly ParkFeature[]): Promise<void> {
    if (!this.takesPreview() || !this.parts) return Promise.resolve();
    const sending = this.parts.preview(features);
    this.camera.frame(features, true);
    return sending;
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

  /** Labels MapLibre's own controls and the names in the element's language. */
  langChanged(): void {
    const map = this.map;
    const code = this.code;
    if (!map || !this.navigation || !code) return;
    // MapLibre reads `_locale` (typed, public in its d.ts) whenever a control renders its labels;
    // re-adding the control is how the labels are rendered again.
    map._locale = { ...map._locale, ...code.MAP_LOCALE[resolveLang(this.host.lang)] };
    map.removeControl(this.navigation);
    map.addControl(this.navigation, 'top-right');
    this.parts?.langChanged();
  }

  /** The element's `view` or `storey-height` changed. */
  viewChanged(animate = true): void {
    if (this.state === 'ready') this.parts?.viewChanged(animate);
  }

  /** The camera now (WGS84), or undefined before the map is ready. */
  getCamera(): Required<Camera> | undefined {
    return this.camera.camera();
  }
}
