import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { describeIssue, ISSUE_CODES, ISSUE_CODES_ZH } from '../../src/data/issue-messages';
import type { DataIssue, Position } from '../../src/data/types';
import {
  deferredGeometryIssues,
  editDistance,
  keepWhere,
  parseFigureText,
  suggest,
  validateParkData,
} from '../../src/data/validate/index.js';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../fixtures/bad/${name}.geojson`, import.meta.url), 'utf8'));

const B5 = 'Feature "b5" (总部基地5号楼)';

// Each bad file holds one bad feature (or a bad pair, for a cycle) beside the valid "ok1".
const CASES: {
  file: string;
  loaded: string[];
  issue: Pick<DataIssue, 'path' | 'code' | 'severity' | 'reason'>;
}[] = [
  {
    file: 'duplicate-id',
    loaded: ['ok1', 'b5'],
    issue: {
      path: 'features[2].id',
      code: 'duplicate-id',
      severity: 'error',
      reason:
        'Feature "b5" (总部基地6号楼), id: The id "b5" is already used by features[1]. Give each feature its own id. This one is left out.',
    },
  },
  {
    file: 'unknown-kind',
    loaded: ['ok1'],
    issue: {
      path: 'features[1].properties.kind',
      code: 'unknown-kind',
      severity: 'error',
      reason: `${B5}, properties.kind: "楼" is not a known kind; use one of zone, park, plot, building, project. Did you mean "building"? The feature is left out until then.`,
    },
  },
  {
    file: 'unknown-status',
    loaded: ['ok1', 'b5'],
    issue: {
      path: 'features[1].properties.status',
      code: 'unknown-status',
      severity: 'warning',
      reason: `${B5}, properties.status: "运营中" is not a known status; use one of planned, signed, under_construction, topped_out, fitting_out, completed, operating. Did you mean "operating"? The feature is shown without a status until then.`,
    },
  },
  {
    // 10亿 = 10 × 10^8 = 1 000 000 000 yuan
    file: 'figure-as-text',
    loaded: ['ok1', 'b5'],
    issue: {
      path: 'features[1].properties.investment',
      code: 'figure-as-text',
      severity: 'warning',
      reason: `${B5}, properties.investment: "10亿元" is text; write the number 1000000000 (yuan). The figure is not shown until then.`,
    },
  },
  {
    // 2.73万 = 2.73 × 10^4 = 27 300 m²
    file: 'figure-as-text-area',
    loaded: ['ok1', 'b5'],
    issue: {
      path: 'features[1].properties.floorArea',
      code: 'figure-as-text',
      severity: 'warning',
      reason: `${B5}, properties.floorArea: "2.73万平方米" is text; write the number 27300 (m²). The figure is not shown until then.`,
    },
  },
  {
    file: 'progress-out-of-range',
    loaded: ['ok1', 'b5'],
    issue: {
      path: 'features[1].properties.progress',
      code: 'progress-out-of-range',
      severity: 'warning',
      reason: `${B5}, properties.progress: 120 is outside 0–100; write the percentage as a number from 0 to 100. The progress is not shown until then.`,
    },
  },
  {
    file: 'parent-not-found',
    loaded: ['ok1', 'b5'],
    issue: {
      path: 'features[1].properties.parent',
      code: 'parent-not-found',
      severity: 'warning',
      reason: `${B5}, properties.parent: The parent "hy-zone" is not the id of any feature. Check the spelling, or add that feature.`,
    },
  },
  {
    file: 'parent-cycle',
    loaded: ['ok1'],
    issue: {
      path: 'features[1].properties.parent',
      code: 'parent-cycle',
      severity: 'error',
      reason:
        'Feature "a1" (甲), properties.parent: The parents form a loop: a1 → a2 → a1. A feature cannot contain itself; correct one of these "parent" values. The features in the loop are left out until then.',
    },
  },
  {
    file: 'swapped-coordinates',
    loaded: ['ok1'],
    issue: {
      path: 'features[1].geometry.coordinates[0][0]',
      code: 'swapped-coordinates',
      severity: 'error',
      reason: `${B5}, geometry.coordinates[0][0]: Latitude and longitude seem swapped: GeoJSON wants [longitude, latitude] (this point would be [112.571, 26.891]). Swap the two numbers in every position. The feature is left out until then.`,
    },
  },
  {
    file: 'coordinate-out-of-range',
    loaded: ['ok1'],
    issue: {
      path: 'features[1].geometry.coordinates',
      code: 'coordinate-out-of-range',
      severity: 'error',
      reason: `${B5}, geometry.coordinates: [212.57, 26.89] is out of range: longitude must be within −180…180 and latitude within −90…90. The feature is left out until it is corrected.`,
    },
  },
  {
    // Inverse spherical Mercator, R = 6378137 m:
    // lon = 12531435.5 / 111319.4908 m per degree = 112.5718°;
    // lat = 2·atan(exp(3106021.2 / 6378137)) − 90° = 26.860238°.
    file: 'projected-coordinates',
    loaded: ['ok1'],
    issue: {
      path: 'features[1].geometry.coordinates',
      code: 'projected-coordinates',
      severity: 'error',
      reason: `${B5}, geometry.coordinates: [12531435.5, 3106021.2] is in metres, not longitude/latitude degrees: probably Web Mercator (EPSG:3857); say so with coords="EPSG:3857" on the element (or \`park-map validate --coords EPSG:3857\`, or a "crs" member in the file), or convert the file with \`ogr2ogr -t_srs EPSG:4326\`. The feature is left out until then.`,
    },
  },
  {
    file: 'ring-not-closed',
    loaded: ['ok1', 'b5'],
    issue: {
      path: 'features[1].geometry.coordinates[0]',
      code: 'ring-not-closed',
      severity: 'warning',
      reason: `${B5}, geometry.coordinates[0]: The ring is not closed: its last position must repeat the first. It was closed for display; add the first position again at the end.`,
    },
  },
  {
    file: 'ring-too-short',
    loaded: ['ok1'],
    issue: {
      path: 'features[1].geometry.coordinates[0]',
      code: 'ring-too-short',
      severity: 'error',
      reason: `${B5}, geometry.coordinates[0]: The ring has only 2 distinct positions; a polygon needs at least 3 corners. The feature is left out until it is corrected.`,
    },
  },
  {
    // A bow tie: the diagonals of the square 112.571–112.572 × 26.891–26.892 cross at its centre.
    file: 'self-intersection',
    loaded: ['ok1'],
    issue: {
      path: 'features[1].geometry.coordinates[0]',
      code: 'self-intersection',
      severity: 'error',
      reason: `${B5}, geometry.coordinates[0]: The outline crosses itself near [112.5715, 26.8915] (segments 1 and 3). Redraw it so that edges do not cross. The feature is left out until then.`,
    },
  },
  {
    file: 'null-geometry',
    loaded: ['ok1'],
    issue: {
      path: 'features[1].geometry',
      code: 'missing-geometry',
      severity: 'error',
      reason: `${B5}, geometry: The feature has no geometry (it is missing or null). Draw its outline or give at least a point. It is left out until then.`,
    },
  },
  {
    file: 'empty-geometry',
    loaded: ['ok1'],
    issue: {
      path: 'features[1].geometry.coordinates',
      code: 'empty-geometry',
      severity: 'error',
      reason: `${B5}, geometry.coordinates: The geometry has no coordinates. Draw its outline or give at least a point. The feature is left out until then.`,
    },
  },
  {
    file: 'proto-key',
    loaded: ['ok1', 'b5'],
    issue: {
      path: 'features[1].properties.__proto__',
      code: 'unsafe-key',
      severity: 'warning',
      reason: `${B5}, properties.__proto__: The key "__proto__" is not allowed (it could break the page's scripts); it was removed. Rename it if it holds real data.`,
    },
  },
];

