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
  .park-map-label-hidden {
    visibility: hidden;
  }
`;
