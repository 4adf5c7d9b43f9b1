// Qualifiers kept as data (约, 余/多/超, 以上, 可达): read from text, checked, and their messages.
import { describe, expect, test } from 'vitest';
import { describeIssue } from '../../src/data/issue-messages';
import type { ParkFeature, Qualifier } from '../../src/data/types';
import { readFormat } from '../../src/data/formats/index';
import { parseFigureText, validateParkData } from '../../src/data/validate/index.js';
import { toCsv, toGeoJson } from '../../src/export/export';
import { decodeTileProperties } from '../../src/map/tile-source';
import { totals } from '../../src/explore/filter';
import { sumQualifier } from '../../src/explore/sum-qualifier';
import { formatStatValue } from '../../src/i18n/extra-labels';
import { formatFigure, formatPercent } from '../../src/i18n/format';
import { qualifierOf, qualifyFigure, qualifyTotal } from '../../src/i18n/qualifiers';

const building = (properties: Record<string, unknown>) => ({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      id: 'b',
      geometry: { type: 'Point', coordinates: [112.6, 26.9] },
      properties: { kind: 'building', name: '总部基地5号楼', ...properties },
    },
  ],
});

const run = (properties: Record<string, unknown>) => {
  const result = validateParkData(building(properties));
  return {
    properties: result.collection.features[0]?.properties as Record<string, unknown>,
    issues: result.errors.map(({ path, code, severity }) => [
      path.replace('features[0].properties.', ''),
      code,
      severity,
    ]),
    en: result.errors.map((issue) => issue.reason),
    zh: result.errors.map((issue) => describeIssue(issue, 'zh-CN')),
  };
};

describe('parseFigureText keeps the qualifier it reads', () => {
  test.each([
    ['70万余平方米', 'm2', 700_000, 'more_than'], // 70 × 10^4, 余 after the 万
    ['800余人', 'jobs', 800, 'more_than'],
    ['500多万元', 'yuan', 5_000_000, 'more_than'], // 多 before the 万
    ['260多亩', 'm2', 173_333.33, 'more_than'], // 260 × 10000/15
    ['超6000人', 'jobs', 6000, 'more_than'],
    ['超过10亿元', 'yuan', 1_000_000_000, 'more_than'],
    ['逾100家', 'companies', 100, 'more_than'],
    ['约16万平方米', 'm2', 160_000, 'about'],
    ['大约5亿元', 'yuan', 500_000_000, 'about'],
    ['近3000人', 'jobs', 3000, 'about'], // nearly: an approximation
    ['50家左右', 'companies', 50, 'about'],
    ['20亿元以上', 'yuan', 2_000_000_000, 'at_least'],
    ['90%以上', 'percent', 90, 'at_least'],
    ['可达10亿元', 'yuan', 1_000_000_000, 'up_to'],
  ] as const)('%s → %d, %s', (text, unit, number, qualifier) => {
    const parsed = parseFigureText(text, unit);
    expect(parsed?.number).toBe(number);
    expect(parsed?.qualifier).toBe(qualifier);
  });

  test.each([
    ['达30亿元', 'yuan', 3_000_000_000], // 达 (reached) says nothing about a bound
    ['达到3.25亿元', 'yuan', 325_000_000],
    ['共计42家', 'companies', 42],
    ['10亿元', 'yuan', 1_000_000_000],
  ] as const)('%s → %d, no qualifier', (text, unit, number) => {
    expect(parseFigureText(text, unit)).toEqual({ number });
  });

  test.each([
    ['多元', 'yuan'], // 多 in a word, no number
    ['3多元化', 'yuan'], // no unit after the 多
    ['10余万余元', 'yuan'], // 余 twice is no figure
  ] as const)('%s → undefined', (text, unit) => {
    expect(parseFigureText(text, unit)).toBeUndefined();
  });
});

