// With `hash` set, the page URL keeps the view, selection, filters, search, view mode and tool:
// read at start and on Back/Forward, written as they change, whoever changed them (the user, or the
// page's code through `select()` or `selected`); the camera while it moves (hash-writer.ts).
// Selections push a history entry (so Back/Forward step through them); everything else replaces
// the current one. Other apps' hash parameters are kept. The URL code (url-state.ts,
// hash-writer.ts: the URL chunk) loads only for an element with `hash`.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { urlChunk, type UrlChunk } from '../chunks/loaders.js';
import { ParkMapErrorEvent } from '../events/park-map-error-event.js';
import type { MapController } from '../map/map-controller.js';
import type { Tool } from '../measure/tool.js';
import type { ParkStore } from '../state/park-store.js';
import type { ExploreController } from './explore-controller.js';
import { EMPTY_FILTER } from './filter-state.js';
import type { HashWriter } from './hash-writer.js';
import type { ViewState } from './url-state.js';

/** What the element offers: the attributes the URL keeps. */
export interface HashHost extends ReactiveControllerHost, HTMLElement {
  hash: boolean;
  selected: string | null;
  view: '2d' | '3d';
  tool: Tool;
  date: string | null;
}

export interface HashSources {
  store: ParkStore;
  explore: ExploreController;
  map: MapController;
}

export class HashController implements ReactiveController {
  private readonly host: HashHost;
  private readonly sources: HashSources;
  private listening = false;
  /** True while applying the URL, so the changes it causes are not written back. */
  private applying = false;
  private urlState: UrlChunk | undefined;
  private writer: HashWriter | undefined;
  private urlStateLoad: Promise<void> | undefined;
  private connected = false;
  /** The view mode and tool last seen, to write the URL when either changes. */
  private seen: { view: string; tool: string; date: string | null } | undefined;

  constructor(host: HashHost, sources: HashSources) {
    this.host = host;
    this.sources = sources;
    host.addController(this);
    // A filter change on the map (not more tiles under the same one) is kept in the URL, and a
    // selection whoever made it (a selection gets its own history entry: see HashWriter.write).
    sources.store.subscribe((change) => {
      if ((change.type === 'filter' && change.redraw) || change.type === 'selection') {
        this.write('replace');
      }
    });
  }

  hostConnected(): void {
    this.connected = true;
    this.sync();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.stopListening();
  }

  hostUpdated(): void {
    const { view, tool } = this.host;
    const date = this.sources.store.asOf;
    const seen = this.seen;
    this.seen = { view, tool, date };
    if (seen && (seen.view !== view || seen.tool !== tool || seen.date !== date)) {
      this.write('replace');
    }
  }

  /** While the URL code is on its way (then the URL is applied): a promise for its arrival. */
  get loading(): Promise<void> | undefined {
    return this.urlState ? undefined : this.urlStateLoad;
  }

  /**
   * Starts or stops following the URL when `hash` changes; applies the URL when it starts (once
   * the URL code has loaded).
   */
  sync(): void {
    const enabled = this.host.hash;
    if (enabled && !this.listening && !this.urlState) {
      this.urlStateLoad ??= urlChunk.load().then(
        (module) => {
          this.urlState = module;
          this.writer = new module.HashWriter(() =>
            this.listening && !this.applying ? this.read() : undefined,
          );
          if (this.connected) this.sync();
        },
        (error: unknown) => {
          this.urlStateLoad = undefined; // `hash` set again tries again
          this.host.dispatchEvent(
            new ParkMapErrorEvent({
              code: 'hash-load-failed',
              message: `could not load the URL code: ${String(error)}`,
              severity: 'error',
            }),
          );
        },
      );
    } else if (enabled && !this.listening) {
      window.addEventListener('popstate', this.onNavigate);
      window.addEventListener('hashchange', this.onNavigate);
      this.listening = true;
      // A URL that says nothing of ours yet keeps what the page set (`selected`, …) and gets it.
      if (Object.keys(this.urlState?.parseHash(location.hash) ?? {}).length > 0) this.onNavigate();
      else this.write('replace');
    } else if (!enabled) {
      this.stopListening();
    }
  }

  /** Writes the current state (see HashWriter.write). */
  write(mode: 'push' | 'replace'): void {
    this.writer?.write(mode);
  }

  /** The camera moved: written at most every few hundred milliseconds while it moves. */
  moved(): void {
    this.writer?.moved();
  }

  /** What the URL keeps, now. */
  private read(): ViewState {
    const { store, explore, map } = this.sources;
    return {
      ...(map.getCamera() ?? {}),
      selected: store.selected,
      filter: explore.filter,
      search: explore.query,
      view: this.host.view,
      tool: this.host.tool,
      date: this.sources.store.asOf,
    };
  }

  /** Applies state read from the URL; what it does not mention goes back to the defaults. */
  private apply(state: ViewState): void {
    const { explore, map } = this.sources;
    if (state.center !== undefined || state.zoom !== undefined) {
      map.camera.setCamera({
        center: state.center,
        zoom: state.zoom,
        pitch: state.pitch ?? 0,
        bearing: state.bearing ?? 0,
      });
    }
    this.host.selected = state.selected ?? null;
    explore.setFilter(state.filter ?? EMPTY_FILTER);
    explore.setQuery(state.search ?? '');
    this.host.view = state.view ?? '2d';
    this.host.tool = state.tool ?? 'none';
    this.host.date = state.date ?? null;
  }

  private stopListening(): void {
    this.writer?.stop();
    if (!this.listening) return;
    window.removeEventListener('popstate', this.onNavigate);
    window.removeEventListener('hashchange', this.onNavigate);
    this.listening = false;
  }

  private readonly onNavigate = () => {
    if (!this.urlState) return;
    this.applying = true;
    try {
      this.apply(this.urlState.parseHash(location.hash));
    } finally {
      this.applying = false;
    }
  };
}
