// Mount and remove <park-map> many times: each removal must free its map (and WebGL context), or
// Chromium starts losing the oldest contexts after ~16 and says so on the console.
import { expect, it } from 'vitest';
import { MINI_URL, mount, nextEvent, renderedIds, useCleanPage } from './helpers.js';

useCleanPage();

it('frees the map on every removal across 24 mount cycles', async () => {
  let maps = 0;
  for (let cycle = 0; cycle < 24; cycle++) {
    const { element } = await mount({ src: MINI_URL });
    const map = element.map!;
    const canvas = map.getCanvas();
    expect(renderedIds(element)).toHaveLength(4);
    element.remove();
    maps += 1;
    expect(element.map).toBeUndefined();
    // map.remove() empties the container and loses the context on purpose (WEBGL_lose_context).
    expect(canvas.isConnected).toBe(false);
  }
  expect(maps).toBe(24);
  // The 25th still renders after all that.
  const { element } = await mount({ src: MINI_URL });
  expect(renderedIds(element)).toEqual(['t-building-a', 't-building-b', 't-park', 't-zone']);
});

it('re-creates its map when moved to another place in the page', async () => {
  const { element } = await mount({ src: MINI_URL });
  const first = element.map;
  const holder = document.createElement('div');
  document.body.append(holder);
  const reloaded = new Promise((resolve) =>
    element.addEventListener('park-map-load', resolve, { once: true }),
  );
  holder.append(element);
  await reloaded;
  expect(element.map).toBeDefined();
  expect(element.map).not.toBe(first);
  expect(renderedIds(element)).toHaveLength(4);
});

it('removing src clears the map, the list and `features`; setting it again brings them back', async () => {
  const { element } = await mount({ src: MINI_URL }, undefined, true);
  const rows = () => element.shadowRoot!.querySelectorAll('.tree li.item').length;
  await expect.poll(rows).toBe(4);
  expect(renderedIds(element)).toHaveLength(4);
  element.removeAttribute('src');
  await element.updateComplete;
  expect(element.features).toEqual([]);
  await expect.poll(() => renderedIds(element)).toEqual([]);
  await expect.poll(rows).toBe(0);
  const loaded = nextEvent(element, 'park-map-load');
  element.setAttribute('src', MINI_URL);
  expect((await loaded).detail.features).toHaveLength(4);
  await expect.poll(() => renderedIds(element)).toHaveLength(4);
  await expect.poll(rows).toBe(4);
});
