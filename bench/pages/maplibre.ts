// Contestant: MapLibre GL JS used directly with one GeoJSON source given by URL (its worker fetches
// and parses it). Everything else is shared with the PMTiles contestant (bare-maplibre.ts).
import { runBareMapLibre } from './bare-maplibre.ts';
import { DATA_FILE, dataUrl } from './common.ts';

runBareMapLibre({
  contestant: 'maplibre',
  source: (n) => ({ type: 'geojson', data: dataUrl(n) }),
  dataPattern: DATA_FILE,
});
