// Files in the formats people have, given to the element by `src` and by `data`, in real Chromium
// with real MapLibre: an Excel project list written by SheetJS, a zipped Shapefile in CGCS2000
// Gauss–Krüger written by ogr2ogr (reprojected at load), KML, a CSV with 经度/纬度, and a projected
// GeoJSON with no `crs` (a message that says what it probably is). Each reader is fetched only when
// its format is met (which chunk holds which reader: test/e2e/first-load.test.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands, userEvent } from 'vitest/browser';
import { collect, mount, renderedIds, shadow, text } from './helpers.js';

const FIXTURES = '/test/fixtures/formats';

let log: { requests: string[]; consoleErrors: string[] } = { requests: [], consoleErrors: [] };

beforeEach(async () => {
  await commands.startPageLog();
});

afterEach(async () => {
  log = await commands.takePageLog();
  document.body.replaceChildren();
  expect(log.consoleErrors).toEqual([]);
});

/** The requests for a module whose path contains `part` (the dev server serves each separately). */
async function requestsFor(part: string): Promise<string[]> {
  const taken = await commands.takePageLog();
  await commands.startPageLog();
  return taken.requests.filter((url) => url.includes(part));
}

describe('src in other formats', () => {
  it('an Excel project list (.xlsx by SheetJS): the rows with positions shown, the others named', async () => {
    let errors: ReturnType<typeof collect<'park-map-error'>> = [];
    const { element, loaded } = await mount(
      {
        lang: 'zh-CN',
        'id-field': '编码',
        'default-kind': 'project',
        src: `${FIXTURES}/projects.xlsx`,
      },
      (el) => {
        errors = collect(el, 'park-map-error');
      },
    );
    expect(loaded.features.map((feature) => [feature.id, feature.properties.name])).toEqual([
      ['0301', '华星光电 T3 项目'],
      ['0302', '长江存储二期'],
      ['0303', '“光谷之星”孵化器 & <b>测试</b>'],
    ]);
    expect(renderedIds(element)).toEqual(['0301', '0302', '0303']);
    // The two rows without a usable position: one event per kind, naming sheet, row and column.
    const rows = errors.filter((event) => event.detail.code.startsWith('table-coordinate'));
    expect(rows.map((event) => event.detail.code)).toEqual([
      'table-coordinate-missing',
      'table-coordinate-invalid',
    ]);
    expect(rows[0]!.detail.message).toContain('工作表“项目”第 6 行');
    expect(rows[1]!.detail.message).toContain('北纬30度');
    // In the banner, too; the markup in a name is text, never HTML.
    const root = shadow(element);
    await userEvent.click(root.querySelector<HTMLButtonElement>('.issues-toggle')!);
    await element.updateComplete;
    expect(text(root, '.issues-list')).toContain('第 7 行');
    expect(root.querySelector('b')).toBeNull();
    expect((await requestsFor('xlsx')).length).toBeGreaterThan(0);
  });

  it('a zipped Shapefile in CGCS2000 / 3° zone 38 (EPSG:4547): reprojected, GBK names right', async () => {
    const { element, loaded } = await mount({
      'id-field': '编码',
      src: `${FIXTURES}/parks-cgcs2000-gbk.zip`,
    });
    expect(loaded.features.map((feature) => [feature.id, feature.properties.name])).toEqual([
      ['0101', '光谷软件园'],
      ['0102', '未来科技城'],
      ['0201', '臺北內湖科學園區'],
    ]);
    // 光谷软件园's first corner, from 4547 metres back to the degrees the source had (1e-7°).
    const ring = (loaded.features[0]!.geometry as GeoJSON.Polygon).coordinates[0]!;
    const corner = ring.find(
      ([lon = 0, lat = 0]) =>
        Math.abs(lon - 114.4001234) < 1e-7 && Math.abs(lat - 30.5012345) < 1e-7,
    );
    expect(corner).toBeDefined();
    expect(renderedIds(element)).toEqual(['0101', '0102', '0201']);
    expect((await requestsFor('shpjs')).length).toBeGreaterThan(0);
  });

  it('KML and CSV by extension', async () => {
    const kml = await mount({ 'id-field': '编码', src: `${FIXTURES}/parks.kml` });
    expect(kml.loaded.features.map((feature) => feature.properties.name)).toEqual([
      '光谷软件园',
      '未来科技城',
      '臺北內湖科學園區',
    ]);
    document.body.replaceChildren();
    const csv = await mount({
      'id-field': '编码',
      'default-kind': 'project',
      src: `${FIXTURES}/points-lnglat-gbk.csv`,
    });
    expect(csv.loaded.features.map((feature) => feature.id)).toEqual(['0301', '0302', '0303']);
    expect(csv.loaded.features[1]!.geometry).toEqual({
      type: 'Point',
      coordinates: [114.5012345, 30.4398765],
    });
  });
});

