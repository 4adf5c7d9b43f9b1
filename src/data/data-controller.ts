// Loads the element's data (from `src` or the `data` property), decodes and validates it, and keeps
// the valid features and the problems found. A newer load cancels an older one.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { decodeParkDataText } from './decode.js';
import type { CoordinateSystem, DataIssue, ParkFeature } from './types.js';
import { validateParkData } from './validate.js';

export type DataState = 'empty' | 'loading' | 'ready' | 'failed';

export interface DataRequest {
  src: string | null | undefined;
  data: unknown;
  coords: CoordinateSystem | undefined;
}

export interface LoadedData {
  features: readonly ParkFeature[];
  errors: readonly DataIssue[];
}

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
  private abort: AbortController | undefined;

  constructor(host: ReactiveControllerHost, onLoaded: (loaded: LoadedData) => void) {
    this.host = host;
    this.onLoaded = onLoaded;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.abort?.abort();
    this.abort = undefined;
  }

  /** Starts loading; `data` wins over `src` when both are set. */
  load(request: DataRequest): void {
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    if (request.data !== undefined && request.data !== null) {
      this.finish(validateParkData(request.data, { coords: request.coords }), [], 'ready');
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
    let response: Response;
    let bytes: ArrayBuffer;
    try {
      response = await fetch(src, { signal });
      bytes = await response.arrayBuffer();
    } catch (error) {
      if (signal.aborted) return;
      this.fail({
        path: 'src',
        code: 'load-failed',
        severity: 'error',
        reason: `Could not load the data from "${src}": ${error instanceof Error ? error.message : String(error)}. Check the address and that the server allows this page to read it (CORS).`,
        params: { src },
      });
      return;
    }
    if (signal.aborted) return;
    if (!response.ok) {
      this.fail({
        path: 'src',
        code: 'http-error',
        severity: 'error',
        reason: `The server answered ${response.status} ${response.statusText} for "${src}": check the address of the data file.`,
        params: { src, status: response.status },
      });
      return;
    }
    const decoded = decodeParkDataText(bytes, {
      contentType: response.headers.get('content-type'),
      url: src,
    });
    if (!decoded.ok) {
      this.fail(decoded.issue, decoded.warnings);
      return;
    }
    this.finish(validateParkData(decoded.json, { coords }), decoded.warnings, 'ready');
  }

  private fail(issue: DataIssue, warnings: readonly DataIssue[] = []): void {
    this.finish({ collection: { features: [] }, errors: [issue] }, warnings, 'failed');
  }

  private finish(
    result: { collection: { features: ParkFeature[] }; errors: DataIssue[] },
    decodeWarnings: readonly DataIssue[],
    state: 'ready' | 'failed',
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
    this.onLoaded({ features: this.features, errors: this.errors });
  }
}
