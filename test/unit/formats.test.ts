// The format readers on files the field's own tools wrote (test/fixtures/formats/, made by
// scripts/make-format-fixtures.mjs: GDAL's ogr2ogr for the Shapefiles, KML, KMZ and CSVs, SheetJS
// for the workbook): what comes out is checked against the source GeoJSON the files were made
// from and, where GDAL is installed, against ogr2ogr's own reading of the same file (positions to
// 1e-7°, text decoded the same). Then the whole way a user takes: the file, the field mapping,
// the validator, the CLI's import.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import * as XLSX from 'xlsx';
import { runCli, type CliIo } from '../../src/cli/validate-cli';
import { reprojectIfNeeded } from '../../src/data/crs/reproject';
import { detectFormat, readFormat, type FormatResult } from '../../src/data/formats/index';
import { cpgEncoding } from '../../src/data/formats/shapefile';
import { csvValue, findGeometryColumns } from '../../src/data/formats/table';
import { describeIssue } from '../../src/data/issue-messages';
import { mergeMapping } from '../../src/data/mapping';
import type { DataIssue } from '../../src/data/types';
import { validateParkData } from '../../src/data/validate/index';

const FIXTURES = join(__dirname, '..', 'fixtures', 'formats');
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(FIXTURES, name)));

const hasTool = (tool: string): boolean =>
  spawnSync(tool, ['--version'], { encoding: 'utf8' }).status === 0;
const GDAL = hasTool('ogr2ogr');
if (!GDAL) {
  console.warn(
    'formats.test.ts: ogr2ogr not found (apt package gdal-bin): the comparisons with GDAL are skipped',
  );
}

interface Feature {
  type: 'Feature';
  id?: string | number;
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: unknown };
}
interface Collection {
  type: 'FeatureCollection';
  crs?: unknown;
  features: Feature[];
}

const SOURCE_PARKS = JSON.parse(
  readFileSync(join(FIXTURES, 'source-parks.geojson'), 'utf8'),
) as Collection;
const SOURCE_POINTS = JSON.parse(
  readFileSync(join(FIXTURES, 'source-points.geojson'), 'utf8'),
) as Collection;

/** Every position of a geometry's coordinates, in order. */
function positions(coordinates: unknown): number[][] {
  if (!Array.isArray(coordinates)) return [];
  if (typeof coordinates[0] === 'number') return [coordinates as number[]];
  return coordinates.flatMap((part) => positions(part));
}

/**
 * The same positions to 1e-7°. With `anyWinding`, each ring may run either way round (a Shapefile
 * stores outer rings clockwise, GeoJSON's source counter-clockwise).
 */
function expectSamePositions(
  mine: unknown,
  theirs: unknown,
  label: string,
  anyWinding = false,
): void {
  if (anyWinding && Array.isArray(mine) && Array.isArray(theirs) && Array.isArray(mine[0])) {
    if (Array.isArray(mine[0][0])) {
      expect(mine.length, `${label}: number of parts`).toBe(theirs.length);
      mine.forEach((part, i) => expectSamePositions(part, theirs[i], `${label}.${i}`, true));
      return;
    }
    const [lon = NaN, lat = NaN] = (mine[1] as number[] | undefined) ?? [];
    const [tLon = NaN, tLat = NaN] = (theirs[1] as number[] | undefined) ?? [];
    const sameWay = Math.abs(lon - tLon) < 1e-7 && Math.abs(lat - tLat) < 1e-7;
    expectSamePositions(sameWay ? mine : [...mine].reverse(), theirs, label);
    return;
  }
  const a = positions(mine);
  const b = positions(theirs);
  expect(a.length, `${label}: number of positions`).toBe(b.length);
  a.forEach(([lon = NaN, lat = NaN], i) => {
    const [bLon = NaN, bLat = NaN] = b[i] ?? [];
    expect(Math.abs(lon - bLon), `${label} position ${i} lon`).toBeLessThan(1e-7);
    expect(Math.abs(lat - bLat), `${label} position ${i} lat`).toBeLessThan(1e-7);
  });
}

