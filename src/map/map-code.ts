// The map's own code, loaded with MapLibre (see loadMapLibre in map-controller.ts): the layers, the
// basemaps, the name labels and which features the filters hide. Nothing here is needed before
// MapLibre is, so it is fetched beside MapLibre's far larger chunk instead of on first load.
export {
  featureLayers,
  highlightCollection,
  hoverFilter,
  isFilterableLayer,
  renderCollection,
  selectionLayerFilters,
  tileHeightExpression,
} from './layers.js';
export { chooseBasemap } from './basemaps.js';
export { hiddenIds, visibilityChanges } from './hidden-features.js';
export { TileFilter } from './tile-filter.js';
export { labelSpecs, tileLabelSpecs } from './labels.js';
export { MAP_LOCALE } from '../i18n/map-locale.js';
