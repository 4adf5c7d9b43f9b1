// The helpers without the element: data validation, the issue messages, coordinates, measuring,
// units and formatting (with qualifiers: 约, 余, 以上, 可达). The package entry (index.ts) exports them beside <park-map>; the standalone
// build also ships them alone, as dist/park-map-tools.js (vite.tools.config.ts).
export { validateParkData, type ValidateOptions } from './data/validate/index.js';
export {
  mapParkData,
  type FieldMapping,
  type FieldRule,
  type MappingResult,
} from './data/mapping.js';
export { describeIssue } from './data/issue-messages.js';
export { toWgs84 } from './data/coords.js';
export {
  formatArea,
  formatCount,
  formatDate,
  formatFigure,
  formatLength,
  formatMoney,
  formatPercent,
} from './i18n/format.js';
export { qualifyFigure, qualifyTotal } from './i18n/qualifiers.js';
export { sumQualifier } from './explore/sum-qualifier.js';
export { QUALIFIERS, QUALIFIABLE_KEYS } from './data/qualifier-keys.js';
export type * from './data/types.js';
export { KINDS, STATUSES, FIGURE_KEYS } from './data/types.js';
export { measure } from './measure/measure.js';
export { geodesicArea, geodesicLength, geodesicPerimeter } from './measure/geodesic.js';
export {
  autoAreaUnit,
  autoLengthUnit,
  convertArea,
  convertLength,
  formatMeasure,
  type AreaUnit,
  type LengthUnit,
} from './measure/units.js';
export { plotMetrics, type PlotMetrics } from './measure/plot-metrics.js';
export type { Measurement, MeasurementCollection, Tool } from './measure/measure-controller.js';
