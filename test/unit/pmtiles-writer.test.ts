// The PMTiles writer, read back by the protomaps `pmtiles` reader (an independent implementation of
// the same spec) over an in-memory source, and its tiles decoded by @mapbox/vector-tile.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PMTiles, zxyToTileId as readerTileId, type RangeResponse, type Source } from 'pmtiles';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { PmtilesWriter, finishToBytes, zxyToTileId } from '../../src/tiles/writer.ts';
import { SOURCE_LAYER, collectionToArchive, type InputFeature } from '../../src/tiles/tiles.ts';

class MemorySource implements Source {
  requests: [number, number][] = [];
  constructor(private readonly bytes: Uint8Array) {}
  getKey(): string {
    return 'memory';
  }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    this.requests.push([offset, length]);
    const slice = this.bytes.slice(offset, offset + length);
    return { data: slice.buffer };
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

const bytesOf = (text: string) => new TextEncoder().encode(text);
const textOf = (data: ArrayBuffer) => new TextDecoder().decode(data);
const BOUNDS: [number, number, number, number] = [112.5, 26.8, 112.7, 27];

/** Every tile of zoom z, in row order. */
function* allTiles(z: number): Generator<[number, number, number]> {
  for (let x = 0; x < 2 ** z; x++) for (let y = 0; y < 2 ** z; y++) yield [z, x, y];
}

describe('zxyToTileId', () => {
  it('numbers tiles as the reference reader does (Hilbert order within a zoom)', () => {
    for (let z = 0; z <= 6; z++) {
      for (const [, x, y] of allTiles(z)) expect(zxyToTileId(z, x, y)).toBe(readerTileId(z, x, y));
    }
    // Spec examples: the first tile of each zoom follows all tiles of the lower zooms.
    expect(zxyToTileId(0, 0, 0)).toBe(0);
    expect(zxyToTileId(1, 0, 0)).toBe(1);
    expect(zxyToTileId(2, 0, 0)).toBe(5);
    expect(zxyToTileId(14, 13_000, 6_900)).toBe(readerTileId(14, 13_000, 6_900));
  });
});

describe('PmtilesWriter', () => {
  it('writes a header the reader understands, with bounds, zooms and counts', async () => {
    const writer = new PmtilesWriter({ tileCompression: 1 });
    writer.addTile(0, 0, 0, bytesOf('root'));
    writer.addTile(1, 1, 0, bytesOf('a'));
    writer.addTile(1, 0, 1, bytesOf('b'));
    const archive = new PMTiles(
      new MemorySource(
        finishToBytes(writer, { metadata: { name: 'three', vector_layers: [] }, bounds: BOUNDS }),
      ),
    );
    const header = await archive.getHeader();
    expect(header.specVersion).toBe(3);
    expect([header.minZoom, header.maxZoom]).toEqual([0, 1]);
    expect([header.minLon, header.minLat, header.maxLon, header.maxLat]).toEqual(BOUNDS);
    expect(header.numAddressedTiles).toBe(3);
    expect(header.numTileEntries).toBe(3);
    expect(header.numTileContents).toBe(3);
    expect(header.clustered).toBe(true);
    expect(header.tileType).toBe(1);
    expect(header.internalCompression).toBe(2);
    expect(await archive.getMetadata()).toEqual({ name: 'three', vector_layers: [] });
    expect(textOf((await archive.getZxy(1, 1, 0))!.data)).toBe('a');
    expect(textOf((await archive.getZxy(1, 0, 1))!.data)).toBe('b');
    expect(await archive.getZxy(1, 1, 1)).toBeUndefined();
  });

  it('stores identical neighbouring tiles once, as one run-length entry', async () => {
    const writer = new PmtilesWriter({ tileCompression: 1 });
    // z2 tile ids 5..20 in Hilbert order: the first eight get the same bytes, the rest their own.
    const byId = [...allTiles(2)].sort((a, b) => zxyToTileId(...a) - zxyToTileId(...b));
    byId.forEach(([z, x, y], index) =>
      writer.addTile(z, x, y, bytesOf(index < 8 ? 'sea' : `land ${index}`)),
    );
    const { parts, stats } = writer.finish({ metadata: {}, bounds: BOUNDS });
    expect(stats).toMatchObject({ addressedTiles: 16, tileEntries: 9, tileContents: 9 });
    const archive = new PMTiles(new MemorySource(concat(parts)));
    const header = await archive.getHeader();
    expect([header.numAddressedTiles, header.numTileEntries, header.numTileContents]).toEqual([
      16, 9, 9,
    ]);
    for (const [index, [z, x, y]] of byId.entries()) {
      expect(textOf((await archive.getZxy(z, x, y))!.data)).toBe(
        index < 8 ? 'sea' : `land ${index}`,
      );
    }
  });

  it('stores repeated content once even when the tiles are not neighbours', async () => {
    const writer = new PmtilesWriter({ tileCompression: 1 });
    writer.addTile(3, 0, 0, bytesOf('same'));
    writer.addTile(3, 7, 7, bytesOf('same'));
    writer.addTile(3, 3, 4, bytesOf('other'));
    const { parts, stats } = writer.finish({ metadata: {}, bounds: BOUNDS });
    expect(stats).toMatchObject({ addressedTiles: 3, tileEntries: 3, tileContents: 2 });
    expect(stats.tileDataBytes).toBe('same'.length + 'other'.length);
    const archive = new PMTiles(new MemorySource(concat(parts)));
    expect(textOf((await archive.getZxy(3, 7, 7))!.data)).toBe('same');
  });

  it('moves the index to leaf directories when the root would not fit', async () => {
    // A 64-byte root limit instead of 16 KiB: the same code path with a small archive.
    const writer = new PmtilesWriter({ tileCompression: 1, rootLimit: 64 });
    let count = 0;
    for (let z = 0; z <= 6; z++) {
      for (const [, x, y] of allTiles(z)) {
        writer.addTile(z, x, y, bytesOf(`${z}/${x}/${y}`));
        count += 1;
      }
    }
    const { parts, stats } = writer.finish({ metadata: {}, bounds: BOUNDS });
    expect(count).toBe(5461); // (4^7 - 1) / 3
    expect(stats.addressedTiles).toBe(5461);
    // 5461 distinct tiles in leaves of 4096 entries: two leaves, the root holds two pointers.
    expect(stats.leafDirectories).toBe(2);
    expect(stats.rootDirectoryBytes).toBeLessThanOrEqual(64);
    const source = new MemorySource(concat(parts));
    const archive = new PMTiles(source);
    for (const [z, x, y] of [
      [0, 0, 0],
      [5, 17, 3],
      [6, 0, 63],
      [6, 63, 63],
      [6, 40, 21],
    ] as const) {
      expect(textOf((await archive.getZxy(z, x, y))!.data)).toBe(`${z}/${x}/${y}`);
    }
    // The reader fetched the header and root first, then went through a leaf directory.
    expect(source.requests[0]).toEqual([0, 16384]);
    const header = await archive.getHeader();
    expect(
      source.requests.some(
        ([offset]) => offset >= header.leafDirectoryOffset && offset < header.tileDataOffset,
      ),
    ).toBe(true);
  });

  it('refuses a tile added twice', () => {
    const writer = new PmtilesWriter();
    writer.addTile(4, 3, 2, bytesOf('x'));
    expect(() => writer.addTile(4, 3, 2, bytesOf('y'))).toThrow(/added twice/);
  });
});

/** A small square (≈ 20 m) around a point: it lies inside one z14 tile when away from its edges. */
function square(id: string, lon: number, lat: number, properties: Record<string, unknown>) {
  const d = 0.0001;
  return {
    type: 'Feature' as const,
    id,
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [lon - d, lat - d],
          [lon + d, lat - d],
          [lon + d, lat + d],
          [lon - d, lat + d],
          [lon - d, lat - d],
        ],
      ],
    },
    properties,
  };
}

