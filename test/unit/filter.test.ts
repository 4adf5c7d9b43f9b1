// Faceted filter, facet counts, totals and map expressions. Expected values on the seed data were
// counted independently with a short Python script over data/parks.geojson (json + collections),
// re-implementing the documented rules; small hand-made fixtures cover the edge cases.
import { readFileSync } from 'node:fs';
import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import type {
  Kind,
  ParkFeature,
  ParkFeatureCollection,
  ParkProperties,
} from '../../src/data/types';
import {
  applyFilter,
  buildIndex,
  facetCounts,
  filterExpression,
  mapFilterExpression,
  totals,
} from '../../src/explore/filter';
import { EMPTY_FILTER, type FilterState } from '../../src/explore/filter-state';

const seed = JSON.parse(
  readFileSync(new URL('../../data/parks.geojson', import.meta.url), 'utf8'),
) as ParkFeatureCollection;
const seedIndex = buildIndex(seed.features);

const filter = (state: Partial<FilterState>) =>
  applyFilter(seedIndex, { ...EMPTY_FILTER, ...state });

function feature(id: string, kind: Kind, extra: Partial<ParkProperties> = {}): ParkFeature {
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: [112.6, 26.9] },
    properties: { kind, name: id, ...extra },
  };
}

/** Evaluates an expression the way MapLibre does, with its own style-spec code. */
function mapKeeps(expression: unknown, id: string): boolean {
  const compiled = featureFilter(expression as never, 'layers[0].filter');
  return compiled.filter({ zoom: 10 }, {
    type: 1,
    properties: { pmId: id },
    geometry: [],
  } as never);
}

describe('applyFilter on the seed data (127 features)', () => {
  it('passes everything with the empty filter, and says it is inactive', () => {
    const result = filter({});
    expect(result.count).toBe(127);
    expect(result.active).toBe(false);
    expect(result.ids).toEqual(seed.features.map((f) => f.id));
  });

  it('status operating: 23 features', () => {
    const result = filter({ statuses: ['operating'] });
    expect(result.count).toBe(23);
    // Which 23: the seed features with that status, in data order (counted here from the data).
    expect(result.ids).toEqual(
      seed.features.filter((f) => f.properties.status === 'operating').map((f) => f.id),
    );
  });

  it('ORs choices within a facet: operating or fitting out, 23 + 27 = 50', () => {
    expect(filter({ statuses: ['operating', 'fitting_out'] }).count).toBe(50);
  });

  it("'none' picks the 24 features without a status", () => {
    const result = filter({ statuses: ['none'] });
    expect(result.count).toBe(24);
    expect(result.ids).toEqual(
      seed.features.filter((f) => f.properties.status === undefined).map((f) => f.id),
    );
  });

  it('zone includes the zone itself and every descendant: hy-zone 99, xx-zone 16', () => {
    expect(filter({ zones: ['hy-zone'] }).count).toBe(99);
    expect(filter({ zones: ['xx-zone'] }).count).toBe(16);
    expect(filter({ zones: ['hy-zone', 'xx-zone'] }).count).toBe(115);
  });

  it('a park as zone: the headquarters base and its 15 descendants, 6 of them buildings', () => {
    expect(filter({ zones: ['hy-hq-base'] }).count).toBe(16);
    expect(filter({ zones: ['hy-hq-base'], kinds: ['building'] }).ids).toEqual([
      'hy-hq-s1',
      'hy-hq-s6',
      'hy-hq-s8',
      'hy-hq-b5',
      'hy-hq-n2',
      'hy-hq-n4',
    ]);
  });

  it('ANDs across facets: operating parks in hy-zone', () => {
    expect(filter({ zones: ['hy-zone'], statuses: ['operating'], kinds: ['park'] }).ids).toEqual([
      'hy-software',
      'hy-ecommerce',
      'hy-wantian',
    ]);
  });

  it("industry matches the feature's own industries only (not its children's)", () => {
    expect(filter({ industries: ['电子信息'] }).ids).toEqual([
      'hy-zone',
      'xx-zone',
      'hy-software',
      'xx-electronics-park',
    ]);
  });

  it('industry is case-insensitive: "ai" matches "AI"', () => {
    expect(filter({ industries: ['ai'] }).ids).toEqual(['hy-belt-road-college']);
  });

  it('investment ≥ 10亿元: six features (ends inclusive)', () => {
    expect(filter({ investment: { min: 1_000_000_000 } }).ids).toEqual([
      'hy-software',
      'hy-ecommerce',
      'hy-fengjiazhou',
      'hy-nanhua-ai-project',
      'hy-gaoxin-intl-city',
      'xx-electronics-park',
    ]);
    expect(filter({ investment: { min: 1_000_000_000, max: 3_000_000_000 } }).count).toBe(5);
  });

  it('floor area ≤ 60 000 m²: features without a floor area fail', () => {
    expect(filter({ floorArea: { max: 60_000 } }).ids).toEqual([
      'hy-hq-s6',
      'hy-ecommerce',
      'hy-ecommerce-selection',
    ]);
  });

  it('a range with neither end is no constraint', () => {
    expect(filter({ investment: {} }).count).toBe(127);
    expect(filter({ investment: {} }).active).toBe(false);
  });

  it('an unknown zone or industry leaves nothing', () => {
    expect(filter({ zones: ['no-such-id'] }).count).toBe(0);
    expect(filter({ industries: ['no such industry'] }).count).toBe(0);
  });

  it('clearing restores everything', () => {
    expect(filter({ statuses: ['planned'] }).count).toBe(20);
    expect(applyFilter(seedIndex, EMPTY_FILTER).count).toBe(127);
  });

  it('does not mutate the features or the state', () => {
    const features = structuredClone(seed.features);
    const state: FilterState = { ...EMPTY_FILTER, zones: ['hy-zone'], investment: { min: 1 } };
    const stateCopy = structuredClone(state);
    applyFilter(buildIndex(features), state);
    facetCounts(buildIndex(features), state);
    expect(features).toEqual(seed.features);
    expect(state).toEqual(stateCopy);
  });
});

