// Qualifiers (约, 余, 以上, 可达) of the seed figures in the element, read back from the page in both
// languages: the details panel of qualified seed features, and the totals line that sums them.
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { ParkMap } from '../../src/park-map.js';
import type { ParkFeatureCollection } from '../../src/data/types.js';
import { SEED_URL, mount, shadow, squarePolygon, text, useCleanPage } from './helpers.js';

useCleanPage();

async function details(id: string, lang: 'zh-CN' | 'en') {
  const { element } = await mount({ src: SEED_URL, lang, selected: id });
  await element.updateComplete;
  return shadow(element);
}

describe('qualified figures in the details panel', () => {
  it('the headquarters base in Chinese: 70万余平方米 and 800余人, as seed 000 words them', async () => {
    const root = await details('hy-hq-base', 'zh-CN');
    const floorArea = root.querySelector('.details [data-figure="floorArea"]');
    expect(floorArea?.getAttribute('data-qualifier')).toBe('more_than');
    expect(text(root, '.details [data-figure="floorArea"] dd')).toBe('70万余平方米');
    expect(text(root, '.extras [data-property="workers"] dd')).toBe('800余人');
    // A figure without a qualifier is shown as it is (共16栋单体建筑).
    expect(text(root, '.details [data-figure="buildingCount"] dd')).toBe('16栋');
    expect(
      root.querySelector('[data-figure="buildingCount"]')?.hasAttribute('data-qualifier'),
    ).toBe(false);
    // The qualifiers object itself is no row of "more".
    expect(root.querySelector('[data-property="qualifiers"]')).toBeNull();
    // 施工现场有1300多名工人 (seed 002): a statistic with its own qualifier.
    const stats = [...root.querySelectorAll('.stats [data-stat] dd')].map((dd) =>
      dd.textContent?.trim(),
    );
    expect(stats).toContain('1300余人');
  });

  it('the headquarters base in English: over 700,000 m², over 800 people', async () => {
    const root = await details('hy-hq-base', 'en');
    expect(text(root, '.details [data-figure="floorArea"] dd')).toBe('over 700,000 m²');
    expect(text(root, '.extras [data-property="workers"] dd')).toBe('over 800 people');
  });

  it('the big-data park goals: 20亿元以上 / at least CNY 2 billion, under targets', async () => {
    const zh = await details('hy-bigdata', 'zh-CN');
    expect(text(zh, '.targets [data-figure="annualOutput"] dd')).toBe('20亿元以上');
    expect(text(zh, '.targets [data-figure="annualTax"] dd')).toBe('1亿元以上');
    expect(text(zh, '.targets [data-figure="headCompanies"] dd')).toBe('8家以上');
    // 计划引进160家大数据企业: no qualifier.
    expect(text(zh, '.targets [data-figure="companies"] dd')).toBe('160家');
    document.body.replaceChildren();
    const en = await details('hy-bigdata', 'en');
    expect(text(en, '.targets [data-figure="annualOutput"] dd')).toBe('at least CNY 2 billion');
    expect(text(en, '.targets [data-figure="listedCompanies"] dd')).toBe('at least 3 companies');
  });

  it('the e-commerce park: 约6万平方米 / about 60,000 m²; the school: 已完成90%以上', async () => {
    const zh = await details('hy-ecommerce', 'zh-CN');
    expect(text(zh, '.details [data-figure="floorArea"] dd')).toBe('约6万平方米');
    expect(text(zh, '.targets [data-figure="jobs"] dd')).toBe('1000人以上');
    document.body.replaceChildren();
    const en = await details('hy-ecommerce', 'en');
    expect(text(en, '.details [data-figure="floorArea"] dd')).toBe('about 60,000 m²');
    document.body.replaceChildren();
    const school = await details('hy-intl-school', 'zh-CN');
    expect(text(school, '.details .progress span')).toBe('已完成90%以上');
    document.body.replaceChildren();
    const schoolEn = await details('hy-intl-school', 'en');
    expect(text(schoolEn, '.details .progress span')).toBe('at least 90% complete');
  });
});

describe('the totals line', () => {
  async function openFilters(element: ParkMap) {
    const filters = shadow(element).querySelector<HTMLDetailsElement>('.filters')!;
    if (!filters.open) await userEvent.click(filters.querySelector('summary')!);
  }

  it('operating features: the floor area sums an about (约6万) figure, so it says 约 / about', async () => {
    for (const [lang, expected] of [
      ['zh-CN', '约16万平方米'],
      ['en', 'about 160,000 m²'],
    ] as const) {
      const { element } = await mount({ src: SEED_URL, lang }, undefined, true);
      await openFilters(element);
      const operating = shadow(element).querySelector<HTMLInputElement>(
        '.facet[data-facet="status"] .choice[data-value="operating"] input',
      )!;
      operating.scrollIntoView({ block: 'center' });
      await userEvent.click(operating);
      await element.updateComplete;
      const total = shadow(element).querySelector('[data-total="floorArea"]');
      expect(total?.getAttribute('data-qualifier')).toBe('about');
      expect(text(shadow(element), '[data-total="floorArea"] dd')).toBe(expected);
      document.body.replaceChildren();
    }
  });

  it('a sum with a more-than figure says 超过 / over; an exact sum says nothing more', async () => {
    const parks: ParkFeatureCollection = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: 'a',
          geometry: squarePolygon(112.6, 26.9, 0.01),
          properties: {
            kind: 'park',
            name: '甲园',
            floorArea: 700_000,
            investment: 5e8,
            qualifiers: { floorArea: 'more_than' },
          },
        },
        {
          type: 'Feature',
          id: 'b',
          geometry: squarePolygon(112.7, 26.9, 0.01),
          properties: { kind: 'park', name: '乙园', floorArea: 60_000, investment: 1e8 },
        },
      ],
    };
    for (const [lang, floorArea, investment] of [
      ['zh-CN', '超过76万平方米', '6亿元'],
      ['en', 'over 760,000 m²', 'CNY 600 million'],
    ] as const) {
      const { element, loaded } = await mount(
        { lang },
        (created) => {
          created.data = parks;
        },
        true,
      );
      expect(loaded.errors).toEqual([]);
      await element.updateComplete;
      expect(text(shadow(element), '[data-total="floorArea"] dd')).toBe(floorArea);
      expect(text(shadow(element), '[data-total="investment"] dd')).toBe(investment);
      document.body.replaceChildren();
    }
  });
});
