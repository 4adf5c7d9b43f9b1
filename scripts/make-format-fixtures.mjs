#!/usr/bin/env node
// Makes the files the format readers are tested on (test/fixtures/formats/), with the field's own
// tools: GDAL's ogr2ogr writes the Shapefiles, KML, KMZ and CSVs from the two source GeoJSONs,
// SheetJS writes the Excel workbook, iconv the GBK CSV. Usage:
//   node scripts/make-format-fixtures.mjs [OUT_DIR]   (default: test/fixtures/formats)
// The unit tests run it again into a temporary folder when ogr2ogr is installed
// (apt-get install gdal-bin) and compare the project's reading with ogr2ogr's.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import * as XLSX from 'xlsx';

const root = new URL('..', import.meta.url).pathname;
const sources = join(root, 'test', 'fixtures', 'formats');
const out = process.argv[2] ?? sources;
mkdirSync(out, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'park-map-fixtures-'));

const ogr = (...args) => execFileSync('ogr2ogr', args, { stdio: ['ignore', 'ignore', 'pipe'] });
const parks = join(sources, 'source-parks.geojson');
const points = join(sources, 'source-points.geojson');

/** The files of a folder, zipped (for the variants ogr2ogr cannot zip itself). */
function zipFolder(folder, skip = () => false) {
  const files = {};
  for (const name of readdirSync(folder)) {
    if (!skip(name)) files[name] = new Uint8Array(readFileSync(join(folder, name)));
  }
  return zipSync(files, { mtime: new Date('2026-01-01T00:00:00Z') });
}

try {
  // A zipped Shapefile with a GBK .dbf and its .cpg, written zipped by GDAL itself.
  ogr('-f', 'ESRI Shapefile', '-lco', 'ENCODING=GBK', join(work, 'parks-gbk.shp.zip'), parks);
  writeFileSync(join(out, 'parks-gbk.zip'), readFileSync(join(work, 'parks-gbk.shp.zip')));

  // The same without the .cpg: the .dbf's text must be recognised as GBK.
  mkdirSync(join(work, 'nocpg'));
  ogr('-f', 'ESRI Shapefile', '-lco', 'ENCODING=GBK', join(work, 'nocpg', 'parks.shp'), parks);
  writeFileSync(
    join(out, 'parks-gbk-nocpg.zip'),
    zipFolder(join(work, 'nocpg'), (name) => name.endsWith('.cpg')),
  );

  // Projected: CGCS2000 / 3-degree Gauss-Kruger CM 114E (EPSG:4547), UTF-8 attributes.
  ogr(
    '-f',
    'ESRI Shapefile',
    '-lco',
    'ENCODING=UTF-8',
    '-t_srs',
    'EPSG:4547',
    join(work, 'parks-cgcs2000.shp.zip'),
    parks,
  );
  writeFileSync(
    join(out, 'parks-cgcs2000.zip'),
    readFileSync(join(work, 'parks-cgcs2000.shp.zip')),
  );

  // As a planning bureau's GIS hands it over: CGCS2000 / 3-degree Gauss-Kruger CM 114E
  // (EPSG:4547) and a GBK .dbf with its .cpg.
  ogr(
    '-f',
    'ESRI Shapefile',
    '-lco',
    'ENCODING=GBK',
    '-t_srs',
    'EPSG:4547',
    join(work, 'parks-cgcs2000-gbk.shp.zip'),
    parks,
  );
  writeFileSync(
    join(out, 'parks-cgcs2000-gbk.zip'),
    readFileSync(join(work, 'parks-cgcs2000-gbk.shp.zip')),
  );

  // KML (GDAL's KML driver) and KMZ (its LIBKML driver: doc.kml linking layers/parks.kml).
  ogr('-f', 'KML', join(out, 'parks.kml'), parks);
  ogr('-f', 'LIBKML', join(out, 'parks.kmz'), parks);

  // CSV with 经度/纬度 columns, written by GDAL's CSV driver from the points.
  ogr(
    '-f',
    'CSV',
    join(work, 'points.csv'),
    points,
    '-dialect',
    'SQLite',
    '-sql',
    'SELECT "编码", "名称", kind, "投资额(亿元)", ST_X(geometry) AS "经度", ST_Y(geometry) AS "纬度" FROM points',
  );
  writeFileSync(join(out, 'points-lnglat.csv'), readFileSync(join(work, 'points.csv')));
  // The same in GBK, as a Chinese Excel saves "CSV (逗号分隔)".
  writeFileSync(
    join(out, 'points-lnglat-gbk.csv'),
    execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK', join(work, 'points.csv')]),
  );

  // CSV with a WKT column (GDAL's GEOMETRY=AS_WKT), the polygons.
  ogr('-f', 'CSV', '-lco', 'GEOMETRY=AS_WKT', join(work, 'parks-wkt.csv'), parks);
  writeFileSync(join(out, 'parks-wkt.csv'), readFileSync(join(work, 'parks-wkt.csv')));

  // An Excel workbook written by SheetJS: a title line above the header, Chinese headers, a code
  // kept as text, and two rows without a usable position (reported, left out).
  const features = JSON.parse(readFileSync(points, 'utf8')).features;
  const rows = [
    ['2026 年重点项目'],
    ['编码', '名称', 'kind', '经度', '纬度', '投资额(亿元)', '开工日期'],
    ...features.map((feature, i) => [
      feature.properties['编码'],
      feature.properties['名称'],
      feature.properties.kind,
      feature.geometry.coordinates[0],
      feature.geometry.coordinates[1],
      feature.properties['投资额(亿元)'],
      new Date(Date.UTC(2026, i, 15)),
    ]),
    ['0304', '缺经度的项目', 'project', '', 30.5, 1],
    ['0305', '纬度写错的项目', 'project', 114.3, '北纬30度', 2],
  ];
  const sheet = XLSX.utils.aoa_to_sheet(rows, { cellDates: true, dateNF: 'yyyy-mm-dd' });
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['说明'], ['见“项目”表']]), '说明');
  XLSX.utils.book_append_sheet(book, sheet, '项目');
  writeFileSync(join(out, 'projects.xlsx'), XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }));
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(`park-map: format fixtures written to ${out}`);
