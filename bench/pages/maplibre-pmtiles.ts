// Contestant: MapLibre GL JS reading the PMTiles archive directly, as the pmtiles documentation shows:
// the Protocol added once, a vector source `pmtiles://…` (source layer `features`). Everything else
// is shared with the GeoJSON contestant (bare-maplibre.ts).
import { addProtocol } from 'maplibre-gl';
import { Protocol } from 'pmtiles';
import { runBareMapLibre } from './bare-maplibre.ts';

addProtocol('pmtiles', new Protocol({ metadata: true }).tile);

runBareMapLibre({
  contestant: 'maplibre-pmtiles',
  source: (n) => ({ type: 'vector', url: `pmtiles://${location.origin}/bench/data/n${n}.pmtiles` }),
  sourceLayer: 'features',
  dataPattern: /\/bench\/data\/n\d+\.pmtiles/,
});
