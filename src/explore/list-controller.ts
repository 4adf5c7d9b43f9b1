// The side list as a Lit ReactiveController: its own state (sort, open rows, how many rows each list
// shows, hidden or not) and its panel: search, filters, totals, the tree of what the filters pass,
// and the export buttons. Its code comes with the data chunk; until then the panel says it is
// loading. Each new data set starts with zones (and, for small data, parks) open; a selection made
// anywhere opens the list down to it.
import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { dataChunk } from '../chunks/loaders.js';
import type { ParkFeature } from '../data/types.js';
import type { Exporter } from '../export/exporter.js';
import { resolveLang, type Lang } from '../i18n/lang.js';
import { t } from '../i18n/strings.js';
import type { MapController } from '../map/map-controller.js';
import type { ParkStore } from '../state/park-store.js';
import type { Announcer } from '../ui/announcer.js';
import { memoizeLast } from '../ui/memo.js';
import type { SelectionController } from '../ui/selection-controller.js';
import type { ExploreController } from './explore-controller.js';
import { EMPTY_FILTER, type FilterState } from './filter-state.js';
import type { HashController } from './hash-controller.js';
import type { buildTree, SortKey, TreeNode } from './tree.js';

export interface ListHost extends ReactiveControllerHost {
  lang: string;
  hash: boolean;
}

export interface ListSources {
  store: ParkStore;
  explore: ExploreController;
  map: MapController;
  hash: HashController;
  selection: SelectionController;
  exporter: Exporter;
  announcer: Announcer;
}

export class ListController implements ReactiveController {
  sort: SortKey = 'name';
  /** The list is hidden by its toggle (the `no-list` attribute hides it for good). */
  hidden = false;
  private expanded: ReadonlySet<string> = new Set();
  /** Rows shown per list beyond the first page (key: parent id, '' for the top). */
  private limits: ReadonlyMap<string, number> = new Map();
  /** The data set and selection the open rows were last made for. */
  private seenDataSet = 0;
  private seenSelection: string | null = null;
  /** The row that is the list's one tab stop: the last focused, or the selection. */
  private active: string | null = null;

  private readonly host: ListHost;
  private readonly sources: ListSources;

  constructor(host: ListHost, sources: ListSources) {
    this.host = host;
    this.sources = sources;
    host.addController(this);
  }

  hostConnected(): void {
    // When the page is idle (the data and MapLibre on their way), the list's collator is made (see
    // warmCollator); not in a task of its own that could hold up MapLibre's.
    // (The callback holds the language, not the element: a removed element is not kept for it.)
    const lang = resolveLang(this.host.lang);
    const warm = () =>
      void dataChunk.load().then(
        (code) => code.warmCollator(lang),
        () => undefined, // the data load reports it
      );
    if (typeof requestIdleCallback === 'function') requestIdleCallback(warm, { timeout: 1000 });
    else setTimeout(warm);
  }

  /** Before each render: open rows for a new data set, and down to a new selection. */
  hostUpdate(): void {
    const { explore, store } = this.sources;
    if (explore.dataSet !== this.seenDataSet) {
      this.seenDataSet = explore.dataSet;
      this.expanded = defaultExpanded(explore.features);
      this.limits = new Map();
      this.seenSelection = null;
    }
    if (store.selected !== this.seenSelection) {
      this.seenSelection = store.selected;
      if (store.selected !== null) {
        this.expandTo(store.selected);
        this.active = store.selected;
      }
    }
  }

  /** Opens the list down to a feature, so a selection made on the map shows in the list. */
  private expandTo(id: string): void {
    const byId = this.sources.store.byId;
    const open = new Set(this.expanded);
    let parent = byId.get(id)?.properties.parent;
    let steps = 0;
    while (parent !== undefined && steps++ < byId.size) {
      open.add(parent);
      parent = byId.get(parent)?.properties.parent;
    }
    if (open.size !== this.expanded.size) this.expanded = open;
  }

  private toggle(id: string): void {
    const open = new Set(this.expanded);
    if (open.has(id)) open.delete(id);
    else open.add(id);
    this.expanded = open;
    this.host.requestUpdate();
  }

  private setFilterByUser(filter: FilterState): void {
    const { explore, store, announcer } = this.sources;
    explore.setFilter(filter);
    announcer.say(t(resolveLang(this.host.lang), 'filterAnnounce', { count: store.shown.length }));
  }

  private readonly treeOf = memoizeLast(
    (
      build: typeof buildTree,
      shown: readonly ParkFeature[],
      byId: ReadonlyMap<string, ParkFeature>,
      sort: SortKey,
      lang: Lang,
    ): TreeNode[] => build(shown, byId, sort, lang),
  );

  /** The panel; until the data chunk has arrived, a panel saying it is loading. */
  render() {
    const lang = resolveLang(this.host.lang);
    const code = dataChunk.loaded;
    if (!code) {
      return html`<aside class="explore" part="list" aria-label=${t(lang, 'list')} aria-busy="true">
        <p class="list-loading">${t(lang, 'loadingData')}</p>
      </aside>`;
    }
    const { explore, store, map, hash, selection, exporter, announcer } = this.sources;
    const shown = store.shown;
    const tree = this.treeOf(code.buildTree, shown, store.byId, this.sort, lang);
    return code.renderExplorePanel({
      lang,
      query: explore.query,
      searchResults: explore.searchResults,
      filter: explore.filter,
      facets: explore.facets,
      totals: explore.totals,
      shownCount: shown.length,
      totalCount: store.features.length,
      asOf: store.asOfView,
      filtered: explore.isFiltered,
      searching: explore.isSearching,
      tree,
      sort: this.sort,
      selected: store.selected,
      expanded: this.expanded,
      listLimits: this.limits,
      canShare: this.host.hash,
      loadedOnly: map.tiled,
      status: announcer.text,
      onQuery: (query) => {
        explore.setQuery(query);
        hash.write('replace');
        if (explore.isSearching) {
          announcer.say(t(lang, 'filterAnnounce', { count: store.shown.length }));
        }
      },
      onChoose: (id) => selection.choose(id),
      onFilter: (filter) => this.setFilterByUser(filter),
      // The search narrows like a filter: clearing the filters clears it too.
      onClearFilter: () => {
        if (explore.query) {
          explore.setQuery('');
          hash.write('replace');
        }
        this.setFilterByUser(EMPTY_FILTER);
      },
      onSort: (sort) => {
        this.sort = sort;
        this.host.requestUpdate();
      },
      active: this.active,
      onActive: (key) => {
        this.active = key;
        this.host.requestUpdate();
      },
      onToggle: (id) => this.toggle(id),
      onShowMore: (key) => {
        const limits = new Map(this.limits);
        limits.set(key, (limits.get(key) ?? code.LIST_PAGE) + code.LIST_PAGE);
        this.limits = limits;
        this.host.requestUpdate();
      },
      onHover: (id) => store.hover(id),
      onExportCsv: () => void exporter.csv(),
      onExportGeoJson: () => void exporter.geoJson(),
      onExportImage: () => void exporter.image(),
      onShare: () => void exporter.share(),
    });
  }
}

/** Zones (and, for small data, parks and plots too) start open in the list. */
function defaultExpanded(features: readonly ParkFeature[]): Set<string> {
  const openKinds = features.length <= 300 ? ['zone', 'park', 'plot'] : ['zone'];
  return new Set(
    features
      .filter((feature) => openKinds.includes(feature.properties.kind))
      .map((feature) => feature.id),
  );
}
