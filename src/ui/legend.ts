// The legend: what each status colour means, always with its label (never colour alone).
import { html, type TemplateResult } from 'lit';
import { KINDS, STATUSES, type ParkFeature, type Status } from '../data/types.js';
import type { Lang } from '../i18n/lang.js';
import { kindLabel, statusLabel, t } from '../i18n/strings.js';

/** Statuses present in the data, in lifecycle order, with how many features have each. */
export function statusCounts(features: readonly ParkFeature[]): Map<Status, number> {
  const counts = new Map<Status, number>();
  for (const status of STATUSES) {
    const count = features.filter((feature) => feature.properties.status === status).length;
    if (count > 0) counts.set(status, count);
  }
  return counts;
}

export function renderLegend(features: readonly ParkFeature[], lang: Lang): TemplateResult {
  const counts = statusCounts(features);
  const kinds = KINDS.filter((kind) =>
    features.some((feature) => feature.properties.kind === kind && kind !== 'project'),
  );
  return html`<details class="legend" part="legend" open>
    <summary>${t(lang, 'legend')}</summary>
    <ul class="legend-statuses">
      ${[...counts].map(
        ([status, count]) =>
          html`<li data-status=${status}>
            <span class="status-swatch" data-status=${status} aria-hidden="true"></span>
            <span>${statusLabel(status, lang)}</span>
            <span class="count">${count}</span>
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
    </ul>
  </details>`;
}
