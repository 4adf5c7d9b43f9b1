// The camera and the display coordinate system, for the element's life (the map itself may be made
// several times): a camera asked for before the map is ready (from the URL) is kept for it, data is
// framed once unless a camera was given, and features are shifted into the basemap's system
// (GCJ-02 for AMap) for drawing only: every camera the element gives or takes is WGS84.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { bboxOf } from '../data/bbox.js';
import { geometryFromWgs84, positionFromWgs84, positionToWgs84 } from '../data/coords.js';
import type { ParkFeature } from '../data/types.js';
import type { DisplayCrs } from './basemaps.js';

export interface Camera {
  center?: [number, number];
  zoom?: number;
  pitch?: number;
  bearing?: number;
}

export const FIT_PADDING = 32;

/** A box on the map's container, in CSS pixels from its top left corner. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Space kept around framed data on each side, in CSS pixels. */
export interface Padding {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Camera moves jump instead of animating when the reader asks for reduced motion. */
export function motionAllowed(): boolean {
  return !window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
}

export class MapCamera {
  /** The map once made; undefined before, and between maps. */
  private map: MapLibreMap | undefined;
  /** The map's style is loaded: it takes cameras and frames data from now on. */
  private ready = false;
  /** The coordinate system the map draws in (the basemap's): `gcj02` for AMap, else `wgs84`. */
  private displayCrs: DisplayCrs = 'wgs84';
  /** A camera asked for before the map was ready: used instead of framing the data. */
  private pendingCamera: Camera | undefined;
  /** Set once a camera was given: loading data then no longer frames it. */
  private cameraGiven = false;
  /** The data is to be framed as soon as the map has a size. */
  private fitPending = false;
  /** Which of the features the first view frames (`fit`; first-view.ts): all unless told. */
  private firstView: (features: readonly ParkFeature[]) => readonly ParkFeature[] = (all) => all;
  /** The padding that frames data clear of the controls and panels over the map (overlay-boxes.ts). */
  private padding: (container: HTMLElement) => Padding = () => ({
    top: FIT_PADDING,
    bottom: FIT_PADDING,
    left: FIT_PADDING,
    right: FIT_PADDING,
  });
  private shifted: { from: readonly ParkFeature[]; crs: DisplayCrs; to: readonly ParkFeature[] } = {
    from: [],
    crs: 'wgs84',
    to: [],
  };

  get crs(): DisplayCrs {
    return this.displayCrs;
  }

  /** True once a camera was given (from the URL, or kept across a remade map). */
  get given(): boolean {
    return this.cameraGiven;
  }

  /**
   * A new map is made, drawing in `crs`; its style is still loading. `firstView`: which of the
   * features loaded data is framed on (the `fit` attribute), all unless given; `padding`: the
   * padding that frames data clear of what is over the map.
   */
  made(
    map: MapLibreMap,
    crs: DisplayCrs,
    helpers: {
      firstView?: (features: readonly ParkFeature[]) => readonly ParkFeature[];
      padding?: (container: HTMLElement) => Padding;
    } = {},
  ): void {
    this.map = map;
    if (helpers.firstView) this.firstView = helpers.firstView;
    if (helpers.padding) this.padding = helpers.padding;
    this.ready = false;
    this.displayCrs = crs;
  }

  /**
   * The map is ready: it takes the camera asked for meanwhile, else frames `features` if asked to.
   */
  attach(features: readonly ParkFeature[]): void {
    const map = this.map;
    if (!map) return;
    this.ready = true;
    if (this.pendingCamera) {
      map.jumpTo(this.toDisplayCamera(this.pendingCamera));
      this.pendingCamera = undefined;
      this.fitPending = false;
    }
    if (this.fitPending) this.fitToAll(features);
  }

  /** The map goes; `refit`: the next one frames the data again. */
  detach(refit: boolean): void {
    this.map = undefined;
    this.ready = false;
    this.fitPending = refit;
  }

