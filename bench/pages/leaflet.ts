// Contestant: Leaflet with its canvas renderer, as its documentation shows: L.geoJSON styled by status.
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { ParkFeatureCollection } from '../../src/data/types.ts';
import {
  DATA_FILE,
  STATUS_COLOURS,
  benchSize,
  dataUrl,
  fetchedAt,
  detailsPanel,
  loadMeta,
  measureHeap,
  nextFrame,
  reportFailure,
  showDetails,
  startFrames,
  stopFrames,
  waitForDetails,
  type LoadResult,
} from './common.ts';

const n = benchSize();
const stage = document.getElementById('stage')!;
const panel = detailsPanel();
let map: L.Map;
let layer: L.GeoJSON;
let collection: ParkFeatureCollection;
/** What the filter narrows: buildings, or plots in the parcels scenario. */
let itemKind = 'building';

const STYLES: Record<string, L.PathOptions> = {
  zone: { color: '#4a6a8a', weight: 2, dashArray: '3 2', fillColor: '#dde7f0', fillOpacity: 0.55 },
  park: { color: '#5b7a3a', weight: 1.5, fillColor: '#e4ecd9', fillOpacity: 0.8 },
};

function style(feature?: GeoJSON.Feature): L.PathOptions {
  const properties = (feature?.properties ?? {}) as Record<string, string>;
  const fixed = STYLES[properties.kind ?? ''];
  if (fixed) return fixed;
  const fillColor = STATUS_COLOURS[properties.status ?? ''] ?? '#9e9e9e';
  return { color: '#2b2b2b', weight: 0.8, fillColor, fillOpacity: 0.9 };
}

async function drawn(): Promise<void> {
  await nextFrame();
  await nextFrame();
}

async function start(): Promise<LoadResult> {
  const meta = await loadMeta(n);
  itemKind = meta.itemKind ?? 'building';
  const container = document.createElement('div');
  container.style.cssText = 'position:absolute;inset:0';
  stage.append(container, panel);
  const started = performance.now();
  map = L.map(container, { preferCanvas: true, zoomSnap: 0, attributionControl: false });
  const [west, south, east, north] = meta.bbox;
  map.fitBounds(
    [
      [south, west],
      [north, east],
    ],
    { padding: [32, 32], animate: false },
  );
  collection = (await (await fetch(dataUrl(n))).json()) as ParkFeatureCollection;
  // preferCanvas: every path goes to one L.canvas() renderer.
  layer = L.geoJSON(collection as unknown as GeoJSON.FeatureCollection, { style }).addTo(map);
  layer.on('click', (event) => {
    const feature = (
      event as L.LeafletMouseEvent & { layer: L.Layer & { feature: GeoJSON.Feature } }
    ).layer.feature;
    showDetails(panel, (feature.properties ?? {}) as Record<string, unknown>);
  });
  await drawn();
  const now = performance.now();
  return {
    loadMs: now - started,
    sinceNavigationMs: now,
    dataFetchedMs: fetchedAt(DATA_FILE, started),
  };
}

const ready = start().catch(reportFailure);

function replaceData(features: ParkFeatureCollection['features']): void {
  layer.clearLayers();
  layer.addData({ type: 'FeatureCollection', features } as unknown as GeoJSON.FeatureCollection);
}

window.__bench = {
  contestant: 'leaflet',
  ready,
  heap: measureHeap,
  mapRect() {
    const box = map.getContainer().getBoundingClientRect();
    return { x: box.x, y: box.y, width: box.width, height: box.height };
  },
  async focus(_id, centroid) {
    // Leaflet's zoom counts 256-pixel tiles: its 17 is MapLibre's 16.
    map.setView([centroid[1], centroid[0]], 17, { animate: false });
    await drawn();
  },
  position(lngLat) {
    const point = map.latLngToContainerPoint([lngLat[1], lngLat[0]]);
    const box = map.getContainer().getBoundingClientRect();
    return { x: box.x + point.x, y: box.y + point.y };
  },
  settle: drawn,
  async filter() {
    // Leaflet has no filter expression: a Leaflet user re-adds what passes.
    const started = performance.now();
    replaceData(
      collection.features.filter(
        (feature) =>
          feature.properties.kind !== itemKind || feature.properties.status === 'operating',
      ),
    );
    await drawn();
    return { ms: performance.now() - started };
  },
  async resetFilter() {
    replaceData(collection.features);
    await drawn();
  },
  startFrames,
  stopFrames,
  waitForDetails: (name) =>
    waitForDetails(panel, () => panel.querySelector('h2')?.textContent === name),
};
