// The measuring tools in real Chromium: real pointer clicks draw shapes on the map; the panel
// shows what GeographicLib (the independent reference) computes for the same points on WGS84.
import { describe, expect, it } from 'vitest';
import { commands, userEvent } from 'vitest/browser';
import { Geodesic } from 'geographiclib-geodesic';
import type { ParkMap } from '../../src/park-map.js';
import {
  MINI_URL,
  SEED_URL,
  canvasOf,
  collect,
  mount,
  nextEvent,
  projectedCentre,
  shadow,
  text,
  useCleanPage,
} from './helpers.js';

useCleanPage();

type Pixel = { x: number; y: number };

/** GeographicLib's area (m²) and perimeter (m) of a ring of lon/lat points. */
function referencePolygon(points: [number, number][]) {
  const polygon = Geodesic.WGS84.Polygon(false);
  for (const [lon, lat] of points) polygon.AddPoint(lat, lon);
  const result = polygon.Compute(false, true);
  return { areaM2: Math.abs(result.area!), perimeterM: result.perimeter };
}

function referenceLength(points: [number, number][]) {
  let total = 0;
  for (let i = 1; i < points.length; i++) {
    const [lon1, lat1] = points[i - 1]!;
    const [lon2, lat2] = points[i]!;
    total += Geodesic.WGS84.Inverse(lat1, lon1, lat2, lon2).s12!;
  }
  return total;
}

function lngLatAt(element: ParkMap, pixel: Pixel): [number, number] {
  const { lng, lat } = element.map!.unproject([pixel.x, pixel.y]);
  return [lng, lat];
}

/** Chooses a tool and waits until it takes input (Terra Draw is imported on first use). */
async function chooseTool(element: ParkMap, tool: ParkMap['tool']) {
  await element.setTool(tool);
}

async function clickAt(element: ParkMap, pixel: Pixel) {
  // A copy: the click command rewrites the position object it is given (page-relative pixels).
  await userEvent.click(canvasOf(element), { position: { ...pixel } });
}

function parseNumber(value: string | undefined): number {
  return Number((value ?? '').replace(/[^\d.]/g, ''));
}

// Points in the mini fixture's zone, away from every vertex (no snapping) and from the panels.
const SQUARE: Pixel[] = [
  { x: 250, y: 300 },
  { x: 450, y: 300 },
  { x: 450, y: 420 },
  { x: 250, y: 420 },
];

describe('measuring area by clicks', () => {
  it('draws a polygon by clicks, closes it on its first point, and shows its ellipsoidal area', async () => {
    const { element } = await mount({ src: MINI_URL, tool: 'area' });
    await chooseTool(element, 'area');
    const measured = nextEvent(element, 'park-map-measure');
    for (const pixel of SQUARE) await clickAt(element, pixel);
    await clickAt(element, SQUARE[0]!);
    const event = await measured;
    const expected = referencePolygon(SQUARE.map((pixel) => lngLatAt(element, pixel)));
    expect(event.detail.tool).toBe('area');
    expect(Math.abs(event.detail.areaM2! - expected.areaM2) / expected.areaM2).toBeLessThan(1e-6);
    expect(
      Math.abs(event.detail.perimeterM! - expected.perimeterM) / expected.perimeterM,
    ).toBeLessThan(1e-6);
    // The panel in m²: the same number, to its displayed precision.
    const select = shadow(element).querySelector<HTMLSelectElement>('.area-unit')!;
    await userEvent.selectOptions(select, 'm2');
    await element.updateComplete;
    const shown = parseNumber(text(shadow(element), '.result[data-tool="area"] .result-value'));
    expect(Math.abs(shown - expected.areaM2)).toBeLessThan(0.51);
  });

  it('Backspace removes the last point, Escape cancels, Enter finishes', async () => {
    const { element } = await mount({ src: MINI_URL, tool: 'area' });
    await chooseTool(element, 'area');
    const events = collect(element, 'park-map-measure');
    for (const pixel of SQUARE) await clickAt(element, pixel);
    await userEvent.keyboard('{Backspace}');
    await userEvent.keyboard('{Enter}');
    await element.updateComplete;
    // Three corners left: the triangle SQUARE[0..2].
    expect(events).toHaveLength(1);
    const expected = referencePolygon(SQUARE.slice(0, 3).map((pixel) => lngLatAt(element, pixel)));
    expect(Math.abs(events[0]!.detail.areaM2! - expected.areaM2) / expected.areaM2).toBeLessThan(
      1e-6,
    );
    // A new shape, cancelled with Escape: nothing is added.
    await clickAt(element, { x: 300, y: 150 });
    await clickAt(element, { x: 350, y: 150 });
    await userEvent.keyboard('{Escape}');
    await element.updateComplete;
    expect(events).toHaveLength(1);
    expect(element.measurements.features).toHaveLength(1);
  });
});

