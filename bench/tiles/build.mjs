#!/usr/bin/env node
// Builds a PMTiles archive (MVT, one source layer `features`) for <park-map src="….pmtiles">.
//
//   node bench/tiles/build.mjs parks.geojson parks.pmtiles [--min-zoom 0] [--max-zoom 14]
//       a FeatureCollection that fits in memory, every feature at every zoom
//   node bench/tiles/build.mjs --bench 1000000
//       the benchmark's seeded data, streamed: bench/results/data/n1000000.pmtiles (+ .meta.json)
//
// Plain Node; the TypeScript modules are loaded through Vite's module runner, as bench/run.mjs does.
import { createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importTs } from '../runner-import.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
export const ARCHIVE_VERSION = 1;

const load = (file) => importTs(join(HERE, file));

async function writeParts(file, parts) {
  mkdirSync(dirname(file), { recursive: true });
  const out = createWriteStream(file);
  for (const part of parts) {
    if (!out.write(part)) await new Promise((done) => out.once('drain', done));
  }
  await new Promise((done, fail) => out.end((error) => (error ? fail(error) : done())));
}

/** The benchmark archive for n buildings, built unless a current one is cached. */
export async function ensureBenchArchive(n, log = console.error) {
  const dataDir = join(ROOT, 'bench', 'results', 'data');
  const file = join(dataDir, `n${n}.pmtiles`);
  const metaFile = join(dataDir, `n${n}.pmtiles.meta.json`);
  try {
    const meta = JSON.parse(readFileSync(metaFile, 'utf8'));
    if (meta.version === ARCHIVE_VERSION) return { file, meta };
  } catch {
    // Not built yet.
  }
  const { buildBenchArchive } = await load('bench-archive.ts');
  const { generateFeatures } = await load('../generate.ts');
  const started = performance.now();
  const result = buildBenchArchive(n, (count) => generateFeatures(count), log);
  await writeParts(file, result.parts);
  const buildMs = Math.round(performance.now() - started);
  const meta = {
    ...result.meta,
    version: ARCHIVE_VERSION,
    archive: { ...result.stats, buildingTiles: result.buildingTiles, buildMs },
    peakBucketFeatures: result.peakBucketFeatures,
    peakRssMB: Math.round(process.memoryUsage().rss / 2 ** 20),
  };
  writeFileSync(metaFile, JSON.stringify(meta, null, 1));
  log(
    `built n=${n}: ${result.stats.addressedTiles} tiles (${result.buildingTiles} with buildings, ${result.stats.leafDirectories} leaf directories), ${(result.stats.bytes / 2 ** 20).toFixed(1)} MB in ${(buildMs / 1000).toFixed(1)} s`,
  );
  return { file, meta };
}

async function main(argv) {
  const value = (name) => {
    const index = argv.indexOf(name);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  if (argv.includes('--bench')) {
    await ensureBenchArchive(Number(value('--bench') ?? 1_000_000));
    return;
  }
  const [input, output] = argv.filter(
    (arg, i) => !arg.startsWith('--') && !argv[i - 1]?.startsWith('--'),
  );
  if (!input || !output) {
    console.error(
      'usage: node bench/tiles/build.mjs in.geojson out.pmtiles [--min-zoom 0] [--max-zoom 14]',
    );
    process.exitCode = 2;
    return;
  }
  const { collectionToArchive } = await load('tiles.ts');
  const started = performance.now();
  const collection = JSON.parse(readFileSync(input, 'utf8').replace(/^\uFEFF/, ''));
  const { parts, stats, features } = collectionToArchive(collection, {
    minZoom: Number(value('--min-zoom') ?? 0),
    maxZoom: Number(value('--max-zoom') ?? 14),
  });
  await writeParts(output, parts);
  console.error(
    `${output}: ${features} features, ${stats.addressedTiles} tiles, ${stats.bytes} bytes in ${Math.round(performance.now() - started)} ms`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
