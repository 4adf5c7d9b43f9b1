// The map's filter expression passes exactly the features applyFilter passes, evaluated by
// MapLibre's own style-spec code on the properties the map gets.
import { readFileSync } from 'node:fs';
import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { validateParkData } from '../../src/data/validate.js';
import {
  EMPTY_FILTER,
  applyFilter,
  buildIndex,
  type FilterState,
} from '../../src/explore/filter.js';
import { stateExpression } from '../../src/explore/map-filter.js';
import { renderCollection } from '../../src/map/layers.js';

const seed = validateParkData(
  JSON.parse(readFileSync(new URL('../../data/parks.geojson', import.meta.url), 'utf8')),
).collection;
const index = buildIndex(seed.features);
const rendered = renderCollection(seed.features).features;

function passedOnMap(state: FilterState): string[] {
  const expression = stateExpression(index, state);
  if (expression === null) return seed.features.map((feature) => feature.id);
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
