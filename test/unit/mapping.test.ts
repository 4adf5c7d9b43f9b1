// Field mapping (src/data/mapping.ts) through validation: files written by others — a DataV
// district file, a points list with Chinese field names, an OpenStreetMap/Tilezen extract, a GIS
// export with figures in 亿元 and 亩 — read into our schema, every guess told once for the file.
import { describe, expect, test } from 'vitest';
import { describeIssue } from '../../src/data/issue-messages';
import { mapParkData, mergeMapping, unitFromFieldName } from '../../src/data/mapping';
import { validateParkData } from '../../src/data/validate/index.js';

const square = (x: number, y: number, d = 0.01) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + d, y],
      [x + d, y + d],
      [x, y + d],
      [x, y],
    ],
  ],
});
const point = (x: number, y: number) => ({ type: 'Point', coordinates: [x, y] });
const collection = (features: unknown[]) => ({ type: 'FeatureCollection', features });

/** The shape of a DataV (阿里云 DataV.GeoAtlas) district file: adcode, name, parent as an object. */
const datav = () =>
  collection([
    {
      type: 'Feature',
      geometry: square(112.5, 26.8, 0.3),
      properties: { adcode: 430407, name: '石鼓区', level: 'district', parent: { adcode: 430400 } },
    },
    {
      type: 'Feature',
      geometry: square(112.6, 26.9, 0.3),
      properties: { adcode: 430408, name: '蒸湘区', level: 'district', parent: { adcode: 430400 } },
    },
    {
      type: 'Feature',
      geometry: square(112.4, 26.7, 0.8),
      properties: { adcode: 430400, name: '衡阳市', level: 'city', parent: { adcode: 430000 } },
    },
  ]);

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

describe('a DataV district file', () => {
  test('id-field adcode and default-kind zone: every feature loads, ids as text, parents read', () => {
    const result = validateParkData(deepFreeze(datav()), {
      mapping: { id: 'adcode', defaultKind: 'zone' },
    });
    expect(
      result.collection.features.map((f) => [f.id, f.properties.kind, f.properties.parent]),
    ).toEqual([
      ['430407', 'zone', '430400'],
      ['430408', 'zone', '430400'],
      ['430400', 'zone', '430000'],
    ]);
    // DataV's own fields stay beside ours.
    expect(result.collection.features[0]?.properties).toMatchObject({
      adcode: 430407,
      level: 'district',
    });
    const codes = result.errors.map((issue) => [
      issue.code,
      issue.severity,
      issue.params?.['count'],
    ]);
    expect(codes).toEqual([
      ['guessed-parent-adcode', 'warning', 3],
      ['default-kind-applied', 'warning', 3],
      // The city's parent (the province) is not in the file.
      ['parent-not-found', 'warning', undefined],
    ]);
  });

  test('without a mapping: ids are generated (told once), kinds are missing — each group named', () => {
    const result = validateParkData(datav());
    expect(result.collection.features).toHaveLength(0);
    const generated = result.errors.find((issue) => issue.code === 'generated-ids');
    expect(generated?.params).toMatchObject({
      count: 3,
      examples: 'features[0], features[1], features[2]',
    });
    expect(result.errors.filter((issue) => issue.code === 'missing-kind')).toHaveLength(3);
    expect(describeIssue(generated!, 'zh-CN')).toContain('3 个要素完全没有 id');
  });

  test('the same file gives the same generated ids each time; the input is not changed', () => {
    const file = deepFreeze(datav());
    const before = JSON.stringify(file);
    const once = mapParkData(file).json as { features: { id: string }[] };
    const twice = mapParkData(JSON.parse(before)).json as { features: { id: string }[] };
    expect(once.features.map((f) => f.id)).toEqual(twice.features.map((f) => f.id));
    expect(new Set(once.features.map((f) => f.id)).size).toBe(3);
    expect(JSON.stringify(file)).toBe(before);
  });
});

