// Chunk: the map's own code, loaded with MapLibre (see map-controller.ts): the basemaps, MapLibre's
// control labels, and the parts each map is made of (source, layers, names, highlight, 3D, hit
// testing, the tile read-back and filter). Nothing here is needed before MapLibre is, so it is
// fetched beside MapLibre's far larger chunk instead of on first load.
export { chooseBasemap } from '../map/basemaps.js';
export { MAP_LOCALE } from '../i18n/map-locale.js';
export { MapParts } from '../map/map-parts.js';
export { firstView, FIT_TEXT } from '../map/first-view.js';
export { fitPadding, overlayBoxes } from '../map/overlay-boxes.js';
