// <park-map-sheet>: the bottom sheet the list and the details panel sit in on a narrow element (see
// late.styles.ts); wider, it is `display: contents` and changes nothing. Three heights: closed (the
// handle alone), half, full. The handle is a button: a drag follows the finger and snaps to the
// nearest height; a click, Enter or Space steps to the next (closed → half → full → closed); the
// arrow keys step up and down; Escape closes. The list's sheet and the details' share one state per
// element, so the sheet keeps its height from one to the other. Written here (about 100 lines)
// rather than taken from a sheet library: those come with their own overlay and focus trap, and the
// sheet must stay in the map's shadow root, non-modal, with the map usable above it.
import { LitElement, html, type PropertyValues } from 'lit';
import { CLOSED_HEIGHT, FULL_GAP, adoptLateStyles, sheetStyles } from './late.styles.js';

export type SheetState = 'closed' | 'half' | 'full';
export const SHEET_STATES: readonly SheetState[] = ['closed', 'half', 'full'];

/** The sheet's state per shadow root (one element's list and details). */
const shared = new WeakMap<Node, SheetState>();

/** A pointer that moved less than this (px) on the handle is a click, not a drag. */
const DRAG_SLOP = 5;

export class ParkMapSheet extends LitElement {
  static override styles = sheetStyles;
  static override properties = {
    state: { type: String, reflect: true },
    label: { type: String },
    hint: { type: String },
    opener: { attribute: false },
  };

  state: SheetState = 'closed';
  /** The handle's text (its accessible name). */
  label = '';
  /** How to use the handle (its title). */
  hint = '';
  /** Set for the details: each new value brings a closed sheet to half (a feature was opened). */
  opener: unknown = undefined;

  private drag: { pointerId: number; startY: number; startHeight: number; moved: boolean } | null =
    null;
  /** The click that ends a drag does not also step the state. */
  private swallowClick = false;

  override connectedCallback(): void {
    super.connectedCallback();
    adoptLateStyles(this);
    if (this.opener === undefined) this.state = shared.get(this.getRootNode()) ?? this.state;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('opener') && this.opener !== undefined) {
      if (!this.hasUpdated || this.state === 'closed') this.setShared('half');
    }
  }

  /** Sets the state of this sheet and of the other sheets in the same shadow root. */
  setShared(state: SheetState): void {
    const root = this.getRootNode();
    shared.set(root, state);
    const sheets = (root as ParentNode).querySelectorAll?.('park-map-sheet') ?? [];
    for (const sheet of sheets) (sheet as ParkMapSheet).state = state;
    this.state = state;
    // Focus inside a sheet that closes goes to its handle, not to nowhere.
    const active = (root as ShadowRoot).activeElement;
    if (state === 'closed' && active && this.contains(active)) this.handle?.focus();
  }

  private get handle(): HTMLButtonElement | null | undefined {
    return this.shadowRoot?.querySelector('.handle');
  }

  /** The heights (px) of the three states, as the styles give them, for the parent's height. */
  private heights(): Record<SheetState, number> {
    const parent = this.offsetParent as HTMLElement | null;
    const total = parent?.clientHeight ?? this.getBoundingClientRect().height * 2;
    return { closed: CLOSED_HEIGHT, half: total / 2, full: total - FULL_GAP };
  }

  private step(by: number): void {
    const index = SHEET_STATES.indexOf(this.state);
    const next = by > 0 ? (index + 1) % SHEET_STATES.length : Math.max(0, index - 1);
    this.setShared(SHEET_STATES[next]!);
  }

  private readonly onPointerDown = (event: PointerEvent) => {
    if (event.button !== 0) return;
    (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
    this.drag = {
      pointerId: event.pointerId,
      startY: event.clientY,
      startHeight: this.getBoundingClientRect().height,
      moved: false,
    };
  };

  private readonly onPointerMove = (event: PointerEvent) => {
    const drag = this.drag;
    if (!drag || drag.pointerId !== event.pointerId) return;
    const dy = event.clientY - drag.startY;
    if (!drag.moved && Math.abs(dy) < DRAG_SLOP) return;
    drag.moved = true;
    this.toggleAttribute('dragging', true);
    const { closed, full } = this.heights();
    this.style.height = `${Math.min(full, Math.max(closed, drag.startHeight - dy))}px`;
  };

  private readonly onPointerEnd = (event: PointerEvent) => {
    const drag = this.drag;
    if (!drag || drag.pointerId !== event.pointerId) return;
    this.drag = null;
    if (!drag.moved) return;
    this.swallowClick = event.type === 'pointerup';
    const height = this.getBoundingClientRect().height;
    const heights = this.heights();
    const nearest = SHEET_STATES.reduce((best, state) =>
      Math.abs(heights[state] - height) < Math.abs(heights[best] - height) ? state : best,
    );
    this.removeAttribute('dragging');
    this.style.removeProperty('height');
    this.setShared(nearest);
  };

  private readonly onClick = () => {
    if (this.swallowClick) {
      this.swallowClick = false;
      return;
    }
    this.step(1);
  };

  private readonly onKeyDown = (event: KeyboardEvent) => {
    const steps: Record<string, number> = { ArrowUp: 1, ArrowDown: -1 };
    if (event.key === 'Escape') this.setShared('closed');
    else if (event.key in steps && !(event.key === 'ArrowUp' && this.state === 'full')) {
      this.step(steps[event.key]!);
    } else return;
    // Handled here: Escape on the handle folds the sheet, it does not also close the details.
    event.preventDefault();
    event.stopPropagation();
  };

  protected override render() {
    return html`<button
        type="button"
        class="handle"
        part="handle"
        aria-expanded=${this.state === 'closed' ? 'false' : 'true'}
        title=${this.hint}
        @pointerdown=${this.onPointerDown}
        @pointermove=${this.onPointerMove}
        @pointerup=${this.onPointerEnd}
        @pointercancel=${this.onPointerEnd}
        @click=${this.onClick}
        @keydown=${this.onKeyDown}
      >
        <span class="grip" aria-hidden="true"></span><span class="label">${this.label}</span>
      </button>
      <div class="body"><slot></slot></div>`;
  }
}

if (!customElements.get('park-map-sheet')) customElements.define('park-map-sheet', ParkMapSheet);

declare global {
  interface HTMLElementTagNameMap {
    'park-map-sheet': ParkMapSheet;
  }
}
