// The benchmark's big archive (1 000 000 buildings) built from the seeded generator without holding
// the data at once: zone and parks are tiled whole (pass 1); buildings are streamed (pass 2) into
// buckets, one per z13 tile, each cut into its z13 tile and four z14 children and dropped as soon as
// the stream has moved north of it. Buildings are in tiles from z13 (as tippecanoe would drop them
// lower down: at z12 a 1000 px map would hold ~16 000 of them); zone and parks at every zoom.
import type { GeoJSONVTFeature } from '@maplibre/geojson-vt';
import type { ParkFeature } from '../../src/data/types.ts';
import type { GeneratedMeta } from '../generate.ts';
import {
  archiveMetadata,
  centerZoom,
  encodeTile,
  fieldTypes,
  tileFeature,
  vectorTilesIndex,
  childTiles,
  walkTiles,
  MAX_ZOOM,
  type TileFeature,
} from '../../src/tiles/tiles.ts';
import { PmtilesWriter, type ArchiveStats } from '../../src/tiles/writer.ts';

type FeatureStream = (n: number) => Generator<ParkFeature, GeneratedMeta, undefined>;

export interface BenchArchive {
  parts: Uint8Array[];
  stats: ArchiveStats;
  meta: GeneratedMeta;
  buildingTiles: number;
  peakBucketFeatures: number;
}

const BUCKET_ZOOM = 13;
/** A building belongs to every bucket whose tile, grown by this share of it, it touches. */
const BUCKET_MARGIN = 128 / 4096;

function fractionalTile(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return [
    ((lon + 180) / 360) * n,
    ((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n,
  ];
}

function outerRingBox(feature: ParkFeature): [number, number, number, number] {
  const geometry = feature.geometry;
  const rings =
    geometry.type === 'Polygon'
      ? [geometry.coordinates[0]!]
      : geometry.type === 'MultiPolygon'
        ? geometry.coordinates.map((polygon) => polygon[0]!)
        : [[geometry.coordinates as unknown as number[]]];
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of rings) {
    for (const [lon, lat] of ring as number[][]) {
      box[0] = Math.min(box[0], lon!);
      box[1] = Math.min(box[1], lat!);
      box[2] = Math.max(box[2], lon!);
      box[3] = Math.max(box[3], lat!);
    }
  }
  return box;
}

export function buildBenchArchive(
  n: number,
  stream: FeatureStream,
  log: (message: string) => void = () => {},
): BenchArchive {
  const writer = new PmtilesWriter();
  const fields: Record<string, string> = {};
  // Pass 1: zone and parks (their numeric ids are their place in the stream, as in pass 2).
  const areas: TileFeature[] = [];
  let numericId = 0;
  const first = stream(n);
  for (let next = first.next(); !next.done; next = first.next()) {
    numericId += 1;
    if (next.value.properties.kind === 'building') continue;
    const feature = tileFeature(next.value, numericId);
    fieldTypes([feature.properties], fields);
    areas.push(feature);
  }
  const areaIndex = vectorTilesIndex(areas);
  const areaTile = (z: number, x: number, y: number): GeoJSONVTFeature[] =>
    areaIndex.getTile(z, x, y)?.features ?? [];
  log(`pass 1: ${areas.length} zones and parks`);

  // Pass 2: buildings into z13 buckets, flushed once the stream is north of them.
  const written = new Set<string>();
  const buckets = new Map<string, TileFeature[]>();
  let buildingTiles = 0;
  let peakBucketFeatures = 0;
  const flush = (key: string) => {
    const features = buckets.get(key)!;
    buckets.delete(key);
    const [x, y] = key.split('/').map(Number) as [number, number];
    const index = vectorTilesIndex(features, { indexMaxZoom: 0 });
    const targets: [number, number, number][] = [
      [BUCKET_ZOOM, x, y],
      ...childTiles(BUCKET_ZOOM, x, y),
    ];
    for (const [z, tx, ty] of targets) {
      const buildings = index.getTile(z, tx, ty)?.features ?? [];
      if (buildings.length === 0) continue;
      const bytes = encodeTile([...areaTile(z, tx, ty), ...buildings]);
      if (!bytes) continue;
      writer.addTile(z, tx, ty, bytes);
      written.add(`${z}/${tx}/${ty}`);
      buildingTiles += 1;
    }
  };
  const second = stream(n);
  numericId = 0;
  let meta: GeneratedMeta | undefined;
  for (let next = second.next(); ; next = second.next()) {
    if (next.done) {
      meta = next.value;
      break;
    }
    numericId += 1;
    const feature = next.value;
    const box = outerRingBox(feature);
    if (feature.properties.kind === 'park') {
      // Parks come south to north, row by row, each before its buildings: nothing yet to come lies
      // south of this park's southern edge (less 0.001°, ~110 m, for safety).
      const [, southY] = fractionalTile(box[0], box[1] - 0.001, BUCKET_ZOOM);
      for (const key of [...buckets.keys()]) {
        const y = Number(key.split('/')[1]);
        if (y > southY + BUCKET_MARGIN) flush(key);
      }
      continue;
    }
    if (feature.properties.kind !== 'building') continue;
    const tiled = tileFeature(feature, numericId);
    fieldTypes([tiled.properties], fields);
    const [x0, y0] = fractionalTile(box[0], box[3], BUCKET_ZOOM);
    const [x1, y1] = fractionalTile(box[2], box[1], BUCKET_ZOOM);
    for (let x = Math.floor(x0 - BUCKET_MARGIN); x <= Math.floor(x1 + BUCKET_MARGIN); x++) {
      for (let y = Math.floor(y0 - BUCKET_MARGIN); y <= Math.floor(y1 + BUCKET_MARGIN); y++) {
        const key = `${x}/${y}`;
        const bucket = buckets.get(key);
        if (bucket) {
          bucket.push(tiled);
          peakBucketFeatures = Math.max(peakBucketFeatures, bucket.length);
        } else buckets.set(key, [tiled]);
      }
    }
  }
  for (const key of [...buckets.keys()]) flush(key);
  log(`pass 2: ${buildingTiles} tiles with buildings`);

  // Zone and parks alone wherever no building tile was written (all tiles up to z12).
  for (const tile of walkTiles(areaIndex, 0, MAX_ZOOM)) {
    if (written.has(`${tile.z}/${tile.x}/${tile.y}`)) continue;
    const bytes = encodeTile(tile.features);
    if (bytes) writer.addTile(tile.z, tile.x, tile.y, bytes);
  }
  const bounds = meta.bbox;
  const { parts, stats } = writer.finish({
    metadata: archiveMetadata(fields, 0, MAX_ZOOM, {
      description: `park-map benchmark: ${n} generated buildings (seed ${meta.seed}); buildings from z${BUCKET_ZOOM}`,
    }),
    bounds,
    center: [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2, centerZoom(bounds)],
  });
  return { parts, stats, meta, buildingTiles, peakBucketFeatures };
}