describe('validation of qualifiers', () => {
  test('valid qualifiers stay as they are, for figures, progress, counts and targets', () => {
    const qualifiers = { floorArea: 'more_than', workers: 'more_than', progress: 'at_least' };
    const targets = {
      jobs: 6000,
      talents: 300,
      qualifiers: { jobs: 'more_than', talents: 'up_to' },
    };
    const { properties, issues } = run({
      floorArea: 700_000,
      workers: 800,
      progress: 90,
      qualifiers,
      targets,
    });
    expect(issues).toEqual([]);
    expect(properties['qualifiers']).toEqual(qualifiers);
    expect(properties['targets']).toEqual(targets);
  });

  test('unknown-qualifier-key: a key that is no figure, named with feature and field', () => {
    const { properties, issues, en, zh } = run({
      floorArea: 700_000,
      qualifiers: { floor_area: 'more_than', name: 'about' },
    });
    expect(issues).toEqual([
      ['qualifiers.floor_area', 'unknown-qualifier-key', 'warning'],
      ['qualifiers.name', 'unknown-qualifier-key', 'warning'],
    ]);
    expect('qualifiers' in properties).toBe(false);
    expect(en[0]).toBe(
      'Feature "b" (总部基地5号楼), properties.qualifiers.floor_area: "floor_area" is not a figure, so it cannot have a qualifier; name a figure such as investment, floorArea, landArea, jobs, companies or progress. Did you mean "floorArea"? The qualifier is ignored until then.',
    );
    expect(zh[0]).toBe(
      '要素“b”（总部基地5号楼）的 properties.qualifiers.floor_area：“floor_area”不是数值字段，不能带限定词；请写数值字段名，例如 investment、floorArea、landArea、jobs、companies 或 progress。是否应为“floorArea”？修改前该限定词不起作用。',
    );
  });

  test('unknown-qualifier: a value not in the list, with the word it most likely meant', () => {
    const { properties, issues, en, zh } = run({
      floorArea: 700_000,
      investment: 1e9,
      qualifiers: { floorArea: '余', investment: 'more than' },
    });
    expect(issues).toEqual([
      ['qualifiers.floorArea', 'unknown-qualifier', 'warning'],
      ['qualifiers.investment', 'unknown-qualifier', 'warning'],
    ]);
    expect(properties['floorArea']).toBe(700_000);
    expect('qualifiers' in properties).toBe(false);
    expect(en[0]).toBe(
      'Feature "b" (总部基地5号楼), properties.qualifiers.floorArea: "余" is not a qualifier of floorArea; use one of about, more_than, at_least, up_to. Did you mean "more_than"? The figure is shown without it until then.',
    );
    expect(en[1]).toContain('Did you mean "more_than"?');
    expect(zh[0]).toBe(
      '要素“b”（总部基地5号楼）的 properties.qualifiers.floorArea：“余”不是 floorArea 的有效限定词，应为 about（约）、more_than（余、多、超）、at_least（以上）、up_to（可达） 之一。是否应为“more_than（余、多、超）”？修改前该数值不带限定词显示。',
    );
  });

  test('qualifier-without-figure: a qualifier for a figure the feature lacks; the others stay', () => {
    const { properties, issues, en, zh } = run({
      floorArea: 700_000,
      qualifiers: { floorArea: 'about', investment: 'at_least' },
      targets: { jobs: 100, qualifiers: { annualTax: 'at_least' } },
    });
    expect(issues).toEqual([
      ['targets.qualifiers.annualTax', 'qualifier-without-figure', 'warning'],
      ['qualifiers.investment', 'qualifier-without-figure', 'warning'],
    ]);
    expect(properties['qualifiers']).toEqual({ floorArea: 'about' });
    expect(properties['targets']).toEqual({ jobs: 100 });
    expect(en[1]).toBe(
      'Feature "b" (总部基地5号楼), properties.qualifiers.investment: The qualifier "at_least" is for investment, which this feature does not state; add the figure or remove the qualifier. It is ignored until then.',
    );
    expect(zh[1]).toBe(
      '要素“b”（总部基地5号楼）的 properties.qualifiers.investment：限定词“at_least（以上）”针对的 investment 在该要素中没有数值；请补上该数值或删去限定词。修改前该限定词不起作用。',
    );
  });

  test('qualifiers that are not an object are left out with an example', () => {
    const { properties, issues, en } = run({ floorArea: 1, qualifiers: 'more_than' });
    expect(issues).toEqual([['qualifiers', 'not-an-object', 'warning']]);
    expect('qualifiers' in properties).toBe(false);
    expect(en[0]).toContain('for example {"floorArea": "more_than"}');
  });

  test('a figure written as text with its word: the message says how to keep the qualifier', () => {
    const { issues, en, zh } = run({ floorArea: '70万余平方米' });
    expect(issues).toEqual([['floorArea', 'figure-as-text', 'warning']]);
    expect(en[0]).toContain(
      'write the number 700000 (m²) and keep the qualifier as "qualifiers": {"floorArea": "more_than"}.',
    );
    expect(zh[0]).toContain(
      '请填写数字 700000（单位：平方米），并把限定词写作 "qualifiers": {"floorArea": "more_than"}。',
    );
  });
});