describe('removing measurements', () => {
  it('the panel removes one, then clears the rest; each removal is an event with the ids', async () => {
    const { element } = await mount({ src: MINI_URL });
    await chooseTool(element, 'distance');
    const measured = collect(element, 'park-map-measure');
    const removed = collect(element, 'park-map-measure-remove');
    for (const [from, to] of [
      [SQUARE[0]!, SQUARE[1]!],
      [SQUARE[2]!, SQUARE[3]!],
      [SQUARE[1]!, SQUARE[2]!],
    ] as const) {
      await clickAt(element, from);
      await clickAt(element, to);
      await userEvent.keyboard('{Enter}');
    }
    await element.updateComplete;
    const ids = element.measurements.features.map((feature) => feature.id);
    const geometries = () => element.measurements.features.map((feature) => feature.geometry);
    expect(new Set(ids).size).toBe(3);
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(measured).toHaveLength(3);
    expect(geometries()).toEqual(measured.map((event) => event.detail.geometry));
    const removeButtons = shadow(element).querySelectorAll<HTMLButtonElement>('.measure .remove');
    expect(removeButtons).toHaveLength(3);
    await userEvent.click(removeButtons[1]!);
    await element.updateComplete;
    expect(removed.map((event) => event.detail.ids)).toEqual([[ids[1]]]);
    expect(element.measurements.features.map((feature) => feature.id)).toEqual([ids[0], ids[2]]);
    // The middle line went, the other two stayed as drawn.
    expect(geometries()).toEqual([measured[0]!.detail.geometry, measured[2]!.detail.geometry]);
    await userEvent.click(shadow(element).querySelector<HTMLButtonElement>('.measure .clear')!);
    await element.updateComplete;
    expect(removed.map((event) => event.detail.ids)).toEqual([[ids[1]], [ids[0], ids[2]]]);
    expect(element.measurements.features).toEqual([]);
  });
});

describe('editing and snapping', () => {
  it('dragging a vertex of a finished polygon measures it again', async () => {
    const { element } = await mount({ src: MINI_URL });
    await chooseTool(element, 'area');
    const events = collect(element, 'park-map-measure');
    for (const pixel of SQUARE) await clickAt(element, pixel);
    await userEvent.keyboard('{Enter}');
    await element.updateComplete;
    expect(events).toHaveLength(1);
    const before = events[0]!.detail.areaM2!;
    // Drag the corner at SQUARE[2] 60 px right and down: the polygon grows.
    const moved = { x: SQUARE[2]!.x + 60, y: SQUARE[2]!.y + 60 };
    await commands.dragOnCanvas(SQUARE[2]!, moved, canvasOf(element).clientWidth);
    await element.updateComplete;
    expect(events.length).toBeGreaterThanOrEqual(2);
    const corners = [SQUARE[0]!, SQUARE[1]!, moved, SQUARE[3]!].map((pixel) =>
      lngLatAt(element, pixel),
    );
    const expected = referencePolygon(corners);
    const after = events.at(-1)!.detail.areaM2!;
    expect(after).toBeGreaterThan(before);
    // The dragged vertex lands where the pointer was released, to within a pixel or so.
    expect(Math.abs(after - expected.areaM2) / expected.areaM2).toBeLessThan(0.02);
    expect(element.measurements.features).toHaveLength(1);
  });

  it('a click within 12 px of a building corner snaps to that corner exactly', async () => {
    const { element } = await mount({ src: MINI_URL });
    await chooseTool(element, 'distance');
    const measured = nextEvent(element, 'park-map-measure');
    // Building B's south-west corner is 112.611 °E, 26.899 °N; click 5 px away from it.
    const corner = element.map!.project([112.611, 26.899]);
    await clickAt(element, { x: corner.x - 4, y: corner.y + 3 });
    await clickAt(element, { x: 250, y: 300 });
    await userEvent.keyboard('{Enter}');
    const event = await measured;
    const line = event.detail.geometry.coordinates as number[][];
    expect(line[0]![0]).toBeCloseTo(112.611, 9);
    expect(line[0]![1]).toBeCloseTo(26.899, 9);
  });
});

