// Basemaps: `none` (the default: no request at all), named presets, or any MapLibre style URL.
// Pure: returns the style to give MapLibre and the attribution to show, or a problem to report.
import type { StyleSpecification } from 'maplibre-gl';
import { offlineStyle } from './layers.js';
import type { MapTheme } from './theme.js';

export const BASEMAP_PRESETS = [
  'none',
  'osm',
  'openfreemap',
  'tianditu',
  'tianditu-img',
  'amap',
  'amap-img',
] as const;
export type BasemapPreset = (typeof BASEMAP_PRESETS)[number];

export interface BasemapChoice {
  /** A style object, or the URL of a style document. */
  style: StyleSpecification | string;
  /** Attribution to show (HTML is not allowed: plain text, MapLibre renders it as given). */
  attribution?: string;
  /** True when the style makes network requests (everything but `none`). */
  online: boolean;
  /**
   * The coordinate system the basemap is drawn in: `gcj02` for Chinese commercial maps (AMap,
   * Tencent), whose tiles sit a few hundred metres off WGS84. The data is shifted into it for
   * display; measurements stay on WGS84.
   */
  crs: DisplayCrs;
}

/** Systems a basemap may be drawn in (BD-09 maps also use their own tile grid: not supported). */
export const DISPLAY_CRS = ['wgs84', 'gcj02'] as const;
export type DisplayCrs = (typeof DISPLAY_CRS)[number];

export interface BasemapProblem {
  code: 'basemap-key-missing' | 'basemap-unknown' | 'basemap-crs-unknown';
  message: string;
}

const OSM_ATTRIBUTION = '© OpenStreetMap contributors';
const TIANDITU_ATTRIBUTION = '天地图 · 国家地理信息公共服务平台';
const AMAP_ATTRIBUTION = '© 高德地图 AutoNavi';

/** AMap's (高德) raster tiles, GCJ-02 on Web Mercator, from its four tile hosts. */
function amapTiles(host: 'webrd' | 'webst', style: number): string[] {
  return [1, 2, 3, 4].map(
    (server) =>
      `https://${host}0${server}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=${style}&x={x}&y={y}&z={z}`,
  );
}

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
 * The basemap for the `basemap` attribute (`key`: `basemap-key`, needed by Tianditu; `crs`:
 * `basemap-crs`, the system of a basemap given by URL). An unknown name or a missing key gives a
 * problem and the offline style, so the parks still show.
 */
export function chooseBasemap(
  name: string | null | undefined,
  key: string | null | undefined,
  theme: MapTheme,
  crs?: string | null,
): { choice: BasemapChoice; problem?: BasemapProblem } {
  const chosen = presetOrUrl(name, key, theme);
  const given = (crs ?? '').trim().toLowerCase();
  if (!given) return chosen;
  if (!(DISPLAY_CRS as readonly string[]).includes(given)) {
    return {
      choice: chosen.choice,
      problem: chosen.problem ?? {
        code: 'basemap-crs-unknown',
        message: `basemap-crs="${crs}" is not one of ${DISPLAY_CRS.join(', ')}; the data is drawn as ${chosen.choice.crs}.`,
      },
    };
  }
  // The offline style has no system of its own: the data is drawn as it is.
  if (!chosen.choice.online) return chosen;
  return { ...chosen, choice: { ...chosen.choice, crs: given as DisplayCrs } };
}

function presetOrUrl(
  name: string | null | undefined,
  key: string | null | undefined,
  theme: MapTheme,
): { choice: BasemapChoice; problem?: BasemapProblem } {
  const offline: BasemapChoice = { style: offlineStyle(theme), online: false, crs: 'wgs84' };
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
          crs: 'wgs84',
        },
      };
    case 'openfreemap':
      return {
        choice: {
          style: 'https://tiles.openfreemap.org/styles/liberty',
          attribution: `OpenFreeMap ${OSM_ATTRIBUTION}`,
          online: true,
          crs: 'wgs84',
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
          crs: 'wgs84',
        },
      };
    }
    case 'amap':
    case 'amap-img': {
      // Roads and labels (style 8); imagery (style 6) under the same roads and labels.
      const layers =
        value === 'amap'
          ? [{ id: 'park-map-basemap-amap', tiles: amapTiles('webrd', 8), maxzoom: 18 }]
          : [
              { id: 'park-map-basemap-amap-img', tiles: amapTiles('webst', 6), maxzoom: 18 },
              { id: 'park-map-basemap-amap-labels', tiles: amapTiles('webst', 8), maxzoom: 18 },
            ];
      return {
        choice: {
          style: rasterStyle(theme, layers, AMAP_ATTRIBUTION),
          attribution: AMAP_ATTRIBUTION,
          online: true,
          crs: 'gcj02',
        },
      };
    }
    default:
      if (isStyleUrl(value)) return { choice: { style: value, online: true, crs: 'wgs84' } };
      return {
        choice: offline,
        problem: {
          code: 'basemap-unknown',
          message: `basemap="${value}" is neither a preset (${BASEMAP_PRESETS.join(', ')}) nor a style URL; the map is shown without a basemap.`,
        },
      };
  }
}

/**
 * The presets a `basemaps` attribute lists (space- or comma-separated, in its order, each once),
 * and the names in it that are not presets.
 */
export function parseBasemapList(value: string | null | undefined): {
  presets: BasemapPreset[];
  unknown: string[];
} {
  const presets: BasemapPreset[] = [];
  const unknown: string[] = [];
  for (const name of (value ?? '').split(/[\s,]+/)) {
    if (!name) continue;
    if ((BASEMAP_PRESETS as readonly string[]).includes(name)) {
      if (!presets.includes(name as BasemapPreset)) presets.push(name as BasemapPreset);
    } else if (!unknown.includes(name)) unknown.push(name);
  }
  return { presets, unknown };
}
