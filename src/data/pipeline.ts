// The element's data path, loaded apart from the element (see loadPipeline in data-controller.ts):
// decoding, validation, the preview and the issue messages. It is fetched while MapLibre is, so it
// costs the first render nothing, and keeps ~13 KB gzip off the first load.
export { decodeParkDataText } from './decode.js';
export { describeIssue, withReason } from './issue-messages.js';
export { drawsAs, previewFeatures } from './preview.js';
export { deferredGeometryIssues, validateParkData } from './validate.js';
