// The data-problems banner's styles (ui/issues-banner.ts).
import { css } from 'lit';

export const issuesBannerStyles = css`
  .issues {
    position: absolute;
    top: 10px;
    left: 50%;
    transform: translateX(-50%);
    max-width: min(520px, calc(100% - 40px));
    max-height: 50%;
    overflow: auto;
    padding: 6px 10px;
    z-index: 3;
    border-left: 4px solid var(--park-map-warning, #b26a00);
  }
  .issues.has-errors {
    border-left-color: var(--park-map-error, #b3261e);
  }
  /* A phone: below the measuring toolbar (two rows there) and left of the zoom buttons. */
  @container (max-width: 640px) {
    .issues {
      top: 72px;
      left: 10px;
      right: 52px;
      transform: none;
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