describe('facetCounts on the seed data', () => {
  // State: operating, inside hy-zone. Each facet's counts ignore that facet's own selection.
  const counts = facetCounts(seedIndex, {
    ...EMPTY_FILTER,
    statuses: ['operating'],
    zones: ['hy-zone'],
  });

  it('status counts are under the zone constraint only', () => {
    expect(counts.statuses).toEqual([
      { value: 'planned', count: 19, selected: false },
      { value: 'signed', count: 4, selected: false },
      { value: 'under_construction', count: 8, selected: false },
      { value: 'topped_out', count: 5, selected: false },
      { value: 'fitting_out', count: 27, selected: false },
      { value: 'completed', count: 9, selected: false },
      { value: 'operating', count: 12, selected: true },
      { value: 'none', count: 15, selected: false },
    ]);
  });

  it('kind counts are under both constraints', () => {
    expect(counts.kinds).toEqual([
      { value: 'zone', count: 0, selected: false },
      { value: 'park', count: 3, selected: false },
      { value: 'plot', count: 1, selected: false },
      { value: 'building', count: 0, selected: false },
      { value: 'project', count: 8, selected: false },
    ]);
  });

  it('zone counts are under the status constraint only, and nest parks under zones', () => {
    const nonZero = counts.zones
      .filter((zone) => zone.count > 0)
      .map(({ value, count, parent }) => [value, count, parent]);
    expect(nonZero).toEqual([
      ['hy-zone', 12, undefined],
      ['xx-zone', 9, undefined],
      ['xt-hitech-zone', 1, undefined],
      ['xt-yuetang', 1, undefined],
      ['hy-software', 1, 'hy-zone'],
      ['hy-ecommerce', 2, 'hy-zone'],
      ['hy-south-renewal', 2, 'hy-zone'],
      ['hy-wantian', 2, 'hy-south-renewal'],
      ['xx-power-park', 3, 'xx-zone'],
      ['xx-electronics-park', 5, 'xx-zone'],
    ]);
    expect(counts.zones).toHaveLength(8 + 33); // every zone and park is a choice
    // A park inside a plot nests under the nearest zone or park: 云创产业园 → 总部基地.
    expect(counts.zones.find((zone) => zone.value === 'hy-yunchuang')?.parent).toBe('hy-hq-base');
    expect(counts.zones.find((zone) => zone.value === 'hy-zone')?.selected).toBe(true);
  });

  it('industry counts under both constraints, listed by data frequency then code point', () => {
    const nonZero = counts.industries.filter((i) => i.count > 0).map((i) => [i.value, i.count]);
    expect(nonZero).toEqual([
      ['电子信息', 1],
      ['数字经济', 1],
      ['电商', 1],
      ['直播电商', 2],
      ['医药包材', 1],
      ['电商培训', 1],
      ['软件', 1],
    ]);
    expect(counts.industries).toHaveLength(43);
    expect(counts.industries.slice(0, 4).map((i) => i.value)).toEqual([
      '人工智能',
      '电子信息',
      '数字经济',
      '文化创意',
    ]);
  });

  it('with the empty filter each count is the number of features with that value', () => {
    const all = facetCounts(seedIndex, EMPTY_FILTER);
    expect(all.kinds.map((k) => k.count)).toEqual([8, 33, 10, 24, 52]);
    expect(all.statuses.map((s) => s.count)).toEqual([20, 4, 13, 5, 27, 11, 23, 24]);
    expect(all.zones.find((z) => z.value === 'hy-zone')?.count).toBe(99);
  });

  it('a selected value the data lacks stays listed with count 0', () => {
    const withUnknown = facetCounts(seedIndex, { ...EMPTY_FILTER, industries: ['量子计算'] });
    expect(withUnknown.industries.at(-1)).toEqual({
      value: '量子计算',
      label: '量子计算',
      count: 0,
      selected: true,
    });
  });
});

