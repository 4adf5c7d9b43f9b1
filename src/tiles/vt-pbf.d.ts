// vt-pbf ships no types: the one function the tile builder calls.
declare module 'vt-pbf' {
  import type { GeoJSONVTFeature } from '@maplibre/geojson-vt';
  const vtpbf: {
    fromGeojsonVt(
      layers: Record<string, { features: readonly GeoJSONVTFeature[] }>,
      options?: { version?: number; extent?: number },
    ): Uint8Array;
  };
  export default vtpbf;
}
