// Parks side by side, as site selectors read them: up to three features picked from the details
// panel, then a table of them — kind, part of, status, progress, the figures (with their
// qualifiers), tenants, hotline (inherited from the zone), sources — in a modal dialog that the
// keyboard reaches and Escape closes, and the same as the officials' CSV. Loaded with the details
// panel (details chunk). Text from data is text.
import { html, nothing } from 'lit';
import { nearestUp } from '../data/inherited.js';
import { FIGURE_KEYS, type ParkFeature } from '../data/types.js';
import { displayName } from '../explore/tree.js';
import { formatFigure, formatPercent } from '../i18n/format.js';
import type { Lang } from '../i18n/lang.js';
import { qualifierOf, qualifyFigure } from '../i18n/qualifiers.js';
import { figureLabel, kindLabel, statusLabel, t } from '../i18n/strings.js';
import { COMPARE_LIMIT } from './compare-limit.js';

const WORDS: Record<
  Lang,
  {
    add: string;
    remove: string;
    full: string;
    bar: (count: number) => string;
    open: string;
    title: string;
    close: string;
    csv: string;
    removeOne: (name: string) => string;
    kind: string;
    parent: string;
    status: string;
    progress: string;
    tenants: string;
    hotline: string;
    sources: string;
    none: string;
  }
> = {
  'zh-CN': {
    add: '加入对比',
    remove: '移出对比',
    full: `对比最多 ${COMPARE_LIMIT} 项`,
    bar: (count) => `对比（${count}/${COMPARE_LIMIT}）：`,
    open: '查看对比表',
    title: '园区对比',
    close: '关闭',
    csv: '导出对比 CSV',
    removeOne: (name) => `移出对比：${name}`,
    kind: '类型',
    parent: '所属',
    status: '状态',
    progress: '进度',
    tenants: '入驻企业',
    hotline: '招商热线',
    sources: '资料来源',
    none: '—',
  },
  en: {
    add: 'Add to comparison',
    remove: 'Remove from comparison',
    full: `At most ${COMPARE_LIMIT} to compare`,
    bar: (count) => `Comparing (${count} of ${COMPARE_LIMIT}): `,
    open: 'Open the comparison',
    title: 'Comparison',
    close: 'Close',
    csv: 'Export the comparison as CSV',
    removeOne: (name) => `Remove from comparison: ${name}`,
    kind: 'Kind',
    parent: 'Part of',
    status: 'Status',
    progress: 'Progress',
    tenants: 'Tenants',
    hotline: 'Investment hotline',
    sources: 'Sources',
    none: '—',
  },
};

export interface CompareContext {
  lang: Lang;
  byId: ReadonlyMap<string, ParkFeature>;
  /** The ids picked, in the order picked. */
  compared: readonly string[];
  /** Whether the table is open. */
  open: boolean;
  onToggle: (id: string) => void;
  onOpen: (open: boolean) => void;
  onCsv: () => void;
}

/** What keeps the comparison (the selection controller, in the first load). */
export interface CompareHost {
  readonly compared: string[];
  readonly comparing: boolean;
  setCompared(ids: readonly string[]): void;
  openCompare(open: boolean): void;
  compareCsv(): void;
}

/** The panel's view of the comparison, with its actions. */
export function compareContext(
  host: CompareHost,
  lang: Lang,
  byId: ReadonlyMap<string, ParkFeature>,
): CompareContext {
  const compared = host.compared;
  return {
    lang,
    byId,
    compared,
    open: host.comparing,
    onToggle: (id) =>
      host.setCompared(
        compared.includes(id) ? compared.filter((one) => one !== id) : [...compared, id],
      ),
    onOpen: (open) => host.openCompare(open),
    onCsv: () => host.compareCsv(),
  };
}

/** The details panel's button: add the shown feature, or take it out again. */
export function renderCompareButton(feature: ParkFeature, context: CompareContext) {
  const words = WORDS[context.lang];
  const picked = context.compared.includes(feature.id);
  const full = !picked && context.compared.length >= COMPARE_LIMIT;
  return html`<button
    type="button"
    class="compare-toggle"
    aria-pressed=${picked ? 'true' : 'false'}
    ?disabled=${full}
    title=${full ? words.full : nothing}
    @click=${() => context.onToggle(feature.id)}
  >
    ${picked ? words.remove : full ? words.full : words.add}
  </button>`;
}

