// The details panel: everything the data says about one feature, formatted for the reader's
// language. A template function (not an element) so it lives in the host's shadow root and `::part`.
// All data text goes through Lit's text bindings: it is never parsed as HTML.
import { nearestUp } from '../data/inherited.js';
import { asOfFeature, type AsOfView } from '../state/as-of.js';
import { html, nothing, type TemplateResult } from 'lit';
import {
  FIGURE_KEYS,
  type Figures,
  type ParkFeature,
  type Source,
  type Stage,
  type Tenant,
} from '../data/types.js';
import {
  formatKeyedNumber,
  formatKeyedValue,
  formatStatValue,
  propertyLabel,
  translationNote,
  type Stat,
} from '../i18n/extra-labels.js';
import { formatDate, formatFigure, formatPercent } from '../i18n/format.js';
import { qualifierOf, qualifyFigure } from '../i18n/qualifiers.js';
import type { Lang } from '../i18n/lang.js';
import { layoutText } from '../i18n/layout-strings.js';
import { figureLabel, kindLabel, statusLabel, t } from '../i18n/strings.js';
import { safeContactUrl } from './safe-url.js';
import { displayName } from '../explore/tree.js';
import { industryLabel } from '../data/sectors.js';

/**
 * A text of the data in the reader's language: in English the `…:en` translation, with the
 * Chinese original beside it (smaller, marked `lang="zh-CN"`); the original alone where the data
 * has no translation, or in Chinese.
 */
function bilingual(original: unknown, english: unknown, lang: Lang) {
  if (typeof original !== 'string' || original === '') return nothing;
  if (lang === 'en' && typeof english === 'string' && english !== '' && english !== original) {
    return html`<span lang="en">${english}</span>
      <span class="original" lang="zh-CN">${original}</span>`;
  }
  return html`<span lang="zh-CN">${original}</span>`;
}

/** A feature's name as a link's text: English where asked for and given, else the Chinese name. */
function nameOf(feature: ParkFeature, lang: Lang) {
  const name = displayName(feature, lang);
  return html`<span lang=${name === feature.properties.name ? 'zh-CN' : 'en'}>${name}</span>`;
}
import './sheet.js';
import { renderCompareBar, renderCompareButton, type CompareContext } from './compare.js';

export interface DetailsContext {
  lang: Lang;
  /** Looks a parent up by id, to name the park or zone a feature belongs to. */
  byId: ReadonlyMap<string, ParkFeature>;
  /** The features whose `parent` is the shown one, in data order. */
  children: readonly ParkFeature[];
  onClose: () => void;
  onSelect: (id: string) => void;
  /** Measures the shown feature (its area, perimeter, and plot figures). */
  onMeasure: () => void;
  /** Parks side by side (compare.ts): what is picked, and picking. */
  compare?: CompareContext;
  /** The data as of the `date` (null or absent: the latest): the feature is shown as it stood then. */
  asOf?: AsOfView | null;
}

/** Where the feature stands on the as-of date: the stage reached (-1: none) and whether not yet there. */
interface AsOfAt {
  date: string;
  stage: number;
  notYet: boolean;
}

/** The as-of line of the details panel (here, in the details chunk, not on the first load). */
function asOfLine(asOf: AsOfAt, hasHistory: boolean, lang: Lang) {
  const when = formatDate(asOf.date, lang);
  let text: string;
  if (!hasHistory) {
    text =
      lang === 'en'
        ? `As of ${when}: no dated stages, shown as it is now`
        : `截至${when}：无分期记录，按现状显示`;
  } else if (asOf.notYet) {
    text =
      lang === 'en'
        ? `As of ${when}: not yet there (its first stage is later)`
        : `截至${when}：尚未出现（最早的阶段在此日期之后）`;
  } else text = lang === 'en' ? `As of ${when}` : `截至${when}`;
  return html`<p
    class="as-of"
    data-as-of=${asOf.notYet ? 'not-yet' : hasHistory ? 'then' : 'no-history'}
  >
    ${text}
  </p>`;
}

