// The package entry: importing it defines <park-map> and exports the element, its events and the
// helpers (tools.ts).
import './define.js';

export { ParkMap } from './park-map.js';
export { ParkMapLoadEvent, type ParkMapLoadDetail } from './events/park-map-load-event.js';
export { ParkMapSelectEvent, type ParkMapSelectDetail } from './events/park-map-select-event.js';
export { ParkMapErrorEvent, type ParkMapErrorDetail } from './events/park-map-error-event.js';
export { ParkMapMeasureEvent, type ParkMapMeasureDetail } from './events/park-map-measure-event.js';
export {
  ParkMapMeasureRemoveEvent,
  type ParkMapMeasureRemoveDetail,
} from './events/park-map-measure-remove-event.js';
export * from './tools.js';
