// The lazily loaded chunks, one handle each (see lazy-module.ts): what the first load leaves out and
// each element fetches when it first needs it. MapLibre itself is loaded with the map chunk (see
// map-controller.ts).
import { lazyModule } from './lazy-module.js';

/** Decoding, validation, the issue messages, the filter and search indexes, the list and legend. */
export const dataChunk = lazyModule(() => import('./data-chunk.js'));
/** The map's layers, basemaps, labels and parts (loaded beside MapLibre). */
export const mapChunk = lazyModule(() => import('./map-chunk.js'));
/** The PMTiles reader and the protomaps library, for a `src` that is an archive. */
export const pmtilesChunk = lazyModule(() => import('./pmtiles-chunk.js'));
/** The details panel: loaded once the map is drawn, or at once for an earlier selection. */
export const detailsChunk = lazyModule(() => import('./details-chunk.js'));
/** The measuring tools: drawing, snapping, the results panel. */
export const measureChunk = lazyModule(() => import('./measure-chunk.js'));
/** CSV, GeoJSON and image export, downloads. */
export const exportChunk = lazyModule(() => import('./export-chunk.js'));
/** Reading and writing the page URL (for `hash`). */
export const urlChunk = lazyModule(() => import('./url-chunk.js'));

export type DataChunk = typeof import('./data-chunk.js');
export type MapChunk = typeof import('./map-chunk.js');
export type PmtilesChunk = typeof import('./pmtiles-chunk.js');
export type DetailsChunk = typeof import('./details-chunk.js');
export type MeasureChunk = typeof import('./measure-chunk.js');
export type ExportChunk = typeof import('./export-chunk.js');
export type UrlChunk = typeof import('./url-chunk.js');
