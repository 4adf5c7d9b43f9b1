// Loads the element's data (from `src` or the `data` property, or from vector tiles as the map
// reads them), decodes and validates it, and writes the valid features and the problems found to
// the store. A newer load cancels an older one. The decoding and validation code is the data chunk,
// fetched beside MapLibre: loads that come before it wait for it.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { dataChunk, type DataChunk } from '../chunks/loaders.js';
import type { Lang } from '../i18n/lang.js';
import type { ParkStore } from '../state/park-store.js';
import type { IssueGroup } from './issue-groups.js';
import type { MappingRequest } from './load-pipeline.js';
import type { CoordinateSystem, DataIssue, ParkFeature } from './types.js';

/** An issue's message in `lang` (its English `reason` until the messages are loaded). */
export function describeLoadedIssue(issue: DataIssue, lang: Lang): string {
  const code = dataChunk.loaded;
  return code ? code.describeIssue(issue, lang) : issue.reason;
}

/**
 * A group of issues in one sentence in `lang` (its first issue's English reason until the messages
 * are loaded). `countShown`: the caller shows the count beside it, so the sentence need not.
 */
export function describeLoadedGroup(group: IssueGroup, lang: Lang, countShown = false): string {
  const code = dataChunk.loaded;
  return code
    ? code.describeIssueGroup(group, lang, { countShown })
    : (group.examples[0]?.reason ?? group.code);
}

/** True when a group's sentence says how many it holds ("339 features have…"). */
export function loadedGroupSaysCount(group: IssueGroup): boolean {
  return dataChunk.loaded?.groupSaysCount(group) ?? false;
}

export interface DataRequest {
  src: string | null | undefined;
  data: unknown;
  coords: CoordinateSystem | undefined;
  /** Which of the source's fields are ours: the element's `fields` property and attributes. */
  mapping?: MappingRequest;
  /** The EPSG code the page says the data is in (`coords="EPSG:4547"`), reprojected at load. */
  epsg?: number | undefined;
}

export type { MappingRequest } from './load-pipeline.js';

/**
 * How long a fetched file waits at most for a map on its way to be made before it is decoded and
 * validated (`ms`), and a file large enough for a preview for that map to be ready (`readyMs`, see
 * fetchAndValidate). Mutable for tests and the benchmark.
 */
export const mapWait = { ms: 300, readyMs: 1000 };

/**
 * When a file is drawn before it is validated: from `minFeatures` features, or from `minVertices`
 * vertices in features of `minVerticesPerFeature` vertices on average (detailed land parcels).
 * Below, the preview and its comparison cost more than running validation beside the worker saves:
 * measured on two cores, first render ×1.16–1.19 instead of ×0.98–1.06 at 10 000 buildings,
 * ×1.04 against ×0.98 at 30 000, ×1.00–1.02 instead of ×1.09–1.13 at 100 000 (bench/README.md).
 * Its cost goes by feature, what it saves by vertex (MapLibre's worker tiles them while this
 * thread validates), so 200 parcels of 750 vertices gain from it where 10 000 buildings of 11 do
 * not. Mutable for tests.
 */
export const previewPolicy = {
  minFeatures: 50_000,
  minVertices: 100_000,
  minVerticesPerFeature: 100,
};

/** Parents may sit in tiles not loaded yet: with tiles, a missing parent is no problem. */
const TILE_PARENT_CODES = new Set(['parent-not-found', 'parent-left-out']);

