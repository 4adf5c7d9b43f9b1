// Faults around <park-map> in real Chromium: the data URL answers 500, fails, answers late or never,
// or changes while a load is in flight; `data` is switched rapidly; the container is resized or
// starts with no height. Answers come from Playwright routes (commands.routeData), not a server.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import type { ParkMap } from '../../src/park-map.js';
import { MINI_URL, collect, mount, nextEvent, renderedIds, shadow, text } from './helpers.js';

/** Console messages a test expects Chromium itself to log (a failed request); nothing else may. */
let expectedConsole: RegExp[] = [];
let urlCount = 0;

beforeEach(async () => {
  expectedConsole = [];
  await commands.startPageLog();
});

afterEach(async () => {
  const log = await commands.takePageLog();
  document.body.replaceChildren();
  await commands.unrouteData();
  const unexpected = log.consoleErrors.filter(
    (message) => !expectedConsole.some((pattern) => pattern.test(message)),
  );
  expect(unexpected).toEqual([]);
});

/** A data URL no file answers: only the test's route does (a new one per test, never cached). */
function faultUrl(name: string): string {
  urlCount += 1;
  return `${location.origin}/__park-map-faults__/${name}-${urlCount}.geojson`;
}

/** A collection of `count` buildings with ids `<prefix>-0…`, side by side. */
function buildings(prefix: string, count = 2) {
  return {
    type: 'FeatureCollection',
    features: Array.from({ length: count }, (_, index) => {
      const west = 112.6 + index * 0.004;
      return {
        type: 'Feature',
        id: `${prefix}-${index}`,
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [west, 26.9],
              [west + 0.002, 26.9],
              [west + 0.002, 26.902],
              [west, 26.902],
              [west, 26.9],
            ],
          ],
        },
        properties: { kind: 'building', name: `${prefix} 楼 ${index}`, status: 'operating' },
      };
    }),
  };
}

/** Adds a <park-map> (800 × 500, no list) without waiting for anything. */
function addElement(attributes: Record<string, string>): ParkMap {
  const element = document.createElement('park-map');
  element.style.setProperty('--park-map-height', '500px');
  element.style.width = '800px';
  element.setAttribute('no-list', '');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  document.body.append(element);
  return element;
}

/** Resolves on the map's next `idle` (MapLibre fires it once nothing is loading or moving). */
function idle(element: ParkMap): Promise<void> {
  const map = element.map!;
  return new Promise((resolve) => {
    map.once('idle', () => resolve());
    map.triggerRepaint();
  });
}

/** Waits for a promise, but fails with this message rather than the 30 s test timeout. */
function within<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

function ids(features: readonly { id: string }[]): string[] {
  return features.map((feature) => feature.id);
}

describe('the data URL fails', () => {
  it('a 500 answer: a message naming the status, in the banner and as park-map-error; load with 0 features', async () => {
    const url = faultUrl('server-error');
    await commands.routeData(url, { status: 500, body: 'oops', contentType: 'text/plain' });
    expectedConsole = [/status of 500/];
    let errors: ReturnType<typeof collect<'park-map-error'>> = [];
    const { element, loaded } = await mount({ src: url, lang: 'en' }, (el) => {
      errors = collect(el, 'park-map-error');
    });
    expect(loaded.features).toEqual([]);
    expect(loaded.errors.map((issue) => issue.code)).toEqual(['http-error']);
    expect(errors.map((event) => event.detail.code)).toEqual(['http-error']);
    expect(errors[0]!.detail.message).toBe(
      `The server answered 500 Internal Server Error for "${url}": check the address of the data file.`,
    );
    await element.updateComplete;
    const root = shadow(element);
    expect(text(root, '.issues-count')).toBe('1 data problem');
    expect(root.querySelector('.issues.has-errors')).not.toBeNull();
    // Not stuck on "Loading data…".
    expect(root.querySelector('.overlay')).toBeNull();
  });

  it('a network error: a load-failed message naming the URL; load with 0 features', async () => {
    const url = faultUrl('network-error');
    await commands.routeData(url, { abort: true });
    expectedConsole = [/net::ERR_FAILED/];
    let errors: ReturnType<typeof collect<'park-map-error'>> = [];
    const { element, loaded } = await mount({ src: url }, (el) => {
      errors = collect(el, 'park-map-error');
    });
    expect(loaded.features).toEqual([]);
    expect(loaded.errors.map((issue) => issue.code)).toEqual(['load-failed']);
    expect(errors.map((event) => event.detail.code)).toEqual(['load-failed']);
    expect(errors[0]!.detail.message).toContain(`无法从“${url}”加载数据（Failed to fetch）`);
    await element.updateComplete;
    expect(text(shadow(element), '.issues-count')).toBe('1个数据问题');
    expect(shadow(element).querySelector('.overlay')).toBeNull();
  });
});

