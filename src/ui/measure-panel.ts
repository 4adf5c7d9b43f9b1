// The measuring toolbar: the tool buttons, in the first load; what a tool shows once chosen
// (measure-results.ts) loads with the measuring code. A template, rendered in the host's shadow root.
import { html, type TemplateResult } from 'lit';
import type { Lang } from '../i18n/lang.js';
import { t, type MessageKey } from '../i18n/strings.js';
import type { Tool } from '../measure/tool.js';

export interface MeasurePanelContext {
  lang: Lang;
  tool: Tool;
  onTool: (tool: Tool) => void;
  /** What stands below the toolbar: the timeline, the results (measure-results.ts) once loaded. */
  results: unknown;
}

const TOOL_LABELS: Record<Tool, MessageKey> = {
  none: 'measureNone',
  distance: 'measureDistance',
  area: 'measureArea',
  parcel: 'measureParcel',
};

export function renderMeasurePanel(context: MeasurePanelContext): TemplateResult {
  const { lang, tool } = context;
  return html`<div class="measure" part="measure">
    <div class="toolbar" part="toolbar" role="toolbar" aria-label=${t(lang, 'tools')}>
      ${(Object.keys(TOOL_LABELS) as Tool[]).map(
        (choice) =>
          html`<button
            type="button"
            data-tool=${choice}
            aria-pressed=${choice === tool ? 'true' : 'false'}
            @click=${() => context.onTool(choice)}
          >
            ${t(lang, TOOL_LABELS[choice])}
          </button>`,
      )}
    </div>
    ${context.results}
  </div>`;
}
