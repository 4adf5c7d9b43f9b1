// Loads the element's data (from `src` or the `data` property), decodes and validates it, and keeps
// the valid features and the problems found. A newer load cancels an older one.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Lang } from '../i18n/lang.js';
import type { CoordinateSystem, DataIssue, ParkFeature } from './types.js';

type Pipeline = typeof import('./pipeline.js');

let pipeline: Pipeline | undefined;
let pipelineLoad: Promise<Pipeline> | undefined;

/**
 * Loads the data path (decoding, validation, messages) once per page. The first element starts it
 * when made, so it arrives while MapLibre's much larger chunk does; a failed load is tried again by
 * the next data load.
 */
export function loadPipeline(): Promise<Pipeline> {
  pipelineLoad ??= import('./pipeline.js').then(
    (module) => (pipeline = module),
    (error: unknown) => {
      pipelineLoad = undefined;
      throw error;
    },
  );
  return pipelineLoad;
}

/** The code loadPipeline loads, once it has. */
export function loadedPipeline(): Pipeline | undefined {
  return pipeline;
}

/** An issue's message in `lang` (its English `reason` until the messages are loaded). */
export function describeLoadedIssue(issue: DataIssue, lang: Lang): string {
  return pipeline ? pipeline.describeIssue(issue, lang) : issue.reason;
}

export type DataState = 'empty' | 'loading' | 'ready' | 'failed';

export interface DataRequest {
  src: string | null | undefined;
  data: unknown;
  coords: CoordinateSystem | undefined;
}

export interface LoadedData {
  features: readonly ParkFeature[];
  /** The problems found in this load (vector tiles: only those not reported before). */
  errors: readonly DataIssue[];
  /** Vector tiles: new tiles loaded after the first ones (not a new data set). */
  refresh?: boolean;
  /** A preview handed to the map before validation that draws exactly as `features`. */
  drawnAs?: readonly ParkFeature[];
}

/**
 * The map the data goes to: whether one is being made, and where a file's preview goes while it is
 * validated (see preview.ts).
 */
export interface MapTarget {
  /** True when a preview handed over now is drawn at once (a ready map). */
  wanted(): boolean;
  take(features: readonly ParkFeature[]): void;
  /** Settles once the map on its way is made; undefined when none is on its way. */
  made(): Promise<void> | undefined;
}

/**
 * How long a fetched file waits at most for a map on its way to be made before it is decoded and
 * validated (see fetchAndValidate). Mutable for tests and the benchmark.
 */
export const mapWait = { ms: 300 };

/**
 * From how many features a file is drawn before it is validated. Below, the preview and its
 * comparison cost more than running validation beside the worker saves: measured on two cores,
 * first render ×1.16–1.19 instead of ×0.98–1.06 at 10 000 features, ×1.04 against ×0.98 at
 * 30 000, ×1.00–1.02 instead of ×1.09–1.13 at 100 000 (bench/README.md). Mutable for tests.
 */
export const previewPolicy = { minFeatures: 50_000 };

/** How many features a parsed file lists (0 when it is no collection). */
function featureCount(json: unknown): number {
  const features = (json as { features?: unknown } | null)?.features;
  return Array.isArray(features) ? features.length : 0;
}

/** Parents may sit in tiles not loaded yet: with tiles, a missing parent is no problem. */
const TILE_PARENT_CODES = new Set(['parent-not-found', 'parent-left-out']);

export class DataController implements ReactiveController {
  state: DataState = 'empty';
  features: readonly ParkFeature[] = [];
  errors: readonly DataIssue[] = [];
  /** Features by id, for the details panel and measurements (never MapLibre's query results). */
  byId: ReadonlyMap<string, ParkFeature> = new Map();
  /** Features by the id of their parent, in data order. */
  childrenOf: ReadonlyMap<string, readonly ParkFeature[]> = new Map();

