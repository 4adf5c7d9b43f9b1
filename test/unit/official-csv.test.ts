// The officials' CSV: headers in the element's language with units, kinds and statuses in words,
// figures converted and written as numbers, qualifiers in words, the inherited hotline; read back
// with SheetJS as Excel reads a CSV (the BOM makes it UTF-8; numbers are number cells).
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { ParkFeature } from '../../src/data/types.js';
import { toOfficialCsv } from '../../src/export/official-csv.js';

const zone: ParkFeature = {
  type: 'Feature',
  id: 'zone',
  geometry: { type: 'Point', coordinates: [112.54, 27.73] },
  properties: {
    kind: 'zone',
    name: '湘乡经开区',
    'name:en': 'Xiangxiang Economic Development Zone',
    contact: { phone: '0731-56568888' },
  },
};
const park: ParkFeature = {
  type: 'Feature',
  id: 'park',
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [112.5, 27.7],
        [112.52, 27.7],
        [112.52, 27.72],
        [112.5, 27.72],
        [112.5, 27.7],
      ],
    ],
  },
  properties: {
    kind: 'park',
    name: '电子信息产业园',
    'name:en': 'Electronic Information Industrial Park',
    parent: 'zone',
    status: 'under_construction',
    progress: 60,
    investment: 1_705_500_000,
    floorArea: 700_000,
    landArea: 200_000,
    qualifiers: { floorArea: 'more_than', investment: 'about' },
    tenants: [{ name: '振添光学', 'name:en': 'Zhentian Optical' }],
    sources: [{ title: '报道一' }, { title: '报道二' }],
  },
};

/** The CSV's first sheet as Excel would read it: rows of cells with their types. */
function asExcel(csv: string) {
  const bytes = new TextEncoder().encode(csv);
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const book = XLSX.read(bytes, { type: 'array' });
  const sheet = book.Sheets[book.SheetNames[0]!]!;
  const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(sheet, { raw: true });
  return { sheet, rows };
}

describe('the officials’ CSV', () => {
  it('in Chinese: headers with units, words for kinds and statuses, figures in 亿元, 万平方米, 亩', () => {
    const { rows } = asExcel(toOfficialCsv([zone, park], 'zh-CN'));
    const [, row] = rows;
    expect(row).toMatchObject({
      名称: '电子信息产业园',
      英文名称: 'Electronic Information Industrial Park',
      类型: '产业园',
      所属: '湘乡经开区',
      状态: '在建',
      '进度（%）': 60,
      '投资额（亿元）': 17.055,
      '建筑面积（万平方米）': 70,
      '占地面积（亩）': 300,
      数值说明: '投资额：约；建筑面积：超过',
      入驻企业: '振添光学',
      招商热线: '0731-56568888',
      资料来源: '报道一；报道二',
    });
    // Numbers are number cells, not text that looks like numbers.
    expect(typeof row!['投资额（亿元）']).toBe('number');
    expect(row!['经度']).toBeCloseTo(112.51, 6);
    // The zone's own hotline; no status: an empty cell.
    expect(rows[0]).toMatchObject({
      名称: '湘乡经开区',
      类型: '开发区',
      招商热线: '0731-56568888',
    });
    expect(rows[0]!['状态']).toBeUndefined();
  });

  it('in English: English headers and names, CNY billion, m², ha', () => {
    const { rows } = asExcel(toOfficialCsv([park], 'en', [zone, park]));
    expect(rows[0]).toMatchObject({
      Name: 'Electronic Information Industrial Park',
      'Chinese name': '电子信息产业园',
      Kind: 'Park',
      'Part of': 'Xiangxiang Economic Development Zone',
      Status: 'Under construction',
      'Investment (CNY billion)': 1.7055,
      'Floor area (m²)': 700000,
      'Land area (ha)': 20,
      'Figure notes': 'Investment: about; Floor area: more than',
      Tenants: 'Zhentian Optical',
      'Investment hotline': '0731-56568888',
    });
  });

  it('text that a spreadsheet would run is neutralised; commas and quotes are quoted', () => {
    const hostile: ParkFeature = {
      ...park,
      properties: { kind: 'park', name: '=HYPERLINK("x")', statusNote: 'a, "b"' },
    };
    const csv = toOfficialCsv([hostile], 'zh-CN');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain('"a, ""b"""');
    const { rows } = asExcel(csv);
    expect(rows[0]!['名称']).toBe(`'=HYPERLINK("x")`);
  });
});
