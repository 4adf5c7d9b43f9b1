// <park-map> at scale in real Chromium: 100 mount/remove cycles leak no WebGL context, window or
// document listener, observer or (beyond a bound) heap; 20 instances on one page all draw.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import type { ParkMap } from '../../src/park-map.js';
import { MINI_URL, mount, renderedIds } from './helpers.js';

const MB = 1024 * 1024;
const ALL_MINI = ['t-building-a', 't-building-b', 't-park', 't-zone'];

/**
 * Counts what outlives an element: WebGL contexts not lost, listeners on window, document and media
 * queries, and elements still watched by a ResizeObserver. Installed before the elements are made.
 */
interface Tracker {
  liveContexts: () => number;
  contextsOf: (canvas: HTMLCanvasElement) => (WebGLRenderingContext | WebGL2RenderingContext)[];
  globalListeners: () => string[];
  observedElements: () => number;
  restore: () => void;
}

function track(): Tracker {
  const contexts: { canvas: HTMLCanvasElement; gl: WebGLRenderingContext }[] = [];
  const getContext = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (
    this: HTMLCanvasElement,
    type: string,
    ...rest: unknown[]
  ) {
    const context = (getContext as (...args: unknown[]) => RenderingContext | null).call(
      this,
      type,
      ...rest,
    );
    if (
      type.startsWith('webgl') &&
      context &&
      !contexts.some((entry) => entry.gl === (context as unknown))
    ) {
      contexts.push({ canvas: this, gl: context as WebGLRenderingContext });
    }
    return context;
  } as typeof getContext;

  // Listeners added without `once` or `signal` (those leave by themselves) on global targets.
  const listeners: { target: EventTarget; type: string; listener: unknown; capture: boolean }[] =
    [];
  const isGlobal = (target: EventTarget) =>
    target === window || target === document || target instanceof MediaQueryList;
  const captureOf = (options: unknown) =>
    typeof options === 'boolean' ? options : Boolean((options as { capture?: boolean })?.capture);
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  EventTarget.prototype.addEventListener = function (
    this: EventTarget,
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ) {
    const once = typeof options === 'object' && (options.once || options.signal);
    const capture = captureOf(options);
    if (
      listener &&
      !once &&
      isGlobal(this) &&
      !listeners.some(
        (entry) =>
          entry.target === this &&
          entry.type === type &&
          entry.listener === listener &&
          entry.capture === capture,
      )
    ) {
      listeners.push({ target: this, type, listener, capture });
    }
    return add.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (
    this: EventTarget,
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | EventListenerOptions,
  ) {
    const capture = captureOf(options);
    const index = listeners.findIndex(
      (entry) =>
        entry.target === this &&
        entry.type === type &&
        entry.listener === listener &&
        entry.capture === capture,
    );
    if (index >= 0) listeners.splice(index, 1);
    return remove.call(this, type, listener, options);
  };

  const observed = new Set<{ targets: Set<Element> }>();
  const NativeResizeObserver = window.ResizeObserver;
  class TrackedResizeObserver extends NativeResizeObserver {
    private readonly record = { targets: new Set<Element>() };
    override observe(target: Element, options?: ResizeObserverOptions): void {
      this.record.targets.add(target);
      observed.add(this.record);
      super.observe(target, options);
    }
    override unobserve(target: Element): void {
      this.record.targets.delete(target);
      super.unobserve(target);
    }
    override disconnect(): void {
      this.record.targets.clear();
      observed.delete(this.record);
      super.disconnect();
    }
  }
  window.ResizeObserver = TrackedResizeObserver;

  return {
    liveContexts: () => contexts.filter((entry) => !entry.gl.isContextLost()).length,
    contextsOf: (canvas) =>
      contexts.filter((entry) => entry.canvas === canvas).map((entry) => entry.gl),
    globalListeners: () =>
      listeners.map(
        (entry) =>
          `${entry.target === window ? 'window' : entry.target === document ? 'document' : 'media'}:${entry.type}`,
      ),
    observedElements: () => [...observed].reduce((sum, record) => sum + record.targets.size, 0),
    restore: () => {
      HTMLCanvasElement.prototype.getContext = getContext;
      EventTarget.prototype.addEventListener = add;
      EventTarget.prototype.removeEventListener = remove;
      window.ResizeObserver = NativeResizeObserver;
    },
  };
}

let tracker: Tracker | undefined;

beforeEach(async () => {
  await commands.startPageLog();
});

afterEach(async () => {
  tracker?.restore();
  tracker = undefined;
  document.body.replaceChildren();
  const log = await commands.takePageLog();
  // Includes Chromium's "Too many active WebGL contexts. Oldest context will be lost." warning.
  expect(log.consoleErrors).toEqual([]);
});

/** Waits for a promise, but gives up with `undefined` after `ms` rather than the test timeout. */
function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

it('100 mount/remove cycles leave no WebGL context, global listener, observer or element behind; heap bounded', async () => {
  tracker = track();
  const gone: { element: WeakRef<ParkMap>; map: WeakRef<object> }[] = [];
  const cycle = async (keepTrack: boolean) => {
    const { element } = await mount({ src: MINI_URL });
    expect(renderedIds(element)).toEqual(ALL_MINI);
    const map = element.map!;
    element.remove();
    expect(element.map).toBeUndefined();
    if (keepTrack) gone.push({ element: new WeakRef(element), map: new WeakRef(map) });
  };
  // The first cycles load MapLibre, its worker and the fixture and warm caches: measure from 10.
  for (let index = 0; index < 10; index++) await cycle(false);
  const listenersBefore = tracker.globalListeners().sort();
  const heapBefore = await commands.heapUsedBytes();
  for (let index = 10; index < 100; index++) await cycle(true);
  const heapAfter = await commands.heapUsedBytes();
  const growth = heapAfter - heapBefore;
  // After a full GC (in heapUsedBytes), removed elements and their maps must be collectable.
  const keptElements = gone.filter((entry) => entry.element.deref() !== undefined).length;
  const keptMaps = gone.filter((entry) => entry.map.deref() !== undefined).length;
  console.info(
    `[lifecycle-scale] heap after 10 cycles ${(heapBefore / MB).toFixed(2)} MB, after 100 ` +
      `${(heapAfter / MB).toFixed(2)} MB: growth ${(growth / MB).toFixed(2)} MB ` +
      `(${(growth / 90 / 1024).toFixed(1)} KB per cycle); removed elements still in memory ` +
      `${keptElements} of 90, maps ${keptMaps} of 90; global listeners ${listenersBefore.length} → ` +
      `${tracker.globalListeners().length}`,
  );

  expect(tracker.liveContexts()).toBe(0);
  expect(tracker.observedElements()).toBe(0);
  expect(tracker.globalListeners().sort()).toEqual(listenersBefore);
  // The last one or two may still be referenced from a pending task or a DevTools handle.
  expect(keptElements).toBeLessThanOrEqual(2);
  expect(keptMaps).toBeLessThanOrEqual(2);
  // Measured: ~1.1 MB over cycles 10→100, flattening out (0.45, 0.16, 0.16, 0.12, 0.10 MB per 20
  // cycles): V8's compiled code and MapLibre's page-wide caches, not a per-cycle leak (the weak
  // references above show none). 4 MB leaves room for GC noise yet catches ~45 KB kept per cycle.
  expect(growth).toBeLessThan(4 * MB);
}, 90_000);

// A page keeps about 16 WebGL contexts. Each element makes its map only near the viewport and frees
// it when it scrolls far away (nothing drawn on it), so a long page of maps never runs out. (More
// than ~16 maps in view at once is beyond Chromium itself.)
it('20 instances down a page: each draws when scrolled to, and contexts never run out', async () => {
  tracker = track();
  const elements: ParkMap[] = [];
  const announced = elements.map(() => 0);
  for (let index = 0; index < 20; index++) {
    const element = document.createElement('park-map');
    element.style.setProperty('--park-map-height', '300px');
    element.style.width = '300px';
    element.style.marginBottom = '400px';
    element.setAttribute('no-list', '');
    element.setAttribute('src', MINI_URL);
    elements.push(element);
    announced.push(0);
    element.addEventListener(
      'park-map-load',
      () => (announced[index] = (announced[index] ?? 0) + 1),
    );
    document.body.append(element);
  }
  let mostAlive = 0;
  for (const element of elements) {
    const drawn = new Promise((resolve) => {
      const onLoad = () => {
        if (element.map) {
          element.removeEventListener('park-map-load', onLoad);
          resolve(undefined);
        }
      };
      element.addEventListener('park-map-load', onLoad);
    });
    element.scrollIntoView({ block: 'center' });
    if (!element.map) await within(drawn, 10_000);
    await new Promise((resolve) => {
      element.map!.once('idle', resolve);
      element.map!.triggerRepaint();
    });
    expect(renderedIds(element)).toEqual(ALL_MINI);
    mostAlive = Math.max(mostAlive, tracker.liveContexts());
  }
  // Every element announced its data (at least once: when loaded, and again when drawn).
  expect(announced.every((count) => count >= 1)).toBe(true);
  expect(mostAlive).toBeLessThanOrEqual(8);
  const log = await commands.takePageLog();
  await commands.startPageLog();
  expect(log.consoleErrors).toEqual([]);
}, 90_000);
