// The standalone bundle's entry, dist/park-map.js: what a page's one script tag loads. It defines
// <park-map> and exports the element and its events. The data, measuring and formatting helpers
// (validateParkData, measure, formatMoney, …) are in dist/park-map-tools.js, loaded only by a page
// that imports them; the element loads what it needs of them itself.
import './define.js';

export { ParkMap } from './park-map.js';
export { ParkMapLoadEvent } from './events/park-map-load-event.js';
export { ParkMapSelectEvent } from './events/park-map-select-event.js';
export { ParkMapErrorEvent } from './events/park-map-error-event.js';
export { ParkMapMeasureEvent } from './events/park-map-measure-event.js';
export { ParkMapMeasureRemoveEvent } from './events/park-map-measure-remove-event.js';
