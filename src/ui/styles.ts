// The element's shadow-root styles: layout, panels, and the status swatches, whose colours read the
// same `--park-map-*` custom properties as the map layers (defaults from the theme module).
import { css, unsafeCSS } from 'lit';
import maplibreCss from 'maplibre-gl/dist/maplibre-gl.css?inline';
import { STATUSES } from '../data/types.js';
import { DEFAULT_THEME } from '../map/theme.js';

const statusSwatches = STATUSES.map((status) => {
  const property = `--park-map-status-${status.replace(/_/g, '-')}`;
  return `.status-swatch[data-status='${status}'] { background: var(${property}, ${DEFAULT_THEME.status[status]}); }`;
}).join('\n');

const kindSwatches = `
[data-kind='zone'] .kind-swatch { background: var(--park-map-zone-fill, ${DEFAULT_THEME.zoneFill}); border: 2px dashed var(--park-map-zone-line, ${DEFAULT_THEME.zoneLine}); }
[data-kind='park'] .kind-swatch { background: var(--park-map-park-fill, ${DEFAULT_THEME.parkFill}); border: 2px solid var(--park-map-park-line, ${DEFAULT_THEME.parkLine}); }
[data-kind='plot'] .kind-swatch { background: var(--park-map-plot-fill, ${DEFAULT_THEME.plotFill}); border: 2px dotted var(--park-map-plot-line, ${DEFAULT_THEME.plotLine}); }
[data-kind='building'] .kind-swatch { background: #fff; border: 2px solid var(--park-map-building-line, ${DEFAULT_THEME.buildingLine}); }
.status-swatch[data-status='none'] { background: var(--park-map-no-status, ${DEFAULT_THEME.noStatus}); }
`;

