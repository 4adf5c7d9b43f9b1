// The map's filter expression passes exactly the features applyFilter passes, evaluated by
// MapLibre's own style-spec code on the properties the map gets.
import { readFileSync } from 'node:fs';
import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { validateParkData } from '../../src/data/validate/index.js';
import { applyFilter, buildIndex } from '../../src/explore/filter.js';
import { EMPTY_FILTER, type FilterState } from '../../src/explore/filter-state.js';
import { stateExpression } from '../../src/explore/map-filter.js';
import { buildSearchIndex, matchMask } from '../../src/explore/search.js';
import { renderCollection } from '../../src/map/layers.js';

const seed = validateParkData(
  JSON.parse(readFileSync(new URL('../../data/parks.geojson', import.meta.url), 'utf8')),
).collection;
const index = buildIndex(seed.features);
const rendered = renderCollection(seed.features).features;

function passedOnMap(state: FilterState): string[] {
  const expression = stateExpression(index, state);
  if (expression === null) return seed.features.map((feature) => feature.id);
  return passedBy(expression);
}

/** The ids of the drawn features MapLibre's own filter code lets through `expression`. */
function passedBy(expression: unknown): string[] {
  const filter = featureFilter(expression as never, 'layers[0].filter');
  return rendered
    .filter((feature) =>
      filter.filter({ zoom: 14 }, {
        type: feature.geometry.type === 'Point' ? 1 : 3,
        properties: feature.properties,
      } as never),
    )
    .map((feature) => feature.properties.pmId);
}

const states: [string, Partial<FilterState>][] = [
  ['nothing', {}],
  ['operating', { statuses: ['operating'] }],
  ['no status', { statuses: ['none'] }],
  ['buildings and projects', { kinds: ['building', 'project'] }],
  ['investment ≥ 10亿', { investment: { min: 1e9 } }],
  ['investment 10亿–30亿', { investment: { min: 1e9, max: 3e9 } }],
  ['floor area ≤ 6万 m²', { floorArea: { max: 60_000 } }],
  ['inside the headquarters base', { zones: ['hy-hq-base'] }],
  ['电子信息', { industries: ['电子信息'] }],
  ['the e-commerce sector', { sectors: ['e-commerce'] }],
  ['a sector or a raw tag', { sectors: ['power-equipment'], industries: ['电商'] }],
  ['operating parks in hy-zone', { zones: ['hy-zone'], statuses: ['operating'], kinds: ['park'] }],
];

