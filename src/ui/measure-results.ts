// The measuring results: the live value beside the cursor, the finished measurements in the chosen
// unit (m², 公顷, 亩, km²; m, km), parcel figures (容积率, 建筑密度), and export. Templates, rendered
// in the host's shadow root below the toolbar (measure-panel.ts); loaded with the measuring code
// when a tool is first chosen or a feature first measured.
import { html, nothing, type TemplateResult } from 'lit';
import type { ParkFeature } from '../data/types.js';
import type { Lang } from '../i18n/lang.js';
import { t, type MessageKey } from '../i18n/strings.js';
import type { Measurement } from '../measure/measure-controller.js';
import type { Tool } from '../measure/tool.js';
import { plotMetrics } from '../measure/plot-metrics.js';
import {
  autoAreaUnit,
  autoLengthUnit,
  convertArea,
  convertLength,
  formatMeasure,
  type AreaUnit,
  type LengthUnit,
} from '../measure/units.js';

const AREA_UNITS: readonly AreaUnit[] = ['m2', 'ha', 'mu', 'km2'];
const LENGTH_UNITS: readonly LengthUnit[] = ['m', 'km'];

export interface MeasureResultsContext {
  lang: Lang;
  tool: Tool;
  measurements: readonly Measurement[];
  live: Measurement | null;
  cursor: { x: number; y: number } | null;
  /** The chosen units; `auto` picks one per value. */
  areaUnit: AreaUnit | 'auto';
  lengthUnit: LengthUnit | 'auto';
  byId: ReadonlyMap<string, ParkFeature>;
  childrenOf: ReadonlyMap<string, readonly ParkFeature[]>;
  status: string;
  onAreaUnit: (unit: AreaUnit | 'auto') => void;
  onLengthUnit: (unit: LengthUnit | 'auto') => void;
  onRemove: (id: string) => void;
  onClear: () => void;
  onCopy: () => void;
  onDownload: () => void;
}

const HINTS: Partial<Record<Tool, MessageKey>> = {
  distance: 'measureDistanceHint',
  area: 'measureAreaHint',
  parcel: 'measureParcelHint',
};

function area(m2: number, unit: AreaUnit | 'auto', lang: Lang): string {
  const chosen = unit === 'auto' ? autoAreaUnit(m2) : unit;
  return formatMeasure(convertArea(m2, chosen), chosen, lang);
}

function length(m: number, unit: LengthUnit | 'auto', lang: Lang): string {
  const chosen = unit === 'auto' ? autoLengthUnit(m) : unit;
  return formatMeasure(convertLength(m, chosen), chosen, lang);
}

/** The measure's headline: length for lines, area for polygons. */
export function headline(
  m: Measurement,
  context: Pick<MeasureResultsContext, 'lang' | 'areaUnit' | 'lengthUnit'>,
) {
  return m.tool === 'distance'
    ? length(m.lengthM, context.lengthUnit, context.lang)
    : area(m.areaM2, context.areaUnit, context.lang);
}

const ratioFormats = new Map<Lang, Intl.NumberFormat>();
const percentFormats = new Map<Lang, Intl.NumberFormat>();

/** One formatter per language and kind, made once: every render of the results formats these. */
function formatWith(
  cache: Map<Lang, Intl.NumberFormat>,
  lang: Lang,
  options: Intl.NumberFormatOptions,
): Intl.NumberFormat {
  let format = cache.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(lang === 'zh-CN' ? 'zh-CN' : 'en-US', options);
    cache.set(lang, format);
  }
  return format;
}

function ratio(value: number, lang: Lang): string {
  return formatWith(ratioFormats, lang, { maximumFractionDigits: 2 }).format(value);
}

function percent(value: number, lang: Lang): string {
  return formatWith(percentFormats, lang, { style: 'percent', maximumFractionDigits: 1 }).format(
    value,
  );
}

/** Land area (stated and measured), floor area, 容积率 and 建筑密度 of a measured park or plot. */
function parcelFigures(m: Measurement, context: MeasureResultsContext) {
  const feature = m.featureId ? context.byId.get(m.featureId) : undefined;
  if (!feature) return nothing;
  const { lang } = context;
  const buildings = (context.childrenOf.get(feature.id) ?? []).filter(
    (child) => child.properties.kind === 'building',
  );
  const metrics = plotMetrics(feature, buildings);
  const computed = html` <span class="computed">(${t(lang, 'computed')})</span>`;
  return html`<dl class="figures parcel-figures">
      ${
        metrics.statedLandAreaM2 !== undefined
          ? html`<div class="row" data-measure="stated-area">
              <dt>${t(lang, 'statedArea')}</dt>
              <dd>${area(metrics.statedLandAreaM2, context.areaUnit, lang)}</dd>
            </div>`
          : nothing
      }
      <div class="row" data-measure="measured-area">
        <dt>${t(lang, 'measuredArea')}</dt>
        <dd>${area(metrics.measuredLandAreaM2, context.areaUnit, lang)}</dd>
      </div>
      <div class="row" data-measure="perimeter">
        <dt>${t(lang, 'perimeter')}</dt>
        <dd>${length(m.perimeterM, context.lengthUnit, lang)}</dd>
      </div>
      ${
        metrics.floorAreaM2 !== undefined
          ? html`<div class="row" data-measure="floor-area">
              <dt>${t(lang, 'totalFloorArea')}</dt>
              <dd>
                ${area(metrics.floorAreaM2, 'm2', lang)}${metrics.floorAreaComputed ? computed : nothing}
              </dd>
            </div>`
          : nothing
      }
      ${
        metrics.far !== undefined
          ? html`<div class="row" data-measure="far">
              <dt>${t(lang, 'floorAreaRatio')}</dt>
              <dd>${ratio(metrics.far, lang)}${metrics.farComputed ? computed : nothing}</dd>
            </div>`
          : nothing
      }
      ${
        metrics.coverage !== undefined && buildings.length > 0
          ? html`<div class="row" data-measure="coverage">
              <dt>${t(lang, 'buildingCoverage')}</dt>
              <dd>
                ${percent(metrics.coverage, lang)}${metrics.coverageComputed ? computed : nothing}
              </dd>
            </div>`
          : nothing
      }
    </dl>
    ${
      metrics.buildingsWithoutFloors.length > 0
        ? html`<p class="lower-bound">${t(lang, 'lowerBound')}</p>`
        : nothing
    }`;
}

