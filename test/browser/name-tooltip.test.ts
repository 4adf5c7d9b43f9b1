// The name tooltip, in real Chromium: the pointer over a feature shows its name beside it (in
// English in lang="en"), the keyboard focus (`]`) too; as text, never over a control, never in the
// pointer's way.
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { ParkMap } from '../../src/park-map.js';
import { MINI_URL, canvasOf, mount, projectedCentre, shadow, useCleanPage } from './helpers.js';

useCleanPage({ sameOrigin: true });

function tooltip(element: ParkMap): HTMLElement {
  return shadow(element).querySelector<HTMLElement>('.park-map-tooltip')!;
}
const shows = (element: ParkMap) => getComputedStyle(tooltip(element)).display !== 'none';

function overlaps(a: DOMRect, b: DOMRect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

describe('the name tooltip', () => {
  it('names the feature under the pointer, in English in lang="en", and goes on empty map', async () => {
    const { element } = await mount({ src: MINI_URL, lang: 'en' });
    element.map!.jumpTo({ zoom: 16, center: [112.6075, 26.8975] });
    expect(shows(element)).toBe(false);
    await userEvent.hover(canvasOf(element), {
      position: projectedCentre(element, 't-building-a'),
    });
    expect(shows(element)).toBe(true);
    expect(tooltip(element).textContent).toBe('Test Building 1');
    expect(tooltip(element).lang).toBe('en');
    expect(getComputedStyle(tooltip(element)).pointerEvents).toBe('none');
    // Empty map (the canvas's bottom-left corner, outside the zone at this zoom).
    await userEvent.hover(canvasOf(element), { position: { x: 5, y: 495 } });
    expect(shows(element)).toBe(false);
  });

  it('is text from the data, never markup', async () => {
    const data = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: 'odd',
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [112.6, 26.9],
                [112.61, 26.9],
                [112.61, 26.91],
                [112.6, 26.91],
                [112.6, 26.9],
              ],
            ],
          },
          properties: { kind: 'park', name: '<img src=x onerror=alert(1)>' },
        },
      ],
    };
    const { element } = await mount({}, (el) => (el.data = data));
    const centre = element.map!.project([112.605, 26.905]);
    await userEvent.hover(canvasOf(element), { position: { x: centre.x, y: centre.y } });
    expect(tooltip(element).textContent).toBe('<img src=x onerror=alert(1)>');
    expect(tooltip(element).querySelector('img')).toBeNull();
  });

  it('does not cover the zoom buttons when the pointer is beside them', async () => {
    const { element } = await mount({ src: MINI_URL });
    const controls = shadow(element).querySelector('.maplibregl-ctrl-group')!;
    const box = controls.getBoundingClientRect();
    const canvas = canvasOf(element).getBoundingClientRect();
    // Zoomed in so the zone fills the view: the pointer is over it just left of the buttons.
    element.map!.jumpTo({ zoom: 15, center: [112.61, 26.9] });
    const position = { x: box.left - canvas.left - 6, y: box.top - canvas.top + box.height / 2 };
    await userEvent.hover(canvasOf(element), { position });
    expect(shows(element)).toBe(true);
    // Right and below of the pointer would cover the buttons: it went elsewhere.
    expect(overlaps(tooltip(element).getBoundingClientRect(), box)).toBe(false);
  });

  it('names the feature the keyboard focus is on (] and [), and goes with Escape', async () => {
    const { element } = await mount({ src: MINI_URL });
    canvasOf(element).focus();
    await userEvent.keyboard(']');
    expect(shows(element)).toBe(true);
    const first = tooltip(element).textContent;
    expect(['测试高新区', '测试软件产业园', '测试1号楼', '测试2号楼']).toContain(first);
    expect(element.features.find((feature) => feature.properties.name === first)!.id).toBe(
      (element as unknown as { store: { hovered: string } }).store.hovered,
    );
    await userEvent.keyboard('{Escape}');
    expect(shows(element)).toBe(false);
  });
});