describe('the data URL is slow', () => {
  // The answer is held until the test lets it go (rather than delayed by a clock): "before the
  // answer arrives" is then certain, not a race with a timer.
  it('shows "loading data" in a status region until the answer arrives, then draws it', async () => {
    const url = faultUrl('slow');
    const data = buildings('slow');
    await commands.routeData(url, { hold: true, body: JSON.stringify(data) });
    const element = addElement({ src: url });
    const loaded = nextEvent(element, 'park-map-load');
    await commands.dataRequested(url);
    await element.updateComplete;
    const root = shadow(element);
    expect(root.querySelector('.overlay')?.getAttribute('role')).toBe('status');
    expect(text(root, '.overlay .message')).toBe('正在加载数据…');
    expect(element.features).toEqual([]);
    expect(await commands.releaseData(url)).toBe('answered');
    expect(ids((await loaded).detail.features)).toEqual(['slow-0', 'slow-1']);
    await element.updateComplete;
    expect(root.querySelector('.overlay')).toBeNull();
    expect(renderedIds(element)).toEqual(['slow-0', 'slow-1']);
  });

  it('a new src while the first load is in flight: only the new data ever shows', async () => {
    const slowUrl = faultUrl('stale');
    const fastUrl = faultUrl('fresh');
    await commands.routeData(slowUrl, { hold: true, body: JSON.stringify(buildings('stale')) });
    await commands.routeData(fastUrl, { body: JSON.stringify(buildings('fresh')) });
    const element = document.createElement('park-map');
    const announced: string[][] = [];
    element.addEventListener('park-map-load', () => announced.push(ids(element.features)));
    element.style.setProperty('--park-map-height', '500px');
    element.style.width = '800px';
    element.setAttribute('no-list', '');
    element.src = slowUrl;
    document.body.append(element);
    await commands.dataRequested(slowUrl);
    const loaded = nextEvent(element, 'park-map-load');
    element.src = fastUrl;
    await loaded;
    expect(announced).toEqual([['fresh-0', 'fresh-1']]);
    expect(renderedIds(element)).toEqual(['fresh-0', 'fresh-1']);
    // The element gave up on the first request when src changed…
    expect(await commands.dataRequestEnded(slowUrl)).toBe('failed: net::ERR_ABORTED');
    // …so when its answer comes at last, nothing takes it.
    await commands.releaseData(slowUrl);
    await element.updateComplete;
    await idle(element);
    expect(announced).toEqual([['fresh-0', 'fresh-1']]);
    expect(ids(element.features)).toEqual(['fresh-0', 'fresh-1']);
    expect(renderedIds(element)).toEqual(['fresh-0', 'fresh-1']);
  });
});

describe('an answer that never comes', () => {
  // No timeout of its own: a server that never answers leaves "loading data" showing (the browser
  // or the server ends it). What the element must do is give the request up when it leaves the page.
  it('removing the element cancels its request in flight', async () => {
    const url = faultUrl('never');
    await commands.routeData(url, { hold: true, body: JSON.stringify(buildings('never')) });
    const element = addElement({ src: url });
    const loads = collect(element, 'park-map-load');
    await commands.dataRequested(url);
    element.remove();
    expect(await commands.dataRequestEnded(url)).toBe('failed: net::ERR_ABORTED');
    await commands.releaseData(url);
    expect(loads).toEqual([]);
  });

  it('moved in the DOM while its data is loading, it still loads the data', async () => {
    const url = faultUrl('moved');
    await commands.routeData(url, { hold: true, body: JSON.stringify(buildings('moved')) });
    const element = addElement({ src: url });
    await commands.dataRequested(url);
    const holder = document.createElement('div');
    document.body.append(holder);
    holder.append(element);
    expect(await commands.dataRequestEnded(url)).toBe('failed: net::ERR_ABORTED');
    // From now on the route answers at once.
    await commands.releaseData(url);
    const loaded = await within(
      nextEvent(element, 'park-map-load'),
      5000,
      'no park-map-load within 5 s of being moved while loading',
    );
    expect(ids(loaded.detail.features)).toEqual(['moved-0', 'moved-1']);
    await element.updateComplete;
    expect(shadow(element).querySelector('.overlay')).toBeNull();
  });
});

