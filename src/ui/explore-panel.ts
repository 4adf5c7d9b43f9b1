// The side panel: one search box, facet filters with counts, totals of what is shown, the list of
// shown features (zone → park → building) in step with the map, and exports. It is also the
// complete non-map way to use the widget: every feature can be reached and selected from here.
// The list is a WAI-ARIA tree view: one tab stop (roving tabindex), arrow keys inside (see
// treeKeyDown). Written here rather than taken from a library: the few keys it needs cost less
// than any tree widget's code, and the rows stay Lit templates.
// Inline styles are set as properties (`.style=`, CSSOM), never as attributes: a strict CSP
// (style-src without 'unsafe-inline') blocks style attributes, and Lit's styleMap writes one first.
import { html, nothing, type TemplateResult } from 'lit';
import { STATUSES, type Kind } from '../data/types.js';
import type { FacetChoice, FacetCounts, Totals } from '../explore/filter.js';
import type { FilterState, NumberRange } from '../explore/filter-state.js';
import type { SearchResult } from '../explore/search.js';
import { SORT_KEYS, displayName, type SortKey, type TreeNode } from '../explore/tree.js';
import { formatArea, formatCount, formatMoney } from '../i18n/format.js';
import { qualifyTotal } from '../i18n/qualifiers.js';
import { formatNumber } from '../i18n/number.js';
import type { Lang } from '../i18n/lang.js';
import { exploreText } from '../i18n/explore-strings.js';
import { layoutText } from '../i18n/layout-strings.js';
import './sheet.js';
import { kindLabel, statusLabel, t, type MessageKey } from '../i18n/strings.js';
import type { AsOfView } from '../state/as-of.js';
import { notYetText } from './legend.js';
import { industryLabel, isSector, sectorLabel } from '../data/sectors.js';

export interface ExplorePanelContext {
  lang: Lang;
  query: string;
  searchResults: readonly SearchResult[];
  filter: FilterState;
  facets: FacetCounts | undefined;
  totals: Totals | undefined;
  shownCount: number;
  totalCount: number;
  /** The data as of the `date` (null: the latest): how many are not yet there is said. */
  asOf?: AsOfView | null;
  filtered: boolean;
  /** The query narrows what is shown (the totals line says so). */
  searching: boolean;
  tree: readonly TreeNode[];
  sort: SortKey;
  selected: string | null;
  expanded: ReadonlySet<string>;
  /** How many rows each list shows (key: the parent's id, '' for the top), beyond LIST_PAGE. */
  listLimits: ReadonlyMap<string, number>;
  canShare: boolean;
  /** Vector tiles: the list, search and totals cover only the features loaded so far. */
  loadedOnly?: boolean;
  status: string;
  onQuery: (query: string) => void;
  onChoose: (id: string) => void;
  onFilter: (filter: FilterState) => void;
  onClearFilter: () => void;
  onSort: (sort: SortKey) => void;
  /** The row that is the list's tab stop (a feature id, or MORE + the parent key), if any. */
  active: string | null;
  /** A row got focus: it is the tab stop now. */
  onActive: (key: string) => void;
  onToggle: (id: string) => void;
  /** Shows the next LIST_PAGE rows of the list under this parent ('' for the top). */
  onShowMore: (parentKey: string) => void;
  onHover: (id: string | null) => void;
  onExportCsv: () => void;
  onExportGeoJson: () => void;
  onExportImage: () => void;
  onShare: () => void;
}

const SORT_LABELS: Record<SortKey, MessageKey> = {
  name: 'sortName',
  investment: 'sortInvestment',
  floorArea: 'sortFloorArea',
  progress: 'sortProgress',
};

/** Yuan per unit of the investment range inputs: 亿元 in Chinese, CNY million in English. */
export function investmentUnit(lang: Lang): number {
  return lang === 'zh-CN' ? 1e8 : 1e6;
}

function toggled<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((item) => item !== value) : [...list, value];
}

