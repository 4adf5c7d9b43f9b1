// The streamed benchmark archive: every generated building lands in the tiles of z13 and z14 (none is
// lost at a bucket's edge when the stream moves on), none below z13; zone and parks from z8 down.
import { describe, expect, it } from 'vitest';
import { PMTiles, type RangeResponse, type Source } from 'pmtiles';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { generateFeatures } from '../../bench/generate.ts';
import { buildBenchArchive } from '../../bench/tiles/bench-archive.ts';
import { SOURCE_LAYER } from '../../bench/tiles/tiles.ts';

class MemorySource implements Source {
  constructor(private readonly bytes: Uint8Array) {}
  getKey(): string {
    return 'memory';
  }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    return { data: this.bytes.slice(offset, offset + length).buffer };
  }
}

function tileOf(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return [
    Math.floor(((lon + 180) / 360) * n),
    Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n),
  ];
}

describe('buildBenchArchive', () => {
  it('puts every building in z13 and z14 tiles and zone and parks from z8 down', async () => {
    const n = 3000;
    const { parts, stats, meta } = buildBenchArchive(n, (count) => generateFeatures(count));
    const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
    let offset = 0;
    for (const part of parts) {
      bytes.set(part, offset);
      offset += part.length;
    }
    const archive = new PMTiles(new MemorySource(bytes));
    const header = await archive.getHeader();
    expect([header.minLon, header.minLat, header.maxLon, header.maxLat]).toEqual(meta.bbox);
    expect(header.numAddressedTiles).toBe(stats.addressedTiles);
    // Every tile id from the root directory (no leaves at this size).
    expect(stats.leafDirectories).toBe(0);
    const idsByZoom = new Map<number, Set<string>>();
    const kindsByZoom = new Map<number, Set<string>>();
    for (let z = 0; z <= 14; z++) {
      idsByZoom.set(z, new Set());
      kindsByZoom.set(z, new Set());
    }
    let tiles = 0;
    const [west, south, east, north] = meta.bbox;
    for (let z = 0; z <= 14; z++) {
      // The tiles over the data's bounds (one more each side): where any tile can be.
      const [x0, y0] = tileOf(west, north, z);
      const [x1, y1] = tileOf(east, south, z);
      for (let x = Math.max(0, x0 - 1); x <= Math.min(2 ** z - 1, x1 + 1); x++) {
        for (let y = Math.max(0, y0 - 1); y <= Math.min(2 ** z - 1, y1 + 1); y++) {
          const tile = await archive.getZxy(z, x, y);
          if (!tile) continue;
          tiles += 1;
          const layer = new VectorTile(new PbfReader(new Uint8Array(tile.data))).layers[
            SOURCE_LAYER
          ]!;
          for (let i = 0; i < layer.length; i++) {
            const properties = layer.feature(i).properties;
            kindsByZoom.get(z)!.add(String(properties.kind));
            if (properties.kind === 'building') idsByZoom.get(z)!.add(String(properties.id));
          }
        }
      }
    }
    expect(tiles).toBe(stats.addressedTiles);
    expect(idsByZoom.get(14)!.size).toBe(n);
    expect(idsByZoom.get(13)!.size).toBe(n);
    for (let z = 0; z <= 12; z++) expect(idsByZoom.get(z)!.size, `buildings at z${z}`).toBe(0);
    for (let z = 8; z <= 14; z++) {
      expect([...kindsByZoom.get(z)!].sort(), `kinds at z${z}`).toEqual(
        z >= 13 ? ['building', 'park', 'zone'] : ['park', 'zone'],
      );
    }
  });
});
