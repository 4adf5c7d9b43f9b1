// <park-map>: the element. A thin shell: reactive properties in, events out; the data controller
// loads and validates, the map controller draws; the UI parts are templates in the shadow root.
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { DataController, type LoadedData } from './data/data-controller.js';
import { describeIssue } from './data/issue-messages.js';
import type { CoordinateSystem, DataIssue, ParkFeature } from './data/types.js';
import { ParkMapErrorEvent } from './events/park-map-error-event.js';
import { ParkMapLoadEvent } from './events/park-map-load-event.js';
import { ParkMapMeasureEvent } from './events/park-map-measure-event.js';
import { ParkMapSelectEvent } from './events/park-map-select-event.js';
import { resolveLang, type Lang } from './i18n/lang.js';
import { t } from './i18n/strings.js';
import { MapController } from './map/map-controller.js';
import { measure } from './measure/measure.js';
import {
  MeasureController,
  TOOLS,
  type Measurement,
  type Tool,
} from './measure/measure-controller.js';
import type { AreaUnit, LengthUnit } from './measure/units.js';
import { headline, renderCursorValue, renderMeasurePanel } from './ui/measure-panel.js';
import { renderDetails } from './ui/details-panel.js';
import { renderIssuesBanner } from './ui/issues-banner.js';
import { renderLegend } from './ui/legend.js';
import { parkMapStyles } from './ui/styles.js';

const COORDINATE_SYSTEMS: readonly CoordinateSystem[] = ['wgs84', 'gcj02', 'bd09'];

/**
 * An interactive map of industrial parks: development zones, parks, plots and buildings from a
 * GeoJSON FeatureCollection, coloured by status; click one for its status, tenants and figures.
 *
 * @summary Interactive, offline map of industrial parks on MapLibre GL JS.
 *
 * @attr src - URL of the park FeatureCollection (GeoJSON).
 * @attr lang - `zh-CN` (default) or `en`.
 * @attr basemap - `none` (default): no basemap and no network request at all.
 * @attr coords - The coordinate system the data is in: `wgs84` (default), `gcj02` or `bd09`.
 * @attr selected - Id of the selected feature (reflected).
 * @attr tool - Measuring tool: `none` (default), `distance`, `area`, or `parcel` (click a park, plot or building to measure it).
 *
 * @fires park-map-load - Data loaded, validated and drawn. `detail: { features, errors }`.
 * @fires park-map-select - The user selected a feature or cleared the selection. `detail: { id, properties }`.
 * @fires park-map-measure - A measurement was finished or edited. `detail: { tool, geometry, lengthM?, areaM2?, perimeterM?, featureId? }`.
 * @fires park-map-error - A data problem, a load failure or a MapLibre error. `detail: { code, message, featureId?, path?, severity }`.
 *
 * @csspart map - The map container.
 * @csspart details - The details panel of the selected feature.
 * @csspart close-button - The details panel's close button.
 * @csspart legend - The legend.
 * @csspart issues - The data-problems banner.
 * @csspart measure - The measuring tools (toolbar and results).
 * @csspart toolbar - The tool buttons.
 * @csspart measure-results - The measurement results and export buttons.
 *
 * @cssprop --park-map-height - Height of the element (default 480px).
 * @cssprop --park-map-background - Map background colour.
 * @cssprop --park-map-status-operating - Colour of operating buildings (likewise `-planned`, `-signed`, `-under-construction`, `-topped-out`, `-fitting-out`, `-completed`).
 * @cssprop --park-map-selection - Outline colour of the selected feature.
 * @cssprop --park-map-panel-background - Background of the panels.
 * @cssprop --park-map-text - Text colour of the panels.
 */
export class ParkMap extends LitElement {
  static override styles = parkMapStyles;

  static override properties = {
    src: { type: String },
    data: { attribute: false },
    lang: { type: String, reflect: false },
    basemap: { type: String },
    coords: { type: String },
    selected: { type: String, reflect: true },
    tool: { type: String, reflect: true },
    issuesOpen: { state: true },
    areaUnit: { state: true },
    lengthUnit: { state: true },
    measureStatus: { state: true },
  };

  /** URL of the park FeatureCollection. */
  src: string | null = null;
  /** The FeatureCollection itself (wins over `src`). Never mutated. */
  data: unknown = undefined;
  /** Basemap: only `none` (no network request) so far. */
  basemap = 'none';
  /** The coordinate system of the data; a `coordinateSystem` member in the file is used when unset. */
  coords: CoordinateSystem | null = null;
  /** Id of the selected feature, or null. */
  selected: string | null = null;
  /** The measuring tool in use. */
  tool: Tool = 'none';

