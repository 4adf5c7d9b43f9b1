// The data-problems banner's styles (ui/issues-banner.ts).
import { css } from 'lit';

export const issuesBannerStyles = css`
  /* Top left, clear of the measuring toolbar at the top right (up to 320 px wide, 50 px from the
     edge: ui/measure-panel.styles.ts) and its results panel below it. */
  .issues {
    position: absolute;
    top: 10px;
    left: 10px;
    max-width: min(520px, calc(100% - 390px));
    max-height: 50%;
    overflow: auto;
    padding: 6px 10px;
    z-index: 3;
    border-left: 4px solid var(--park-map-warning, #b26a00);
  }
  .issues.has-errors {
    border-left-color: var(--park-map-error, #b3261e);
  }
  /* Too narrow beside the toolbar (a phone, a narrow column): below it (two rows there) and left
     of the zoom buttons. */
  @container (max-width: 720px) {
    .issues {
      top: 72px;
      right: 52px;
      max-width: none;
    }
  }
  .issues-toggle {
    margin-left: 8px;
  }
  .issues-list {
    margin: 6px 0 0;
    padding-left: 1.4em;
  }
  .issues-times {
    margin-right: 4px;
  }
  .issues-more summary {
    cursor: pointer;
    color: var(--park-map-link, #0b57d0);
  }
  .issues-more ol {
    margin: 4px 0;
    padding-left: 1.4em;
  }
`;
