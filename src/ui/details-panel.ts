// The details panel: everything the data says about one feature, formatted for the reader's
// language. A template function (not an element) so it lives in the host's shadow root and `::part`.
// All data text goes through Lit's text bindings: it is never parsed as HTML.
import { html, nothing, type TemplateResult } from 'lit';
import {
  FIGURE_KEYS,
  type Figures,
  type ParkFeature,
  type Source,
  type Tenant,
} from '../data/types.js';
import { formatDate, formatFigure, formatPercent } from '../i18n/format.js';
import type { Lang } from '../i18n/lang.js';
import { figureLabel, kindLabel, statusLabel, t } from '../i18n/strings.js';
import { safeContactUrl } from './safe-url.js';

export interface DetailsContext {
  lang: Lang;
  /** Looks a parent up by id, to name the park or zone a feature belongs to. */
  byId: ReadonlyMap<string, ParkFeature>;
  onClose: () => void;
  onSelect: (id: string) => void;
}

function figureRows(figures: Figures, lang: Lang, className: string) {
  const present = FIGURE_KEYS.filter((key) => typeof figures[key] === 'number');
  if (present.length === 0) return nothing;
  return html`<dl class=${className}>
    ${present.map(
      (key) =>
        html`<div class="row" data-figure=${key}>
          <dt>${figureLabel(key, lang)}</dt>
          <dd>${formatFigure(key, figures[key] as number, lang)}</dd>
        </div>`,
    )}
  </dl>`;
}

function tenantItem(tenant: Tenant, lang: Lang) {
  const english = tenant['name:en'];
  const secondary = lang === 'en' ? english : undefined;
  return html`<li>
    <span class="tenant-name" lang="zh-CN">${tenant.name}</span>${
      secondary ? html` <span class="tenant-name-en" lang="en">(${secondary})</span>` : nothing
    }${tenant.industry ? html` <span class="tenant-industry">· ${tenant.industry}</span>` : nothing}
  </li>`;
}

function sourceItem(source: Source, lang: Lang) {
  return html`<li>
    <cite>${source.title}</cite>${
      source.date
        ? html` <span class="source-date">${formatDate(source.date, lang)}</span>`
        : nothing
    }${source.quote ? html`<q lang="zh-CN">${source.quote}</q>` : nothing}
  </li>`;
}

export function renderDetails(feature: ParkFeature, context: DetailsContext): TemplateResult {
  const { lang, byId } = context;
  const p = feature.properties;
  const englishName = p['name:en'];
  const parent = p.parent ? byId.get(p.parent) : undefined;
  const targets = p.targets && FIGURE_KEYS.some((key) => typeof p.targets?.[key] === 'number');
  const contactUrl = safeContactUrl(p.contact?.url);
  const phoneUrl = safeContactUrl(
    p.contact?.phone ? `tel:${p.contact.phone.replace(/[^\d+]/g, '')}` : undefined,
  );
  return html`<section
    class="details"
    part="details"
    role="region"
    aria-labelledby="park-map-details-title"
    data-feature-id=${feature.id}
  >
    <header>
      <div>
        <h2 id="park-map-details-title" lang="zh-CN">${p.name}</h2>
        ${englishName ? html`<p class="name-en" lang="en">${englishName}</p>` : nothing}
        <p class="kind">
          ${kindLabel(p.kind, lang)}${
            parent
              ? html` · ${t(lang, 'parent')}
                  <button class="link" type="button" @click=${() => context.onSelect(parent.id)}>
                    ${parent.properties.name}
                  </button>`
              : nothing
          }
        </p>
      </div>
      <button
        class="close"
        type="button"
        part="close-button"
        aria-label=${t(lang, 'close')}
        title=${t(lang, 'close')}
        @click=${context.onClose}
      >
        ×
      </button>
    </header>
    <div class="status" data-status=${p.status ?? 'none'}>
      <span class="status-swatch" aria-hidden="true"></span>
      <span class="status-label"
        >${p.status ? statusLabel(p.status, lang) : t(lang, 'unknownStatus')}</span
      >
      ${p.statusDate ? html`<span class="status-date">${formatDate(p.statusDate, lang)}</span>` : nothing}
    </div>
    ${
      typeof p.progress === 'number'
        ? html`<div class="progress">
            <progress max="100" .value=${p.progress} aria-label=${t(lang, 'progress')}></progress>
            <span>${t(lang, 'progressValue', { percent: formatPercent(p.progress, lang) })}</span>
          </div>`
        : nothing
    }
    ${p.statusNote ? html`<p class="status-note" lang="zh-CN">${p.statusNote}</p>` : nothing}
    ${
      p.operator
        ? html`<p class="operator">
            <span class="label">${t(lang, 'operator')}</span> ${p.operator}
          </p>`
        : nothing
    }
    ${
      p.industries?.length
        ? html`<p class="industries">
            <span class="label">${t(lang, 'industries')}</span> ${p.industries.join('、')}
          </p>`
        : nothing
    }
    ${figureRows(p, lang, 'figures')}
    ${
      targets
        ? html`<div class="targets">
            <h3>${t(lang, 'targets')}</h3>
            <p class="target-note">${t(lang, 'targetNote')}</p>
            ${figureRows(p.targets as Figures, lang, 'figures target-figures')}
          </div>`
        : nothing
    }
    ${
      p.tenants?.length
        ? html`<div class="tenants">
            <h3>${t(lang, 'tenants')} (${p.tenants.length})</h3>
            <ul>
              ${p.tenants.map((tenant) => tenantItem(tenant, lang))}
            </ul>
          </div>`
        : nothing
    }
    ${
      p.contact && (phoneUrl || contactUrl)
        ? html`<p class="contact">
            <span class="label">${t(lang, 'contact')}</span>
            ${phoneUrl ? html`<a href=${phoneUrl}>${p.contact.phone}</a>` : nothing}
            ${
              contactUrl
                ? html`<a href=${contactUrl} target="_blank" rel="noopener noreferrer"
                    >${p.contact.url}</a
                  >`
                : nothing
            }
          </p>`
        : nothing
    }
    ${p.approximate ? html`<p class="approximate">${t(lang, 'approximate')}</p>` : nothing}
    ${
      p.sources?.length
        ? html`<details class="sources">
            <summary>${t(lang, 'sources')} (${p.sources.length})</summary>
            <ul>
              ${p.sources.map((source) => sourceItem(source, lang))}
            </ul>
          </details>`
        : nothing
    }
  </section>`;
}