describe('totals', () => {
  it('everything: figures of nested features are not added to their ancestors’', () => {
    // investment: 9 features state it, none inside another: 1e9 + 1e9 + 8e8 + 2e9 + 2.9e9 + 3.5e8
    // + 6e9 + 5e6 + 3e9 = 17 055 000 000. floorArea: 700 000 (总部基地, its 6号栋's 27 300 is inside)
    // + 60 000 (电商产业园, its 6 000 选品中心 inside) + 100 000 (电子信息产业园一期) = 860 000.
    // companies: stated 10 (湾田一期) + 42 (电力科技产业园) + 16 (电子信息产业园) = 68, plus the 22
    // distinct tenants of features not covered by those counts (3 + 1 + 4 + 6 + 5 + 1 + 1 + 1) = 90.
    expect(totals(seedIndex, filter({}))).toMatchObject({
      parks: 33,
      buildings: 24,
      investment: 17_055_000_000,
      floorArea: 860_000,
      jobs: 0,
      companies: 90,
    });
  });

  it('buildings only: the building’s own floor area counts once the park is filtered out', () => {
    expect(totals(seedIndex, filter({ kinds: ['building'] }))).toMatchObject({
      parks: 0,
      buildings: 24,
      investment: 0,
      floorArea: 27_300,
      jobs: 0,
      companies: 0,
    });
  });

  it('operating: 选品中心 inside a shown 电商产业园 is not added; 一期 under a park without floor area is', () => {
    // investment 1e9 (软件园) + 1e9 (电商) + 3e9 (电子信息) ; floor area 60 000 + 100 000;
    // companies 10 + 42 + 16 + tenants of 软件园 (6), 电商 (5), 万魔声学 (1) = 80.
    expect(totals(seedIndex, filter({ statuses: ['operating'] }))).toMatchObject({
      parks: 5,
      buildings: 0,
      investment: 5_000_000_000,
      floorArea: 160_000,
      jobs: 0,
      companies: 80,
    });
  });

  it('projects: tenants of 电力企业产业楼 count when their park (which states companies) is not shown', () => {
    // 华胜天成, 科大讯飞, 万魔声学, 湘乡电力, 泰湘电力
    expect(totals(seedIndex, filter({ kinds: ['project'] })).companies).toBe(5);
    expect(totals(seedIndex, filter({ kinds: ['project'] })).investment).toBe(10_055_000_000);
  });

  it('accepts ids or features too', () => {
    const ids = filter({ zones: ['xx-zone'] }).ids;
    const expected = {
      parks: 2,
      buildings: 2,
      investment: 3_000_000_000,
      floorArea: 100_000,
      jobs: 0,
      companies: 58,
    };
    expect(totals(seedIndex, ids)).toMatchObject(expected);
    expect(totals(seed.features, new Set(ids))).toEqual(totals(seedIndex, ids));
  });

  it('counts the features that state each figure: no jobs anywhere in the seeds is unknown, not 0', () => {
    // Counted here straight from the features: those passing that give the figure as a number
    // (companies: or name at least one tenant).
    const stating = (ids: readonly string[], has: (p: Record<string, unknown>) => boolean) => {
      const passing = new Set(ids);
      return seed.features.filter(
        (f) => passing.has(f.id) && has(f.properties as unknown as Record<string, unknown>),
      ).length;
    };
    for (const state of [
      {},
      { kinds: ['building' as const] },
      { statuses: ['operating' as const] },
    ]) {
      const { ids } = filter(state);
      const { sources } = totals(seedIndex, ids);
      expect(sources).toEqual({
        investment: stating(ids, (p) => typeof p['investment'] === 'number'),
        floorArea: stating(ids, (p) => typeof p['floorArea'] === 'number'),
        jobs: stating(ids, (p) => typeof p['jobs'] === 'number'),
        companies: stating(
          ids,
          (p) =>
            typeof p['companies'] === 'number' ||
            (Array.isArray(p['tenants']) && p['tenants'].length > 0),
        ),
      });
    }
    const everything = totals(seedIndex, filter({}).ids).sources;
    expect(everything.jobs).toBe(0);
    expect(everything.investment).toBeGreaterThan(0);
  });

  it('jobs and a tenant listed twice, on a fixture', () => {
    const features = [
      feature('z', 'zone', { jobs: 1000, tenants: [{ name: 'Acme' }] }),
      feature('p', 'park', {
        parent: 'z',
        jobs: 300,
        tenants: [{ name: ' acme' }, { name: 'Ｂｅｔａ' }],
      }),
      feature('b', 'building', { parent: 'p', jobs: 50, tenants: [{ name: 'beta' }] }),
    ];
    const index = buildIndex(features);
    expect(totals(index, ['z', 'p', 'b'])).toMatchObject({ jobs: 1000, companies: 2 });
    expect(totals(index, ['p', 'b'])).toMatchObject({ jobs: 300, companies: 2 });
    expect(totals(index, ['z', 'b'])).toMatchObject({ jobs: 1000, companies: 2 });
    expect(totals(index, ['b'])).toMatchObject({ jobs: 50, companies: 1 });
  });
});