/** What is picked, each removable, and the button that opens the table (none when nothing is). */
export function renderCompareBar(context: CompareContext) {
  const { lang, byId, compared } = context;
  const words = WORDS[lang];
  const picked = compared.flatMap((id) => {
    const feature = byId.get(id);
    return feature ? [feature] : [];
  });
  if (picked.length === 0) return nothing;
  return html`<div class="compare-bar" role="group" aria-label=${words.title}>
    <span class="compare-count">${words.bar(picked.length)}</span>
    ${picked.map(
      (feature) =>
        html`<span class="compare-chip"
          >${displayName(feature, lang)}<button
            type="button"
            class="compare-remove"
            aria-label=${words.removeOne(displayName(feature, lang))}
            @click=${() => context.onToggle(feature.id)}
          >
            ×
          </button></span
        >`,
    )}
    <button type="button" class="compare-open link" @click=${() => context.onOpen(true)}>
      ${words.open}
    </button>
    ${context.open ? renderCompareTable(picked, context) : nothing}
  </div>`;
}

/** Opens the comparison table drawn in `root` as a modal (focus moves into it, the rest is inert). */
export function showCompareTable(root: ParentNode): void {
  const dialog = root.querySelector<HTMLDialogElement>('dialog.compare-dialog');
  if (dialog && !dialog.open) dialog.showModal();
}

/** One row of the table: a label, then a cell per feature. */
function row(label: string, cells: readonly unknown[], key: string) {
  return html`<tr data-row=${key}>
    <th scope="row">${label}</th>
    ${cells.map((cell) => html`<td>${cell}</td>`)}
  </tr>`;
}

/** The table, in a modal dialog (focus stays in it; Escape or 关闭 closes it). */
function renderCompareTable(picked: readonly ParkFeature[], context: CompareContext) {
  const { lang, byId } = context;
  const words = WORDS[lang];
  const none = words.none;
  const figures = FIGURE_KEYS.filter((key) =>
    picked.some((feature) => typeof feature.properties[key] === 'number'),
  );
  const parentOf = (feature: ParkFeature) => {
    const parent = feature.properties.parent ? byId.get(feature.properties.parent) : undefined;
    return parent ? displayName(parent, lang) : none;
  };
  const hotline = (feature: ParkFeature) =>
    nearestUp(feature, byId, (at) => Boolean(at.properties.contact?.phone))?.properties.contact
      ?.phone ?? t(lang, 'notStated');
  return html`<dialog
    class="compare-dialog"
    aria-labelledby="park-map-compare-title"
    @close=${() => context.onOpen(false)}
  >
    <h2 id="park-map-compare-title">${words.title}</h2>
    <div class="compare-scroll">
      <table class="compare-table">
        <thead>
          <tr>
            <td></td>
            ${picked.map((feature) => html`<th scope="col">${displayName(feature, lang)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${row(
            words.kind,
            picked.map((f) => kindLabel(f.properties.kind, lang)),
            'kind',
          )}
          ${row(words.parent, picked.map(parentOf), 'parent')}
          ${row(
            words.status,
            picked.map((f) =>
              f.properties.status ? statusLabel(f.properties.status, lang) : none,
            ),
            'status',
          )}
          ${row(
            words.progress,
            picked.map((f) =>
              typeof f.properties.progress === 'number'
                ? formatPercent(f.properties.progress, lang)
                : none,
            ),
            'progress',
          )}
          ${figures.map((key) =>
            row(
              figureLabel(key, lang),
              picked.map((f) => {
                const value = f.properties[key];
                return typeof value === 'number'
                  ? qualifyFigure(
                      formatFigure(key, value, lang),
                      qualifierOf(f.properties.qualifiers, key),
                      lang,
                    )
                  : t(lang, 'notStated');
              }),
              key,
            ),
          )}
          ${row(
            words.tenants,
            picked.map((f) =>
              f.properties.tenants?.length
                ? f.properties.tenants
                    .map((tenant) =>
                      lang === 'en' ? (tenant['name:en'] ?? tenant.name) : tenant.name,
                    )
                    .join(lang === 'en' ? ', ' : '、')
                : none,
            ),
            'tenants',
          )}
          ${row(words.hotline, picked.map(hotline), 'hotline')}
          ${row(
            words.sources,
            picked.map(
              (f) =>
                [...new Set((f.properties.sources ?? []).map((source) => source.title))].join(
                  lang === 'en' ? '; ' : '；',
                ) || none,
            ),
            'sources',
          )}
        </tbody>
      </table>
    </div>
    <p class="compare-actions">
      <button type="button" class="compare-csv" @click=${context.onCsv}>${words.csv}</button>
      <button type="button" class="compare-close" @click=${() => context.onOpen(false)}>
        ${words.close}
      </button>
    </p>
  </dialog>`;
}
