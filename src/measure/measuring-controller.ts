// The measuring tools as the element shows them: the toolbar (first load), and once a tool is
// chosen or a feature measured, the drawing code (the measure chunk) with its controller, the
// results panel, the units chosen there, the keys that draw, and the element's measuring events.
import { nothing, type ReactiveControllerHost } from 'lit';
import { exportChunk, measureChunk, type MeasureChunk } from '../chunks/loaders.js';
import type { ParkFeature } from '../data/types.js';
import { ParkMapErrorEvent } from '../events/park-map-error-event.js';
import { ParkMapMeasureEvent } from '../events/park-map-measure-event.js';
import { ParkMapMeasureRemoveEvent } from '../events/park-map-measure-remove-event.js';
import { resolveLang } from '../i18n/lang.js';
import { t } from '../i18n/strings.js';
import type { MapController } from '../map/map-controller.js';
import type { ParkStore } from '../state/park-store.js';
import { renderMeasurePanel } from '../ui/measure-panel.js';
import type {
  MeasureController,
  Measurement,
  MeasurementCollection,
} from './measure-controller.js';
import type { Tool } from './tool.js';
import type { AreaUnit, LengthUnit } from './units.js';

/** What the element offers: its `tool` attribute and its language. */
export interface MeasuringHost extends ReactiveControllerHost, HTMLElement {
  tool: Tool;
  lang: string;
  /** The shadow root the results are drawn in (their styles come with the measuring code). */
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export interface MeasuringSources {
  store: ParkStore;
  map: MapController;
}

const isDrawingTool = (tool: Tool) => tool === 'distance' || tool === 'area';

export class MeasuringController {
  areaUnit: AreaUnit | 'auto' = 'auto';
  lengthUnit: LengthUnit | 'auto' = 'auto';
  /** The last measuring result, for screen readers (a live region). */
  status = '';
  /** Settles once the tool last chosen takes input (the drawing code loads on first use). */
  toolReady: Promise<void> = Promise.resolve();

  private readonly host: MeasuringHost;
  private readonly sources: MeasuringSources;
  /** The measure chunk and the drawing controller, once a tool was chosen or a feature measured. */
  private measuring: { module: MeasureChunk; controller: MeasureController } | undefined;
  private measuringLoad: Promise<MeasureController | undefined> | undefined;

  constructor(host: MeasuringHost, sources: MeasuringSources) {
    this.host = host;
    this.sources = sources;
  }

  /** The drawing controller, once loaded. */
  private get drawing(): MeasureController | undefined {
    return this.measuring?.controller;
  }

  /** True while shapes are drawn on the map, or a drawing tool is on: the map must stay. */
  get holdsMap(): boolean {
    return this.drawing ? this.drawing.hasDrawing : isDrawingTool(this.host.tool);
  }

  /** The measurements on the map, as a GeoJSON FeatureCollection. */
  get measurements(): MeasurementCollection {
    return this.drawing?.toGeoJson() ?? { type: 'FeatureCollection', features: [] };
  }

  /** Loads the measure chunk (once) and makes the drawing controller. */
  private load(): Promise<MeasureController | undefined> {
    this.measuringLoad ??= measureChunk.load().then(
      (module) => {
        const map = this.sources.map;
        const controller = new module.MeasureController(this.host, {
          // A map still loading its style takes no drawing layers: the controller gets it once it
          // is ready (mapChanged). This code may arrive in between.
          map: () => (map.state === 'ready' ? map.map : undefined),
          displayCrs: () => map.displayCrs,
          colour: () => map.theme.accent,
          displayed: () => map.displayed(),
          onMeasure: (measurement) => this.measured(measurement),
          onRemove: (ids) => this.host.dispatchEvent(new ParkMapMeasureRemoveEvent({ ids })),
        });
        // Its results' styles, before anything of it is drawn.
        module.adoptMeasureResultsStyles(this.host.renderRoot);
        this.measuring = { module, controller };
        this.host.requestUpdate();
        return controller;
      },
      (error: unknown) => {
        this.measuringLoad = undefined; // the next choice of a tool tries again
        this.host.dispatchEvent(
          new ParkMapErrorEvent({
            code: 'measure-load-failed',
            message: `could not load the measuring tools: ${String(error)}`,
            severity: 'error',
          }),
        );
        return undefined;
      },
    );
    return this.measuringLoad;
  }

  /** The element's `tool` changed: handed to the drawing controller, which loads on first use. */
  toolChanged(): void {
    this.toolReady = this.applyTool(this.host.tool);
  }

  private async applyTool(tool: Tool): Promise<void> {
    if (tool === 'none' && !this.drawing) return;
    const drawing = this.drawing ?? (await this.load());
    if (!drawing || this.host.tool !== tool) return;
    await drawing.setTool(tool);
  }

  /** A new map is ready: shapes drawn on the old one went with it. */
  mapChanged(): void {
    this.drawing?.mapChanged();
  }

