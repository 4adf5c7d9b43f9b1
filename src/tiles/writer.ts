// A PMTiles v3 writer (the npm `pmtiles` package only reads), written from the specification
// (github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md): a 127-byte header, a root directory in the
// first 16 KiB, leaf directories when the root would not fit, run-length entries for identical
// neighbouring tiles, deduplicated and clustered tile data, gzip for the directories and metadata.
// Node only (node:zlib, node:crypto); tiles are added in any order and sorted by tile id at the end.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

export const HEADER_BYTES = 127;

/** One directory entry: a run of tiles (runLength ≥ 1) or a leaf directory (runLength 0). */
export interface Entry {
  tileId: number;
  offset: number;
  length: number;
  runLength: number;
}

export interface HeaderFields {
  rootDirectoryOffset: number;
  rootDirectoryLength: number;
  jsonMetadataOffset: number;
  jsonMetadataLength: number;
  leafDirectoryOffset: number;
  leafDirectoryLength: number;
  tileDataOffset: number;
  tileDataLength: number;
  numAddressedTiles: number;
  numTileEntries: number;
  numTileContents: number;
  clustered: boolean;
  internalCompression: number;
  tileCompression: number;
  tileType: number;
  minZoom: number;
  maxZoom: number;
  /** west, south, east, north (degrees) */
  bounds: [number, number, number, number];
  /** lon, lat, zoom */
  center: [number, number, number];
}

export interface WriterOptions {
  tileType?: number;
  tileCompression?: number;
  internalCompression?: number;
  /** Bytes the compressed root directory may take (tests lower it to force leaf directories). */
  rootLimit?: number;
}

export interface ArchiveInfo {
  metadata: object;
  bounds: [number, number, number, number];
  center?: [number, number, number];
}

export interface ArchiveStats {
  addressedTiles: number;
  tileEntries: number;
  tileContents: number;
  leafDirectories: number;
  rootDirectoryBytes: number;
  leafDirectoryBytes: number;
  tileDataBytes: number;
  bytes: number;
  minZoom: number;
  maxZoom: number;
}
/** Header and root directory together must fit in the first 16 KiB a reader fetches. */
export const ROOT_LIMIT = 16384 - HEADER_BYTES;

export const Compression = { Unknown: 0, None: 1, Gzip: 2, Brotli: 3, Zstd: 4 };
export const TileType = { Unknown: 0, Mvt: 1, Png: 2, Jpeg: 3, Webp: 4, Avif: 5 };

/**
 * The Hilbert tile id of z/x/y: tiles of lower zooms first, then along a Hilbert curve (spec §2).
 */
export function zxyToTileId(z: number, x: number, y: number): number {
  if (z > 26) throw new Error('zoom above 26 is not supported');
  const size = 2 ** z;
  if (x < 0 || y < 0 || x >= size || y >= size) throw new Error(`tile ${z}/${x}/${y} out of range`);
  let accumulated = (4 ** z - 1) / 3;
  let rx: number;
  let ry: number;
  let d = 0;
  let tx = x;
  let ty = y;
  for (let s = size / 2; s >= 1; s /= 2) {
    rx = (tx & s) > 0 ? 1 : 0;
    ry = (ty & s) > 0 ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    // Rotate the quadrant.
    if (ry === 0) {
      if (rx === 1) {
        tx = s - 1 - tx;
        ty = s - 1 - ty;
      }
      [tx, ty] = [ty, tx];
    }
  }
  accumulated += d;
  return accumulated;
}

/**
 * Unsigned LEB128, as the directories use; safe up to 2^53.
 */
export function writeVarint(out: number[], value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`bad varint ${value}`);
  let rest = value;
  while (rest >= 0x80) {
    out.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  out.push(rest);
}

/**
 */

/**
 * A directory as the spec lays it out: count, tile-id deltas, run lengths, lengths, offsets (0 =
 * right after the previous entry's bytes, else offset + 1). Not yet compressed.
 */
