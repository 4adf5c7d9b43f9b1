// The GPU drops the WebGL context (driver reset, memory pressure) and gives it back: the element
// says so meanwhile, and the map comes back by itself, drawn as before, still answering clicks.
import { expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { ParkMap } from '../../src/park-map.js';
import {
  MINI_URL,
  canvasOf,
  mount,
  nextEvent,
  pixelOnNextFrame,
  projectedCentre,
  shadow,
  useCleanPage,
} from './helpers.js';

useCleanPage();

function overlayText(element: ParkMap): string | undefined {
  return shadow(element).querySelector('.overlay .message')?.textContent ?? undefined;
}

it('loses the WebGL context, says so, and comes back drawn as before by itself', async () => {
  const { element } = await mount({ src: MINI_URL, lang: 'en', selected: 't-building-b' });
  const selectionShown = () =>
    element
      .map!.queryRenderedFeatures({ layers: ['park-map-selection-line'] })
      .map((feature) => feature.properties.pmId as string);
  expect(selectionShown()).toContain('t-building-b');
  const building = projectedCentre(element, 't-building-a');
  const corner = { x: 20, y: 480 };
  const before = await pixelOnNextFrame(element, building);
  const background = await pixelOnNextFrame(element, corner);
  expect(before).not.toEqual(background); // the building is really drawn there

  const gl = element.map!.painter.context.gl;
  const lose = gl.getExtension('WEBGL_lose_context');
  if (!lose) throw new Error('WEBGL_lose_context is not available');
  const lost = new Promise((resolve) => element.map!.once('webglcontextlost', resolve));
  lose.loseContext();
  await lost;
  await element.updateComplete;
  expect(overlayText(element)).toBe('The graphics were interrupted; the map is coming back…');
  expect(gl.isContextLost()).toBe(true);

  // The browser gives the context back (here on request; a real GPU does it after a reset). Not
  // from within the lost event's dispatch: Chromium allows a restore only once that is over.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const restored = new Promise((resolve) => element.map!.once('webglcontextrestored', resolve));
  lose.restoreContext();
  await restored;
  await element.updateComplete;
  expect(overlayText(element)).toBeUndefined();
  await new Promise<void>((resolve) => {
    element.map!.once('idle', () => resolve());
    element.map!.triggerRepaint();
  });
  expect(await pixelOnNextFrame(element, building)).toEqual(before);
  expect(await pixelOnNextFrame(element, corner)).toEqual(background);
  // The style came back whole: the selection outline still sits on the selected building.
  expect([...new Set(selectionShown())]).toEqual(['t-building-b']);

  // And it still answers a real click (the details panel closed first: it may cover the building).
  element.select(null);
  await element.updateComplete;
  const selected = nextEvent(element, 'park-map-select');
  await userEvent.click(canvasOf(element), { position: { ...building } });
  expect((await selected).detail.id).toBe('t-building-a');
});
