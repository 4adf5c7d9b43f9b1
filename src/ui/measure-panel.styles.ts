// The measuring tools' toolbar styles (ui/measure-panel.ts), on the first load; the results panel's
// and the cursor value's come with the measuring code (measure-results.styles.ts).
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
`;