export function serializeDirectory(entries: readonly Entry[]): Uint8Array {
  const out: number[] = [];
  writeVarint(out, entries.length);
  let last = 0;
  for (const entry of entries) {
    writeVarint(out, entry.tileId - last);
    last = entry.tileId;
  }
  for (const entry of entries) writeVarint(out, entry.runLength);
  for (const entry of entries) writeVarint(out, entry.length);
  entries.forEach((entry, index) => {
    const previous = entries[index - 1];
    if (previous && entry.offset === previous.offset + previous.length) writeVarint(out, 0);
    else writeVarint(out, entry.offset + 1);
  });
  return Uint8Array.from(out);
}

/**
 */
function compress(bytes: Uint8Array, compression: number): Uint8Array {
  if (compression === Compression.None) return bytes;
  if (compression === Compression.Gzip) return new Uint8Array(gzipSync(bytes, { level: 9 }));
  throw new Error(`internal compression ${compression} is not supported by this writer`);
}

/**
 * The root directory and leaf directories (spec §4): the whole index in the root when it fits,
 * else leaves of `leafSize` entries (doubled until the root of leaf pointers fits).
 */
export function buildDirectories(
  entries: readonly Entry[],
  compression: number,
  rootLimit = ROOT_LIMIT,
): { root: Uint8Array; leaves: Uint8Array; leafCount: number } {
  const root = compress(serializeDirectory(entries), compression);
  if (root.length <= rootLimit) return { root, leaves: new Uint8Array(0), leafCount: 0 };
  for (let leafSize = 4096; ; leafSize *= 2) {
    const rootEntries: Entry[] = [];
    const parts: Uint8Array[] = [];
    let offset = 0;
    for (let start = 0; start < entries.length; start += leafSize) {
      const leaf = compress(
        serializeDirectory(entries.slice(start, start + leafSize)),
        compression,
      );
      rootEntries.push({
        tileId: entries[start]!.tileId,
        offset,
        length: leaf.length,
        runLength: 0,
      });
      parts.push(leaf);
      offset += leaf.length;
    }
    const rootBytes = compress(serializeDirectory(rootEntries), compression);
    if (rootBytes.length <= rootLimit) {
      return { root: rootBytes, leaves: concat(parts), leafCount: parts.length };
    }
  }
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/**
 */

export function serializeHeader(fields: HeaderFields): Uint8Array {
  const bytes = new Uint8Array(HEADER_BYTES);
  const view = new DataView(bytes.buffer);
  bytes.set(new TextEncoder().encode('PMTiles'), 0);
  view.setUint8(7, 3);
  const u64 = (at: number, value: number) => view.setBigUint64(at, BigInt(value), true);
  u64(8, fields.rootDirectoryOffset);
  u64(16, fields.rootDirectoryLength);
  u64(24, fields.jsonMetadataOffset);
  u64(32, fields.jsonMetadataLength);
  u64(40, fields.leafDirectoryOffset);
  u64(48, fields.leafDirectoryLength);
  u64(56, fields.tileDataOffset);
  u64(64, fields.tileDataLength);
  u64(72, fields.numAddressedTiles);
  u64(80, fields.numTileEntries);
  u64(88, fields.numTileContents);
  view.setUint8(96, fields.clustered ? 1 : 0);
  view.setUint8(97, fields.internalCompression);
  view.setUint8(98, fields.tileCompression);
  view.setUint8(99, fields.tileType);
  view.setUint8(100, fields.minZoom);
  view.setUint8(101, fields.maxZoom);
  const e7 = (degrees: number) => Math.round(degrees * 1e7);
  const [west, south, east, north] = fields.bounds;
  view.setInt32(102, e7(west), true);
  view.setInt32(106, e7(south), true);
  view.setInt32(110, e7(east), true);
  view.setInt32(114, e7(north), true);
  view.setUint8(118, fields.center[2]);
  view.setInt32(119, e7(fields.center[0]), true);
  view.setInt32(123, e7(fields.center[1]), true);
  return bytes;
}

/**
 * Collects tiles, then lays the archive out: header, root directory, metadata, leaf directories,
 * tile data in tile-id order (clustered), identical tiles stored once.
 */
export class PmtilesWriter {
  readonly tileType: number;
  readonly tileCompression: number;
  readonly internalCompression: number;
  readonly rootLimit: number;
  private readonly tiles: Map<number, { z: number; data: Uint8Array }>;

  constructor(options: WriterOptions = {}) {
    this.tileType = options.tileType ?? TileType.Mvt;
    this.tileCompression = options.tileCompression ?? Compression.Gzip;
    this.internalCompression = options.internalCompression ?? Compression.Gzip;
    this.rootLimit = options.rootLimit ?? ROOT_LIMIT;
    this.tiles = new Map();
  }

  /**
   * Adds one tile's bytes, already compressed as `tileCompression` says. Empty tiles need no entry.
   */
  addTile(z: number, x: number, y: number, data: Uint8Array): void {
    const tileId = zxyToTileId(z, x, y);
    if (this.tiles.has(tileId)) throw new Error(`tile ${z}/${x}/${y} added twice`);
    this.tiles.set(tileId, { z, data });
  }

  get tileCount() {
    return this.tiles.size;
  }

  /**
   * The archive as a list of byte parts (write them in order; concatenated, they are the file).
   */
  finish(info: ArchiveInfo): { parts: Uint8Array[]; stats: ArchiveStats } {
    const ids = [...this.tiles.keys()].sort((a, b) => a - b);
    if (ids.length === 0) throw new Error('no tiles');
    const entries: Entry[] = [];
    const contents: Uint8Array[] = [];
    const seen = new Map<string, { offset: number; length: number }>();
    let offset = 0;
    let minZoom = 99;
    let maxZoom = 0;
    for (const tileId of ids) {
      const tile = this.tiles.get(tileId)!;
      minZoom = Math.min(minZoom, tile.z);
      maxZoom = Math.max(maxZoom, tile.z);
      const hash = createHash('sha256').update(tile.data).digest('base64');
      const last = entries[entries.length - 1];
      const stored = seen.get(hash);
      // Run length: the same bytes for the next tile id extend the previous entry.
      if (
        last &&
        stored &&
        last.offset === stored.offset &&
        last.tileId + last.runLength === tileId
      ) {
        last.runLength += 1;
        continue;
      }
      if (stored) {
        entries.push({ tileId, offset: stored.offset, length: stored.length, runLength: 1 });
        continue;
      }
      const place = { offset, length: tile.data.length };
      seen.set(hash, place);
      contents.push(tile.data);
      entries.push({ tileId, ...place, runLength: 1 });
      offset += tile.data.length;
    }
    const { root, leaves, leafCount } = buildDirectories(
      entries,
      this.internalCompression,
      this.rootLimit,
    );
    const metadata = compress(
      new TextEncoder().encode(JSON.stringify(info.metadata)),
      this.internalCompression,
    );
    const [west, south, east, north] = info.bounds;
    const center: [number, number, number] = info.center ?? [
      (west + east) / 2,
      (south + north) / 2,
      minZoom,
    ];
    const rootDirectoryOffset = HEADER_BYTES;
    const jsonMetadataOffset = rootDirectoryOffset + root.length;
    const leafDirectoryOffset = jsonMetadataOffset + metadata.length;
    const tileDataOffset = leafDirectoryOffset + leaves.length;
    const header = serializeHeader({
      rootDirectoryOffset,
      rootDirectoryLength: root.length,
      jsonMetadataOffset,
      jsonMetadataLength: metadata.length,
      leafDirectoryOffset,
      leafDirectoryLength: leaves.length,
      tileDataOffset,
      tileDataLength: offset,
      numAddressedTiles: ids.length,
      numTileEntries: entries.length,
      numTileContents: contents.length,
      clustered: true,
      internalCompression: this.internalCompression,
      tileCompression: this.tileCompression,
      tileType: this.tileType,
      minZoom,
      maxZoom,
      bounds: info.bounds,
      center,
    });
    return {
      parts: [header, root, metadata, leaves, ...contents],
      stats: {
        addressedTiles: ids.length,
        tileEntries: entries.length,
        tileContents: contents.length,
        leafDirectories: leafCount,
        leafDirectoryBytes: leaves.length,
        rootDirectoryBytes: root.length,
        tileDataBytes: offset,
        bytes: tileDataOffset + offset,
        minZoom,
        maxZoom,
      },
    };
  }
}

/**
 * The archive in one buffer (small archives, tests).
 */
export function finishToBytes(writer: PmtilesWriter, info: ArchiveInfo): Uint8Array {
  return concat(writer.finish(info).parts);
}
