// With `hash` set, the page URL keeps the view, selection, filters, search, view mode and tool:
// read at start and on Back/Forward, written as they change. Selections push a history entry (so
// Back/Forward step through them); everything else replaces the current one. Other apps' hash
// parameters are kept. The URL code (url-state.ts) loads only for an element with `hash`.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ViewState } from './url-state.js';

type UrlState = typeof import('./url-state.js');

export interface HashControllerOptions {
  enabled: () => boolean;
  /** The element's state now, to write. */
  read: () => ViewState;
  /** State from the URL, to apply (at start and on Back/Forward). */
  apply: (state: ViewState) => void;
  /** The URL code could not be loaded. */
  onError: (message: string) => void;
}

export class HashController implements ReactiveController {
  private readonly options: HashControllerOptions;
  private listening = false;
  /** True while applying the URL, so the changes it causes are not written back. */
  private applying = false;
  private urlState: UrlState | undefined;
  private urlStateLoad: Promise<void> | undefined;
  private connected = false;

  constructor(host: ReactiveControllerHost, options: HashControllerOptions) {
    this.options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    this.sync();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.stopListening();
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
    if (this.options.enabled() && !this.listening && !this.urlState) {
      this.urlStateLoad ??= import('./url-state.js').then(
        (module) => {
          this.urlState = module;
          if (this.connected) this.sync();
        },
        (error: unknown) => {
          this.urlStateLoad = undefined; // `hash` set again tries again
          this.options.onError(`could not load the URL code: ${String(error)}`);
        },
      );
    } else if (this.options.enabled() && !this.listening) {
      window.addEventListener('popstate', this.onNavigate);
      window.addEventListener('hashchange', this.onNavigate);
      this.listening = true;
      this.onNavigate();
    } else if (!this.options.enabled()) {
      this.stopListening();
    }
  }

  /**
   * Writes the current state. A changed selection always gets a new history entry (whoever writes
   * first: a camera move can end in the same task as the click that selected); anything else
   * replaces the current entry.
   */
  write(mode: 'push' | 'replace'): void {
    const urlState = this.urlState;
    if (!this.listening || this.applying || !urlState) return;
    const { mergeHash, parseHash } = urlState;
    const state = this.options.read();
    const hash = mergeHash(location.hash, state);
    const current = location.hash.replace(/^#/, '');
    if (hash.replace(/^#/, '') === current) return;
    const selectionChanged =
      (state.selected ?? null) !== (parseHash(location.hash).selected ?? null);
    const url = `${location.pathname}${location.search}${hash ? (hash.startsWith('#') ? hash : `#${hash}`) : ''}`;
    if (mode === 'push' || selectionChanged) history.pushState(history.state, '', url);
    else history.replaceState(history.state, '', url);
  }

  private stopListening(): void {
    if (!this.listening) return;
    window.removeEventListener('popstate', this.onNavigate);
    window.removeEventListener('hashchange', this.onNavigate);
    this.listening = false;
  }

  private readonly onNavigate = () => {
    if (!this.urlState) return;
    this.applying = true;
    try {
      this.options.apply(this.urlState.parseHash(location.hash));
    } finally {
      this.applying = false;
    }
  };
}