export const parkMapStyles = [
  unsafeCSS(maplibreCss),
  unsafeCSS(statusSwatches + kindSwatches),
  css`
    :host {
      display: block;
      position: relative;
      height: var(--park-map-height, 480px);
      min-height: 240px;
      font-family: var(
        --park-map-font-family,
        system-ui,
        'PingFang SC',
        'Noto Sans CJK SC',
        'Microsoft YaHei',
        sans-serif
      );
      font-size: var(--park-map-font-size, 14px);
      color: var(--park-map-text, #1f1f1f);
      background: var(--park-map-background, ${unsafeCSS(DEFAULT_THEME.background)});
      contain: content;
      container-type: inline-size;
    }
    /* Dark defaults when the reader's system asks for them; a page's own --park-map-* values win.
       The map layers read these too (resolved when the map is made; a change remakes the map). */
    @media (prefers-color-scheme: dark) {
      :host {
        --park-map-background: #1d2126;
        --park-map-panel-background: rgba(33, 37, 43, 0.97);
        --park-map-text: #e8eaed;
        --park-map-muted: #b0b6bd;
        --park-map-link: #8ab4f8;
        --park-map-focus: #8ab4f8;
        --park-map-accent: #8ab4f8;
        --park-map-accent-text: #10151b;
        --park-map-zone-fill: #26384a;
        --park-map-zone-line: #8fb3d6;
        --park-map-park-fill: #2c3a23;
        --park-map-park-line: #9cc27a;
        --park-map-plot-fill: #3a3324;
        --park-map-plot-line: #d2b27a;
        --park-map-building-line: #e8eaed;
        --park-map-label-text: #e8eaed;
        --park-map-label-halo: #1d2126;
        --park-map-zone-label: #cfe0f2;
        --park-map-selection: #ff6fa5;
        --park-map-hover: #8ab4f8;
      }
    }
    :host([hidden]) {
      display: none;
    }
    .root {
      position: absolute;
      inset: 0;
      overflow: hidden;
      display: grid;
      grid-template-columns: 1fr;
    }
    .root.with-list {
      grid-template-columns: var(--park-map-list-width, 300px) 1fr;
    }
    .stage {
      position: relative;
      min-width: 0;
      min-height: 0;
      overflow: hidden;
    }
    .map {
      position: absolute;
      inset: 0;
    }
    @container (max-width: 640px) {
      .root.with-list {
        grid-template-columns: 1fr;
        grid-template-rows: 1fr minmax(0, 45%);
      }
      .root.with-list .explore {
        order: 2;
        border-right: none;
        border-top: 1px solid rgba(0, 0, 0, 0.15);
      }
    }
    .explore {
      overflow: auto;
      padding: 8px 10px;
      box-sizing: border-box;
      background: var(--park-map-panel-background, rgba(255, 255, 255, 0.97));
      border-right: 1px solid rgba(0, 0, 0, 0.15);
      min-height: 0;
    }
    .search-input {
      width: 100%;
      box-sizing: border-box;
      padding: 6px 8px;
      font: inherit;
    }
    .search-results {
      list-style: none;
      margin: 4px 0;
      padding: 0;
      border: 1px solid rgba(0, 0, 0, 0.15);
      border-radius: 4px;
    }
    .search-results button {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 8px;
      width: 100%;
      text-align: left;
      border: none;
      background: transparent;
      padding: 5px 8px;
      cursor: pointer;
      color: inherit;
    }
    .search-results button:hover,
    .search-results button:focus-visible {
      background: rgba(11, 87, 208, 0.08);
    }
    .result-kind,
    .result-match,
    .item-meta,
    .shown-count {
      color: var(--park-map-muted, #4a4a4a);
      font-size: 0.85em;
    }
    .filters {
      margin: 8px 0;
    }
    .filters summary {
      cursor: pointer;
      font-weight: 600;
    }
    .facet {
      border: none;
      margin: 6px 0;
      padding: 0;
      max-height: 180px;
      overflow: auto;
    }
    .facet legend {
      font-weight: 600;
      padding: 0;
    }
    .choice {
      display: flex;
      align-items: center;
      gap: 6px;
      padding: 1px 0 1px calc(var(--indent, 0) * 14px);
    }
    .choice .count {
      margin-left: auto;
      color: var(--park-map-muted, #4a4a4a);
      font-variant-numeric: tabular-nums;
    }
    .range label {
      display: inline-flex;
      flex-direction: column;
      width: 45%;
      margin-right: 4%;
      font-size: 0.9em;
    }
    .range input {
      font: inherit;
      width: 100%;
      box-sizing: border-box;
    }
    .totals dl {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 2px 10px;
      margin: 4px 0 8px;
    }
    .total {
      display: flex;
      justify-content: space-between;
      gap: 6px;
      font-size: 0.9em;
    }
    .total dt {
      color: var(--park-map-muted, #4a4a4a);
    }
    .total dd {
      margin: 0;
      font-variant-numeric: tabular-nums;
    }
    .list-head {
      display: flex;
      justify-content: flex-end;
      font-size: 0.9em;
    }
    .tree,
    .tree ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .item .row {
      display: flex;
      align-items: center;
      gap: 4px;
      padding-left: calc(var(--depth, 0) * 14px);
    }
    .toggle,
    .toggle-space {
      width: 20px;
      flex: none;
      border: none;
      background: transparent;
      cursor: pointer;
      padding: 0;
      color: inherit;
    }
    .choose {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      border: none;
      background: transparent;
      text-align: left;
      padding: 3px 4px;
      cursor: pointer;
      color: inherit;
      min-width: 0;
      flex: 1;
    }
    .choose[aria-current='true'] {
      background: rgba(216, 27, 96, 0.1);
      outline: 2px solid var(--park-map-selection, #d81b60);
      outline-offset: -2px;
    }
    .choose:hover {
      background: rgba(21, 101, 192, 0.08);
    }
    .tree .more {
      padding: 2px 0 2px calc(var(--depth, 0) * 14px + 24px);
    }
    .show-more {
      border: 1px solid currentColor;
      border-radius: 4px;
      background: transparent;
      color: var(--park-map-link, #0b57d0);
      padding: 2px 8px;
      cursor: pointer;
      font: inherit;
      font-size: 0.9em;
    }
    .exports {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
      margin-top: 10px;
    }
    .view-controls {
      position: absolute;
      left: 10px;
      bottom: 10px;
      z-index: 1;
      display: flex;
      gap: 6px;
      flex-wrap: wrap;
    }
    .view-controls > button,
    .view-switch {
      background: var(--park-map-panel-background, rgba(255, 255, 255, 0.97));
      border-radius: var(--park-map-radius, 6px);
      box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25);
    }
    .view-controls button {
      border: none;
      background: transparent;
      padding: 5px 9px;
      cursor: pointer;
      color: inherit;
    }
    .view-controls > button {
      background: var(--park-map-panel-background, rgba(255, 255, 255, 0.97));
    }
    .view-switch button[aria-pressed='true'] {
      background: var(--park-map-accent, #0b57d0);
      color: var(--park-map-accent-text, #fff);
    }
    .overlay {
      position: absolute;
      inset: 0;
      display: flex;
      align-items: center;
      justify-content: center;
      pointer-events: none;
      color: var(--park-map-muted, #4a4a4a);
    }
    .overlay .message {
      background: var(--park-map-panel-background, rgba(255, 255, 255, 0.95));
      padding: 0.5em 1em;
      border-radius: 4px;
    }
    .panel,
    .details,
    .legend,
    .issues {
      background: var(--park-map-panel-background, rgba(255, 255, 255, 0.97));
      color: var(--park-map-text, #1f1f1f);
      border-radius: var(--park-map-radius, 6px);
      box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25);
    }
    .details {
      position: absolute;
      top: 10px;
      left: 10px;
      max-height: calc(100% - 20px);
      width: min(360px, calc(100% - 80px));
      overflow: auto;
      padding: 12px 14px;
      box-sizing: border-box;
      z-index: 2;
    }
    .details header {
      display: flex;
      justify-content: space-between;
      gap: 8px;
      align-items: flex-start;
    }
    .details h2 {
      font-size: 1.2em;
      margin: 0;
    }
    .details h3 {
      font-size: 1em;
      margin: 0.8em 0 0.3em;
    }
    .name-en,
    .kind {
      margin: 2px 0;
      color: var(--park-map-muted, #4a4a4a);
    }
    button {
      font: inherit;
    }
    .close {
      border: none;
      background: transparent;
      font-size: 1.6em;
      line-height: 1;
      cursor: pointer;
      padding: 0 4px;
      color: inherit;
    }
    .link {
      border: none;
      background: none;
      padding: 0;
      color: var(--park-map-link, #0b57d0);
      text-decoration: underline;
      cursor: pointer;
    }
    :is(button, a, summary):focus-visible {
      outline: 2px solid var(--park-map-focus, #0b57d0);
      outline-offset: 2px;
    }
    .status {
      display: flex;
      align-items: center;
      gap: 6px;
      margin: 8px 0 4px;
      font-weight: 600;
    }
    .status-date {
      font-weight: normal;
      color: var(--park-map-muted, #4a4a4a);
    }
    .status-swatch,
    .kind-swatch {
      display: inline-block;
      width: 14px;
      height: 14px;
      border-radius: 3px;
      border: 1px solid rgba(0, 0, 0, 0.6);
      box-sizing: border-box;
      flex: none;
    }
    .progress {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    .progress progress {
      flex: 1;
      height: 10px;
      accent-color: var(--park-map-progress, #1b5e20);
    }
    .label {
      color: var(--park-map-muted, #4a4a4a);
      margin-right: 0.4em;
    }
    dl.figures {
      margin: 8px 0;
    }
    dl.figures .row {
      display: flex;
      justify-content: space-between;
      gap: 12px;
      padding: 3px 0;
      border-bottom: 1px solid rgba(0, 0, 0, 0.08);
    }
    dl.figures dt {
      color: var(--park-map-muted, #4a4a4a);
    }
    dl.figures dd {
      margin: 0;
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    .targets {
      border-left: 3px solid var(--park-map-target, #9575cd);
      padding-left: 8px;
      margin-top: 8px;
    }
    .target-note {
      margin: 0;
      font-size: 0.9em;
      color: var(--park-map-muted, #4a4a4a);
    }
    .children ul {
      list-style: none;
      padding: 0;
      margin: 4px 0;
    }
    .children li {
      display: flex;
      align-items: center;
      gap: 6px;
      padding: 2px 0;
    }
    .child-kind {
      color: var(--park-map-muted, #4a4a4a);
      font-size: 0.9em;
    }
    .tenants ul,
    .sources ul {
      padding-left: 1.2em;
      margin: 4px 0;
    }
    .sources q {
      display: block;
      font-size: 0.9em;
      color: var(--park-map-muted, #4a4a4a);
      margin: 2px 0 6px;
    }
    .approximate {
      font-size: 0.9em;
      color: var(--park-map-muted, #4a4a4a);
    }
    .legend {
      position: absolute;
      right: 10px;
      bottom: 10px;
      padding: 6px 10px;
      max-width: 220px;
      z-index: 1;
    }
    .legend ul {
      list-style: none;
      margin: 4px 0;
      padding: 0;
    }
    .legend li {
      display: flex;
      align-items: center;
      gap: 6px;
      padding: 1px 0;
    }
    .legend .count {
      margin-left: auto;
      color: var(--park-map-muted, #4a4a4a);
      font-variant-numeric: tabular-nums;
    }
    .issues {
      position: absolute;
      top: 10px;
      left: 50%;
      transform: translateX(-50%);
      max-width: min(520px, calc(100% - 40px));
      max-height: 50%;
      overflow: auto;
      padding: 6px 10px;
      z-index: 3;
      border-left: 4px solid var(--park-map-warning, #b26a00);
    }
    .issues.has-errors {
      border-left-color: var(--park-map-error, #b3261e);
    }
    .issues-toggle {
      margin-left: 8px;
    }
    .issues-list {
      margin: 6px 0 0;
      padding-left: 1.4em;
    }
    .measure {
      position: absolute;
      top: 10px;
      right: 50px;
      z-index: 2;
      display: flex;
      flex-direction: column;
      align-items: flex-end;
      gap: 6px;
      max-width: min(320px, calc(100% - 70px));
      max-height: calc(100% - 20px);
      pointer-events: none;
    }
    .measure > * {
      pointer-events: auto;
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      background: var(--park-map-panel-background, rgba(255, 255, 255, 0.97));
      border-radius: var(--park-map-radius, 6px);
      box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25);
      overflow: hidden;
    }
    .toolbar button {
      border: none;
      background: transparent;
      padding: 6px 10px;
      cursor: pointer;
      color: inherit;
    }
    .toolbar button[aria-pressed='true'] {
      background: var(--park-map-accent, #0b57d0);
      color: var(--park-map-accent-text, #fff);
    }
    .measure-results {
      background: var(--park-map-panel-background, rgba(255, 255, 255, 0.97));
      border-radius: var(--park-map-radius, 6px);
      box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25);
      padding: 8px 10px;
      overflow: auto;
      width: 100%;
      box-sizing: border-box;
    }
    .measure-results .hint {
      margin: 0 0 6px;
      font-size: 0.9em;
      color: var(--park-map-muted, #4a4a4a);
    }
    .measure-results .units {
      display: flex;
      gap: 10px;
      font-size: 0.9em;
    }
    .results {
      list-style: none;
      padding: 0;
      margin: 6px 0;
    }
    .result {
      border-top: 1px solid rgba(0, 0, 0, 0.1);
      padding: 4px 0;
    }
    .result-head {
      display: flex;
      align-items: baseline;
      gap: 6px;
    }
    .result-value {
      margin-left: auto;
      font-variant-numeric: tabular-nums;
    }
    .result .remove {
      border: none;
      background: transparent;
      cursor: pointer;
      font-size: 1.2em;
      color: inherit;
    }
    .result-detail,
    .lower-bound {
      margin: 2px 0;
      font-size: 0.9em;
      color: var(--park-map-muted, #4a4a4a);
    }
    .computed {
      font-size: 0.85em;
      color: var(--park-map-muted, #4a4a4a);
    }
    .measure-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
    }
    .cursor-value {
      position: absolute;
      top: 0;
      left: 0;
      pointer-events: none;
      background: var(--park-map-panel-background, rgba(255, 255, 255, 0.97));
      border: 1px solid var(--park-map-accent, #0b57d0);
      border-radius: 4px;
      padding: 2px 6px;
      font-variant-numeric: tabular-nums;
      z-index: 4;
      white-space: nowrap;
    }
    .park-map-label {
      pointer-events: none;
      white-space: nowrap;
      font-size: 12px;
      font-weight: 600;
      color: var(--park-map-label-text, #1f1f1f);
      text-shadow:
        0 0 3px var(--park-map-label-halo, #fff),
        0 0 3px var(--park-map-label-halo, #fff),
        0 0 2px var(--park-map-label-halo, #fff);
    }
    .park-map-label-zone {
      font-size: 14px;
      color: var(--park-map-zone-label, #27425e);
    }
    .park-map-label-hidden {
      visibility: hidden;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  `,
];