async function read(name: string, contentType?: string): Promise<FormatResult> {
  return readFormat(fixture(name), { name, contentType, xmlParser: new DOMParser() });
}

function collectionOf(result: FormatResult): Collection {
  if (!result.ok) throw new Error(`${result.issue.code}: ${result.issue.reason}`);
  return result.json as Collection;
}

const codes = (issues: readonly DataIssue[]): string[] => issues.map((issue) => issue.code);

/** ogr2ogr's own reading of a file (a zip through /vsizip/), as GeoJSON in EPSG:4326. */
function gdalRead(name: string, ...options: string[]): Collection {
  const dir = mkdtempSync(join(tmpdir(), 'park-map-formats-'));
  const out = join(dir, 'out.geojson');
  const input = name.endsWith('.zip') ? `/vsizip/${join(FIXTURES, name)}` : join(FIXTURES, name);
  execFileSync('ogr2ogr', ['-f', 'GeoJSON', '-t_srs', 'EPSG:4326', ...options, out, input], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return JSON.parse(readFileSync(out, 'utf8')) as Collection;
}

describe('which format a file is', () => {
  test('by content first: a zip of a Shapefile, a workbook, KML text, JSON', () => {
    expect(detectFormat({ bytes: fixture('parks-gbk.zip') })).toBe('shapefile-zip');
    expect(detectFormat({ bytes: fixture('projects.xlsx') })).toBe('xlsx');
    expect(detectFormat({ bytes: fixture('parks.kmz') })).toBe('kmz');
    expect(detectFormat({ bytes: fixture('parks.kml') })).toBe('kml');
    // Content wins over a wrong name: a workbook served as data.json is read as a workbook.
    expect(detectFormat({ bytes: fixture('projects.xlsx'), name: 'data.json' })).toBe('xlsx');
    const json = new TextEncoder().encode('{"type":"FeatureCollection","features":[]}');
    expect(detectFormat({ bytes: json, name: 'export.txt' })).toBe('geojson');
  });

  test('text by extension, then by content type', () => {
    const csv = fixture('points-lnglat.csv');
    expect(detectFormat({ bytes: csv, name: 'https://example.org/p.csv?v=2#x' })).toBe('csv');
    expect(
      detectFormat({ bytes: csv, name: 'download', contentType: 'text/csv; charset=utf-8' }),
    ).toBe('csv');
  });

  test('a zip of something else is named by its entries, not guessed', async () => {
    const zip = zipSync({ 'readme.txt': new TextEncoder().encode('hello') });
    const result = await readFormat(zip, { name: 'data.zip' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issue.code).toBe('zip-unknown-content');
    expect(!result.ok && result.issue.reason).toContain('readme.txt');
  });
});

describe('zipped Shapefiles written by ogr2ogr', () => {
  test('a GBK .dbf with its .cpg: Chinese names (simplified and traditional) decoded right', async () => {
    const result = await read('parks-gbk.zip');
    const parks = collectionOf(result);
    expect(result.ok && result.format).toBe('shapefile-zip');
    expect(parks.features.map((f) => f.properties['名称'])).toEqual(
      SOURCE_PARKS.features.map((f) => f.properties['名称']),
    );
    expect(parks.features.map((f) => f.properties['地址'])).toEqual(
      SOURCE_PARKS.features.map((f) => f.properties['地址']),
    );
    // A code's leading zero stays (a DBF text field), a figure is a number.
    expect(parks.features[0]?.properties['编码']).toBe('0101');
    expect(parks.features[0]?.properties['投资额']).toBe(12.5);
    expect(codes(result.issues)).not.toContain('shapefile-encoding-guessed');
    parks.features.forEach((feature, i) => {
      expectSamePositions(
        feature.geometry.coordinates,
        SOURCE_PARKS.features[i]?.geometry.coordinates,
        String(feature.properties['编码']),
        true,
      );
    });
    // The hole of 未来科技城 is a hole, not a second park.
    expect(parks.features[1]?.geometry.type).toBe('Polygon');
    expect((parks.features[1]?.geometry.coordinates as unknown[]).length).toBe(2);
  });

  test('a GBK .dbf without .cpg: recognised as GBK, and said so', async () => {
    const result = await read('parks-gbk-nocpg.zip');
    const parks = collectionOf(result);
    expect(parks.features.map((f) => f.properties['名称'])).toEqual(
      SOURCE_PARKS.features.map((f) => f.properties['名称']),
    );
    const guessed = result.issues.filter((issue) => issue.code === 'shapefile-encoding-guessed');
    expect(guessed).toHaveLength(1);
    expect(guessed[0]?.severity).toBe('warning');
    expect(describeIssue(guessed[0] as DataIssue, 'zh-CN')).toContain('GBK');
  });

  test.skipIf(!GDAL)('GBK text decoded as GDAL decodes it', async () => {
    for (const name of ['parks-gbk.zip', 'parks-gbk-nocpg.zip']) {
      const ours = collectionOf(await read(name));
      const gdal = gdalRead(
        name,
        ...(name.includes('nocpg') ? ['--config', 'SHAPE_ENCODING', 'CP936'] : []),
      );
      expect(ours.features.map((f) => f.properties['名称'])).toEqual(
        gdal.features.map((f) => f.properties['名称']),
      );
    }
  });

  test('CGCS2000 Gauss–Krüger (EPSG:4547): the .prj becomes the crs, reprojected at load', async () => {
    const result = await read('parks-cgcs2000.zip');
    const projected = collectionOf(result);
    expect(JSON.stringify(projected.crs)).toMatch(/4547|CGCS2000_3_Degree_GK_CM_114E/);
    // Metres as the file has them: no position is touched before the reprojection step.
    expect(positions(projected.features[0]?.geometry.coordinates)[0]?.[0]).toBeGreaterThan(1e5);
    const reprojected = await reprojectIfNeeded(projected);
    expect(reprojected.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(reprojected.crs).toBeDefined();
    const wgs84 = reprojected.json as Collection;
    wgs84.features.forEach((feature, i) => {
      expectSamePositions(
        feature.geometry.coordinates,
        SOURCE_PARKS.features[i]?.geometry.coordinates,
        `${String(feature.properties['编码'])} against the source`,
        true,
      );
    });
  });

  test.skipIf(!GDAL)(
    'CGCS2000 Gauss–Krüger: positions as ogr2ogr -t_srs EPSG:4326 gives them',
    async () => {
      const reprojected = await reprojectIfNeeded(collectionOf(await read('parks-cgcs2000.zip')));
      const ours = reprojected.json as Collection;
      const gdal = gdalRead('parks-cgcs2000.zip');
      expect(ours.features).toHaveLength(gdal.features.length);
      ours.features.forEach((feature, i) => {
        expectSamePositions(
          feature.geometry.coordinates,
          gdal.features[i]?.geometry.coordinates,
          `${String(feature.properties['编码'])} against ogr2ogr`,
        );
      });
    },
  );

  test('CGCS2000 Gauss–Krüger and a GBK .dbf together, as a planning bureau hands it over', async () => {
    const result = await read('parks-cgcs2000-gbk.zip');
    const projected = collectionOf(result);
    expect(JSON.stringify(projected.crs)).toMatch(/4547|CGCS2000_3_Degree_GK_CM_114E/);
    expect(projected.features.map((f) => f.properties['名称'])).toEqual(
      SOURCE_PARKS.features.map((f) => f.properties['名称']),
    );
    const wgs84 = (await reprojectIfNeeded(projected)).json as Collection;
    wgs84.features.forEach((feature, i) => {
      expectSamePositions(
        feature.geometry.coordinates,
        SOURCE_PARKS.features[i]?.geometry.coordinates,
        `${String(feature.properties['编码'])} against the source`,
        true,
      );
    });
    if (!GDAL) return;
    const gdal = gdalRead('parks-cgcs2000-gbk.zip');
    expect(wgs84.features.map((f) => f.properties['名称'])).toEqual(
      gdal.features.map((f) => f.properties['名称']),
    );
    wgs84.features.forEach((feature, i) => {
      expectSamePositions(
        feature.geometry.coordinates,
        gdal.features[i]?.geometry.coordinates,
        `${String(feature.properties['编码'])} against ogr2ogr`,
      );
    });
  });

  test('a zip with no .dbf or no .shp says which part is missing', async () => {
    const { unzipSync } = await import('fflate');
    const entries = unzipSync(fixture('parks-gbk.zip'));
    const without = (suffix: string) =>
      zipSync(
        Object.fromEntries(Object.entries(entries).filter(([name]) => !name.endsWith(suffix))),
      );
    const noShp = await readFormat(without('.shp'), { name: 'parks.zip' });
    const noDbf = await readFormat(without('.dbf'), { name: 'parks.zip' });
    expect([noShp.ok, !noShp.ok && noShp.issue.code]).toEqual([false, 'shapefile-no-shp']);
    // Without a .dbf the shapes still load, with no attributes, and that is said.
    const said = noDbf.ok ? codes(noDbf.issues) : [noDbf.issue.code];
    expect(said).toContain('shapefile-no-dbf');
  });

  test('.cpg labels as ArcGIS and QGIS write them', () => {
    expect(cpgEncoding('936')).toBe('gbk');
    expect(cpgEncoding('CP936')).toBe('gbk');
    expect(cpgEncoding('UTF-8\r\n')).toBe('utf-8');
    expect(cpgEncoding('950')).toBe('big5');
    expect(cpgEncoding('ANSI 1252')).toBe('windows-1252');
    expect(cpgEncoding('no-such-encoding')).toBeUndefined();
  });
});

describe('KML and KMZ written by ogr2ogr', () => {
  for (const name of ['parks.kml', 'parks.kmz']) {
    test(`${name}: names, attributes and positions of the source`, async () => {
      const result = await read(name);
      const parks = collectionOf(result);
      expect(parks.features).toHaveLength(SOURCE_PARKS.features.length);
      const byCode = new Map(parks.features.map((f) => [String(f.properties['编码']), f]));
      for (const source of SOURCE_PARKS.features) {
        const mine = byCode.get(String(source.properties['编码']));
        expect(mine, String(source.properties['编码'])).toBeDefined();
        expect(mine?.properties['name'] ?? mine?.properties['名称']).toBe(
          source.properties['名称'],
        );
        expect(mine?.properties['地址']).toBe(source.properties['地址']);
        expect(mine?.geometry.type).toBe('Polygon');
        expectSamePositions(
          mine?.geometry.coordinates,
          source.geometry.coordinates,
          `${name} ${String(source.properties['编码'])}`,
        );
      }
    });
  }

  test.skipIf(!GDAL)('parks.kml: positions as ogr2ogr reads them', async () => {
    const ours = collectionOf(await read('parks.kml'));
    const gdal = gdalRead('parks.kml');
    ours.features.forEach((feature, i) => {
      expectSamePositions(
        feature.geometry.coordinates,
        gdal.features[i]?.geometry.coordinates,
        `kml ${i}`,
      );
    });
  });

  test('XML that is not KML, and a KMZ without a .kml, are named', async () => {
    const gpx = await readFormat(new TextEncoder().encode('<?xml version="1.0"?><gpx></gpx>'), {
      name: 'track.kml',
      xmlParser: new DOMParser(),
    });
    expect(gpx.ok).toBe(false);
    const kmz = await readFormat(zipSync({ 'doc.txt': new Uint8Array([1]) }), {
      name: 'parks.kmz',
    });
    expect(!kmz.ok && kmz.issue.code).toBe('kmz-no-kml');
  });
});

describe('CSV written by ogr2ogr', () => {
  for (const name of ['points-lnglat.csv', 'points-lnglat-gbk.csv']) {
    test(`${name}: 经度/纬度 columns place the rows; codes stay text, figures are numbers`, async () => {
      const result = await read(name);
      const points = collectionOf(result);
      expect(points.features.map((f) => f.properties['名称'])).toEqual(
        SOURCE_POINTS.features.map((f) => f.properties['名称']),
      );
      expect(points.features.map((f) => f.properties['编码'])).toEqual(['0301', '0302', '0303']);
      expect(points.features.map((f) => f.properties['投资额(亿元)'])).toEqual([160, 1600.5, 0.8]);
      points.features.forEach((feature, i) => {
        expect(feature.geometry.type).toBe('Point');
        expectSamePositions(
          feature.geometry.coordinates,
          SOURCE_POINTS.features[i]?.geometry.coordinates,
          `${name} row ${i + 2}`,
        );
      });
      // Text from the data is text: the markup in a name is kept as the characters it is.
      expect(points.features[2]?.properties['名称']).toBe('“光谷之星”孵化器 & <b>测试</b>');
    });
  }

  test('parks-wkt.csv: polygons (with their holes) from a WKT column, not kept as a property', async () => {
    const parks = collectionOf(await read('parks-wkt.csv'));
    expect(parks.features).toHaveLength(3);
    parks.features.forEach((feature, i) => {
      expect(feature.properties['WKT']).toBeUndefined();
      expectSamePositions(
        feature.geometry.coordinates,
        SOURCE_PARKS.features[i]?.geometry.coordinates,
        `wkt row ${i + 2}`,
      );
    });
    expect((parks.features[1]?.geometry.coordinates as unknown[]).length).toBe(2);
  });

  test.skipIf(!GDAL)('parks-wkt.csv: positions as ogr2ogr reads them', async () => {
    const ours = collectionOf(await read('parks-wkt.csv'));
    const gdal = gdalRead('parks-wkt.csv', '-oo', 'GEOM_POSSIBLE_NAMES=WKT', '-s_srs', 'EPSG:4326');
    ours.features.forEach((feature, i) => {
      expectSamePositions(
        feature.geometry.coordinates,
        gdal.features[i]?.geometry.coordinates,
        `wkt ${i}`,
      );
    });
  });

  test('bad positions: each row named with its number and column, the others load', async () => {
    const text = [
      '名称,经度,纬度',
      '甲,112.6,26.9',
      '乙,,26.9',
      '丙,112.6,北纬26度',
      '',
      '丁,112.7,26.8',
    ].join('\n');
    const result = await readFormat(new TextEncoder().encode(text), { name: 'rows.csv' });
    const rows = collectionOf(result);
    expect(rows.features.map((f) => f.properties['名称'])).toEqual(['甲', '丁']);
    expect(result.issues.map((i) => [i.code, i.params?.['row'], i.params?.['column']])).toEqual([
      ['table-coordinate-missing', 3, '经度'],
      ['table-coordinate-invalid', 4, '纬度'],
    ]);
    const zh = describeIssue(result.issues[1] as DataIssue, 'zh-CN');
    expect(zh).toContain('第 4 行');
    expect(zh).toContain('北纬26度');
    expect(describeIssue(result.issues[1] as DataIssue, 'en')).toContain('Row 4');
  });

  test('a table with no position column lists the columns it has', async () => {
    const result = await readFormat(new TextEncoder().encode('名称,地址\n甲,衡阳\n'), {
      name: 'list.csv',
    });
    expect(!result.ok && result.issue.code).toBe('table-no-position-columns');
    expect(!result.ok && describeIssue(result.issue, 'en')).toContain('名称, 地址');
  });

  test('column names and cell values', () => {
    expect(findGeometryColumns(['名称', '经度(°)', '纬度（°）'])).toEqual({ lon: 1, lat: 2 });
    expect(findGeometryColumns(['name', 'lng', 'lat'])).toEqual({ lon: 1, lat: 2 });
    expect(findGeometryColumns(['name', 'X', 'Y'])).toEqual({ lon: 1, lat: 2 });
    expect(findGeometryColumns(['the_geom', 'name'])).toEqual({ wkt: 0 });
    expect(findGeometryColumns(['名称', '地址'])).toEqual({});
    expect(csvValue('12.5')).toBe(12.5);
    expect(csvValue('0101')).toBe('0101');
    expect(csvValue('1,200')).toBe('1,200');
    expect(csvValue('4301810000000000001')).toBe('4301810000000000001');
  });
});

describe('an Excel project list written by SheetJS', () => {
  test('the sheet with positions, below its title line; dates as ISO dates; bad rows named', async () => {
    const result = await read('projects.xlsx');
    const rows = collectionOf(result);
    expect(result.ok && result.format).toBe('xlsx');
    expect(rows.features.map((f) => f.properties['名称'])).toEqual(
      SOURCE_POINTS.features.map((f) => f.properties['名称']),
    );
    expect(rows.features.map((f) => f.properties['编码'])).toEqual(['0301', '0302', '0303']);
    expect(rows.features.map((f) => f.properties['开工日期'])).toEqual([
      '2026-01-15',
      '2026-02-15',
      '2026-03-15',
    ]);
    rows.features.forEach((feature, i) => {
      expectSamePositions(
        feature.geometry.coordinates,
        SOURCE_POINTS.features[i]?.geometry.coordinates,
        `xlsx row ${i + 3}`,
      );
    });
    const problems = result.issues.map((i) => [
      i.code,
      i.params?.['sheet'],
      i.params?.['row'],
      i.params?.['column'],
    ]);
    expect(problems).toEqual([
      ['table-coordinate-missing', '项目', 6, '经度'],
      ['table-coordinate-invalid', '项目', 7, '纬度'],
    ]);
    expect(describeIssue(result.issues[0] as DataIssue, 'zh-CN')).toContain('工作表“项目”第 6 行');
  });

  test('a workbook made here by SheetJS with x/y columns and numbers as text', async () => {
    const sheet = XLSX.utils.aoa_to_sheet([
      ['项目名称', 'X', 'Y', '状态'],
      ['衡阳某项目', '112.6123456', '26.9012345', '在建'],
    ]);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, 'Sheet1');
    const bytes = new Uint8Array(
      XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer,
    );
    const rows = collectionOf(await readFormat(bytes, { name: 'p.xlsx' }));
    expect(rows.features[0]?.geometry.coordinates).toEqual([112.6123456, 26.9012345]);
    expect(rows.features[0]?.properties['状态']).toBe('在建');
  });

  test('a broken workbook is said to be unreadable, naming the format', async () => {
    const broken = fixture('projects.xlsx').slice(0, 400);
    const result = await readFormat(broken, { name: 'projects.xlsx' });
    expect(result.ok).toBe(false);
    expect(!result.ok && ['format-unreadable', 'zip-unknown-content']).toContain(
      !result.ok && result.issue.code,
    );
  });
});

describe('the way a user takes: file, mapping, validation', () => {
  test('an Excel project list with id-field 编码, default kind and 投资额(亿元): every valid row shown', async () => {
    const rows = collectionOf(await read('projects.xlsx'));
    const mapping = mergeMapping(
      { fields: { investment: '投资额(亿元)' } },
      { idField: '编码', defaultKind: 'project' },
    );
    const result = validateParkData(rows, { parsed: true, mapping });
    const shown = result.collection.features;
    expect(shown.map((f) => f.id)).toEqual(['0301', '0302', '0303']);
    expect(shown.map((f) => f.properties.name)).toEqual(
      SOURCE_POINTS.features.map((f) => f.properties['名称']),
    );
    // 投资额(亿元): the unit read from the column name, in yuan.
    expect(shown[0]?.properties.investment).toBe(16_000_000_000);
    expect(result.errors.filter((e) => e.severity === 'error')).toEqual([]);
  });

  test('the CGCS2000 Shapefile through the CLI: import writes WGS84 in our schema', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'park-map-import-'));
    const out = join(dir, 'parks.geojson');
    const written = new Map<string, string | Uint8Array>();
    let stderr = '';
    const io: CliIo = {
      readFile: async (path) => new Uint8Array(readFileSync(path)),
      writeFile: async (path, data) => {
        written.set(path, data);
        writeFileSync(path, data);
      },
      out: () => {},
      err: (text) => {
        stderr += text;
      },
    };
    const status = await runCli(
      ['import', join(FIXTURES, 'parks-cgcs2000.zip'), '-o', out, '--id-field', '编码'],
      io,
    );
    expect(stderr).toContain(out);
    expect(status).toBe(0);
    const parks = JSON.parse(readFileSync(out, 'utf8')) as Collection;
    expect(parks.features.map((f) => f.properties['id'] ?? f.id)).toEqual(['0101', '0102', '0201']);
    parks.features.forEach((feature, i) => {
      expectSamePositions(
        feature.geometry.coordinates,
        SOURCE_PARKS.features[i]?.geometry.coordinates,
        `import ${i}`,
        true,
      );
    });
  });
});