describe('switching data rapidly', () => {
  it('ten data assignments, each rendered in turn: the last one wins and no stale load follows', async () => {
    const { element } = await mount({}, (el) => (el.data = buildings('d0', 1)));
    const announced: { detail: string[]; current: string[] }[] = [];
    element.addEventListener('park-map-load', (event) =>
      announced.push({ detail: ids(event.detail.features), current: ids(element.features) }),
    );
    const last = buildings('d10', 3);
    const lastLoaded = new Promise<void>((resolve) =>
      element.addEventListener('park-map-load', (event) => {
        if (event.detail.features[0]?.id === 'd10-0') resolve();
      }),
    );
    for (let index = 1; index <= 10; index++) {
      element.data = index === 10 ? last : buildings(`d${index}`, (index % 3) + 1);
      // Each assignment gets its own update (and load), overlapping the map's work on the last.
      await element.updateComplete;
    }
    await lastLoaded;
    await idle(element);
    expect(ids(element.features)).toEqual(['d10-0', 'd10-1', 'd10-2']);
    expect(renderedIds(element)).toEqual(['d10-0', 'd10-1', 'd10-2']);
    // Every announcement told the truth at the time, and the last one is the last data.
    for (const { detail, current } of announced) expect(detail).toEqual(current);
    expect(announced.at(-1)!.detail).toEqual(['d10-0', 'd10-1', 'd10-2']);
  });

  it('ten assignments in one task: one load, of the last data', async () => {
    const { element } = await mount({}, (el) => (el.data = buildings('e0', 1)));
    const loads = collect(element, 'park-map-load');
    for (let index = 1; index <= 10; index++) element.data = buildings(`e${index}`, 2);
    const loaded = await nextEvent(element, 'park-map-load');
    expect(ids(loaded.detail.features)).toEqual(['e10-0', 'e10-1']);
    await idle(element);
    expect(loads).toHaveLength(1);
    expect(renderedIds(element)).toEqual(['e10-0', 'e10-1']);
  });
});

describe('the container changes size', () => {
  it('the map canvas follows a width change', async () => {
    const { element } = await mount({ src: MINI_URL });
    const map = element.map!;
    expect(map.getCanvas().clientWidth).toBe(800);
    const resized = new Promise((resolve) => map.once('resize', resolve));
    element.style.width = '600px';
    await resized;
    expect(map.getCanvas().clientWidth).toBe(600);
    expect(map.getCanvas().width).toBe(Math.round(600 * devicePixelRatio));
    await idle(element);
    expect(renderedIds(element)).toEqual(['t-building-a', 't-building-b', 't-park', 't-zone']);
  });

  it('0 × 0 at the start, then 800 × 400 px: the map takes the size and frames the data', async () => {
    // The host has a 240 px min-height; a page can still collapse it (a closed panel, a layout
    // not done yet).
    const { element } = await mount({ src: MINI_URL }, (el) => {
      el.style.width = '0px';
      el.style.minHeight = '0px';
      el.style.setProperty('--park-map-height', '0px');
    });
    const map = element.map!;
    expect(map.getContainer().clientWidth).toBe(0);
    expect(map.getContainer().clientHeight).toBe(0);
    const resized = new Promise((resolve) => map.once('resize', resolve));
    element.style.width = '800px';
    element.style.setProperty('--park-map-height', '400px');
    await resized;
    await idle(element);
    expect(map.getCanvas().clientWidth).toBe(800);
    expect(map.getCanvas().clientHeight).toBe(400);
    const bounds = map.getBounds();
    expect(bounds.contains([112.6, 26.89]) && bounds.contains([112.62, 26.91])).toBe(true);
    expect(bounds.getNorth() - bounds.getSouth()).toBeLessThan(0.06);
    expect(renderedIds(element)).toEqual(['t-building-a', 't-building-b', 't-park', 't-zone']);
  });
});