describe('a points list with Chinese field names', () => {
  const points = () =>
    collection([
      {
        type: 'Feature',
        id: 1,
        geometry: point(112.57, 26.89),
        properties: {
          名称: '衡阳综合保税区',
          地址: '衡阳市雁峰区白沙洲',
          状态: '已投产',
          投资额: '12.5',
        },
      },
      {
        type: 'Feature',
        id: 2,
        geometry: point(112.58, 26.9),
        properties: { 名称: '湘乡经开区', 地址: '湘乡市', 状态: '在建', 投资额: 3 },
      },
    ]);

  test('names guessed from 名称 (told once, naming the field); fields and value maps given', () => {
    const result = validateParkData(points(), {
      mapping: {
        defaultKind: 'park',
        status: { field: '状态', values: { 在建: 'under_construction' } },
        fields: { address: '地址', investment: { field: '投资额', unit: '亿元' } },
      },
    });
    expect(
      result.collection.features.map((f) => [
        f.id,
        f.properties.name,
        f.properties.status,
        f.properties.address,
        f.properties.investment,
      ]),
    ).toEqual([
      ['1', '衡阳综合保税区', 'operating', '衡阳市雁峰区白沙洲', 1_250_000_000],
      ['2', '湘乡经开区', 'under_construction', '湘乡市', 300_000_000],
    ]);
    const name = result.errors.find((issue) => issue.code === 'guessed-name-field');
    expect(name?.params).toMatchObject({ field: '名称', count: 2 });
    expect(name?.reason).toContain('set name-field="名称"');
    // 已投产 was not in the value map: read as our word for it, and said so.
    const status = result.errors.find((issue) => issue.code === 'guessed-status-value');
    expect(status?.params).toMatchObject({
      field: '状态',
      value: '已投产',
      status: 'operating',
      count: 1,
    });
    // A unit given in the mapping is no guess; the figures are in yuan.
    expect(result.errors.some((issue) => issue.code === 'field-unit-converted')).toBe(false);
  });

  test('a unit in the field name is read, the conversion stated', () => {
    const file = collection([
      {
        type: 'Feature',
        id: 'p1',
        geometry: square(112.57, 26.89),
        properties: { kind: 'plot', name: '地块一', '占地面积（亩）': 50, '投资额(亿元)': 1.2 },
      },
    ]);
    const result = validateParkData(file, {
      mapping: { fields: { landArea: '占地面积（亩）', investment: '投资额(亿元)' } },
    });
    const props = result.collection.features[0]?.properties;
    // 亩 as a figure written as text is read: to m², rounded to cm².
    expect(props?.landArea).toBe(33_333.33);
    expect(props?.investment).toBe(120_000_000);
    const converted = result.errors.filter((issue) => issue.code === 'field-unit-converted');
    expect(converted.map((issue) => [issue.params?.['unit'], issue.params?.['factor']])).toEqual([
      ['亩', 666.67],
      ['亿元', 1e8],
    ]);
    expect(describeIssue(converted[1]!, 'en')).toContain('converted ×100000000 to yuan');
    expect(describeIssue(converted[0]!, 'zh-CN')).toContain('换算为平方米');
  });

  test('square kilometres in a field name, 平方千米 or 平方公里, are read as 10^6 m²', () => {
    const file = collection([
      {
        type: 'Feature',
        id: 'p1',
        geometry: square(112.57, 26.89),
        properties: { kind: 'park', name: '园区一', '面积（平方千米）': 1.2 },
      },
      {
        type: 'Feature',
        id: 'p2',
        geometry: square(112.58, 26.89),
        properties: { kind: 'park', name: '园区二', '面积（平方千米）': '0.35' },
      },
    ]);
    const result = validateParkData(file, {
      mapping: { fields: { landArea: '面积（平方千米）' } },
    });
    expect(result.collection.features.map((feature) => feature.properties.landArea)).toEqual([
      1_200_000, 350_000,
    ]);
    const other = validateParkData(
      collection([
        {
          type: 'Feature',
          id: 'p1',
          geometry: square(112.57, 26.89),
          properties: { kind: 'park', name: '园区一', '面积（平方公里）': 2 },
        },
      ]),
      { mapping: { fields: { landArea: '面积（平方公里）' } } },
    );
    expect(other.collection.features[0]?.properties.landArea).toBe(2_000_000);
  });

  test('units read from field names', () => {
    expect(unitFromFieldName('投资额(亿元)')).toBe('亿元');
    expect(unitFromFieldName('占地面积（亩）')).toBe('亩');
    expect(unitFromFieldName('area [ha]')).toBe('ha');
    expect(unitFromFieldName('建筑面积（万平方米）')).toBe('万平方米');
    expect(unitFromFieldName('面积（平方千米）')).toBe('平方千米');
    expect(unitFromFieldName('面积（平方公里）')).toBe('平方公里');
    expect(unitFromFieldName('area (km²)')).toBe('km²');
    expect(unitFromFieldName('投资额')).toBeUndefined();
    expect(unitFromFieldName('备注(其他)')).toBeUndefined();
  });
});