describe('a KML whose placemarks are not all usable', () => {
  it('a Placemark with only a name is named as such; the one with a polygon shows', async () => {
    const kml = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
<Placemark><name>园区</name></Placemark>
<Placemark><name>衡阳某园</name><ExtendedData><Data name="编码"><value>K1</value></Data></ExtendedData>
<Polygon><outerBoundaryIs><LinearRing><coordinates>112.6,26.9 112.61,26.9 112.61,26.91 112.6,26.91 112.6,26.9</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>
</Document></kml>`;
    const url = URL.createObjectURL(
      new Blob([kml], { type: 'application/vnd.google-earth.kml+xml' }),
    );
    let errors: ReturnType<typeof collect<'park-map-error'>> = [];
    const { element, loaded } = await mount(
      { lang: 'en', 'id-field': '编码', 'default-kind': 'park', src: url },
      (el) => {
        errors = collect(el, 'park-map-error');
      },
    );
    URL.revokeObjectURL(url);
    expect(loaded.features.map((feature) => [feature.id, feature.properties.name])).toEqual([
      ['K1', '衡阳某园'],
    ]);
    expect(renderedIds(element)).toEqual(['K1']);
    const geometry = errors.find((event) => event.detail.code === 'missing-geometry');
    expect(geometry?.detail.severity).toBe('error');
    expect(geometry?.detail.message).toContain('园区');
  });
});

describe('projected data by data and by src', () => {
  /** Two parks of Hengyang in CGCS2000 / 3° zone 38 (EPSG:4547) metres, as ogr2ogr computes them. */
  function projected(withCrs: boolean) {
    return {
      type: 'FeatureCollection',
      ...(withCrs
        ? { crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4547' } } }
        : {}),
      features: [
        {
          type: 'Feature',
          id: 'hy-1',
          properties: { kind: 'park', name: '衡阳高新区某园' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [440_183.7, 2_976_205.2],
                [441_183.7, 2_976_205.2],
                [441_183.7, 2_977_205.2],
                [440_183.7, 2_977_205.2],
                [440_183.7, 2_976_205.2],
              ],
            ],
          },
        },
      ],
    };
  }

  it('data with a crs member: drawn in Hengyang', async () => {
    const { element, loaded } = await mount({}, (el) => {
      el.data = projected(true);
    });
    const [lon = 0, lat = 0] = (loaded.features[0]!.geometry as GeoJSON.Polygon)
      .coordinates[0]![0]!;
    // 440 km east of the false easting 500 000 at 114°E: about 113.4°E, 26.9°N.
    expect(lon).toBeGreaterThan(113.3);
    expect(lon).toBeLessThan(113.5);
    expect(lat).toBeGreaterThan(26.8);
    expect(lat).toBeLessThan(27);
    expect(renderedIds(element)).toEqual(['hy-1']);
  });

  it('src of a projected GeoJSON with no crs: a message with the likely zone and coords="…"', async () => {
    const blob = new Blob([JSON.stringify(projected(false))], { type: 'application/geo+json' });
    const url = URL.createObjectURL(blob);
    let errors: ReturnType<typeof collect<'park-map-error'>> = [];
    const { element, loaded } = await mount({ lang: 'en', src: url }, (el) => {
      errors = collect(el, 'park-map-error');
    });
    URL.revokeObjectURL(url);
    expect(loaded.features).toEqual([]);
    const projectedIssue = errors.find((event) => event.detail.code === 'projected-coordinates');
    expect(projectedIssue?.detail.message).toContain('coords="EPSG:');
    // What the file says, quoted; no point made up from it.
    expect(projectedIssue?.detail.message).toContain('[440183.7, 2976205.2] is in metres');
    expect(projectedIssue?.detail.message).toContain('Gauss–Krüger');
    expect(projectedIssue?.detail.message).not.toMatch(/did you mean|\[1\d\d\.\d+, \d\d\.\d+\]/i);
    const root = shadow(element);
    await userEvent.click(root.querySelector<HTMLButtonElement>('.issues-toggle')!);
    await element.updateComplete;
    expect(text(root, '.issues-list')).toContain('coords="EPSG:4547"');

    // Stated, it shows: the same file with coords="EPSG:4547".
    document.body.replaceChildren();
    const again = URL.createObjectURL(blob);
    const stated = await mount({ coords: 'EPSG:4547', src: again });
    URL.revokeObjectURL(again);
    expect(stated.loaded.features.map((feature) => feature.id)).toEqual(['hy-1']);
  });
});
