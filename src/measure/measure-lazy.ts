// What measuring needs beyond the toolbar, as one chunk: loaded when a tool is first chosen or a
// feature first measured: the controller, its drawing code and the results panel.
export { MeasureController } from './measure-controller.js';
export { headline, renderCursorValue, renderMeasureResults } from '../ui/measure-results.js';
