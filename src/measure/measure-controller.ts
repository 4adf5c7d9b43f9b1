// The measuring tools as a Lit ReactiveController: Terra Draw (loaded when a tool is first chosen)
// draws lines and polygons on the map by clicks or keys; every shape is measured on the WGS84
// ellipsoid as it changes; finished shapes stay until cleared and can be edited by their vertices.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import type {
  TerraDraw,
  GeoJSONStoreFeatures,
  SnappableContext,
  TerraDrawMouseEvent,
} from 'terra-draw';
import type { Geometry, ParkFeature, Position } from '../data/types.js';
import { geometryToWgs84 } from '../data/coords.js';
import type { DisplayCrs } from '../map/basemaps.js';
import { measure } from './measure.js';
import { nearestVertex, type VertexIndex, buildVertexIndex } from './snap.js';
import type { Tool } from './tool.js';

export { TOOLS, type Tool } from './tool.js';

export interface Measurement {
  /** Terra Draw's id for drawn shapes; `parcel:<feature id>` for a measured feature. */
  id: string;
  tool: 'distance' | 'area' | 'parcel';
  geometry: Geometry;
  lengthM: number;
  areaM2: number;
  perimeterM: number;
  /** The measured feature, for `parcel`. */
  featureId?: string;
}

export interface MeasurementCollection {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    id: string;
    geometry: Geometry;
    properties: {
      tool: Measurement['tool'];
      lengthM: number;
      areaM2: number;
      perimeterM: number;
      featureId?: string;
    };
  }[];
}

export interface MeasureControllerOptions {
  map: () => MapLibreMap | undefined;
  /** The map's coordinate system (the basemap's): drawn shapes are in it, measurements in WGS84. */
  displayCrs: () => DisplayCrs;
  /** The features as the map draws them (shifted into `displayCrs`), to snap to. */
  displayed: () => readonly ParkFeature[];
  /** A shape was finished, edited, or a feature measured. */
  onMeasure: (measurement: Measurement) => void;
  /** Measurements were removed (cleared, deleted, or gone with a replaced map). */
  onRemove: (ids: string[]) => void;
  onError: (code: string, message: string) => void;
}

/** Pixels within which a click snaps to a vertex of a park, plot or building. */
export const SNAP_PIXELS = 12;

type TerraDrawModule = typeof import('terra-draw');
type AdapterModule = typeof import('terra-draw-maplibre-gl-adapter');

let drawModules: Promise<[TerraDrawModule, AdapterModule]> | undefined;

function loadTerraDraw(): Promise<[TerraDrawModule, AdapterModule]> {
  drawModules ??= Promise.all([import('terra-draw'), import('terra-draw-maplibre-gl-adapter')]);
  return drawModules;
}

const MODE_OF_TOOL: Record<Tool, string> = {
  none: 'static',
  distance: 'linestring',
  area: 'polygon',
  parcel: 'static',
};

function measurementOf(id: string, tool: Measurement['tool'], geometry: Geometry): Measurement {
  const { lengthM, areaM2, perimeterM } = measure(geometry);
  return { id, tool, geometry, lengthM, areaM2, perimeterM };
}

export class MeasureController implements ReactiveController {
  tool: Tool = 'none';
  /** Finished measurements, oldest first. */
  measurements: Measurement[] = [];
  /** The shape being drawn, measured up to the pointer. */
  live: Measurement | null = null;
  /** Where to show the live value (canvas pixels), or null. */
  cursor: { x: number; y: number } | null = null;

  private readonly host: ReactiveControllerHost;
  private readonly options: MeasureControllerOptions;
  private draw: TerraDraw | undefined;
  private drawMap: MapLibreMap | undefined;
  private vertexIndex: VertexIndex | undefined;
  private indexedFeatures: readonly ParkFeature[] | undefined;
  private generation = 0;

  constructor(host: ReactiveControllerHost, options: MeasureControllerOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.stopDrawing();
  }

  /** True while a drawing tool is on or drawn shapes are on the map (they live in the map). */
  get hasDrawing(): boolean {
    return (
      this.tool === 'distance' ||
      this.tool === 'area' ||
      this.measurements.some((measurement) => measurement.tool !== 'parcel')
    );
  }

  /** Chooses a tool; Terra Draw is loaded and attached to the map the first time it is needed. */
  async setTool(tool: Tool): Promise<void> {
    this.tool = tool;
    this.live = null;
    this.cursor = null;
    this.host.requestUpdate();
    const map = this.options.map();
    if (!map) return;
    if (tool === 'distance' || tool === 'area') {
      const draw = await this.ensureDraw(map);
      if (!draw || this.tool !== tool) return;
      draw.setMode(MODE_OF_TOOL[tool]);
    } else if (this.draw) {
      this.draw.setMode('static');
    }
  }

