// The details panel's styles (ui/details-panel.ts), in two parts: its frame and header, and its
// body; the shared button rules (base.styles.ts) come between the two in the cascade.
import { css } from 'lit';

/** The panel's place on the map (its foot clear of the 2D/3D switch), its header, headings and names. */
export const detailsHeaderStyles = css`
  .details {
    position: absolute;
    top: 10px;
    left: 10px;
    max-height: calc(100% - 64px);
    width: min(360px, calc(100% - 80px));
    overflow: auto;
    padding: 12px 14px;
    box-sizing: border-box;
    z-index: 2;
  }
  .details header {
    display: flex;
    justify-content: space-between;
    gap: 8px;
    align-items: flex-start;
  }
  .details h2 {
    font-size: 1.2em;
    margin: 0;
  }
  .details h3 {
    font-size: 1em;
    margin: 0.8em 0 0.3em;
  }
  .name-en,
  .name-original,
  .kind {
    margin: 2px 0;
    color: var(--park-map-muted, #4a4a4a);
  }
`;

/**
 * Status, progress, figures, targets, children, tenants and sources. The swatch shape is shared
 * with the legend and the list, and `dl.figures` with the measuring results (parcel figures).
 */
export const detailsBodyStyles = css`
  .status {
    display: flex;
    align-items: center;
    gap: 6px;
    margin: 8px 0 4px;
    font-weight: 600;
  }
  .status-date {
    font-weight: normal;
    color: var(--park-map-muted, #4a4a4a);
  }
  .status-swatch,
  .kind-swatch {
    display: inline-block;
    width: 14px;
    height: 14px;
    border-radius: 3px;
    border: 1px solid rgba(0, 0, 0, 0.6);
    box-sizing: border-box;
    flex: none;
  }
  .progress {
    display: flex;
    align-items: center;
    gap: 8px;
  }
  .progress progress {
    flex: 1;
    height: 10px;
    accent-color: var(--park-map-progress, #1b5e20);
  }
  .label {
    color: var(--park-map-muted, #4a4a4a);
    margin-right: 0.4em;
  }
  dl.figures {
    margin: 8px 0;
  }
  dl.figures .row {
    display: flex;
    justify-content: space-between;
    gap: 12px;
    padding: 3px 0;
    border-bottom: 1px solid rgba(0, 0, 0, 0.08);
  }
  dl.figures dt {
    color: var(--park-map-muted, #4a4a4a);
  }
  dl.figures dd {
    margin: 0;
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  .targets {
    border-left: 3px solid var(--park-map-target, #9575cd);
    padding-left: 8px;
    margin-top: 8px;
  }
  .target-note {
    margin: 0;
    font-size: 0.9em;
    color: var(--park-map-muted, #4a4a4a);
  }
  .children ul {
    list-style: none;
    padding: 0;
    margin: 4px 0;
  }
  .children li {
    display: flex;
    align-items: center;
    gap: 6px;
    padding: 2px 0;
  }
  .child-kind {
    color: var(--park-map-muted, #4a4a4a);
    font-size: 0.9em;
  }
  .tenants ul,
  .sources ul {
    padding-left: 1.2em;
    margin: 4px 0;
  }
  .sources q {
    display: block;
    font-size: 0.9em;
    color: var(--park-map-muted, #4a4a4a);
    margin: 2px 0 6px;
  }
  .approximate,
  .translation-note,
  .original {
    font-size: 0.9em;
    color: var(--park-map-muted, #4a4a4a);
  }
`;
