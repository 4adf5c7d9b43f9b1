// The legend: what each status colour means, always with its label (never colour alone). Its
// button folds it; it starts open, but folded on a narrow element (late.styles.ts NARROW_WIDTH),
// where it opens as a small overlay above its button. <park-map-legend> renders into the element's
// shadow root (no shadow root of its own), so the shared swatch styles reach it.
import { LitElement, html, type TemplateResult } from 'lit';
import { NARROW_WIDTH, adoptLateStyles } from './late.styles.js';
import { KINDS, STATUSES, type Kind, type ParkFeature, type Status } from '../data/types.js';
import { memoizeLast } from './memo.js';
import type { AsOfView } from '../state/as-of.js';
import type { Lang } from '../i18n/lang.js';
import { kindLabel, statusLabel, t } from '../i18n/strings.js';

/** Statuses present in the data, in lifecycle order, with how many features have each; one pass. */
function statusCounts(features: readonly ParkFeature[]): Map<Status, number> {
  const tally = new Map<string, number>();
  for (const feature of features) {
    const status = feature.properties.status;
    if (status) tally.set(status, (tally.get(status) ?? 0) + 1);
  }
  const counts = new Map<Status, number>();
  for (const status of STATUSES) {
    const count = tally.get(status);
    if (count) counts.set(status, count);
  }
  return counts;
}

/** Kinds present (projects have no swatch of their own: they are drawn like buildings). */
function presentKinds(features: readonly ParkFeature[]): Kind[] {
  const present = new Set(features.map((feature) => feature.properties.kind));
  return KINDS.filter((kind) => kind !== 'project' && present.has(kind));
}

// The legend re-renders with the element; the counts change only with the data and the filters.
const countsOf = memoizeLast(statusCounts);
const passingCountsOf = memoizeLast(statusCounts);
const kindsOf = memoizeLast(presentKinds);

/**
 * "2/5" in Chinese, "2 of 5" in English: what passes of all. Here, in the data chunk, rather than
 * in i18n/strings.ts, which is on the first load.
 */
function passingCount(lang: Lang, passing: number, total: number): string {
  return lang === 'en' ? `${passing} of ${total}` : `${passing}/${total}`;
}

/**
 * `shown`: what passes the filters, when they are set: each status then counts what passes, of
 * all it has ("2 / 5"), and a status none of whose features pass stays listed, dimmed.
 */
function renderRows(
  features: readonly ParkFeature[],
  lang: Lang,
  shown?: readonly ParkFeature[],
): TemplateResult {
  const counts = countsOf(features);
  const passing = shown ? passingCountsOf(shown) : undefined;
  const kinds = kindsOf(features);
  return html`<ul class="legend-statuses">
      ${[...counts].map(
        ([status, count]) =>
          html`<li
            data-status=${status}
            ?data-none=${passing !== undefined && !passing.has(status)}
          >
            <span class="status-swatch" data-status=${status} aria-hidden="true"></span>
            <span>${statusLabel(status, lang)}</span>
            ${
              passing
                ? html`<span class="count"
                    >${passingCount(lang, passing.get(status) ?? 0, count)}</span
                  >`
                : html`<span class="count">${count}</span>`
            }
          </li>`,
      )}
    </ul>
    <ul class="legend-kinds">
      ${kinds.map(
        (kind) =>
          html`<li data-kind=${kind}>
            <span class="kind-swatch" aria-hidden="true"></span>
            <span>${kindLabel(kind, lang)}</span>
          </li>`,
      )}
    </ul>`;
}

export class ParkMapLegend extends LitElement {
  static override properties = {
    features: { attribute: false },
    shown: { attribute: false },
    notYet: { attribute: false },
    language: { attribute: false },
    open: { state: true },
    narrow: { state: true },
  };

  features: readonly ParkFeature[] = [];
  /** What passes the filters, when they are set (see renderRows). */
  shown: readonly ParkFeature[] | undefined = undefined;
  /** How many features the as-of date leaves out (not yet there). */
  notYet = 0;
  language: Lang = 'zh-CN';
  /** The reader's choice; until they make one, open unless the element is narrow. */
  private open: boolean | undefined = undefined;
  private narrow = false;
  private observer: ResizeObserver | undefined;

  protected override createRenderRoot(): this {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    adoptLateStyles(this);
    const host = (this.getRootNode() as ShadowRoot).host as HTMLElement | undefined;
    if (!host) return;
    this.narrow = host.clientWidth <= NARROW_WIDTH;
    this.observer = new ResizeObserver(([entry]) => {
      if (entry) this.narrow = entry.contentRect.width <= NARROW_WIDTH;
    });
    this.observer.observe(host);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.observer?.disconnect();
    this.observer = undefined;
  }

  protected override render(): TemplateResult {
    const lang = this.language;
    const open = this.open ?? !this.narrow;
    return html`<div class="legend" part="legend">
      <button
        type="button"
        class="legend-toggle"
        part="legend-toggle"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls="park-map-legend-body"
        @click=${() => (this.open = !open)}
      >
        ${t(lang, 'legend')}
      </button>
      <div class="legend-body" id="park-map-legend-body" ?hidden=${!open}>
        ${renderRows(this.features, lang, this.shown)}
        ${this.notYet > 0 ? html`<p class="legend-not-yet">${notYetText(lang, this.notYet)}</p>` : ''}
      </div>
    </div>`;
  }
}

if (!customElements.get('park-map-legend')) customElements.define('park-map-legend', ParkMapLegend);

/** What the as-of date leaves out: "另有 N 项在此日期之后才出现" / "N more appear after this date". */
export function notYetText(lang: Lang, count: number): string {
  if (lang === 'en') return `${count} more ${count === 1 ? 'appears' : 'appear'} after this date`;
  return `另有 ${count} 项在此日期之后才出现`;
}

/** `asOf`: the data as of the `date` (null: the latest): its features counted, and those not yet. */
export function renderLegend(
  features: readonly ParkFeature[],
  lang: Lang,
  shown?: readonly ParkFeature[],
  asOf?: AsOfView | null,
): TemplateResult {
  return html`<park-map-legend
    .features=${asOf?.features ?? features}
    .shown=${shown}
    .notYet=${asOf?.notYet.size ?? 0}
    .language=${lang}
  ></park-map-legend>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'park-map-legend': ParkMapLegend;
  }
}