describe('bad files: one clear message each, the valid rest still loads', () => {
  test.each(CASES)('$file', ({ file, loaded, issue }) => {
    const result = validateParkData(fixture(file));
    expect(result.collection.features.map((feature) => feature.id)).toEqual(loaded);
    expect(result.errors[0]).toMatchObject(issue);
    // Only the cycle file has a second issue (the other member of the loop).
    expect(result.errors).toHaveLength(file === 'parent-cycle' ? 2 : 1);
  });

  test('parent-cycle: the other member names the loop from itself', () => {
    const result = validateParkData(fixture('parent-cycle'));
    expect(result.errors[1]?.params?.['cycle']).toBe('a2 → a1 → a2');
  });

  test('not a FeatureCollection: a single Feature', () => {
    const result = validateParkData(fixture('not-feature-collection'));
    expect(result.collection).toEqual({ type: 'FeatureCollection', features: [] });
    expect(result.errors).toMatchObject([
      {
        path: '',
        code: 'not-feature-collection',
        severity: 'error',
        reason:
          'The data must be a GeoJSON FeatureCollection ({"type": "FeatureCollection", "features": [...]}), but it is a single Feature. Put the feature inside the "features" list of a FeatureCollection.',
      },
    ]);
  });

  test('not JSON (text given): line and column of the trailing comma', () => {
    // Kept inline: Prettier checks every .geojson in the repository and cannot parse this one.
    const text = [
      '{',
      '  "type": "FeatureCollection",',
      '  "features": [',
      '    {"type": "Feature", "id": "ok1", "geometry": null, "properties": {}},',
      '  ]',
      '}',
    ].join('\n');
    const result = validateParkData(text);
    // Line 5 is "  ]": the "]" is its 3rd character, after the comma ending line 4.
    expect(result.errors).toMatchObject([
      {
        code: 'not-json',
        severity: 'error',
        reason:
          'The file is not valid JSON: unexpected "]" at line 5, column 3. Remove the comma before it.',
      },
    ]);
  });
});

