// Vector tiles: the map's source (an archive through park-map's protocol, or a tile server's
// template), the features read back from the loaded tiles into the store (through the loader,
// which validates them), and the filter on the tiles (tile-filter.ts). Loaded with MapLibre.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { SOURCE_ID } from './layer-ids.js';
import type { MapContext, MapPart } from './map-part.js';
import type { ArchiveInfo } from './pmtiles-archive.js';
import { TileFilter } from './tile-filter.js';
import {
  SOURCE_LAYER,
  TEMPLATE_MAX_ZOOM,
  TEMPLATE_MIN_ZOOM,
  TILE_ID_PROPERTY,
  decodeTileProperties,
  type TileSourceRequest,
} from './tile-source.js';

/**
 * A feature as read from the loaded tiles, before validation. Its `geometry` (GeoJSON, from the
 * largest piece) is converted from the tile when first read: most readers never need it.
 */
export interface TileFeatureSnapshot {
  type: 'Feature';
  id: string;
  readonly geometry: unknown;
  properties: Record<string, unknown>;
}

/** A feature (or a piece of one) as `querySourceFeatures` gives it. */
type TilePiece = ReturnType<MapLibreMap['querySourceFeatures']>[number];

export class TileReadback implements MapPart {
  /** The filter on the tiles, made with the map so that it sees every tile come in. */
  filter: TileFilter | undefined;
  /** Ids of the tile features last reported (null: none reported yet), to report only changes. */
  private reported: Set<string> | null = null;
  private loaded = false;

  /** `info`: the archive's header (absent for a tile server's template). */
  constructor(
    private readonly context: MapContext,
    private readonly request: TileSourceRequest,
    private readonly info: ArchiveInfo | undefined,
  ) {}

  onAdd(map: MapLibreMap): void {
    map.on('idle', this.onIdle);
    const filter = new TileFilter(map, this.context.baseFilters);
    this.filter = filter;
    map.on('sourcedata', this.onSourceData);
  }

  onLoad(map: MapLibreMap): void {
    this.loaded = true;
    const info = this.info;
    // An archive that could not be opened has been reported: the map stays without data.
    if (this.request.kind === 'pmtiles' && !info) return;
    map.addSource(SOURCE_ID, {
      type: 'vector',
      tiles: [info ? info.tiles : this.request.url],
      minzoom: info ? info.minZoom : TEMPLATE_MIN_ZOOM,
      maxzoom: info ? info.maxZoom : TEMPLATE_MAX_ZOOM,
      ...(info ? { bounds: info.bounds } : {}),
      promoteId: TILE_ID_PROPERTY,
    });
  }

  onRemove(map: MapLibreMap): void {
    map.off('idle', this.onIdle);
    map.off('sourcedata', this.onSourceData);
    this.filter = undefined;
  }

  private readonly onSourceData = (event: Parameters<TileFilter['take']>[0]) => {
    this.filter?.take(event);
  };

  /**
   * After each render: the features in the loaded tiles, one per id (a feature cut by tile edges
   * comes in pieces: the largest piece is kept), handed on when the set of ids changed.
   */
  private readonly onIdle = () => {
    const map = this.context.map;
    if (!map.getSource(SOURCE_ID) || !map.isSourceLoaded(SOURCE_ID)) return;
    // A feature cut by tile edges (or in a tile's margin) comes in pieces. Reading a piece's
    // `geometry` converts it from the tile, most of the read-back's cost: the pieces are kept, and
    // the largest is found when the feature's geometry is first read (see tileSnapshot).
    const pieces = new Map<string, TilePiece[]>();
    const found = map.querySourceFeatures(SOURCE_ID, { sourceLayer: SOURCE_LAYER });
    for (const feature of found) {
      const id = feature.properties[TILE_ID_PROPERTY];
      if (typeof id !== 'string') continue;
      const previous = pieces.get(id);
      if (previous) previous.push(feature);
      else pieces.set(id, [feature]);
    }
    const reported = this.reported;
    const first = this.loaded && reported === null;
    const unchanged =
      !first &&
      pieces.size === (reported?.size ?? 0) &&
      [...pieces.keys()].every((id) => reported?.has(id));
    if (unchanged) return;
    this.reported = new Set(pieces.keys());
    this.context.loader.setTileFeatures(
      [...pieces].map(([id, list]) => tileSnapshot(id, list as [TilePiece, ...TilePiece[]])),
    );
  };
}

/**
 * The read-back feature of a tile feature's pieces. The properties are the feature's own, the same
 * in every piece (the first one's are read); the geometry is the largest piece's, converted when
 * first read (MapLibre keeps each piece's conversion).
 */
function tileSnapshot(
  id: string,
  pieces: readonly [TilePiece, ...TilePiece[]],
): TileFeatureSnapshot {
  let largest: TilePiece | undefined;
  return {
    type: 'Feature',
    id,
    get geometry(): unknown {
      largest ??= largestPiece(pieces);
      return largest.geometry;
    },
    properties: decodeTileProperties(pieces[0].properties),
  };
}

/** The piece holding the most of its feature (the first of equals). */
function largestPiece(pieces: readonly [TilePiece, ...TilePiece[]]): TilePiece {
  let largest = pieces[0];
  if (pieces.length === 1) return largest;
  let largestSize = pieceSize(largest.geometry);
  for (const piece of pieces.slice(1)) {
    const size = pieceSize(piece.geometry);
    if (size > largestSize) {
      largest = piece;
      largestSize = size;
    }
  }
  return largest;
}

/** How much of a feature a tile piece holds (its vertex count): the biggest piece is kept. */
function pieceSize(geometry: GeoJSON.Geometry): number {
  if (geometry.type === 'Point') return 1;
  if (geometry.type === 'Polygon')
    return geometry.coordinates.reduce((sum, ring) => sum + ring.length, 0);
  if (geometry.type === 'MultiPolygon') {
    return geometry.coordinates.reduce(
      (sum, polygon) => sum + polygon.reduce((inner, ring) => inner + ring.length, 0),
      0,
    );
  }
  return 0;
}
