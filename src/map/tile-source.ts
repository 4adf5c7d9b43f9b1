// Vector tiles instead of GeoJSON, for data too big for the browser: a PMTiles archive read with HTTP
// range requests (the protomaps `pmtiles` reader, loaded only when a `src` needs it) or an
// `{z}/{x}/{y}` MVT URL template (a tile server). One source layer, `features`, with the data's own
// properties: the string id in `id`, lists and objects as JSON text (see README, "Vector tiles").
// Opening an archive is pmtiles-archive.ts, loaded only for one.

export type TileSourceKind = 'pmtiles' | 'template';

export interface TileSourceRequest {
  kind: TileSourceKind;
  /** Absolute URL of the archive, or the absolute `{z}/{x}/{y}` template. */
  url: string;
}

/** The source layer the tiles carry and the property that holds a feature's string id. */
export const SOURCE_LAYER = 'features';
export const TILE_ID_PROPERTY = 'id';
/**
 * Properties that travel as JSON text in tiles (MVT values are scalars): every list and object of
 * the schema (data/schema.json), so that each comes back as it was written.
 */
export const JSON_PROPERTIES: ReadonlySet<string> = new Set([
  'industries',
  'aliases',
  'tenants',
  'targets',
  'stats',
  'qualifiers',
  'contact',
  'sources',
  'history',
]);
/** Zoom levels a `{z}/{x}/{y}` server is asked for; MapLibre scales z14 tiles up beyond. */
export const TEMPLATE_MIN_ZOOM = 0;
export const TEMPLATE_MAX_ZOOM = 14;

/** Is `src` vector tiles, and which kind? (null: GeoJSON, as before.) Pure. */
export function tileSourceOf(
  src: string | null | undefined,
  base: string,
): TileSourceRequest | null {
  if (!src) return null;
  if (/\{z\}/.test(src) && /\{x\}/.test(src) && /\{y\}/.test(src)) {
    // new URL() would percent-encode the braces: resolve a relative template by hand.
    const absolute = /^[a-z][a-z0-9+.-]*:/i.test(src)
      ? src
      : new URL(src.replace(/\{([zxy])\}/g, '__$1__'), base).href.replace(/__([zxy])__/g, '{$1}');
    return { kind: 'template', url: absolute };
  }
  const withoutScheme = src.replace(/^pmtiles:\/\//i, '');
  const path = withoutScheme.split(/[?#]/)[0] ?? '';
  if (withoutScheme !== src || /\.pmtiles$/i.test(path)) {
    return { kind: 'pmtiles', url: new URL(withoutScheme, base).href };
  }
  return null;
}

/**
 * A tile feature's properties back in the data schema: JSON text parsed for the list and object
 * properties, the id left out (it is the feature's id). Text that does not parse stays text.
 */
export function decodeTileProperties(
  properties: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const decoded: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(properties)) {
    if (key === TILE_ID_PROPERTY) continue;
    if (typeof value === 'string' && JSON_PROPERTIES.has(key) && /^\s*[[{]/.test(value)) {
      try {
        decoded[key] = JSON.parse(value) as unknown;
        continue;
      } catch {
        // Keep the text: the validator reports a list that is not a list.
      }
    }
    decoded[key] = value;
  }
  return decoded;
}