function figureRows(figures: Figures, qualifiers: unknown, lang: Lang, className: string) {
  const present = FIGURE_KEYS.filter((key) => typeof figures[key] === 'number');
  if (present.length === 0) return nothing;
  return html`<dl class=${className}>
    ${present.map((key) => {
      const qualifier = qualifierOf(qualifiers, key);
      return html`<div class="row" data-figure=${key} data-qualifier=${qualifier ?? nothing}>
        <dt>${figureLabel(key, lang)}</dt>
        <dd>${qualifyFigure(formatFigure(key, figures[key] as number, lang), qualifier, lang)}</dd>
      </div>`;
    })}
  </dl>`;
}

/** Keys of an object whose values are numbers, in their order (core figures first). */
function numericKeys(object: unknown): string[] {
  if (!object || typeof object !== 'object') return [];
  const keys = Object.keys(object).filter(
    (key) => typeof (object as Record<string, unknown>)[key] === 'number',
  );
  const core = FIGURE_KEYS.filter((key) => keys.includes(key));
  return [...core, ...keys.filter((key) => !(FIGURE_KEYS as readonly string[]).includes(key))];
}

/** Properties the panel shows in their own places; every other one is listed under "more". */
const SHOWN_ELSEWHERE = new Set<string>([
  ...FIGURE_KEYS,
  'kind',
  'parent',
  'name',
  'name:en',
  'status',
  'progress',
  'statusDate',
  'statusNote',
  'industries',
  'tenants',
  'operator',
  'targets',
  'qualifiers',
  'contact',
  'sources',
  'approximate',
  'stats',
  'history',
  'statusNote:en',
  'operator:en',
  'translation',
]);

/**
 * A stat's period: in English our translation alone where there is one ("Q1 2021"; the label
 * beside it already carries the Chinese original), else as the data gives it.
 */
function periodText(stat: Stat, lang: Lang) {
  const english = stat['period:en'];
  return lang === 'en' && typeof english === 'string' && english !== ''
    ? html`<span lang="en">${english}</span>`
    : bilingual(String(stat.period), undefined, lang);
}

/** Figures with a period or unit of their own (quarterly revenue, growth rates…), as stated. */
function renderStats(stats: unknown, lang: Lang) {
  if (!Array.isArray(stats) || stats.length === 0) return nothing;
  return html`<div class="stats">
    <h3>${t(lang, 'statistics')}</h3>
    <dl class="figures">
      ${(stats as Stat[]).map(
        (stat) =>
          html`<div class="row" data-stat>
            <dt>
              ${bilingual(String(stat.label ?? ''), stat['label:en'], lang)}${
                stat.period
                  ? html` <span class="period">(${periodText(stat, lang)})</span>`
                  : nothing
              }${stat.target ? html` <span class="target-tag">${t(lang, 'targetTag')}</span>` : nothing}
            </dt>
            <dd>${formatStatValue(stat, lang)}</dd>
          </div>`,
      )}
    </dl>
  </div>`;
}

/**
 * The feature's history as a short timeline, oldest first (the data's order): each stage's date,
 * status, progress, note (in English our translation, the Chinese original beside it) and the
 * title of the report it comes from. All text.
 */
function renderHistory(history: unknown, lang: Lang, asOf?: AsOfAt) {
  if (!Array.isArray(history) || history.length === 0) return nothing;
  const later = lang === 'en' ? 'later' : '之后';
  return html`<div class="history">
    <h3>${propertyLabel('history', lang)}</h3>
    <ol class="timeline">
      ${(history as Partial<Stage>[]).map(
        (stage, index) =>
          html`<li
            data-date=${stage.date ?? ''}
            data-status=${stage.status ?? 'none'}
            data-when=${!asOf ? '' : index === asOf.stage ? 'current' : index > asOf.stage ? 'later' : 'earlier'}
            aria-current=${asOf && index === asOf.stage ? 'date' : nothing}
          >
            <span class="stage-date">${formatDate(String(stage.date ?? ''), lang)}</span>${
              asOf && index > asOf.stage
                ? html` <span class="stage-later">(${later})</span>`
                : nothing
            }${
              stage.status
                ? html` <span class="stage-status">${statusLabel(stage.status, lang)}</span>`
                : nothing
            }${
              typeof stage.progress === 'number'
                ? html` <span class="stage-progress">${formatPercent(stage.progress, lang)}</span>`
                : nothing
            }${
              stage.note
                ? html` <span class="stage-note"
                    >${bilingual(stage.note, stage['note:en'], lang)}</span
                  >`
                : nothing
            }${
              stage.source?.title
                ? html` <cite class="stage-source" lang="zh-CN">${stage.source.title}</cite>`
                : nothing
            }
          </li>`,
      )}
    </ol>
  </div>`;
}

