// Chunk: what works on loaded data, fetched beside MapLibre when the first element is made (so the
// first render does not wait for it and the first load is ~25 KB gzip lighter): decoding,
// validation, the preview and the issue messages; the list's filter and search indexes, its panel
// and the legend and the timeline (the as-of date), which only ever have data to show once this has arrived. The readers of other
// formats (CSV, Excel, KML, Shapefile) are chunks of their own, which this loads when it meets one.
export { describeIssue, withReason } from '../data/issue-messages.js';
export { describeIssueGroup, groupSaysCount } from '../data/issue-group-messages.js';
export { groupIssues } from '../data/issue-groups.js';
export {
  parseParkBytes,
  previewWhileValidating,
  readParkData,
  validateParsed,
} from '../data/load-pipeline.js';
export { drawsAs } from '../data/preview.js';
export { deferredGeometryIssues, validateParkData } from '../data/validate/index.js';
export { applyFilter, buildIndex, facetCounts, totals } from '../explore/filter.js';
export { stateExpression } from '../explore/map-filter.js';
export { buildSearchIndex, matchMask, search } from '../explore/search.js';
export { buildTree, warmCollator } from '../explore/tree.js';
export { LIST_PAGE, renderExplorePanel } from '../ui/explore-panel.js';
export { renderLegend } from '../ui/legend.js';
export { asOfViewOf, dateProblem, historyDates, passingAsOf } from '../state/as-of.js';
export { renderTimeline } from '../ui/timeline.js';