function facetGroup<C extends FacetChoice<string>>(
  context: ExplorePanelContext,
  legend: string,
  facet: string,
  choices: readonly C[],
  label: (choice: C) => string,
  onToggle: (value: C['value']) => void,
  indent?: (choice: C) => number,
) {
  if (choices.length === 0) return nothing;
  // Thousands of parks (vector tiles, national data) would be thousands of checkboxes: the first
  // page, the ticked ones, and "show more".
  const key = `facet:${facet}`;
  const limit = context.listLimits.get(key) ?? LIST_PAGE;
  const shown =
    choices.length <= limit
      ? choices
      : choices.filter((choice, index) => index < limit || choice.selected);
  const hidden = choices.length - shown.length;
  return html`<fieldset class="facet" data-facet=${facet}>
    <legend>${legend}</legend>
    ${shown.map(
      (choice) =>
        html`<label
          class="choice"
          data-value=${choice.value}
          .style=${indent ? `--indent: ${indent(choice)}` : ''}
        >
          <input
            type="checkbox"
            .checked=${choice.selected}
            @change=${() => onToggle(choice.value)}
          />
          <span class="choice-label">${label(choice)}</span>
          <span class="count">${choice.count}</span>
        </label>`,
    )}
    ${
      hidden > 0
        ? html`<button type="button" class="show-more" @click=${() => context.onShowMore(key)}>
            ${t(context.lang, 'showMore', { count: Math.min(LIST_PAGE, hidden), total: hidden })}
          </button>`
        : nothing
    }
  </fieldset>`;
}

function rangeInputs(
  context: ExplorePanelContext,
  key: 'investment' | 'floorArea',
  legend: MessageKey,
  scale: number,
) {
  const { lang, filter } = context;
  const range: NumberRange = filter[key] ?? {};
  const update = (end: 'min' | 'max', raw: string) => {
    const value = raw.trim() === '' ? undefined : Number(raw) * scale;
    const next: NumberRange = { ...range, [end]: value };
    if (next.min === undefined) delete next.min;
    if (next.max === undefined) delete next.max;
    context.onFilter({
      ...filter,
      [key]: next.min === undefined && next.max === undefined ? undefined : next,
    });
  };
  const shown = (value: number | undefined) => (value === undefined ? '' : String(value / scale));
  return html`<fieldset class="facet range" data-facet=${key}>
    <legend>${t(lang, legend)}</legend>
    <label>
      ${t(lang, 'rangeMin')}
      <input
        type="number"
        min="0"
        step="any"
        inputmode="decimal"
        data-end="min"
        .value=${shown(range.min)}
        @change=${(event: Event) => update('min', (event.target as HTMLInputElement).value)}
      />
    </label>
    <label>
      ${t(lang, 'rangeMax')}
      <input
        type="number"
        min="0"
        step="any"
        inputmode="decimal"
        data-end="max"
        .value=${shown(range.max)}
        @change=${(event: Event) => update('max', (event.target as HTMLInputElement).value)}
      />
    </label>
  </fieldset>`;
}

/**
 * The industry facet: the sectors the data's tags fall into, with counts; and any raw tag the
 * filter names (an older link's `industry=…`), so it can be turned off.
 */
function industryFacet(context: ExplorePanelContext) {
  const { lang, facets, filter } = context;
  if (!facets) return nothing;
  const sectors = facets.sectors.map((sector) => ({
    ...sector,
    label: sectorLabel(sector.value, lang),
  }));
  const tags = facets.industries
    .filter((industry) => industry.selected && !sectors.some((s) => s.value === industry.value))
    .map((industry) => ({ ...industry, label: industryLabel(industry.label, lang) }));
  return facetGroup(
    context,
    t(lang, 'industryFacet'),
    'industry',
    [...sectors, ...tags],
    (choice) => choice.label,
    (value) =>
      context.onFilter(
        isSector(value) && sectors.some((sector) => sector.value === value)
          ? { ...filter, sectors: toggled(filter.sectors ?? [], value) }
          : { ...filter, industries: toggled(filter.industries, value) },
      ),
  );
}

