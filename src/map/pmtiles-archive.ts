// Reading a PMTiles archive (the protomaps `pmtiles` reader) through HTTP range requests, and the
// MapLibre protocol that hands its tiles to the map. Loaded, with pmtiles, only when a `src` is an
// archive (see tile-source.ts).
import type { RequestParameters, addProtocol } from 'maplibre-gl';
import { PMTiles } from 'pmtiles';

const PROTOCOL = 'park-map-pmtiles';

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
    open = { archive: new PMTiles(url), users: 0 };
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
