// Which features get a name on the map, where, and from which zoom. Labels are HTML markers (text,
// not glyphs), so basemap="none" needs no font server. Pure.
import type { Lang } from '../i18n/lang.js';
import type { Kind, ParkFeature, Position } from '../data/types.js';

export interface LabelSpec {
  id: string;
  /** The feature's kind, or a town of the context layer (context-layer.ts): `place`, `place-city`. */
  kind: Kind | 'place' | 'place-city';
  /** A town of the context layer: no feature of the data, so no filter hides it. */
  context?: true;
  text: string;
  /** The language of `text`: the English name, or the Chinese one where there is none. */
  textLang: Lang;
  position: [number, number];
  /** The zoom range in which the label shows (zones when zoomed out, parks when zoomed in). */
  minZoom: number;
  maxZoom: number;
}

/**
 * From which zoom each kind is named. Parks at every zoom (where their name fits: name-labels.ts
 * drops names that would overlap), buildings and projects only zoomed in, where there is room.
 */
const ZOOMS: Partial<Record<Kind, [number, number]>> = {
  zone: [0, 13.5],
  park: [0, 24],
  building: [16, 24],
  project: [15, 24],
};

/** The order names are placed in (a name placed first wins a place another would overlap). */
export const LABEL_PRIORITY: Partial<Record<LabelSpec['kind'], number>> = {
  zone: 0,
  park: 1,
  building: 2,
  project: 3,
};

/** At most this many names on the map at once (a view of a dense park holds hundreds of buildings). */
export const LABEL_LIMIT = 60;

const byPriority = (a: LabelSpec, b: LabelSpec): number =>
  (LABEL_PRIORITY[a.kind] ?? 9) - (LABEL_PRIORITY[b.kind] ?? 9);

/** The area-weighted centroid of a ring (planar in degrees: fine for a label a few km across). */
function ringCentroid(ring: Position[]): [number, number] | null {
  let twiceArea = 0;
  let x = 0;
  let y = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x0, y0] = ring[i] as [number, number];
    const [x1, y1] = ring[i + 1] as [number, number];
    const cross = x0 * y1 - x1 * y0;
    twiceArea += cross;
    x += (x0 + x1) * cross;
    y += (y0 + y1) * cross;
  }
  if (twiceArea === 0) return null;
  return [x / (3 * twiceArea), y / (3 * twiceArea)];
}

function labelPosition(feature: ParkFeature): [number, number] | null {
  const geometry = feature.geometry;
  if (geometry.type === 'Point') return [geometry.coordinates[0]!, geometry.coordinates[1]!];
  if (geometry.type === 'Polygon') return ringCentroid(geometry.coordinates[0] ?? []);
  if (geometry.type === 'MultiPolygon') {
    // The label goes on the first (usually largest) part.
    return ringCentroid(geometry.coordinates[0]?.[0] ?? []);
  }
  return null;
}

/** The label of a zone, park, building or project (Chinese name when no English one), or null for other features. */
function labelOf(feature: ParkFeature, lang: Lang, zoom?: number): LabelSpec | null {
  const zooms = ZOOMS[feature.properties.kind];
  if (!zooms) return null;
  // Outside its zoom range: not worth a centroid.
  if (zoom !== undefined && (zoom < zooms[0] || zoom >= zooms[1])) return null;
  const position = labelPosition(feature);
  if (!position) return null;
  const english = feature.properties['name:en'];
  return {
    id: feature.id,
    kind: feature.properties.kind,
    text: lang === 'en' && english ? english : feature.properties.name,
    textLang: lang === 'en' && english ? 'en' : 'zh-CN',
    position,
    minZoom: zooms[0],
    maxZoom: zooms[1],
  };
}

/**
 * Labels for zones, parks, buildings and projects, in the reader's language (Chinese name when no
 * English one), in placement order: zones, parks, buildings, projects (data order within each).
 */
export function labelSpecs(features: readonly ParkFeature[], lang: Lang): LabelSpec[] {
  const specs: LabelSpec[] = [];
  for (const feature of features) {
    const spec = labelOf(feature, lang);
    if (spec) specs.push(spec);
  }
  // A stable sort: data order is kept within a kind.
  return specs.sort(byPriority);
}

/** At most this many names at once with vector tiles (a national archive loads thousands). */
export const TILE_LABEL_LIMIT = 80;

/**
 * Vector tiles: the labels of the loaded zones and parks that show at this zoom and sit in view
 * (`bounds`: west, south, east, north), in placement order, at most `limit`. Remade as the view moves.
 */
export function tileLabelSpecs(
  features: readonly ParkFeature[],
  lang: Lang,
  bounds: [number, number, number, number],
  zoom: number,
  limit = TILE_LABEL_LIMIT,
): LabelSpec[] {
  const [west, south, east, north] = bounds;
  const specs: LabelSpec[] = [];
  for (const feature of features) {
    const spec = labelOf(feature, lang, zoom);
    if (!spec) continue;
    const [lon, lat] = spec.position;
    if (lon < west || lon > east || lat < south || lat > north) continue;
    specs.push(spec);
  }
  return specs.sort(byPriority).slice(0, limit);
}
