// The element's frame and what every panel shares: MapLibre's control CSS, the swatch colours, the
// host and its layout, custom-property defaults, the floating-panel card, buttons and focus ring.
import { css, unsafeCSS } from 'lit';
import maplibreCss from 'maplibre-gl/dist/maplibre-gl.css?inline';
import { STATUSES } from '../data/types.js';
import { DEFAULT_THEME } from '../map/theme.js';

/** MapLibre's stylesheet, pruned to the controls the element adds (scripts/maplibre-css.mjs). */
export const maplibreControlStyles = unsafeCSS(maplibreCss);

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

/**
 * The status and kind swatches (legend, list and details panel): their colours read the same
 * `--park-map-*` custom properties as the map layers, defaults from the theme module.
 */
export const swatchStyles = unsafeCSS(statusSwatches + kindSwatches);

/** The host, its dark defaults, and the grid of list, stage and map (side by side, or stacked). */
export const hostStyles = css`
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
      --park-map-panel-background: rgb(33, 37, 43);
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
`;

/** The card every floating panel is drawn on. */
export const panelStyles = css`
  .panel,
  .details,
  .legend,
  .issues {
    background: var(--park-map-panel-background, #fff);
    color: var(--park-map-text, #1f1f1f);
    border-radius: var(--park-map-radius, 6px);
    box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25);
  }
`;

/** Buttons: the font, the close (×) and link-looking buttons, and the keyboard focus ring. */
export const controlStyles = css`
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
`;

/** Text for screen readers only. */
export const utilityStyles = css`
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
