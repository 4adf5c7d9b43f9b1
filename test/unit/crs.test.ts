// Coordinate reference systems: our proj4 definitions against GDAL's, and files that GDAL's own
// ogr2ogr wrote in CGCS2000 Gauss–Krüger zones, Web Mercator and CGCS2000, reprojected by us and
// compared with ogr2ogr's own conversion to EPSG:4326. Fixtures are made at test time in a temp
// dir; without GDAL (apt package gdal-bin) those tests are skipped with the reason printed.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli, type CliIo } from '../../src/cli/validate-cli';
import { gaussKrugerZone, guessProjected, knownCrs, parseEpsgCode } from '../../src/data/crs/known';
import { needsReprojection, reprojectIfNeeded } from '../../src/data/crs/reproject';
import { describeIssue } from '../../src/data/issue-messages';
import { validateParkData } from '../../src/data/validate/index';

const hasTool = (tool: string): boolean =>
  spawnSync(tool, ['--version'], { encoding: 'utf8' }).status === 0;
const GDAL = hasTool('ogr2ogr') && hasTool('gdalsrsinfo');
if (!GDAL) {
  console.warn(
    'crs.test.ts: ogr2ogr/gdalsrsinfo not found (apt package gdal-bin): GDAL tests skipped',
  );
}

const CODES = [...Array.from({ length: 4554 - 4491 + 1 }, (_, i) => 4491 + i), 3857, 900913];

describe('EPSG codes we know', () => {
  test.skipIf(!GDAL)('every proj4 definition is the one GDAL/PROJ gives', () => {
    for (const code of CODES) {
      const gdal = execFileSync('gdalsrsinfo', ['-o', 'proj4', `EPSG:${code}`], {
        encoding: 'utf8',
      }).trim();
      expect(knownCrs(code)?.proj4, `EPSG:${code}`).toBe(gdal);
    }
  });

  test('the four CGCS2000 Gauss–Krüger series', () => {
    expect(gaussKrugerZone(4491)).toEqual({ width: 6, cm: 75, zone: 13, prefixed: true });
    expect(gaussKrugerZone(4512)).toEqual({ width: 6, cm: 135, zone: 23, prefixed: false });
    expect(gaussKrugerZone(4526)).toEqual({ width: 3, cm: 114, zone: 38, prefixed: true });
    expect(gaussKrugerZone(4547)).toEqual({ width: 3, cm: 114, zone: 38, prefixed: false });
    expect(gaussKrugerZone(4490)).toBeUndefined();
    expect(gaussKrugerZone(4555)).toBeUndefined();
    expect(knownCrs(4490)?.proj4).toBeUndefined();
    expect(knownCrs(2383)).toBeUndefined();
  });

  test('names of codes', () => {
    expect(parseEpsgCode('EPSG:4545')).toBe(4545);
    expect(parseEpsgCode('epsg:4545')).toBe(4545);
    expect(parseEpsgCode('4545')).toBe(4545);
    expect(parseEpsgCode('urn:ogc:def:crs:EPSG::4545')).toBe(4545);
    expect(parseEpsgCode('urn:ogc:def:crs:EPSG:6.6:4545')).toBe(4545);
    expect(parseEpsgCode('http://www.opengis.net/def/crs/EPSG/0/3857')).toBe(3857);
    expect(parseEpsgCode('urn:ogc:def:crs:OGC:1.3:CRS84')).toBe(4326);
    expect(parseEpsgCode('EPSG:900913')).toBe(900913);
    expect(parseEpsgCode('wgs84')).toBeUndefined();
    expect(parseEpsgCode('EPSG:45x')).toBeUndefined();
  });
});

