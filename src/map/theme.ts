// Colours of the map layers. WebGL can't read CSS, so each colour is resolved once from the host's
// `--park-map-*` custom properties, with defaults chosen for ≥ 3:1 contrast against the background.
import { STATUSES, type Status } from '../data/types.js';

export interface MapTheme {
  background: string;
  zoneFill: string;
  zoneLine: string;
  parkFill: string;
  parkLine: string;
  plotFill: string;
  plotLine: string;
  buildingLine: string;
  noStatus: string;
  selection: string;
  hover: string;
  /** The measuring tools' shapes and handles (`--park-map-accent`, as the pressed tool buttons). */
  accent: string;
  status: Record<Status, string>;
}

/** Default colours; every one can be overridden by a CSS custom property of the same name. */
export const DEFAULT_THEME: MapTheme = {
  background: '#f4f1ea',
  zoneFill: '#dde7f0',
  zoneLine: '#4a6a8a',
  parkFill: '#e4ecd9',
  parkLine: '#5b7a3a',
  plotFill: '#efe6d2',
  plotLine: '#8a6d3b',
  buildingLine: '#2b2b2b',
  noStatus: '#9e9e9e',
  selection: '#d81b60',
  hover: '#1565c0',
  accent: '#0b57d0',
  status: {
    planned: '#b0bec5',
    signed: '#9575cd',
    under_construction: '#f57c00',
    topped_out: '#fbc02d',
    fitting_out: '#4fc3f7',
    completed: '#43a047',
    operating: '#1b5e20',
  },
};

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`).replace(/_/g, '-');
}

/** Reads `--park-map-<name>` (e.g. `--park-map-zone-fill`, `--park-map-status-under-construction`). */
export function resolveTheme(read: (property: string) => string): MapTheme {
  const pick = (name: string, fallback: string) =>
    read(`--park-map-${kebab(name)}`).trim() || fallback;
  const status = {} as Record<Status, string>;
  for (const key of STATUSES) status[key] = pick(`status-${key}`, DEFAULT_THEME.status[key]);
  return {
    background: pick('background', DEFAULT_THEME.background),
    zoneFill: pick('zoneFill', DEFAULT_THEME.zoneFill),
    zoneLine: pick('zoneLine', DEFAULT_THEME.zoneLine),
    parkFill: pick('parkFill', DEFAULT_THEME.parkFill),
    parkLine: pick('parkLine', DEFAULT_THEME.parkLine),
    plotFill: pick('plotFill', DEFAULT_THEME.plotFill),
    plotLine: pick('plotLine', DEFAULT_THEME.plotLine),
    buildingLine: pick('buildingLine', DEFAULT_THEME.buildingLine),
    noStatus: pick('noStatus', DEFAULT_THEME.noStatus),
    selection: pick('selection', DEFAULT_THEME.selection),
    hover: pick('hover', DEFAULT_THEME.hover),
    accent: pick('accent', DEFAULT_THEME.accent),
    status,
  };
}
