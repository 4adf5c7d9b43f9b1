// <park-map>: the element. Properties and attributes in, events out: willUpdate hands what changed
// to the store and the controllers, render() composes their panels. The data lives in the store
// (state/park-store.ts), which loading writes to and everything else reads from.
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { dataChunk } from './chunks/loaders.js';
import { parseEpsgCode } from './data/crs/epsg-name.js';
import { DataController } from './data/data-controller.js';
import type { IssueGroup } from './data/issue-groups.js';
import { groupLoadedIssues } from './data/loaded-groups.js';
import type { FieldMapping } from './data/mapping.js';
import {
  COORDINATE_SYSTEMS,
  KINDS,
  type CoordinateSystem,
  type DataIssue,
  type Geometry,
  type ParkFeature,
} from './data/types.js';
import { groupDetail, unknownValue } from './events/attribute-errors.js';
import { ParkMapErrorEvent } from './events/park-map-error-event.js';
import type { ParkMapBasemapEvent } from './events/park-map-basemap-event.js';
import type { ParkMapLoadEvent } from './events/park-map-load-event.js';
import type { ParkMapMeasureEvent } from './events/park-map-measure-event.js';
import type { ParkMapMeasureRemoveEvent } from './events/park-map-measure-remove-event.js';
import type { ParkMapSelectEvent } from './events/park-map-select-event.js';
import { ExploreController } from './explore/explore-controller.js';
import type { FilterState } from './explore/filter-state.js';
import { HashController } from './explore/hash-controller.js';
import { ListController } from './explore/list-controller.js';
import { Exporter } from './export/exporter.js';
import { resolveLang, type Lang } from './i18n/lang.js';
import { t } from './i18n/strings.js';
import { MapController } from './map/map-controller.js';
import { tileSourceOf } from './map/tile-source.js';
import { measure, type Measurement as Measures } from './measure/measure.js';
import type { MeasurementCollection } from './measure/measure-controller.js';
import { MeasuringController } from './measure/measuring-controller.js';
import { TOOLS, type Tool } from './measure/tool.js';
import { LoadAnnouncer } from './state/load-announcer.js';
import { ParkStore, type StoreChange } from './state/park-store.js';
import { Announcer } from './ui/announcer.js';
import { renderIssuesBanner } from './ui/issues-banner.js';
import {
  MAP_SUMMARY_ID,
  renderMapSummary,
  renderOverlay,
  renderViewControls,
} from './ui/map-stage.js';
import { SelectionController } from './ui/selection-controller.js';
import { parkMapStyles } from './ui/styles.js';

