// Shared steps of the element tests: mount a <park-map>, wait for its events, find things on the map.
import { afterEach, beforeEach, expect } from 'vitest';
import { commands } from 'vitest/browser';
import '../../src/index.js';
import type { ParkMap } from '../../src/park-map.js';
import type { ParkMapLoadDetail } from '../../src/events/park-map-load-event.js';

export const MINI_URL = new URL('../fixtures/mini-parks.geojson', import.meta.url).href;
export const SEED_URL = new URL('../../data/parks.geojson', import.meta.url).href;

export interface Mounted {
  element: ParkMap;
  loaded: ParkMapLoadDetail;
}

/**
 * Adds a <park-map> with these attributes to the page and waits for `park-map-load`. The side list
 * is off (`no-list`) unless `withList`: most tests are about the map and its 800 × 500 px canvas.
 */
export async function mount(
  attributes: Record<string, string>,
  setup?: (element: ParkMap) => void,
  withList = false,
): Promise<Mounted> {
  const element = document.createElement('park-map');
  element.style.setProperty('--park-map-height', '500px');
  element.style.width = withList ? '1100px' : '800px';
  if (!withList) element.setAttribute('no-list', '');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  const loaded = nextEvent(element, 'park-map-load');
  setup?.(element);
  document.body.append(element);
  return { element, loaded: (await loaded).detail };
}

export function nextEvent<K extends keyof GlobalEventHandlersEventMap>(
  target: EventTarget,
  name: K,
): Promise<GlobalEventHandlersEventMap[K]> {
  return new Promise((resolve) =>
    target.addEventListener(name, (event) => resolve(event as GlobalEventHandlersEventMap[K]), {
      once: true,
    }),
  );
}

export function collect<K extends keyof GlobalEventHandlersEventMap>(
  target: EventTarget,
  name: K,
): GlobalEventHandlersEventMap[K][] {
  const events: GlobalEventHandlersEventMap[K][] = [];
  target.addEventListener(name, (event) => events.push(event as GlobalEventHandlersEventMap[K]));
  return events;
}

/** The canvas MapLibre draws on, inside the element's shadow root. */
export function canvasOf(element: ParkMap): HTMLCanvasElement {
  const canvas = element.shadowRoot?.querySelector<HTMLCanvasElement>('canvas.maplibregl-canvas');
  if (!canvas) throw new Error('no MapLibre canvas in the shadow root');
  return canvas;
}

/** Ids of the features MapLibre has actually drawn in the viewport. */
export function renderedIds(element: ParkMap): string[] {
  const map = element.map;
  if (!map) throw new Error('no map');
  const ids = map
    .queryRenderedFeatures()
    .map((feature) => feature.properties.pmId as string)
    .filter((id) => typeof id === 'string');
  return [...new Set(ids)].sort();
}

/** The canvas position (CSS pixels, relative to the canvas) of the centre of a feature's first ring. */
export function projectedCentre(element: ParkMap, id: string): { x: number; y: number } {
  const feature = element.features.find((candidate) => candidate.id === id);
  if (!feature || feature.geometry.type !== 'Polygon') throw new Error(`no polygon ${id}`);
  const ring = feature.geometry.coordinates[0]!.slice(0, -1);
  const lon = ring.reduce((sum, position) => sum + position[0]!, 0) / ring.length;
  const lat = ring.reduce((sum, position) => sum + position[1]!, 0) / ring.length;
  const point = element.map!.project([lon, lat]);
  return { x: point.x, y: point.y };
}

export type Rgba = [number, number, number, number];

/** The colour MapLibre drew at a canvas point (CSS pixels): call it in the task of a frame. */
export function pixelNow(element: ParkMap, point: { x: number; y: number }): Rgba {
  const gl = element.map!.painter.context.gl;
  const ratio = gl.drawingBufferWidth / canvasOf(element).clientWidth;
  const pixel = new Uint8Array(4);
  const x = Math.round(point.x * ratio);
  const y = gl.drawingBufferHeight - Math.round(point.y * ratio);
  gl.readPixels(x, y, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
  return [...pixel] as Rgba;
}

/** The colour MapLibre draws at a canvas point (CSS pixels), read in the same task as the frame. */
export function pixelOnNextFrame(element: ParkMap, point: { x: number; y: number }): Promise<Rgba> {
  const map = element.map!;
  return new Promise((resolve) => {
    map.once('render', () => resolve(pixelNow(element, point)));
    map.triggerRepaint();
  });
}

/** Counts tiles of the source that MapLibre's worker (re)made: a layer filter reloads them all. */
export function countTileLoads(element: ParkMap, source = 'park-map-features'): { count: number } {
  const counter = { count: 0 };
  element.map!.on('sourcedata', (event) => {
    if (event.sourceId === source && event.tile) counter.count += 1;
  });
  return counter;
}

export function shadow(element: ParkMap): ShadowRoot {
  if (!element.shadowRoot) throw new Error('no shadow root');
  return element.shadowRoot;
}

export function text(root: ParentNode, selector: string): string | undefined {
  return root.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
}

/**
 * Every test of the file runs on a clean page and must leave it without a console error (teardown
 * included: the page is cleared before the log is read) and, with `sameOrigin`, without a request
 * to another origin.
 */
export function useCleanPage(options: { sameOrigin?: boolean } = {}): void {
  beforeEach(async () => {
    await commands.startPageLog();
  });
  afterEach(async () => {
    document.body.replaceChildren();
    // One frame for what removing the elements sets off (maps torn down, archives closed).
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const log = await commands.takePageLog();
    expect(log.consoleErrors).toEqual([]);
    if (options.sameOrigin) {
      expect(log.requests.filter((url) => new URL(url).origin !== location.origin)).toEqual([]);
    }
  });
}

export { squarePolygon } from '../fixtures/shapes.js';
