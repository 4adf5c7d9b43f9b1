// The one owner of an element's data: the valid features, their index by id and by parent, the
// problems found, the selection, the feature under the pointer in the list, and what the filters
// let through. Loading writes to it (data-controller.ts); the map, the list, the measuring tools
// and the URL read from it when they are told it changed, and keep no copy of their own. No DOM,
// no MapLibre: a plain object with listeners, the size of what it holds.
import type { IssueGroup } from '../data/issue-groups.js';
import { groupLoadedIssues, groupsReady } from '../data/loaded-groups.js';

/** How many issues of each group the store keeps at hand (the banner lists 50). */
const GROUP_EXAMPLES = 50;
import type { DataIssue, ParkFeature } from '../data/types.js';
import type { AsOfView } from './as-of.js';

export type DataState = 'empty' | 'loading' | 'ready' | 'failed';

/** What the filters let through (see explore-controller.ts, which works it out). */
export interface FilterOutcome {
  /** Ids that pass, or null when nothing is filtered. */
  passing: ReadonlySet<string> | null;
  /** The features that pass, in data order (all of them when nothing is filtered). */
  shown: readonly ParkFeature[];
  /** The MapLibre expression that passes them on the map (null: nothing is filtered). */
  expression: unknown[] | null;
}

/** New features and problems: a new data set, or more of the same from newly loaded tiles. */
export interface DataChange {
  type: 'data';
  /** Vector tiles: newly loaded tiles of the same data (not a new data set). */
  refresh: boolean;
  /** The problems not reported before (all of them for a new data set). */
  reported: readonly DataIssue[];
  /** A preview already drawn that draws exactly as these features (see data/preview.ts). */
  drawnAs?: readonly ParkFeature[];
  /** The features come from vector tiles (the loaded ones), not from one file. */
  tiles: boolean;
}

export type StoreChange =
  | DataChange
  /** The data state changed (a load started) with the features still those of before. */
  | { type: 'state' }
  | { type: 'selection' }
  | { type: 'hover' }
  /** The as-of date changed (`date`); the filters run again on the features as of it. */
  | { type: 'asOf' }
  /** `redraw`: the map's expression changed (or was asked for again), not only the ids passing. */
  | { type: 'filter'; redraw: boolean };

export type StoreListener = (change: StoreChange) => void;

/**
 * What draws the data, for the two shortcuts a large file takes on its way into the store (see
 * data-controller.ts): the map registers itself here, so the loader never needs to know it.
 */
export interface DataDrawer {
  /** Settles once a map on its way is made; undefined when none is on its way. */
  whenMade(): Promise<void> | undefined;
  /**
   * Settles once a map made but still loading its style is ready (it may never: a removed map);
   * undefined when there is no such map (none on its way, or one ready already).
   */
  whenReady(): Promise<void> | undefined;
  /** True when a preview handed over now is drawn at once (a ready map). */
  takesPreview(): boolean;
  /**
   * Draws features that plainly draw as they are while the file is validated; settles once they
   * are on their way to the map's worker.
   */
  drawPreview(features: readonly ParkFeature[]): Promise<void>;
}

const NOT_FILTERED: FilterOutcome = Object.freeze({ passing: null, shown: [], expression: null });

export class ParkStore {
  private dataState: DataState = 'empty';
  private featureList: readonly ParkFeature[] = [];
  private issueList: readonly DataIssue[] = [];
  private groupCache: IssueGroup[] | undefined;
  private idIndex: ReadonlyMap<string, ParkFeature> = new Map();
  private parentIndex: ReadonlyMap<string, readonly ParkFeature[]> = new Map();
  private selectedId: string | null = null;
  private hoveredId: string | null = null;
  private filterOutcome: FilterOutcome = NOT_FILTERED;
  private tiled = false;
  private asOfDate: string | null = null;
  /**
   * The features as of the date (see as-of.ts), worked out by the filters' code as it indexes them
   * (null at the latest, and for tiles): what the list, legend, totals, search, details and map show.
   */
  asOfView: AsOfView | null = null;
  /** The distinct dates of the data's history, oldest first (set by the filters' code). */
  historyDates: readonly string[] = [];
  /** True while the filter outcome told is that of a new as-of date (the map keeps its camera). */
  dateChanging = false;
  private readonly listeners = new Set<StoreListener>();
  /** The map that draws this data, while there is one (see DataDrawer). */
  drawer: DataDrawer | undefined;

