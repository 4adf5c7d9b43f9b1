// The side panel's styles (ui/explore-panel.ts): search and its results, filters, totals, the
// feature tree and the export buttons.
import { css } from 'lit';

export const explorePanelStyles = css`
  .explore {
    overflow: auto;
    padding: 8px 10px;
    box-sizing: border-box;
    background: var(--park-map-panel-background, #fff);
    border-right: 1px solid rgba(0, 0, 0, 0.15);
    min-height: 0;
  }
  .search-input {
    width: 100%;
    box-sizing: border-box;
    padding: 6px 8px;
    font: inherit;
  }
  .search-results {
    list-style: none;
    margin: 4px 0;
    padding: 0;
    border: 1px solid rgba(0, 0, 0, 0.15);
    border-radius: 4px;
  }
  .search-results button {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 8px;
    width: 100%;
    text-align: left;
    border: none;
    background: transparent;
    padding: 5px 8px;
    cursor: pointer;
    color: inherit;
  }
  .search-results button:hover,
  .search-results button:focus-visible {
    background: rgba(11, 87, 208, 0.08);
  }
  .result-kind,
  .result-match,
  .item-meta,
  .shown-count {
    color: var(--park-map-muted, #4a4a4a);
    font-size: 0.85em;
  }
  .filters {
    margin: 8px 0;
  }
  .filters summary {
    cursor: pointer;
    font-weight: 600;
  }
  .facet {
    border: none;
    margin: 6px 0;
    padding: 0;
    max-height: 180px;
    overflow: auto;
  }
  .facet legend {
    font-weight: 600;
    padding: 0;
  }
  .choice {
    display: flex;
    align-items: center;
    gap: 6px;
    padding: 1px 0 1px calc(var(--indent, 0) * 14px);
  }
  .choice .count {
    margin-left: auto;
    color: var(--park-map-muted, #4a4a4a);
    font-variant-numeric: tabular-nums;
  }
  .range label {
    display: inline-flex;
    flex-direction: column;
    width: 45%;
    margin-right: 4%;
    font-size: 0.9em;
  }
  .range input {
    font: inherit;
    width: 100%;
    box-sizing: border-box;
  }
  .totals dl {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 2px 10px;
    margin: 4px 0 8px;
  }
  .total {
    display: flex;
    justify-content: space-between;
    gap: 6px;
    font-size: 0.9em;
  }
  .total dt {
    color: var(--park-map-muted, #4a4a4a);
  }
  .total dd {
    margin: 0;
    font-variant-numeric: tabular-nums;
  }
  .list-head {
    display: flex;
    justify-content: flex-end;
    font-size: 0.9em;
  }
  .tree,
  .tree ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .item .row {
    display: flex;
    align-items: center;
    gap: 4px;
    padding-left: calc(var(--depth, 0) * 14px);
  }
  .toggle,
  .toggle-space {
    width: 20px;
    flex: none;
    border: none;
    background: transparent;
    cursor: pointer;
    padding: 0;
    color: inherit;
  }
  .choose {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    border: none;
    background: transparent;
    text-align: left;
    padding: 3px 4px;
    cursor: pointer;
    color: inherit;
    min-width: 0;
    flex: 1;
  }
  .row[aria-selected='true'] .choose {
    background: rgba(216, 27, 96, 0.1);
    outline: 2px solid var(--park-map-selection, #d81b60);
    outline-offset: -2px;
  }
  /* The tree's rows take focus (roving tabindex): the ring goes round the row, not its children. */
  .tree:focus,
  .tree [role='treeitem']:focus {
    outline: none;
  }
  .row:focus-visible,
  .more:focus-visible > .show-more {
    outline: 2px solid var(--park-map-focus, #0b57d0);
    outline-offset: -2px;
  }
  .choose:hover {
    background: rgba(21, 101, 192, 0.08);
  }
  .tree .more {
    padding: 2px 0 2px calc(var(--depth, 0) * 14px + 24px);
  }
  .show-more {
    border: 1px solid currentColor;
    border-radius: 4px;
    background: transparent;
    color: var(--park-map-link, #0b57d0);
    padding: 2px 8px;
    cursor: pointer;
    font: inherit;
    font-size: 0.9em;
  }
  .exports {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    margin-top: 10px;
  }
`;
