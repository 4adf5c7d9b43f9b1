// The industry taxonomy over the seed data: every tag has a sector and our English, so a new tag
// added to data/parks.geojson without a mapping fails here; unknown tags fall into "other".
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ParkFeatureCollection } from '../../src/data/types';
import {
  KNOWN_TAGS,
  SECTORS,
  SECTOR_LABELS,
  industryLabel,
  sectorOf,
} from '../../src/data/sectors';
import { applyFilter, buildIndex, facetCounts } from '../../src/explore/filter';
import { EMPTY_FILTER } from '../../src/explore/filter-state';

const seed = JSON.parse(
  readFileSync(new URL('../../data/parks.geojson', import.meta.url), 'utf8'),
) as ParkFeatureCollection;
const seedTags = [
  ...new Set(seed.features.flatMap((feature) => feature.properties.industries ?? [])),
];
const han = /\p{Script=Han}/u;

describe('sectors of the seed tags', () => {
  it('the seed data has the 43 tags of issue #18, and the module knows exactly those', () => {
    expect(seedTags).toHaveLength(43);
    expect([...KNOWN_TAGS].sort()).toEqual([...seedTags].sort());
  });

  it.each(seedTags)('%s has a sector other than "other" and an English label', (tag) => {
    expect(sectorOf(tag)).not.toBe('other');
    const english = industryLabel(tag, 'en');
    expect(english).not.toBe('');
    expect(english).not.toMatch(han);
    // In Chinese the tag stays as the data words it.
    expect(industryLabel(tag, 'zh-CN')).toBe(tag);
  });

  it('a short list: 8 to 12 sectors besides "other", each labelled in both languages', () => {
    const named = SECTORS.filter((sector) => sector !== 'other');
    expect(named.length).toBeGreaterThanOrEqual(8);
    expect(named.length).toBeLessThanOrEqual(12);
    for (const sector of SECTORS) {
      expect(SECTOR_LABELS[sector]['zh-CN']).toMatch(han);
      expect(SECTOR_LABELS[sector].en).not.toMatch(han);
    }
    // Every sector but "other" is used by the seed data.
    expect(new Set(seedTags.map(sectorOf))).toEqual(new Set(named));
  });

  it('5A写字楼 is business services, not an industry of its own; 人工智能 and AI are one sector', () => {
    expect(sectorOf('5A写字楼')).toBe('business-services');
    expect(sectorOf('人工智能')).toBe(sectorOf('AI'));
  });

  it('a tag of a user’s own data falls into "other" and keeps its spelling in English', () => {
    expect(sectorOf('量子计算')).toBe('other');
    expect(industryLabel('量子计算', 'en')).toBe('量子计算');
    // Spelling variants of a known tag (width, case, spaces) are the same tag.
    expect(sectorOf(' ai ')).toBe('ai-data');
    expect(sectorOf('５Ｇ')).toBe('next-gen-it');
  });
});

describe('the sector facet', () => {
  const index = buildIndex(seed.features);
  /** Ids of the features naming a tag of `sector`, by a plain loop over the data. */
  const having = (sector: string) =>
    seed.features
      .filter((feature) =>
        (feature.properties.industries ?? []).some((tag) => sectorOf(tag) === sector),
      )
      .map((feature) => feature.id);

  it('offers the sectors with the number of features in each, most first', () => {
    const { sectors } = facetCounts(index, EMPTY_FILTER);
    expect(sectors.map((choice) => [choice.value, choice.count])).toEqual([
      ['ai-data', 6],
      ['culture-tourism', 6],
      ['electronics', 5],
      ['software-cloud', 5],
      ['smart-manufacturing', 5],
      ['next-gen-it', 4],
      ['e-commerce', 3],
      ['business-services', 3],
      ['new-materials', 2],
      ['logistics', 2],
      ['power-equipment', 1],
    ]);
    for (const choice of sectors) expect(choice.count).toBe(having(choice.value).length);
  });

  it('a sector passes exactly the features having one of its tags', () => {
    // By hand from the data: 电商 (hy-zone, hy-ecommerce), 直播电商 (hy-ecommerce, hy-zhurong),
    // 电商培训 (hy-zhurong).
    expect(applyFilter(index, { ...EMPTY_FILTER, sectors: ['e-commerce'] }).ids).toEqual([
      'hy-zone',
      'hy-ecommerce',
      'hy-zhurong',
    ]);
    for (const sector of SECTORS) {
      expect(applyFilter(index, { ...EMPTY_FILTER, sectors: [sector] }).ids).toEqual(
        having(sector),
      );
    }
  });

  it('an old link’s raw tag still filters, by that tag itself (not its whole sector)', () => {
    const tag = applyFilter(index, { ...EMPTY_FILTER, industries: ['电商'] });
    expect(tag.ids).toEqual(['hy-zone', 'hy-ecommerce']);
    // Tag and sector are one facet: OR-ed.
    const both = applyFilter(index, {
      ...EMPTY_FILTER,
      industries: ['电商'],
      sectors: ['power-equipment'],
    });
    expect(both.ids).toEqual(['hy-zone', 'hy-ecommerce', 'xx-power-park']);
  });

  it('counts follow the other facets, and unknown tags of a user’s data are "other"', () => {
    const own = buildIndex([
      ...seed.features.slice(0, 2),
      {
        type: 'Feature',
        id: 'mine',
        geometry: { type: 'Point', coordinates: [112.6, 26.9] },
        properties: { kind: 'park', name: '我的园区', industries: ['量子计算', '电子信息'] },
      },
    ]);
    const counts = facetCounts(own, { ...EMPTY_FILTER, kinds: ['park'] });
    expect(counts.sectors.find((choice) => choice.value === 'other')).toEqual({
      value: 'other',
      count: 1,
      selected: false,
      total: 1,
    });
    // hy-zone and xx-zone are zones: not counted under kind = park.
    expect(counts.sectors.find((choice) => choice.value === 'electronics')?.count).toBe(1);
    expect(counts.sectors.at(-1)?.value).toBe('other');
    expect(applyFilter(own, { ...EMPTY_FILTER, sectors: ['other'] }).ids).toEqual(['mine']);
  });
});
