// The measuring tools as a Lit ReactiveController: lines and polygons drawn on the map by clicks
// (draw.ts has the rules, draw-layers.ts the layers); every shape is measured on the WGS84
// ellipsoid as it changes; finished shapes stay until cleared and can be edited by their vertices.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type {
  GeoJSONSource,
  LngLat,
  Map as MapLibreMap,
  MapMouseEvent,
  MapTouchEvent,
  Point,
} from 'maplibre-gl';
import type { Geometry, ParkFeature, Position } from '../data/types.js';
import { geometryToWgs84 } from '../data/coords.js';
import type { DisplayCrs } from '../map/basemaps.js';
import {
  addPoint,
  closesSketch,
  deleteVertex,
  geometryOf,
  insertVertex,
  MIN_POINTS,
  moveVertex,
  roundPosition,
  sideAt,
  vertexAt,
  type Pixel,
  type Shape,
  type ShapeKind,
} from './draw.js';
import { DRAW_LAYER_IDS, DRAW_SOURCE, drawCollection, drawLayers } from './draw-layers.js';
import { measure } from './measure.js';
import { nearestVertex, type VertexIndex, buildVertexIndex } from './snap.js';
import type { Tool } from './tool.js';

export { TOOLS, type Tool } from './tool.js';

export interface Measurement {
  /** `drawn:…` for drawn shapes; `parcel:<feature id>` for a measured feature. */
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
  /** The colour shapes are drawn in (the map theme's accent). */
  colour: () => string;
  /** The map's coordinate system (the basemap's): drawn shapes are in it, measurements in WGS84. */
  displayCrs: () => DisplayCrs;
  /** The features as the map draws them (shifted into `displayCrs`), to snap to. */
  displayed: () => readonly ParkFeature[];
  /** A shape was finished, edited, or a feature measured. */
  onMeasure: (measurement: Measurement) => void;
  /** Measurements were removed (cleared, deleted, or gone with a replaced map). */
  onRemove: (ids: string[]) => void;
}

/** Pixels within which a click snaps to a vertex of a park, plot or building. */
export const SNAP_PIXELS = 12;

/**
 * Pixels within which the pointer is on a point of a drawn shape: a click there ends the sketch
 * or snaps to it, a drag there moves it. Terra Draw's pointer distance, which the tools had before.
 */
export const POINTER_PIXELS = 40;

const isDrawingTool = (tool: Tool): tool is ShapeKind => tool === 'distance' || tool === 'area';

let sequence = 0;
/** Unique on the page and, by the time part, across pages: exported shapes keep apart. */
const newShapeId = () => `drawn:${Date.now().toString(36)}-${(sequence += 1)}`;

function measurementOf(id: string, tool: Measurement['tool'], geometry: Geometry): Measurement {
  const { lengthM, areaM2, perimeterM } = measure(geometry);
  return { id, tool, geometry, lengthM, areaM2, perimeterM };
}

