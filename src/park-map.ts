// <park-map>: the element. A thin shell: reactive properties in, events out; the data controller
// loads and validates, the map controller draws; the UI parts are templates in the shadow root.
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import {
  DataController,
  describeLoadedIssue,
  loadPipeline,
  loadedPipeline,
  type LoadedData,
} from './data/data-controller.js';
import {
  COORDINATE_SYSTEMS,
  KINDS,
  type CoordinateSystem,
  type DataIssue,
  type Geometry,
  type ParkFeature,
} from './data/types.js';
import { ParkMapErrorEvent } from './events/park-map-error-event.js';
import { ParkMapLoadEvent } from './events/park-map-load-event.js';
import { ParkMapMeasureEvent } from './events/park-map-measure-event.js';
import { ParkMapMeasureRemoveEvent } from './events/park-map-measure-remove-event.js';
import { ParkMapSelectEvent } from './events/park-map-select-event.js';
import { resolveLang, type Lang } from './i18n/lang.js';
import { kindLabel, t } from './i18n/strings.js';
import { MapController } from './map/map-controller.js';
import { tileSourceOf } from './map/tile-source.js';
import { ExploreController } from './explore/explore-controller.js';
import { EMPTY_FILTER, type FilterState } from './explore/filter-state.js';
import { HashController } from './explore/hash-controller.js';
import type { buildTree, SortKey, TreeNode } from './explore/tree.js';
import { memoizeLast } from './ui/memo.js';
import type { ViewState } from './explore/url-state.js';
import { measure, type Measurement as Measures } from './measure/measure.js';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type {
  MeasureController,
  Measurement,
  MeasurementCollection,
} from './measure/measure-controller.js';
import { TOOLS, type Tool } from './measure/tool.js';
import type { AreaUnit, LengthUnit } from './measure/units.js';
import { renderMeasurePanel } from './ui/measure-panel.js';
import { renderIssuesBanner } from './ui/issues-banner.js';
import { parkMapStyles } from './ui/styles.js';

/** The measuring code once loaded: its module (controller and panel templates) and the controller. */
interface Measuring {
  module: typeof import('./measure/measure-lazy.js');
  controller: MeasureController;
}

/** The export and download modules, loaded together the first time something is exported. */
function exportModules() {
  return Promise.all([import('./explore/export.js'), import('./ui/downloads.js')]);
}

/**
 * An interactive map of industrial parks: development zones, parks, plots and buildings from a
 * GeoJSON FeatureCollection, coloured by status; click one for its status, tenants and figures.
 *
 * @summary Interactive, offline map of industrial parks on MapLibre GL JS.
 *
 * @attr src - URL of the park FeatureCollection (GeoJSON, RFC 7946; schema in `data/schema.json`), or of vector tiles with the same properties: a `.pmtiles` archive (read by HTTP range requests) or an `{z}/{x}/{y}` tile URL template.
 * @attr lang - `zh-CN` (default) or `en`; switches live, MapLibre's own control labels included.
 * @attr basemap - `none` (default): no basemap and no network request at all; `osm`, `openfreemap`, `tianditu`, `tianditu-img`, `amap`, `amap-img` (GCJ-02), or a MapLibre style URL.
 * @attr basemap-key - The key a basemap service needs (Tianditu's `tk`).
 * @attr basemap-crs - The basemap's coordinate system when given by URL: `wgs84` (default) or `gcj02` (AMap, Tencent); the data is shifted to line up, measurements stay WGS84.
 * @attr cooperative-gestures - Let the page scroll past the map: zooming needs Ctrl + scroll (two fingers on touch).
 * @attr coords - The data's coordinate system: `wgs84` (default), `gcj02` or `bd09`, converted to WGS84 at load.
 * @attr selected - Id of the selected feature (reflected).
 * @attr tool - Measuring tool: `none` (default), `distance`, `area`, or `parcel` (click a park, plot or building to measure it).
 * @attr view - `2d` (default) or `3d`: buildings extruded by height, or floors × `storey-height`.
 * @attr storey-height - Metres per floor for 3D when a building states floors but no height (default 3.5).
 * @attr hash - Keep view, selection, filters, search, view mode and tool in the page URL; Back/Forward step through selections.
 * @attr no-list - Hide the side list (search, filters, totals, list and exports).
 *
 * @fires {ParkMapLoadEvent} park-map-load - Data loaded, validated and drawn (out of sight: loaded; it fires again once drawn on a newly made map). `detail: { features, errors }`.
 * @fires {ParkMapSelectEvent} park-map-select - The user selected a feature or cleared the selection. `detail: { id, properties }`.
 * @fires {ParkMapMeasureEvent} park-map-measure - A measurement was finished or edited. `detail: { tool, geometry, lengthM?, areaM2?, perimeterM?, featureId? }`.
 * @fires {ParkMapMeasureRemoveEvent} park-map-measure-remove - Measurements were removed (cleared in the panel, or gone with a replaced map). `detail: { ids }`.
 * @fires {ParkMapErrorEvent} park-map-error - A data problem, a load failure or a MapLibre error. `detail: { code, message, featureId?, path?, severity }`.
 *
 * @csspart map - The map container.
 * @csspart details - The details panel of the selected feature.
 * @csspart close-button - The details panel's close button.
 * @csspart legend - The legend.
 * @csspart issues - The data-problems banner.
 * @csspart list - The side panel: search, filters, totals, list and exports.
 * @csspart search - The search box and its results.
 * @csspart filters - The filters.
 * @csspart totals - The totals over what is shown.
 * @csspart measure - The measuring tools (toolbar and results).
 * @csspart toolbar - The tool buttons.
 * @csspart measure-results - The measurement results and export buttons.
 * @csspart view-controls - The 2D/3D switch, the list toggle and "show all".
 *
 * @cssprop [--park-map-height=480px] - Height of the element.
 * @cssprop [--park-map-list-width=300px] - Width of the side list.
 * @cssprop [--park-map-background=#f4f1ea] - Map background colour.
 * @cssprop [--park-map-status-operating=#1b5e20] - Colour of operating buildings; likewise `--park-map-status-planned`, `-signed`, `-under-construction`, `-topped-out`, `-fitting-out`, `-completed`.
 * @cssprop [--park-map-no-status=#9e9e9e] - Colour of buildings whose status is not stated.
 * @cssprop [--park-map-zone-fill=#dde7f0] - Fill of development zones; likewise `--park-map-zone-line`, `--park-map-park-fill`, `--park-map-park-line`, `--park-map-plot-fill`, `--park-map-plot-line`, `--park-map-building-line`.
 * @cssprop [--park-map-selection=#d81b60] - Outline colour of the selected feature.
 * @cssprop [--park-map-hover=#1565c0] - Outline colour of the feature under the pointer in the list.
 * @cssprop [--park-map-accent=#0b57d0] - Colour of pressed tool buttons and of measured shapes on the map.
 * @cssprop [--park-map-panel-background=rgba(255,255,255,0.97)] - Background of the panels.
 * @cssprop [--park-map-text=#1f1f1f] - Text colour of the panels.
 * @cssprop [--park-map-muted=#4a4a4a] - Secondary text colour.
 * @cssprop --park-map-font-family - Font of the panels (defaults to the system's Chinese UI fonts).
 */