describe('foreign vocabularies', () => {
  const tilezen = () =>
    collection([
      {
        type: 'Feature',
        id: 'w1',
        geometry: square(112.57, 26.89),
        properties: {
          kind: 'park',
          kind_detail: 'park',
          name: '岳屏公园',
          source: 'openstreetmap.org',
        },
      },
      {
        type: 'Feature',
        id: 'w2',
        geometry: square(112.59, 26.89),
        properties: { kind: 'path', name: '蒸水堤', min_zoom: 14 },
      },
    ]);

  test('an OSM/Tilezen "park" is not our park: left out with its own message, no "did you mean"', () => {
    const result = validateParkData(tilezen());
    expect(result.collection.features).toHaveLength(0);
    expect(result.errors.map((issue) => [issue.code, issue.params?.['value']])).toEqual([
      ['foreign-kind', 'park'],
      ['foreign-kind', 'path'],
    ]);
    expect(result.errors[0]?.reason).toContain('a "park" is a green park');
    expect(result.errors.map((issue) => issue.reason).join(' ')).not.toContain('Did you mean');
  });

  test('default-kind applies to them, said once, their own kind kept as sourceKind', () => {
    const result = validateParkData(tilezen(), { mapping: { defaultKind: 'plot' } });
    expect(
      result.collection.features.map((f) => [f.properties.kind, f.properties['sourceKind']]),
    ).toEqual([
      ['plot', 'park'],
      ['plot', 'path'],
    ]);
    expect(
      result.errors.map((issue) => [issue.code, issue.params?.['value'], issue.params?.['count']]),
    ).toEqual([
      ['default-kind-applied', 'park', 1],
      ['default-kind-applied', 'path', 1],
    ]);
  });

  test('a far word gets no suggestion; a slip does', () => {
    const one = (kind: string) =>
      validateParkData(
        collection([
          {
            type: 'Feature',
            id: 'a',
            geometry: point(112.5, 26.9),
            properties: { kind, name: 'x' },
          },
        ]),
      ).errors[0]?.params?.['suggestion'];
    expect(one('path')).toBeUndefined();
    expect(one('water')).toBeUndefined();
    expect(one('parc')).toBe('park');
    expect(one('buidling')).toBe('building');
  });
});

describe('mergeMapping: the element attributes and the fields property', () => {
  test('attributes win; an unknown default kind is not taken; nothing given is no mapping', () => {
    expect(
      mergeMapping({ id: 'OBJECTID', name: 'NAME' }, { idField: 'adcode', defaultKind: 'zone' }),
    ).toEqual({
      id: 'adcode',
      name: 'NAME',
      defaultKind: 'zone',
    });
    // The attribute names the field; the rule's value map stays.
    expect(
      mergeMapping(
        { status: { field: '状态', values: { 前期: 'planned' } } },
        { statusField: '建设状态' },
      ),
    ).toEqual({ status: { field: '建设状态', values: { 前期: 'planned' } } });
    expect(mergeMapping(null, { defaultKind: 'green' })).toBeUndefined();
    expect(mergeMapping(undefined, {})).toBeUndefined();
  });
});

describe('the mapping warnings in English: one feature or many', () => {
  const say = (code: string, count: number) =>
    describeIssue(
      {
        path: '',
        code,
        severity: 'warning',
        reason: '',
        params: {
          count,
          field: '名称',
          examples: '"a"',
          value: '在建',
          status: 'under_construction',
          property: 'investment',
          unit: '亿元',
          factor: '100000000',
        },
      },
      'en',
    );
  test.each([
    [
      'guessed-id-field',
      '1 feature has no "id" of its own; its',
      '2 features have no "id" of their own; their',
    ],
    [
      'generated-ids',
      '1 feature has no id at all ("a"); it was given',
      '2 features have no id at all ("a"); each was given',
    ],
    [
      'guessed-name-field',
      '1 feature has no "name"; its "名称"',
      '2 features have no "name"; their "名称"',
    ],
    ['guessed-parent-adcode', '1 feature names its parent', '2 features name their parent'],
    ['guessed-status-value', 'in 1 feature ("a")', 'in 2 features ("a")'],
    ['field-unit-converted', 'to yuan in 1 feature.', 'to yuan in 2 features.'],
  ])('%s', (code, single, plural) => {
    expect(say(code, 1)).toContain(single);
    expect(say(code, 2)).toContain(plural);
    expect(say(code, 1)).not.toContain('1 features');
  });
});