/** A vertex being dragged; `insert`: the drag began on a side, where a vertex is added. */
interface VertexDrag {
  shapeId: string;
  vertex: number;
  insert: boolean;
  moved: boolean;
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
  /** The map the layers and listeners are on. */
  private drawMap: MapLibreMap | undefined;
  private doubleClickZoomWasOn = true;
  /** Finished shapes as drawn (display CRS), in step with the drawn measurements. */
  private shapes: Shape[] = [];
  /** The points clicked so far for the shape being drawn (display CRS). */
  private sketch: Position[] | null = null;
  /** Where the pointer is (snapped), the sketch's live last point. */
  private pointer: Position | null = null;
  private drag: VertexDrag | null = null;
  private vertexIndex: VertexIndex | undefined;
  private indexedFeatures: readonly ParkFeature[] | undefined;

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
    return isDrawingTool(this.tool) || this.shapes.length > 0;
  }

  /** Chooses a tool; the drawing layers go onto the map the first time one is needed. */
  async setTool(tool: Tool): Promise<void> {
    this.tool = tool;
    this.sketch = null;
    this.drag = null;
    this.live = null;
    this.cursor = null;
    this.host.requestUpdate();
    const map = this.options.map();
    if (map && isDrawingTool(tool) && this.drawMap !== map) this.startDrawing(map);
    if (!this.drawMap) return;
    const zoom = this.drawMap.doubleClickZoom;
    // A double-click ends a line: it must not zoom too.
    if (isDrawingTool(tool)) zoom.disable();
    else if (this.doubleClickZoomWasOn) zoom.enable();
    this.setCanvasCursor(isDrawingTool(tool) ? 'crosshair' : '');
    this.render();
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

  /** Removes the last point of the shape being drawn (Backspace); false with none being drawn. */
  undo(): boolean {
    if (!this.sketch) return false;
    this.sketch = this.sketch.length > 1 ? this.sketch.slice(0, -1) : null;
    this.sketchChanged();
    return true;
  }

  /** Finishes the shape being drawn (Enter); false with none, or too few points for one. */
  finish(): boolean {
    const kind = this.tool;
    const points = this.sketch;
    if (!isDrawingTool(kind) || !points || points.length < MIN_POINTS[kind]) return false;
    const shape: Shape = { id: newShapeId(), kind, points };
    this.sketch = null;
    this.shapes = [...this.shapes, shape];
    const measurement = this.toMeasurement(shape);
    this.measurements = [...this.measurements, measurement];
    this.sketchChanged();
    this.options.onMeasure(measurement);
    return true;
  }

  /** Drops the shape being drawn (Escape); false with none. */
  cancel(): boolean {
    if (!this.sketch) return false;
    this.sketch = null;
    this.sketchChanged();
    return true;
  }

  /** Removes one measurement, or all. */
  clear(id?: string): void {
    const removed =
      id === undefined ? this.measurements : this.measurements.filter((m) => m.id === id);
    this.measurements = id === undefined ? [] : this.measurements.filter((m) => m.id !== id);
    this.shapes = id === undefined ? [] : this.shapes.filter((shape) => shape.id !== id);
    this.render();
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
    const dropped = this.shapes.map((shape) => shape.id);
    this.shapes = [];
    this.measurements = this.measurements.filter((m) => m.tool === 'parcel');
    if (dropped.length) this.options.onRemove(dropped);
    if (isDrawingTool(this.tool)) void this.setTool(this.tool);
  }

  private startDrawing(map: MapLibreMap): void {
    this.stopDrawing();
    map.addSource(DRAW_SOURCE, { type: 'geojson', data: drawCollection([], []) });
    for (const layer of drawLayers(this.options.colour())) map.addLayer(layer);
    this.doubleClickZoomWasOn = map.doubleClickZoom.isEnabled();
    map.on('click', this.onClick);
    map.on('mousemove', this.onMouseMove);
    map.on('mousedown', this.onPress);
    map.on('touchstart', this.onPress);
    map.on('touchmove', this.onTouchMove);
    map.on('mouseup', this.onRelease);
    map.on('touchend', this.onRelease);
    map.on('contextmenu', this.onContextMenu);
    map.getCanvas().addEventListener('mouseleave', this.onMouseLeave);
    this.drawMap = map;
  }

  private stopDrawing(): void {
    const map = this.drawMap;
    this.drawMap = undefined;
    this.sketch = null;
    this.drag = null;
    if (!map) return;
    map.off('click', this.onClick);
    map.off('mousemove', this.onMouseMove);
    map.off('mousedown', this.onPress);
    map.off('touchstart', this.onPress);
    map.off('touchmove', this.onTouchMove);
    map.off('mouseup', this.onRelease);
    map.off('touchend', this.onRelease);
    map.off('contextmenu', this.onContextMenu);
    map.getCanvas().removeEventListener('mouseleave', this.onMouseLeave);
    try {
      for (const id of DRAW_LAYER_IDS) map.removeLayer(id);
      map.removeSource(DRAW_SOURCE);
      if (this.doubleClickZoomWasOn) map.doubleClickZoom.enable();
    } catch {
      // The map may already be removed (element disconnected): nothing is left to undo then.
    }
  }

  private readonly onClick = (event: MapMouseEvent) => {
    const kind = this.tool;
    if (!isDrawingTool(kind)) return;
    if (
      this.sketch &&
      closesSketch(kind, this.pixelsOf(this.sketch), event.point, POINTER_PIXELS)
    ) {
      this.finish();
      return;
    }
    this.pointer = this.snapped(event.point, event.lngLat);
    this.sketch = addPoint(this.sketch ?? [], this.pointer);
    this.sketchChanged();
  };

  private readonly onMouseMove = (event: MapMouseEvent) => {
    if (this.drag) {
      // The button came up outside the map: the drag ended there.
      if (event.originalEvent.buttons === 0) this.endDrag();
      else this.dragTo(event.lngLat);
      return;
    }
    if (!isDrawingTool(this.tool)) return;
    this.cursor = { x: event.point.x, y: event.point.y };
    this.pointer = this.snapped(event.point, event.lngLat);
    this.setCanvasCursor(this.hoverCursor(event.point));
    // Nothing being drawn, nothing to show beside the pointer: no render of the element for it.
    if (this.sketch) this.sketchChanged();
  };

  private readonly onMouseLeave = () => {
    this.cursor = null;
    this.host.requestUpdate();
  };

  /** A press on a vertex or a side of a finished shape of the tool's kind starts dragging it. */
  private readonly onPress = (event: MapMouseEvent | MapTouchEvent) => {
    if (this.sketch || !isDrawingTool(this.tool)) return;
    const original = event.originalEvent;
    if ('touches' in original ? original.touches.length !== 1 : original.button !== 0) return;
    const target = this.editTarget(event.point);
    if (!target) return;
    // Stops MapLibre's drag-pan (and rotate) for this press.
    event.preventDefault();
    this.drag = { ...target, moved: false };
    this.setCanvasCursor('grabbing');
  };

  private readonly onTouchMove = (event: MapTouchEvent) => {
    if (this.drag) this.dragTo(event.lngLat);
  };

  private readonly onRelease = () => {
    if (this.drag) this.endDrag();
  };

  /** A right-click on a vertex of a finished shape deletes it, if enough are left. */
  private readonly onContextMenu = (event: MapMouseEvent) => {
    const kind = this.tool;
    if (this.sketch || !isDrawingTool(kind)) return;
    const target = this.editTarget(event.point);
    if (!target || target.insert) return;
    const shape = this.shapes.find((item) => item.id === target.shapeId)!;
    const points = deleteVertex(kind, shape.points, target.vertex);
    if (!points) return;
    event.preventDefault();
    event.originalEvent.preventDefault();
    this.editShape(shape.id, points);
    this.announceEdit(shape.id);
  };

  /** The vertex, else the side, of an editable shape under `point`. */
  private editTarget(point: Pixel): Omit<VertexDrag, 'moved'> | null {
    const editable = this.shapes.filter((shape) => shape.kind === this.tool);
    const pixels = editable.map((shape) => this.pixelsOf(shape.points));
    const vertex = vertexAt(pixels, point, POINTER_PIXELS);
    if (vertex)
      return { shapeId: editable[vertex.shape]!.id, vertex: vertex.vertex, insert: false };
    const sides = pixels.map((shapePixels) => ({
      pixels: shapePixels,
      closed: this.tool === 'area',
    }));
    const side = sideAt(sides, point, POINTER_PIXELS);
    return side ? { shapeId: editable[side.shape]!.id, vertex: side.vertex, insert: true } : null;
  }

  private dragTo(lngLat: LngLat): void {
    const drag = this.drag!;
    const shape = this.shapes.find((item) => item.id === drag.shapeId);
    if (!shape) return;
    const position = roundPosition([lngLat.lng, lngLat.lat]);
    const insert = drag.insert && !drag.moved;
    drag.moved = true;
    this.editShape(
      shape.id,
      insert
        ? insertVertex(shape.points, drag.vertex, position)
        : moveVertex(shape.points, drag.vertex, position),
    );
  }

  private endDrag(): void {
    const drag = this.drag!;
    this.drag = null;
    this.setCanvasCursor(isDrawingTool(this.tool) ? 'crosshair' : '');
    if (drag.moved) this.announceEdit(drag.shapeId);
  }

  /** Gives a finished shape new points: drawn and measured again (the panel follows). */
  private editShape(id: string, points: Position[]): void {
    this.shapes = this.shapes.map((shape) => (shape.id === id ? { ...shape, points } : shape));
    const shape = this.shapes.find((item) => item.id === id)!;
    this.measurements = this.measurements.map((m) => (m.id === id ? this.toMeasurement(shape) : m));
    this.render();
    this.host.requestUpdate();
  }

  /** An edit is done (drag released, vertex deleted): announced once, not at every pointer move. */
  private announceEdit(id: string): void {
    const measurement = this.measurements.find((m) => m.id === id);
    if (measurement) this.options.onMeasure(measurement);
  }

  /** The cursor over the map: on a sketch's end point, on an editable vertex, or drawing. */
  private hoverCursor(point: Pixel): string {
    const kind = this.tool as ShapeKind;
    if (this.sketch) {
      return closesSketch(kind, this.pixelsOf(this.sketch), point, POINTER_PIXELS)
        ? 'pointer'
        : 'crosshair';
    }
    return this.editTarget(point) ? 'grab' : 'crosshair';
  }

  private setCanvasCursor(cursor: string): void {
    if (this.drawMap) this.drawMap.getCanvas().style.cursor = cursor;
  }

  /**
   * Where a pointer at `point` puts a vertex: on a park, plot or building vertex within
   * SNAP_PIXELS, else on a vertex of a finished shape of the tool's kind within POINTER_PIXELS,
   * else where it is.
   */
  private snapped(point: Point, lngLat: LngLat): Position {
    const map = this.drawMap!;
    const features = this.options.displayed();
    if (this.indexedFeatures !== features) {
      this.vertexIndex = buildVertexIndex(features);
      this.indexedFeatures = features;
    }
    const project = (lng: number, lat: number) => map.project([lng, lat]);
    const parcel = nearestVertex(
      this.vertexIndex!,
      [lngLat.lng, lngLat.lat],
      point,
      project,
      SNAP_PIXELS,
    );
    if (parcel) return parcel;
    const own = this.shapes.filter((shape) => shape.kind === this.tool);
    const hit = vertexAt(
      own.map((shape) => this.pixelsOf(shape.points)),
      point,
      POINTER_PIXELS,
    );
    if (hit) return [...own[hit.shape]!.points[hit.vertex]!];
    return roundPosition([lngLat.lng, lngLat.lat]);
  }

  private pixelsOf(points: readonly Position[]): Pixel[] {
    const map = this.drawMap!;
    return points.map((position) => map.project([position[0]!, position[1]!]));
  }

  /** The sketch or the pointer moved: measured up to the pointer, and drawn again. */
  private sketchChanged(): void {
    const kind = this.tool;
    const points = this.sketchToPointer();
    const geometry = points && isDrawingTool(kind) ? geometryOf(kind, points) : null;
    this.live = geometry ? measurementOf('live', kind as ShapeKind, this.toWgs84(geometry)) : null;
    this.render();
    this.host.requestUpdate();
  }

  /** The sketch with the pointer as its last point (the line follows the pointer). */
  private sketchToPointer(): Position[] | null {
    if (!this.sketch) return null;
    return this.pointer ? addPoint(this.sketch, this.pointer) : this.sketch;
  }

  private render(): void {
    const source = this.drawMap?.getSource<GeoJSONSource>(DRAW_SOURCE);
    if (!source) return;
    const kind = this.tool;
    const shapes = this.shapes.map((shape) => geometryOf(shape.kind, shape.points));
    const sketch = this.sketchToPointer();
    if (sketch && isDrawingTool(kind)) shapes.push(geometryOf(kind, sketch));
    // Handles show what a click or a drag acts on: the sketch's points, or the editable shapes'.
    const handles = this.sketch
      ? this.sketch
      : this.shapes.filter((shape) => shape.kind === kind).flatMap((shape) => shape.points);
    source.setData(
      drawCollection(
        shapes.filter((geometry) => geometry !== null),
        handles,
      ),
    );
  }

  /** A finished shape, measured on WGS84 (drawn on a GCJ-02 basemap, it is shifted back first). */
  private toMeasurement(shape: Shape): Measurement {
    return measurementOf(shape.id, shape.kind, this.toWgs84(geometryOf(shape.kind, shape.points)!));
  }

  private toWgs84(geometry: Geometry): Geometry {
    const crs = this.options.displayCrs();
    return crs === 'wgs84' ? geometry : geometryToWgs84(geometry, crs);
  }
}