/** Every other property the data gives, labelled where known, by its name otherwise. */
function renderExtras(feature: ParkFeature, context: DetailsContext) {
  const { lang, byId } = context;
  const keys = Object.keys(feature.properties).filter(
    (key) =>
      !SHOWN_ELSEWHERE.has(key) &&
      feature.properties[key] !== undefined &&
      // A translation shows beside its original, not as a row of its own.
      !(key.endsWith(':en') && Object.hasOwn(feature.properties, key.slice(0, -3))),
  );
  if (keys.length === 0) return nothing;
  return html`<dl class="figures extras">
    ${keys.map((key) => {
      const value = feature.properties[key];
      const referenced = typeof value === 'string' ? byId.get(value) : undefined;
      // Counts such as companies and workers may be 余/约… too.
      const qualifier =
        typeof value === 'number' ? qualifierOf(feature.properties.qualifiers, key) : undefined;
      return html`<div class="row" data-property=${key} data-qualifier=${qualifier ?? nothing}>
        <dt>${propertyLabel(key, lang)}</dt>
        <dd>
          ${
            referenced
              ? html`<button
                  class="link"
                  type="button"
                  @click=${() => context.onSelect(referenced.id)}
                >
                  ${nameOf(referenced, lang)}
                </button>`
              : typeof value === 'string'
                ? bilingual(
                    formatKeyedValue(key, value, lang),
                    feature.properties[`${key}:en`],
                    lang,
                  )
                : qualifyFigure(formatKeyedValue(key, value, lang), qualifier, lang)
          }
        </dd>
      </div>`;
    })}
  </dl>`;
}

/** The features inside this one, each a button that selects it: the way down zone → park → building. */
function renderChildren(context: DetailsContext) {
  const { lang, children } = context;
  if (children.length === 0) return nothing;
  return html`<div class="children">
    <h3>${t(lang, 'children')} (${children.length})</h3>
    <ul>
      ${children.map(
        (child) =>
          html`<li data-status=${child.properties.status ?? 'none'}>
            <span
              class="status-swatch"
              data-status=${child.properties.status ?? 'none'}
              aria-hidden="true"
            ></span>
            <button class="link" type="button" @click=${() => context.onSelect(child.id)}>
              ${nameOf(child, lang)}
            </button>
            <span class="child-kind"
              >${kindLabel(child.properties.kind, lang)}${
                child.properties.status ? ` · ${statusLabel(child.properties.status, lang)}` : ''
              }</span
            >
          </li>`,
      )}
    </ul>
  </div>`;
}

function tenantItem(tenant: Tenant, lang: Lang) {
  const english = lang === 'en' ? tenant['name:en'] : undefined;
  // In English the English name leads and the Chinese one follows as the original.
  return html`<li>
    ${english ? html`<span class="tenant-name-en" lang="en">${english}</span> ` : nothing}<span
      class=${english ? 'tenant-name original' : 'tenant-name'}
      lang="zh-CN"
      >${tenant.name}</span
    >${
      tenant.industry
        ? html` <span class="tenant-industry"
            >· ${bilingual(tenant.industry, tenant['industry:en'], lang)}</span
          >`
        : nothing
    }${
      tenant.since
        ? html` <span class="tenant-since"
            >· ${t(lang, 'tenantSince')} ${formatDate(tenant.since, lang)}</span
          >`
        : nothing
    }
  </li>`;
}

/** A date the data marks as inferred from the text, not printed. */
const INFERRED: Record<Lang, string> = { 'zh-CN': '（推断）', en: ' (inferred)' };

/** “title — publisher, author, date”: who and when, as far as the source says. */
function sourceItem(source: Source, lang: Lang) {
  const comma = lang === 'en' ? ', ' : '，';
  const who = [source.publisher, source.author]
    .filter((text): text is string => typeof text === 'string' && text.trim() !== '')
    .join(comma);
  const when = source.date
    ? formatDate(source.date, lang) + (source.dateInferred === true ? INFERRED[lang] : '')
    : '';
  const by = who ? html`<span class="source-by" lang="zh-CN">${who}</span>` : nothing;
  const date = when ? html`<span class="source-date">${when}</span>` : nothing;
  return html`<li>
    <cite>${source.title}</cite>${who || when ? ' — ' : ''}${by}${who && when ? comma : ''}${date}${
      source.quote ? html`<q lang="zh-CN">${source.quote}</q>` : nothing
    }
  </li>`;
}