describe('stateExpression', () => {
  it.each(states)('%s: the map shows exactly what the list shows', (_, partial) => {
    const state = { ...EMPTY_FILTER, ...partial };
    const expected = applyFilter(index, state).ids;
    expect(passedOnMap(state)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
  });

  it('stays short for status and kind facets whatever the data size', () => {
    const expression = stateExpression(index, { ...EMPTY_FILTER, statuses: ['operating'] });
    expect(JSON.stringify(expression)).toBe(
      '["all",["in",["get","status"],["literal",["operating"]]]]',
    );
  });
});

describe('stateExpression with vector tiles', () => {
  // Loaded: what the element read back from the tiles drawn so far.
  const loaded = validateParkData({
    type: 'FeatureCollection',
    features: [
      ['z', 'zone', undefined, undefined],
      ['y', 'zone', undefined, undefined],
      ['p1', 'park', 'z', undefined],
      ['p2', 'park', 'y', undefined],
      ['b1', 'building', 'p1', ['新能源']],
      ['b2', 'building', 'p2', ['Digital Economy']],
    ].map(([id, kind, parent, industries]) => ({
      type: 'Feature',
      id,
      geometry: { type: 'Point', coordinates: [112.6, 26.9] },
      properties: {
        kind,
        name: String(id),
        ...(parent ? { parent } : {}),
        ...(industries ? { industries } : {}),
      },
    })),
  }).collection.features;
  const tileIndex = buildIndex(loaded);

  /** Ids (tile property `id`) of these tile features the map would draw for this filter. */
  function drawn(state: Partial<FilterState>, tileFeatures: Record<string, unknown>[]): string[] {
    const expression = stateExpression(tileIndex, { ...EMPTY_FILTER, ...state }, 'id', true);
    if (expression === null) return tileFeatures.map((feature) => String(feature['id']));
    const filter = featureFilter(expression as never, 'layers[0].filter');
    return tileFeatures
      .filter((properties) => filter.filter({ zoom: 14 }, { type: 3, properties } as never))
      .map((feature) => String(feature['id']));
  }

  // Tile features as MVT holds them: lists as JSON text. b3–b7 are in tiles not loaded yet.
  const tiles = [
    { id: 'p1', kind: 'park', parent: 'z' },
    { id: 'b1', kind: 'building', parent: 'p1', industries: '["新能源"]' },
    { id: 'b2', kind: 'building', parent: 'p2', industries: '["Digital Economy"]' },
    { id: 'b3', kind: 'building', parent: 'p1', industries: '["数字经济","新能源"]' },
    { id: 'b4', kind: 'building', parent: 'p2', industries: '["数字经济"]' },
    { id: 'b5', kind: 'building', parent: 'p9' },
    { id: 'b6', kind: 'building', parent: 'p2', industries: '["Digital Economy Plus"]' },
    { id: 'b7', kind: 'building', parent: 'p2', industries: '["Digital Economy"]' },
  ];

  it('filters a zone in tiles loaded later through their parent', () => {
    // b3's park is loaded; b5's park p9 is not (it joins once its tile loads).
    expect(drawn({ zones: ['z'] }, tiles)).toEqual(['p1', 'b1', 'b3']);
    expect(drawn({ zones: ['p2'] }, tiles)).toEqual(['b2', 'b4', 'b6', 'b7']);
  });

  it('filters an industry in tiles loaded later by its JSON text, under the loaded spellings', () => {
    expect(drawn({ industries: ['新能源'] }, tiles)).toEqual(['b1', 'b3']);
    // Chosen in lower case; the tiles spell it as the loaded feature b2 does. A longer name is
    // another industry.
    expect(drawn({ industries: ['digital economy'] }, tiles)).toEqual(['b2', 'b7']);
    expect(drawn({ industries: ['数字经济'] }, tiles)).toEqual(['b3', 'b4']);
  });

  it('filters a sector in tiles loaded later by its known tags and the loaded tags in it', () => {
    // 数字经济 is a known tag of software-cloud: b3 and b4 though no loaded feature names it.
    expect(drawn({ sectors: ['software-cloud'] }, tiles)).toEqual(['b3', 'b4']);
    // "other" has no known tags: the loaded ones we do not know (新能源, Digital Economy).
    expect(drawn({ sectors: ['other'] }, tiles)).toEqual(['b1', 'b2', 'b3', 'b7']);
  });

  it('combines zone, industry and status as the list does', () => {
    const withStatus = tiles.map((feature, i) => ({
      ...feature,
      status: i % 2 === 0 ? 'operating' : 'under_construction',
    }));
    expect(drawn({ zones: ['y'], industries: ['数字经济'] }, withStatus)).toEqual(['b4']);
    expect(drawn({ zones: ['p2'], statuses: ['under_construction'] }, withStatus)).toEqual(['b7']);
    expect(drawn({ zones: ['p2'], statuses: ['operating'] }, withStatus)).toEqual([
      'b2',
      'b4',
      'b6',
    ]);
  });
});

describe('stateExpression with a search', () => {
  const searchIndex = buildSearchIndex(seed.features);

  it.each([
    ['湘乡', {}],
    ['湘乡, operating', { statuses: ['operating'] }],
    ['讯飞, inside hy-zone', { zones: ['hy-zone'] }],
  ] as [string, Partial<FilterState>][])(
    '%s: the map shows exactly what the list shows',
    (label, partial) => {
      const matches = matchMask(searchIndex, label.split(',')[0]!);
      const state = { ...EMPTY_FILTER, ...partial };
      const expected = applyFilter(index, state, matches).ids;
      const expression = stateExpression(index, state, 'pmId', false, matches);
      const shown = passedBy(expression);
      expect(shown).toEqual(expected);
      expect(expected.length).toBeGreaterThan(0);
    },
  );
});