describe('measuring distance by clicks', () => {
  it('measures a line finished with Enter, in km when chosen', async () => {
    const { element } = await mount({ src: MINI_URL, tool: 'distance' });
    await chooseTool(element, 'distance');
    const measured = nextEvent(element, 'park-map-measure');
    const points: Pixel[] = [
      { x: 200, y: 250 },
      { x: 500, y: 260 },
      { x: 520, y: 420 },
    ];
    for (const pixel of points) await clickAt(element, pixel);
    await userEvent.keyboard('{Enter}');
    const event = await measured;
    const expected = referenceLength(points.map((pixel) => lngLatAt(element, pixel)));
    expect(event.detail.tool).toBe('distance');
    expect(Math.abs(event.detail.lengthM! - expected) / expected).toBeLessThan(1e-6);
    await userEvent.selectOptions(
      shadow(element).querySelector<HTMLSelectElement>('.length-unit')!,
      'm',
    );
    await element.updateComplete;
    const shown = parseNumber(text(shadow(element), '.result[data-tool="distance"] .result-value'));
    expect(Math.abs(shown - expected)).toBeLessThan(0.051);
  });
});

describe('the colour of drawn shapes', () => {
  it('is the accent colour, --park-map-accent as the page sets it, or the default', async () => {
    const colours = (element: ParkMap) => [
      element.map!.getPaintProperty('park-map-measure-fill', 'fill-color'),
      element.map!.getPaintProperty('park-map-measure-line', 'line-color'),
      element.map!.getPaintProperty('park-map-measure-vertex', 'circle-stroke-color'),
    ];
    const { element: plain } = await mount({ src: MINI_URL });
    await chooseTool(plain, 'distance');
    expect(colours(plain)).toEqual(['#0b57d0', '#0b57d0', '#0b57d0']);
    plain.remove();
    const { element: branded } = await mount({ src: MINI_URL }, (element) =>
      element.style.setProperty('--park-map-accent', '#c2185b'),
    );
    await chooseTool(branded, 'area');
    expect(colours(branded)).toEqual(['#c2185b', '#c2185b', '#c2185b']);
  });
});

describe('measuring a parcel', () => {
  it('with the parcel tool, a click on a building measures that building', async () => {
    const { element } = await mount({ src: MINI_URL, tool: 'parcel' });
    await element.updateComplete;
    const measured = nextEvent(element, 'park-map-measure');
    await clickAt(element, projectedCentre(element, 't-building-a'));
    const event = await measured;
    // Building A: 112.606–112.609 °E × 26.896–26.899 °N.
    const expected = referencePolygon([
      [112.606, 26.896],
      [112.609, 26.896],
      [112.609, 26.899],
      [112.606, 26.899],
    ]);
    expect(event.detail.featureId).toBe('t-building-a');
    expect(Math.abs(event.detail.areaM2! - expected.areaM2) / expected.areaM2).toBeLessThan(1e-6);
    expect(element.selected).toBeNull();
    expect(text(shadow(element), '.result[data-tool="parcel"] .result-label')).toBe('测试1号楼');
  });

  it('is reachable by keyboard: select from the panel, then "measure this"', async () => {
    const { element } = await mount({ src: MINI_URL, selected: 't-park' });
    await element.updateComplete;
    const root = shadow(element);
    const measured = nextEvent(element, 'park-map-measure');
    root.querySelector<HTMLButtonElement>('.details .measure-this')!.focus();
    await userEvent.keyboard('{Enter}');
    const event = await measured;
    expect(event.detail.featureId).toBe('t-park');
    await element.updateComplete;
    // The park holds buildings A (17 floors, 27300 m² stated) and B (no floors): FAR is computed.
    expect(root.querySelector('.parcel-figures [data-measure="far"]')).not.toBeNull();
    expect(root.querySelector('[role="status"][aria-live="polite"]')!.textContent).toContain(
      '测试软件产业园',
    );
  });
});