/**
 * The raw industry tags, as the data gives them; in English each known tag in our translation
 * with the tag beside it, an unknown one (a user's own) as it is.
 */
function industriesText(industries: readonly string[], lang: Lang) {
  if (lang !== 'en') return industries.join('、');
  return industries.map((tag, index) => {
    const english = industryLabel(tag, 'en');
    return html`${index > 0 ? ', ' : ''}<span class="industry" data-tag=${tag}
        >${bilingual(tag, english === tag ? undefined : english, lang)}</span
      >`;
  });
}

/** The contact lines' words: the hotline first, as the zones' own 招商 pages put it. */
const CONTACT_TEXT: Record<Lang, { hotline: string; open: string; close: string }> = {
  'zh-CN': { hotline: '招商热线', open: '（', close: '）' },
  en: { hotline: 'Investment hotline', open: ' (', close: ')' },
};

/**
 * The hotline and contact, at the top of the panel: its own, or inherited (and said whose); a zone
 * or park without any says the data does not give one, never a number of our own.
 */
function renderContact(feature: ParkFeature, context: DetailsContext) {
  const { lang, byId } = context;
  const text = CONTACT_TEXT[lang];
  const from = nearestUp(feature, byId, (at) =>
    Boolean(at.properties.contact?.phone || at.properties.contact?.url),
  );
  if (!from) {
    const { kind } = feature.properties;
    return kind === 'zone' || kind === 'park'
      ? html`<p class="contact" data-contact="none">
          <span class="label">${text.hotline}</span> ${t(lang, 'notStated')}
        </p>`
      : nothing;
  }
  const contact = from.properties.contact!;
  const phoneUrl = safeContactUrl(
    contact.phone ? `tel:${contact.phone.replace(/[^\d+]/g, '')}` : undefined,
  );
  const contactUrl = safeContactUrl(contact.url);
  const inherited = from !== feature;
  return html`<p class="contact" data-contact=${inherited ? 'inherited' : 'own'}>
    <span class="label">${phoneUrl ? text.hotline : t(lang, 'contact')}</span>
    ${phoneUrl ? html`<a class="phone" href=${phoneUrl}>${contact.phone}</a>` : nothing}
    ${
      contactUrl
        ? html`<a href=${contactUrl} target="_blank" rel="noopener noreferrer">${contact.url}</a>`
        : nothing
    }
    ${
      inherited
        ? html`<span class="contact-from">${text.open}${nameOf(from, lang)}${text.close}</span>`
        : nothing
    }
  </p>`;
}

/** What can be compared: zones, parks and plots (what a site selector weighs against another). */
const COMPARABLE: ReadonlySet<string> = new Set(['zone', 'park', 'plot']);