describe('features', () => {
  const square: Position[][] = [
    [
      [112.571, 26.891],
      [112.572, 26.891],
      [112.572, 26.892],
      [112.571, 26.892],
      [112.571, 26.891],
    ],
  ];
  const feature = (id: unknown, properties: Record<string, unknown>, geometry: unknown = null) => ({
    type: 'Feature',
    id,
    geometry: geometry ?? { type: 'Polygon', coordinates: square },
    properties: { kind: 'building', name: '楼', ...properties },
  });
  const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

  test('a numeric id is read as text, with a warning', () => {
    const result = validateParkData(collection(feature(7, {})));
    expect(result.collection.features[0]?.id).toBe('7');
    expect(result.errors.map((issue) => [issue.code, issue.severity])).toEqual([
      ['id-not-string', 'warning'],
    ]);
  });

  test('an id that is not text or a number: points at an id inside properties', () => {
    const result = validateParkData(collection(feature({ ref: 9 }, { id: 'b9' })));
    expect(result.errors[0]?.reason).toBe(
      'The feature at features[0] (楼), id: The feature has no "id". Give it a unique text id (it has "id": "b9" inside "properties": move it next to "type"). It is left out until then.',
    );
  });

  test('no id of its own: properties.id is used, said once for the file with the field', () => {
    const result = validateParkData(
      collection(feature(undefined, { id: 'b9' }), feature(undefined, { id: 10 })),
    );
    expect(result.collection.features.map((kept) => kept.id)).toEqual(['b9', '10']);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({
      path: 'features',
      code: 'guessed-id-field',
      severity: 'warning',
      params: { field: 'id', count: 2, examples: 'features[0], features[1]' },
    });
    expect(result.errors[0]?.reason).toBe(
      '2 features have no "id" of their own; their "properties.id" was used (features[0], features[1]). To say so, set id-field="id".',
    );
  });

  test('no id at all: a stable generated id, the same for the same file, said once', () => {
    const file = fixture('missing-id') as { features: unknown[] };
    const first = validateParkData(file);
    const again = validateParkData(fixture('missing-id'));
    const ids = first.collection.features.map((kept) => kept.id);
    expect(ids[0]).toBe('ok1');
    expect(ids[1]).toMatch(/^g-[0-9a-z]+$/);
    expect(again.collection.features.map((kept) => kept.id)).toEqual(ids);
    expect(
      first.errors.map((issue) => [issue.code, issue.severity, issue.params?.['count']]),
    ).toEqual([['generated-ids', 'warning', 1]]);
    // Another feature, another id; two identical features are told apart by a suffix.
    const twin = file.features[1];
    const twins = validateParkData({ ...file, features: [twin, twin] });
    const [a, b] = twins.collection.features.map((kept) => kept.id);
    expect(b).toBe(`${a}-2`);
    expect(a).toBe(ids[1]);
  });

  test('a figure as text in targets names the targets path', () => {
    const result = validateParkData(
      collection(feature('t', { targets: { annualOutput: '5亿元' } })),
    );
    expect(result.errors[0]).toMatchObject({
      path: 'features[0].properties.targets.annualOutput',
      code: 'figure-as-text',
      params: { value: '5亿元', number: 500000000, unit: 'yuan' },
    });
    expect(result.collection.features[0]?.properties.targets).toEqual({});
  });

  test('a figure that is not a number at all', () => {
    const result = validateParkData(collection(feature('t', { jobs: '若干' })));
    expect(result.errors[0]?.reason).toBe(
      'Feature "t" (楼), properties.jobs: "若干" is not a number; write a plain number in jobs. The figure is not shown until then.',
    );
    expect(result.collection.features[0]?.properties).toEqual({ kind: 'building', name: '楼' });
  });

  test('extra properties pass through unchanged', () => {
    const extra = { 'name:en': 'Building', custom: { nested: [1, 2] }, investment: 1e9 };
    const result = validateParkData(collection(feature('t', extra)));
    expect(result.errors).toEqual([]);
    expect(result.collection.features[0]?.properties).toEqual({
      kind: 'building',
      name: '楼',
      ...extra,
    });
  });

  test('missing name: kept, the id stands in', () => {
    const result = validateParkData(collection(feature('t', { name: undefined })));
    expect(result.collection.features[0]?.properties.name).toBe('t');
    expect(result.errors[0]?.code).toBe('missing-name');
  });

  test('parent left out because of its own error', () => {
    const result = validateParkData(
      collection(feature('p', { kind: 'parc' }), feature('c', { parent: 'p' })),
    );
    expect(result.errors.map((issue) => issue.code)).toEqual(['unknown-kind', 'parent-left-out']);
    expect(result.errors[0]?.params?.['suggestion']).toBe('park');
    expect(result.collection.features.map((f) => f.id)).toEqual(['c']);
  });

  test('a parent pointing at itself is a loop', () => {
    const result = validateParkData(collection(feature('p', { parent: 'p' })));
    expect(result.errors[0]?.params?.['cycle']).toBe('p → p');
    expect(result.collection.features).toEqual([]);
  });

  test('a hole crossing its outline', () => {
    const hole: Position[] = [
      [112.5715, 26.8915],
      [112.5725, 26.8915],
      [112.5725, 26.8918],
      [112.5715, 26.8915],
    ];
    const result = validateParkData(
      collection(feature('h', {}, { type: 'Polygon', coordinates: [square[0], hole] })),
    );
    expect(result.errors[0]).toMatchObject({
      path: 'features[0].geometry.coordinates[1]',
      code: 'rings-intersect',
      params: { ring: 1, otherRing: 2, lon: 112.572 },
    });
  });

  test('GeometryCollection is not supported', () => {
    const result = validateParkData(
      collection(feature('g', {}, { type: 'GeometryCollection', geometries: [] })),
    );
    expect(result.errors[0]?.reason).toBe(
      'Feature "g" (楼), geometry.type: The geometry type "GeometryCollection" is not supported; use Polygon, MultiPolygon or Point. The feature is left out until then.',
    );
  });

  test('winding is fixed silently: outer ring counter-clockwise, hole clockwise', () => {
    const clockwise = [...(square[0] as Position[])].reverse();
    const holeCounterClockwise: Position[] = [
      [112.5713, 26.8913],
      [112.5717, 26.8913],
      [112.5717, 26.8917],
      [112.5713, 26.8913],
    ];
    const result = validateParkData(
      collection(
        feature('w', {}, { type: 'Polygon', coordinates: [clockwise, holeCounterClockwise] }),
      ),
    );
    expect(result.errors).toEqual([]);
    const rings = result.collection.features[0]?.geometry.coordinates as Position[][];
    expect(rings[0]).toEqual(square[0]);
    expect(rings[1]).toEqual([...holeCounterClockwise].reverse());
  });

  test('western China written [lat, lon] is caught although both values are in range', () => {
    // Ürümqi: 87.6 °E, 43.8 °N, written [43.8, 87.6] (latitude 87.6 is beyond Web Mercator).
    const result = validateParkData(
      collection(feature('u', {}, { type: 'Point', coordinates: [43.8, 87.6] })),
    );
    expect(result.errors[0]?.code).toBe('swapped-coordinates');
  });
});

describe('the input stays untouched', () => {
  const deepFreeze = <T>(value: T): T => {
    if (typeof value === 'object' && value !== null) {
      Object.values(value).forEach(deepFreeze);
      Object.freeze(value);
    }
    return value;
  };

  test.each(['unknown-status', 'figure-as-text', 'ring-not-closed', 'proto-key'])(
    '%s: frozen input validates and equals its copy afterwards',
    (file) => {
      const input = fixture(file);
      const before = structuredClone(input);
      validateParkData(deepFreeze(input), { coords: 'gcj02' });
      expect(input).toEqual(before);
    },
  );

  test('output objects are new', () => {
    const input = fixture('unknown-status') as {
      features: { properties: unknown; geometry: unknown }[];
    };
    const output = validateParkData(input);
    expect(output.collection.features[0]?.properties).not.toBe(input.features[0]?.properties);
    expect(output.collection.features[0]?.geometry).not.toBe(input.features[0]?.geometry);
  });
});

