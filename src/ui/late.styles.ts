// Styles of what only lazy chunks draw, kept out of the first load: the bottom sheet's own shadow
// root (ui/sheet.ts), and the rules the sheet and the legend (ui/legend.ts) add to the element's
// shadow root when they are first drawn (`adoptLateStyles`): the legend's toggle, the details
// panel's history timeline, and the phone layout. Below NARROW_WIDTH px of the element's own width (a container query: the element may be
// narrow on a wide page) the list and the details panel sit in the bottom sheet, the legend folds
// to its button, and the controls at the bottom of the map stand on the sheet.
import { css, unsafeCSS } from 'lit';
import { VIEW_BUTTONS_HEIGHT } from './map-stage.styles.js';

/** Up to this width (px, the element's own) the phone layout applies; the list stacks from there too (base.styles.ts). */
export const NARROW_WIDTH = 640;
/** Height of the closed sheet: its handle alone (px). */
export const CLOSED_HEIGHT = 44;
/** What the full sheet leaves of the map above it: the measuring toolbar, in one row or two (px). */
export const FULL_GAP = 96;

const narrow = unsafeCSS(`(max-width: ${NARROW_WIDTH}px)`);
const closedHeight = unsafeCSS(`${CLOSED_HEIGHT}px`);
const fullGap = unsafeCSS(`${FULL_GAP}px`);
/** The view buttons' own height (px), above which the scale bar stands. */
const viewButtons = unsafeCSS(VIEW_BUTTONS_HEIGHT);

/** The sheet's shadow root: wide, nothing of it shows (`display: contents`); narrow, the sheet. */
export const sheetStyles = css`
  :host {
    display: contents;
  }
  .handle {
    display: none;
  }
  .body {
    display: contents;
  }
  @container ${narrow} {
    :host {
      position: absolute;
      left: 0;
      right: 0;
      bottom: 0;
      z-index: 3;
      display: flex;
      flex-direction: column;
      box-sizing: border-box;
      height: 50%;
      background: var(--park-map-panel-background, #fff);
      color: var(--park-map-text, #1f1f1f);
      border-radius: var(--park-map-radius, 6px) var(--park-map-radius, 6px) 0 0;
      box-shadow: 0 -1px 6px rgba(0, 0, 0, 0.3);
      transition: height 0.2s ease-out;
    }
    :host([state='closed']) {
      height: ${closedHeight};
    }
    :host([state='full']) {
      height: calc(100% - ${fullGap});
    }
    :host([dragging]) {
      transition: none;
    }
    .handle {
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      gap: 4px;
      flex: none;
      box-sizing: border-box;
      width: 100%;
      height: ${closedHeight};
      padding: 4px 12px;
      border: none;
      background: none;
      font: inherit;
      color: inherit;
      cursor: grab;
      touch-action: none;
    }
    .handle:focus-visible {
      outline: 2px solid var(--park-map-focus, #0b57d0);
      outline-offset: -3px;
    }
    .grip {
      width: 36px;
      height: 4px;
      border-radius: 2px;
      background: currentColor;
      opacity: 0.5;
    }
    .label {
      max-width: 100%;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      font-size: 0.9em;
    }
    .body {
      display: block;
      flex: 1;
      min-height: 0;
      border-top: 1px solid rgba(0, 0, 0, 0.12);
    }
    :host([state='closed']) .body {
      display: none;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    :host {
      transition: none;
    }
  }
`;

