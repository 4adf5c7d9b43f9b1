// MapLibre's worker for the standalone bundle: Vite emits the file beside dist/park-map.js and gives
// its URL relative to the bundle, so a CMS page can load the bundle from any folder.
// The npm library build swaps this module for worker-url-lib.ts (vite.lib.config.ts): there the
// application's bundler owns maplibre-gl and points it at its worker with maplibre's setWorkerUrl().
import url from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';

export const bundledWorkerUrl: string | undefined = url;
