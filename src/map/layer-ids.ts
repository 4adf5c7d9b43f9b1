// The names the map's sources, layers and feature state go by: what the element's own code refers
// to before the layer code (layers.ts, loaded with MapLibre) is there.
export const SOURCE_ID = 'park-map-features';
/**
 * GeoJSON: a small source holding only the selected and the hovered feature (property `role`), so
 * outlining one never makes MapLibre cut the whole data into tiles again, as a layer filter would.
 */
export const HIGHLIGHT_SOURCE_ID = 'park-map-highlight';
/** Property carrying the feature's string id into MapLibre (its own ids must be numeric). */
export const ID_PROPERTY = 'pmId';
/**
 * Feature state that hides a feature the filters leave out (GeoJSON): MapLibre applies feature state
 * to the drawn buffers on the main thread, where a new layer filter would re-tile the whole source.
 */
export const HIDDEN_STATE = 'hidden';
/** Feature state: the status as of the `date`, where it differs from the drawn `status` ('none': unstated). */
export const AS_OF_STATE = 'asOfStatus';
/** The 3D layer: its opacity can not depend on feature state, so the filters reach it as a layer filter. */
export const EXTRUSION_LAYER = 'park-map-building-extrusion';

/** Layers a click can hit, topmost first: the smallest thing under the pointer wins. */
export const CLICKABLE_LAYERS = [
  'park-map-project-point',
  'park-map-building-fill',
  'park-map-plot-fill',
  'park-map-park-fill',
  'park-map-zone-fill',
] as const;