describe('measure()', () => {
  it('returns ellipsoidal length, area and perimeter for any line or polygon', async () => {
    const { element } = await mount({ src: MINI_URL });
    const ring: [number, number][] = [
      [112.6, 26.9],
      [112.61, 26.9],
      [112.61, 26.91],
      [112.6, 26.91],
      [112.6, 26.9],
    ];
    const result = element.measure({ type: 'Polygon', coordinates: [ring] });
    const expected = referencePolygon(ring.slice(0, -1));
    expect(Math.abs(result.areaM2 - expected.areaM2) / expected.areaM2).toBeLessThan(1e-6);
    const line = element.measure({ type: 'LineString', coordinates: ring });
    expect(Math.abs(line.lengthM - expected.perimeterM) / expected.perimeterM).toBeLessThan(1e-6);
    expect(() => element.measure({ type: 'Point', coordinates: [112.6, 26.9] } as never)).toThrow(
      /<park-map>: measure\(\)/,
    );
  });
});

describe('measuring by keyboard only', () => {
  it('search a plot, open its details, Tab to "measure this", Enter; Escape gives focus back', async () => {
    const { element } = await mount({ src: SEED_URL }, undefined, true);
    const root = shadow(element);
    const input = root.querySelector<HTMLInputElement>('.search-input')!;
    input.focus();
    await userEvent.keyboard('总部基地南地块');
    await element.updateComplete;
    await userEvent.keyboard('{Enter}');
    await element.updateComplete;
    await element.updateComplete;
    expect(element.selected).toBe('hy-hq-south');
    expect(root.activeElement?.id).toBe('park-map-details-title');
    for (
      let presses = 0;
      presses < 30 && !root.activeElement?.classList.contains('measure-this');
      presses++
    ) {
      await userEvent.keyboard('{Tab}');
    }
    expect(root.activeElement?.classList.contains('measure-this')).toBe(true);
    const measured = nextEvent(element, 'park-map-measure');
    await userEvent.keyboard('{Enter}');
    const event = await measured;
    expect(event.detail.featureId).toBe('hy-hq-south');
    expect(event.detail.areaM2).toBeGreaterThan(0);
    await userEvent.keyboard('{Escape}');
    await element.updateComplete;
    expect(element.selected).toBeNull();
    expect(root.activeElement).toBe(input);
  });
});

/** Features of the measuring layers MapLibre has drawn: shapes (lines, polygons) and handles. */
function drawnOnMap(element: ParkMap) {
  const features = element.map!.queryRenderedFeatures({
    layers: ['park-map-measure-line', 'park-map-measure-vertex'],
  });
  return {
    shapes: features.filter((feature) => feature.geometry.type !== 'Point').length,
    handles: features.filter((feature) => feature.geometry.type === 'Point').length,
  };
}