  /** Measures a park, plot or building as it is in the data (the `parcel` tool and "measure this"). */
  measureFeature(feature: ParkFeature): Measurement | null {
    const type = feature.geometry.type;
    if (type !== 'Polygon' && type !== 'MultiPolygon') return null;
    const id = `parcel:${feature.id}`;
    const measurement = { ...measurementOf(id, 'parcel', feature.geometry), featureId: feature.id };
    this.measurements = [...this.measurements.filter((item) => item.id !== id), measurement];
    this.host.requestUpdate();
    this.options.onMeasure(measurement);
    return measurement;
  }

  /** Removes the last point of the shape being drawn (Backspace). */
  undo(): boolean {
    const draw = this.draw;
    if (!draw || !draw.canUndo()) return false;
    draw.undo();
    this.updateLive();
    return true;
  }

  /** Removes one measurement, or all. */
  clear(id?: string): void {
    const removed =
      id === undefined ? this.measurements : this.measurements.filter((m) => m.id === id);
    const drawnIds = removed.filter((m) => m.tool !== 'parcel').map((m) => m.id);
    // First out of the list, then off the map: Terra Draw's own 'delete' then finds nothing left
    // to report, and the removal is announced once.
    this.measurements = id === undefined ? [] : this.measurements.filter((m) => m.id !== id);
    if (this.draw && drawnIds.length) {
      this.draw.removeFeatures(drawnIds.filter((drawnId) => this.draw!.hasFeature(drawnId)));
    }
    this.host.requestUpdate();
    if (removed.length) this.options.onRemove(removed.map((m) => m.id));
  }

  /** The measurements as a GeoJSON FeatureCollection, each with its measures in properties. */
  toGeoJson(): MeasurementCollection {
    return {
      type: 'FeatureCollection' as const,
      features: this.measurements.map((m) => ({
        type: 'Feature' as const,
        id: m.id,
        geometry: m.geometry,
        properties: {
          tool: m.tool,
          lengthM: m.lengthM,
          areaM2: m.areaM2,
          perimeterM: m.perimeterM,
          ...(m.featureId ? { featureId: m.featureId } : {}),
        },
      })),
    };
  }

  /** The map was replaced (element moved): drawn shapes go with the old one. */
  mapChanged(): void {
    this.stopDrawing();
    const dropped = this.measurements.filter((m) => m.tool !== 'parcel').map((m) => m.id);
    this.measurements = this.measurements.filter((m) => m.tool === 'parcel');
    if (dropped.length) this.options.onRemove(dropped);
    if (this.tool === 'distance' || this.tool === 'area') void this.setTool(this.tool);
  }

  private stopDrawing(): void {
    this.generation += 1;
    const map = this.drawMap;
    if (map) {
      map.off('mousemove', this.onMouseMove);
      map.getCanvas().removeEventListener('mouseleave', this.onMouseLeave);
    }
    try {
      this.draw?.stop();
    } catch {
      // The map may already be removed (element disconnected): nothing is left to undo then.
    }
    this.draw = undefined;
    this.drawMap = undefined;
  }