  private issuesOpen = false;
  private areaUnit: AreaUnit | 'auto' = 'auto';
  private lengthUnit: LengthUnit | 'auto' = 'auto';
  /** The last measuring result, for screen readers (a live region). */
  private measureStatus = '';
  private toolReady: Promise<void> = Promise.resolve();

  private readonly dataController = new DataController(this, (loaded) => this.onDataLoaded(loaded));
  private readonly mapController = new MapController(this, {
    container: () => this.renderRoot.querySelector<HTMLElement>('.map'),
    lang: () => this.language,
    onFeatureClick: (id) => this.onMapClick(id),
    onError: (code, message) => this.emitError({ code, message, severity: 'error' }),
    onReady: () => {
      this.measureController.mapChanged();
      void this.announceWhenDrawn();
    },
  });
  private readonly measureController = new MeasureController(this, {
    map: () => this.mapController.map,
    features: () => this.dataController.features,
    onMeasure: (measurement) => this.onMeasured(measurement),
    onError: (code, message) => this.emitError({ code, message, severity: 'error' }),
  });

  /** The MapLibre map, once created (read-only). */
  get map() {
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

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('keydown', this.onKeyDown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.onKeyDown);
  }

  /** Selects a feature by id (or clears with null), as the `selected` attribute does. No event. */
  select(id: string | null): void {
    if (id !== null && typeof id !== 'string') {
      throw new Error('<park-map>: select() takes a feature id (string) or null.');
    }
    this.selected = id;
  }

  /** Measures a LineString or Polygon (or Multi…) on the WGS84 ellipsoid: metres and m². */
  measure(geometry: Parameters<typeof measure>[0]) {
    return measure(geometry);
  }

  /** Chooses a measuring tool (as the `tool` attribute does) and resolves once it takes input. */
  async setTool(tool: Tool): Promise<void> {
    this.tool = tool;
    await this.updateComplete;
    await this.toolReady;
  }

  /** The measurements on the map, as GeoJSON with their measures in properties. */
  get measurements() {
    return this.measureController.toGeoJson();
  }

  /** Frames one feature (by id) or, without an id, all features. */
  fitTo(id?: string): void {
    if (id === undefined) {
      this.mapController.fitTo(this.features);
      return;
    }
    const feature = this.dataController.byId.get(id);
    if (!feature) throw new Error(`<park-map>: fitTo(): no feature has the id "${id}".`);
    this.mapController.fitTo([feature]);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (
      changed.has('coords') &&
      this.coords !== null &&
      !COORDINATE_SYSTEMS.includes(this.coords)
    ) {
      this.emitError({
        code: 'invalid-coords',
        message: `coords="${String(this.coords)}" is not one of wgs84, gcj02, bd09; the data is read as WGS84.`,
        severity: 'error',
      });
    }
    if (changed.has('src') || changed.has('data') || changed.has('coords')) {
      const coords =
        this.coords && COORDINATE_SYSTEMS.includes(this.coords) ? this.coords : undefined;
      this.dataController.load({ src: this.src, data: this.data, coords });
    }
    if (changed.has('selected')) this.mapController.setSelected(this.selected);
    if (changed.has('tool')) {
      if (!TOOLS.includes(this.tool)) {
        this.emitError({
          code: 'invalid-tool',
          message: `tool="${String(this.tool)}" is not one of ${TOOLS.join(', ')}; no tool is active.`,
          severity: 'error',
        });
        this.tool = 'none';
      }
      this.toolReady = this.measureController.setTool(this.tool);
    }
    if (changed.has('lang')) this.mapController.setLang(this.language);
  }

  private onDataLoaded(loaded: LoadedData): void {
    for (const issue of loaded.errors) this.emitIssue(issue);
    if (this.selected !== null && !this.dataController.byId.has(this.selected))
      this.selected = null;
    void this.mapController.setFeatures(loaded.features, true);
    void this.announceWhenDrawn();
  }

  /**
   * Fires `park-map-load` once the loaded data is on a ready map (or at once when no map can be
   * made: the data is still there for the panel). Called when data arrives and when a map gets
   * ready, so whichever comes second announces.
   */
  private async announceWhenDrawn(): Promise<void> {
    if (this.dataController.state !== 'ready' && this.dataController.state !== 'failed') return;
    if (this.mapController.state === 'loading' || this.mapController.state === 'idle') return;
    const { features, errors } = this.dataController;
    if (this.mapController.state === 'ready') await this.mapController.whenRendered();
    // Newer data arrived meanwhile: its own call announces it.
    if (features !== this.dataController.features) return;
    this.dispatchEvent(new ParkMapLoadEvent({ features, errors }));
  }

