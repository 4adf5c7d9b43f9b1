// One-box search. Expected results on the seed data were produced independently by a short Python
// re-implementation of the documented rules (unicodedata NFKC, categories P/S/Z ignored) over
// data/parks.geojson, and checked by reading the features; fixtures cover the edge cases.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type {
  Kind,
  ParkFeature,
  ParkFeatureCollection,
  ParkProperties,
} from '../../src/data/types';
import { applyFilter, buildIndex, facetCounts } from '../../src/explore/filter';
import { EMPTY_FILTER } from '../../src/explore/filter-state';
import { buildSearchIndex, matchMask, normaliseForSearch, search } from '../../src/explore/search';

const seed = JSON.parse(
  readFileSync(new URL('../../data/parks.geojson', import.meta.url), 'utf8'),
) as ParkFeatureCollection;
const seedIndex = buildSearchIndex(seed.features);

/** [id, matched, matchedText] of each result, for compact expectations. */
const find = (query: string, limit?: number) =>
  search(seedIndex, query, { limit }).map((r) => [r.id, r.matched, r.matchedText]);

function feature(id: string, name: string, extra: Partial<ParkProperties> = {}): ParkFeature {
  const kind: Kind = 'park';
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: [0, 0] },
    properties: { kind, name, ...extra },
  };
}

describe('normaliseForSearch', () => {
  it('folds full-width forms, case, spaces and punctuation', () => {
    expect(normaliseForSearch('鸿富锦工业厂房（二期）')).toBe('鸿富锦工业厂房二期');
    expect(normaliseForSearch('Ｉｆｌｙｔｅｋ')).toBe('iflytek');
    expect(normaliseForSearch(' “一带一路”青年·创新、创业 ')).toBe('一带一路青年创新创业');
    expect(normaliseForSearch('北地块2#楼')).toBe('北地块2楼');
  });
});

describe('search on the seed data', () => {
  it('讯飞 finds 科大讯飞衡阳智慧谷 once, by its name (a name beats its tenant 科大讯飞)', () => {
    expect(search(seedIndex, '讯飞')).toEqual([
      {
        id: 'hy-iflytek',
        name: '科大讯飞衡阳智慧谷',
        'name:en': 'iFLYTEK Hengyang Smart Valley',
        kind: 'project',
        matched: 'name',
        matchedText: '科大讯飞衡阳智慧谷',
      },
    ]);
  });

  it('iFlytek, any case, matches the tenant exactly and names it in Chinese', () => {
    const [result] = search(seedIndex, 'iflytek');
    expect(result).toMatchObject({
      id: 'hy-iflytek',
      matched: 'tenant',
      matchedText: 'iFLYTEK',
      tenantName: '科大讯飞',
    });
    expect(find('IFLYTEK')).toEqual([['hy-iflytek', 'tenant', 'iFLYTEK']]);
  });

  it('full-width input and spaces inside Chinese words still match', () => {
    expect(find('Ｉｆｌｙｔｅｋ')).toEqual([['hy-iflytek', 'tenant', 'iFLYTEK']]);
    expect(find('科大 讯飞')).toEqual([['hy-iflytek', 'tenant', '科大讯飞']]);
    expect(find('鸿富锦工业厂房(二期)')).toEqual([
      ['hy-hongfujin-2', 'name', '鸿富锦工业厂房（二期）'],
    ]);
  });

  it('part of an English word matches', () => {
    expect(find('fly')).toEqual([['hy-iflytek', 'name:en', 'iFLYTEK Hengyang Smart Valley']]);
  });

  it('a tenant hosted twice returns both hosts', () => {
    expect(find('湘乡电力')).toEqual([
      ['xx-power-park', 'tenant', '湘乡电力'],
      ['xx-power-company-buildings', 'tenant', '湘乡电力'],
    ]);
  });

  it('prefix matches, shorter names first, data order for ties', () => {
    expect(find('电力')).toEqual([
      ['xx-power-testing', 'name', '电力检测所'],
      ['xx-power-park', 'name', '电力科技产业园'],
      ['xx-power-company-buildings', 'name', '电力企业产业楼'],
      ['xx-power-1', 'name', '电力科技产业园一期'],
    ]);
  });

  it('prefix > word prefix > substring; names before tenants within a rank', () => {
    expect(find('hengyang')).toEqual([
      ['hy-zone', 'name:en', 'Hengyang National High-tech Zone'],
      ['hy-digital-corridor', 'name:en', 'Hengyang Digital Economy Corridor'],
      ['hy-no9-school', 'name:en', 'Hengyang No. 9 Middle School, New Campus'],
      ['hy-ecommerce', 'name:en', 'Hengyang High-tech E-commerce Industrial Park'],
      ['hy-ipo-center', 'name:en', 'Hengyang Enterprise Listing Guidance Centre'],
      ['hy-top500-cluster', 'name:en', 'Hengyang Fortune Global 500 Companies Cluster'],
      ['hy-hengyang-ave-corridor', 'name:en', 'Hengyang Avenue Innovation Industry Corridor'],
      ['hy-software', 'tenant', 'Hengyang Fengfengxia'],
      ['hy-iflytek', 'name:en', 'iFLYTEK Hengyang Smart Valley'],
      [
        'hy-sjtu-5g',
        'name:en',
        'Shanghai Jiao Tong University Hengyang 5G Materials and Equipment Innovation Centre',
      ],
    ]);
  });

  it('aliases count as names: 高新电商 finds the e-commerce park by its alias first', () => {
    expect(find('高新电商')).toEqual([
      ['hy-ecommerce', 'alias', '高新电商中心'],
      ['hy-ecommerce-selection', 'name', '高新电商产业园选品中心'],
    ]);
    expect(find('高薪')).toEqual([
      ['hy-future-city', 'alias', '高薪未来城'],
      ['hy-gaoxin-intl-city', 'name', '高薪国际城'],
    ]);
  });

  it('a Chinese word after Latin letters or digits is a word prefix: 5G产业园 before …衡阳5G材料…', () => {
    expect(find('5g')).toEqual([
      ['hy-5g-park', 'name', '5G产业园'],
      ['hy-sjtu-5g', 'name', '上海交通大学衡阳5G材料与装备创新中心'],
    ]);
  });

  it('substring matches in Chinese: 经开区', () => {
    expect(find('经开区')).toEqual([
      ['xx-zone', 'name', '湘乡经开区'],
      ['xt-etdz', 'name', '湘潭经开区'],
      ['xt-tianyi', 'name', '天易经开区'],
      ['xt-yuetang', 'alias', '岳塘经开区'],
    ]);
  });

  it('finds 天易经开区 by the misprint the report has (天易经经开区), kept as its alias', () => {
    expect(find('天易经经开区')).toEqual([['xt-tianyi', 'alias', '天易经经开区']]);
    expect(find('天易经开区')).toEqual([['xt-tianyi', 'name', '天易经开区']]);
  });

  it('respects the limit', () => {
    expect(find('hengyang', 2)).toEqual([
      ['hy-zone', 'name:en', 'Hengyang National High-tech Zone'],
      ['hy-digital-corridor', 'name:en', 'Hengyang Digital Economy Corridor'],
    ]);
    expect(find('hengyang', 0)).toEqual([]);
  });

  it('finds nothing for an empty, blank or punctuation-only query, or an unknown word', () => {
    expect(find('')).toEqual([]);
    expect(find('  ')).toEqual([]);
    expect(find('（）·')).toEqual([]);
    expect(find('zz')).toEqual([]);
  });
});

