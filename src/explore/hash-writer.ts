// Writing the view into the page URL (part of the URL chunk, loaded only for `hash`): a changed
// selection gets a new history entry, anything else replaces the current one, and the camera is
// written while it moves (a fly too, not only at its end), at most every CAMERA_WRITE_MS.
import { mergeHash, parseHash, type ViewState } from './url-state.js';

/** Camera writes during a move are at most this far apart (browsers throttle `replaceState`). */
export const CAMERA_WRITE_MS = 300;

export class HashWriter {
  /** What to write now, or undefined when nothing may be written (not following, applying the URL). */
  private readonly read: () => ViewState | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private movedSinceWrite = false;

  constructor(read: () => ViewState | undefined) {
    this.read = read;
  }

  /**
   * Writes the current state. A changed selection always gets a new history entry (whoever writes
   * first: a camera move can end in the same task as the click that selected); anything else
   * replaces the current entry.
   */
  write(mode: 'push' | 'replace'): void {
    const state = this.read();
    if (!state) return;
    const hash = mergeHash(location.hash, state);
    if (hash.replace(/^#/, '') === location.hash.replace(/^#/, '')) return;
    const selectionChanged =
      (state.selected ?? null) !== (parseHash(location.hash).selected ?? null);
    const url = `${location.pathname}${location.search}${hash}`;
    if (mode === 'push' || selectionChanged) history.pushState(history.state, '', url);
    else history.replaceState(history.state, '', url);
  }

  /** The camera moved: written now, or once the current interval is over (the last move wins). */
  moved(): void {
    if (this.timer !== undefined) {
      this.movedSinceWrite = true;
      return;
    }
    this.write('replace');
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.movedSinceWrite) {
        this.movedSinceWrite = false;
        this.moved();
      }
    }, CAMERA_WRITE_MS);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.movedSinceWrite = false;
  }
}