describe('prototype keys', () => {
  test('do not pollute Object.prototype, and are dropped from the output', () => {
    const input = JSON.parse(
      '{"type":"FeatureCollection","__proto__":{"polluted":1},"features":[{"type":"Feature","id":"x","constructor":{"prototype":{"polluted":2}},"geometry":{"type":"Point","coordinates":[112.57,26.89]},"properties":{"kind":"park","name":"P","__proto__":{"polluted":3},"tenants":[{"name":"T","__proto__":{"polluted":4}}]}}]}',
    );
    const result = validateParkData(input);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    const properties = result.collection.features[0]?.properties as Record<string, unknown>;
    expect(Object.getPrototypeOf(properties)).toBe(Object.prototype);
    expect(properties['polluted']).toBeUndefined();
    expect(Object.keys(properties)).toEqual(['kind', 'name', 'tenants']);
    expect((result.collection as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(result.errors.map((issue) => issue.path)).toEqual([
      '__proto__',
      'features[0].properties.__proto__',
      'features[0].properties.tenants[0].__proto__',
      'features[0].constructor',
    ]);
  });

  test('a kind called "constructor" is unknown, not Object', () => {
    const result = validateParkData({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: 'x',
          geometry: { type: 'Point', coordinates: [112.57, 26.89] },
          properties: { kind: 'constructor', status: 'toString', name: 'P' },
        },
      ],
    });
    expect(result.errors.map((issue) => issue.code)).toEqual(['unknown-kind', 'unknown-status']);
  });
});

describe('coordinate systems', () => {
  // WGS84 [121.5272106, 31.1774276] is GCJ-02 [121.531541859215, 31.17530398364597]
  // (googollee/eviltransform's published Shanghai pair).
  const gcj = (extra: Record<string, unknown> = {}) => ({
    type: 'FeatureCollection',
    ...extra,
    features: [
      {
        type: 'Feature',
        id: 's',
        geometry: { type: 'Point', coordinates: [121.531541859215, 31.17530398364597] },
        properties: { kind: 'park', name: 'S' },
      },
    ],
  });
  const point = (result: ReturnType<typeof validateParkData>) =>
    result.collection.features[0]?.geometry.coordinates as number[];

  test('the coords option converts GCJ-02 to WGS84 (to 1e-6°, about 0.1 m)', () => {
    const [lon = 0, lat = 0] = point(validateParkData(gcj(), { coords: 'gcj02' }));
    expect(lon).toBeCloseTo(121.5272106, 6);
    expect(lat).toBeCloseTo(31.1774276, 6);
  });

  test('the file member converts, and the output says wgs84', () => {
    const result = validateParkData(gcj({ coordinateSystem: 'gcj02' }));
    expect(point(result)[0]).toBeCloseTo(121.5272106, 6);
    expect(result.collection.coordinateSystem).toBe('wgs84');
    expect(result.errors).toEqual([]);
  });

  test('the file member wins over the option, with a warning', () => {
    const result = validateParkData(gcj({ coordinateSystem: 'gcj02' }), { coords: 'bd09' });
    expect(point(result)[0]).toBeCloseTo(121.5272106, 6);
    expect(result.errors[0]?.reason).toBe(
      'The file says "coordinateSystem": "gcj02" but the page says coords="bd09"; the file\'s value was used. Remove one of them.',
    );
  });

  test('an unknown member is read as WGS84, with a suggestion', () => {
    const result = validateParkData(gcj({ coordinateSystem: 'GCJ-02' }));
    expect(point(result)).toEqual([121.531541859215, 31.17530398364597]);
    expect(result.errors[0]?.reason).toBe(
      '"coordinateSystem" is "GCJ-02", which is not one of wgs84, gcj02, bd09; the positions were read as WGS84. Did you mean "gcj02"?',
    );
  });
});

describe('parseFigureText', () => {
  test.each([
    ['10亿元', 'yuan', 1_000_000_000], // 10 × 10^8
    ['2.73万平方米', 'm2', 27_300], // 2.73 × 10^4, exact (not 27299.999999999996)
    ['3.5万㎡', 'm2', 35_000],
    ['1.2平方公里', 'm2', 1_200_000], // 1.2 × 10^6
    ['1.2平方千米', 'm2', 1_200_000], // the same unit, the other name
    ['1.2km²', 'm2', 1_200_000],
    ['1.2 km2', 'm2', 1_200_000],
    ['1.5千米', 'm', 1_500], // 1.5 × 10^3
    ['1.5公里', 'm', 1_500],
    ['1.5km', 'm', 1_500],
    ['1.5 KM', 'm', 1_500],
    ['1,200人', 'jobs', 1_200],
    ['１２００人', 'jobs', 1_200], // full-width digits
    ['5千万元', 'yuan', 50_000_000], // 5 × 10^3 × 10^4
    ['24层', 'floors', 24],
    ['85%', 'percent', 85],
    ['120', 'm', 120],
  ] as const)('%s → %d', (text, unit, expected) => {
    expect(parseFigureText(text, unit)).toEqual({ number: expected });
  });

  test('mu: 50亩 = 50 × 10000/15 m² = 33333.33 m² (rounded to cm²)', () => {
    expect(parseFigureText('50亩', 'm2')).toEqual({ number: 33333.33, from: 'mu' });
  });

  test.each([
    ['10亿元', 'm2'], // wrong unit for the field
    ['若干', 'jobs'],
    ['10-15亿元', 'yuan'], // a range
    ['1亿美元', 'yuan'], // another currency
    ['2公里', 'm2'], // a length where an area is meant
    ['2平方公里', 'm'], // an area where a length is meant
  ] as const)('%s in %s → undefined', (text, unit) => {
    expect(parseFigureText(text, unit)).toBeUndefined();
  });
});

