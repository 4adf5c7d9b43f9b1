// Which features the filters hide on the map (through feature state), and what changes from one
// filter to the next: only the features whose visibility changed get a new state. Pure.
import { drawnKey } from './drawn-key.js';

/** Ids of the features the filter leaves out (none when nothing is filtered). */
export function hiddenIds(
  features: Iterable<{ id: string }>,
  passing: ReadonlySet<string> | null,
): Set<string> {
  const hidden = new Set<string>();
  if (passing === null) return hidden;
  for (const { id } of features) if (!passing.has(id)) hidden.add(id);
  return hidden;
}

/**
 * Vector tiles: the ids of the read-back features (pieces) that are not among those the filter
 * passed. A feature passes or not as a whole (its pieces share its properties).
 */
export function idsLeftOut(
  all: Iterable<{ properties: Record<string, unknown> }>,
  passing: Iterable<{ properties: Record<string, unknown> }>,
  idProperty: string,
): Set<string> {
  const passed = new Set<unknown>();
  for (const { properties } of passing) passed.add(properties[idProperty]);
  const left = new Set<string>();
  for (const { properties } of all) {
    const id = properties[idProperty];
    if (typeof id === 'string' && !passed.has(id)) left.add(id);
  }
  return left;
}

/** The ids to hide and to show again, to go from those hidden now to those to hide. */
export function visibilityChanges(
  hiddenNow: ReadonlySet<string>,
  toHide: ReadonlySet<string>,
): { hide: string[]; show: string[] } {
  const hide: string[] = [];
  const show: string[] = [];
  for (const id of toHide) if (!hiddenNow.has(id)) hide.push(id);
  for (const id of hiddenNow) if (!toHide.has(id)) show.push(id);
  return { hide, show };
}

/**
 * How many ids a map reading vector tiles may hold feature state for. MapLibre never forgets an id
 * it was given state for (lifted state stays as an empty entry), and every tile that loads goes
 * through all of them on this thread, at about 1–2 µs an id (measured in the benchmark's archive:
 * 3–6 ms a tile with 3 400 ids). At the budget that is about 8–14 ms a tile.
 */
export const TILE_STATE_BUDGET = 8_000;

/**
 * Vector tiles: which features the `hidden` state hides. Feature state hides what a filter leaves
 * out only while that is exact and cheap: no hidden id shares its drawn key (drawnKey) with an id
 * that shows, as MapLibre would hide that one too, and the ids given state stay within the budget.
 * Otherwise `plan` and `add` answer null: the caller lifts the state (`clear`) and filters the
 * layers instead, which costs a re-tiling each time but is exact at any size.
 */
export class TileHiding {
  /** The ids hidden now. */
  readonly hidden = new Set<string>();
  /** Every id given state on this map, hidden now or once. */
  private readonly stated = new Set<string>();
  private readonly hiddenKeys = new Map<number, string>();
  /** Keys of ids seen showing under the current filter (in tiles loaded now or before). */
  private readonly shownKeys = new Map<number, string>();

  constructor(private readonly budget = TILE_STATE_BUDGET) {}

  /**
   * A new filter: hide `toHide`, of the ids `seen` in the loaded tiles. The ids to hide and to show
   * again, or null when feature state cannot do it (nothing is changed then).
   */
  plan(
    toHide: ReadonlySet<string>,
    seen: Iterable<string>,
  ): { hide: string[]; show: string[] } | null {
    const hiddenKeys = keysOf(toHide);
    const shownKeys = new Map<number, string>();
    for (const id of seen) {
      if (toHide.has(id)) continue;
      const key = drawnKey(id);
      if (hiddenKeys.has(key)) return null;
      shownKeys.set(key, id);
    }
    if (!this.withinBudget(toHide)) return null;
    const changes = visibilityChanges(this.hidden, toHide);
    this.hidden.clear();
    this.hiddenKeys.clear();
    this.shownKeys.clear();
    for (const id of toHide) this.hide(id);
    for (const [key, id] of shownKeys) this.shownKeys.set(key, id);
    return changes;
  }

  /**
   * A tile loaded under the same filter: of its ids `seen`, the filter leaves out `toHide`. The ids
   * newly hidden, or null when feature state cannot hide them (nothing is changed then).
   */
  add(toHide: ReadonlySet<string>, seen: Iterable<string>): string[] | null {
    const fresh = [...toHide].filter((id) => !this.hidden.has(id));
    const freshKeys = keysOf(fresh);
    for (const [key, id] of freshKeys) {
      const shown = this.shownKeys.get(key);
      if (shown !== undefined && shown !== id) return null;
    }
    const shownKeys = new Map<number, string>();
    for (const id of seen) {
      if (toHide.has(id) || this.hidden.has(id)) continue;
      const key = drawnKey(id);
      if (this.hiddenKeys.has(key) || freshKeys.has(key)) return null;
      shownKeys.set(key, id);
    }
    if (!this.withinBudget(fresh)) return null;
    for (const id of fresh) this.hide(id);
    for (const [key, id] of shownKeys) this.shownKeys.set(key, id);
    return fresh;
  }

  /** Lifts every hidden state (the ids to show again); the ids once stated are still counted. */
  clear(): string[] {
    const show = [...this.hidden];
    this.hidden.clear();
    this.hiddenKeys.clear();
    this.shownKeys.clear();
    return show;
  }

  private hide(id: string): void {
    this.hidden.add(id);
    this.stated.add(id);
    this.hiddenKeys.set(drawnKey(id), id);
  }

  private withinBudget(ids: Iterable<string>): boolean {
    let count = this.stated.size;
    for (const id of ids) if (!this.stated.has(id)) count += 1;
    return count <= this.budget;
  }
}

function keysOf(ids: Iterable<string>): Map<number, string> {
  const keys = new Map<number, string>();
  for (const id of ids) keys.set(drawnKey(id), id);
  return keys;
}
