// Vector tiles instead of GeoJSON, for data too big for the browser: a PMTiles archive read with HTTP
// range requests (the protomaps `pmtiles` reader, loaded only when a `src` needs it) or an
// `{z}/{x}/{y}` MVT URL template (a tile server). One source layer, `features`, with the data's own
// properties: the string id in `id`, lists and objects as JSON text (see README, "Vector tiles").
import type { RequestParameters, addProtocol } from 'maplibre-gl';
import type { PMTiles } from 'pmtiles';

export type TileSourceKind = 'pmtiles' | 'template';

export interface TileSourceRequest {
  kind: TileSourceKind;
  /** Absolute URL of the archive, or the absolute `{z}/{x}/{y}` template. */
  url: string;
}

/** The source layer the tiles carry and the property that holds a feature's string id. */
export const SOURCE_LAYER = 'features';
export const TILE_ID_PROPERTY = 'id';
/** Properties that travel as JSON text in tiles (MVT values are scalars). */
export const JSON_PROPERTIES: ReadonlySet<string> = new Set([
  'industries',
  'tenants',
  'targets',
  'contact',
  'sources',
]);
/** Zoom levels a `{z}/{x}/{y}` server is asked for; MapLibre scales z14 tiles up beyond. */
export const TEMPLATE_MIN_ZOOM = 0;
export const TEMPLATE_MAX_ZOOM = 14;

const PROTOCOL = 'park-map-pmtiles';

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

export interface ArchiveInfo {
  /** west, south, east, north */
  bounds: [number, number, number, number];
  minZoom: number;
  maxZoom: number;
  /** The MapLibre source's tile URL (through park-map's own protocol). */
  tiles: string;
}

type ProtocolHandler = Parameters<typeof addProtocol>[1];

interface OpenArchive {
  archive: PMTiles;
  users: number;
}

/** The archives in use on this page by URL, shared by the elements that show them. */
const archives = new Map<string, OpenArchive>();
let protocolOwner: { removeProtocol: (name: string) => void } | undefined;

const tileFromArchive: ProtocolHandler = async (
  params: RequestParameters,
  abort: AbortController,
) => {
  // park-map-pmtiles://<archive URL>/<z>/<x>/<y>
  const match = /^park-map-pmtiles:\/\/(.+)\/(\d+)\/(\d+)\/(\d+)$/.exec(params.url);
  const open = match ? archives.get(match[1]!) : undefined;
  if (!match || !open) throw new Error(`<park-map>: no open archive for ${params.url}`);
  const tile = await open.archive.getZxy(+match[2]!, +match[3]!, +match[4]!, abort.signal);
  // A tile the archive does not have is empty, not an error (overzoom and sparse archives).
  return { data: tile ? new Uint8Array(tile.data) : new Uint8Array(0) };
};

/**
 * Opens an archive (its header: one range request for the first 16 KiB, made while MapLibre is still
 * loading) and registers park-map's protocol with this MapLibre the first time. Call `closeArchive`
 * with the same URL when done.
 */
export async function openArchive(
  url: string,
  loadingMapLibre: Promise<{
    addProtocol: typeof addProtocol;
    removeProtocol: (name: string) => void;
  }>,
): Promise<ArchiveInfo> {
  let open = archives.get(url);
  if (!open) {
    const { PMTiles } = await import('pmtiles');
    open = archives.get(url) ?? { archive: new PMTiles(url), users: 0 };
    archives.set(url, open);
  }
  open.users += 1;
  try {
    const [header, maplibre] = await Promise.all([open.archive.getHeader(), loadingMapLibre]);
    if (!protocolOwner) {
      maplibre.addProtocol(PROTOCOL, tileFromArchive);
      protocolOwner = maplibre;
    }
    if (header.tileType !== 1) {
      throw new Error(`the archive holds tile type ${header.tileType}, not vector tiles (MVT)`);
    }
    return {
      bounds: [header.minLon, header.minLat, header.maxLon, header.maxLat],
      minZoom: header.minZoom,
      maxZoom: header.maxZoom,
      tiles: `${PROTOCOL}://${url}/{z}/{x}/{y}`,
    };
  } catch (error) {
    closeArchive(url);
    throw error;
  }
}

/** One user fewer; the last one out forgets the archive, and the protocol once none is left. */
export function closeArchive(url: string): void {
  const open = archives.get(url);
  if (!open) return;
  open.users -= 1;
  if (open.users > 0) return;
  archives.delete(url);
  if (archives.size === 0 && protocolOwner) {
    protocolOwner.removeProtocol(PROTOCOL);
    protocolOwner = undefined;
  }
}

/** How many archives are open (for tests: elements removed leave none behind). */
export function openArchiveCount(): number {
  return archives.size;
}
