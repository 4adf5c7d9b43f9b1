// The scale bar and the basemap switch: MapLibre's scale in the element's language, placed clear of
// the element's own controls; the switch offering exactly the page's `basemaps`.
import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import type { ParkMap } from '../../src/park-map.js';
import { MINI_URL, mount, shadow, useCleanPage } from './helpers.js';

useCleanPage({ sameOrigin: true });

function scaleText(element: ParkMap): string | undefined {
  return shadow(element).querySelector('.maplibregl-ctrl-scale')?.textContent ?? undefined;
}

function overlaps(a: DOMRect, b: DOMRect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

describe('scale bar', () => {
  it('is metric, in 公里 zoomed out and 米 zoomed in, in Chinese', async () => {
    const { element } = await mount({ src: MINI_URL });
    element.map!.jumpTo({ zoom: 8 });
    expect(scaleText(element)).toMatch(/^\d+\u00a0公里$/);
    element.map!.jumpTo({ zoom: 17 });
    expect(scaleText(element)).toMatch(/^\d+\u00a0米$/);
  });

  it('is in km or m in English, and relabels when lang changes', async () => {
    const { element } = await mount({ src: MINI_URL, lang: 'en' });
    element.map!.jumpTo({ zoom: 8 });
    expect(scaleText(element)).toMatch(/^\d+\u00a0km$/);
    element.map!.jumpTo({ zoom: 17 });
    expect(scaleText(element)).toMatch(/^\d+\u00a0m$/);
    element.lang = 'zh-CN';
    await element.updateComplete;
    expect(scaleText(element)).toMatch(/^\d+\u00a0米$/);
  });

  for (const [width, height] of [
    [1366, 768],
    [390, 844],
  ] as const) {
    it(`covers none of the element's controls at ${width}×${height}`, async () => {
      await page.viewport(width, height);
      const { element } = await mount(
        { src: MINI_URL },
        (el) => {
          el.style.width = '100vw';
          el.style.setProperty('--park-map-height', `${height - 40}px`);
        },
        true,
      );
      const root = shadow(element);
      const scale = root.querySelector('.maplibregl-ctrl-scale')!.getBoundingClientRect();
      expect(scale.width).toBeGreaterThan(0);
      const others = [
        ...root.querySelectorAll(
          '.view-controls > *, .legend, .maplibregl-ctrl-group, .maplibregl-ctrl-attrib, .list, .explore',
        ),
      ];
      expect(others.length).toBeGreaterThan(2);
      for (const other of others) {
        const box = other.getBoundingClientRect();
        if (box.width === 0) continue;
        expect(overlaps(scale, box), other.className).toBe(false);
      }
    });
  }
});