describe('buildIndex edge cases', () => {
  it('a parent cycle is cut at the edge that closes it (a → b → a: b becomes a root)', () => {
    const index = buildIndex([
      feature('a', 'park', { parent: 'b' }),
      feature('b', 'park', { parent: 'a' }),
      feature('c', 'building', { parent: 'a' }),
    ]);
    expect([...index.parentIndex]).toEqual([1, -1, 0]);
    expect([...index.order]).toEqual([1, 0, 2]);
  });

  it('an unknown parent makes a root; an invalid status counts as none', () => {
    const index = buildIndex([
      feature('a', 'park', { parent: 'missing', status: 'bogus' as never }),
    ]);
    expect(index.parentIndex[0]).toBe(-1);
    expect(applyFilter(index, { ...EMPTY_FILTER, statuses: ['none'] }).count).toBe(1);
  });
});

describe('filterExpression', () => {
  it('builds a match expression', () => {
    expect(filterExpression(['a', 'b', 'a'])).toEqual([
      'match',
      ['get', 'pmId'],
      ['a', 'b'],
      true,
      false,
    ]);
  });

  it('is false for no ids, and MapLibre agrees', () => {
    expect(filterExpression([])).toEqual(['boolean', false]);
    expect(mapKeeps(filterExpression([]), 'a')).toBe(false);
  });

  it('routes ids that clash with Object.prototype around match, which rejects them', () => {
    const expression = filterExpression(['constructor', 'x', '__proto__'], 'id');
    expect(expression).toEqual([
      'any',
      ['match', ['get', 'id'], ['x'], true, false],
      ['in', ['get', 'id'], ['literal', ['constructor', '__proto__']]],
    ]);
    expect(mapKeeps(filterExpression(['constructor', 'x']), 'constructor')).toBe(true);
    expect(mapKeeps(filterExpression(['constructor', 'x']), 'x')).toBe(true);
    expect(mapKeeps(filterExpression(['constructor', 'x']), 'toString')).toBe(false);
  });

  it('MapLibre keeps exactly the passing seed features', () => {
    const result = filter({ zones: ['xx-zone'] });
    const expression = filterExpression(result.ids);
    const kept = seed.features.filter((f) => mapKeeps(expression, f.id)).map((f) => f.id);
    expect(kept).toEqual(result.ids);
  });
});

describe('mapFilterExpression', () => {
  it('is null when nothing is filtered out', () => {
    expect(mapFilterExpression(seedIndex, filter({}))).toBeNull();
  });

  it('lists the passing ids when they are the fewer', () => {
    expect(mapFilterExpression(seedIndex, filter({ industries: ['ai'] }))).toEqual([
      'match',
      ['get', 'pmId'],
      ['hy-belt-road-college'],
      true,
      false,
    ]);
  });

  it('negates the failing ids when those are the fewer, and MapLibre agrees', () => {
    const result = filter({ zones: ['hy-zone'] }); // 99 of 127 pass
    const expression = mapFilterExpression(seedIndex, result);
    expect(expression?.[0]).toBe('!');
    expect((expression?.[1] as unknown[])[2]).toHaveLength(28);
    const kept = seed.features.filter((f) => mapKeeps(expression, f.id)).map((f) => f.id);
    expect(kept).toEqual(result.ids);
  });
});
