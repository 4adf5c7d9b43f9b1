// What works on loaded data, loaded apart from the element (see loadPipeline in data-controller.ts):
// decoding, validation, the preview and the issue messages; then the list's filter and search
// indexes, its panel and the legend. The first element starts loading it when made, so it arrives while
// MapLibre's far larger chunk does: the first render does not wait for it, and the first load is
// ~25 KB gzip lighter.
export { decodeParkDataText } from './decode.js';
export { describeIssue, withReason } from './issue-messages.js';
export { drawsAs, previewFeatures } from './preview.js';
export { deferredGeometryIssues, validateParkData } from './validate.js';
export { applyFilter, buildIndex, facetCounts, totals } from '../explore/filter.js';
export { stateExpression } from '../explore/map-filter.js';
export { buildSearchIndex, search } from '../explore/search.js';
export { buildTree, warmCollator } from '../explore/tree.js';
export { LIST_PAGE, renderExplorePanel } from '../ui/explore-panel.js';
export { renderLegend } from '../ui/legend.js';