  get state(): DataState {
    return this.dataState;
  }
  /** The valid features, in data order. */
  get features(): readonly ParkFeature[] {
    return this.featureList;
  }
  /** The problems found in the data, in the order found. */
  get errors(): readonly DataIssue[] {
    return this.issueList;
  }
  /** The problems by kind (code and severity), grouped when first asked for after a change. */
  get issueGroups(): readonly IssueGroup[] {
    if (this.groupCache) return this.groupCache;
    const groups = groupLoadedIssues(this.issueList, GROUP_EXAMPLES);
    // Kept once grouped by the data chunk's code (before it, each issue is a group of its own).
    if (groupsReady()) this.groupCache = groups;
    return groups;
  }
  /** Features by id: the details panel and measurements read these, never MapLibre's results. */
  get byId(): ReadonlyMap<string, ParkFeature> {
    return this.idIndex;
  }
  /** Features by the id of their parent, in data order. */
  get childrenOf(): ReadonlyMap<string, readonly ParkFeature[]> {
    return this.parentIndex;
  }
  /** The features come from vector tiles: those of the tiles loaded so far. */
  get fromTiles(): boolean {
    return this.tiled;
  }
  /** The selected feature's id (it may be one not loaded, with tiles), or null. */
  get selected(): string | null {
    return this.selectedId;
  }
  /** The feature under the pointer (or keyboard focus) in the list, or null. */
  get hovered(): string | null {
    return this.hoveredId;
  }
  /** Ids the filters pass, or null when nothing is filtered. */
  get passing(): ReadonlySet<string> | null {
    return this.filterOutcome.passing;
  }
  /** The map expression of the filters (null: nothing is filtered). */
  get mapFilter(): unknown[] | null {
    return this.filterOutcome.expression;
  }
  /**
   * The features shown: those the filters last passed, in data order. Before the filters first
   * ran (their code still loading): none. After new data, until the filters have run on it (at
   * once for a file, in the next task for a new tile source): those of the data before, as are
   * `passing` and `mapFilter` (the map keeps its filter rather than flash everything meanwhile).
   */
  get shown(): readonly ParkFeature[] {
    return this.filterOutcome.shown;
  }

  /** The as-of date (`date`: YYYY, YYYY-MM or YYYY-MM-DD), or null: the latest. */
  get asOf(): string | null {
    return this.asOfDate;
  }

  /** Sets the as-of date (null: the latest); the filters' code works out `asOfView`. */
  setAsOf(date: string | null): void {
    if (date === this.asOfDate) return;
    this.asOfDate = date;
    this.notify({ type: 'asOf' });
  }

  /** Calls `listener` on every change, in the order listeners were added; returns the undo. */
  subscribe(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A load started: the features stay those of before until it is done. */
  setLoading(): void {
    if (this.dataState === 'loading') return;
    this.dataState = 'loading';
    this.notify({ type: 'state' });
  }

  /**
   * Replaces the data (`refresh`: newly loaded tiles of the same data set). A selection of a
   * feature a new data set lacks is cleared once it has loaded (not while it loads: a selection
   * from the URL waits for the data); that change is told after the data's.
   */
  setData(
    state: 'empty' | 'loading' | 'ready' | 'failed',
    features: readonly ParkFeature[],
    errors: readonly DataIssue[],
    change: Omit<DataChange, 'type'>,
  ): void {
    this.dataState = state;
    this.featureList = features;
    this.issueList = errors;
    this.groupCache = undefined;
    const byId = new Map<string, ParkFeature>();
    const childrenOf = new Map<string, ParkFeature[]>();
    for (const feature of features) {
      byId.set(feature.id, feature);
      const parent = feature.properties.parent;
      if (parent === undefined) continue;
      const siblings = childrenOf.get(parent);
      if (siblings) siblings.push(feature);
      else childrenOf.set(parent, [feature]);
    }
    this.idIndex = byId;
    this.parentIndex = childrenOf;
    this.tiled = change.tiles;
    let selectionGone = false;
    const settled = state === 'ready' || state === 'failed';
    if (settled && !change.refresh && this.selectedId !== null && !byId.has(this.selectedId)) {
      this.selectedId = null;
      selectionGone = true;
    }
    this.notify({ type: 'data', ...change });
    if (selectionGone) this.notify({ type: 'selection' });
  }

  select(id: string | null): void {
    if (id === this.selectedId) return;
    this.selectedId = id;
    this.notify({ type: 'selection' });
  }

  hover(id: string | null): void {
    if (id === this.hoveredId) return;
    this.hoveredId = id;
    this.notify({ type: 'hover' });
  }

  /** What the filters now let through; `redraw`: the map's expression is to be set again. */
  setFilterOutcome(outcome: FilterOutcome, redraw: boolean): void {
    this.filterOutcome = outcome;
    this.notify({ type: 'filter', redraw });
  }

  private notify(change: StoreChange): void {
    for (const listener of [...this.listeners]) listener(change);
  }
}
