// What sits on the map beside the panels: the text summary screen readers hear for it, the
// "loading…"/"no WebGL" overlay, and the 2D/3D switch with the list toggle and "show all".
import { html, nothing, type TemplateResult } from 'lit';
import { KINDS, type ParkFeature } from '../data/types.js';
import type { Lang } from '../i18n/lang.js';
import { kindLabel, t } from '../i18n/strings.js';
import { memoizeLast } from './memo.js';

/** The id the map's `aria-describedby` points at. */
export const MAP_SUMMARY_ID = 'park-map-summary';

/** A text summary of what the map shows ("4 features: 1 zone, 1 park, 2 buildings…"). */
export const summarize = memoizeLast((shown: readonly ParkFeature[], lang: Lang): string => {
  const tally = new Map<string, number>();
  for (const feature of shown) {
    tally.set(feature.properties.kind, (tally.get(feature.properties.kind) ?? 0) + 1);
  }
  const kinds = KINDS.filter((kind) => tally.has(kind)).map(
    (kind) => `${kindLabel(kind, lang)} ${tally.get(kind)}`,
  );
  return t(lang, 'mapSummary', {
    count: shown.length,
    kinds: kinds.join(lang === 'zh-CN' ? '、' : ', '),
  });
});

/** The summary, hidden from sight; its text is exactly the summary (no surrounding whitespace). */
export function renderMapSummary(shown: readonly ParkFeature[], lang: Lang): TemplateResult {
  const summary = summarize(shown, lang);
  return html`<p id=${MAP_SUMMARY_ID} class="visually-hidden">${summary}</p>`;
}

export interface OverlayState {
  lang: Lang;
  /** The map could not be made (no WebGL). */
  failed: boolean;
  contextLost: boolean;
  /** The data is on its way. */
  loadingData: boolean;
  /** The map is made and has its style. */
  mapReady: boolean;
}

/** The message over the map while it is not usable, or nothing. */
export function renderOverlay(state: OverlayState): TemplateResult | typeof nothing {
  const { lang } = state;
  let message: string | undefined;
  if (state.failed) message = t(lang, 'webglUnavailable');
  else if (state.contextLost) message = t(lang, 'contextLost');
  else if (state.loadingData) message = t(lang, 'loadingData');
  else if (!state.mapReady) message = t(lang, 'loading');
  if (!message) return nothing;
  return html`<div class="overlay" role="status"><span class="message">${message}</span></div>`;
}

export interface ViewControlsState {
  lang: Lang;
  view: '2d' | '3d';
  /** The element has no list (`no-list`): no toggle for it. */
  noList: boolean;
  listHidden: boolean;
  onView: (view: '2d' | '3d') => void;
  onToggleList: () => void;
  onFitAll: () => void;
}

/** 2D/3D switch and the list toggle, over the map's lower left corner. */
export function renderViewControls(state: ViewControlsState): TemplateResult {
  const { lang } = state;
  return html`<div class="view-controls" part="view-controls">
    <div class="view-switch" role="group" aria-label=${t(lang, 'viewMode')}>
      ${(['2d', '3d'] as const).map(
        (view) =>
          html`<button
            type="button"
            data-view=${view}
            aria-pressed=${state.view === view ? 'true' : 'false'}
            @click=${() => state.onView(view)}
          >
            ${t(lang, view === '2d' ? 'view2d' : 'view3d')}
          </button>`,
      )}
    </div>
    ${
      state.noList
        ? nothing
        : html`<button
            type="button"
            class="list-toggle"
            aria-pressed=${state.listHidden ? 'false' : 'true'}
            @click=${state.onToggleList}
          >
            ${t(lang, state.listHidden ? 'showList' : 'hideList')}
          </button>`
    }
    <button type="button" class="fit-all" @click=${state.onFitAll}>${t(lang, 'fitAll')}</button>
  </div>`;
}
