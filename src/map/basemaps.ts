// Basemaps: `none` (the default: no request at all), named presets, or any MapLibre style URL.
// Pure: returns the style to give MapLibre and the attribution to show, or a problem to report.
import type { StyleSpecification } from 'maplibre-gl';
import { offlineStyle } from './layers.js';
import type { MapTheme } from './theme.js';

export const BASEMAP_PRESETS = ['none', 'osm', 'openfreemap', 'tianditu', 'tianditu-img'] as const;
export type BasemapPreset = (typeof BASEMAP_PRESETS)[number];

export interface BasemapChoice {
  /** A style object, or the URL of a style document. */
  style: StyleSpecification | string;
  /** Attribution to show (HTML is not allowed: plain text, MapLibre renders it as given). */
  attribution?: string;
  /** True when the style makes network requests (everything but `none`). */
  online: boolean;
}

export interface BasemapProblem {
  code: 'basemap-key-missing' | 'basemap-unknown';
  message: string;
}

const OSM_ATTRIBUTION = '© OpenStreetMap contributors';
const TIANDITU_ATTRIBUTION = '天地图 · 国家地理信息公共服务平台';

/** A raster basemap under the park layers: our background first, then the tiles. */
function rasterStyle(
  theme: MapTheme,
  sources: { id: string; tiles: string[]; maxzoom: number }[],
  attribution: string,
): StyleSpecification {
  const base = offlineStyle(theme);
  return {
    ...base,
    sources: Object.fromEntries(
      sources.map((source) => [
        source.id,
        {
          type: 'raster' as const,
          tiles: source.tiles,
          tileSize: 256,
          maxzoom: source.maxzoom,
          attribution,
        },
      ]),
    ),
    layers: [
      ...base.layers,
      ...sources.map((source) => ({
        id: source.id,
        type: 'raster' as const,
        source: source.id,
      })),
    ],
  };
}

/** Tianditu's WMTS tiles (Web Mercator, `_w`), served from t0–t7. */
function tiandituTiles(layer: string, key: string): string[] {
  const query =
    `SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w` +
    `&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${encodeURIComponent(key)}`;
  return [0, 1, 2, 3, 4, 5, 6, 7].map(
    (server) => `https://t${server}.tianditu.gov.cn/${layer}_w/wmts?${query}`,
  );
}

function isStyleUrl(value: string): boolean {
  return /^(https?:)?\/\//i.test(value) || /^\.{0,2}\//.test(value) || /\.json(\?|$)/i.test(value);
}

/**
 * The basemap for the `basemap` attribute (`key`: `basemap-key`, needed by Tianditu). An unknown
 * name or a missing key gives a problem and the offline style, so the parks still show.
 */
export function chooseBasemap(
  name: string | null | undefined,
  key: string | null | undefined,
  theme: MapTheme,
): { choice: BasemapChoice; problem?: BasemapProblem } {
  const offline: BasemapChoice = { style: offlineStyle(theme), online: false };
  const value = (name ?? 'none').trim();
  switch (value) {
    case '':
    case 'none':
      return { choice: offline };
    case 'osm':
      return {
        choice: {
          style: rasterStyle(
            theme,
            [
              {
                id: 'park-map-basemap-osm',
                tiles: ['https://tile.openstreetmap.org/{z}/{x}/{y}.png'],
                maxzoom: 19,
              },
            ],
            OSM_ATTRIBUTION,
          ),
          attribution: OSM_ATTRIBUTION,
          online: true,
        },
      };
    case 'openfreemap':
      return {
        choice: {
          style: 'https://tiles.openfreemap.org/styles/liberty',
          attribution: `OpenFreeMap ${OSM_ATTRIBUTION}`,
          online: true,
        },
      };
    case 'tianditu':
    case 'tianditu-img': {
      if (!key) {
        return {
          choice: offline,
          problem: {
            code: 'basemap-key-missing',
            message: `basemap="${value}" needs a Tianditu key: add basemap-key="…" (apply for one at the Tianditu console, 天地图控制台). The map is shown without a basemap.`,
          },
        };
      }
      const [base, labels] = value === 'tianditu' ? ['vec', 'cva'] : ['img', 'cia'];
      return {
        choice: {
          style: rasterStyle(
            theme,
            [
              { id: `park-map-basemap-${base}`, tiles: tiandituTiles(base, key), maxzoom: 18 },
              { id: `park-map-basemap-${labels}`, tiles: tiandituTiles(labels, key), maxzoom: 18 },
            ],
            TIANDITU_ATTRIBUTION,
          ),
          attribution: TIANDITU_ATTRIBUTION,
          online: true,
        },
      };
    }
    default:
      if (isStyleUrl(value)) return { choice: { style: value, online: true } };
      return {
        choice: offline,
        problem: {
          code: 'basemap-unknown',
          message: `basemap="${value}" is neither a preset (${BASEMAP_PRESETS.join(', ')}) nor a style URL; the map is shown without a basemap.`,
        },
      };
  }
}
