// The data controller loads its data chunk (decoding, validation, messages) apart from the element
// and writes what it loads to the store: what it does while that code is on its way, when a newer
// load overtakes it, when it cannot be loaded, and how long a fetched file waits for a map on its
// way. Each test imports fresh copies, so the code starts unloaded.
import { readFileSync } from 'node:fs';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { DataDrawer, ParkStore } from '../../src/state/park-store.ts';
import { validateParkData } from '../../src/data/validate/index.js';

type Module = typeof import('../../src/data/data-controller.ts');
type StoreModule = typeof import('../../src/state/park-store.ts');

const CHUNK = '../../src/chunks/data-chunk.ts';

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

interface Fresh extends Module {
  store: ParkStore;
  /** Ids of each data set written to the store, in order (loading and clearing left out). */
  loads: string[][];
}

/** Fresh copies of the controller, the chunk loaders and the store, and what the store was told. */
async function fresh(): Promise<Fresh> {
  vi.resetModules();
  const module = await import('../../src/data/data-controller.ts');
  const { ParkStore } = (await import('../../src/state/park-store.ts')) as StoreModule;
  const store = new ParkStore();
  const loads: string[][] = [];
  store.subscribe((change) => {
    if (change.type === 'data' && store.state !== 'loading') {
      loads.push(store.features.map((feature) => feature.id));
    }
  });
  return { ...module, store, loads };
}

beforeEach(() => vi.resetModules());
afterEach(() => {
  vi.doUnmock(CHUNK);
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

it('data given before the code arrived waits for it ("loading"), then is validated as validateParkData does', async () => {
  const { DataController, store, loads } = await fresh();
  const controller = new DataController(host(), store);
  controller.load({ src: null, data: parks, coords: undefined });
  expect(store.state).toBe('loading');
  expect(loads).toEqual([]);
  expect(controller.pending).toBeInstanceOf(Promise);
  await controller.pending;
  expect(store.state).toBe('ready');
  expect(loads).toHaveLength(1);
  const expected = validateParkData(parks);
  expect(store.features).toEqual(expected.collection.features);
  expect(store.errors).toEqual(expected.errors);
  expect(store.byId.get('hy-zone')).toBe(
    store.features.find((feature) => feature.id === 'hy-zone'),
  );
  expect(controller.pending).toBeUndefined();
  // Loaded now: the next load is validated at once, in the same call.
  controller.load({ src: null, data: one, coords: undefined });
  expect(store.state).toBe('ready');
  expect(store.features.map((feature) => feature.id)).toEqual(['p1']);
  expect(loads).toHaveLength(2);
});

it('a newer load made while the code was on its way is the only one reported', async () => {
  const { DataController, store, loads } = await fresh();
  const controller = new DataController(host(), store);
  controller.load({ src: null, data: parks, coords: undefined });
  controller.load({ src: null, data: one, coords: undefined });
  await controller.pending;
  expect(loads).toEqual([['p1']]);
});

it('leaving the document drops the waiting load; coming back loads it again', async () => {
  const { DataController, store, loads } = await fresh();
  const controller = new DataController(host(), store);
  controller.load({ src: null, data: one, coords: undefined });
  const waiting = controller.pending;
  controller.hostDisconnected();
  await waiting;
  expect(loads).toEqual([]);
  controller.hostConnected();
  await controller.pending;
  expect(loads).toEqual([['p1']]);
  expect(store.state).toBe('ready');
});

it('code that cannot be loaded fails the data with a message naming it, and the next load tries again', async () => {
  vi.doMock(CHUNK, () => {
    throw new Error('chunk gone');
  });
  const { DataController, describeLoadedIssue, store, loads } = await fresh();
  const controller = new DataController(host(), store);
  controller.load({ src: null, data: one, coords: undefined });
  await controller.pending;
  expect(store.state).toBe('failed');
  expect(store.features).toEqual([]);
  const [issue] = store.errors;
  expect(issue).toMatchObject({ path: 'src', code: 'code-load-failed', severity: 'error' });
  // (Vitest words the import's error itself.)
  expect(issue?.reason).toMatch(/^Could not load the map's data code \(.+\); check the connection/);
  // The messages are in that code: until it loads, the English reason stands in every language.
  if (issue) expect(describeLoadedIssue(issue, 'zh-CN')).toBe(issue.reason);
  expect(loads).toHaveLength(1);

  vi.doUnmock(CHUNK);
  controller.load({ src: null, data: one, coords: undefined });
  await controller.pending;
  expect(store.state).toBe('ready');
  expect(loads.at(-1)).toEqual(['p1']);
});

/** Serves `body` as the answer to every fetch (the file the element's `src` names). */
function serve(body: unknown): void {
  vi.stubGlobal(
    'fetch',
    async () =>
      new Response(JSON.stringify(body), { headers: { 'content-type': 'application/geo+json' } }),
  );
}

/** A map on its way: `whenMade` says when the loader starts waiting for it. */
function drawerOnItsWay(made: Promise<void>): DataDrawer & { asked: Promise<void> } {
  let asked = (): void => undefined;
  return {
    asked: new Promise<void>((resolve) => (asked = resolve)),
    whenMade: () => {
      asked();
      return made;
    },
    whenReady: () => undefined,
    takesPreview: () => false,
    drawPreview: () => Promise.resolve(),
  };
}

it('a fetched file waits for the map on its way to be made, then is validated', async () => {
  serve(one);
  const { DataController, store, loads, mapWait } = await fresh();
  let made = (): void => undefined;
  const drawer = drawerOnItsWay(new Promise<void>((resolve) => (made = resolve)));
  store.drawer = drawer;
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  new DataController(host(), store).load({
    src: 'parks.geojson',
    data: undefined,
    coords: undefined,
  });
  await drawer.asked;
  // Fetched and its code loaded: it waits, short of the time limit, for the map.
  await vi.advanceTimersByTimeAsync(mapWait.ms - 1);
  expect(loads).toEqual([]);
  expect(store.state).toBe('loading');
  made();
  await vi.waitFor(() => expect(loads).toEqual([['p1']]));
});

it('a map that is slow to be made holds a fetched file back for mapWait.ms at most', async () => {
  serve(one);
  const { DataController, store, loads, mapWait } = await fresh();
  const drawer = drawerOnItsWay(new Promise<void>(() => undefined));
  store.drawer = drawer;
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  new DataController(host(), store).load({
    src: 'parks.geojson',
    data: undefined,
    coords: undefined,
  });
  await drawer.asked;
  await vi.advanceTimersByTimeAsync(mapWait.ms - 1);
  expect(loads).toEqual([]);
  await vi.advanceTimersByTimeAsync(1);
  await vi.waitFor(() => expect(loads).toEqual([['p1']]));
});