  private readonly host: ReactiveControllerHost;
  private readonly onLoaded: (loaded: LoadedData) => void;
  private readonly mapTarget: MapTarget | undefined;
  private abort: AbortController | undefined;
  private lastRequest: DataRequest | undefined;
  /** True when leaving the document cut a load short. */
  private interrupted = false;
  /** Counts loads, so that work waiting for the data path is dropped once a newer load started. */
  private generation = 0;
  /** Settles when the work waiting for the data path has run (see the element's updateComplete). */
  pending: Promise<void> | undefined;

  constructor(
    host: ReactiveControllerHost,
    onLoaded: (loaded: LoadedData) => void,
    mapTarget?: MapTarget,
  ) {
    this.host = host;
    this.onLoaded = onLoaded;
    this.mapTarget = mapTarget;
    host.addController(this);
    // Fetched beside MapLibre; a failure is reported by the load that needs it.
    loadPipeline().catch(() => undefined);
  }

  hostConnected(): void {
    // A load cut short by leaving the document (e.g. the element was moved) starts again.
    if (this.interrupted && this.lastRequest) {
      this.interrupted = false;
      this.load(this.lastRequest);
    }
  }

  hostDisconnected(): void {
    this.interrupted = this.state === 'loading';
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
    this.state = 'loading';
    this.features = [];
    this.errors = [];
    this.byId = new Map();
    this.childrenOf = new Map();
    this.reportedIssues = new Set();
    this.host.requestUpdate();
  }

  private reportedIssues = new Set<string>();
  /** Vector tiles: the pending check of the loaded features' geometry (see checkTileGeometry). */
  private geometryCheck: ReturnType<typeof setTimeout> | undefined;

  /**
   * Vector tiles: the features of the tiles loaded now, validated like a file (a problem is
   * reported once). Features named in `keep` stay even when their tiles are gone (the selection).
   * Their properties are checked now; their geometry, converted from the tiles only when read, is
   * checked in a later task (checkTileGeometry), after the features are announced.
   */
  setTileFeatures(raw: readonly unknown[], keep: readonly string[] = []): void {
    this.withPipeline((code) => this.takeTileFeatures(code, raw, keep));
  }

  private takeTileFeatures(code: Pipeline, raw: readonly unknown[], keep: readonly string[]): void {
    const refresh = this.state === 'ready';
    const result = code.validateParkData(
      { type: 'FeatureCollection', features: raw },
      { parsed: true, deferGeometry: true },
    );
    const features = result.collection.features;
    const present = new Set(features.map((feature) => feature.id));
    for (const id of keep) {
      const kept = this.byId.get(id);
      if (kept && !present.has(id)) features.push(kept);
    }
    const fresh = this.freshTileIssues(result.errors);
    const errors = [...this.errors, ...fresh];
    this.finish({ collection: { features }, errors: [] }, errors, 'ready', fresh, refresh);
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
    if (this.state !== 'ready' || !pipeline) return;
    const issues: DataIssue[] = [];
    for (const feature of this.features) {
      for (const issue of pipeline.deferredGeometryIssues(feature)) {
        issues.push(issue.severity === 'error' ? { ...issue, severity: 'warning' } : issue);
      }
    }
    const fresh = this.freshTileIssues(issues);
    if (fresh.length === 0) return;
    const errors = [...this.errors, ...fresh];
    this.finish(
      { collection: { features: [...this.features] }, errors: [] },
      errors,
      'ready',
      fresh,
      true,
    );
  }

  private cancelGeometryCheck(): void {
    if (this.geometryCheck !== undefined) clearTimeout(this.geometryCheck);
    this.geometryCheck = undefined;
  }