describe('suggest', () => {
  const statuses = [
    'planned',
    'signed',
    'under_construction',
    'topped_out',
    'fitting_out',
    'completed',
    'operating',
  ];
  test.each([
    ['已投产', 'operating'],
    ['建设中', 'under_construction'],
    ['已封顶', 'topped_out'],
    ['装修', 'fitting_out'],
    ['已完工', 'completed'],
    ['已签约', 'signed'],
    ['规划', 'planned'],
    ['operation', 'operating'], // edit distance 2
    ['Under Construction', 'under_construction'],
    ['compleated', 'completed'], // edit distance 1
  ])('status %s → %s', (value, expected) => {
    expect(
      suggest(value, statuses, [
        ['已投产', 'operating'],
        ['建设中', 'under_construction'],
        ['已封顶', 'topped_out'],
        ['装修', 'fitting_out'],
        ['已完工', 'completed'],
        ['已签约', 'signed'],
        ['规划', 'planned'],
      ]),
    ).toBe(expected);
  });

  test('nothing near: no suggestion', () => {
    expect(suggest('xyzzy', statuses, [])).toBeUndefined();
  });

  test.each([
    ['开发区', 'zone'],
    ['高新区', 'zone'],
    ['经开区', 'zone'],
    ['园区', 'park'],
    ['栋', 'building'],
    ['项目', 'project'],
    ['地块', 'plot'],
  ])('kind %s → %s (through the validator)', (value, expected) => {
    const result = validateParkData({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: 'k',
          geometry: { type: 'Point', coordinates: [112.57, 26.89] },
          properties: { kind: value, name: 'K' },
        },
      ],
    });
    expect(result.errors[0]?.params?.['suggestion']).toBe(expected);
  });

  test('editDistance: kitten → sitting is 3', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});

describe('messages', () => {
  test('every code has a Chinese message', () => {
    expect([...ISSUE_CODES_ZH].sort()).toEqual([...ISSUE_CODES].sort());
  });

  test('reason is the English message', () => {
    const issue = validateParkData(fixture('unknown-status')).errors[0] as DataIssue;
    expect(describeIssue(issue, 'en')).toBe(issue.reason);
  });

  test('Chinese: unknown status', () => {
    const issue = validateParkData(fixture('unknown-status')).errors[0] as DataIssue;
    expect(describeIssue(issue, 'zh-CN')).toBe(
      '要素“b5”（总部基地5号楼）的 properties.status：“运营中”不是有效的状态值，应为 planned（规划）、signed（已签约）、under_construction（在建）、topped_out（已封顶）、fitting_out（装修中）、completed（已竣工）、operating（运营中）之一。是否应为“operating”（运营中）？修改前该要素暂不显示状态。',
    );
  });

  test('Chinese: figure as text', () => {
    const issue = validateParkData(fixture('figure-as-text')).errors[0] as DataIssue;
    expect(describeIssue(issue, 'zh-CN')).toBe(
      '要素“b5”（总部基地5号楼）的 properties.investment：“10亿元”是文字，请填写数字 1000000000（单位：元）。修改前该数值不显示。',
    );
  });

  test('Chinese: a feature without id is named by its position, counted from 1', () => {
    const file = fixture('missing-id') as { features: Record<string, unknown>[] };
    file.features[1]!['id'] = { ref: 5 };
    const issue = validateParkData(file).errors[0] as DataIssue;
    expect(describeIssue(issue, 'zh-CN')).toBe(
      '第 2 个要素（features[1]，总部基地5号楼）的 id：该要素没有 "id"。请给它一个唯一的文本编号。修改前该要素不显示。',
    );
  });
});

/** One valid park "ok" and one building "b" with `properties` added: the shapes under test. */
const withBuilding = (properties: Record<string, unknown>) => ({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      id: 'ok',
      geometry: { type: 'Point', coordinates: [112.57, 26.89] },
      properties: { kind: 'park', name: '创新创业园' },
    },
    {
      type: 'Feature',
      id: 'b',
      geometry: { type: 'Point', coordinates: [112.571, 26.891] },
      properties: { kind: 'building', name: '总部基地5号楼', ...properties },
    },
  ],
});

/** [[[…value…]]] `depth` levels deep, built by a loop. */
function nestedList(depth: number, value: unknown): unknown {
  let result = value;
  for (let i = 0; i < depth; i++) result = [result];
  return result;
}

describe('deep nesting', () => {
  test('a property 64 levels deep is kept; 65 levels is left out with a warning', () => {
    const result = validateParkData(
      withBuilding({ fine: nestedList(64, 1), deep: nestedList(65, 1) }),
    );
    expect(result.collection.features.map((feature) => feature.id)).toEqual(['ok', 'b']);
    const properties = result.collection.features[1]?.properties as Record<string, unknown>;
    expect(properties['fine']).toEqual(nestedList(64, 1));
    expect('deep' in properties).toBe(false);
    expect(result.errors).toEqual([
      {
        featureId: 'b',
        index: 1,
        path: 'features[1].properties.deep',
        code: 'too-deeply-nested',
        severity: 'warning',
        params: { name: '总部基地5号楼', field: 'deep', limit: 64 },
        reason:
          'Feature "b" (总部基地5号楼), properties.deep: "deep" holds lists or objects nested more than 64 levels deep, too deep to read safely; it was left out. Flatten it.',
      },
    ]);
    expect(describeIssue(result.errors[0]!, 'zh-CN')).toBe(
      '要素“b”（总部基地5号楼）的 properties.deep：“deep”中的列表或对象嵌套超过 64 层，无法安全读取，已略去。请减少嵌套层级。',
    );
  });

  test('100 000 levels in a property, a foreign member and the collection do not throw', () => {
    const deep = nestedList(100_000, { __proto__: null, x: 1 });
    const input = withBuilding({ layers: deep, status: deep, investment: deep }) as Record<
      string,
      unknown
    >;
    input['extra'] = deep;
    input['coordinateSystem'] = deep;
    const result = validateParkData(input);
    expect(result.collection.features).toHaveLength(2);
    expect(result.errors.map((issue) => [issue.code, issue.path])).toEqual([
      ['unknown-coordinate-system', 'coordinateSystem'],
      ['too-deeply-nested', 'extra'],
      ['unknown-status', 'features[1].properties.status'],
      ['too-deeply-nested', 'features[1].properties.layers'],
      ['too-deeply-nested', 'features[1].properties.investment'],
    ]);
    // The value in a message is cut: 199 brackets and an ellipsis.
    expect(result.errors[2]?.params?.['value']).toBe(`${'['.repeat(199)}…`);
    expect('extra' in result.collection).toBe(false);
  });

  test('an unsafe key inside a value left out for its depth is not reported on its own', () => {
    const result = validateParkData(withBuilding({ deep: nestedList(70, { __proto__x: 1 }) }));
    const unsafe = JSON.parse('{"constructor": 1}') as unknown;
    const again = validateParkData(withBuilding({ deep: nestedList(70, unsafe) }));
    expect(result.errors.map((issue) => issue.code)).toEqual(['too-deeply-nested']);
    expect(again.errors.map((issue) => issue.code)).toEqual(['too-deeply-nested']);
  });

  test('coordinates deeper than the geometry type allows leave the feature out', () => {
    const input = withBuilding({});
    (input.features[1] as Record<string, unknown>)['geometry'] = {
      type: 'Point',
      coordinates: nestedList(100_000, 1),
    };
    const result = validateParkData(input);
    expect(result.collection.features.map((feature) => feature.id)).toEqual(['ok']);
    expect(result.errors.map((issue) => [issue.code, issue.severity, issue.path])).toEqual([
      ['invalid-position', 'error', 'features[1].geometry.coordinates'],
    ]);
  });
});

