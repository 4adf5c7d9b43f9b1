// MapCamera alone, on a stand-in map: a camera asked for before the map is ready is kept for it,
// data is framed once (and only when no camera was given, and once the map has a size), a remade
// map frames again, and a GCJ-02 basemap gets shifted positions while every camera given or taken
// stays WGS84.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MapCamera } from '../../src/map/camera.js';
import { fitPadding } from '../../src/map/overlay-boxes.js';
import { FakeMap, parkFeature, square } from './fake-map.js';

/** The stand-in map is 800 × 600: clear of the toolbar (top), the buttons and legend (bottom, right). */
const DESK = { top: 72, bottom: 56, left: 32, right: 56 };

const west = parkFeature('west', {}, square(112.5, 26.8, 0.05));
const east = parkFeature('east', {}, square(112.7, 26.9, 0.1));
const BOTH_BOUNDS = [
  [112.5, 26.8],
  [112.8, 27.0],
];

function stubMotion(reduced: boolean): void {
  vi.stubGlobal('window', {
    matchMedia: (query: string) => ({
      matches: reduced && query === '(prefers-reduced-motion: reduce)',
    }),
  });
}

/** What the map controller gives each map's camera: the padding clear of the controls. */
const HELPERS = { padding: (container: HTMLElement) => fitPadding(container) };

/** A camera with a map made and ready (style loaded). */
function ready(crs: 'wgs84' | 'gcj02' = 'wgs84') {
  const camera = new MapCamera();
  const map = new FakeMap();
  camera.made(map.asMap, crs, HELPERS);
  camera.attach([]);
  return { camera, map };
}

const fits = (map: FakeMap) => map.moves.filter((move) => move.kind === 'fitBounds');

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('MapCamera', () => {
  it('has no camera to give before the map is ready', () => {
    const camera = new MapCamera();
    expect(camera.camera()).toBeUndefined();
    const map = new FakeMap();
    camera.made(map.asMap, 'wgs84', HELPERS);
    expect(camera.camera()).toBeUndefined();
    camera.attach([]);
    expect(camera.camera()).toEqual({ center: [112.6, 27.3], zoom: 8, pitch: 0, bearing: 0 });
  });

  it('keeps a camera asked for before the map is ready, and moves there instead of framing', () => {
    const camera = new MapCamera();
    expect(camera.given).toBe(false);
    camera.setCamera({ center: [112.61, 26.91], zoom: 15, bearing: 30 });
    expect(camera.given).toBe(true);
    camera.frame([west, east], true);
    const map = new FakeMap();
    camera.made(map.asMap, 'wgs84', HELPERS);
    expect(map.moves).toEqual([]);
    camera.attach([west, east]);
    expect(map.moves).toEqual([
      { kind: 'jumpTo', options: { center: [112.61, 26.91], zoom: 15, bearing: 30 } },
    ]);
    expect(camera.camera()).toEqual({ center: [112.61, 26.91], zoom: 15, pitch: 0, bearing: 30 });
  });

  it('frames data that came before the map once the map is ready, without animating', () => {
    stubMotion(false);
    const camera = new MapCamera();
    camera.frame([west, east], true);
    const map = new FakeMap();
    camera.made(map.asMap, 'wgs84', HELPERS);
    camera.attach([west, east]);
    expect(map.moves).toEqual([
      {
        kind: 'fitBounds',
        bounds: BOTH_BOUNDS,
        options: { padding: DESK, maxZoom: 18, animate: false },
      },
    ]);
    // Framed once: a resize later does not frame it again.
    camera.resized([west, east]);
    expect(fits(map)).toHaveLength(1);
  });

  it('frames new data at once on a ready map; more of the same data (no fit) does not move it', () => {
    const { camera, map } = ready();
    camera.frame([west], false);
    expect(map.moves).toEqual([]);
    camera.frame([west, east], true);
    expect(fits(map)).toHaveLength(1);
    expect(fits(map)[0]).toMatchObject({ bounds: BOTH_BOUNDS });
  });

  it('does not frame data once a camera was given', () => {
    const { camera, map } = ready();
    camera.setCamera({ zoom: 12 });
    camera.frame([west, east], true);
    expect(map.moves).toEqual([{ kind: 'jumpTo', options: { zoom: 12 } }]);
  });

  it('waits for a map without a size (hidden tab) and frames when it is given one', () => {
    const { camera, map } = ready();
    map.container = { clientWidth: 0, clientHeight: 0 };
    camera.frame([west, east], true);
    camera.resized([west, east]);
    expect(map.moves).toEqual([]);
    map.container = { clientWidth: 640, clientHeight: 480 };
    camera.resized([west, east]);
    camera.resized([west, east]);
    expect(fits(map)).toHaveLength(1);
  });

  it('does not frame an empty data set, and frames the data that comes after it', () => {
    const { camera, map } = ready();
    camera.frame([], true);
    expect(map.moves).toEqual([]);
    camera.frame([east], false);
    expect(fits(map)).toHaveLength(1);
  });

  it('a map made again frames the data again when asked to (refit), not otherwise', () => {
    const { camera, map } = ready();
    camera.frame([west], true);
    camera.detach(true);
    expect(camera.camera()).toBeUndefined();
    const again = new FakeMap();
    camera.made(again.asMap, 'wgs84', HELPERS);
    camera.attach([west]);
    expect(fits(again)).toHaveLength(1);
    camera.detach(false);
    const third = new FakeMap();
    camera.made(third.asMap, 'wgs84', HELPERS);
    camera.attach([west]);
    expect(third.moves).toEqual([]);
    expect(fits(map)).toHaveLength(1);
  });

  it('frames given features, animated unless the reader asks for reduced motion', () => {
    stubMotion(false);
    const { camera, map } = ready();
    camera.fitTo([east]);
    stubMotion(true);
    camera.fitTo([east]);
    camera.fitTo([]);
    expect(fits(map).map((move) => move.options)).toEqual([
      { padding: DESK, maxZoom: 18, animate: true },
      { padding: DESK, maxZoom: 18, animate: false },
    ]);
    expect(fits(map)[0]).toMatchObject({
      bounds: [
        [112.7, 26.9],
        [112.8, 27.0],
      ],
    });
  });

  it('frames bounds as given (an archive’s header), not before the map has a size', () => {
    stubMotion(false);
    const { camera, map } = ready('gcj02');
    camera.fitToBounds([112.4, 26.7, 112.8, 27.0], false);
    expect(map.moves).toEqual([
      {
        kind: 'fitBounds',
        bounds: [
          [112.4, 26.7],
          [112.8, 27.0],
        ],
        options: { padding: DESK, animate: false },
      },
    ]);
    map.container = { clientWidth: 0, clientHeight: 600 };
    camera.fitToBounds([112.4, 26.7, 112.8, 27.0]);
    expect(map.moves).toHaveLength(1);
  });

  it('on a GCJ-02 basemap, moves to the shifted centre and gives the camera back in WGS84', () => {
    const { camera, map } = ready('gcj02');
    expect(camera.crs).toBe('gcj02');
    camera.setCamera({ center: [112.6, 26.9], zoom: 14 });
    expect(map.moves[0]!.kind).toBe('jumpTo');
    const [lng, lat] = map.moves[0]!.options['center'] as [number, number];
    // A few hundred metres off: more than 1e-4°, less than 1e-2°.
    expect(Math.abs(lng - 112.6)).toBeGreaterThan(1e-4);
    expect(Math.abs(lng - 112.6)).toBeLessThan(1e-2);
    expect(Math.abs(lat - 26.9)).toBeGreaterThan(1e-4);
    const back = camera.camera()!;
    expect(back.zoom).toBe(14);
    expect(back.center[0]).toBeCloseTo(112.6, 6);
    expect(back.center[1]).toBeCloseTo(26.9, 6);
  });

  it('on a GCJ-02 basemap, frames the features where they are drawn', () => {
    const { camera, map } = ready('gcj02');
    camera.fitTo([east], false);
    const [[w, s], [e, n]] = fits(map)[0]!.bounds as [[number, number], [number, number]];
    const drawn = camera.asDrawn(east)!.geometry as { coordinates: number[][][] };
    expect([w, s]).toEqual(drawn.coordinates[0]![0]);
    expect([e, n]).toEqual(drawn.coordinates[0]![2]);
    expect(w).not.toBe(112.7);
  });

  it('shifts nothing for a WGS84 basemap: the same array, the same feature', () => {
    const { camera } = ready('wgs84');
    const features = [west, east];
    expect(camera.shift(features)).toBe(features);
    expect(camera.asDrawn(west)).toBe(west);
    expect(camera.asDrawn(undefined)).toBeUndefined();
  });

  it('for GCJ-02, shifts copies; the data set drawn keeps its shift while asked again', () => {
    const { camera } = ready('gcj02');
    const features = [west, east];
    const kept = camera.shift(features, true);
    expect(kept).not.toBe(features);
    expect(kept.map((feature) => feature.id)).toEqual(['west', 'east']);
    expect(kept[0]!.geometry).not.toEqual(west.geometry);
    expect(kept[0]!.properties).toBe(west.properties);
    expect(camera.shift(features, true)).toBe(kept);
    expect(camera.shift(features)).toBe(kept);
    // Another array (not the drawn set) is shifted each time, and not kept.
    const others = [east];
    expect(camera.shift(others)).not.toBe(camera.shift(others));
    expect(camera.shift(features)).toBe(kept);
    // A remade map in WGS84 draws the data as it is.
    camera.made(new FakeMap().asMap, 'wgs84');
    expect(camera.shift(features)).toBe(features);
  });
});