/**
 * An interactive map of industrial parks: development zones, parks, plots and buildings from a
 * GeoJSON FeatureCollection, coloured by status; click one for its status, tenants and figures.
 *
 * @summary Interactive, offline map of industrial parks on MapLibre GL JS.
 *
 * @fires {ParkMapLoadEvent} park-map-load - Data loaded, validated and drawn (out of sight: loaded; it fires again once drawn on a newly made map). `detail: { features, errors }`.
 * @fires {ParkMapSelectEvent} park-map-select - The user selected a feature or cleared the selection. `detail: { id, properties }`.
 * @fires {ParkMapMeasureEvent} park-map-measure - A measurement was finished or edited. `detail: { tool, geometry, lengthM?, areaM2?, perimeterM?, featureId? }`.
 * @fires {ParkMapMeasureRemoveEvent} park-map-measure-remove - Measurements were removed (cleared in the panel, or gone with a replaced map). `detail: { ids }`.
 * @fires {ParkMapErrorEvent} park-map-error - A data problem, a load failure or a MapLibre error. `detail: { code, message, featureId?, path?, severity }`.
 * @fires {ParkMapBasemapEvent} park-map-basemap - The user chose another basemap in the switch (`basemaps`); `basemap` already holds it. `detail: { basemap, previous }`.
 *
 * @csspart map - The map container.
 * @csspart details - The details panel of the selected feature.
 * @csspart close-button - The details panel's close button.
 * @csspart legend - The legend.
 * @csspart legend-toggle - The legend's button, which folds and opens it (folded at first on a narrow element).
 * @csspart sheet - On an element up to 640 px wide: the bottom sheet the list and the details panel sit in (its `state` attribute: `closed`, `half` or `full`).
 * @csspart sheet-handle - The bottom sheet's handle: drag it, or click it or press Enter/Space to step closed → half → full; Escape closes.
 * @csspart issues - The data-problems banner.
 * @csspart list - The side panel: search, filters, totals, list and exports.
 * @csspart search - The search box and its results.
 * @csspart filters - The filters.
 * @csspart totals - The totals over what is shown.
 * @csspart measure - The measuring tools (toolbar and results).
 * @csspart toolbar - The tool buttons.
 * @csspart measure-results - The measurement results and export buttons.
 * @csspart view-controls - The 2D/3D switch, the list toggle and "show all".
 * @csspart timeline - The timeline (the as-of date: play/pause and a slider over the data's dates), under the toolbar; shown when the data has dated stages.
 *
 * @cssprop [--park-map-height=480px] - Height of the element.
 * @cssprop [--park-map-list-width=300px] - Width of the side list.
 * @cssprop [--park-map-font-size=14px] - Font size of the panels.
 * @cssprop --park-map-font-family - Font of the panels (defaults to the system's Chinese UI fonts).
 * @cssprop [--park-map-radius=6px] - Corner radius of the panels and buttons.
 * @cssprop [--park-map-background=#f4f1ea] - Map background colour.
 * @cssprop [--park-map-status-operating=#1b5e20] - Colour of operating buildings; likewise `--park-map-status-planned`, `-signed`, `-under-construction`, `-topped-out`, `-fitting-out`, `-completed`.
 * @cssprop [--park-map-no-status=#9e9e9e] - Colour of buildings whose status is not stated.
 * @cssprop [--park-map-zone-fill=#dde7f0] - Fill of development zones; likewise `--park-map-zone-line`, `--park-map-park-fill`, `--park-map-park-line`, `--park-map-plot-fill`, `--park-map-plot-line`, `--park-map-building-line`.
 * @cssprop [--park-map-zone-label=#1f3b57] - Text colour of zone names on the map.
 * @cssprop [--park-map-label-text=#1f1f1f] - Text colour of park names on the map.
 * @cssprop [--park-map-label-halo=rgba(255,255,255,0.9)] - Halo around the names on the map.
 * @cssprop [--park-map-river=#8fb4d6] - Colour of the rivers of the offline ground (`ground`).
 * @cssprop [--park-map-place-label=#5f5f5f] - Text colour of the towns' names of the offline ground.
 * @cssprop [--park-map-selection=#d81b60] - Outline colour of the selected feature.
 * @cssprop [--park-map-hover=#1565c0] - Outline colour of the feature under the pointer in the list.
 * @cssprop [--park-map-accent=#0b57d0] - Colour of pressed tool buttons and of measured shapes on the map.
 * @cssprop [--park-map-accent-text=#ffffff] - Text colour on the accent colour (pressed buttons).
 * @cssprop [--park-map-focus=#0b57d0] - Colour of the keyboard focus ring.
 * @cssprop [--park-map-link=#0b57d0] - Colour of links and link buttons in the panels.
 * @cssprop [--park-map-progress=#1b5e20] - Colour of the progress bar.
 * @cssprop [--park-map-target=#8a5a00] - Colour of stated goals (targets) in the details panel.
 * @cssprop [--park-map-error=#b3261e] - Colour of the data-problems banner when it holds errors.
 * @cssprop [--park-map-warning=#7a4f01] - Colour of the data-problems banner when it holds warnings only.
 * @cssprop [--park-map-panel-background=#fff] - Background of the panels (opaque: the names and shapes of the map must not show through a panel).
 * @cssprop [--park-map-text=#1f1f1f] - Text colour of the panels.
 * @cssprop [--park-map-muted=#4a4a4a] - Secondary text colour.
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
    basemaps: { type: String },
    cooperativeGestures: { type: Boolean, attribute: 'cooperative-gestures' },
    coords: { type: String },
    idField: { type: String, attribute: 'id-field' },
    nameField: { type: String, attribute: 'name-field' },
    statusField: { type: String, attribute: 'status-field' },
    defaultKind: { type: String, attribute: 'default-kind' },
    fields: { attribute: false },
    selected: { type: String, reflect: true },
    tool: { type: String, reflect: true },
    view: { type: String, reflect: true },
    storeyHeight: { type: Number, attribute: 'storey-height' },
    hash: { type: Boolean },
    fit: { type: String },
    ground: { type: String },
    noList: { type: Boolean, attribute: 'no-list' },
    date: { type: String, reflect: true },
    timeline: { type: String },
    issuesOpen: { state: true },
  };

  /**
   * URL of the data: GeoJSON (RFC 7946; schema in `data/schema.json`; a `crs` member is
   * reprojected), CSV or Excel (.xlsx, .xls) with longitude/latitude or WKT columns, KML or KMZ,
   * or a zipped Shapefile (.prj and .cpg read, a GBK .dbf recognised), told apart by content, then
   * extension and content type (each reader loads only for its format); or vector tiles with the
   * same properties: a `.pmtiles` archive (or `pmtiles://…`) or an `{z}/{x}/{y}` tile URL
   * template. With tiles, `features`, search and the list hold the features loaded so far.
   */
  src: string | null = null;
  /** `zh-CN` (default) or `en`; switches live, MapLibre's own control labels included. */
  declare lang: string;
  /**
   * The FeatureCollection itself, as an object or JSON text (wins over `src`); a `crs` member is
   * reprojected. Never mutated.
   */
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
  /**
   * The basemaps the switch on the map offers, space-separated preset names (`none osm tianditu
   * tianditu-img amap`…), in their order; unset: no switch. Choosing one sets `basemap` and fires
   * `park-map-basemap`; a preset that needs a key needs `basemap-key` as with `basemap`.
   */
  basemaps: string | null = null;
  /** Let the page scroll past the map: zooming then needs Ctrl + scroll (two fingers on touch). */
  cooperativeGestures = false;
  /** The data's coordinate system: `wgs84`, `gcj02`, `bd09` or an EPSG code (`EPSG:4547`: CGCS2000, Web Mercator, CGCS2000 Gauss–Krüger zones), converted to WGS84 at load; unset: the file's `crs` or `coordinateSystem` member, else WGS84. */
  coords: CoordinateSystem | `EPSG:${number}` | null = null;
  /**
   * The source's field that holds each feature's id (e.g. `adcode` in a DataV file, `OBJECTID`),
   * when it is not the Feature's `id`. Unset: the Feature's `id`, else `properties.id`, else an id
   * made from the feature (stable for the same file), each guess told once as a warning.
   */
  idField: string | null = null;
  /** The source's field that holds the name (e.g. `名称`); unset: `name`, else 名称/NAME/Name/…, told as a warning. */
  nameField: string | null = null;
  /** The source's field that holds the status; its values may be ours or the Chinese words (在建, 已投产…). */
  statusField: string | null = null;
  /** The kind (`zone`, `park`, `plot`, `building`, `project`) of features whose own `kind` is missing or not ours; their value is kept as `sourceKind`. */
  defaultKind: string | null = null;
  /**
   * The whole mapping: our property → the source's field, with value maps and units, e.g.
   * `{ id: 'adcode', status: { field: '状态', values: { 在建: 'under_construction' } },
   * fields: { investment: { field: '投资额', unit: '亿元' } } }`. The attributes win over it.
   */
  fields: FieldMapping | null = null;
  /** Id of the selected feature, or null (reflected). */
  selected: string | null = null;
  /** Measuring tool: `none`, `distance`, `area`, or `parcel` (click a park, plot or building to measure it). */
  tool: Tool = 'none';
  /** `2d`, or `3d`: buildings extruded by height, or floors × `storey-height`, with a pitched camera. */
  view: '2d' | '3d' = '2d';
  /** Metres per floor for 3D when a building states floors but no height (3.5 when unset). */
  storeyHeight: number | undefined = undefined;
  /** Keep view, selection, filters, search, view mode, tool and the as-of `date` in the page URL; Back/Forward step through selections. */
  hash = false;
  /**
   * What the first view frames: `all` (all the data), or space-separated ids of zones or parks
   * (each with everything inside it, by `parent`); unset, the zone holding the most features (all
   * the data when no zone holds any). A camera from the URL (`hash`) wins; an unknown id is a
   * `park-map-error` warning (`fit-unknown-id`). "Show all" and `fitTo()` still frame all.
   */
  fit: string | null = null;
  /**
   * The offline map's ground (with `basemap="none"`): `auto` (default) draws the major rivers and
   * the towns the package ships (central Hunan: GSHHG rivers, GeoNames towns, credited on the map)
   * under the data when the data lies in that region, loading them then, with no request beyond
   * the element's own scripts; `none` draws none.
   */
  ground = 'auto';
  /** Hide the side list (search, filters, totals, list and exports). */
  noList = false;
  /**
   * The as-of date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`; reflected): the map, legend, list, filters,
   * totals, search and details show each feature as its `history` tells it stood then (a stage
   * `2020-07` counts from 2020-07-01); what is not yet there is left out, and the legend says how
   * many. Unset: the latest. GeoJSON data only (not vector tiles).
   */
  date: string | null = null;
  /** The timeline control: `auto` (default: shown when the data has dated stages), `none`: never. */
  timeline = 'auto';

  /** The data-problems banner lists the problems. */
  private issuesOpen = false;

  // The one owner of the data, then the controllers that load, draw and show it (each hears of a
  // change in this order: the map first, its worker drawing while the list is indexed).
  private readonly store = new ParkStore();
  private readonly announcer = new Announcer(this);
  private readonly dataController = new DataController(this, this.store);
  private readonly mapController: MapController = new MapController(this, {
    store: this.store,
    loader: this.dataController,
    onFeatureClick: (id) => {
      if (!this.measuring.clicked(id)) this.selection.selectByUser(id);
    },
    onReady: () => {
      this.measuring.mapChanged();
      void this.loads.announceWhenDrawn();
    },
    onMove: () => this.hashController.moved(),
    onMoveEnd: () => this.hashController.write('replace'),
    canRelease: () => !this.measuring.holdsMap,
  });
  private readonly exploreController = new ExploreController(this, this.store);
  private readonly hashController: HashController = new HashController(this, {
    store: this.store,
    explore: this.exploreController,
    map: this.mapController,
  });
  private readonly measuring: MeasuringController = new MeasuringController(this, {
    store: this.store,
    map: this.mapController,
  });
  private readonly exporter = new Exporter(this, {
    store: this.store,
    map: this.mapController,
    hash: this.hashController,
    announcer: this.announcer,
  });
  private readonly selection: SelectionController = new SelectionController(this, {
    store: this.store,
    map: this.mapController,
    measuring: this.measuring,
    announcer: this.announcer,
    exporter: this.exporter,
  });
  private readonly list = new ListController(this, {
    store: this.store,
    explore: this.exploreController,
    map: this.mapController,
    hash: this.hashController,
    selection: this.selection,
    exporter: this.exporter,
    announcer: this.announcer,
  });

  private readonly loads = new LoadAnnouncer(this, {
    store: this.store,
    map: this.mapController,
    // Drawn: the details panel's code comes now, so the first click finds it here.
    onAnnounced: () => setTimeout(() => void this.selection.loadDetails()),
  });

  constructor() {
    super();
    // Last to hear: the problems are told, and the load announced once drawn.
    this.store.subscribe((change) => this.storeChanged(change));
  }

  /**
   * The filters in force: `{ statuses, industries, sectors?, zones, kinds, investment?: { min?, max? },
   * floorArea?: { min?, max? } }` (yuan, m²). `sectors` are the industry sectors the facet offers
   * (`electronics`, `ai-data`, …, `other`; see data/README.md), `industries` raw tags as the data
   * words them; the two are one facet (OR-ed). Set it to filter from code (no event).
   */
  get filter(): FilterState {
    return this.exploreController.filter;
  }
  set filter(filter: FilterState) {
    this.exploreController.setFilter(filter);
  }

  /** The MapLibre map, once created (read-only; undefined before, or without WebGL). */
  get map(): MapLibreMap | undefined {
    return this.mapController.map;
  }

  /** The valid features currently shown (read-only). */
  get features(): readonly ParkFeature[] {
    return this.store.features;
  }

  /** Problems found in the data (read-only). */
  get errors(): readonly DataIssue[] {
    return this.store.errors;
  }

  /**
   * The same problems by kind: one group per code and severity, in the order first met, each with
   * its count and every issue of it (the banner lists these; one `park-map-error` is fired per group).
   */
  get errorGroups(): readonly IssueGroup[] {
    return this.store.issueGroups;
  }

  /** The measurements on the map, as a GeoJSON FeatureCollection with their measures in properties. */
  get measurements(): MeasurementCollection {
    return this.measuring.measurements;
  }

  private get language(): Lang {
    return resolveLang(this.lang);
  }

  /**
   * Done once everything is drawn, including what waited for code still loading: the state in the
   * URL (with `hash`) and the details of a selection.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    for (;;) {
      const pending =
        this.dataController.pending ?? this.hashController.loading ?? this.selection.loading;
      if (!pending) return complete;
      await pending;
      complete = await super.getUpdateComplete();
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('keydown', this.onKeyDown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.onKeyDown);
  }

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
    await this.measuring.toolReady;
    // The measuring code may have arrived meanwhile: its panel is drawn by then.
    await this.updateComplete;
  }

  /**
   * The features picked for comparison (ids of zones, parks or plots the data has, at most 3), in
   * the order picked; set it to pick them from code. The details panel's 加入对比 / "Add to
   * comparison" picks the shown one; its comparison table reads them side by side.
   */
  get compared(): string[] {
    return this.selection.compared;
  }
  set compared(ids: string[]) {
    this.selection.setCompared(ids);
  }

  /** Frames one feature (by id) or, without an id, all features. */
  fitTo(id?: string): void {
    if (id === undefined) {
      if (this.mapController.tiled) this.mapController.fitToTiles();
      else this.mapController.fitTo(this.features);
      return;
    }
    const feature = this.store.byId.get(id);
    if (!feature) throw new Error(`<park-map>: fitTo(): no feature has the id "${id}".`);
    this.mapController.fitTo([feature]);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const knownCoords =
      this.coords !== null && (COORDINATE_SYSTEMS as readonly string[]).includes(this.coords);
    // `EPSG:4547` (any case, or just the number): an EPSG code we may not know is reported by the
    // data load (unknown-crs), which then draws nothing rather than something at a wrong place.
    const epsg =
      this.coords !== null && !knownCoords ? parseEpsgCode(String(this.coords)) : undefined;
    if (changed.has('coords') && this.coords !== null && !knownCoords && epsg === undefined) {
      this.emitError(unknownValue('coords', this.coords));
    }
    if (
      changed.has('defaultKind') &&
      this.defaultKind !== null &&
      !(KINDS as readonly string[]).includes(this.defaultKind)
    ) {
      this.emitError(unknownValue('default-kind', this.defaultKind));
    }
    const mappingChanged =
      changed.has('idField') ||
      changed.has('nameField') ||
      changed.has('statusField') ||
      changed.has('defaultKind') ||
      changed.has('fields');
    if (changed.has('src') || changed.has('data') || changed.has('coords') || mappingChanged) {
      const coords = knownCoords ? (this.coords as CoordinateSystem) : undefined;
      // A `.pmtiles` archive or a `{z}/{x}/{y}` template: the map reads tiles, the data comes from
      // them as they load. (`data` still wins over `src`.)
      const tiles =
        this.data === undefined || this.data === null
          ? tileSourceOf(this.src, document.baseURI)
          : null;
      this.mapController.setTileSource(tiles);
      if (tiles) this.dataController.expectTiles();
      else {
        this.dataController.load({
          src: this.src,
          data: this.data,
          coords,
          epsg,
          mapping: {
            fields: this.fields,
            idField: this.idField,
            nameField: this.nameField,
            statusField: this.statusField,
            defaultKind: this.defaultKind,
          },
        });
      }
    }
    if (changed.has('date')) {
      // A date that is not one shows the latest, and is told (by the data chunk's as-of code).
      const date = this.date || null;
      this.store.setAsOf(date);
      if (date) void dataChunk.load().then((code) => code.dateProblem(date, this));
    }
    if (changed.has('selected')) this.store.select(this.selected);
    if (changed.has('hash')) this.hashController.sync();
    if (
      this.hasUpdated &&
      (changed.has('basemap') ||
        changed.has('basemapKey') ||
        changed.has('basemapCrs') ||
        changed.has('basemaps') ||
        changed.has('ground') ||
        changed.has('cooperativeGestures'))
    ) {
      this.mapController.recreate();
    }
    if (changed.has('ground') && this.ground !== 'auto' && this.ground !== 'none') {
      this.emitError(unknownValue('ground', this.ground));
      this.ground = 'auto';
    }
    if (changed.has('view') || changed.has('storeyHeight')) {
      if (this.view !== '2d' && this.view !== '3d') {
        this.emitError(unknownValue('view', this.view));
        this.view = '2d';
      }
      this.mapController.viewChanged();
    }
    if (changed.has('tool')) {
      if (!TOOLS.includes(this.tool)) {
        this.emitError(unknownValue('tool', this.tool));
        this.tool = 'none';
      }
      this.measuring.toolChanged();
    }
    if (changed.has('lang')) this.mapController.langChanged();
  }

  /**
   * The store changed: new problems are told and a new data set is announced once drawn; a
   * selection the data no longer has (or the user's) shows in `selected` too.
   */
  private storeChanged(change: StoreChange): void {
    if (change.type === 'data') {
      for (const group of groupLoadedIssues(change.reported, 100)) {
        this.emitError(groupDetail(group, this.language));
      }
      if (!change.refresh) void this.loads.announceWhenDrawn();
    }
    if (change.type === 'selection' && this.selected !== this.store.selected) {
      this.selected = this.store.selected;
    }
    this.requestUpdate();
  }

  private emitError(detail: ParkMapErrorEvent['detail']): void {
    this.dispatchEvent(new ParkMapErrorEvent(detail));
  }

  private readonly onKeyDown = (event: KeyboardEvent) => {
    if (this.measuring.keyDown(event)) return;
    this.selection.keyDown(event);
  };

  protected override render() {
    const lang = this.language;
    const showList = !this.noList && !this.list.hidden;
    const legend = this.features.length > 0 ? dataChunk.loaded?.renderLegend : undefined;
    const code = dataChunk.loaded;
    // The legend comes after the toolbar (in measuring.render()): Tab reaches the tools first.
    return html`<div class="root ${showList ? 'with-list' : ''}" lang=${lang}>
      ${showList ? this.list.render() : nothing}
      <div class="stage">
        <div
          class="map"
          part="map"
          role="application"
          aria-label=${t(lang, 'mapLabel')}
          aria-describedby=${MAP_SUMMARY_ID}
        ></div>
        ${renderMapSummary(this.store.shown, lang)}
        ${renderViewControls({
          lang,
          view: this.view,
          noList: this.noList,
          listHidden: this.list.hidden,
          onView: (view) => (this.view = view),
          onToggleList: () => {
            this.list.hidden = !this.list.hidden;
            this.requestUpdate();
          },
          onFitAll: () => this.fitTo(),
        })}
        ${renderOverlay({
          lang,
          failed: this.mapController.state === 'failed',
          contextLost: this.mapController.contextLost,
          loadingData: this.store.state === 'loading',
          mapReady: this.mapController.state === 'ready',
        })}
        ${renderIssuesBanner(this.store.errors, () => this.store.issueGroups, {
          lang,
          open: this.issuesOpen,
          onToggle: () => (this.issuesOpen = !this.issuesOpen),
        })}
        ${this.selection.render()}
        ${this.measuring.render(
          // The timeline stands under the toolbar, in its column.
          code && this.timeline !== 'none'
            ? code.renderTimeline(this.store, lang, (date) => (this.date = date))
            : nothing,
        )}
        ${this.measuring.renderCursor()}
        ${
          legend
            ? legend(
                this.features,
                lang,
                this.exploreController.isFiltered ? this.store.shown : undefined,
                this.store.asOfView,
              )
            : nothing
        }
      </div>
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
    'park-map-basemap': ParkMapBasemapEvent;
  }
}