  private async ensureDraw(map: MapLibreMap): Promise<TerraDraw | undefined> {
    if (this.draw && this.drawMap === map) return this.draw;
    this.stopDrawing();
    const generation = this.generation;
    let modules: [TerraDrawModule, AdapterModule];
    try {
      modules = await loadTerraDraw();
    } catch (error) {
      this.options.onError(
        'measure-load-failed',
        `could not load the drawing tools: ${String(error)}`,
      );
      return undefined;
    }
    if (generation !== this.generation || this.options.map() !== map) return undefined;
    const [terra, { TerraDrawMapLibreGLAdapter }] = modules;
    const snapping = { toCustom: this.snapToParcelVertex, toCoordinate: true };
    const styles = {
      fillColor: '#0b57d0' as const,
      fillOpacity: 0.15,
      outlineColor: '#0b57d0' as const,
      outlineWidth: 2,
    };
    const draw = new terra.TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({
        map,
        coordinatePrecision: 9,
        prefixId: 'park-map-measure',
      }),
      modes: [
        new terra.TerraDrawLineStringMode({
          editable: true,
          snapping,
          styles: { lineStringColor: '#0b57d0', lineStringWidth: 3 },
        }),
        new terra.TerraDrawPolygonMode({ editable: true, snapping, styles }),
      ],
      undoRedo: { modeLevel: new terra.TerraDrawModeUndoRedo() },
    });
    // Terra Draw's built-in 'static' mode (no drawing) is where 'none' and 'parcel' leave it.
    draw.start();
    draw.on('change', this.onDrawChange);
    draw.on('finish', this.onDrawFinish);
    map.on('mousemove', this.onMouseMove);
    map.getCanvas().addEventListener('mouseleave', this.onMouseLeave);
    this.draw = draw;
    this.drawMap = map;
    return draw;
  }

  /** Snaps the pointer to the nearest vertex of a park, plot or building within SNAP_PIXELS. */
  private readonly snapToParcelVertex = (
    event: TerraDrawMouseEvent,
    context: SnappableContext,
  ): Position | undefined => {
    const features = this.options.displayed();
    if (this.indexedFeatures !== features) {
      this.vertexIndex = buildVertexIndex(features);
      this.indexedFeatures = features;
    }
    const pointer = context.project(event.lng, event.lat);
    return nearestVertex(
      this.vertexIndex!,
      [event.lng, event.lat],
      pointer,
      context.project,
      SNAP_PIXELS,
    );
  };

  private readonly onMouseMove = (event: MapMouseEvent) => {
    if (this.tool !== 'distance' && this.tool !== 'area') return;
    this.cursor = { x: event.point.x, y: event.point.y };
    this.updateLive();
  };

  private readonly onMouseLeave = () => {
    this.cursor = null;
    this.host.requestUpdate();
  };

  /** Measures the shape being drawn (Terra Draw keeps its last point at the pointer). */
  private updateLive(): void {
    const draw = this.draw;
    if (!draw) return;
    const drawing = draw
      .getSnapshot()
      .find((feature) => feature.properties['currentlyDrawing'] === true);
    this.live = drawing ? this.toMeasurement(drawing) : null;
    this.host.requestUpdate();
  }

  /** A drawn shape, measured on WGS84 (drawn on a GCJ-02 basemap, it is shifted back first). */
  private toMeasurement(feature: GeoJSONStoreFeatures): Measurement | null {
    const crs = this.options.displayCrs();
    const drawn = feature.geometry as Geometry;
    const geometry = crs === 'wgs84' ? drawn : geometryToWgs84(drawn, crs);
    if (geometry.type === 'LineString' && geometry.coordinates.length >= 2) {
      return measurementOf(String(feature.id), 'distance', geometry);
    }
    if (geometry.type === 'Polygon' && (geometry.coordinates[0]?.length ?? 0) >= 4) {
      return measurementOf(String(feature.id), 'area', geometry);
    }
    return null;
  }

  private readonly onDrawChange = (ids: (string | number)[], type: string) => {
    if (type === 'delete') {
      const gone = new Set(ids.map(String));
      const removed = this.measurements.filter((m) => gone.has(m.id)).map((m) => m.id);
      this.measurements = this.measurements.filter((m) => !gone.has(m.id));
      this.host.requestUpdate();
      if (removed.length) this.options.onRemove(removed);
      return;
    }
    if (type !== 'update' && type !== 'create') return;
    // Most changes are the shape being drawn (every pointer move): nothing finished to measure again.
    const changed = new Set(ids.map(String));
    if (this.measurements.some((m) => changed.has(m.id))) this.remeasureEdited(changed);
    this.updateLive();
  };

  /** Finished shapes edited by dragging a vertex: measured again and announced. */
  private remeasureEdited(changed: ReadonlySet<string>): void {
    let edited = false;
    this.measurements = this.measurements.map((m) => {
      if (!changed.has(m.id) || !this.draw?.hasFeature(m.id)) return m;
      const snapshot = this.draw.getSnapshotFeature(m.id);
      const updated = snapshot ? this.toMeasurement(snapshot) : null;
      if (!updated || JSON.stringify(updated.geometry) === JSON.stringify(m.geometry)) return m;
      edited = true;
      return updated;
    });
    if (!edited) return;
    for (const m of this.measurements) if (changed.has(m.id)) this.options.onMeasure(m);
  }

  private readonly onDrawFinish = (id: string | number) => {
    const snapshot = this.draw?.getSnapshotFeature(id);
    const measurement = snapshot ? this.toMeasurement(snapshot) : null;
    this.live = null;
    if (!measurement) return;
    this.measurements = [...this.measurements.filter((m) => m.id !== measurement.id), measurement];
    this.host.requestUpdate();
    this.options.onMeasure(measurement);
  };
}
