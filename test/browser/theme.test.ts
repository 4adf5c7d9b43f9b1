// Theming: dark defaults follow the reader's system, reach the WebGL layers, switch live, and a
// page's own --park-map-* values win over them.
import { afterEach, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import type { ParkMap } from '../../src/park-map.js';
import { MINI_URL, mount, shadow } from './helpers.js';

afterEach(async () => {
  await commands.emulateColorScheme(null);
  document.body.replaceChildren();
});

function background(element: ParkMap) {
  return element.map!.getPaintProperty('park-map-background', 'background-color');
}

it('uses dark colours when the system is dark, in the map and the panels, and switches live', async () => {
  await commands.emulateColorScheme('dark');
  const { element } = await mount({ src: MINI_URL, selected: 't-building-a' });
  expect(background(element)).toBe('#1d2126');
  const panel = shadow(element).querySelector('.details')!;
  expect(getComputedStyle(panel).color).toBe('rgb(232, 234, 237)');
  const reloaded = new Promise((resolve) =>
    element.addEventListener('park-map-load', resolve, { once: true }),
  );
  await commands.emulateColorScheme('light');
  await reloaded;
  expect(background(element)).toBe('#f4f1ea');
});

it("a page's own custom property wins over the dark default, on the map too", async () => {
  await commands.emulateColorScheme('dark');
  const { element } = await mount({ src: MINI_URL }, (el) =>
    el.style.setProperty('--park-map-background', '#000000'),
  );
  expect(background(element)).toBe('#000000');
});
