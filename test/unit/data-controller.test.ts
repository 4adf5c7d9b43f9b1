// The data controller loads its data path (decoding, validation, messages) apart from the element:
// what it does while that code is on its way, when a newer load overtakes it, and when it cannot
// be loaded. Each test imports a fresh copy, so the code starts unloaded.
import { readFileSync } from 'node:fs';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { LoadedData } from '../../src/data/data-controller.ts';
import { validateParkData } from '../../src/data/validate.ts';

type Module = typeof import('../../src/data/data-controller.ts');

const parks: unknown = JSON.parse(
  readFileSync(new URL('../../data/parks.geojson', import.meta.url), 'utf8'),
);
const one = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      id: 'p1',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [112.5, 26.9],
            [112.51, 26.9],
            [112.51, 26.91],
            [112.5, 26.9],
          ],
        ],
      },
      properties: { kind: 'park', name: '一号园' },
    },
  ],
};

function host(): ReactiveControllerHost & { controllers: ReactiveController[]; updates: number } {
  const made = {
    controllers: [] as ReactiveController[],
    updates: 0,
    addController(controller: ReactiveController) {
      made.controllers.push(controller);
    },
    removeController() {},
    requestUpdate() {
      made.updates++;
    },
    updateComplete: Promise.resolve(true),
  };
  return made;
}

async function fresh(): Promise<Module> {
  vi.resetModules();
  return import('../../src/data/data-controller.ts');
}

beforeEach(() => vi.resetModules());
afterEach(() => vi.doUnmock('../../src/data/pipeline.ts'));

it('data given before the code arrived waits for it ("loading"), then is validated as validateParkData does', async () => {
  const { DataController } = await fresh();
  const loads: LoadedData[] = [];
  const controller = new DataController(host(), (loaded) => loads.push(loaded));
  controller.load({ src: null, data: parks, coords: undefined });
  expect(controller.state).toBe('loading');
  expect(loads).toEqual([]);
  expect(controller.pending).toBeInstanceOf(Promise);
  await controller.pending;
  expect(controller.state).toBe('ready');
  expect(loads).toHaveLength(1);
  const expected = validateParkData(parks);
  expect(controller.features).toEqual(expected.collection.features);
  expect(controller.errors).toEqual(expected.errors);
  expect(controller.pending).toBeUndefined();
  // Loaded now: the next load is validated at once, in the same call.
  controller.load({ src: null, data: one, coords: undefined });
  expect(controller.state).toBe('ready');
  expect(controller.features.map((feature) => feature.id)).toEqual(['p1']);
  expect(loads).toHaveLength(2);
});

it('a newer load made while the code was on its way is the only one reported', async () => {
  const { DataController } = await fresh();
  const loads: LoadedData[] = [];
  const controller = new DataController(host(), (loaded) => loads.push(loaded));
  controller.load({ src: null, data: parks, coords: undefined });
  controller.load({ src: null, data: one, coords: undefined });
  await controller.pending;
  expect(loads.map((loaded) => loaded.features.map((feature) => feature.id))).toEqual([['p1']]);
});

it('leaving the document drops the waiting load; coming back loads it again', async () => {
  const { DataController } = await fresh();
  const loads: LoadedData[] = [];
  const controller = new DataController(host(), (loaded) => loads.push(loaded));
  controller.load({ src: null, data: one, coords: undefined });
  const waiting = controller.pending;
  controller.hostDisconnected();
  await waiting;
  expect(loads).toEqual([]);
  controller.hostConnected();
  await controller.pending;
  expect(loads).toHaveLength(1);
  expect(controller.state).toBe('ready');
});

it('code that cannot be loaded fails the data with a message naming it, and the next load tries again', async () => {
  vi.doMock('../../src/data/pipeline.ts', () => {
    throw new Error('chunk gone');
  });
  const { DataController, describeLoadedIssue } = await fresh();
  const loads: LoadedData[] = [];
  const controller = new DataController(host(), (loaded) => loads.push(loaded));
  controller.load({ src: null, data: one, coords: undefined });
  await controller.pending;
  expect(controller.state).toBe('failed');
  expect(controller.features).toEqual([]);
  const [issue] = controller.errors;
  expect(issue).toMatchObject({ path: 'src', code: 'code-load-failed', severity: 'error' });
  // (Vitest words the import's error itself.)
  expect(issue?.reason).toMatch(/^Could not load the map's data code \(.+\); check the connection/);
  // The messages are in that code: until it loads, the English reason stands in every language.
  if (issue) expect(describeLoadedIssue(issue, 'zh-CN')).toBe(issue.reason);
  expect(loads).toHaveLength(1);

  vi.doUnmock('../../src/data/pipeline.ts');
  controller.load({ src: null, data: one, coords: undefined });
  await controller.pending;
  expect(controller.state).toBe('ready');
  expect(controller.features.map((feature) => feature.id)).toEqual(['p1']);
});

/** Serves `body` as the answer to every fetch (the file the element's `src` names). */
function serve(body: unknown): void {
  vi.stubGlobal(
    'fetch',
    async () =>
      new Response(JSON.stringify(body), { headers: { 'content-type': 'application/geo+json' } }),
  );
}

it('a fetched file waits for the map on its way to be made, then is validated', async () => {
  serve(one);
  const { DataController } = await fresh();
  const order: string[] = [];
  let made = (): void => undefined;
  const making = new Promise<void>((resolve) => (made = resolve));
  const loaded = new Promise<void>((resolve) => {
    const controller = new DataController(
      host(),
      () => {
        order.push('validated');
        resolve();
      },
      { wanted: () => false, take: () => undefined, made: () => making },
    );
    controller.load({ src: 'parks.geojson', data: undefined, coords: undefined });
  });
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(order).toEqual([]);
  order.push('made');
  made();
  await loaded;
  expect(order).toEqual(['made', 'validated']);
  vi.unstubAllGlobals();
});

it('a map that is slow to be made holds a fetched file back for mapWait.ms at most', async () => {
  serve(one);
  const { DataController, mapWait } = await fresh();
  mapWait.ms = 40;
  const started = performance.now();
  const features = await new Promise<readonly unknown[]>((resolve) => {
    const controller = new DataController(host(), (loaded) => resolve(loaded.features), {
      wanted: () => false,
      take: () => undefined,
      made: () => new Promise<void>(() => undefined),
    });
    controller.load({ src: 'parks.geojson', data: undefined, coords: undefined });
  });
  expect(performance.now() - started).toBeGreaterThanOrEqual(39);
  expect(features).toHaveLength(1);
  vi.unstubAllGlobals();
});