export class ParkMap extends LitElement {
  static override styles = parkMapStyles;

  static override properties = {
    src: { type: String },
    data: { attribute: false },
    lang: { type: String, reflect: false },
    basemap: { type: String },
    basemapKey: { type: String, attribute: 'basemap-key' },
    basemapCrs: { type: String, attribute: 'basemap-crs' },
    cooperativeGestures: { type: Boolean, attribute: 'cooperative-gestures' },
    coords: { type: String },
    selected: { type: String, reflect: true },
    tool: { type: String, reflect: true },
    view: { type: String, reflect: true },
    storeyHeight: { type: Number, attribute: 'storey-height' },
    hash: { type: Boolean },
    noList: { type: Boolean, attribute: 'no-list' },
    /** Filters as an object (statuses, industries, zones, kinds, investment, floorArea ranges). */
    filter: { attribute: false },
    issuesOpen: { state: true },
    sort: { state: true },
    expanded: { state: true },
    listLimits: { state: true },
    listHidden: { state: true },
    exploreStatus: { state: true },
    areaUnit: { state: true },
    lengthUnit: { state: true },
    measureStatus: { state: true },
  };

  /**
   * URL of the park FeatureCollection (GeoJSON, RFC 7946; schema in `data/schema.json`), or of
   * vector tiles with the same properties: a `.pmtiles` archive (or `pmtiles://…`) or an
   * `{z}/{x}/{y}` tile URL template. With tiles, `features`, search and the list hold the features
   * loaded so far.
   */
  src: string | null = null;
  /** The FeatureCollection itself, as an object or JSON text (wins over `src`). Never mutated. */
  data: unknown = undefined;
  /**
   * Basemap: `none` (default: no basemap and no network request at all), `osm`, `openfreemap`,
   * `tianditu` or `tianditu-img` (need `basemap-key`), `amap` or `amap-img` (AMap/高德, GCJ-02),
   * or the URL of any MapLibre style.
   */
  basemap = 'none';
  /** The key a basemap service needs (Tianditu's `tk`). */
  basemapKey: string | null = null;
  /**
   * The basemap's coordinate system: `wgs84`, or `gcj02` for Chinese commercial maps (AMap,
   * Tencent). Presets know their own; set it for a style URL in GCJ-02. The data is shifted into
   * it for display only: clicks, the URL, exports and every measurement stay WGS84.
   */
  basemapCrs: string | null = null;
  /** Let the page scroll past the map: zooming then needs Ctrl + scroll (two fingers on touch). */
  cooperativeGestures = false;
  /** The data's coordinate system: `wgs84`, `gcj02` or `bd09`, converted to WGS84 at load; unset: the file's `coordinateSystem` member, else WGS84. */
  coords: CoordinateSystem | null = null;
  /** Id of the selected feature, or null (reflected). */
  selected: string | null = null;
  /** Measuring tool: `none`, `distance`, `area`, or `parcel` (click a park, plot or building to measure it). */
  tool: Tool = 'none';
  /** `2d`, or `3d`: buildings extruded by height, or floors × `storey-height`, with a pitched camera. */
  view: '2d' | '3d' = '2d';
  /** Metres per floor for 3D when a building states floors but no height (3.5 when unset). */
  storeyHeight: number | undefined = undefined;
  /** Keep view, selection, filters, search, view mode and tool in the page URL; Back/Forward step through selections. */
  hash = false;
  /** Hide the side list (search, filters, totals, list and exports). */
  noList = false;