function resultItem(m: Measurement, context: MeasureResultsContext): TemplateResult {
  const { lang } = context;
  const name = m.featureId ? context.byId.get(m.featureId)?.properties.name : undefined;
  const label =
    m.tool === 'distance' ? t(lang, 'length') : m.tool === 'area' ? t(lang, 'area') : (name ?? '');
  return html`<li class="result" data-measurement=${m.id} data-tool=${m.tool}>
    <div class="result-head">
      <span class="result-label">${label}</span>
      <strong class="result-value">${headline(m, context)}</strong>
      <button
        type="button"
        class="remove"
        aria-label=${t(lang, 'measureRemove')}
        title=${t(lang, 'measureRemove')}
        @click=${() => context.onRemove(m.id)}
      >
        ×
      </button>
    </div>
    ${
      m.tool === 'area'
        ? html`<p class="result-detail">
            ${t(lang, 'perimeter')} ${length(m.perimeterM, context.lengthUnit, lang)}
          </p>`
        : nothing
    }
    ${m.tool === 'parcel' ? parcelFigures(m, context) : nothing}
  </li>`;
}

/** A unit chooser: "auto" then each unit, shown by its own label (m², 亩…). */
function unitSelect<U extends AreaUnit | LengthUnit>(
  className: string,
  label: string,
  units: readonly U[],
  chosen: U | 'auto',
  lang: Lang,
  onChange: (unit: U | 'auto') => void,
) {
  return html`<label>
    ${label}
    <select
      class=${className}
      @change=${(event: Event) => onChange((event.target as HTMLSelectElement).value as U | 'auto')}
    >
      ${(['auto', ...units] as const).map(
        (unit) =>
          html`<option value=${unit} ?selected=${unit === chosen}>
            ${unit === 'auto' ? t(lang, 'unitAuto') : formatMeasure(1, unit, lang).replace(/^1\s?/, '')}
          </option>`,
      )}
    </select>
  </label>`;
}

/** Hints, units, the live value and the finished measurements: shown while a tool is on or measurements exist. */
export function renderMeasureResults(
  context: MeasureResultsContext,
): TemplateResult | typeof nothing {
  const { lang, tool } = context;
  const hint = HINTS[tool];
  if (context.measurements.length === 0 && tool === 'none') return nothing;
  return html`<div class="measure-results" part="measure-results">
    ${hint ? html`<p class="hint">${t(lang, hint)}</p>` : nothing}
    ${
      context.live
        ? html`<p class="live" data-tool=${context.live.tool}>
            ${context.live.tool === 'distance' ? t(lang, 'length') : t(lang, 'area')}
            <strong>${headline(context.live, context)}</strong>
          </p>`
        : nothing
    }
    <div class="units">
      ${unitSelect('area-unit', t(lang, 'area'), AREA_UNITS, context.areaUnit, lang, (unit) =>
        context.onAreaUnit(unit),
      )}
      ${unitSelect(
        'length-unit',
        t(lang, 'length'),
        LENGTH_UNITS,
        context.lengthUnit,
        lang,
        (unit) => context.onLengthUnit(unit),
      )}
    </div>
    ${
      context.measurements.length
        ? html`<ol class="results" aria-label=${t(lang, 'measureResults')}>
              ${context.measurements.map((m) => resultItem(m, context))}
            </ol>
            <div class="measure-actions">
              <button type="button" class="copy" @click=${context.onCopy}>
                ${t(lang, 'measureCopy')}
              </button>
              <button type="button" class="download" @click=${context.onDownload}>
                ${t(lang, 'measureExport')}
              </button>
              <button type="button" class="clear" @click=${context.onClear}>
                ${t(lang, 'measureClear')}
              </button>
            </div>`
        : nothing
    }
    <p class="visually-hidden" role="status" aria-live="polite">${context.status}</p>
  </div>`;
}

/** The running value beside the pointer while drawing (positioned over the map). */
export function renderCursorValue(
  context: Pick<MeasureResultsContext, 'live' | 'cursor' | 'lang' | 'areaUnit' | 'lengthUnit'>,
) {
  if (!context.live || !context.cursor) return nothing;
  return html`<div
    class="cursor-value"
    aria-hidden="true"
    .style=${`transform: translate(${Math.round(context.cursor.x + 14)}px, ${Math.round(context.cursor.y + 14)}px)`}
  >
    ${headline(context.live, context)}
  </div>`;
}
