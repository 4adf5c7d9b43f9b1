// CSV and GeoJSON export. Expected rows are written out by hand from the features in
// data/parks.geojson (coordinates: bbox centres computed with Python's '%.6f').
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ParkFeature, ParkFeatureCollection, ParkProperties } from '../../src/data/types';
import { CSV_COLUMNS, toCsv, toGeoJson } from '../../src/export/export';

const seed = JSON.parse(
  readFileSync(new URL('../../data/parks.geojson', import.meta.url), 'utf8'),
) as ParkFeatureCollection;
const byId = (id: string) => seed.features.find((f) => f.id === id) as ParkFeature;

const HEADER =
  'id,kind,name,name:en,parent,status,progress,statusDate,statusNote,investment,annualOutput,' +
  'annualTax,floorArea,landArea,floors,height,buildingCount,capacity,jobs,companies,tenants,' +
  'tenants:en,industries,aliases,operator,address,longitude,latitude,sources,' +
  'investment_qualifier,annualOutput_qualifier,annualTax_qualifier,floorArea_qualifier,' +
  'landArea_qualifier,floors_qualifier,height_qualifier,buildingCount_qualifier,' +
  'capacity_qualifier,jobs_qualifier,companies_qualifier,progress_qualifier';

/** The 12 qualifier cells of a feature without qualifiers. */
const NO_QUALIFIERS = Array<string>(12).fill('');

function feature(properties: Partial<ParkProperties>): ParkFeature {
  return {
    type: 'Feature',
    id: 'f',
    geometry: { type: 'Point', coordinates: [1, 2] },
    properties: { kind: 'park', name: 'n', ...properties },
  };
}

/** The data rows of a CSV (BOM, header and the final empty line removed). */
const rows = (csv: string) => csv.slice(1).split('\r\n').slice(1, -1);

describe('toCsv', () => {
  it('starts with a BOM and the header of stable keys, and ends every row with CRLF', () => {
    const csv = toCsv([]);
    expect(csv).toBe(`\uFEFF${HEADER}\r\n`);
    expect(CSV_COLUMNS.join(',')).toBe(HEADER);
  });

  it('writes a project with a tenant: empty cells for what it lacks', () => {
    expect(rows(toCsv([byId('hy-iflytek')]))).toEqual([
      [
        'hy-iflytek',
        'project',
        '科大讯飞衡阳智慧谷',
        'iFLYTEK Hengyang Smart Valley',
        'hy-hq-base',
        'planned',
        '',
        '2021-11',
        '即将签约落地',
        ...Array<string>(11).fill(''), // investment … companies
        '科大讯飞',
        'iFLYTEK',
        '',
        '',
        '',
        '',
        '112.552065',
        '26.912145',
        '项目建设“热火朝天” 招商引资“无缝对接”',
        ...NO_QUALIFIERS,
      ].join(','),
    ]);
  });

  it('writes figures in plain units, quotes cells with commas, lists sources once per title', () => {
    const [row] = rows(toCsv([byId('hy-ecommerce')]));
    expect(row).toBe(
      [
        'hy-ecommerce',
        'park',
        '衡阳高新电商产业园',
        'Hengyang High-tech E-commerce Industrial Park',
        'hy-zone',
        'operating',
        '',
        '2020-11-19',
        '"精装修1至4层完成,已于11月19日顺利开园"',
        '1000000000',
        '',
        '',
        '60000',
        ...Array<string>(7).fill(''), // landArea … companies (the 50 companies are a target)
        '光云科技; 鲸灵集团; 农民伯伯; 小雁科技; 大白返利',
        'Guangyun Technology; Jingling Group; Nongmin Bobo; Xiaoyan Technology; Dabai Fanli',
        '电商; 直播电商',
        '湘南湘西高新电商产业园; 湘南湘西电商产业园; 高新电商产业园; 电商产业园; 高新电商中心',
        '',
        '',
        '112.544611',
        '26.902287',
        '衡阳高新投资集团：倾力打造项目建设新高地; 加速培育新经济 抢占发展“黄金赛道”; 招商“选”资 瞄准双“500 强”',
        // 建筑面积约6万平方米 (003): the floor area is about.
        ...['', '', '', 'about', '', '', '', '', '', '', '', ''],
      ].join(','),
    );
  });

  it('writes one row per feature in the given order', () => {
    const csv = toCsv(seed.features);
    expect(rows(csv)).toHaveLength(127);
    expect(
      rows(csv)
        .map((row) => row.split(',')[0])
        .slice(0, 3),
    ).toEqual(['hy-zone', 'xx-zone', 'xt-hitech-zone']);
  });

  it('doubles quotes and quotes fields with quotes or line breaks (RFC 4180)', () => {
    // The whole file: the CRLF inside a cell would split `rows`.
    const csv = toCsv([feature({ name: 'say "hi"', statusNote: 'a\r\nb', operator: 'x\ny' })]);
    expect(csv).toContain(',"say ""hi""",');
    expect(csv).toContain(',"a\r\nb",');
    expect(csv).toContain(',"x\ny",');
  });

  it('neutralises text that a spreadsheet would run as a formula, not negative figures', () => {
    const csv = toCsv([
      feature({
        name: '=HYPERLINK("http://evil","x")',
        'name:en': '+1',
        operator: '-2+3',
        address: '@SUM(A1)',
        statusNote: '\tcmd',
        investment: -5,
      }),
    ]);
    const [row] = rows(csv);
    expect(row).toBe(
      [
        'f',
        'park',
        `"'=HYPERLINK(""http://evil"",""x"")"`,
        "'+1",
        '',
        '',
        '',
        '',
        "'\tcmd",
        '-5',
        ...Array<string>(10).fill(''),
        '',
        '',
        '',
        '',
        "'-2+3",
        "'@SUM(A1)",
        '1',
        '2',
        '',
        ...NO_QUALIFIERS,
      ].join(','),
    );
  });

  it('never writes an exponent or thousands separator', () => {
    const [row] = rows(toCsv([feature({ investment: 1e21, floorArea: 1234567.5 })]));
    expect(row?.split(',')[9]).toBe('1000000000000000000000');
    expect(row?.split(',')[12]).toBe('1234567.5');
  });

  it('does not mutate the features', () => {
    const features = [structuredClone(byId('hy-ecommerce'))];
    const copy = structuredClone(features);
    toCsv(features);
    toGeoJson(features);
    expect(features).toEqual(copy);
  });
});

describe('toGeoJson', () => {
  it('writes exactly the given features with their original properties, pretty-printed', () => {
    const features = [byId('hy-hq-s6'), byId('hy-iflytek')];
    const text = toGeoJson(features);
    expect(JSON.parse(text)).toEqual({ type: 'FeatureCollection', features });
    expect(text.startsWith('{\n  "type": "FeatureCollection",\n  "features": [\n')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('writes an empty collection for no features', () => {
    expect(toGeoJson([])).toBe('{\n  "type": "FeatureCollection",\n  "features": []\n}\n');
  });
});