  /**
   * The filters in force: `{ statuses, industries, zones, kinds, investment?: { min?, max? },
   * floorArea?: { min?, max? } }` (yuan, m²). Set it to filter from code (no event).
   */
  get filter(): FilterState {
    return this.exploreController.filter;
  }
  set filter(filter: FilterState) {
    this.exploreController.setFilter(filter);
  }

  private sort: SortKey = 'name';
  private expanded: ReadonlySet<string> = new Set();
  /** Rows shown per list beyond the first page (key: parent id, '' for the top). */
  private listLimits: ReadonlyMap<string, number> = new Map();
  private listHidden = false;
  /** Announced to screen readers: selection and filter results. */
  private exploreStatus = '';

  private issuesOpen = false;
  private areaUnit: AreaUnit | 'auto' = 'auto';
  private lengthUnit: LengthUnit | 'auto' = 'auto';
  /** The last measuring result, for screen readers (a live region). */
  private measureStatus = '';
  private toolReady: Promise<void> = Promise.resolve();
  /** Tiles: the first features read back wait to be indexed for the list (in the next task). */
  private listIndexPending = false;

  private readonly dataController = new DataController(
    this,
    (loaded) => this.onDataLoaded(loaded),
    {
      wanted: () => this.mapController.takesData,
      take: (features) => this.mapController.preview(features),
      made: () => this.mapController.whenMade(),
    },
  );
  private readonly mapController: MapController = new MapController(this, {
    container: () => this.renderRoot.querySelector<HTMLElement>('.map'),
    lang: () => this.language,
    onFeatureClick: (id) => this.onMapClick(id),
    onError: (code, message) => this.emitError({ code, message, severity: 'error' }),
    onReady: () => {
      this.measuring?.controller.mapChanged();
      this.mapController.setView(this.view, this.storeyHeight, false);
      void this.announceWhenDrawn();
    },
    onMoveEnd: () => this.hashController.write('replace'),
    onTileFeatures: (features) =>
      this.dataController.setTileFeatures(features, this.selected ? [this.selected] : []),
    onTilesFailed: (message) => this.dataController.failTiles(this.src ?? '', message),
    basemap: () => ({ name: this.basemap, key: this.basemapKey, crs: this.basemapCrs }),
    cooperativeGestures: () => this.cooperativeGestures,
    canRelease: (): boolean =>
      this.measuring
        ? !this.measuring.controller.hasDrawing
        : this.tool !== 'distance' && this.tool !== 'area',
    featureById: (id) => this.dataController.byId.get(id),
  });
  private readonly exploreController = new ExploreController(this, {
    applyMapFilter: (expression, passing) => {
      this.mapController.setFeatureFilter(expression, passing);
      this.hashController?.write('replace');
    },
    idProperty: () => this.mapController.idProperty,
    tiles: () => this.mapController.tiled,
  });
  private readonly hashController: HashController = new HashController(this, {
    enabled: () => this.hash,
    read: () => this.viewState(),
    apply: (state) => this.applyViewState(state),
    onError: (message) => this.emitError({ code: 'hash-load-failed', message, severity: 'error' }),
  });
  /** The details panel's code: loaded after the first render, or at once for an earlier selection. */
  private details: typeof import('./ui/details-panel.js') | undefined;
  private detailsLoad: Promise<void> | undefined;

  private loadDetails(): Promise<void> {
    this.detailsLoad ??= import('./ui/details-panel.js').then(
      (module) => {
        this.details = module;
        this.requestUpdate();
      },
      (error: unknown) => {
        this.detailsLoad = undefined; // the next selection tries again
        this.emitError({
          code: 'details-load-failed',
          message: `could not load the details panel: ${String(error)}`,
          severity: 'error',
        });
      },
    );
    return this.detailsLoad;
  }

  /**
   * Done once everything is drawn, including what waited for code still loading: the state in the
   * URL (with `hash`) and the details of a selection.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    for (;;) {
      const pending =
        this.dataController.pending ??
        this.hashController.loading ??
        (this.selected && !this.details ? this.detailsLoad : undefined);
      if (!pending) return complete;
      await pending;
      complete = await super.getUpdateComplete();
    }
  }

  /** The measuring code and its controller, once a tool was chosen or a feature measured. */
  private measuring: Measuring | undefined;
  private measuringLoad: Promise<Measuring | undefined> | undefined;

  /** Loads the measuring code (once) and makes its controller. */
  private loadMeasuring(): Promise<Measuring | undefined> {
    this.measuringLoad ??= import('./measure/measure-lazy.js').then(
      (module) => {
        const controller = new module.MeasureController(this, {
          // A map still loading its style takes no drawing layers: the controller gets it once it
          // is ready (`mapChanged` in onReady). This code may arrive in between.
          map: () => (this.mapController.state === 'ready' ? this.mapController.map : undefined),
          displayCrs: () => this.mapController.displayCrs,
          colour: () => this.mapController.theme.accent,
          displayed: () => this.mapController.displayed(),
          onMeasure: (measurement) => this.onMeasured(measurement),
          onRemove: (ids) => this.dispatchEvent(new ParkMapMeasureRemoveEvent({ ids })),
        });
        this.measuring = { module, controller };
        this.requestUpdate();
        return this.measuring;
      },
      (error: unknown) => {
        this.measuringLoad = undefined; // the next choice of a tool tries again
        this.emitError({
          code: 'measure-load-failed',
          message: `could not load the measuring tools: ${String(error)}`,
          severity: 'error',
        });
        return undefined;
      },
    );
    return this.measuringLoad;
  }

