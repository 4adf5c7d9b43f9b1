// Large data files are decoded and validated in a worker (src/data/check-worker.ts) while the main
// thread sets up the map: the same features and messages as on the main thread, a stale file never
// shown, and the main thread as the fallback when no worker may run (a page's CSP).
import { afterEach, beforeEach, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { WORKER_BYTES } from '../../src/data/data-controller.js';
import { validateParkData } from '../../src/data/validate.js';
import { MINI_URL, collect, mount, nextEvent } from './helpers.js';

let urlCount = 0;
const RealWorker = globalThis.Worker;

beforeEach(async () => {
  await commands.startPageLog();
});

afterEach(async () => {
  globalThis.Worker = RealWorker;
  const log = await commands.takePageLog();
  document.body.replaceChildren();
  await commands.unrouteData();
  expect(log.consoleErrors).toEqual([]);
});

function dataUrl(name: string): string {
  urlCount += 1;
  return `${location.origin}/__park-map-worker__/${name}-${urlCount}.geojson`;
}

/** `count` buildings with long descriptions (a file over WORKER_BYTES), one with a bad status. */
function bigFile(count: number) {
  const features = Array.from({ length: count }, (_, index) => {
    const west = 112.6 + (index % 50) * 0.003;
    const south = 26.9 + Math.floor(index / 50) * 0.003;
    return {
      type: 'Feature',
      id: `w-${index}`,
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [west, south],
            [west + 0.002, south],
            [west + 0.002, south + 0.002],
            [west, south + 0.002],
            [west, south],
          ],
        ],
      },
      properties: {
        kind: 'building',
        name: `大楼 ${index}`,
        status: index === 7 ? 'almost-done' : 'operating',
        note: '厂房'.repeat(200),
      },
    };
  });
  return { type: 'FeatureCollection', features };
}

it('a file over 1 MB is checked in the worker: the same features and messages as validateParkData', async () => {
  const data = bigFile(1500);
  const body = JSON.stringify(data);
  expect(new TextEncoder().encode(body).byteLength).toBeGreaterThan(WORKER_BYTES);
  const url = dataUrl('big');
  await commands.routeData(url, { body });
  let errors: ReturnType<typeof collect<'park-map-error'>> = [];
  const { loaded } = await mount({ src: url, lang: 'en' }, (element) => {
    errors = collect(element, 'park-map-error');
  });
  const expected = validateParkData(data);
  expect(loaded.features.length).toBe(expected.collection.features.length);
  expect(loaded.features).toEqual(expected.collection.features);
  expect(loaded.errors).toEqual(expected.errors);
  expect(errors.map((event) => event.detail.featureId)).toEqual(['w-7']);
  const log = await commands.takePageLog();
  await commands.startPageLog();
  // The worker's script was fetched: the check ran there.
  expect(log.requests.some((request) => request.includes('check-worker'))).toBe(true);
});

it('with no worker allowed (a page CSP), the main thread checks the file instead', async () => {
  globalThis.Worker = class {
    constructor() {
      throw new DOMException('blocked by the page', 'SecurityError');
    }
  } as unknown as typeof Worker;
  const data = bigFile(1500);
  const url = dataUrl('blocked');
  await commands.routeData(url, { body: JSON.stringify(data) });
  const { loaded } = await mount({ src: url });
  expect(loaded.features).toEqual(validateParkData(data).collection.features);
});

it('src changed while the worker checks: only the new data is ever shown', async () => {
  const url = dataUrl('stale');
  await commands.routeData(url, { body: JSON.stringify(bigFile(1500)) });
  const element = document.createElement('park-map');
  element.setAttribute('no-list', '');
  element.style.setProperty('--park-map-height', '400px');
  const loads = collect(element, 'park-map-load');
  element.src = url;
  document.body.append(element);
  await commands.dataRequestEnded(url);
  // The file has arrived and is being checked: switch to the small one.
  const fresh = nextEvent(element, 'park-map-load');
  element.src = MINI_URL;
  await fresh;
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(loads.length).toBeGreaterThan(0);
  for (const event of loads) {
    expect(event.detail.features.every((feature) => feature.id.startsWith('t-'))).toBe(true);
  }
  expect(element.features.map((feature) => feature.id).sort()).toEqual([
    't-building-a',
    't-building-b',
    't-park',
    't-zone',
  ]);
});
