// The public entry: importing it defines <park-map> and exposes the data and formatting helpers.
import './define.js';

export { ParkMap } from './park-map.js';
export { validateParkData } from './data/validate.js';
export { describeIssue } from './data/issue-messages.js';
export { toWgs84 } from './data/coords.js';
export { ParkMapLoadEvent, type ParkMapLoadDetail } from './events/park-map-load-event.js';
export { ParkMapSelectEvent, type ParkMapSelectDetail } from './events/park-map-select-event.js';
export { ParkMapErrorEvent, type ParkMapErrorDetail } from './events/park-map-error-event.js';
export {
  formatArea,
  formatCount,
  formatDate,
  formatFigure,
  formatLength,
  formatMoney,
  formatPercent,
} from './i18n/format.js';
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
export { ParkMapMeasureEvent, type ParkMapMeasureDetail } from './events/park-map-measure-event.js';
export type { Measurement, MeasurementCollection, Tool } from './measure/measure-controller.js';
export {
  ParkMapMeasureRemoveEvent,
  type ParkMapMeasureRemoveDetail,
} from './events/park-map-measure-remove-event.js';
