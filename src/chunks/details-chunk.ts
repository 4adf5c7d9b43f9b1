// Chunk: the details panel, loaded once the map is drawn (or at once for an earlier selection), so
// the first click finds it there and the first load does not carry it.
export { renderDetails } from '../ui/details-panel.js';
export { compareContext, showCompareTable } from '../ui/compare.js';
