// Bad data in the element: the problems are counted in a banner, listed on demand in the element's
// language, sent as park-map-error events, and the valid rest is still drawn.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands, userEvent } from 'vitest/browser';
import { toWgs84 } from '../../src/data/coords.js';
import type { ParkFeatureCollection } from '../../src/data/types.js';
import mini from '../fixtures/mini-parks.geojson?raw';
import { MINI_URL, collect, mount, renderedIds, shadow, squarePolygon, text } from './helpers.js';

const GBK_URL = new URL('../fixtures/mini-parks-gbk.geojson', import.meta.url).href;
const HTML_URL = new URL('../fixtures/not-data.html', import.meta.url).href;
const MISSING_URL = new URL('../fixtures/no-such-file.geojson', import.meta.url).href;

beforeEach(async () => {
  await commands.startPageLog();
});

afterEach(async () => {
  const log = await commands.takePageLog();
  document.body.replaceChildren();
  // The 404 test's failed request is logged by Chromium itself; nothing else may be.
  expect(log.consoleErrors.filter((message) => !message.includes('404'))).toEqual([]);
});

/** One valid feature and three bad ones: two keepable (warnings), one unusable (error). */
function badCollection() {
  return {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        id: 'good',
        geometry: squarePolygon(112.6, 26.9),
        properties: { kind: 'building', name: '好楼', status: 'operating' },
      },
      {
        type: 'Feature',
        id: 'typo',
        geometry: squarePolygon(112.61, 26.9),
        properties: { kind: 'building', name: '错状态楼', status: 'operatng' },
      },
      {
        type: 'Feature',
        id: 'text-figure',
        geometry: squarePolygon(112.62, 26.9),
        properties: { kind: 'building', name: '文字数字楼', investment: '10亿元' },
      },
      {
        type: 'Feature',
        id: 'bowtie',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [112.63, 26.9],
              [112.632, 26.902],
              [112.632, 26.9],
              [112.63, 26.902],
              [112.63, 26.9],
            ],
          ],
        },
        properties: { kind: 'building', name: '自交楼' },
      },
    ],
  };
}

