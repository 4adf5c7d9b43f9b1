// The npm library build's stand-in for worker-url.ts: no worker file of ours. The application calls
// maplibre-gl's setWorkerUrl() once (see README, "npm package"); a page loading maplibre-gl.mjs as a
// plain ES module needs nothing, as MapLibre finds its worker beside itself.
export const bundledWorkerUrl: string | undefined = undefined;