function renderFilters(context: ExplorePanelContext) {
  const { lang, facets, filter } = context;
  if (!facets) return nothing;
  return html`<details class="filters" part="filters">
    <summary>${t(lang, 'filters')}</summary>
    ${facetGroup(
      context,
      t(lang, 'statusFacet'),
      'status',
      facets.statuses,
      (choice) =>
        choice.value === 'none'
          ? t(lang, 'noStatusChoice')
          : statusLabel(choice.value as (typeof STATUSES)[number], lang),
      (value) => context.onFilter({ ...filter, statuses: toggled(filter.statuses, value) }),
    )}
    ${facetGroup(
      context,
      t(lang, 'kindFacet'),
      'kind',
      facets.kinds,
      (choice) => kindLabel(choice.value as Kind, lang),
      (value) => context.onFilter({ ...filter, kinds: toggled(filter.kinds, value as Kind) }),
    )}
    ${facetGroup(
      context,
      t(lang, 'zoneFacet'),
      'zone',
      facets.zones,
      (zone) => (lang === 'en' ? zone['name:en'] : undefined) ?? zone.name ?? zone.value,
      (value) => context.onFilter({ ...filter, zones: toggled(filter.zones, value) }),
      (zone) => (zone.parent ? 1 : 0),
    )}
    ${industryFacet(context)}
    ${rangeInputs(context, 'investment', 'investmentRange', investmentUnit(lang))}
    ${rangeInputs(context, 'floorArea', 'floorAreaRange', 1)}
    <button
      type="button"
      class="clear-filters"
      ?disabled=${!context.filtered}
      @click=${context.onClearFilter}
    >
      ${t(lang, 'clearFilters')}
    </button>
  </details>`;
}

function renderTotals(context: ExplorePanelContext) {
  const { lang, totals } = context;
  if (!totals) return nothing;
  // A sum over features none of which states the figure is unknown, not zero.
  const stated = (count: number, value: string) => (count > 0 ? value : t(lang, 'notStated'));
  const { sources, qualifiers } = totals;
  // A sum of figures some of which are 余/以上/约/可达 says what it bounds ("超过…", "over …").
  const sum = (key: keyof typeof qualifiers, value: string) =>
    stated(sources[key], qualifyTotal(value, qualifiers[key], lang));
  const rows: [string, MessageKey, string, string | undefined][] = [
    ['parks', 'totalParks', formatNumber(totals.parks, lang), undefined],
    ['buildings', 'totalBuildings', formatNumber(totals.buildings, lang), undefined],
    [
      'investment',
      'totalInvestment',
      sum('investment', formatMoney(totals.investment, lang)),
      qualifiers.investment,
    ],
    [
      'floorArea',
      'totalFloorArea',
      sum('floorArea', formatArea(totals.floorArea, lang)),
      qualifiers.floorArea,
    ],
    ['jobs', 'totalJobs', sum('jobs', formatCount(totals.jobs, 'jobs', lang)), qualifiers.jobs],
    [
      'companies',
      'totalCompanies',
      sum('companies', formatCount(totals.companies, 'companies', lang)),
      qualifiers.companies,
    ],
  ];
  return html`<section class="totals" part="totals" aria-label=${t(lang, 'totalsTitle')}>
    <p class="shown-count">
      ${t(lang, 'shownCount', { count: context.shownCount, total: context.totalCount })}${
        context.searching ? exploreText(lang, 'matching', context.query.trim()) : nothing
      }
    </p>
    ${
      context.asOf?.notYet.size
        ? html`<p class="not-yet">${notYetText(lang, context.asOf.notYet.size)}</p>`
        : nothing
    }
    <dl>
      ${rows.map(
        ([key, label, value, qualifier]) =>
          html`<div class="total" data-total=${key} data-qualifier=${qualifier ?? nothing}>
            <dt>${t(lang, label)}</dt>
            <dd>${value}</dd>
          </div>`,
      )}
    </dl>
  </section>`;
}