export class DataController implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private readonly store: ParkStore;
  private abort: AbortController | undefined;
  private lastRequest: DataRequest | undefined;
  /** The data comes from vector tiles (expectTiles), not from a file or the `data` property. */
  private tiles = false;
  /** True when leaving the document cut a load short. */
  private interrupted = false;
  /** Counts loads, so that work waiting for the data chunk is dropped once a newer load started. */
  private generation = 0;
  /** Settles when the work waiting for the data chunk has run (see the element's updateComplete). */
  pending: Promise<void> | undefined;
  /** Vector tiles: problems already reported (a problem is reported once, whichever load found it). */
  private reportedIssues = new Set<string>();
  /** Vector tiles: the pending check of the loaded features' geometry (see checkTileGeometry). */
  private geometryCheck: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost, store: ParkStore) {
    this.host = host;
    this.store = store;
    host.addController(this);
    // Fetched beside MapLibre; a failure is reported by the load that needs it.
    dataChunk.load().catch(() => undefined);
  }

  hostConnected(): void {
    // A load cut short by leaving the document (e.g. the element was moved) starts again.
    if (this.interrupted && this.lastRequest) {
      this.interrupted = false;
      this.load(this.lastRequest);
    }
  }

  hostDisconnected(): void {
    this.interrupted = this.store.state === 'loading';
    this.generation++;
    this.abort?.abort();
    this.abort = undefined;
    this.cancelGeometryCheck();
  }

  /** Vector tiles: the features come from the map as it loads tiles (see setTileFeatures). */
  expectTiles(): void {
    this.generation++;
    this.cancelGeometryCheck();
    this.lastRequest = undefined;
    this.interrupted = false;
    this.abort?.abort();
    this.abort = undefined;
    this.reportedIssues = new Set();
    this.tiles = true;
    this.store.setData('loading', [], [], { refresh: false, reported: [], tiles: true });
  }

  /**
   * Vector tiles: the features of the tiles loaded now, validated like a file (a problem is
   * reported once). The selected feature stays even when its tiles are gone. Their properties are
   * checked now; their geometry, converted from the tiles only when read, is checked in a later
   * task (checkTileGeometry), after the features are announced.
   */
  setTileFeatures(raw: readonly unknown[]): void {
    this.withDataChunk((code) => this.takeTileFeatures(code, raw));
  }

  private takeTileFeatures(code: DataChunk, raw: readonly unknown[]): void {
    const store = this.store;
    const refresh = store.state === 'ready';
    const result = code.validateParkData(
      { type: 'FeatureCollection', features: raw },
      { parsed: true, deferGeometry: true },
    );
    const features = result.collection.features;
    const kept = store.selected === null ? undefined : store.byId.get(store.selected);
    if (kept && !features.some((feature) => feature.id === kept.id)) features.push(kept);
    const fresh = this.freshTileIssues(result.errors);
    store.setData('ready', features, [...store.errors, ...fresh], {
      refresh,
      reported: fresh,
      tiles: true,
    });
    this.host.requestUpdate();
    this.geometryCheck ??= setTimeout(() => {
      this.geometryCheck = undefined;
      this.checkTileGeometry();
    }, 0);
  }

  /** The tile issues not reported before (a problem is reported once, whichever load found it). */
  private freshTileIssues(issues: readonly DataIssue[]): DataIssue[] {
    return issues.filter((issue) => {
      if (TILE_PARENT_CODES.has(issue.code)) return false;
      // Paths name positions in this load; the feature and code name the problem.
      const key = `${issue.featureId ?? ''}|${issue.code}|${issue.path.replace(/^features\[\d+\]/, '')}`;
      if (this.reportedIssues.has(key)) return false;
      this.reportedIssues.add(key);
      return true;
    });
  }

  /**
   * Vector tiles: the loaded features' geometry, checked as a file's is, a task after they were
   * announced (off the first render). A problem is reported as a warning and the feature stays: the
   * map draws it, so it must stay clickable and listed; and tiles round coordinates to their grid,
   * which can make a valid outline touch itself (`npx park-map validate` checks the source file).
   */
  private checkTileGeometry(): void {
    const store = this.store;
    const code = dataChunk.loaded;
    if (store.state !== 'ready' || !code) return;
    const issues: DataIssue[] = [];
    for (const feature of store.features) {
      for (const issue of code.deferredGeometryIssues(feature)) {
        issues.push(issue.severity === 'error' ? { ...issue, severity: 'warning' } : issue);
      }
    }
    const fresh = this.freshTileIssues(issues);
    if (fresh.length === 0) return;
    store.setData('ready', [...store.features], [...store.errors, ...fresh], {
      refresh: true,
      reported: fresh,
      tiles: true,
    });
    this.host.requestUpdate();
  }

  private cancelGeometryCheck(): void {
    if (this.geometryCheck !== undefined) clearTimeout(this.geometryCheck);
    this.geometryCheck = undefined;
  }

  /** Vector tiles: the archive could not be read. */
  failTiles(src: string, message: string): void {
    this.withDataChunk((code) =>
      this.fail(
        code.withReason({
          path: 'src',
          code: 'load-failed',
          severity: 'error',
          params: { src, error: message },
        }),
      ),
    );
  }

  /**
   * Runs `step` with the data chunk: at once when it is loaded, else once it is (unless a newer
   * load started meanwhile). Failing to load it fails the data.
   */
  private withDataChunk(step: (code: DataChunk) => void): void {
    const loaded = dataChunk.loaded;
    if (loaded) {
      step(loaded);
      return;
    }
    const generation = this.generation;
    const pending = dataChunk.load().then(
      (code) => {
        if (generation === this.generation) step(code);
      },
      (error: unknown) => {
        if (generation === this.generation) this.failCode(error);
      },
    );
    this.track(pending);
  }

  /** `pending` is `work` until it settles (see the element's updateComplete). */
  private track(work: Promise<void>): void {
    this.pending = work;
    void work.finally(() => {
      if (this.pending === work) this.pending = undefined;
    });
  }

  /** The data chunk could not be loaded (its messages neither: the reason is in English). */
  private failCode(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.fail({
      path: 'src',
      code: 'code-load-failed',
      severity: 'error',
      params: { error: message },
      reason: `Could not load the map's data code (${message}); check the connection and reload the page.`,
    });
  }

  /** Starts loading; `data` wins over `src` when both are set. */
  load(request: DataRequest): void {
    this.cancelGeometryCheck();
    this.generation++;
    this.lastRequest = request;
    this.tiles = false;
    this.interrupted = false;
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    const { data } = request;
    if (data !== undefined && data !== null) {
      if (!dataChunk.loaded) this.setLoading();
      this.withDataChunk((code) => {
        const read = code.readParkData(data, request);
        if (!(read instanceof Promise)) {
          this.settle(read);
          return;
        }
        // A projected file: proj4 is loaded first (its own chunk), then the same validation.
        if (this.store.state !== 'loading') this.setLoading();
        const generation = this.generation;
        const pending = read.then(
          (done) => {
            if (generation === this.generation) this.settle(done);
          },
          (error: unknown) => {
            if (generation === this.generation) this.failCode(error);
          },
        );
        this.track(pending);
      });
      return;
    }
    if (!request.src) {
      this.store.setData('empty', [], [], { refresh: false, reported: [], tiles: false });
      this.host.requestUpdate();
      return;
    }
    this.setLoading();
    void this.fetchAndValidate(request, request.src, abort.signal);
  }

  private setLoading(): void {
    this.store.setLoading();
    this.host.requestUpdate();
  }

  private async fetchAndValidate(
    request: DataRequest,
    src: string,
    signal: AbortSignal,
  ): Promise<void> {
    const codeLoad = dataChunk.load();
    codeLoad.catch(() => undefined); // reported below, after the fetch
    let response: Response | undefined;
    let bytes: ArrayBuffer | undefined;
    let fetchError: unknown;
    try {
      response = await fetch(src, { signal });
      bytes = await response.arrayBuffer();
    } catch (error) {
      fetchError = error;
    }
    if (signal.aborted) return;
    let code: DataChunk;
    try {
      code = await codeLoad;
    } catch (error) {
      if (!signal.aborted) this.failCode(error);
      return;
    }
    if (signal.aborted) return;
    if (!response || !bytes) {
      this.fail(
        code.withReason({
          path: 'src',
          code: 'load-failed',
          severity: 'error',
          params: {
            src,
            error: fetchError instanceof Error ? fetchError.message : String(fetchError),
          },
        }),
      );
      return;
    }
    if (!response.ok) {
      this.fail(
        code.withReason({
          path: 'src',
          code: 'http-error',
          severity: 'error',
          params: { src, status: `${response.status} ${response.statusText}`.trim() },
        }),
      );
      return;
    }
    // Decoding and validating hold this thread. A map on its way is made first (MapLibre run, the
    // map constructed), so that its start-up (worker, style, WebGL) goes on beside them rather than
    // after them; not for longer than mapWait.ms, so that a slow MapLibre does not hold the list.
    const made = this.store.drawer?.whenMade();
    if (made) {
      await Promise.race([made, new Promise((resolve) => setTimeout(resolve, mapWait.ms))]);
      if (signal.aborted) return;
    }
    // GeoJSON is decoded in this task, as always; another format waits for its reader's chunk,
    // a projected file for proj4.
    let parsed: Awaited<ReturnType<DataChunk['parseParkBytes']>>;
    try {
      const reading = code.parseParkBytes(
        bytes,
        src,
        response.headers.get('content-type'),
        request,
      );
      parsed = reading instanceof Promise ? await reading : reading;
    } catch (error) {
      if (!signal.aborted) this.failCode(error);
      return;
    }
    if (signal.aborted) return;
    if (!parsed.ok) {
      this.fail(parsed.issue, parsed.warnings);
      return;
    }
    // A large file is drawn while it is validated, on a ready map (see load-pipeline.ts).
    const drawer = this.store.drawer;
    const preview = drawer
      ? await code.previewWhileValidating(drawer, parsed, signal, previewPolicy, mapWait.readyMs)
      : null;
    if (signal.aborted) return;
    // Already parsed: a file holding a JSON string is "not a FeatureCollection", not JSON text.
    const { features, issues } = code.validateParsed(parsed, request);
    const drawnAs = preview && code.drawsAs(features, preview) ? preview : undefined;
    this.finish(features, issues, drawnAs);
  }

  /** The data property's load, done: shown, or failed with the problem that stopped it. */
  private settle(
    read:
      | { ok: true; features: ParkFeature[]; issues: DataIssue[] }
      | { ok: false; issue: DataIssue; warnings: DataIssue[] },
  ): void {
    if (read.ok) this.finish(read.features, read.issues);
    else this.fail(read.issue, read.warnings);
  }

  private fail(issue: DataIssue, warnings: readonly DataIssue[] = []): void {
    const errors = [...warnings, issue];
    const tiles = this.tiles;
    this.store.setData('failed', [], errors, { refresh: false, reported: errors, tiles });
    this.host.requestUpdate();
  }

  /** A new data set: into the store, every problem reported. */
  private finish(
    features: readonly ParkFeature[],
    errors: readonly DataIssue[],
    drawnAs?: readonly ParkFeature[],
  ): void {
    this.store.setData('ready', features, errors, {
      refresh: false,
      reported: errors,
      tiles: false,
      ...(drawnAs ? { drawnAs } : {}),
    });
    this.host.requestUpdate();
  }
}
