// What every contestant page shares: the `window.__bench` hooks the runner drives, the frame and
// heap probes, and a plain details panel for the contestants that have none of their own.
import type { GeneratedMeta } from '../generate.ts';

export interface LoadResult {
  /** Element inserted / map created → first idle render with the data (ms). */
  loadMs: number;
  /** Navigation start → the same moment (ms): includes fetching and compiling the scripts. */
  sinceNavigationMs: number;
  /** Features drawn (after validation, for <park-map>). */
  features?: number;
  /** Data problems reported (for <park-map>). */
  errors?: number;
  /** When the data file had arrived, ms after insertion (from Resource Timing). */
  dataFetchedMs?: number | null;
  /** When MapLibre's chunk had arrived, ms after insertion (<park-map> loads it lazily). */
  mapLibreFetchedMs?: number | null;
  /** `?banner` (<park-map> only): data set → the issues banner's count in the shadow DOM (ms). */
  bannerMs?: number;
  /** `?banner`: the banner's toggle clicked → its list holding a group's first 50 entries (ms). */
  bannerListMs?: number;
  /** `?banner`: the banner's template alone, expanded, on the same issues (grouped, laid out). */
  bannerTemplateMs?: number;
  /** `?banner`: entries listed under the groups once expanded. */
  listed?: number;
}

export interface FilterResult {
  ms: number | null;
  note?: string;
}

export interface HeapResult {
  /** performance.memory.usedJSHeapSize after gc(): the page's main thread only. */
  mainHeapBytes: number | null;
  /** performance.measureUserAgentSpecificMemory() (workers included), when cross-origin isolated. */
  allHeapBytes: number | null;
}

export interface BenchHooks {
  contestant: string;
  ready: Promise<LoadResult>;
  heap(): Promise<HeapResult>;
  /** The map's box in client pixels (the runner drags inside it). */
  mapRect(): { x: number; y: number; width: number; height: number };
  /** Frames the feature closely and resolves once that view is drawn. */
  focus(id: string, centroid: [number, number]): Promise<void>;
  /** Client position of a point (a feature's centroid). */
  position(lngLat: [number, number]): { x: number; y: number };
  /** Resolves once the view is drawn after a pan (or at once). */
  settle(): Promise<void>;
  filter(): Promise<FilterResult>;
  resetFilter(): Promise<void>;
  /** <park-map> only: sets the as-of `date` and resolves once drawn (ms from the change). */
  date?(): Promise<FilterResult>;
  /** Back to the latest. */
  resetDate?(): Promise<void>;
  startFrames(): void;
  stopFrames(): number[];
  /** Arms a watch for the details panel to show `name`; resolves with ms since the last pointerdown. */
  waitForDetails(name: string): Promise<number>;
  /** <park-map> only: validateParkData() on the same data, timed on its own. */
  validateMs?(): Promise<number>;
  /** <park-map> only: one call of the legend template, timed on its own. */
  legendMs?(): number;
}

declare global {
  interface Window {
    __bench?: BenchHooks;
    __benchError?: string;
    gc?: () => void;
  }
  interface Performance {
    memory?: { usedJSHeapSize: number };
    measureUserAgentSpecificMemory?: () => Promise<{ bytes: number }>;
  }
}

export function benchSize(): number {
  const n = Number(new URL(location.href).searchParams.get('n') ?? '1000');
  if (!Number.isInteger(n) || n <= 0) throw new Error(`bad ?n=${n}`);
  return n;
}

/** `?format=pmtiles`: the data is the PMTiles archive built from the same generator. */
export const tileMode = () => new URL(location.href).searchParams.get('format') === 'pmtiles';

/** The data file's name: `n<N>` (buildings), or a scenario's (`?data=parcels-150k`). */
const dataName = (n: number) => new URL(location.href).searchParams.get('data') ?? `n${n}`;

export const dataUrl = (n: number) =>
  tileMode() ? `/bench/data/n${n}.pmtiles` : `/bench/data/${dataName(n)}.geojson`;

/** Any GeoJSON data file of the benchmark (for Resource Timing). */
export const DATA_FILE = /\/bench\/data\/[\w-]+\.geojson/;

/** What the generator says about the data; `itemKind` is what gets clicked and filtered. */
export type BenchMeta = GeneratedMeta & { itemKind?: 'building' | 'plot' };

