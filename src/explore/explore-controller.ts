// Filters and search as a Lit ReactiveController: keeps the filter state, the facet counts and
// totals, and the search results, and writes what passes (ids, features, the map's expression) to
// the store. The search query narrows like one more filter: what passes matches it (or lies inside
// a match), so the list, totals, legend counts and map all show the matches. The indexes are built once per data set, from the store's features; a filter change
// is one pass over them plus one MapLibre expression (the data is not sent to the map again).
// The code that does it comes with the data chunk: features only arrive through that.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { dataChunk } from '../chunks/loaders.js';
import type { ParkFeature } from '../data/types.js';
import { ID_PROPERTY } from '../map/layer-ids.js';
import { TILE_ID_PROPERTY } from '../map/tile-source.js';
import type { DataChange, ParkStore } from '../state/park-store.js';
import type { FacetCounts, FilterIndex, FilterResult, Totals } from './filter.js';
import { EMPTY_FILTER, type FilterState } from './filter-state.js';
import type { SearchIndex, SearchResult } from './search.js';

const SEARCH_LIMIT = 12;

export class ExploreController implements ReactiveController {
  filter: FilterState = EMPTY_FILTER;
  query = '';
  result: FilterResult | undefined;
  facets: FacetCounts | undefined;
  totals: Totals | undefined;
  searchResults: SearchResult[] = [];
  /** Counts the data sets indexed (not the tiles added to one): the list starts afresh on each. */
  dataSet = 0;

  private readonly host: ReactiveControllerHost;
  private readonly store: ParkStore;
  private index: FilterIndex | undefined;
  private searchIndex: SearchIndex | undefined;
  /** What the query matches (by position in the index's features); null: no query. */
  private matches: Uint8Array | null = null;
  /** Tiles: the first features read back wait to be indexed (in the next task, off the first render). */
  private indexPending = false;
  /** The map expression last put in the store, as JSON (tiles: set again only when it changes). */
  private lastMapFilter: string | undefined;

  constructor(host: ReactiveControllerHost, store: ParkStore) {
    this.host = host;
    this.store = store;
    host.addController(this);
    store.subscribe((change) => {
      if (change.type === 'data') this.onData(change);
      // A new as-of date: the features as of it are indexed (the list keeps its place).
      if (change.type === 'asOf') {
        store.dateChanging = true;
        this.setFeatures(store.features, true, true);
        store.dateChanging = false;
      }
    });
  }

  hostConnected(): void {}

  /** The features the indexes cover (the store's, once indexed). */
  get features(): readonly ParkFeature[] {
    return this.index?.features ?? [];
  }

  /**
   * New data in the store. A new data set is indexed now; with tiles, in the next task, after the
   * map has announced what it drew. More tiles of the same set re-index quietly: the map's
   * expression is set again only when it changed.
   */
  private onData(change: DataChange): void {
    const store = this.store;
    if (change.refresh) {
      if (this.indexPending) {
        this.indexPending = false;
        this.setFeatures(store.features);
      } else this.setFeatures(store.features, true);
      return;
    }
    this.indexPending = false;
    if (change.tiles && store.state === 'ready') {
      this.indexPending = true;
      setTimeout(() => {
        if (!this.indexPending) return;
        this.indexPending = false;
        this.setFeatures(this.store.features);
      }, 0);
      return;
    }
    this.setFeatures(store.features);
  }

  /**
   * Rebuilds the filter index (the search index waits for the first search). `quiet`: more tiles
   * of the same data set, not a new one.
   */
  private setFeatures(features: readonly ParkFeature[], quiet = false, redraw = false): void {
    const code = dataChunk.loaded;
    const store = this.store;
    // The data as of the `date` (null at the latest: the features themselves).
    const view = code?.asOfViewOf(features, store.asOf, store.fromTiles) ?? null;
    store.asOfView = view;
    store.historyDates = (!store.fromTiles && code?.historyDates(features)) || [];
    // Without the code (it failed to load) there are no features to index either.
    this.index = code?.buildIndex(view?.features ?? features);
    this.searchIndex = undefined;
    if (!quiet) this.dataSet++;
    // A query set before the data came (from the URL) is run when it comes.
    if (this.query.trim()) this.runSearch();
    this.update(quiet && !redraw);
  }

  setFilter(filter: FilterState): void {
    this.filter = filter;
    this.update();
  }

  setQuery(query: string): void {
    const was = this.matches;
    this.query = query;
    this.runSearch();
    if (was !== null || this.matches !== null) this.update();
  }

  /** The filters or the search narrow what is shown. */
  get isFiltered(): boolean {
    return this.result?.active === true;
  }

  /** A query narrows what is shown (it may match nothing). */
  get isSearching(): boolean {
    return this.matches !== null;
  }

  private update(quiet = false): void {
    const index = this.index;
    const code = dataChunk.loaded;
    if (!index || !code) return;
    const matches = this.matches;
    const result = code.applyFilter(index, this.filter, matches);
    this.result = result;
    const idProperty = this.store.fromTiles ? TILE_ID_PROPERTY : ID_PROPERTY;
    const features = index.features;
    // What is not yet there on the as-of date is left out as a filter leaves it out.
    const { passing, expression } = code.passingAsOf(
      this.store.asOfView,
      result.active ? new Set(result.ids) : null,
      features,
      result.active
        ? code.stateExpression(index, this.filter, idProperty, this.store.fromTiles, matches)
        : null,
      idProperty,
    );
    const key = JSON.stringify(expression);
    const outcome = {
      passing,
      shown: result.active
        ? features.filter((_, position) => result.mask[position] === 1)
        : features,
      expression,
    };
    // The map first: its workers re-tile while the counts below are made on this thread.
    this.store.setFilterOutcome(outcome, !quiet || key !== this.lastMapFilter);
    this.lastMapFilter = key;
    this.facets = code.facetCounts(index, this.filter, matches);
    this.totals = code.totals(index, result);
    this.host.requestUpdate();
  }

  /** The results to jump to and the matches that narrow what is shown. */
  private runSearch(): void {
    const query = this.query.trim();
    const code = dataChunk.loaded;
    // A query set before the data came (from the URL) is run when it comes (setFeatures).
    if (!query || !code || !this.index) {
      this.searchResults = [];
      this.matches = null;
    } else {
      this.searchIndex ??= code.buildSearchIndex(this.features);
      this.searchResults = code.search(this.searchIndex, query, { limit: SEARCH_LIMIT });
      this.matches = code.matchMask(this.searchIndex, query);
    }
    this.host.requestUpdate();
  }
}