describe('data problems in <park-map>', () => {
  it('counts the problems in a banner, draws the valid rest, and sends one park-map-error each', async () => {
    const data = badCollection();
    const before = JSON.stringify(data);
    let errors: ReturnType<typeof collect<'park-map-error'>> = [];
    const { element, loaded } = await mount({}, (el) => {
      errors = collect(el, 'park-map-error');
      el.data = data;
    });
    // The bow-tie is left out (error); the typo and the text figure are kept (warnings).
    expect(loaded.features.map((feature) => feature.id)).toEqual(['good', 'typo', 'text-figure']);
    expect(renderedIds(element)).toEqual(['good', 'text-figure', 'typo']);
    expect(
      errors.map((event) => [event.detail.code, event.detail.featureId, event.detail.severity]),
    ).toEqual([
      // One event per kind of problem, errors first.
      ['self-intersection', 'bowtie', 'error'],
      ['unknown-status', 'typo', 'warning'],
      ['figure-as-text', 'text-figure', 'warning'],
    ]);
    expect(JSON.stringify(data)).toBe(before);
    const root = shadow(element);
    expect(text(root, '.issues-count')).toBe('3个数据问题');
    expect(root.querySelector('.issues-list')).toBeNull();
  });

  it('lists the problems on demand, in Chinese, naming feature and field', async () => {
    const { element } = await mount({}, (el) => (el.data = badCollection()));
    const root = shadow(element);
    const toggle = root.querySelector<HTMLButtonElement>('.issues-toggle')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await userEvent.click(toggle);
    await element.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const items = [...root.querySelectorAll('.issues-list li')].map((item) =>
      item.textContent!.trim(),
    );
    expect(items).toHaveLength(3);
    // Errors first, then warnings, each kind in the order first met.
    expect(items[0]).toContain('要素“bowtie”');
    expect(items[1]).toContain('要素“typo”（错状态楼）的 properties.status');
    expect(items[1]).toContain('operating');
    expect(items[2]).toContain('要素“text-figure”（文字数字楼）的 properties.investment');
    expect(items[2]).toContain('1000000000');
  });

  it('a bad history stage is named by feature and field; the feature and its good stages show', async () => {
    const source = { title: '测试报道', quote: '主体结构完成封顶' };
    const data = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: 'tower',
          geometry: squarePolygon(112.6, 26.9),
          properties: {
            kind: 'building',
            name: '历程楼',
            status: 'topped_out',
            history: [
              { date: '2020-04', status: 'under_construction', source },
              { date: '去年', status: 'planned', source },
              { date: '2020-07-01', status: 'toped_out', source },
            ],
          },
        },
      ],
    };
    const { element, loaded } = await mount({ lang: 'en', selected: 'tower' }, (el) => {
      el.data = data;
    });
    expect(loaded.features.map((feature) => feature.id)).toEqual(['tower']);
    const root = shadow(element);
    await userEvent.click(root.querySelector<HTMLButtonElement>('.issues-toggle')!);
    await element.updateComplete;
    const items = [...root.querySelectorAll('.issues-list li')].map((item) =>
      item.textContent!.trim(),
    );
    expect(items).toEqual([
      'Feature "tower" (历程楼), properties.history[1].date: "去年" is not a date; write the date as precisely as the report gives it: YYYY-MM-DD, YYYY-MM or YYYY (e.g. "2020-07-01"). The stage is not shown until then.',
      'Feature "tower" (历程楼), properties.history[2].status: "toped_out" is not a known status; use one of planned, signed, under_construction, topped_out, fitting_out, completed, operating. Did you mean "topped_out"? The stage is shown without a status until then.',
      'Feature "tower" (历程楼), properties.history[2].status: The latest stage gives status (none), but the feature\'s status is "topped_out"; the current properties are the latest stage: make them agree.',
    ]);
    const stages = [...root.querySelectorAll('.details .timeline li')].map((li) =>
      li.textContent!.replace(/\s+/g, ' ').trim(),
    );
    expect(stages).toEqual(['April 2020 Under construction 测试报道', '1 July 2020 测试报道']);
  });

  it('explains an HTML page answered instead of the data, and still fires park-map-load', async () => {
    let errors: ReturnType<typeof collect<'park-map-error'>> = [];
    const { element, loaded } = await mount({ src: HTML_URL }, (el) => {
      errors = collect(el, 'park-map-error');
    });
    expect(loaded.features).toEqual([]);
    expect(errors.map((event) => event.detail.code)).toEqual(['html-instead-of-json']);
    expect(errors[0]!.detail.message).toContain('404 页面不存在');
    expect(text(shadow(element), '.issues-count')).toBe('1个数据问题');
  });

  it('names the HTTP status when the data URL answers 404', async () => {
    let errors: ReturnType<typeof collect<'park-map-error'>> = [];
    await mount({ src: MISSING_URL, lang: 'en' }, (el) => {
      errors = collect(el, 'park-map-error');
    });
    expect(errors.map((event) => event.detail.code)).toEqual(['http-error']);
    expect(errors[0]!.detail.message).toContain('The server answered 404');
  });

  it('reads a GBK-encoded file, draws it, and says it should be saved as UTF-8', async () => {
    let errors: ReturnType<typeof collect<'park-map-error'>> = [];
    const { element, loaded } = await mount({ src: GBK_URL }, (el) => {
      errors = collect(el, 'park-map-error');
    });
    expect(loaded.features.map((feature) => feature.properties.name)).toEqual([
      '测试高新区',
      '测试软件产业园',
      '测试1号楼',
      '测试2号楼',
    ]);
    expect(errors.map((event) => [event.detail.code, event.detail.severity])).toEqual([
      ['encoding-gbk', 'warning'],
    ]);
    expect(renderedIds(element)).toHaveLength(4);
  });
});

describe('coordinate systems in <park-map>', () => {
  it('converts coords="gcj02" data to WGS84 at load, leaving the given object unchanged', async () => {
    const data = JSON.parse(mini) as ParkFeatureCollection;
    const before = JSON.stringify(data);
    const { element } = await mount({ coords: 'gcj02' }, (el) => (el.data = data));
    expect(JSON.stringify(data)).toBe(before);
    const expected = toWgs84(JSON.parse(mini) as ParkFeatureCollection, 'gcj02');
    expect(element.features.map((feature) => feature.geometry)).toEqual(
      expected.features.map((feature) => feature.geometry),
    );
    // In Hengyang GCJ-02 lies a few hundred metres off WGS84: the data really moved.
    const ring = element.features[0]!.geometry.coordinates as number[][][];
    expect(Math.abs(ring[0]![0]![0]! - 112.6)).toBeGreaterThan(0.002);
    expect(renderedIds(element)).toHaveLength(4);
  });

  it('reads the same file the same way without a coords attribute (WGS84)', async () => {
    const { element } = await mount({ src: MINI_URL });
    const ring = element.features[0]!.geometry.coordinates as number[][][];
    expect(ring[0]![0]).toEqual([112.6, 26.89]);
  });
});
