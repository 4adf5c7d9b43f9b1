// The measuring tools' styles: the toolbar (ui/measure-panel.ts), the results panel and the value
// beside the cursor (ui/measure-results.ts).
import { css } from 'lit';

export const measurePanelStyles = css`
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
    background: var(--park-map-panel-background, #fff);
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