  /** Hands the tool to the measuring controller; with 'none' and nothing loaded, there is nothing to do. */
  private async applyTool(tool: Tool): Promise<void> {
    if (tool === 'none' && !this.measuring) return;
    const measuring = this.measuring ?? (await this.loadMeasuring());
    if (!measuring || this.tool !== tool) return;
    await measuring.controller.setTool(tool);
  }

  /** Measures a park, plot or building (the parcel tool, "measure this"); at once when loaded. */
  private measureFeature(feature: ParkFeature): void {
    if (this.measuring) this.measuring.controller.measureFeature(feature);
    else
      void this.loadMeasuring().then((measuring) => measuring?.controller.measureFeature(feature));
  }

  /** The MapLibre map, once created (read-only; undefined before, or without WebGL). */
  get map(): MapLibreMap | undefined {
    return this.mapController.map;
  }

  /** The valid features currently shown (read-only). */
  get features(): readonly ParkFeature[] {
    return this.dataController.features;
  }

  /** Problems found in the data (read-only). */
  get errors(): readonly DataIssue[] {
    return this.dataController.errors;
  }

  private get language(): Lang {
    return resolveLang(this.lang);
  }

  /** The reader's light/dark preference: the map's colours are resolved from CSS when it is made. */
  private readonly colorScheme = window.matchMedia?.('(prefers-color-scheme: dark)');

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('keydown', this.onKeyDown);
    this.colorScheme?.addEventListener('change', this.onColorScheme);
    // When the page is idle (the data and MapLibre on their way), the list's collator is made (see
    // warmCollator); not in a task of its own that could hold up MapLibre's.
    // (The callback holds the language, not the element: a removed element is not kept for it.)
    const lang = this.language;
    const warm = () =>
      void loadPipeline().then(
        (code) => code.warmCollator(lang),
        () => undefined, // the data load reports it
      );
    if (typeof requestIdleCallback === 'function') requestIdleCallback(warm, { timeout: 1000 });
    else setTimeout(warm);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.onKeyDown);
    this.colorScheme?.removeEventListener('change', this.onColorScheme);
  }

  private readonly onColorScheme = () => this.mapController.recreate();

  /** Selects a feature by id (or clears with null), as the `selected` attribute does; fires no `park-map-select`. */
  select(id: string | null): void {
    if (id !== null && typeof id !== 'string') {
      throw new Error('<park-map>: select() takes a feature id (string) or null.');
    }
    this.selected = id;
  }

  /** Measures a LineString or Polygon (or Multi…) on the WGS84 ellipsoid: `{ lengthM, areaM2, perimeterM }`. */
  measure(geometry: Geometry): Measures {
    return measure(geometry);
  }

  /** Chooses a measuring tool (as the `tool` attribute does); resolves once it takes input (the drawing code loads on first use). */
  async setTool(tool: Tool): Promise<void> {
    this.tool = tool;
    await this.updateComplete;
    await this.toolReady;
    // The measuring code may have arrived meanwhile: its panel is drawn by then.
    await this.updateComplete;
  }

  /** The measurements on the map, as a GeoJSON FeatureCollection with their measures in properties. */
  get measurements(): MeasurementCollection {
    return this.measuring?.controller.toGeoJson() ?? { type: 'FeatureCollection', features: [] };
  }

  /** Frames one feature (by id) or, without an id, all features. */
  fitTo(id?: string): void {
    if (id === undefined) {
      if (this.mapController.tiled) this.mapController.fitToTiles();
      else this.mapController.fitTo(this.features);
      return;
    }
    const feature = this.dataController.byId.get(id);
    if (!feature) throw new Error(`<park-map>: fitTo(): no feature has the id "${id}".`);
    this.mapController.fitTo([feature]);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('tool') || changed.has('view')) this.hashController.write('replace');
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const knownCoords =
      this.coords !== null && (COORDINATE_SYSTEMS as readonly string[]).includes(this.coords);
    if (changed.has('coords') && this.coords !== null && !knownCoords) {
      this.emitError({
        code: 'invalid-coords',
        message: `coords="${String(this.coords)}" is not one of wgs84, gcj02, bd09; the data is read as WGS84.`,
        severity: 'error',
      });
    }
    if (changed.has('src') || changed.has('data') || changed.has('coords')) {
      const coords = knownCoords ? (this.coords as CoordinateSystem) : undefined;
      // A `.pmtiles` archive or a `{z}/{x}/{y}` template: the map reads tiles, the data comes from
      // them as they load. (`data` still wins over `src`.)
      const tiles =
        this.data === undefined || this.data === null
          ? tileSourceOf(this.src, document.baseURI)
          : null;
      this.mapController.setTileSource(tiles);
      if (tiles) this.dataController.expectTiles();
      else this.dataController.load({ src: this.src, data: this.data, coords });
    }
    if (changed.has('selected')) {
      if (this.selected && !this.details) void this.loadDetails();
      this.mapController.setSelected(this.selected);
      if (this.selected) this.expandTo(this.selected);
    }
    if (changed.has('hash')) this.hashController.sync();
    if (
      this.hasUpdated &&
      (changed.has('basemap') ||
        changed.has('basemapKey') ||
        changed.has('basemapCrs') ||
        changed.has('cooperativeGestures'))
    ) {
      this.mapController.recreate();
    }
    if (changed.has('view') || changed.has('storeyHeight')) {
      if (this.view !== '2d' && this.view !== '3d') {
        this.emitError({
          code: 'invalid-view',
          message: `view="${String(this.view)}" is not 2d or 3d; the map stays 2D.`,
          severity: 'error',
        });
        this.view = '2d';
      }
      this.mapController.setView(this.view, this.storeyHeight);
    }
    if (changed.has('tool')) {
      if (!TOOLS.includes(this.tool)) {
        this.emitError({
          code: 'invalid-tool',
          message: `tool="${String(this.tool)}" is not one of ${TOOLS.join(', ')}; no tool is active.`,
          severity: 'error',
        });
        this.tool = 'none';
      }
      this.toolReady = this.applyTool(this.tool);
    }
    if (changed.has('lang')) this.mapController.setLang(this.language);
  }

  private onDataLoaded(loaded: LoadedData): void {
    for (const issue of loaded.errors) this.emitIssue(issue);
    if (loaded.refresh) {
      // More tiles loaded (or their geometry checked): the map's names, the list, search and facets
      // follow; selection and open rows stay. Not indexed yet (the first read-back): indexed now.
      void this.mapController.setFeatures(loaded.features, false);
      if (this.listIndexPending) {
        this.listIndexPending = false;
        this.indexForList(loaded.features);
      } else this.exploreController.setFeatures(loaded.features, true);
      return;
    }
    this.listIndexPending = false;
    if (this.selected !== null && !this.dataController.byId.has(this.selected))
      this.selected = null;
    // The map first: its worker tiles the data while the list and filters are indexed here.
    void this.mapController.setFeatures(loaded.features, true, loaded.drawnAs);
    if (this.mapController.tiled) {
      // Tiles: these features were read back from tiles already drawn. The map is announced now;
      // the list and filters are indexed in the next task, after the first render, not inside it.
      this.listIndexPending = true;
      setTimeout(() => {
        if (!this.listIndexPending) return;
        this.listIndexPending = false;
        this.indexForList(this.dataController.features);
      }, 0);
      void this.announceWhenDrawn();
      return;
    }
    this.indexForList(loaded.features);
    void this.announceWhenDrawn();
  }

  /** Indexes a new data set for the list, search and filters, with the rows first shown. */
  private indexForList(features: readonly ParkFeature[]): void {
    this.exploreController.setFeatures(features);
    this.expanded = this.defaultExpanded(features);
    this.listLimits = new Map();
  }

  /**
   * Fires `park-map-load` once the loaded data is on a ready map (or at once when no map can be
   * made: the data is still there for the panel). Called when data arrives and when a map gets
   * ready, so whichever comes second announces.
   */
  private async announceWhenDrawn(): Promise<void> {
    if (this.dataController.state !== 'ready' && this.dataController.state !== 'failed') return;
    // Out of sight, the map is made later: announce the data now, and again once it is drawn.
    const deferred = this.mapController.deferred;
    if (
      !deferred &&
      (this.mapController.state === 'loading' || this.mapController.state === 'idle')
    ) {
      return;
    }
    const { features, errors } = this.dataController;
    // GeoJSON was just handed to the map: wait until it is drawn. Tile features were read back from
    // tiles the map has already drawn.
    if (this.mapController.state === 'ready' && !this.mapController.tiled) {
      await this.mapController.whenRendered();
    }
    // Newer data arrived meanwhile: its own call announces it.
    if (features !== this.dataController.features) return;
    this.dispatchEvent(new ParkMapLoadEvent({ features, errors }));
    // Drawn: the details panel's code comes now, so the first click finds it here.
    setTimeout(() => void this.loadDetails());
  }

  /** What the URL keeps (with `hash`). */
  private viewState(): ViewState {
    const camera = this.mapController.camera();
    return {
      ...(camera ?? {}),
      selected: this.selected,
      filter: this.exploreController.filter,
      search: this.exploreController.query,
      view: this.view,
      tool: this.tool,
    };
  }

  /** Applies state read from the URL; what it does not mention goes back to the defaults. */
  private applyViewState(state: ViewState): void {
    if (state.center !== undefined || state.zoom !== undefined) {
      this.mapController.setCamera({
        center: state.center,
        zoom: state.zoom,
        pitch: state.pitch ?? 0,
        bearing: state.bearing ?? 0,
      });
    }
    this.selected = state.selected ?? null;
    this.exploreController.setFilter(state.filter ?? EMPTY_FILTER);
    this.exploreController.setQuery(state.search ?? '');
    this.view = state.view ?? '2d';
    this.tool = state.tool ?? 'none';
  }

  /** Zones (and, for small data, parks too) start open in the list. */
  private defaultExpanded(features: readonly ParkFeature[]): Set<string> {
    const openKinds = features.length <= 300 ? ['zone', 'park', 'plot'] : ['zone'];
    return new Set(
      features
        .filter((feature) => openKinds.includes(feature.properties.kind))
        .map((feature) => feature.id),
    );
  }

  /** Opens the list down to a feature, so a selection made on the map shows in the list. */
  private expandTo(id: string): void {
    const byId = this.dataController.byId;
    const open = new Set(this.expanded);
    let parent = byId.get(id)?.properties.parent;
    let steps = 0;
    while (parent !== undefined && steps++ < byId.size) {
      open.add(parent);
      parent = byId.get(parent)?.properties.parent;
    }
    if (open.size !== this.expanded.size) this.expanded = open;
  }

  private toggleExpanded(id: string): void {
    const open = new Set(this.expanded);
    if (open.has(id)) open.delete(id);
    else open.add(id);
    this.expanded = open;
  }

  /** Chosen in the list or the search results: select it, fly there, and move focus to its details. */
  private chooseFromList(id: string): void {
    this.selectByUser(id);
    if (!this.dataController.byId.has(id)) return;
    this.fitTo(id);
    this.focusDetails();
  }

  /** Where focus was before the details panel took it, to give it back when the panel closes. */
  private focusBeforeDetails: HTMLElement | null = null;

  private focusDetails(): void {
    const active = this.shadowRoot?.activeElement;
    if (active instanceof HTMLElement && !active.closest('.details'))
      this.focusBeforeDetails = active;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>('#park-map-details-title')?.focus(),
    );
  }

  /** Closes the details panel (Escape, close button) and gives focus back where it was. */
  private closeDetails(): void {
    const back = this.focusBeforeDetails;
    this.focusBeforeDetails = null;
    this.selectByUser(null);
    if (back?.isConnected) back.focus();
  }

  private setFilterByUser(filter: FilterState): void {
    this.exploreController.setFilter(filter);
    const count = this.exploreController.result?.count ?? 0;
    this.exploreStatus = t(this.language, 'filterAnnounce', { count });
  }

  // The export and download code loads on first use: most visits never export.
  private async exportCsv(): Promise<void> {
    const [{ toCsv, CSV_MIME_TYPE }, { downloadText }] = await exportModules();
    downloadText(toCsv(this.exploreController.shownFeatures()), 'park-map.csv', CSV_MIME_TYPE);
  }

  private async exportGeoJson(): Promise<void> {
    const [{ toGeoJson, GEOJSON_MIME_TYPE }, { downloadText }] = await exportModules();
    downloadText(
      toGeoJson(this.exploreController.shownFeatures()),
      'park-map.geojson',
      GEOJSON_MIME_TYPE,
    );
  }

  /** The export code could not be loaded (the page lost its connection, say). */
  private readonly onExportFailed = (error: unknown) =>
    this.emitError({
      code: 'export-failed',
      message: `could not load the export code: ${String(error)}`,
      severity: 'error',
    });

  private async exportImage(): Promise<void> {
    const map = this.mapController.map;
    if (!map) return;
    let downloads: typeof import('./ui/downloads.js');
    try {
      downloads = await import('./ui/downloads.js');
    } catch (error) {
      this.onExportFailed(error);
      return;
    }
    const { downloadBlob, mapImage } = downloads;
    const details = this.renderRoot.querySelector('.details');
    const panel = details
      ? {
          title: details.querySelector('h2')?.textContent?.trim() ?? '',
          lines: [
            ...details.querySelectorAll('.status, .progress span, dl.figures:not(.extras) .row'),
          ]
            .map((node) => node.textContent?.replace(/\s+/g, ' ').trim() ?? '')
            .filter(Boolean)
            .slice(0, 14),
        }
      : null;
    try {
      downloadBlob(await mapImage(map, panel), 'park-map.png');
    } catch (error) {
      this.emitError({ code: 'image-failed', message: String(error), severity: 'error' });
    }
  }

  private async share(): Promise<void> {
    this.hashController.write('replace');
    try {
      await navigator.clipboard.writeText(location.href);
      this.exploreStatus = t(this.language, 'shareCopied');
    } catch (error) {
      this.emitError({
        code: 'clipboard-failed',
        message: `Could not copy the link (${String(error)}); copy it from the address bar.`,
        severity: 'warning',
      });
    }
  }

  private emitIssue(issue: DataIssue): void {
    this.emitError({
      code: issue.code,
      message: describeLoadedIssue(issue, this.language),
      featureId: issue.featureId,
      path: issue.path,
      severity: issue.severity,
    });
  }

  private emitError(detail: ParkMapErrorEvent['detail']): void {
    this.dispatchEvent(new ParkMapErrorEvent(detail));
  }

  /** A click on the map: selects, or measures the clicked feature with the parcel tool. */
  private onMapClick(id: string | null): void {
    if (this.tool === 'distance' || this.tool === 'area') return;
    if (this.tool === 'parcel') {
      const feature = id === null ? undefined : this.dataController.byId.get(id);
      if (feature) this.measureFeature(feature);
      return;
    }
    this.selectByUser(id);
  }

  private onMeasured(measurement: Measurement): void {
    const { tool, geometry, lengthM, areaM2, perimeterM, featureId } = measurement;
    const lang = this.language;
    const name = featureId ? this.dataController.byId.get(featureId)?.properties.name : undefined;
    const label = tool === 'distance' ? t(lang, 'length') : (name ?? t(lang, 'area'));
    const value = this.measuring?.module.headline(measurement, {
      lang,
      areaUnit: this.areaUnit,
      lengthUnit: this.lengthUnit,
    });
    this.measureStatus = `${label} ${value}`;
    this.dispatchEvent(
      new ParkMapMeasureEvent(
        tool === 'distance'
          ? { tool, geometry, lengthM }
          : {
              tool,
              geometry,
              areaM2,
              perimeterM,
              lengthM: perimeterM,
              ...(featureId ? { featureId } : {}),
            },
      ),
    );
  }

  private async copyMeasurements(): Promise<void> {
    const text = JSON.stringify(this.measurements, null, 2);
    try {
      await navigator.clipboard.writeText(text);
      this.measureStatus = t(this.language, 'measureCopied');
    } catch (error) {
      this.emitError({
        code: 'clipboard-failed',
        message: `Could not copy to the clipboard (${String(error)}); use the download button instead.`,
        severity: 'warning',
      });
    }
  }

  private async downloadMeasurements(): Promise<void> {
    const text = JSON.stringify(this.measurements, null, 2);
    const [{ GEOJSON_MIME_TYPE }, { downloadText }] = await exportModules();
    downloadText(text, 'park-map-measurements.geojson', GEOJSON_MIME_TYPE);
  }

  private selectByUser(id: string | null): void {
    if (id === this.selected) return;
    this.selected = id;
    const name = id === null ? undefined : this.dataController.byId.get(id)?.properties.name;
    this.exploreStatus = name ? t(this.language, 'selectedAnnounce', { name }) : '';
    void this.updateComplete.then(() => this.hashController.write('push'));
    const properties = id === null ? null : (this.dataController.byId.get(id)?.properties ?? null);
    this.dispatchEvent(new ParkMapSelectEvent({ id, properties }));
  }

  private readonly onKeyDown = (event: KeyboardEvent) => {
    const drawing = this.tool === 'distance' || this.tool === 'area';
    const controller = this.measuring?.controller;
    if (drawing && event.key === 'Backspace' && controller?.undo()) {
      event.preventDefault();
      return;
    }
    // Enter and Escape on the focused map end the shape being drawn; on a button they are the
    // button's.
    const onMap = event.composedPath()[0] === this.mapController.map?.getCanvas();
    if (drawing && onMap && event.key === 'Enter' && controller?.finish()) {
      event.preventDefault();
      return;
    }
    if (drawing && onMap && event.key === 'Escape') controller?.cancel();
    if (event.key === 'Escape' && this.selected !== null) {
      event.stopPropagation();
      this.closeDetails();
    }
  };

  private renderOverlay() {
    const lang = this.language;
    let message: string | undefined;
    if (this.mapController.state === 'failed') message = t(lang, 'webglUnavailable');
    else if (this.mapController.contextLost) message = t(lang, 'contextLost');
    else if (this.dataController.state === 'loading') message = t(lang, 'loadingData');
    else if (this.mapController.state !== 'ready') message = t(lang, 'loading');
    if (!message) return nothing;
    return html`<div class="overlay" role="status"><span class="message">${message}</span></div>`;
  }

  protected override render() {
    const lang = this.language;
    const selectedFeature = this.selected ? this.dataController.byId.get(this.selected) : undefined;
    const showList = !this.noList && !this.listHidden;
    return html`<div class="root ${showList ? 'with-list' : ''}" lang=${lang}>
      ${showList ? this.renderList() : nothing}
      <div class="stage">
        <div
          class="map"
          part="map"
          role="application"
          aria-label=${t(lang, 'mapLabel')}
          aria-describedby="park-map-summary"
        ></div>
        <p id="park-map-summary" class="visually-hidden">${this.mapSummary()}</p>
        ${this.renderViewControls()} ${this.renderOverlay()}
        ${renderIssuesBanner(this.dataController.errors, {
          lang,
          open: this.issuesOpen,
          onToggle: () => (this.issuesOpen = !this.issuesOpen),
        })}
        ${
          selectedFeature && this.details
            ? this.details.renderDetails(selectedFeature, {
                lang,
                byId: this.dataController.byId,
                children: this.dataController.childrenOf.get(selectedFeature.id) ?? [],
                onMeasure: () => this.measureFeature(selectedFeature),
                onClose: () => this.closeDetails(),
                onSelect: (id) => {
                  this.selectByUser(id);
                  this.fitTo(id);
                },
              })
            : nothing
        }
        ${this.features.length > 0 ? (loadedPipeline()?.renderLegend(this.features, lang) ?? nothing) : nothing}
        ${renderMeasurePanel({
          lang,
          tool: this.tool,
          onTool: (tool) => {
            this.tool = tool;
          },
          results: this.renderMeasureResults(),
        })}
        ${
          this.measuring
            ? this.measuring.module.renderCursorValue({
                lang,
                live: this.measuring.controller.live,
                cursor: this.measuring.controller.cursor,
                areaUnit: this.areaUnit,
                lengthUnit: this.lengthUnit,
              })
            : nothing
        }
      </div>
    </div>`;
  }

  /** Below the toolbar: nothing until the measuring code has loaded (no tool yet, nothing measured). */
  private renderMeasureResults() {
    if (!this.measuring) return nothing;
    const { module, controller } = this.measuring;
    return module.renderMeasureResults({
      lang: this.language,
      tool: this.tool,
      measurements: controller.measurements,
      live: controller.live,
      cursor: controller.cursor,
      areaUnit: this.areaUnit,
      lengthUnit: this.lengthUnit,
      byId: this.dataController.byId,
      childrenOf: this.dataController.childrenOf,
      status: this.measureStatus,
      onAreaUnit: (unit) => (this.areaUnit = unit),
      onLengthUnit: (unit) => (this.lengthUnit = unit),
      onRemove: (id) => controller.clear(id),
      onClear: () => controller.clear(),
      onCopy: () => void this.copyMeasurements(),
      onDownload: () => void this.downloadMeasurements().catch(this.onExportFailed),
    });
  }

  /** A text summary of what the map shows, for screen readers. */
  private mapSummary(): string {
    return this.summaryOf(this.exploreController.shownFeatures(), this.language);
  }

  private readonly summaryOf = memoizeLast((shown: readonly ParkFeature[], lang: Lang) => {
    const tally = new Map<string, number>();
    for (const feature of shown) {
      tally.set(feature.properties.kind, (tally.get(feature.properties.kind) ?? 0) + 1);
    }
    const kinds = KINDS.filter((kind) => tally.has(kind)).map(
      (kind) => `${kindLabel(kind, lang)} ${tally.get(kind)}`,
    );
    return t(lang, 'mapSummary', {
      count: shown.length,
      kinds: kinds.join(lang === 'zh-CN' ? '、' : ', '),
    });
  });

  private readonly treeOf = memoizeLast(
    (
      build: typeof buildTree,
      shown: readonly ParkFeature[],
      byId: ReadonlyMap<string, ParkFeature>,
      sort: SortKey,
      lang: Lang,
    ): TreeNode[] => build(shown, byId, sort, lang),
  );

  /** The list: its code comes with the data's (loadPipeline); until then, a panel saying so. */
  private renderList() {
    const lang = this.language;
    const code = loadedPipeline();
    if (!code) {
      return html`<aside class="explore" part="list" aria-label=${t(lang, 'list')} aria-busy="true">
        <p class="list-loading">${t(lang, 'loadingData')}</p>
      </aside>`;
    }
    const explore = this.exploreController;
    const shown = explore.shownFeatures();
    const tree = this.treeOf(code.buildTree, shown, this.dataController.byId, this.sort, lang);
    return code.renderExplorePanel({
      lang,
      query: explore.query,
      searchResults: explore.searchResults,
      filter: explore.filter,
      facets: explore.facets,
      totals: explore.totals,
      shownCount: shown.length,
      totalCount: this.features.length,
      filtered: explore.isFiltered,
      tree,
      sort: this.sort,
      selected: this.selected,
      expanded: this.expanded,
      listLimits: this.listLimits,
      canShare: this.hash,
      loadedOnly: this.mapController.tiled,
      status: this.exploreStatus,
      onQuery: (query) => {
        explore.setQuery(query);
        this.hashController.write('replace');
      },
      onChoose: (id) => this.chooseFromList(id),
      onFilter: (filter) => this.setFilterByUser(filter),
      onClearFilter: () => this.setFilterByUser(EMPTY_FILTER),
      onSort: (sort) => (this.sort = sort),
      onToggle: (id) => this.toggleExpanded(id),
      onShowMore: (key) => {
        const limits = new Map(this.listLimits);
        limits.set(key, (limits.get(key) ?? code.LIST_PAGE) + code.LIST_PAGE);
        this.listLimits = limits;
      },
      onHover: (id) => this.mapController.setHovered(id),
      onExportCsv: () => void this.exportCsv().catch(this.onExportFailed),
      onExportGeoJson: () => void this.exportGeoJson().catch(this.onExportFailed),
      onExportImage: () => void this.exportImage(),
      onShare: () => void this.share(),
    });
  }

  /** 2D/3D switch and the list toggle, over the map's lower left corner. */
  private renderViewControls() {
    const lang = this.language;
    return html`<div class="view-controls" part="view-controls">
      <div class="view-switch" role="group" aria-label=${t(lang, 'viewMode')}>
        ${(['2d', '3d'] as const).map(
          (view) =>
            html`<button
              type="button"
              data-view=${view}
              aria-pressed=${this.view === view ? 'true' : 'false'}
              @click=${() => {
                this.view = view;
              }}
            >
              ${t(lang, view === '2d' ? 'view2d' : 'view3d')}
            </button>`,
        )}
      </div>
      ${
        this.noList
          ? nothing
          : html`<button
              type="button"
              class="list-toggle"
              aria-pressed=${this.listHidden ? 'false' : 'true'}
              @click=${() => (this.listHidden = !this.listHidden)}
            >
              ${t(lang, this.listHidden ? 'showList' : 'hideList')}
            </button>`
      }
      <button type="button" class="fit-all" @click=${() => this.fitTo()}>
        ${t(lang, 'fitAll')}
      </button>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'park-map': ParkMap;
  }
  interface GlobalEventHandlersEventMap {
    'park-map-load': ParkMapLoadEvent;
    'park-map-select': ParkMapSelectEvent;
    'park-map-error': ParkMapErrorEvent;
    'park-map-measure': ParkMapMeasureEvent;
    'park-map-measure-remove': ParkMapMeasureRemoveEvent;
  }
}
