// Loads the element's data (from `src` or the `data` property), decodes and validates it, and keeps
// the valid features and the problems found. A newer load cancels an older one.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { decodeParkDataText } from './decode.js';
import { describeIssue } from './issue-messages.js';
import type { CoordinateSystem, DataIssue, ParkFeature } from './types.js';
import { validateParkData } from './validate.js';

/** An issue with its English reason filled in from the message table. */
function withReason(issue: Omit<DataIssue, 'reason'>): DataIssue {
  const complete: DataIssue = { ...issue, reason: '' };
  complete.reason = describeIssue(complete, 'en');
  return complete;
}

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
  private lastRequest: DataRequest | undefined;
  /** True when leaving the document cut a load short. */
  private interrupted = false;

  constructor(host: ReactiveControllerHost, onLoaded: (loaded: LoadedData) => void) {
    this.host = host;
    this.onLoaded = onLoaded;
    host.addController(this);
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
    this.abort?.abort();
    this.abort = undefined;
  }

  /** Starts loading; `data` wins over `src` when both are set. */
  load(request: DataRequest): void {
    this.lastRequest = request;
    this.interrupted = false;
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
      this.fail(
        withReason({
          path: 'src',
          code: 'load-failed',
          severity: 'error',
          params: { src, error: error instanceof Error ? error.message : String(error) },
        }),
      );
      return;
    }
    if (signal.aborted) return;
    if (!response.ok) {
      this.fail(
        withReason({
          path: 'src',
          code: 'http-error',
          severity: 'error',
          params: { src, status: `${response.status} ${response.statusText}`.trim() },
        }),
      );
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
    // Already parsed: a file holding a JSON string is "not a FeatureCollection", not JSON text.
    this.finish(
      validateParkData(decoded.json, { coords, parsed: true }),
      decoded.warnings,
      'ready',
    );
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