export function renderDetails(own: ParkFeature, context: DetailsContext): TemplateResult {
  const { lang, byId } = context;
  // As of the `date`: the feature as it stood then (itself when not yet there, which it says).
  const view = context.asOf;
  const asOf: AsOfAt | undefined = view?.date
    ? {
        date: view.date,
        stage: view.stageOf.get(own.id) ?? -1,
        notYet: view.notYet.has(own.id),
      }
    : undefined;
  const feature = (view && asOfFeature(view, own.id)) ?? own;
  const p = feature.properties;
  const englishName = p['name:en'];
  const parent = p.parent ? byId.get(p.parent) : undefined;
  const targetKeys = numericKeys(p.targets);
  const shownName = (lang === 'en' ? englishName : undefined) ?? p.name;
  // On a narrow element, the bottom sheet (sheet.ts): each feature opened brings it to half.
  return html`<park-map-sheet
    part="sheet"
    exportparts="handle: sheet-handle"
    .opener=${feature.id}
    .label=${layoutText(lang, 'sheetDetails', shownName)}
    .hint=${layoutText(lang, 'sheetHint')}
    ><section
      class="details"
      part="details"
      role="region"
      aria-labelledby="park-map-details-title"
      data-feature-id=${feature.id}
    >
      <header>
        <div>
          ${
            lang === 'en' && englishName
              ? html`<h2 id="park-map-details-title" lang="en" tabindex="-1">${englishName}</h2>
                  <p class="name-original" lang="zh-CN">${p.name}</p>`
              : html`<h2 id="park-map-details-title" lang="zh-CN" tabindex="-1">${p.name}</h2>
                  ${englishName ? html`<p class="name-en" lang="en">${englishName}</p>` : nothing}`
          }
          <p class="kind">
            ${kindLabel(p.kind, lang)}${
              parent
                ? html` · ${t(lang, 'parent')}
                    <button class="link" type="button" @click=${() => context.onSelect(parent.id)}>
                      ${nameOf(parent, lang)}
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
      ${renderContact(feature, context)}
      <div class="status" data-status=${p.status ?? 'none'}>
        <span class="status-swatch" data-status=${p.status ?? 'none'} aria-hidden="true"></span>
        <span class="status-label"
          >${p.status ? statusLabel(p.status, lang) : t(lang, 'unknownStatus')}</span
        >
        ${p.statusDate ? html`<span class="status-date">${formatDate(p.statusDate, lang)}</span>` : nothing}
      </div>
      ${
        typeof p.progress === 'number'
          ? html`<div class="progress">
              <progress max="100" .value=${p.progress} aria-label=${t(lang, 'progress')}></progress>
              <span
                >${t(lang, 'progressValue', {
                  percent: qualifyFigure(
                    formatPercent(p.progress, lang),
                    qualifierOf(p.qualifiers, 'progress'),
                    lang,
                  ),
                })}</span
              >
            </div>`
          : nothing
      }
      ${
        p.statusNote
          ? html`<p class="status-note">${bilingual(p.statusNote, p['statusNote:en'], lang)}</p>`
          : nothing
      }
      ${
        p.operator
          ? html`<p class="operator">
              <span class="label">${t(lang, 'operator')}</span>
              ${bilingual(p.operator, p['operator:en'], lang)}
            </p>`
          : nothing
      }
      ${
        p.industries?.length
          ? html`<p class="industries">
              <span class="label">${t(lang, 'industries')}</span>
              ${industriesText(p.industries, lang)}
            </p>`
          : nothing
      }
      ${figureRows(p, p.qualifiers, lang, 'figures')}
      ${
        targetKeys.length
          ? html`<div class="targets">
              <h3>${t(lang, 'targets')}</h3>
              <p class="target-note">${t(lang, 'targetNote')}</p>
              <dl class="figures target-figures">
                ${targetKeys.map((key) => {
                  const qualifier = qualifierOf(p.targets?.qualifiers, key);
                  return html`<div
                    class="row"
                    data-figure=${key}
                    data-qualifier=${qualifier ?? nothing}
                  >
                    <dt>${propertyLabel(key, lang)}</dt>
                    <dd>
                      ${qualifyFigure(
                        formatKeyedNumber(key, (p.targets as Record<string, number>)[key]!, lang),
                        qualifier,
                        lang,
                      )}
                    </dd>
                  </div>`;
                })}
              </dl>
            </div>`
          : nothing
      }
      ${asOf ? asOfLine(asOf, Array.isArray(p.history) && p.history.length > 0, lang) : nothing}
      ${renderStats(p.stats, lang)} ${renderHistory(p.history, lang, asOf)}
      ${renderExtras(feature, context)}
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
      ${renderChildren(context)}
      ${
        feature.geometry.type === 'Polygon' ||
        feature.geometry.type === 'MultiPolygon' ||
        (context.compare && COMPARABLE.has(p.kind))
          ? html`<p class="actions">
              ${
                feature.geometry.type === 'Polygon' || feature.geometry.type === 'MultiPolygon'
                  ? html`<button type="button" class="measure-this" @click=${context.onMeasure}>
                      ${t(lang, 'measureThis')}
                    </button>`
                  : nothing
              }
              ${
                context.compare && COMPARABLE.has(p.kind)
                  ? renderCompareButton(feature, context.compare)
                  : nothing
              }
            </p>`
          : nothing
      }
      ${context.compare ? renderCompareBar(context.compare) : nothing}
      ${p.approximate ? html`<p class="approximate">${t(lang, 'approximate')}</p>` : nothing}
      ${
        lang === 'en' && typeof p.translation === 'string' && p.translation !== ''
          ? html`<p class="translation-note">${translationNote(p.translation, lang)}</p>`
          : nothing
      }
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
    </section></park-map-sheet
  >`;
}