describe('lists and objects the details panel reads', () => {
  const run = (properties: Record<string, unknown>) => {
    const result = validateParkData(withBuilding(properties));
    return {
      ids: result.collection.features.map((feature) => feature.id),
      properties: result.collection.features[1]?.properties as Record<string, unknown>,
      issues: result.errors.map((issue) => ({
        path: issue.path.replace('features[1].properties.', ''),
        code: issue.code,
        severity: issue.severity,
        params: issue.params,
      })),
      reasons: result.errors.map((issue) => issue.reason),
      zh: result.errors.map((issue) => describeIssue(issue, 'zh-CN')),
    };
  };

  test('industries as text: left out, and the message says to write ["电子信息"]', () => {
    const { ids, properties, issues, reasons, zh } = run({ industries: '电子信息' });
    expect(ids).toEqual(['ok', 'b']);
    expect('industries' in properties).toBe(false);
    expect(issues).toEqual([
      {
        path: 'industries',
        code: 'not-a-list',
        severity: 'warning',
        params: { name: '总部基地5号楼', value: '"电子信息"', example: '["电子信息"]' },
      },
    ]);
    expect(reasons[0]).toBe(
      'Feature "b" (总部基地5号楼), properties.industries: "电子信息" is not a list; write a list in square brackets, for example ["电子信息"]. It is not shown until then.',
    );
    expect(zh[0]).toBe(
      '要素“b”（总部基地5号楼）的 properties.industries："电子信息" 不是列表，请用方括号写成列表，例如 ["电子信息"]。修改前此项不显示。',
    );
  });

  test('industries and aliases: entries that are not text are left out, the rest kept', () => {
    const { properties, issues } = run({
      industries: ['新材料', 5, null],
      aliases: [{}, '高新区'],
    });
    expect(properties['industries']).toEqual(['新材料']);
    expect(properties['aliases']).toEqual(['高新区']);
    expect(issues.map(({ path, code, params }) => [path, code, params?.['example']])).toEqual([
      ['industries[1]', 'not-text', '"5"'],
      ['industries[2]', 'not-text', undefined],
      ['aliases[0]', 'not-text', undefined],
    ]);
  });

  test('tenants as text: left out; the example splits the names at 、', () => {
    const { properties, issues } = run({ tenants: '科大讯飞、中国电子' });
    expect('tenants' in properties).toBe(false);
    expect(issues[0]?.params?.['example']).toBe('[{"name":"科大讯飞"},{"name":"中国电子"}]');
  });

  test('tenants: bad entries are left out by index, good ones kept', () => {
    const { properties, issues, reasons } = run({
      tenants: [
        null,
        { name: '科大讯飞', industry: 7 },
        { industry: '电子信息' },
        { name: 42 },
        '中国电子',
        { name: '中国电子', since: '2023' },
      ],
    });
    expect(properties['tenants']).toEqual([
      { name: '科大讯飞' },
      { name: '中国电子', since: '2023' },
    ]);
    expect(issues.map(({ path, code }) => [path, code])).toEqual([
      ['tenants[0]', 'not-an-object'],
      ['tenants[1].industry', 'not-text'],
      ['tenants[2]', 'missing-field'],
      ['tenants[3].name', 'not-text'],
      ['tenants[4]', 'not-an-object'],
    ]);
    expect(reasons[0]).toBe(
      'Feature "b" (总部基地5号楼), properties.tenants[0]: null is not an object; write it in curly brackets, for example {"name": "…", "industry": "…"}. The entry is not shown until then.',
    );
    expect(reasons[1]).toContain(
      '7 is not text; write it in double quotes, for example "7". It is not shown',
    );
    expect(reasons[2]).toContain('This entry has no "name"; add it as text.');
    expect(reasons[4]).toContain('for example {"name":"中国电子"}');
  });

  test('English translations (…:en) are text like their originals: a number is left out', () => {
    const { properties, issues, reasons } = run({
      statusNote: '已建成',
      'statusNote:en': 'Built',
      address: 5,
      'address:en': 'West of Pinghu Park',
      'award:en': { text: 'Award' },
      'operator:en': 7,
      translation: 'park-map',
      tenants: [{ name: '格力', industry: '电器', 'industry:en': 3 }],
      stats: [
        { label: '门票收入', 'label:en': ['Ticket'], value: 1, unit: '元', 'period:en': 'May Day' },
      ],
    });
    expect(properties['statusNote:en']).toBe('Built');
    expect(properties['address:en']).toBe('West of Pinghu Park');
    expect(properties['translation']).toBe('park-map');
    for (const key of ['address', 'award:en', 'operator:en']) expect(key in properties).toBe(false);
    expect(properties['tenants']).toEqual([{ name: '格力', industry: '电器' }]);
    expect(properties['stats']).toEqual([
      { label: '门票收入', value: 1, unit: '元', 'period:en': 'May Day' },
    ]);
    expect(issues.map(({ path, code }) => [path, code])).toEqual([
      ['address', 'not-text'],
      // A key with a colon is written in brackets in the path.
      ['features[1].properties["operator:en"]', 'not-text'],
      ['features[1].properties["award:en"]', 'not-text'],
      ['tenants[0]["industry:en"]', 'not-text'],
      ['stats[0]["label:en"]', 'not-text'],
    ]);
    expect(reasons[1]).toContain('7 is not text; write it in double quotes, for example "7".');
  });

  test('sources need a title; stats entries must be objects', () => {
    const { properties, issues } = run({
      sources: [{ title: '衡阳高新区' }, { date: '2024-01-01' }, { title: '湘乡', quote: [1] }],
      stats: [null, { label: '产值', value: 1, unit: '元' }],
    });
    expect(properties['sources']).toEqual([{ title: '衡阳高新区' }, { title: '湘乡' }]);
    expect(properties['stats']).toEqual([{ label: '产值', value: 1, unit: '元' }]);
    expect(issues.map(({ path, code }) => [path, code])).toEqual([
      ['sources[1]', 'missing-field'],
      ['sources[2].quote', 'not-text'],
      ['stats[0]', 'not-an-object'],
    ]);
  });

  test('sources: publisher and author are text, kept with the rest; a number is left out', () => {
    const { properties, issues } = run({
      sources: [
        {
          title: '湘乡',
          publisher: '某某日报',
          author: '本报记者 马贵',
          date: '2021-05',
          dateInferred: true,
        },
        { title: '衡阳', publisher: 7, author: ['谢小青'] },
      ],
    });
    expect(properties['sources']).toEqual([
      {
        title: '湘乡',
        publisher: '某某日报',
        author: '本报记者 马贵',
        date: '2021-05',
        dateInferred: true,
      },
      { title: '衡阳' },
    ]);
    expect(issues.map(({ path, code }) => [path, code])).toEqual([
      ['sources[1].publisher', 'not-text'],
      ['sources[1].author', 'not-text'],
    ]);
  });

  test('contact: a number url or phone is left out; contact as text says what to write', () => {
    const numbers = run({ contact: { phone: 7348888888, url: 12345 } });
    expect(numbers.properties['contact']).toEqual({});
    expect(
      numbers.issues.map(({ path, code, params }) => [path, code, params?.['example']]),
    ).toEqual([
      ['contact.phone', 'not-text', '"7348888888"'],
      ['contact.url', 'not-text', '"https://…"'],
    ]);
    const text = run({ contact: '0734-8888888' });
    expect('contact' in text.properties).toBe(false);
    expect(text.issues[0]).toMatchObject({
      path: 'contact',
      code: 'not-an-object',
      params: { example: '{"phone":"0734-8888888"}' },
    });
  });

  test('targets: not an object is left out; extension counts are checked like figures', () => {
    expect(run({ targets: 5 }).issues.map(({ path, code }) => [path, code])).toEqual([
      ['targets', 'not-an-object'],
    ]);
    const { properties, issues, reasons, zh } = run({
      targets: { jobs: 500, companies: '50家', talents: '5万', headCompanies: -1, toString: 'x' },
    });
    expect(properties['targets']).toEqual({ jobs: 500 });
    expect(issues.map(({ path, code }) => [path, code])).toEqual([
      ['targets.companies', 'figure-not-number'],
      ['targets.talents', 'figure-as-text'],
      ['targets.headCompanies', 'figure-negative'],
      ['targets.toString', 'figure-not-number'],
    ]);
    expect(reasons[1]).toContain('"5万" is text; write the number 50000. The figure');
    expect(reasons[2]).toContain('-1 is negative; write a number that is zero or more.');
    expect(zh[0]).toContain('“50家”不是数字，请填写纯数字。');
  });

  test('null leaves a field as not given', () => {
    const { issues } = run({
      industries: null,
      tenants: null,
      sources: null,
      stats: null,
      contact: null,
      targets: null,
      aliases: null,
    });
    expect(issues).toEqual([]);
  });
});