describe('field mapping keeps the qualifier of a cell', () => {
  const rows = (cells: unknown[]) => ({
    type: 'FeatureCollection',
    features: cells.map((cell, i) => ({
      type: 'Feature',
      id: `p${i + 1}`,
      geometry: { type: 'Point', coordinates: [112.6, 26.9] },
      properties: { kind: 'park', name: `园区${i + 1}`, '建筑面积（万平方米）': cell },
    })),
  });
  const mapping = { fields: { floorArea: '建筑面积（万平方米）' } };

  test('"70余" in 建筑面积（万平方米） → floorArea 700000, qualifiers.floorArea more_than, and a note', () => {
    const result = validateParkData(rows(['70余', '约16', '5以上', 2.73]), { mapping });
    const props = result.collection.features.map((f) => [
      f.properties.floorArea,
      f.properties.qualifiers,
    ]);
    expect(props).toEqual([
      [700_000, { floorArea: 'more_than' }], // 70 × 10^4
      [160_000, { floorArea: 'about' }],
      [50_000, { floorArea: 'at_least' }],
      [27_300, undefined],
    ]);
    const kept = result.errors.filter((issue) => issue.code === 'field-qualifier-kept');
    expect(kept.map((issue) => [issue.params?.['qualifier'], issue.params?.['count']])).toEqual([
      ['more_than', 1],
      ['about', 1],
      ['at_least', 1],
    ]);
    expect(kept[0]?.reason).toBe(
      '"建筑面积（万平方米）": the word "余" beside the number was kept as qualifiers.floorArea = "more_than" in 1 feature (features[0]); the number is the one stated.',
    );
    expect(describeIssue(kept[0]!, 'zh-CN')).toBe(
      '"建筑面积（万平方米）" 中数字旁的“余”已保留为 qualifiers.floorArea = "more_than（余、多、超）"，共 1 个要素（features[0]）；数值按原文所写。',
    );
    // No other warning: the qualifier names a figure the feature states.
    expect(
      result.errors.filter(
        (issue) => !['field-qualifier-kept', 'field-unit-converted'].includes(issue.code),
      ),
    ).toEqual([]);
  });

  test('the source qualifiers object is copied, never changed', () => {
    const file = rows(['可达10']);
    const own = { investment: 'about' };
    (file.features[0]!.properties as Record<string, unknown>)['qualifiers'] = own;
    (file.features[0]!.properties as Record<string, unknown>)['investment'] = 5;
    const result = validateParkData(file, { mapping });
    expect(result.collection.features[0]?.properties.qualifiers).toEqual({
      investment: 'about',
      floorArea: 'up_to',
    });
    expect(own).toEqual({ investment: 'about' });
  });

  test('a word that is no qualifier leaves the cell as text (validation says so)', () => {
    const result = validateParkData(rows(['七十']), { mapping });
    expect(result.collection.features[0]?.properties.floorArea).toBeUndefined();
    expect(result.errors.map((issue) => issue.code)).toContain('figure-not-number');
  });
});

describe('qualified figures in both languages', () => {
  test.each([
    ['floorArea', 700_000, 'more_than', '70万余平方米', 'over 700,000 m²'],
    ['floorArea', 160_000, 'about', '约16万平方米', 'about 160,000 m²'],
    ['investment', 500_000_000, 'at_least', '5亿元以上', 'at least CNY 500 million'],
    ['investment', 1_000_000_000, 'up_to', '可达10亿元', 'up to CNY 1 billion'],
    ['investment', 5_000_000, 'more_than', '500万余元', 'over CNY 5 million'],
    ['jobs', 800, 'more_than', '800余人', 'over 800 jobs'],
    ['jobs', 1000, 'at_least', '1000人以上', 'at least 1,000 jobs'],
    // land area with 亩 in brackets: the word goes with the main figure
    ['landArea', 173_333, 'more_than', '17.3333万余平方米（260亩）', 'over 173,333 m² (260 mu)'],
    [
      'landArea',
      173_333,
      'at_least',
      '17.3333万平方米以上（260亩）',
      'at least 173,333 m² (260 mu)',
    ],
  ] as const)('%s %d %s → %s / %s', (key, value, qualifier, zh, en) => {
    expect(qualifyFigure(formatFigure(key, value, 'zh-CN'), qualifier, 'zh-CN')).toBe(zh);
    expect(qualifyFigure(formatFigure(key, value, 'en'), qualifier, 'en')).toBe(en);
  });

  test('a percentage reads 超过 in Chinese (90余% is no Chinese), 以上 after it', () => {
    expect(qualifyFigure(formatPercent(95, 'zh-CN'), 'more_than', 'zh-CN')).toBe('超过95%');
    expect(qualifyFigure(formatPercent(90, 'zh-CN'), 'at_least', 'zh-CN')).toBe('90%以上');
    expect(qualifyFigure(formatPercent(90, 'en'), 'at_least', 'en')).toBe('at least 90%');
  });

  test('no qualifier, or one not in the list, leaves the figure as it is', () => {
    expect(qualifyFigure('70万平方米', undefined, 'zh-CN')).toBe('70万平方米');
    expect(qualifierOf({ floorArea: 'roughly' }, 'floorArea')).toBeUndefined();
    expect(qualifierOf({ floorArea: 'about' }, 'floorArea')).toBe('about');
    expect(qualifierOf({}, 'toString')).toBeUndefined();
    expect(qualifierOf('about', 'floorArea')).toBeUndefined();
  });

  test('totals say what they bound: 超过, 不少于, 约, 最多 / over, at least, about, up to', () => {
    expect(qualifyTotal('77.6万平方米', 'more_than', 'zh-CN')).toBe('超过77.6万平方米');
    expect(qualifyTotal('20亿元', 'at_least', 'zh-CN')).toBe('不少于20亿元');
    expect(qualifyTotal('20亿元', 'about', 'zh-CN')).toBe('约20亿元');
    expect(qualifyTotal('20亿元', 'up_to', 'zh-CN')).toBe('最多20亿元');
    expect(qualifyTotal('CNY 2 billion', 'more_than', 'en')).toBe('over CNY 2 billion');
    expect(qualifyTotal('CNY 2 billion', 'at_least', 'en')).toBe('at least CNY 2 billion');
  });
});