describe('fitPadding: data framed clear of the controls over the map', () => {
  const at = (clientWidth: number, clientHeight: number) =>
    fitPadding({ clientWidth, clientHeight } as HTMLElement);
  it('a desk map: below the one-row toolbar, above the bottom buttons, left of the zoom', () => {
    expect(at(1086, 768)).toEqual({ top: 72, bottom: 56, left: 32, right: 56 });
  });
  it('a narrow map: below the two-row toolbar', () => {
    expect(at(390, 600)).toEqual({ top: 104, bottom: 56, left: 32, right: 56 });
  });
  it('a small map: top and bottom at most a fifth, sides a quarter, so the data is still framed', () => {
    expect(at(200, 150)).toEqual({ top: 30, bottom: 30, left: 32, right: 50 });
    expect(at(20, 20)).toEqual({ top: 8, bottom: 8, left: 8, right: 8 });
  });
  it('more room on the side a control or panel over the map is nearest to', () => {
    const container = { clientWidth: 800, clientHeight: 600 } as HTMLElement;
    // The open legend at the bottom right (nearest the right side: 116 px in from it), the
    // details panel at the left (reaching 300 px in: capped at a third, 266), a wide toolbar.
    const legend = { left: 684, top: 300, right: 790, bottom: 590 };
    const panel = { left: 10, top: 10, right: 310, bottom: 590 };
    const toolbar = { left: 300, top: 10, right: 750, bottom: 90 };
    expect(fitPadding(container, [legend])).toEqual({ top: 72, bottom: 56, left: 32, right: 124 });
    expect(fitPadding(container, [legend, panel, toolbar])).toEqual({
      top: 98,
      bottom: 56,
      left: 266,
      right: 124,
    });
  });
});
