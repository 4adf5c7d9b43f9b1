// The order a large file takes on its way to a map (load-pipeline.ts, previewWhileValidating): a
// map still loading its style is waited for, the preview goes to it, and validation starts only
// once MapLibre is sending the preview; each wait is bounded, and a newer load stops it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { previewWhileValidating } from '../../src/data/load-pipeline.js';
import type { DataDrawer } from '../../src/state/park-store.js';

const policy = { minFeatures: 2, minVertices: 1e9, minVerticesPerFeature: 1e9 };
const WAIT = 1000;

function plot(id: string, lon: number) {
  const d = 0.001;
  return {
    type: 'Feature',
    id,
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [lon, 26.9],
          [lon + d, 26.9],
          [lon + d, 26.9 + d],
          [lon, 26.9 + d],
          [lon, 26.9],
        ],
      ],
    },
    properties: { kind: 'plot', name: id },
  };
}

const parsed = (count: number) => ({
  ok: true as const,
  json: {
    type: 'FeatureCollection',
    features: Array.from({ length: count }, (_, i) => plot(`p${i}`, 112.6 + i * 0.01)),
  },
  warnings: [],
  coords: undefined,
});

/** A map made and loading its style: `ready()` loads it, `sent()` says its preview is on its way. */
function loadingMap(options: { ready?: boolean } = {}) {
  const log: string[] = [];
  let isReady = options.ready ?? false;
  let ready = (): void => undefined;
  const whenReady = new Promise<void>((resolve) => (ready = resolve));
  let sent = (): void => undefined;
  const drawer: DataDrawer = {
    whenMade: () => undefined,
    whenReady: () => (isReady ? undefined : whenReady),
    takesPreview: () => isReady,
    drawPreview: (features) => {
      log.push(`drawn ${features.length}`);
      return new Promise<void>((resolve) => (sent = resolve));
    },
  };
  return {
    drawer,
    log,
    ready: () => {
      isReady = true;
      log.push('ready');
      ready();
    },
    sent: () => {
      log.push('sent');
      sent();
    },
  };
}

/** Starts the sequence on `map` for a file of `count` plots; `settled()` says whether it is done. */
function start(
  map: ReturnType<typeof loadingMap>,
  count: number,
  signal = new AbortController().signal,
) {
  let done = false;
  const going = previewWhileValidating(map.drawer, parsed(count), signal, policy, WAIT).then(
    (preview) => {
      done = true;
      return preview;
    },
  );
  return { going, settled: () => done };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('a large file drawn while it is validated', () => {
  it('waits for a loading map, draws, and returns once MapLibre sends the preview', async () => {
    const map = loadingMap();
    const { going, settled } = start(map, 3);
    await vi.advanceTimersByTimeAsync(WAIT - 1);
    // Nothing is drawn on a map that is not ready; validation has not started either.
    expect(map.log).toEqual([]);
    expect(settled()).toBe(false);
    map.ready();
    await vi.advanceTimersByTimeAsync(0);
    expect(map.log).toEqual(['ready', 'drawn 3']);
    expect(settled()).toBe(false);
    map.sent();
    await vi.advanceTimersByTimeAsync(1);
    const preview = await going;
    expect(preview?.map((feature) => feature.id)).toEqual(['p0', 'p1', 'p2']);
    expect(map.log).toEqual(['ready', 'drawn 3', 'sent']);
  });

  it('a ready map is drawn on at once', async () => {
    const map = loadingMap({ ready: true });
    const { going } = start(map, 2);
    await vi.advanceTimersByTimeAsync(0);
    expect(map.log).toEqual(['drawn 2']);
    map.sent();
    await vi.advanceTimersByTimeAsync(1);
    expect((await going)?.length).toBe(2);
  });

  it('a map that never gets ready holds the file back for waitMs, then it is validated alone', async () => {
    const map = loadingMap();
    const { going } = start(map, 3);
    await vi.advanceTimersByTimeAsync(WAIT);
    await expect(going).resolves.toBeNull();
    expect(map.log).toEqual([]);
  });

  it('a preview MapLibre never reports sending holds validation for waitMs at most', async () => {
    const map = loadingMap({ ready: true });
    const { going, settled } = start(map, 2);
    await vi.advanceTimersByTimeAsync(WAIT - 1);
    expect(settled()).toBe(false);
    await vi.advanceTimersByTimeAsync(2);
    expect((await going)?.length).toBe(2);
  });

  it('a small file is neither waited for nor drawn first', async () => {
    const map = loadingMap();
    const preview = await start(map, 1).going;
    expect(preview).toBeNull();
    expect(map.log).toEqual([]);
  });

  it('a newer load while the map gets ready: nothing drawn', async () => {
    const map = loadingMap();
    const abort = new AbortController();
    const { going } = start(map, 3, abort.signal);
    abort.abort();
    map.ready();
    await vi.advanceTimersByTimeAsync(0);
    await expect(going).resolves.toBeNull();
    expect(map.log).toEqual(['ready']);
  });
});
