// <park-map>: the element. A thin shell: reactive properties in, events out; the data controller
// loads and validates, the map controller draws; the UI parts are templates in the shadow root.
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { DataController, type LoadedData } from './data/data-controller.js';
import { describeIssue } from './data/issue-messages.js';
import type { CoordinateSystem, DataIssue, ParkFeature } from './data/types.js';
import { ParkMapErrorEvent } from './events/park-map-error-event.js';
import { ParkMapLoadEvent } from './events/park-map-load-event.js';
import { ParkMapSelectEvent } from './events/park-map-select-event.js';
import { resolveLang, type Lang } from './i18n/lang.js';
import { t } from './i18n/strings.js';
import { MapController } from './map/map-controller.js';
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
 *
 * @fires park-map-load - Data loaded, validated and drawn. `detail: { features, errors }`.
 * @fires park-map-select - The user selected a feature or cleared the selection. `detail: { id, properties }`.
 * @fires park-map-error - A data problem, a load failure or a MapLibre error. `detail: { code, message, featureId?, path?, severity }`.
 *
 * @csspart map - The map container.
 * @csspart details - The details panel of the selected feature.
 * @csspart close-button - The details panel's close button.
 * @csspart legend - The legend.
 * @csspart issues - The data-problems banner.
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
    issuesOpen: { state: true },
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

  private issuesOpen = false;

  private readonly dataController = new DataController(this, (loaded) => this.onDataLoaded(loaded));
  private readonly mapController = new MapController(this, {
    container: () => this.renderRoot.querySelector<HTMLElement>('.map'),
    lang: () => this.language,
    onFeatureClick: (id) => this.selectByUser(id),
    onError: (code, message) => this.emitError({ code, message, severity: 'error' }),
    onReady: () => void this.announceWhenDrawn(),
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

  private selectByUser(id: string | null): void {
    if (id === this.selected) return;
    this.selected = id;
    const properties = id === null ? null : (this.dataController.byId.get(id)?.properties ?? null);
    this.dispatchEvent(new ParkMapSelectEvent({ id, properties }));
  }

  private readonly onKeyDown = (event: KeyboardEvent) => {
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
              onClose: () => this.selectByUser(null),
              onSelect: (id) => {
                this.selectByUser(id);
                this.fitTo(id);
              },
            })
          : nothing
      }
      ${this.features.length > 0 ? renderLegend(this.features, lang) : nothing}
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
  }
}
