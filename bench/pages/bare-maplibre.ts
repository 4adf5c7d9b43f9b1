// The bare-MapLibre contestants (maplibre.ts: GeoJSON; maplibre-pmtiles.ts: the PMTiles archive),
// written as MapLibre's documentation shows: a background-only style, one source, fill and line
// layers coloured by a status `match`, a click handler writing a plain panel. Only the source differs.
import {
  Map as MapLibreMap,
  setWorkerUrl,
  type ExpressionSpecification,
  type FilterSpecification,
  type LayerSpecification,
  type SourceSpecification,
} from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import {
  STATUS_COLOURS,
  benchSize,
  fetchedAt,
  detailsPanel,
  loadMeta,
  measureHeap,
  reportFailure,
  showDetails,
  startFrames,
  stopFrames,
  waitForDetails,
  type LoadResult,
} from './common.ts';

export interface BareSource {
  contestant: string;
  /** The source, given the benchmark's N. */
  source: (n: number) => SourceSpecification;
  /** A vector source's layer (tiles), or none (GeoJSON). */
  sourceLayer?: string;
  /** The data file's URL, to time its arrival. */
  dataPattern: RegExp;
}

setWorkerUrl(workerUrl);
const n = benchSize();
const stage = document.getElementById('stage')!;
const panel = detailsPanel();
let map: MapLibreMap;

const statusColour = [
  'match',
  ['get', 'status'],
  ...Object.entries(STATUS_COLOURS).flat(),
  '#9e9e9e',
] as unknown as string;
/** The clicked and filtered layers' features: buildings, or plots in the parcels scenario. */
let buildingFilter: ExpressionSpecification = ['==', ['get', 'kind'], 'building'];

function whenIdle(): Promise<void> {
  return new Promise((resolve) => {
    map.once('idle', () => resolve());
    map.triggerRepaint();
  });
}

async function start({ source, sourceLayer, dataPattern }: BareSource): Promise<LoadResult> {
  const meta = await loadMeta(n);
  buildingFilter = ['==', ['get', 'kind'], meta.itemKind ?? 'building'];
  const container = document.createElement('div');
  container.style.cssText = 'position:absolute;inset:0';
  stage.append(container, panel);
  const started = performance.now();
  map = new MapLibreMap({
    container,
    style: {
      version: 8,
      sources: {},
      layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#f4f1ea' } }],
    },
    bounds: meta.bbox,
    fitBoundsOptions: { padding: 32 },
    attributionControl: false,
  });
  map.on('load', () => {
    map.addSource('parks', source(n));
    const addLayer = (layer: LayerSpecification) =>
      map.addLayer(
        (sourceLayer ? { ...layer, 'source-layer': sourceLayer } : layer) as LayerSpecification,
      );
    const kind = (value: string): FilterSpecification => ['==', ['get', 'kind'], value];
    addLayer({
      id: 'zone-fill',
      type: 'fill',
      source: 'parks',
      filter: kind('zone'),
      paint: { 'fill-color': '#dde7f0', 'fill-opacity': 0.55 },
    });
    addLayer({
      id: 'zone-line',
      type: 'line',
      source: 'parks',
      filter: kind('zone'),
      paint: { 'line-color': '#4a6a8a', 'line-width': 2, 'line-dasharray': [3, 2] },
    });
    addLayer({
      id: 'park-fill',
      type: 'fill',
      source: 'parks',
      filter: kind('park'),
      paint: { 'fill-color': '#e4ecd9', 'fill-opacity': 0.8 },
    });
    addLayer({
      id: 'park-line',
      type: 'line',
      source: 'parks',
      filter: kind('park'),
      paint: { 'line-color': '#5b7a3a', 'line-width': 1.5 },
    });
    addLayer({
      id: 'building-fill',
      type: 'fill',
      source: 'parks',
      filter: buildingFilter,
      paint: { 'fill-color': statusColour, 'fill-opacity': 0.9 },
    });
    addLayer({
      id: 'building-line',
      type: 'line',
      source: 'parks',
      filter: buildingFilter,
      paint: { 'line-color': '#2b2b2b', 'line-width': 0.8 },
    });
    map.on('click', 'building-fill', (event) => {
      const feature = event.features?.[0];
      if (feature) showDetails(panel, feature.properties);
    });
  });
  // The first idle once the source is in and loaded: everything is drawn.
  await new Promise<void>((resolve) => {
    const check = () => {
      if (map.getSource('parks') && map.isSourceLoaded('parks')) resolve();
      else map.once('idle', check);
    };
    map.once('idle', check);
  });
  const now = performance.now();
  return {
    loadMs: now - started,
    sinceNavigationMs: now,
    dataFetchedMs: fetchedAt(dataPattern, started),
  };
}

/** Runs the contestant: loads the page's data and exposes the benchmark's hooks. */
export function runBareMapLibre(options: BareSource): void {
  const ready = start(options).catch(reportFailure);
  window.__bench = {
    contestant: options.contestant,
    ready,
    heap: measureHeap,
    mapRect() {
      const box = map.getContainer().getBoundingClientRect();
      return { x: box.x, y: box.y, width: box.width, height: box.height };
    },
    async focus(_id, centroid) {
      map.jumpTo({ center: centroid, zoom: 16 });
      await whenIdle();
    },
    position(lngLat) {
      const point = map.project(lngLat);
      const box = map.getCanvas().getBoundingClientRect();
      return { x: box.x + point.x, y: box.y + point.y };
    },
    settle: whenIdle,
    async filter() {
      const started = performance.now();
      const filter: FilterSpecification = [
        'all',
        buildingFilter,
        ['==', ['get', 'status'], 'operating'],
      ];
      map.setFilter('building-fill', filter);
      map.setFilter('building-line', filter);
      await whenIdle();
      return { ms: performance.now() - started };
    },
    async resetFilter() {
      map.setFilter('building-fill', buildingFilter);
      map.setFilter('building-line', buildingFilter);
      await whenIdle();
    },
    startFrames,
    stopFrames,
    waitForDetails: (name) =>
      waitForDetails(panel, () => panel.querySelector('h2')?.textContent === name),
  };
}