async function decodeTile(archive: PMTiles, z: number, x: number, y: number) {
  const tile = await archive.getZxy(z, x, y);
  if (!tile) return undefined;
  // The reader gunzips tiles itself (tile compression gzip in the header).
  return new VectorTile(new PbfReader(new Uint8Array(tile.data)));
}

/** The z14 tile holding a point (Web Mercator). */
function tileAt(lon: number, lat: number, z: number): [number, number, number] {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const rad = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  return [z, x, y];
}

/** How many tiles of zoom z hold a point once each tile is grown by the 128/4096 buffer. */
function tilesHolding(lon: number, lat: number, z: number): number {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  const fx = ((lon + 180) / 360) * n;
  const fy = ((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n;
  const buffer = 128 / 4096;
  const along = (f: number) => {
    const inside = f - Math.floor(f);
    return 1 + (inside < buffer ? 1 : 0) + (inside > 1 - buffer ? 1 : 0);
  };
  return along(fx) * along(fy);
}

describe('collectionToArchive', () => {
  it('cuts features into exactly the tiles that hold them: one tile per zoom for a point', async () => {
    // Two points in different z1 tiles: z0 holds both; below, each lies in the tiles whose area,
    // grown by the 128/4096 buffer, contains it (counted here from the Web Mercator formulas).
    const point = (id: string, lon: number, lat: number) => ({
      type: 'Feature' as const,
      id,
      geometry: { type: 'Point', coordinates: [lon, lat] },
      properties: { kind: 'project', name: id },
    });
    const { parts, stats, features } = collectionToArchive({
      features: [point('p-east', 112.60061, 26.90043), point('p-west', -70.30021, -33.40037)],
    });
    expect(features).toBe(2);
    let expected = 1;
    for (let z = 1; z <= 14; z++) {
      expected += tilesHolding(112.60061, 26.90043, z) + tilesHolding(-70.30021, -33.40037, z);
    }
    expect(stats.addressedTiles).toBe(expected);
    expect([stats.minZoom, stats.maxZoom]).toEqual([0, 14]);
    const archive = new PMTiles(new MemorySource(concat(parts)));
    expect((await decodeTile(archive, 0, 0, 0))!.layers[SOURCE_LAYER]!.length).toBe(2);
    for (const z of [1, 7, 14]) {
      const layer = (await decodeTile(archive, ...tileAt(112.60061, 26.90043, z)))!.layers[
        SOURCE_LAYER
      ]!;
      expect(layer.length).toBe(1);
      expect(layer.feature(0).properties.id).toBe('p-east');
      expect(layer.feature(0).id).toBe(1);
    }
    const header = await archive.getHeader();
    expect([header.minLon, header.minLat, header.maxLon, header.maxLat]).toEqual([
      -70.30021, -33.40037, 112.60061, 26.90043,
    ]);
  });

  it('keeps a small building whole in its z14 tile, with its numeric and string ids', async () => {
    const building = square('b-1', 112.60061, 26.90043, { kind: 'building', name: '东楼' });
    const { parts } = collectionToArchive({ features: [building] });
    const archive = new PMTiles(new MemorySource(concat(parts)));
    const layer = (await decodeTile(archive, ...tileAt(112.60061, 26.90043, 14)))!.layers[
      SOURCE_LAYER
    ]!;
    expect(layer.length).toBe(1);
    const feature = layer.feature(0);
    expect([feature.id, feature.properties.id, feature.properties.name]).toEqual([
      1,
      'b-1',
      '东楼',
    ]);
    const [, x, y] = tileAt(112.60061, 26.90043, 14);
    const ring = (
      feature.toGeoJSON(x, y, 14) as never as { geometry: { coordinates: number[][][] } }
    ).geometry.coordinates[0]!;
    // Quantised to 1/4096 of a z14 tile (≈ 0.5 m): every corner comes back within 1e-5 degrees.
    const corners = building.geometry.coordinates[0]!;
    expect(ring).toHaveLength(corners.length);
    for (const [lon, lat] of corners) {
      const nearest = Math.min(
        ...ring.map(([x2, y2]) => Math.max(Math.abs(x2! - lon!), Math.abs(y2! - lat!))),
      );
      expect(nearest).toBeLessThan(1e-5);
    }
  });

  it('keeps scalars and carries lists and objects as JSON text (the fixture round-trips)', async () => {
    const fixture = JSON.parse(
      readFileSync(new URL('../fixtures/mini-parks.geojson', import.meta.url), 'utf8'),
    ) as { features: InputFeature[] };
    const { parts } = collectionToArchive(fixture);
    const archive = new PMTiles(new MemorySource(concat(parts)));
    const metadata = (await archive.getMetadata()) as {
      vector_layers: { id: string; fields: Record<string, string> }[];
    };
    expect(metadata.vector_layers.map((layer) => layer.id)).toEqual([SOURCE_LAYER]);
    expect(metadata.vector_layers[0]!.fields).toMatchObject({
      id: 'String',
      kind: 'String',
      floors: 'Number',
      tenants: 'String',
    });
    const building = fixture.features.find((feature) => feature.id === 't-building-a')!;
    const ring = (building.geometry as { coordinates: number[][][] }).coordinates[0]!;
    const tile = await decodeTile(archive, ...tileAt(ring[0]![0]!, ring[0]![1]!, 14));
    const layer = tile!.layers[SOURCE_LAYER]!;
    const found = Array.from({ length: layer.length }, (_, i) => layer.feature(i)).find(
      (feature) => feature.properties.id === 't-building-a',
    );
    expect(found).toBeDefined();
    const decoded: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(found!.properties)) {
      decoded[key] =
        typeof value === 'string' && /^[[{]/.test(value) ? (JSON.parse(value) as unknown) : value;
    }
    expect(decoded).toEqual({ id: 't-building-a', ...building.properties });
  });

  it('gzips every tile', () => {
    const { parts, stats } = collectionToArchive({
      features: [square('a', 10.0001, 10.0001, { kind: 'building' })],
    });
    // finish() gives [header, root, metadata, leaves, ...one part per stored tile].
    const contents = parts.slice(4);
    expect(contents).toHaveLength(stats.tileContents);
    expect(contents.length).toBeGreaterThan(1);
    for (const content of contents) {
      expect([content[0], content[1]]).toEqual([0x1f, 0x8b]);
      expect(gunzipSync(content).length).toBeGreaterThan(0);
    }
  });
});