describe('values in messages', () => {
  test('1e400 (Infinity once parsed) is too large, not "null"', () => {
    const result = validateParkData(
      '{"type":"FeatureCollection","features":[{"type":"Feature","id":"b","geometry":{"type":"Point","coordinates":[112.57,26.89]},"properties":{"kind":"park","name":"P","investment":1e400}}]}',
    );
    const issue = result.errors[0]!;
    expect(issue.params).toEqual({
      name: 'P',
      value: 'Infinity',
      unit: 'yuan',
      found: 'too-large',
    });
    expect(issue.reason).toBe(
      'Feature "b" (P), properties.investment: The number is too large to read (beyond ±1.8e308, so it became Infinity); write a plain number in yuan. The figure is not shown until then.',
    );
    expect(describeIssue(issue, 'zh-CN')).toBe(
      '要素“b”（P）的 properties.investment：数值过大，无法读取（超出 ±1.8e308，已变为 Infinity），请填写以元为单位的纯数字。修改前该数值不显示。',
    );
  });

  test('Infinity inside a value is written as Infinity, not null', () => {
    const result = validateParkData(withBuilding({ status: [Infinity, -Infinity, NaN] }));
    expect(result.errors[0]?.params?.['value']).toBe('[Infinity,-Infinity,NaN]');
  });

  test('names are cut to 60 characters, values to 200', () => {
    const name = `${'长'.repeat(58)}🏗️${'长'.repeat(100)}`;
    const result = validateParkData(withBuilding({ name, status: '运'.repeat(1000) }));
    const issue = result.errors[0]!;
    expect(issue.params?.['name']).toBe(`${'长'.repeat(58)}…`);
    expect(issue.params?.['value']).toBe(`${'运'.repeat(199)}…`);
    expect(issue.reason.length).toBeLessThan(600);
    expect(describeIssue({ ...issue, params: { name } }, 'en')).toContain(`(${'长'.repeat(58)}…)`);
  });

  test('a 5 000-character id and key are cut in the message; the issue keeps them whole', () => {
    const id = `楼${'x'.repeat(4999)}`;
    const key = `k${'y'.repeat(4999)}`;
    const data = withBuilding({ status: 'built', [key]: { nested: true } });
    data.features[1]!.id = id;
    const issue = validateParkData(data).errors.find((found) => found.featureId === id)!;
    expect(issue.featureId).toBe(id);
    for (const lang of ['en', 'zh-CN'] as const) {
      const message = describeIssue(issue, lang);
      expect(message).toContain(`楼${'x'.repeat(58)}…`);
      expect(message.length).toBeLessThan(600);
      const located = describeIssue({ ...issue, path: `features[1].properties.${key}` }, lang);
      expect(located).toContain(`properties.k${'y'.repeat(107)}…`);
      expect(located.length).toBeLessThan(700);
    }
  });
});

