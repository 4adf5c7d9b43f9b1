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
    it(`it and the basemap switch cover none of the element's controls at ${width}×${height}`, async () => {
      await page.viewport(width, height);
      const { element } = await mount(
        { src: MINI_URL, basemaps: 'none osm tianditu tianditu-img amap' },
        (el) => {
          el.style.width = '100vw';
          el.style.setProperty('--park-map-height', `${height - 40}px`);
        },
        true,
      );
      const root = shadow(element);
      const scale = root.querySelector('.maplibregl-ctrl-scale')!.getBoundingClientRect();
      const select = root.querySelector('select.basemap-switch')!.getBoundingClientRect();
      expect(scale.width).toBeGreaterThan(0);
      expect(select.width).toBeGreaterThan(0);
      expect(overlaps(scale, select)).toBe(false);
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
        if (!other.contains(root.querySelector('select.basemap-switch'))) {
          expect(overlaps(select, box), other.className).toBe(false);
        }
      }
    });
  }
});

function basemapSwitch(element: ParkMap): HTMLSelectElement | null {
  return shadow(element).querySelector<HTMLSelectElement>('select.basemap-switch');
}

describe('basemap switch', () => {
  it('is not there without basemaps', async () => {
    const { element } = await mount({ src: MINI_URL });
    expect(basemapSwitch(element)).toBeNull();
  });

  it('lists exactly the basemaps given, in their order, named in Chinese, then in English', async () => {
    const { element } = await mount({ src: MINI_URL, basemaps: 'none tianditu-img amap osm' });
    const select = basemapSwitch(element)!;
    const options = () => [...select.options].map((option) => [option.value, option.text]);
    expect(options()).toEqual([
      ['none', '离线地图'],
      ['tianditu-img', '天地图 影像'],
      ['amap', '高德地图'],
      ['osm', 'OpenStreetMap'],
    ]);
    expect(select.value).toBe('none');
    expect(select.getAttribute('aria-label')).toBe('底图');
    element.lang = 'en';
    await element.updateComplete;
    expect(options()).toEqual([
      ['none', 'Offline map'],
      ['tianditu-img', 'Tianditu imagery'],
      ['amap', 'AMap'],
      ['osm', 'OpenStreetMap'],
    ]);
    expect(select.getAttribute('aria-label')).toBe('Basemap');
  });

  it('leaves out names that are no presets, and says so once', async () => {
    let codes: string[] = [];
    const { element } = await mount({ src: MINI_URL, basemaps: 'none google osm' }, (el) => {
      el.addEventListener('park-map-error', (event) => codes.push(event.detail.code));
    });
    expect([...basemapSwitch(element)!.options].map((option) => option.value)).toEqual([
      'none',
      'osm',
    ]);
    expect(codes).toEqual(['basemaps-unknown']);
    codes = [];
    element.lang = 'en';
    await element.updateComplete;
    expect(codes).toEqual([]);
  });

  it('shows a basemap the page did not list as the current one, without offering it', async () => {
    const { element } = await mount({ src: MINI_URL, basemaps: 'osm amap' });
    const select = basemapSwitch(element)!;
    expect(select.value).toBe('none');
    expect([...select.options].map((option) => [option.value, option.disabled])).toEqual([
      ['none', true],
      ['osm', false],
      ['amap', false],
    ]);
  });
});