  /** Moves the camera there (a WGS84 centre; at once), or keeps it for when the map is ready. */
  setCamera(camera: Camera): void {
    this.cameraGiven = true;
    if (this.map && this.ready) {
      this.map.jumpTo(this.toDisplayCamera(camera));
      this.fitPending = false;
    } else {
      this.pendingCamera = camera;
    }
  }

  /** The camera now (its centre in WGS84, whatever the basemap), or undefined before the map is ready. */
  camera(): Required<Camera> | undefined {
    const map = this.map;
    if (!map || !this.ready) return undefined;
    const { lng, lat } = map.getCenter();
    const [wgsLng, wgsLat] = positionToWgs84([lng, lat], this.displayCrs);
    return {
      center: [wgsLng!, wgsLat!],
      zoom: map.getZoom(),
      pitch: map.getPitch(),
      bearing: map.getBearing(),
    };
  }

  private toDisplayCamera(camera: Camera): Camera {
    if (!camera.center || this.displayCrs === 'wgs84') return camera;
    const [lng, lat] = positionFromWgs84(camera.center, this.displayCrs);
    return { ...camera, center: [lng!, lat!] };
  }

  /**
   * New data to draw: framed once the map is ready and has a size (`fit`, and no camera given).
   * At once when it is.
   */
  frame(features: readonly ParkFeature[], fit: boolean): void {
    this.fitPending ||= fit && !this.cameraGiven;
    if (this.ready && this.fitPending) this.fitToAll(features);
  }

  /** The map's container changed size: data waiting to be framed is framed now. */
  resized(features: readonly ParkFeature[]): void {
    if (this.fitPending) this.fitToAll(features);
  }

  /** Frames the given features. */
  fitTo(features: readonly ParkFeature[], animate = true): void {
    const box = bboxOf(this.shift(features));
    const map = this.map;
    if (!box || !map) return;
    const [west, south, east, north] = box;
    map.fitBounds(
      [
        [west, south],
        [east, north],
      ],
      {
        padding: this.padding(map.getContainer()),
        maxZoom: 18,
        animate: animate && motionAllowed(),
      },
    );
  }

  private fitToAll(features: readonly ParkFeature[]): void {
    const map = this.map;
    if (!map || features.length === 0) return;
    const container = map.getContainer();
    if (container.clientWidth === 0 || container.clientHeight === 0) return;
    this.fitPending = false;
    const framed = this.firstView(features);
    this.fitTo(framed.length > 0 ? framed : features, false);
  }

  /** Frames bounds (west, south, east, north) given in the display system: a tile archive's. */
  fitToBounds(bounds: readonly [number, number, number, number], animate = true): void {
    const map = this.map;
    if (!map) return;
    const container = map.getContainer();
    if (container.clientWidth === 0 || container.clientHeight === 0) return;
    map.fitBounds(
      [
        [bounds[0], bounds[1]],
        [bounds[2], bounds[3]],
      ],
      { padding: this.padding(container), animate: animate && motionAllowed() },
    );
  }

  /**
   * Features as drawn: shifted into the display system (the same array when WGS84). `keep`: the
   * data set drawn, whose shift is kept while it is asked for again (at each push, each snap).
   */
  shift(features: readonly ParkFeature[], keep = false): readonly ParkFeature[] {
    const crs = this.displayCrs;
    if (crs === 'wgs84') return features;
    const cached = this.shifted;
    if (cached.from === features && cached.crs === crs) return cached.to;
    const to = features.map((feature) => ({
      ...feature,
      geometry: geometryFromWgs84(feature.geometry, crs),
    }));
    if (keep) this.shifted = { from: features, crs, to };
    return to;
  }

  /** One feature as drawn: shifted into the display system. */
  asDrawn(feature: ParkFeature | undefined): ParkFeature | undefined {
    if (!feature || this.displayCrs === 'wgs84') return feature;
    return { ...feature, geometry: geometryFromWgs84(feature.geometry, this.displayCrs) };
  }
}