function renderSearch(context: ExplorePanelContext) {
  const { lang } = context;
  return html`<div class="search" part="search" role="search">
    ${context.loadedOnly ? html`<p class="loaded-only">${t(lang, 'loadedOnly')}</p>` : nothing}
    <input
      type="search"
      class="search-input"
      aria-label=${t(lang, 'search')}
      placeholder=${t(lang, 'searchPlaceholder')}
      .value=${context.query}
      @input=${(event: Event) => context.onQuery((event.target as HTMLInputElement).value)}
      @keydown=${(event: KeyboardEvent) => {
        if (event.key === 'Enter' && context.searchResults[0]) {
          event.preventDefault();
          context.onChoose(context.searchResults[0].id);
        }
        if (event.key === 'ArrowDown') {
          event.preventDefault();
          const first = (event.target as HTMLElement)
            .closest('.search')
            ?.querySelector<HTMLButtonElement>('.search-results button');
          first?.focus();
        }
      }}
    />
    ${
      context.query.trim()
        ? html`<ul class="search-results" aria-label=${t(lang, 'searchResults')}>
            ${
              context.searchResults.length === 0
                ? html`<li class="no-results">${t(lang, 'noResults')}</li>`
                : context.searchResults.map(
                    (result) =>
                      html`<li>
                        <button
                          type="button"
                          data-id=${result.id}
                          @click=${() => context.onChoose(result.id)}
                          @keydown=${(event: KeyboardEvent) => {
                            const item = (event.target as HTMLElement).closest('li');
                            if (event.key === 'ArrowDown') {
                              event.preventDefault();
                              item?.nextElementSibling?.querySelector('button')?.focus();
                            }
                            if (event.key === 'ArrowUp') {
                              event.preventDefault();
                              const previous =
                                item?.previousElementSibling?.querySelector('button');
                              if (previous) previous.focus();
                              else
                                item
                                  ?.closest('.search')
                                  ?.querySelector<HTMLInputElement>('input')
                                  ?.focus();
                            }
                          }}
                        >
                          <span class="result-name"
                            >${(lang === 'en' ? result['name:en'] : undefined) ?? result.name}</span
                          >
                          <span class="result-kind">${kindLabel(result.kind, lang)}</span>
                          ${
                            result.matched === 'tenant'
                              ? html`<span class="result-match"
                                  >${t(lang, 'tenantMatch', { name: result.matchedText })}</span
                                >`
                              : nothing
                          }
                        </button>
                      </li>`,
                  )
            }
          </ul>`
        : nothing
    }
  </div>`;
}

/**
 * Rows a list shows at first, and more per "show more": thousands of rows (a national data set, or
 * the parks in the loaded tiles) would cost seconds of DOM work and help nobody scrolling.
 */
export const LIST_PAGE = 100;

/** The rows of one list: the first `limit`, the selected feature (or the branch to it) after them. */
function renderRows(
  nodes: readonly TreeNode[],
  context: ExplorePanelContext,
  depth: number,
  parentKey: string,
): TemplateResult {
  const limit = context.listLimits.get(parentKey) ?? LIST_PAGE;
  if (nodes.length <= limit) {
    return html`${nodes.map((node) => renderNode(node, context, depth))}`;
  }
  const rest = nodes.slice(limit);
  // The selected feature stays in reach from the list: it, or the open branch leading to it.
  const kept = rest.filter(
    (node) => node.feature.id === context.selected || context.expanded.has(node.feature.id),
  );
  const hidden = rest.length - kept.length;
  const key = MORE + parentKey;
  return html`${nodes.slice(0, limit).map((node) => renderNode(node, context, depth))}
  ${kept.map((node) => renderNode(node, context, depth))}
  ${
    hidden > 0
      ? html`<li
          class="more"
          role="treeitem"
          aria-level=${depth + 1}
          tabindex=${tabStop(key, context)}
          data-more=${parentKey}
          data-next=${rest.find((node) => !kept.includes(node))?.feature.id ?? ''}
          .style=${`--depth: ${depth}`}
          @click=${(event: Event) => showMore(event.currentTarget as HTMLElement, context)}
        >
          <span class="show-more">
            ${t(context.lang, 'showMore', { count: Math.min(LIST_PAGE, hidden), total: hidden })}
          </span>
        </li>`
      : nothing
  }`;
}

/** The key of a "show more" row: MORE + its parent's key (a feature id cannot start with NUL). */
const MORE = '\u0000more:';

/** Set while the tree renders: whether the active row was among the rows drawn. */
let activeDrawn = false;

