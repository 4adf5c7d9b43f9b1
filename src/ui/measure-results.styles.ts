// The styles of the measurement results panel and of the value beside the cursor
// (ui/measure-results.ts): loaded with the measuring code (measure chunk), not on the first load, and
// added to the element's shadow root when they are first drawn (adoptMeasureResultsStyles).
import { css } from 'lit';

export const measureResultsStyles = css`
  .measure-results {
    background: var(--park-map-panel-background, #fff);
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
    background: var(--park-map-panel-background, #fff);
    border: 1px solid var(--park-map-accent, #0b57d0);
    border-radius: 4px;
    padding: 2px 6px;
    font-variant-numeric: tabular-nums;
    z-index: 4;
    white-space: nowrap;
  }
`;

/** Adds the results' styles to the shadow root `node` is in (once). */
export function adoptMeasureResultsStyles(node: Node): void {
  const root = node instanceof ShadowRoot ? node : node.getRootNode();
  const sheet = measureResultsStyles.styleSheet;
  if (!(root instanceof ShadowRoot) || !sheet || root.adoptedStyleSheets.includes(sheet)) return;
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