describe.skipIf(!GDAL)('the fixtures are what the tools make', () => {
  test('scripts/make-format-fixtures.mjs makes them again, and they read the same', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'park-map-fixtures-again-'));
    execFileSync(
      'node',
      [join(__dirname, '..', '..', 'scripts', 'make-format-fixtures.mjs'), dir],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    for (const name of [
      'parks-gbk.zip',
      'parks-cgcs2000.zip',
      'parks-cgcs2000-gbk.zip',
      'parks.kml',
      'points-lnglat.csv',
      'projects.xlsx',
    ]) {
      const again = await readFormat(new Uint8Array(readFileSync(join(dir, name))), {
        name,
        xmlParser: new DOMParser(),
      });
      const committed = await read(name);
      expect(collectionOf(again).features, name).toEqual(collectionOf(committed).features);
    }
  });
});

describe("the README's worked example: an investment bureau's Excel project list", () => {
  /** The workbook of the README's table, written by SheetJS. */
  function bureauWorkbook(): Uint8Array {
    const sheet = XLSX.utils.aoa_to_sheet([
      ['2026 年重点项目'],
      ['编号', '项目名称', '经度', '纬度', '建设状态', '总投资(亿元)', '占地面积（亩）'],
      ['P001', '某某项目', 112.6123, 26.9012, '在建', 1.5, 120],
      ['P002', '某某二期', 112.6201, 26.9088, '前期', 3, 86.5],
    ]);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, '项目');
    return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
  }
  const fields = {
    status: { field: '建设状态', values: { 前期: 'planned' } },
    fields: { investment: '总投资(亿元)', landArea: '占地面积（亩）' },
  };

  test('in the element’s way: attributes, the fields property, the figures in base units', async () => {
    const rows = collectionOf(await readFormat(bureauWorkbook(), { name: 'projects.xlsx' }));
    const mapping = mergeMapping(fields, {
      idField: '编号',
      nameField: '项目名称',
      statusField: '建设状态',
      defaultKind: 'project',
    });
    const result = validateParkData(rows, { parsed: true, mapping });
    expect(
      result.collection.features.map((f) => [
        f.id,
        f.properties.kind,
        f.properties.name,
        f.properties.status,
        f.properties.investment,
        f.properties.landArea,
      ]),
    ).toEqual([
      ['P001', 'project', '某某项目', 'under_construction', 150_000_000, 80_000],
      ['P002', 'project', '某某二期', 'planned', 300_000_000, 57_666.67],
    ]);
    expect(result.errors.filter((e) => e.severity === 'error')).toEqual([]);
  });

  test('in the terminal’s way: park-map import with the same mapping in map.json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'park-map-bureau-'));
    writeFileSync(join(dir, 'projects.xlsx'), bureauWorkbook());
    writeFileSync(join(dir, 'map.json'), JSON.stringify(fields));
    const io: CliIo = {
      readFile: async (path) => new Uint8Array(readFileSync(path)),
      writeFile: async (path, data) => writeFileSync(path, data),
      out: () => {},
      err: () => {},
    };
    const out = join(dir, 'projects.geojson');
    const status = await runCli(
      [
        'import',
        join(dir, 'projects.xlsx'),
        '-o',
        out,
        '--id-field',
        '编号',
        '--name-field',
        '项目名称',
        '--status-field',
        '建设状态',
        '--default-kind',
        'project',
        '--fields',
        join(dir, 'map.json'),
      ],
      io,
    );
    expect(status).toBe(0);
    const written = JSON.parse(readFileSync(out, 'utf8')) as Collection;
    expect(
      written.features.map((f) => [f.id, f.properties['status'], f.properties['landArea']]),
    ).toEqual([
      ['P001', 'under_construction', 80_000],
      ['P002', 'planned', 57_666.67],
    ]);
  });
});