describe('sumQualifier: the qualifier of a sum', () => {
  test.each([
    [[], undefined],
    [[undefined, undefined], undefined], // plain figures
    [[undefined, 'more_than'], 'more_than'], // exact + more than x = more than
    [['at_least', undefined], 'at_least'],
    [['at_least', 'more_than'], 'more_than'], // ≥ a and > b: > a + b
    [['up_to', undefined], 'up_to'],
    [['about', 'more_than'], 'about'],
    [['about', undefined], 'about'],
    [['more_than', 'up_to'], 'about'], // a lower and an upper bound: neither holds
    [['at_least', 'up_to'], 'about'],
  ] as [(Qualifier | undefined)[], Qualifier | undefined][])('%j → %s', (parts, expected) => {
    expect(sumQualifier(parts)).toBe(expected);
  });
});

describe('totals carry the qualifier of what they add', () => {
  const feature = (id: string, properties: Record<string, unknown>): ParkFeature => ({
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: [0, 0] },
    properties: { kind: 'park', name: id, ...properties },
  });
  const features = [
    feature('a', { floorArea: 700_000, qualifiers: { floorArea: 'more_than' } }),
    feature('b', { floorArea: 60_000, jobs: 100, qualifiers: { floorArea: 'about' } }),
    feature('c', { floorArea: 6000, parent: 'a', qualifiers: { floorArea: 'up_to' } }),
    feature('d', { investment: 5e8, qualifiers: { investment: 'at_least' } }),
  ];

  test('a more_than figure makes the total "more than"; about wins; children covered by a parent do not count', () => {
    const all = totals(features, ['a', 'b', 'c', 'd']);
    expect(all.floorArea).toBe(760_000); // c is inside a: not added
    expect(all.qualifiers).toEqual({ floorArea: 'about', investment: 'at_least' });
    expect(totals(features, ['a']).qualifiers).toEqual({ floorArea: 'more_than' });
    // Without its parent, c's up_to is added beside a's lower bound… only c here: up_to.
    expect(totals(features, ['c']).qualifiers).toEqual({ floorArea: 'up_to' });
    expect(totals(features, ['b']).qualifiers).toEqual({ floorArea: 'about' });
    expect(totals(features, []).qualifiers).toEqual({});
  });
});