export async function loadMeta(n: number): Promise<BenchMeta> {
  const response = await fetch(
    tileMode() ? `/bench/data/n${n}.pmtiles.meta.json` : `/bench/data/${dataName(n)}.meta.json`,
  );
  if (!response.ok) throw new Error(`no meta for n=${n}: run the generator`);
  return (await response.json()) as BenchMeta;
}

/** The map box all contestants get (the same CSS size). */
export const MAP_WIDTH = 1000;
export const MAP_HEIGHT = 650;

export const STATUS_COLOURS: Record<string, string> = {
  planned: '#b0bec5',
  signed: '#9575cd',
  under_construction: '#f57c00',
  topped_out: '#fbc02d',
  fitting_out: '#4fc3f7',
  completed: '#43a047',
  operating: '#1b5e20',
};

/** responseEnd of the first resource whose URL matches, relative to `since`. */
export function fetchedAt(pattern: RegExp, since: number): number | null {
  const entry = performance
    .getEntriesByType('resource')
    .find((candidate) => pattern.test(candidate.name)) as PerformanceResourceTiming | undefined;
  return entry ? entry.responseEnd - since : null;
}

export async function measureHeap(): Promise<HeapResult> {
  // Two collections a task apart: the first may leave finalisers that free more in the second.
  window.gc?.();
  await new Promise((resolve) => setTimeout(resolve, 0));
  window.gc?.();
  const mainHeapBytes = performance.memory?.usedJSHeapSize ?? null;
  let allHeapBytes: number | null = null;
  if (crossOriginIsolated && performance.measureUserAgentSpecificMemory) {
    try {
      allHeapBytes = (await performance.measureUserAgentSpecificMemory()).bytes;
    } catch {
      allHeapBytes = null;
    }
  }
  return { mainHeapBytes, allHeapBytes };
}

let frames: number[] = [];
let frameLoop = 0;

export function startFrames(): void {
  frames = [];
  let last = performance.now();
  const tick = (now: number) => {
    frames.push(now - last);
    last = now;
    frameLoop = requestAnimationFrame(tick);
  };
  frameLoop = requestAnimationFrame((now) => {
    last = now;
    frameLoop = requestAnimationFrame(tick);
  });
}

export function stopFrames(): number[] {
  cancelAnimationFrame(frameLoop);
  return frames;
}

let lastPointerDown = 0;
addEventListener('pointerdown', (event) => (lastPointerDown = event.timeStamp), { capture: true });

/** Watches `root` until `shown()` holds; the time is taken from the pointerdown that caused it. */
export function waitForDetails(root: Node, shown: () => boolean): Promise<number> {
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!shown()) return;
      observer.disconnect();
      resolve(performance.now() - lastPointerDown);
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true });
  });
}

export const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** The details panel a plain MapLibre or Leaflet page would write: name, status, figures, tenants. */
export function showDetails(panel: HTMLElement, properties: Record<string, unknown>): void {
  panel.replaceChildren();
  const title = document.createElement('h2');
  title.textContent = String(properties.name ?? '');
  const list = document.createElement('dl');
  for (const key of ['kind', 'status', 'statusDate', 'floors', 'floorArea', 'investment']) {
    if (properties[key] === undefined) continue;
    const term = document.createElement('dt');
    term.textContent = key;
    const value = document.createElement('dd');
    value.textContent = String(properties[key]);
    list.append(term, value);
  }
  // MapLibre hands nested values back as JSON strings; Leaflet keeps the objects.
  let tenants = properties.tenants;
  if (typeof tenants === 'string') tenants = JSON.parse(tenants) as unknown;
  const tenantList = document.createElement('ul');
  for (const tenant of Array.isArray(tenants) ? (tenants as { name: string }[]) : []) {
    const item = document.createElement('li');
    item.textContent = tenant.name;
    tenantList.append(item);
  }
  panel.append(title, list, tenantList);
}

export function detailsPanel(): HTMLElement {
  const panel = document.createElement('div');
  panel.className = 'details';
  Object.assign(panel.style, {
    position: 'absolute',
    top: '8px',
    left: '8px',
    zIndex: '1000',
    maxWidth: '280px',
    background: 'white',
    padding: '4px 8px',
    font: '13px sans-serif',
  });
  return panel;
}

/** Reports a failure the runner can read instead of waiting forever. */
export function reportFailure(error: unknown): never {
  window.__benchError = String(error instanceof Error ? (error.stack ?? error.message) : error);
  throw error;
}
