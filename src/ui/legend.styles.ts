// The legend's styles (ui/legend.ts): its place on the map and its rows of swatches and counts.
import { css } from 'lit';

export const legendStyles = css`
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
  .legend [data-none] {
    color: var(--park-map-muted, #4a4a4a);
  }
  .legend .count {
    margin-left: auto;
    color: var(--park-map-muted, #4a4a4a);
    font-variant-numeric: tabular-nums;
  }
`;