describe('projected metres without a crs: what they probably are', () => {
  test('guesses from sizes', () => {
    // Hengyang (112.6°E, 26.9°N) in each system, as ogr2ogr computes it (rounded).
    expect(guessProjected(12534720, 3106020)).toEqual({ kind: 'web-mercator', code: 3857 });
    expect(guessProjected(38359760, 2976240)).toEqual({
      kind: 'gk-zone',
      code: 4526,
      width: 3,
      zone: 38,
      cm: 114,
    });
    expect(guessProjected(19659400, 2976860)).toEqual({
      kind: 'gk-zone',
      code: 4497,
      width: 6,
      zone: 19,
      cm: 111,
    });
    expect(guessProjected(359760, 2976240)).toEqual({ kind: 'gk-cm' });
  });

  const file = (coordinates: number[]) => ({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        id: 'p',
        geometry: { type: 'Point', coordinates },
        properties: { kind: 'park', name: '园区' },
      },
    ],
  });

  test('the message says what it is and how to state it, and proposes no point', () => {
    const cases: [number[], string[]][] = [
      [
        [12534720, 3106020],
        ['Web Mercator (EPSG:3857)', 'coords="EPSG:3857"'],
      ],
      [
        [38359760, 2976240],
        ['3° zone 38', 'coords="EPSG:4526"'],
      ],
      [
        [359760, 2976240],
        ['central meridian cannot be told', 'coords="EPSG:4547"'],
      ],
    ];
    for (const [coordinates, includes] of cases) {
      const result = validateParkData(file(coordinates));
      expect(result.collection.features).toHaveLength(0);
      const issue = result.errors.find((e) => e.code === 'projected-coordinates');
      expect(issue, JSON.stringify(coordinates)).toBeDefined();
      for (const text of includes) expect(issue?.reason).toContain(text);
      expect(issue?.reason).toContain('ogr2ogr -t_srs EPSG:4326');
      expect(issue?.reason).not.toMatch(/would be/);
      const zh = describeIssue(issue!, 'zh-CN');
      expect(zh).toContain('投影坐标');
      expect(zh).toContain(includes[1] as string);
    }
  });
});

describe('reprojectIfNeeded', () => {
  const base = (crs: unknown, coordinates: number[]) => ({
    type: 'FeatureCollection',
    crs,
    features: [
      {
        type: 'Feature',
        id: 'p',
        geometry: { type: 'Point', coordinates },
        properties: { kind: 'park', name: 'P' },
      },
    ],
  });

  test('WGS84, GCJ-02 and CGCS2000 longitude/latitude are left alone (proj4 not needed)', async () => {
    const plain = { type: 'FeatureCollection', features: [] };
    expect(needsReprojection(plain)).toBe(false);
    const cgcs = base({ type: 'name', properties: { name: 'EPSG:4490' } }, [112.6, 26.9]);
    expect(needsReprojection(cgcs)).toBe(false);
    expect((await reprojectIfNeeded(cgcs)).json).toBe(cgcs);
    expect(needsReprojection(plain, { epsg: 4547 })).toBe(true);
  });

  test('an EPSG code we do not know: one clear error, nothing to draw', async () => {
    const json = base({ type: 'name', properties: { name: 'EPSG:2383' } }, [359760, 2976240]);
    expect(needsReprojection(json)).toBe(true);
    const result = await reprojectIfNeeded(json);
    expect(result.json).toEqual({ type: 'FeatureCollection', features: [] });
    expect(result.issues).toHaveLength(1);
    const [issue] = result.issues;
    expect(issue?.code).toBe('unknown-crs');
    expect(issue?.severity).toBe('error');
    expect(issue?.reason).toContain('"EPSG:2383"');
    expect(issue?.reason).toContain('ogr2ogr -t_srs EPSG:4326');
    expect(describeIssue(issue!, 'zh-CN')).toContain('“EPSG:2383”');
    // The page's code too.
    const page = await reprojectIfNeeded(
      { type: 'FeatureCollection', features: [] },
      { epsg: 2383 },
    );
    expect(page.issues[0]?.path).toBe('coords');
  });

  test('the file and the page disagree: the file wins, with a warning', async () => {
    const json = base({ type: 'name', properties: { name: 'EPSG:4547' } }, [359760, 2976240]);
    const result = await reprojectIfNeeded(json, { epsg: 4526 });
    expect(result.issues.map((i) => i.code)).toEqual(['crs-conflict']);
    expect(result.crs).toBe('EPSG:4547');
    const out = result.json as { features: { geometry: { coordinates: number[] } }[] };
    expect(Math.abs((out.features[0]?.geometry.coordinates[0] ?? 0) - 112.59)).toBeLessThan(0.01);
  });

  test('the crs member is kept as sourceCrs, bboxes in metres are dropped', async () => {
    const json = {
      ...base(
        { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3857' } },
        [12534720, 3106020],
      ),
      bbox: [1, 2, 3, 4],
    };
    const result = await reprojectIfNeeded(json);
    const out = result.json as Record<string, unknown>;
    expect(out['crs']).toBeUndefined();
    expect(out['bbox']).toBeUndefined();
    expect(out['sourceCrs']).toBe('urn:ogc:def:crs:EPSG::3857');
    expect(json.crs).toBeDefined(); // input untouched
  });
});

// ---------------------------------------------------------------------------------------------
// Files GDAL wrote

/** Park outlines near Hengyang (112.6°E, 26.9°N) and Xiangxiang (112.5°E, 27.7°N), in WGS84. */
const PARKS = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      id: 'hengyang',
      properties: { id: 'hengyang', kind: 'park', name: '衡阳高新区' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [112.58, 26.88],
            [112.63, 26.88],
            [112.63, 26.92],
            [112.58, 26.92],
            [112.58, 26.88],
          ],
        ],
      },
    },
    {
      type: 'Feature',
      id: 'xiangxiang',
      properties: { id: 'xiangxiang', kind: 'park', name: '湘乡经开区' },
      geometry: {
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [112.47, 27.68],
              [112.53, 27.68],
              [112.53, 27.73],
              [112.47, 27.73],
              [112.47, 27.68],
            ],
          ],
        ],
      },
    },
    {
      type: 'Feature',
      id: 'gate',
      properties: { id: 'gate', kind: 'building', name: '大门', parent: 'hengyang' },
      geometry: { type: 'Point', coordinates: [112.6, 26.9] },
    },
  ],
};