describe('drawing on the map', () => {
  it('a double-click on the last point finishes a line, and the map does not zoom', async () => {
    const { element } = await mount({ src: MINI_URL });
    await chooseTool(element, 'distance');
    expect(element.map!.doubleClickZoom.isEnabled()).toBe(false);
    const zoom = element.map!.getZoom();
    const measured = nextEvent(element, 'park-map-measure');
    await clickAt(element, SQUARE[0]!);
    await userEvent.dblClick(canvasOf(element), { position: { ...SQUARE[1]! } });
    const event = await measured;
    const expected = referenceLength(SQUARE.slice(0, 2).map((pixel) => lngLatAt(element, pixel)));
    expect(event.detail.geometry.coordinates).toHaveLength(2);
    expect(Math.abs(event.detail.lengthM! - expected) / expected).toBeLessThan(1e-6);
    expect(element.map!.getZoom()).toBe(zoom);
    // Put away, the tool gives double-click zoom back.
    await chooseTool(element, 'none');
    expect(element.map!.doubleClickZoom.isEnabled()).toBe(true);
  });

  it('the line follows the pointer: the value beside it changes as the pointer moves', async () => {
    const { element } = await mount({ src: MINI_URL });
    await chooseTool(element, 'distance');
    await userEvent.selectOptions(
      shadow(element).querySelector<HTMLSelectElement>('.length-unit')!,
      'm',
    );
    await clickAt(element, SQUARE[0]!);
    const valueAt = async (pixel: Pixel) => {
      await userEvent.hover(canvasOf(element), { position: { ...pixel } });
      await element.updateComplete;
      return parseNumber(text(shadow(element), '.cursor-value'));
    };
    const nearPixel = { x: 350, y: 300 };
    const farPixel = { x: 450, y: 300 };
    const near = await valueAt(nearPixel);
    const far = await valueAt(farPixel);
    // Each is the ellipsoidal length from the first point to the pointer (shown in metres, to the
    // centimetre), and twice as far is twice as long along the same row of pixels.
    const from = lngLatAt(element, SQUARE[0]!);
    expect(Math.abs(near - referenceLength([from, lngLatAt(element, nearPixel)]))).toBeLessThan(
      0.051,
    );
    expect(Math.abs(far - referenceLength([from, lngLatAt(element, farPixel)]))).toBeLessThan(
      0.051,
    );
    expect(far / near).toBeCloseTo(2, 1);
    await expect.poll(() => drawnOnMap(element)).toEqual({ shapes: 1, handles: 1 });
  });

  it('Escape and clear() leave nothing drawn on the map', async () => {
    const { element } = await mount({ src: MINI_URL });
    await chooseTool(element, 'area');
    for (const pixel of SQUARE) await clickAt(element, pixel);
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => drawnOnMap(element)).toEqual({ shapes: 1, handles: 4 });
    await clickAt(element, { x: 300, y: 150 });
    await clickAt(element, { x: 350, y: 150 });
    await userEvent.keyboard('{Escape}');
    await expect.poll(() => drawnOnMap(element)).toEqual({ shapes: 1, handles: 4 });
    await userEvent.click(shadow(element).querySelector<HTMLButtonElement>('.measure .clear')!);
    await expect.poll(() => drawnOnMap(element)).toEqual({ shapes: 0, handles: 0 });
  });

  it('dragging a side adds a vertex; a right-click on a vertex deletes it', async () => {
    const { element } = await mount({ src: MINI_URL });
    await chooseTool(element, 'area');
    const events = collect(element, 'park-map-measure');
    for (const pixel of SQUARE) await clickAt(element, pixel);
    await userEvent.keyboard('{Enter}');
    const ring = () => (events.at(-1)!.detail.geometry.coordinates as number[][][])[0]!;
    expect(ring()).toHaveLength(5);
    // From the middle of the top side, 50 px up: a fifth corner there.
    const peak = { x: 350, y: 250 };
    await commands.dragOnCanvas({ x: 350, y: 300 }, peak, canvasOf(element).clientWidth);
    await expect.poll(() => events.length).toBe(2);
    expect(ring()).toHaveLength(6);
    const [lng, lat] = lngLatAt(element, peak);
    expect(ring().some(([x, y]) => Math.abs(x! - lng) < 1e-5 && Math.abs(y! - lat) < 1e-5)).toBe(
      true,
    );
    await userEvent.click(canvasOf(element), { position: { ...peak }, button: 'right' });
    await expect.poll(() => events.length).toBe(3);
    expect(ring()).toHaveLength(5);
    const expected = referencePolygon(SQUARE.map((pixel) => lngLatAt(element, pixel)));
    expect(Math.abs(events[2]!.detail.areaM2! - expected.areaM2) / expected.areaM2).toBeLessThan(
      1e-6,
    );
  });
});
