// With `hash` set, the page URL keeps the view, selection, filters, search, view mode and tool:
// read at start and on Back/Forward, written as they change. Selections push a history entry (so
// Back/Forward step through them); everything else replaces the current one. Other apps' hash
// parameters are kept.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { mergeHash, parseHash, type ViewState } from './url-state.js';

export interface HashControllerOptions {
  enabled: () => boolean;
  /** The element's state now, to write. */
  read: () => ViewState;
  /** State from the URL, to apply (at start and on Back/Forward). */
  apply: (state: ViewState) => void;
}

export class HashController implements ReactiveController {
  private readonly options: HashControllerOptions;
  private listening = false;
  /** True while applying the URL, so the changes it causes are not written back. */
  private applying = false;

  constructor(host: ReactiveControllerHost, options: HashControllerOptions) {
    this.options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.stopListening();
  }

  /** Starts or stops following the URL when `hash` changes; applies the URL when it starts. */
  sync(): void {
    if (this.options.enabled() && !this.listening) {
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
    if (!this.listening || this.applying) return;
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
    this.applying = true;
    try {
      this.options.apply(parseHash(location.hash));
    } finally {
      this.applying = false;
    }
  };
}