  private emitIssue(issue: DataIssue): void {
    this.emitError({
      code: issue.code,
      message: describeIssue(issue, this.language),
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
      if (feature) this.measureController.measureFeature(feature);
      return;
    }
    this.selectByUser(id);
  }

  private onMeasured(measurement: Measurement): void {
    const { tool, geometry, lengthM, areaM2, perimeterM, featureId } = measurement;
    const lang = this.language;
    const name = featureId ? this.dataController.byId.get(featureId)?.properties.name : undefined;
    const label = tool === 'distance' ? t(lang, 'length') : (name ?? t(lang, 'area'));
    this.measureStatus = `${label} ${headline(measurement, { lang, areaUnit: this.areaUnit, lengthUnit: this.lengthUnit })}`;
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
    const text = JSON.stringify(this.measureController.toGeoJson(), null, 2);
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

  private downloadMeasurements(): void {
    const text = JSON.stringify(this.measureController.toGeoJson(), null, 2);
    const url = URL.createObjectURL(new Blob([text], { type: 'application/geo+json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'park-map-measurements.geojson';
    link.click();
    // The download has started from the link; the URL is not needed after this task.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  private selectByUser(id: string | null): void {
    if (id === this.selected) return;
    this.selected = id;
    const properties = id === null ? null : (this.dataController.byId.get(id)?.properties ?? null);
    this.dispatchEvent(new ParkMapSelectEvent({ id, properties }));
  }

  private readonly onKeyDown = (event: KeyboardEvent) => {
    const drawing = this.tool === 'distance' || this.tool === 'area';
    if (drawing && event.key === 'Backspace' && this.measureController.undo()) {
      event.preventDefault();
      return;
    }
    if (event.key === 'Escape' && this.selected !== null) {
      event.stopPropagation();
      this.selectByUser(null);
    }
  };

  private renderOverlay() {
    const lang = this.language;
    let message: string | undefined;
    if (this.mapController.state === 'failed') message = t(lang, 'webglUnavailable');
    else if (this.dataController.state === 'loading') message = t(lang, 'loadingData');
    else if (this.mapController.state !== 'ready') message = t(lang, 'loading');
    if (!message) return nothing;
    return html`<div class="overlay" role="status"><span class="message">${message}</span></div>`;
  }

  protected override render() {
    const lang = this.language;
    const selectedFeature = this.selected ? this.dataController.byId.get(this.selected) : undefined;
    return html`<div class="root" lang=${lang}>
      <div class="map" part="map" role="application" aria-label=${t(lang, 'mapLabel')}></div>
      ${this.renderOverlay()}
      ${renderIssuesBanner(this.dataController.errors, {
        lang,
        open: this.issuesOpen,
        onToggle: () => (this.issuesOpen = !this.issuesOpen),
      })}
      ${
        selectedFeature
          ? renderDetails(selectedFeature, {
              lang,
              byId: this.dataController.byId,
              children: this.dataController.childrenOf.get(selectedFeature.id) ?? [],
              onMeasure: () => this.measureController.measureFeature(selectedFeature),
              onClose: () => this.selectByUser(null),
              onSelect: (id) => {
                this.selectByUser(id);
                this.fitTo(id);
              },
            })
          : nothing
      }
      ${this.features.length > 0 ? renderLegend(this.features, lang) : nothing}
      ${renderMeasurePanel({
        lang,
        tool: this.tool,
        measurements: this.measureController.measurements,
        live: this.measureController.live,
        cursor: this.measureController.cursor,
        areaUnit: this.areaUnit,
        lengthUnit: this.lengthUnit,
        byId: this.dataController.byId,
        childrenOf: this.dataController.childrenOf,
        status: this.measureStatus,
        onTool: (tool) => {
          this.tool = tool;
        },
        onAreaUnit: (unit) => (this.areaUnit = unit),
        onLengthUnit: (unit) => (this.lengthUnit = unit),
        onRemove: (id) => this.measureController.clear(id),
        onClear: () => this.measureController.clear(),
        onCopy: () => void this.copyMeasurements(),
        onDownload: () => this.downloadMeasurements(),
      })}
      ${renderCursorValue({
        lang,
        live: this.measureController.live,
        cursor: this.measureController.cursor,
        areaUnit: this.areaUnit,
        lengthUnit: this.lengthUnit,
      })}
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
  }
}