/** Added to the element's shadow root by the sheet and the legend (see adoptLateStyles). */
export const lateStyles = css`
  /* The timeline (timeline.ts), under the toolbar: clear of the basemap switch when the page
     offers one (under the zoom buttons, about 110 px wide), however many rows the toolbar takes. */
  .root:has(.basemap-switch) park-map-timeline {
    margin-right: 72px;
    width: auto;
    align-self: stretch;
  }
  /* Where the problems banner goes below the toolbar (issues-banner.styles.ts), below the
     timeline too. */
  @container (max-width: 720px) {
    .root:has(park-map-timeline) .issues {
      top: 124px;
    }
  }
  /* The details panel's history timeline (details-panel.ts), drawn in the sheet. */
  .timeline {
    padding-left: 1.2em;
    margin: 4px 0;
  }
  .timeline li {
    margin: 2px 0 4px;
  }
  .stage-date,
  .stage-status {
    font-weight: 600;
  }
  .stage-source {
    display: block;
    font-size: 0.9em;
    color: var(--park-map-muted, #4a4a4a);
  }
  /* Parks side by side (compare.ts): the picked ones in the details panel, the table dialog. */
  .compare-bar {
    margin-top: 8px;
    padding-top: 8px;
    border-top: 1px solid rgba(0, 0, 0, 0.12);
  }
  .compare-chip {
    display: inline-flex;
    align-items: center;
    margin: 2px 6px 2px 0;
    padding: 0 2px 0 8px;
    border-radius: 12px;
    background: rgba(11, 87, 208, 0.1);
  }
  .compare-remove {
    border: none;
    background: none;
    cursor: pointer;
    min-width: 24px;
    min-height: 24px;
  }
  .compare-dialog {
    max-width: min(960px, 94vw);
    max-height: 86vh;
    border: none;
    border-radius: var(--park-map-radius, 6px);
    padding: 16px;
    color: var(--park-map-text, #1f1f1f);
    background: var(--park-map-panel-background, #fff);
  }
  .compare-scroll {
    overflow: auto;
    max-height: 64vh;
  }
  .compare-table {
    border-collapse: collapse;
  }
  .compare-table th,
  .compare-table td {
    border-bottom: 1px solid rgba(0, 0, 0, 0.12);
    padding: 4px 8px;
    text-align: left;
    vertical-align: top;
    min-width: 8em;
  }
  .compare-actions {
    display: flex;
    gap: 8px;
    justify-content: flex-end;
  }
  .legend-toggle {
    display: flex;
    align-items: center;
    gap: 4px;
    border: none;
    background: none;
    padding: 0;
    color: inherit;
    cursor: pointer;
  }
  /* The disclosure triangle, drawn (generated text would join the button's name). */
  .legend-toggle::before {
    content: '';
    border-style: solid;
    border-width: 5px 0 5px 7px;
    border-color: transparent transparent transparent currentColor;
  }
  .legend-toggle[aria-expanded='true']::before {
    border-width: 7px 5px 0;
    border-color: currentColor transparent transparent;
  }
  @container ${narrow} {
    .root.with-list {
      grid-template-rows: 1fr;
    }
    /* The details take the sheet while they are open; the list's own sheet gives way. */
    .root:has(.details) > park-map-sheet {
      display: none;
    }
    park-map-sheet > .explore,
    park-map-sheet > .details {
      position: static;
      width: auto;
      height: 100%;
      max-height: none;
      overflow: auto;
      border: none;
      border-radius: 0;
      box-shadow: none;
      background: none;
    }
    .view-controls {
      max-width: calc(100% - 110px);
    }
    .issues {
      max-height: calc(50% - 82px);
    }
    /* A column right of the map from below the zoom buttons down to the sheet: the legend's
       button at its foot, the legend above it when open. Only its children take the pointer. */
    .legend {
      top: 110px;
      max-width: min(220px, calc(100% - 20px));
      padding: 0;
      display: flex;
      flex-direction: column-reverse;
      align-items: flex-end;
      gap: 6px;
      background: none;
      box-shadow: none;
      pointer-events: none;
    }
    .legend > * {
      pointer-events: auto;
      background: var(--park-map-panel-background, #fff);
      border-radius: var(--park-map-radius, 6px);
      box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25);
    }
    .legend-toggle {
      padding: 6px 10px;
    }
    /* The legend's column starts below the timeline. */
    .root:has(park-map-timeline) .legend {
      top: calc(${fullGap} + 50px);
    }
    .root:has(.basemap-switch) .legend {
      top: 146px;
    }
    .legend-body {
      min-height: 0;
      overflow: auto;
      padding: 4px 10px;
      box-sizing: border-box;
    }
    .root:has(park-map-sheet[state='closed']) :is(.view-controls, .legend) {
      bottom: calc(${closedHeight} + 10px);
    }
    .root:has(park-map-sheet[state='half']) :is(.view-controls, .legend) {
      bottom: calc(50% + 10px);
    }
    /* MapLibre's lower left corner (the scale bar) stands above the view buttons, wherever the
       sheet has put them, and they take two rows on a phone (scale-bar.ts sets it above their
       place on a wide element, inline). */
    .root:has(park-map-sheet[state='closed']) .maplibregl-ctrl-bottom-left {
      bottom: calc(${closedHeight} + 10px + 2 * ${viewButtons}) !important;
    }
    .root:has(park-map-sheet[state='half']) .maplibregl-ctrl-bottom-left {
      bottom: calc(50% + 10px + 2 * ${viewButtons}) !important;
    }
    /* The full sheet leaves the toolbar: what would be under it is not shown at all. */
    .root:has(park-map-sheet[state='full'])
      :is(
        .view-controls,
        .legend,
        .issues,
        .measure-results,
        .maplibregl-ctrl-top-right,
        .maplibregl-ctrl-bottom-left
      ) {
      visibility: hidden;
    }
  }
`;

/** Adds `lateStyles` to the shadow root `node` is in (once). */
export function adoptLateStyles(node: Node): void {
  const root = node.getRootNode();
  const sheet = lateStyles.styleSheet;
  if (!(root instanceof ShadowRoot) || !sheet || root.adoptedStyleSheets.includes(sheet)) return;
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
