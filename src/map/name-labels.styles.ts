// The styles of the feature names drawn on the map (map/name-labels.ts makes them, as HTML markers
// inside the element's shadow root).
import { css } from 'lit';

export const nameLabelStyles = css`
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
  /* The context layer's towns: under the data's names in weight, a muted grey. */
  .park-map-label-place,
  .park-map-label-place-city {
    font-weight: 400;
    color: var(--park-map-place-label, #5f5f5f);
  }
  .park-map-label-place-city {
    font-size: 14px;
    letter-spacing: 0.05em;
  }
  .park-map-context-credit {
    font-size: 10px;
    color: var(--park-map-muted, #4a4a4a);
    background: rgba(255, 255, 255, 0.7);
    padding: 0 4px;
    border-radius: 2px;
  }
  .park-map-label-hidden {
    visibility: hidden;
  }
`;