  /** Vector tiles: the archive could not be read. */
  failTiles(src: string, message: string): void {
    this.withPipeline((code) =>
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
   * Runs `step` with the data path: at once when it is loaded, else once it is (unless a newer load
   * started meanwhile). Failing to load it fails the data.
   */
  private withPipeline(step: (code: Pipeline) => void): void {
    if (pipeline) {
      step(pipeline);
      return;
    }
    const generation = this.generation;
    const pending = loadPipeline().then(
      (code) => {
        if (generation === this.generation) step(code);
      },
      (error: unknown) => {
        if (generation === this.generation) this.failCode(error);
      },
    );
    this.pending = pending;
    void pending.finally(() => {
      if (this.pending === pending) this.pending = undefined;
    });
  }

  /** The data path could not be loaded (its messages neither: the reason is in English). */
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
    this.interrupted = false;
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    const { data } = request;
    if (data !== undefined && data !== null) {
      if (!pipeline) {
        this.state = 'loading';
        this.host.requestUpdate();
      }
      this.withPipeline((code) =>
        this.finish(code.validateParkData(data, { coords: request.coords }), [], 'ready'),
      );
      return;
    }
    if (!request.src) {
      this.state = 'empty';
      this.features = [];
      this.errors = [];
      this.byId = new Map();
      this.childrenOf = new Map();
      this.host.requestUpdate();
      return;
    }
    this.state = 'loading';
    this.host.requestUpdate();
    void this.fetchAndValidate(request.src, request.coords, abort.signal);
  }

  private async fetchAndValidate(
    src: string,
    coords: CoordinateSystem | undefined,
    signal: AbortSignal,
  ): Promise<void> {
    const codeLoad = loadPipeline();
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
    let code: Pipeline;
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
    const made = this.mapTarget?.made();
    if (made) {
      await Promise.race([made, new Promise((resolve) => setTimeout(resolve, mapWait.ms))]);
      if (signal.aborted) return;
    }
    const decoded = code.decodeParkDataText(bytes, {
      contentType: response.headers.get('content-type'),
      url: src,
    });
    if (!decoded.ok) {
      this.fail(decoded.issue, decoded.warnings);
      return;
    }
    // A ready map draws what plainly draws at once: its worker tiles that while this thread
    // validates (on two cores, side by side instead of one after the other).
    let preview: ParkFeature[] | null = null;
    const target = this.mapTarget;
    if (target?.wanted() && featureCount(decoded.json) >= previewPolicy.minFeatures) {
      preview = code.previewFeatures(decoded.json, coords);
      if (preview && preview.length > 0) {
        target.take(preview);
        // Let MapLibre post the data to its worker before validation holds this thread.
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (signal.aborted) return;
      } else preview = null;
    }
    // Already parsed: a file holding a JSON string is "not a FeatureCollection", not JSON text.
    const result = code.validateParkData(decoded.json, { coords, parsed: true });
    const drawnAs =
      preview && code.drawsAs(result.collection.features, preview) ? preview : undefined;
    this.finish(result, decoded.warnings, 'ready', undefined, false, drawnAs);
  }

  private fail(issue: DataIssue, warnings: readonly DataIssue[] = []): void {
    this.finish({ collection: { features: [] }, errors: [issue] }, warnings, 'failed');
  }

  private finish(
    result: { collection: { features: ParkFeature[] }; errors: DataIssue[] },
    decodeWarnings: readonly DataIssue[],
    state: 'ready' | 'failed',
    reported?: readonly DataIssue[],
    refresh = false,
    drawnAs?: readonly ParkFeature[],
  ): void {
    this.state = state;
    this.features = result.collection.features;
    this.errors = [...decodeWarnings, ...result.errors];
    this.byId = new Map(this.features.map((feature) => [feature.id, feature]));
    const childrenOf = new Map<string, ParkFeature[]>();
    for (const feature of this.features) {
      const parent = feature.properties.parent;
      if (parent === undefined) continue;
      const siblings = childrenOf.get(parent);
      if (siblings) siblings.push(feature);
      else childrenOf.set(parent, [feature]);
    }
    this.childrenOf = childrenOf;
    this.host.requestUpdate();
    this.onLoaded({
      features: this.features,
      errors: reported ?? this.errors,
      refresh,
      ...(drawnAs ? { drawnAs } : {}),
    });
  }
}