/** 0 for the list's one tab stop, -1 for the other rows (reached with the arrow keys). */
function tabStop(key: string, context: ExplorePanelContext): number {
  if (key !== context.active) return -1;
  activeDrawn = true;
  return 0;
}

function renderNode(node: TreeNode, context: ExplorePanelContext, depth: number): TemplateResult {
  const { lang } = context;
  const feature = node.feature;
  const open = context.expanded.has(feature.id);
  const status = feature.properties.status;
  const parent = node.children.length > 0;
  const name = displayName(feature, lang);
  const meta = `${kindLabel(feature.properties.kind, lang)}${status ? ` · ${statusLabel(status, lang)}` : ''}${
    parent ? ` · ${node.children.length}` : ''
  }`;
  // The row is the treeitem, not the <li>: a treeitem's name comes from its content, which must not
  // take in the open children's. The lists and items around the rows are only layout (role none),
  // so the rows are a flat tree in levels (aria-level), as ARIA allows.
  return html`<li
    class="item"
    role="none"
    data-id=${feature.id}
    data-kind=${feature.properties.kind}
    data-status=${status ?? 'none'}
    .style=${`--depth: ${depth}`}
  >
    <div
      class="row"
      role="treeitem"
      aria-level=${depth + 1}
      aria-expanded=${parent ? (open ? 'true' : 'false') : nothing}
      aria-selected=${context.selected === feature.id ? 'true' : nothing}
      tabindex=${tabStop(feature.id, context)}
      data-id=${feature.id}
      @mouseenter=${() => context.onHover(feature.id)}
      @mouseleave=${() => context.onHover(null)}
    >
      ${
        parent
          ? html`<span
              class="toggle"
              aria-hidden="true"
              @click=${() => context.onToggle(feature.id)}
              >${open ? '▾' : '▸'}</span
            >`
          : html`<span class="toggle-space"></span>`
      }
      <span class="status-swatch" data-status=${status ?? 'none'} aria-hidden="true"></span>
      <span class="choose" @click=${() => context.onChoose(feature.id)}>
        <span class="item-name">${name}</span>
        <span class="item-meta">${meta}</span>
      </span>
    </div>
    ${
      open && parent
        ? html`<ul role="none">
            ${renderRows(node.children, context, depth + 1, feature.id)}
          </ul>`
        : nothing
    }
  </li>`;
}

/** A "show more" row activated: the next rows are drawn and the first of them takes focus. */
function showMore(item: HTMLElement, context: ExplorePanelContext): void {
  const tree = item.closest('[role="tree"]');
  const next = item.dataset.next ?? '';
  context.onShowMore(item.dataset.more ?? '');
  // Lit draws the new rows before the next frame.
  requestAnimationFrame(() =>
    tree?.querySelector<HTMLElement>(`[role="treeitem"][data-id="${CSS.escape(next)}"]`)?.focus(),
  );
}

/**
 * The tree view's keys (WAI-ARIA APG): Up/Down the previous/next visible row, Home/End the
 * first/last, Right opens a closed row or goes to its first child, Left closes an open row or goes
 * to its parent, Enter/Space selects (or shows more), a character goes to the next row whose name
 * starts with it.
 */
function treeKeyDown(event: KeyboardEvent, context: ExplorePanelContext): void {
  const item = (event.target as HTMLElement).closest<HTMLElement>('[role="treeitem"]');
  if (!item || event.altKey || event.ctrlKey || event.metaKey) return;
  const items = [
    ...(event.currentTarget as HTMLElement).querySelectorAll<HTMLElement>('[role="treeitem"]'),
  ];
  const index = items.indexOf(item);
  const id = item.dataset.id;
  const expanded = item.getAttribute('aria-expanded');
  let next: HTMLElement | null | undefined;
  switch (event.key) {
    case 'ArrowDown':
      next = items[index + 1];
      break;
    case 'ArrowUp':
      next = items[index - 1];
      break;
    case 'Home':
      next = items[0];
      break;
    case 'End':
      next = items.at(-1);
      break;
    case 'ArrowRight':
      if (expanded === 'false' && id !== undefined) context.onToggle(id);
      else if (expanded === 'true') next = items[index + 1];
      break;
    case 'ArrowLeft':
      if (expanded === 'true' && id !== undefined) context.onToggle(id);
      else {
        next = item
          .closest('ul')
          ?.closest('li')
          ?.querySelector<HTMLElement>(':scope > [role="treeitem"]');
      }
      break;
    case 'Enter':
    case ' ':
      if (id !== undefined) context.onChoose(id);
      else showMore(item, context);
      break;
    default: {
      if ([...event.key].length !== 1 || event.key.trim() === '') return;
      const letter = event.key.toLocaleLowerCase();
      const after = [...items.slice(index + 1), ...items.slice(0, index)];
      next = after.find((row) =>
        row.querySelector('.item-name')?.textContent?.toLocaleLowerCase().startsWith(letter),
      );
      if (!next) return;
    }
  }
  event.preventDefault();
  event.stopPropagation();
  next?.focus();
}

