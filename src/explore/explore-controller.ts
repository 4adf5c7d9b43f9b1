// Filters and search as a Lit ReactiveController: keeps the filter state, what passes, the facet
// counts and totals, and the search results. The indexes are built once per data load; a filter
// change is one pass over the features plus one MapLibre filter expression (the data is not re-sent).
// The code that does it loads with the data path (loadPipeline): features only arrive through it.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadedPipeline } from '../data/data-controller.js';
import type { ParkFeature } from '../data/types.js';
import type { FacetCounts, FilterExpression, FilterIndex, FilterResult, Totals } from './filter.js';
import { EMPTY_FILTER, type FilterState } from './filter-state.js';
import { memoizeLast } from '../ui/memo.js';
import type { SearchIndex, SearchResult } from './search.js';

export interface ExploreControllerOptions {
  /** Puts the filter on the map (null: show everything). */
  applyMapFilter: (
    expression: FilterExpression | null,
    passing: ReadonlySet<string> | null,
  ) => void;
  /** The property that holds the string id on the map (`pmId`, or `id` in vector tiles). */
  idProperty?: () => string;
  /** True when the map reads vector tiles (their `parent` and `industries` can be filtered on). */
  tiles?: () => boolean;
}

const SEARCH_LIMIT = 12;

export class ExploreController implements ReactiveController {
  filter: FilterState = EMPTY_FILTER;
  query = '';
  result: FilterResult | undefined;
  facets: FacetCounts | undefined;
  totals: Totals | undefined;
  searchResults: SearchResult[] = [];
  /** Ids that pass, or null when nothing is filtered. */
  passing: ReadonlySet<string> | null = null;

  private readonly host: ReactiveControllerHost;
  private readonly options: ExploreControllerOptions;
  private features: readonly ParkFeature[] = [];
  private index: FilterIndex | undefined;
  private searchIndex: SearchIndex | undefined;

  constructor(host: ReactiveControllerHost, options: ExploreControllerOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostConnected(): void {}

  /**
   * New data: rebuild the filter index (the search index waits for the first search). With vector
   * tiles this runs whenever tiles load (`quiet`: the map filter is set again only if it changed).
   */
  setFeatures(features: readonly ParkFeature[], quiet = false): void {
    this.features = features;
    // Without the code (it failed to load) there are no features to index either.
    this.index = loadedPipeline()?.buildIndex(features);
    this.searchIndex = undefined;
    this.update(quiet);
    if (this.query) this.runSearch();
  }

  setFilter(filter: FilterState): void {
    this.filter = filter;
    this.update();
  }

  clearFilter(): void {
    this.setFilter(EMPTY_FILTER);
  }

  setQuery(query: string): void {
    this.query = query;
    this.runSearch();
  }

  get isFiltered(): boolean {
    return this.result?.active === true;
  }

  /** True when the feature passes the filters (or nothing is filtered). */
  passes(id: string): boolean {
    return this.passing === null || this.passing.has(id);
  }

  /** The passing features, in data order (the same array until the data or the filter changes). */
  shownFeatures(): readonly ParkFeature[] {
    return this.shown(this.features, this.result);
  }

  private readonly shown = memoizeLast(
    (features: readonly ParkFeature[], result: FilterResult | undefined): readonly ParkFeature[] =>
      !result || !result.active
        ? features
        : features.filter((_, position) => result.mask[position] === 1),
  );

  private lastMapFilter: string | undefined;

  private update(quiet = false): void {
    const index = this.index;
    const code = loadedPipeline();
    if (!index || !code) return;
    const result = code.applyFilter(index, this.filter);
    this.result = result;
    this.passing = result.active ? new Set(result.ids) : null;
    const expression = result.active
      ? code.stateExpression(
          index,
          this.filter,
          this.options.idProperty?.() ?? 'pmId',
          this.options.tiles?.() ?? false,
        )
      : null;
    const key = JSON.stringify(expression);
    // The map first: its workers re-tile while the counts below are made on this thread.
    if (!quiet || key !== this.lastMapFilter) this.options.applyMapFilter(expression, this.passing);
    this.lastMapFilter = key;
    this.facets = code.facetCounts(index, this.filter);
    this.totals = code.totals(index, result);
    this.host.requestUpdate();
  }

  private runSearch(): void {
    const query = this.query.trim();
    const code = loadedPipeline();
    // A query set before the data came (from the URL) is run when it comes (setFeatures).
    if (!query || !code) {
      this.searchResults = [];
    } else {
      this.searchIndex ??= code.buildSearchIndex(this.features);
      this.searchResults = code.search(this.searchIndex, query, { limit: SEARCH_LIMIT });
    }
    this.host.requestUpdate();
  }
}