describe('search ranking on fixtures', () => {
  const index = buildSearchIndex([
    feature('a', '大数据中心二号'),
    feature('b', '数据中心'),
    feature('c', '数据'),
    feature('d', '其他', { tenants: [{ name: '数据' }] }),
    feature('e', '云数据', { aliases: ['Data Cloud'] }),
  ]);

  it('exact name, then exact tenant, then prefix, then substring (shorter first)', () => {
    expect(search(index, '数据').map((r) => [r.id, r.matched])).toEqual([
      ['c', 'name'],
      ['d', 'tenant'],
      ['b', 'name'],
      ['e', 'name'],
      ['a', 'name'],
    ]);
  });

  it('an English alias word prefix', () => {
    expect(search(index, 'cloud').map((r) => [r.id, r.matched, r.matchedText])).toEqual([
      ['e', 'alias', 'Data Cloud'],
    ]);
  });

  it('never matches across two texts, and skips texts that normalise to nothing', () => {
    const index = buildSearchIndex([
      feature('p', 'ab', { aliases: ['（）', 'c\u0000d'] }),
      feature('q', 'ef'),
    ]);
    expect(search(index, 'bc')).toEqual([]);
    expect(search(index, 'be')).toEqual([]);
    expect(search(index, 'cd').map((r) => [r.id, r.matched, r.matchedText])).toEqual([
      ['p', 'alias', 'c\u0000d'],
    ]);
    expect(search(index, 'ef').map((r) => r.id)).toEqual(['q']);
  });

  it('does not mutate the features', () => {
    const features = [feature('x', '测试', { tenants: [{ name: 'T' }] })];
    const copy = structuredClone(features);
    search(buildSearchIndex(features), 't');
    expect(features).toEqual(copy);
  });
});

describe('matchMask and applyFilter with a search', () => {
  const features = seed.features;
  const index = seedIndex;
  const filterIndex = buildIndex(features);

  it('marks every feature a query matches, without the results limit', () => {
    const mask = matchMask(index, '湘乡')!;
    const marked = features.filter((_, position) => mask[position] === 1).map((f) => f.id);
    // By hand from data/parks.geojson: the zone, the power park and one plot name 湘乡.
    expect(marked).toEqual(['xx-zone', 'xx-power-park', 'xx-power-company-buildings']);
    expect(
      search(index, '湘乡', { limit: 1000 })
        .map((r) => r.id)
        .sort(),
    ).toEqual([...marked].sort());
  });

  it('is null for an empty query, or one of only spaces and punctuation', () => {
    expect(matchMask(index, '')).toBeNull();
    expect(matchMask(index, ' ·、 ')).toBeNull();
  });

  it('a match brings what lies inside it, and combines with the facets (AND)', () => {
    const matches = matchMask(index, '湘乡');
    const result = applyFilter(filterIndex, EMPTY_FILTER, matches);
    expect(result.active).toBe(true);
    expect(result.count).toBe(16);
    const operating = applyFilter(
      filterIndex,
      { ...EMPTY_FILTER, statuses: ['operating'] },
      matches,
    );
    expect(operating.count).toBe(9);
    const counts = facetCounts(filterIndex, EMPTY_FILTER, matches);
    expect(counts.statuses.find((choice) => choice.value === 'operating')!.count).toBe(9);
  });

  it('a query nothing matches passes nothing (it does not fall back to everything)', () => {
    const result = applyFilter(filterIndex, EMPTY_FILTER, matchMask(index, 'zzqx'));
    expect(result).toMatchObject({ count: 0, active: true });
  });
});