  /** Measures a park, plot or building (the parcel tool, "measure this"); at once when loaded. */
  measureFeature(feature: ParkFeature): void {
    if (this.drawing) this.drawing.measureFeature(feature);
    else void this.load().then((drawing) => drawing?.measureFeature(feature));
  }

  /** A click on the map: true when a tool takes it (the parcel tool measures what was clicked). */
  clicked(id: string | null): boolean {
    const tool = this.host.tool;
    if (isDrawingTool(tool)) return true;
    if (tool !== 'parcel') return false;
    const feature = id === null ? undefined : this.sources.store.byId.get(id);
    if (feature) this.measureFeature(feature);
    return true;
  }

  /**
   * Keys while drawing: Backspace takes the last point back; Enter and Escape on the focused map
   * end or drop the shape being drawn (on a button they are the button's). True when handled.
   */
  keyDown(event: KeyboardEvent): boolean {
    const drawing = this.drawing;
    if (!isDrawingTool(this.host.tool) || !drawing) return false;
    if (event.key === 'Backspace' && drawing.undo()) {
      event.preventDefault();
      return true;
    }
    const onMap = event.composedPath()[0] === this.sources.map.map?.getCanvas();
    if (onMap && event.key === 'Enter' && drawing.finish()) {
      event.preventDefault();
      return true;
    }
    if (onMap && event.key === 'Escape') drawing.cancel();
    return false;
  }

  private measured(measurement: Measurement): void {
    const { tool, geometry, lengthM, areaM2, perimeterM, featureId } = measurement;
    const lang = resolveLang(this.host.lang);
    const name = featureId ? this.sources.store.byId.get(featureId)?.properties.name : undefined;
    const label = tool === 'distance' ? t(lang, 'length') : (name ?? t(lang, 'area'));
    const value = this.measuring?.module.headline(measurement, {
      lang,
      areaUnit: this.areaUnit,
      lengthUnit: this.lengthUnit,
    });
    this.status = `${label} ${value}`;
    this.host.requestUpdate();
    this.host.dispatchEvent(
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

  private async copy(): Promise<void> {
    const text = JSON.stringify(this.measurements, null, 2);
    try {
      await navigator.clipboard.writeText(text);
      this.status = t(resolveLang(this.host.lang), 'measureCopied');
      this.host.requestUpdate();
    } catch (error) {
      this.host.dispatchEvent(
        new ParkMapErrorEvent({
          code: 'clipboard-failed',
          message: `Could not copy to the clipboard (${String(error)}); use the download button instead.`,
          severity: 'warning',
        }),
      );
    }
  }

  private async download(): Promise<void> {
    const text = JSON.stringify(this.measurements, null, 2);
    try {
      const { GEOJSON_MIME_TYPE, downloadText } = await exportChunk.load();
      downloadText(text, 'park-map-measurements.geojson', GEOJSON_MIME_TYPE);
    } catch (error) {
      this.host.dispatchEvent(
        new ParkMapErrorEvent({
          code: 'export-failed',
          message: `could not load the export code: ${String(error)}`,
          severity: 'error',
        }),
      );
    }
  }

  /** The toolbar, with the results below it once the measuring code has loaded. */
  /** `below`: what stands under the toolbar, above the results (the timeline). */
  render(below: unknown) {
    const lang = resolveLang(this.host.lang);
    return renderMeasurePanel({
      lang,
      tool: this.host.tool,
      onTool: (tool) => (this.host.tool = tool),
      results: [below, this.renderResults()],
    });
  }

  private renderResults() {
    const measuring = this.measuring;
    if (!measuring) return nothing;
    const { module, controller } = measuring;
    const { store } = this.sources;
    return module.renderMeasureResults({
      lang: resolveLang(this.host.lang),
      tool: this.host.tool,
      measurements: controller.measurements,
      live: controller.live,
      cursor: controller.cursor,
      areaUnit: this.areaUnit,
      lengthUnit: this.lengthUnit,
      byId: store.byId,
      childrenOf: store.childrenOf,
      status: this.status,
      onAreaUnit: (unit) => this.setUnits({ areaUnit: unit }),
      onLengthUnit: (unit) => this.setUnits({ lengthUnit: unit }),
      onRemove: (id) => controller.clear(id),
      onClear: () => controller.clear(),
      onCopy: () => void this.copy(),
      onDownload: () => void this.download(),
    });
  }

  private setUnits(units: { areaUnit?: AreaUnit | 'auto'; lengthUnit?: LengthUnit | 'auto' }) {
    if (units.areaUnit) this.areaUnit = units.areaUnit;
    if (units.lengthUnit) this.lengthUnit = units.lengthUnit;
    this.host.requestUpdate();
  }

  /** The live value beside the pointer while drawing. */
  renderCursor() {
    const measuring = this.measuring;
    if (!measuring) return nothing;
    return measuring.module.renderCursorValue({
      lang: resolveLang(this.host.lang),
      live: measuring.controller.live,
      cursor: measuring.controller.cursor,
      areaUnit: this.areaUnit,
      lengthUnit: this.lengthUnit,
    });
  }
}
