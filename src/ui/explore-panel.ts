// The side panel: one search box, facet filters with counts, totals of what is shown, the list of
// shown features (zone → park → building) in step with the map, and exports. It is also the
// complete non-map way to use the widget: every feature can be reached and selected from here.
// Inline styles are set as properties (`.style=`, CSSOM), never as attributes: a strict CSP
// (style-src without 'unsafe-inline') blocks style attributes, and Lit's styleMap writes one first.
import { html, nothing, type TemplateResult } from 'lit';
import { STATUSES, type Kind } from '../data/types.js';
import type { FacetChoice, FacetCounts, Totals } from '../explore/filter.js';
import type { FilterState, NumberRange } from '../explore/filter-state.js';
import type { SearchResult } from '../explore/search.js';
import { SORT_KEYS, displayName, type SortKey, type TreeNode } from '../explore/tree.js';
import { formatArea, formatCount, formatMoney } from '../i18n/format.js';
import { formatNumber } from '../i18n/number.js';
import type { Lang } from '../i18n/lang.js';
import { layoutText } from '../i18n/layout-strings.js';
import './sheet.js';
import { kindLabel, statusLabel, t, type MessageKey } from '../i18n/strings.js';
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
  filtered: boolean;
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
  const { sources } = totals;
  const rows: [string, MessageKey, string][] = [
    ['parks', 'totalParks', formatNumber(totals.parks, lang)],
    ['buildings', 'totalBuildings', formatNumber(totals.buildings, lang)],
    [
      'investment',
      'totalInvestment',
      stated(sources.investment, formatMoney(totals.investment, lang)),
    ],
    ['floorArea', 'totalFloorArea', stated(sources.floorArea, formatArea(totals.floorArea, lang))],
    ['jobs', 'totalJobs', stated(sources.jobs, formatCount(totals.jobs, 'jobs', lang))],
    [
      'companies',
      'totalCompanies',
      stated(sources.companies, formatCount(totals.companies, 'companies', lang)),
    ],
  ];
  return html`<section class="totals" part="totals" aria-label=${t(lang, 'totalsTitle')}>
    <p class="shown-count">
      ${t(lang, 'shownCount', { count: context.shownCount, total: context.totalCount })}
    </p>
    <dl>
      ${rows.map(
        ([key, label, value]) =>
          html`<div class="total" data-total=${key}>
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
  return html`${nodes.slice(0, limit).map((node) => renderNode(node, context, depth))}
  ${kept.map((node) => renderNode(node, context, depth))}
  ${
    hidden > 0
      ? html`<li class="more" .style=${`--depth: ${depth}`}>
          <button type="button" class="show-more" @click=${() => context.onShowMore(parentKey)}>
            ${t(context.lang, 'showMore', { count: Math.min(LIST_PAGE, hidden), total: hidden })}
          </button>
        </li>`
      : nothing
  }`;
}

function renderNode(node: TreeNode, context: ExplorePanelContext, depth: number): TemplateResult {
  const { lang } = context;
  const feature = node.feature;
  const open = context.expanded.has(feature.id);
  const status = feature.properties.status;
  return html`<li
    class="item"
    data-id=${feature.id}
    data-kind=${feature.properties.kind}
    data-status=${status ?? 'none'}
    .style=${`--depth: ${depth}`}
  >
    <div class="row">
      ${
        node.children.length
          ? html`<button
              type="button"
              class="toggle"
              aria-expanded=${open ? 'true' : 'false'}
              aria-label=${`${t(lang, open ? 'collapse' : 'expand')} ${displayName(feature, lang)}`}
              @click=${() => context.onToggle(feature.id)}
            >
              ${open ? '▾' : '▸'}
            </button>`
          : html`<span class="toggle-space"></span>`
      }
      <span class="status-swatch" data-status=${status ?? 'none'} aria-hidden="true"></span>
      <button
        type="button"
        class="choose"
        aria-current=${context.selected === feature.id ? 'true' : 'false'}
        @click=${() => context.onChoose(feature.id)}
        @mouseenter=${() => context.onHover(feature.id)}
        @mouseleave=${() => context.onHover(null)}
        @focus=${() => context.onHover(feature.id)}
        @blur=${() => context.onHover(null)}
      >
        <span class="item-name">${displayName(feature, lang)}</span>
        <span class="item-meta"
          >${kindLabel(feature.properties.kind, lang)}${status ? ` · ${statusLabel(status, lang)}` : ''}${
            node.children.length ? ` · ${node.children.length}` : ''
          }</span
        >
      </button>
    </div>
    ${
      open && node.children.length
        ? html`<ul>
            ${renderRows(node.children, context, depth + 1, feature.id)}
          </ul>`
        : nothing
    }
  </li>`;
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
      ${
        context.tree.length
          ? html`<ul class="tree">
              ${renderRows(context.tree, context, 0, '')}
            </ul>`
          : html`<p class="no-results">${t(lang, 'noResults')}</p>`
      }
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
