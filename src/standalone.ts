// The standalone bundle's entry, dist/park-map.js: what a page's one script tag loads. It defines
// <park-map> and exports the element and its events. The data, measuring and formatting helpers
// (validateParkData, measure, formatMoney, …) are in dist/park-map-tools.js, loaded only by a page
// that imports them; the element loads what it needs of them itself.
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
// A type only: the class is made in the map chunk, which fires it (the first load stays as it is).
export type { ParkMapBasemapEvent, ParkMapBasemapDetail } from './events/park-map-basemap-event.js';