type Collection = {
  crs?: unknown;
  features: { properties: { id: string }; geometry: { coordinates: unknown } }[];
};

function flat(node: unknown): number[][] {
  if (Array.isArray(node) && typeof node[0] === 'number') return [node as number[]];
  return Array.isArray(node) ? node.flatMap(flat) : [];
}

describe.skipIf(!GDAL)('files written by ogr2ogr', () => {
  const dir = GDAL ? mkdtempSync(join(tmpdir(), 'park-map-crs-')) : '';
  const wgs84 = join(dir, 'parks.geojson');
  if (GDAL) writeFileSync(wgs84, JSON.stringify(PARKS));
  const ogr = (...args: string[]) => execFileSync('ogr2ogr', args, { encoding: 'utf8' });
  const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Collection;

  /** ogr2ogr's own conversion of `file` to EPSG:4326. */
  function gdalWgs84(file: string): Collection {
    const out = join(dir, `${Math.random().toString(36).slice(2)}-4326.geojson`);
    ogr('-f', 'GeoJSON', '-t_srs', 'EPSG:4326', out, file);
    return read(out);
  }

  async function expectSameAsGdal(projected: Collection, reference: Collection): Promise<void> {
    const result = await reprojectIfNeeded(projected);
    expect(result.issues).toEqual([]);
    expect(result.crs).toBeDefined();
    const validated = validateParkData(result.json, { parsed: true });
    expect(validated.errors.filter((e) => e.severity === 'error')).toEqual([]);
    const ours = result.json as Collection;
    expect(ours.features).toHaveLength(reference.features.length);
    ours.features.forEach((feature, i) => {
      const mine = flat(feature.geometry.coordinates);
      const theirs = flat(reference.features[i]?.geometry.coordinates);
      expect(mine).toHaveLength(theirs.length);
      mine.forEach(([lon = NaN, lat = NaN], j) => {
        const [gLon = NaN, gLat = NaN] = theirs[j] ?? [];
        expect(Math.abs(lon - gLon), `${feature.properties.id} lon`).toBeLessThan(1e-7);
        expect(Math.abs(lat - gLat), `${feature.properties.id} lat`).toBeLessThan(1e-7);
      });
      // And near where they started.
      const start = flat(PARKS.features[i]?.geometry.coordinates);
      expect(Math.abs((mine[0]?.[0] ?? 0) - (start[0]?.[0] ?? 0))).toBeLessThan(1e-6);
    });
  }

  // 112.6°E: 3° zone 38 (CM 114°E, 112.5–115.5°E); 112.47°E: zone 37 (CM 111°E) — one file, one
  // zone: the Xiangxiang outline just across the edge is fine in zone 38 too. 6° zone 19 (CM 111°E).
  for (const code of [4547, 4526, 4546, 4497, 4508, 3857, 4490]) {
    test(`GeoJSON in EPSG:${code} with a crs member`, async () => {
      const file = join(dir, `parks-${code}.geojson`);
      ogr('-f', 'GeoJSON', '-s_srs', 'EPSG:4326', '-t_srs', `EPSG:${code}`, file, wgs84);
      const projected = read(file);
      expect(projected.crs).toBeDefined();
      if (code === 4490) {
        expect(needsReprojection(projected)).toBe(false);
        return;
      }
      await expectSameAsGdal(projected, gdalWgs84(file));
    });
  }

  test('GeoPackage in EPSG:4547, converted to GeoJSON by ogr2ogr (crs kept)', async () => {
    const gpkg = join(dir, 'parks-4547.gpkg');
    ogr('-f', 'GPKG', '-s_srs', 'EPSG:4326', '-t_srs', 'EPSG:4547', gpkg, wgs84);
    const file = join(dir, 'parks-from-gpkg.geojson');
    ogr('-f', 'GeoJSON', file, gpkg);
    const projected = read(file);
    expect(JSON.stringify(projected.crs)).toContain('4547');
    await expectSameAsGdal(projected, gdalWgs84(file));
  });

  for (const code of [4547, 4526, 4508]) {
    test(`Shapefile .prj (ESRI WKT) of EPSG:${code} as a crs member of type wkt`, async () => {
      const shp = join(dir, `parks-${code}.shp`);
      ogr(
        '-f',
        'ESRI Shapefile',
        '-where',
        "kind = 'park'",
        '-s_srs',
        'EPSG:4326',
        '-t_srs',
        `EPSG:${code}`,
        shp,
        wgs84,
      );
      const wkt = readFileSync(join(dir, `parks-${code}.prj`), 'utf8');
      expect(wkt).toMatch(/^PROJCS\["CGCS2000_/);
      // The same features, from GeoJSON without crs, then the .prj's WKT put on the collection.
      const file = join(dir, `parks-${code}-nocrs.geojson`);
      ogr('-f', 'GeoJSON', '-s_srs', 'EPSG:4326', '-t_srs', `EPSG:${code}`, file, wgs84);
      const projected = read(file);
      projected.crs = { type: 'wkt', properties: { wkt } };
      await expectSameAsGdal(projected, gdalWgs84(file));
    });
  }

  test('a WKT naming no code we know is read by proj4 (Xian 1980 / 3-degree GK CM 114E)', async () => {
    const wkt = execFileSync('gdalsrsinfo', ['-o', 'wkt_esri', 'EPSG:2383'], { encoding: 'utf8' })
      .trim()
      .replace(/^[^P]*/, '');
    const file = join(dir, 'parks-2383.geojson');
    ogr('-f', 'GeoJSON', '-s_srs', 'EPSG:4326', '-t_srs', 'EPSG:2383', file, wgs84);
    const projected = read(file);
    projected.crs = { type: 'wkt', properties: { wkt } };
    const result = await reprojectIfNeeded(projected);
    expect(result.issues).toEqual([]);
    const [lon = 0, lat = 0] =
      flat((result.json as Collection).features[2]?.geometry.coordinates)[0] ?? [];
    expect(Math.abs(lon - 112.6)).toBeLessThan(1e-6);
    expect(Math.abs(lat - 26.9)).toBeLessThan(1e-6);
  });

  test('park-map validate --coords EPSG:4547 reads a file without crs; the crs member alone too', async () => {
    const file = join(dir, 'parks-4547-cli.geojson');
    ogr('-f', 'GeoJSON', '-s_srs', 'EPSG:4326', '-t_srs', 'EPSG:4547', file, wgs84);
    const withCrs = readFileSync(file);
    const withoutCrs = JSON.stringify({ ...read(file), crs: undefined });
    const run = async (bytes: Uint8Array | string, ...args: string[]) => {
      let out = '';
      const io: CliIo = {
        readFile: async () => (typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes),
        out: (text) => (out += text),
        err: (text) => (out += text),
        writeFile: async () => {
          throw new Error('validate writes nothing');
        },
      };
      const status = await runCli(['validate', 'f.geojson', ...args], io);
      return { status, out };
    };
    expect(await run(withCrs)).toMatchObject({ status: 0 });
    expect((await run(withCrs)).out).toContain('3 features can be shown');
    expect((await run(withoutCrs, '--coords', 'epsg:4547')).out).toContain(
      '3 features can be shown',
    );
    const bare = await run(withoutCrs);
    expect(bare.status).toBe(1);
    expect(bare.out).toContain('coords="EPSG:4547"');
    expect((await run(withoutCrs, '--coords', 'EPSG:2383')).out).toContain('"EPSG:2383"');
  });
});
