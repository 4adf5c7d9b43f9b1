// The basemap switch's words (map/basemap-switch.ts), loaded with the map chunk, not on first load.
import type { BasemapPreset } from '../map/basemaps.js';
import type { Lang } from './lang.js';

interface SwitchWords {
  /** The switch's accessible name. */
  label: string;
  /** The current basemap when the page did not list it (shown, not offered). */
  other: string;
  presets: Record<BasemapPreset, string>;
}

export const BASEMAP_LABELS: Record<Lang, SwitchWords> = {
  'zh-CN': {
    label: '底图',
    other: '其他底图',
    presets: {
      none: '离线地图',
      osm: 'OpenStreetMap',
      openfreemap: 'OpenFreeMap',
      tianditu: '天地图 矢量',
      'tianditu-img': '天地图 影像',
      amap: '高德地图',
      'amap-img': '高德影像',
    },
  },
  en: {
    label: 'Basemap',
    other: 'Other basemap',
    presets: {
      none: 'Offline map',
      osm: 'OpenStreetMap',
      openfreemap: 'OpenFreeMap',
      tianditu: 'Tianditu map',
      'tianditu-img': 'Tianditu imagery',
      amap: 'AMap',
      'amap-img': 'AMap imagery',
    },
  },
};
