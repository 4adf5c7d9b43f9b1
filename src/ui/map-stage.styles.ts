// The map stage's styles (ui/map-stage.ts): the 2D/3D switch, list toggle and "show all", and the
// loading/no-WebGL overlay (the summary is visually hidden, base.styles.ts).
import { css } from 'lit';

/** Room left under the map's lower left controls (the scale bar) for the view buttons. */
export const VIEW_BUTTONS_HEIGHT = '42px';

export const mapStageStyles = css`
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
    background: var(--park-map-panel-background, #fff);
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
    background: var(--park-map-panel-background, #fff);
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
`;