/** Focus came into the tree: on a row, it becomes the tab stop; on the tree, it goes to a row. */
function treeFocusIn(event: FocusEvent, context: ExplorePanelContext): void {
  const tree = event.currentTarget as HTMLElement;
  const item = (event.target as HTMLElement).closest<HTMLElement>('[role="treeitem"]');
  if (!item) {
    // No row was the tab stop (none yet, or it was filtered out): the selected row, or the first.
    (
      tree.querySelector<HTMLElement>('[aria-selected="true"]') ??
      tree.querySelector<HTMLElement>('[role="treeitem"]')
    )?.focus();
    return;
  }
  const id = item.dataset.id;
  context.onActive(id ?? MORE + (item.dataset.more ?? ''));
  context.onHover(id ?? null);
}

function renderTree(context: ExplorePanelContext): TemplateResult {
  activeDrawn = false;
  const rows = renderRows(context.tree, context, 0, '');
  // The tree itself is the tab stop while no row is (it hands focus to a row: treeFocusIn).
  return html`<ul
    class="tree"
    role="tree"
    aria-label=${t(context.lang, 'list')}
    tabindex=${activeDrawn ? nothing : 0}
    @keydown=${(event: KeyboardEvent) => treeKeyDown(event, context)}
    @focusin=${(event: FocusEvent) => treeFocusIn(event, context)}
    @focusout=${() => context.onHover(null)}
  >
    ${rows}
  </ul>`;
}

export function renderExplorePanel(context: ExplorePanelContext): TemplateResult {
  const { lang } = context;
  // On a narrow element, the bottom sheet (sheet.ts).
  return html`<park-map-sheet
    part="sheet"
    exportparts="handle: sheet-handle"
    .label=${t(lang, 'list')}
    .hint=${layoutText(lang, 'sheetHint')}
    ><aside class="explore" part="list" aria-label=${t(lang, 'list')}>
      ${renderSearch(context)} ${renderFilters(context)} ${renderTotals(context)}
      <div class="list-head">
        <label>
          ${t(lang, 'sortBy')}
          <select
            class="sort"
            @change=${(event: Event) => context.onSort((event.target as HTMLSelectElement).value as SortKey)}
          >
            ${SORT_KEYS.map(
              (key) =>
                html`<option value=${key} ?selected=${key === context.sort}>
                  ${t(lang, SORT_LABELS[key])}
                </option>`,
            )}
          </select>
        </label>
      </div>
      ${context.tree.length ? renderTree(context) : html`<p class="no-results">${t(lang, 'noResults')}</p>`}
      <div class="exports">
        <button type="button" class="export-csv" @click=${context.onExportCsv}>
          ${t(lang, 'exportCsv')}
        </button>
        <button type="button" class="export-geojson" @click=${context.onExportGeoJson}>
          ${t(lang, 'exportGeoJson')}
        </button>
        <button type="button" class="export-image" @click=${context.onExportImage}>
          ${t(lang, 'exportImage')}
        </button>
        ${
          context.canShare
            ? html`<button type="button" class="share" @click=${context.onShare}>
                ${t(lang, 'share')}
              </button>`
            : nothing
        }
      </div>
      <p class="visually-hidden" role="status" aria-live="polite">${context.status}</p>
    </aside></park-map-sheet
  >`;
}