describe('CSV: qualifier columns out and back in', () => {
  const parks: ParkFeature[] = [
    {
      type: 'Feature',
      id: 'hq',
      geometry: { type: 'Point', coordinates: [112.6, 26.9] },
      properties: {
        kind: 'park',
        name: '总部基地',
        floorArea: 700_000,
        workers: 800,
        progress: 90,
        companies: 10,
        qualifiers: { floorArea: 'more_than', progress: 'at_least', companies: 'more_than' },
      },
    },
    {
      type: 'Feature',
      id: 'ec',
      geometry: { type: 'Point', coordinates: [112.61, 26.91] },
      properties: {
        kind: 'park',
        name: '电商产业园',
        investment: 1e9,
        floorArea: 60_000,
        qualifiers: { floorArea: 'about', investment: 'up_to' },
      },
    },
  ];

  test('the export writes one *_qualifier column per figure after the sources', () => {
    const csv = toCsv(parks);
    const [header, first, second] = csv.slice(1).split('\r\n');
    const columns = header!.split(',');
    const at = columns.indexOf('sources');
    expect(columns.slice(at + 1)).toEqual([
      'investment_qualifier',
      'annualOutput_qualifier',
      'annualTax_qualifier',
      'floorArea_qualifier',
      'landArea_qualifier',
      'floors_qualifier',
      'height_qualifier',
      'buildingCount_qualifier',
      'capacity_qualifier',
      'jobs_qualifier',
      'companies_qualifier',
      'progress_qualifier',
    ]);
    const cell = (row: string, column: string) => row.split(',')[columns.indexOf(column)];
    expect(cell(first!, 'floorArea_qualifier')).toBe('more_than');
    expect(cell(first!, 'progress_qualifier')).toBe('at_least');
    expect(cell(first!, 'companies_qualifier')).toBe('more_than');
    expect(cell(first!, 'investment_qualifier')).toBe('');
    expect(cell(second!, 'investment_qualifier')).toBe('up_to');
    expect(cell(second!, 'floorArea_qualifier')).toBe('about');
  });

  test('a CSV the export wrote reads back with the same figures and qualifiers', async () => {
    const bytes = new TextEncoder().encode(toCsv(parks));
    const read = await readFormat(bytes, { name: 'parks.csv' });
    expect(read.ok).toBe(true);
    const { collection, errors } = validateParkData(read.ok ? read.json : null);
    expect(errors.filter((issue) => /qualifier/.test(issue.code))).toEqual([]);
    expect(
      collection.features.map(({ properties: p }) => [
        p.name,
        p.floorArea,
        p.investment,
        p.progress,
        p.companies,
        p.qualifiers,
      ]),
    ).toEqual([
      [
        '总部基地',
        700_000,
        undefined,
        90,
        10,
        { floorArea: 'more_than', companies: 'more_than', progress: 'at_least' },
      ],
      [
        '电商产业园',
        60_000,
        1e9,
        undefined,
        undefined,
        { investment: 'up_to', floorArea: 'about' },
      ],
    ]);
    // workers has no CSV column (nor its qualifier): nothing says it was there.
    expect(collection.features[0]?.properties.workers).toBeUndefined();
  });

  test('GeoJSON export keeps qualifiers as they are; vector tiles carry them as JSON text', () => {
    const written = JSON.parse(toGeoJson(parks)) as { features: ParkFeature[] };
    expect(written.features.map((f) => f.properties.qualifiers)).toEqual(
      parks.map((f) => f.properties.qualifiers),
    );
    expect(
      decodeTileProperties({
        id: 'hq',
        qualifiers: JSON.stringify(parks[0]!.properties.qualifiers),
      }),
    ).toEqual({ qualifiers: parks[0]!.properties.qualifiers });
  });

  test('a qualifier column with a word that is not ours is read, and validation names it', async () => {
    const text =
      'name,kind,longitude,latitude,floorArea,floorArea_qualifier\n园区,park,112.6,26.9,70,余\n';
    const read = await readFormat(new TextEncoder().encode(text), { name: 'own.csv' });
    const { errors } = validateParkData(read.ok ? read.json : null);
    const issue = errors.find((one) => one.code === 'unknown-qualifier');
    expect(issue?.path).toBe('features[0].properties.qualifiers.floorArea');
    expect(issue?.reason).toContain('Did you mean "more_than"?');
  });
});

describe('a statistic with its own qualifier', () => {
  const workers = { label: '施工现场工人', value: 1300, unit: '人', 'unit:en': 'people' };

  test('is shown with it: 1300余人 / over 1,300 people', () => {
    const stat = { ...workers, qualifier: 'more_than' };
    expect(formatStatValue(stat, 'zh-CN')).toBe('1300余人');
    expect(formatStatValue(stat, 'en')).toBe('over 1,300 people');
    expect(formatStatValue({ ...workers, qualifier: 'up_to' }, 'zh-CN')).toBe('可达1300人');
    expect(formatStatValue(workers, 'zh-CN')).toBe('1300人');
  });

  test('a qualifier not in the list is left out with unknown-qualifier, naming the stat', () => {
    const { properties, issues, en } = run({ stats: [{ ...workers, qualifier: '多' }] });
    expect(issues).toEqual([['stats[0].qualifier', 'unknown-qualifier', 'warning']]);
    expect(properties['stats']).toEqual([workers]);
    expect(en[0]).toContain('"多" is not a qualifier of 施工现场工人;');
    expect(en[0]).toContain('Did you mean "more_than"?');
  });
});
