// Chunk: the measuring tools beyond the toolbar, loaded when a tool is first chosen or a feature
// first measured: the drawing controller with its rules, layers and snapping, and the results panel.
export { MeasureController } from '../measure/measure-controller.js';
export { headline, renderCursorValue, renderMeasureResults } from '../ui/measure-results.js';
export { adoptMeasureResultsStyles } from '../ui/measure-results.styles.js';