describe('already-parsed JSON', () => {
  test('a string is JSON text by default, and a JSON string value with { parsed: true }', () => {
    expect(validateParkData('"FeatureCollection"').errors.map((issue) => issue.code)).toEqual([
      'not-feature-collection',
    ]);
    expect(validateParkData('FeatureCollection').errors.map((issue) => issue.code)).toEqual([
      'not-json',
    ]);
    const parsed = validateParkData('FeatureCollection', { parsed: true }).errors[0]!;
    expect(parsed.code).toBe('not-feature-collection');
    expect(parsed.reason).toContain('but it is text.');
  });
});

describe('keepWhere (the lists a feature keeps: industries, tenants, sources…)', () => {
  test('all kept: the same list, each entry asked once, in order', () => {
    const list = ['电子信息', '新材料', '装备制造'];
    const asked: [string, number][] = [];
    const kept = keepWhere(list, (item, index) => {
      asked.push([item, index]);
      return true;
    });
    expect(kept).toBe(list);
    expect(asked).toEqual([
      ['电子信息', 0],
      ['新材料', 1],
      ['装备制造', 2],
    ]);
  });

  test('some left out: a new list of the kept ones in their order, the input untouched', () => {
    const list: unknown[] = ['a', 1, 'b', null, 'c'];
    const kept = keepWhere(list, (item) => typeof item === 'string');
    expect(kept).toEqual(['a', 'b', 'c']);
    expect(kept).not.toBe(list);
    expect(list).toEqual(['a', 1, 'b', null, 'c']);
    expect(keepWhere(list, () => false)).toEqual([]);
    expect(keepWhere([], () => false)).toEqual([]);
  });
});

describe('validateParkData with deferGeometry (vector tiles)', () => {
  /** A feature whose geometry counts its reads, as a tile feature converts its own when read. */
  function counted(
    id: string,
    properties: Record<string, unknown>,
    ring: number[][],
  ): { feature: Record<string, unknown>; reads: () => number } {
    let reads = 0;
    const feature = {
      type: 'Feature',
      id,
      properties,
      get geometry() {
        reads += 1;
        return { type: 'Polygon', coordinates: [ring] };
      },
    };
    return { feature, reads: () => reads };
  }
  // Clockwise: validation winds outer rings counter-clockwise (RFC 7946).
  const SQUARE = [
    [112.6, 26.9],
    [112.6, 26.91],
    [112.61, 26.91],
    [112.61, 26.9],
    [112.6, 26.9],
  ];
  const BOW_TIE = [
    [0, 0],
    [2, 2],
    [2, 0],
    [0, 3],
    [0, 0],
  ];

  test('checks the properties at once and reads the geometry only when asked, once', () => {
    const a = counted('a', { kind: 'building', name: 'A', status: 'finished' }, SQUARE);
    const result = validateParkData(
      { type: 'FeatureCollection', features: [a.feature] },
      { parsed: true, deferGeometry: true },
    );
    expect(a.reads()).toBe(0);
    expect(result.errors.map(({ featureId, path, code }) => ({ featureId, path, code }))).toEqual([
      { featureId: 'a', path: 'features[0].properties.status', code: 'unknown-status' },
    ]);
    const [feature] = result.collection.features;
    expect(feature!.properties).toEqual({ kind: 'building', name: 'A' });
    expect(a.reads()).toBe(0);
    // The same geometry a validation that reads it at once gives (closed, wound RFC 7946).
    const eager = validateParkData({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: 'a',
          properties: { kind: 'building', name: 'A', status: 'finished' },
          geometry: { type: 'Polygon', coordinates: [SQUARE] },
        },
      ],
    });
    expect(feature!.geometry).toEqual(eager.collection.features[0]!.geometry);
    expect(feature!.geometry).toBe(feature!.geometry);
    expect(a.reads()).toBe(1);
    expect(deferredGeometryIssues(feature!)).toEqual([]);
    // Copies (the export, a shift into another system) read it as a plain value.
    expect(JSON.parse(JSON.stringify(feature))).toEqual(eager.collection.features[0]);
  });

  test('a geometry problem is the issue a file gets, with the feature and its path', () => {
    const ok = counted('ok', { kind: 'park', name: 'OK' }, SQUARE);
    const bad = counted('bad', { kind: 'park', name: '交叉园' }, BOW_TIE);
    const result = validateParkData(
      { type: 'FeatureCollection', features: [ok.feature, bad.feature] },
      { parsed: true, deferGeometry: true },
    );
    // Kept until its geometry is checked: the caller decides (the element leaves it out then).
    expect(result.errors).toEqual([]);
    expect(result.collection.features.map((feature) => feature.id)).toEqual(['ok', 'bad']);
    const eager = validateParkData({
      type: 'FeatureCollection',
      features: [ok.feature, bad.feature].map((feature) => ({
        ...feature,
        geometry: feature['geometry'],
      })),
    });
    expect(eager.errors.map((issue) => issue.code)).toEqual(['self-intersection']);
    const deferred = deferredGeometryIssues(result.collection.features[1]!);
    expect(deferred).toEqual(eager.errors);
    expect(deferred[0]).toMatchObject({
      featureId: 'bad',
      path: 'features[1].geometry.coordinates[0]',
      severity: 'error',
    });
    // A geometry that fails reads as given (what the map drew), never undefined.
    expect(result.collection.features[1]!.geometry).toEqual({
      type: 'Polygon',
      coordinates: [BOW_TIE],
    });
    expect(deferredGeometryIssues(result.collection.features[0]!)).toEqual([]);
  });

  test('features validated without it have no deferred issues', () => {
    const result = validateParkData({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: 'x',
          properties: { kind: 'park', name: 'X' },
          geometry: { type: 'Point', coordinates: [112.6, 26.9] },
        },
      ],
    });
    expect(deferredGeometryIssues(result.collection.features[0]!)).toEqual([]);
  });
});
