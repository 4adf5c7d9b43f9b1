// The ground under the data on the offline map (basemap="none"): the major rivers and the towns of
// the region the package ships (data/context/central-hunan.json, built by
// scripts/build-context.mjs from GSHHG and GeoNames), so a map without any basemap still shows
// where things are. Loaded, as a chunk of its own and with no request beyond the page's own
// scripts, only when the map is offline and the data lies in that region; the towns are named by
// name-labels.ts after the data's own names (they give way to them). Loaded with MapLibre.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { lazyModule } from '../chunks/lazy-module.js';
import { bboxOf } from '../data/bbox.js';
import { resolveLang, type Lang } from '../i18n/lang.js';
import type { LabelSpec } from './labels.js';
import type { MapContext, MapPart } from './map-part.js';

export const CONTEXT_SOURCE_ID = 'park-map-context';
export const CONTEXT_RIVER_LAYER = 'park-map-context-river';
/** The region data/context/central-hunan.json covers (west, south, east, north). */
export const CONTEXT_REGION: readonly [number, number, number, number] = [111.4, 26.2, 114.1, 28.6];

interface ContextPlace {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: { kind: 'place'; rank: 'city' | 'county'; name: string; 'name:en': string };
}

interface ContextData {
  type: 'FeatureCollection';
  sources: { what: string; attribution: string; licence: string }[];
  features: (
    | ContextPlace
    | {
        type: 'Feature';
        geometry: { type: 'LineString'; coordinates: [number, number][] };
        properties: { kind: 'river' };
      }
  )[];
}

const contextData = lazyModule(() =>
  import('../../data/context/central-hunan.json').then(
    (module) => module.default as unknown as ContextData,
  ),
);

/** The credit line: the sources of the rivers and the towns, with the towns' licence. */
const CREDIT: Record<Lang, string> = {
  'zh-CN': '河流：GSHHG；地名：GeoNames（CC BY 4.0）',
  en: 'Rivers: GSHHG; places: GeoNames (CC BY 4.0)',
};

/** From which zoom a town is named, by rank; none once the parks fill the view. */
const PLACE_ZOOMS = { city: [6, 13], county: [8, 13] } as const;

/** The towns as names for name-labels.ts (after the data's own: they give way to them). */
export function placeLabels(data: ContextData, lang: Lang): LabelSpec[] {
  const specs: LabelSpec[] = [];
  for (const feature of data.features) {
    if (feature.properties.kind !== 'place') continue;
    const { name, rank } = (feature as ContextPlace).properties;
    const english = (feature as ContextPlace).properties['name:en'];
    const [minZoom, maxZoom] = PLACE_ZOOMS[rank];
    specs.push({
      id: `context:${english}`,
      context: true,
      kind: rank === 'city' ? 'place-city' : 'place',
      text: lang === 'en' ? english : name,
      textLang: lang,
      position: feature.geometry.coordinates as [number, number],
      minZoom,
      maxZoom,
    });
  }
  return specs;
}

/** True when a box (west, south, east, north) overlaps the context's region. */
export function inContextRegion(box: readonly [number, number, number, number] | null): boolean {
  if (!box) return false;
  const [west, south, east, north] = CONTEXT_REGION;
  return box[0] <= east && box[2] >= west && box[1] <= north && box[3] >= south;
}

export class ContextLayer implements MapPart {
  /** The context data once drawn on this map (its towns are then named). */
  private drawn: ContextData | undefined;
  private removed = false;
  /** The credit line for the context's sources (their licences ask for it), in the lower left. */
  private readonly credit = document.createElement('div');

  /**
   * `offline`: the map has no basemap (else the basemap shows the ground); `onPlaces`: the towns
   * are drawn, their names are due.
   */
  constructor(
    private readonly context: MapContext,
    private readonly offline: boolean,
    private readonly onPlaces: () => void,
  ) {}

  onLoad(): void {
    this.dataChanged();
  }

  onRemove(map: MapLibreMap): void {
    this.removed = true;
    if (this.drawn) map.removeControl(this.creditControl);
  }

  private readonly creditControl = {
    onAdd: () => this.credit,
    onRemove: () => this.credit.remove(),
  };

  /** The language changed: the credit in it. */
  langChanged(): void {
    this.credit.textContent = CREDIT[resolveLang(this.context.host.lang)];
  }

  /** The towns' names, once drawn; none before, or on a map with a basemap. */
  labels(lang: Lang): LabelSpec[] {
    return this.drawn ? placeLabels(this.drawn, lang) : [];
  }

  /** New data: the context is drawn once data lies in its region (on an offline map only). */
  dataChanged(): void {
    const { map, store, camera, tiled } = this.context;
    if (!this.offline || this.drawn || this.removed) return;
    if (this.context.host.ground.trim() === 'none') return;
    if (!inContextRegion(tiled ? null : bboxOf(camera.shift(store.features, true)))) return;
    void contextData.load().then((data) => {
      if (this.removed || this.drawn || !map.getStyle()) return;
      this.draw(map, data);
    });
  }

  private draw(map: MapLibreMap, data: ContextData): void {
    const rivers = data.features.filter((feature) => feature.properties.kind === 'river');
    map.addSource(CONTEXT_SOURCE_ID, {
      type: 'geojson',
      data: { type: 'FeatureCollection', features: rivers } as GeoJSON.FeatureCollection,
      attribution: data.sources.map((source) => source.attribution).join(' · '),
    });
    // Under everything of the data's: the first layer after the background.
    const first = map.getStyle().layers.find((layer) => layer.id !== 'park-map-background');
    map.addLayer(
      {
        id: CONTEXT_RIVER_LAYER,
        type: 'line',
        source: CONTEXT_SOURCE_ID,
        paint: {
          'line-color':
            getComputedStyle(this.context.host).getPropertyValue('--park-map-river').trim() ||
            '#8fb4d6',
          'line-width': ['interpolate', ['linear'], ['zoom'], 6, 0.8, 10, 1.6, 14, 3],
        },
      },
      first?.id,
    );
    this.credit.className = 'maplibregl-ctrl park-map-context-credit';
    this.langChanged();
    map.addControl(this.creditControl, 'bottom-left');
    this.drawn = data;
    this.onPlaces();
  }
}
