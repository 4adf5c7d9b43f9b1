// English for real (issue #18): in lang="en" the details panel, its links, the list and the map
// labels lead with `name:en`, the seed's texts show in our English with the Chinese original beside
// them (lang="zh-CN"), and the industry facet offers sectors. Real Chromium, seed data, real clicks.
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { ParkMap } from '../../src/park-map.js';
import { SEED_URL, mount, shadow, text, useCleanPage } from './helpers.js';

useCleanPage();

const startUrl = location.href;
afterEach(() => history.replaceState(history.state, '', startUrl));

async function details(lang: string, selected: string) {
  const { element } = await mount({ src: SEED_URL, lang, selected });
  await element.updateComplete;
  return { element, panel: shadow(element).querySelector<HTMLElement>('.details')! };
}

describe('the details panel in English', () => {
  it('heads with name:en and gives the Chinese name beside it as the original', async () => {
    const { panel } = await details('en', 'hy-software');
    const heading = panel.querySelector('h2')!;
    expect(heading.textContent?.trim()).toBe('South and West Hunan Software Industrial Park');
    expect(heading.lang).toBe('en');
    const original = panel.querySelector<HTMLElement>('.name-original')!;
    expect(original.textContent?.trim()).toBe('湘南湘西软件产业园');
    expect(original.lang).toBe('zh-CN');
  });

  it('in Chinese the heading stays the Chinese name', async () => {
    const { panel } = await details('zh-CN', 'hy-software');
    const heading = panel.querySelector('h2')!;
    expect(heading.textContent?.trim()).toBe('湘南湘西软件产业园');
    expect(heading.lang).toBe('zh-CN');
    expect(panel.querySelector('.name-original')).toBeNull();
    expect(panel.querySelector('.translation-note')).toBeNull();
  });

  it('names the parent and the children by name:en, and the parent link selects it', async () => {
    const { element, panel } = await details('en', 'hy-hq-s1');
    const parent = panel.querySelector<HTMLButtonElement>('header .kind button')!;
    expect(parent.textContent?.trim()).toBe('Headquarters Base, South Plot');
    await userEvent.click(parent);
    await element.updateComplete;
    expect(element.selected).toBe('hy-hq-south');
    const children = [...panel.querySelectorAll('.children li button')].map((button) =>
      button.textContent?.trim(),
    );
    expect(children).toContain('South Plot, Building 1');
    expect(children).not.toContain('南地块1号楼');
  });

  it('the headquarters base, selected from its plot, shows its timeline in English', async () => {
    const { element } = await details('en', 'hy-hq-south');
    const root = element.shadowRoot!;
    await userEvent.click(root.querySelector<HTMLButtonElement>('.details header .kind button')!);
    await element.updateComplete;
    expect(element.selected).toBe('hy-hq-base');
    const panel = root.querySelector<HTMLElement>('.details')!;
    expect(text(panel, '.history h3')).toBe('Timeline');
    const stages = [...panel.querySelectorAll('.history .timeline li')];
    const read = (selector: string) =>
      stages.map((li) => li.querySelector(selector)?.textContent?.trim() ?? '');
    expect(read('.stage-date')).toEqual([
      'April 2020',
      '1 July 2020',
      'December 2020',
      'November 2021',
    ]);
    expect(read('.stage-status')).toEqual([
      'Under construction',
      'Under construction',
      'Under construction',
      'Fitting out',
    ]);
    // Our English leads, the report's Chinese beside it as the original.
    expect(read('.stage-note [lang="en"]')).toEqual([
      'Over 1,300 workers on site; the fastest tower has reached floor 8',
      'Tower 2# of the north plot topped out; the project enters its peak of construction',
      'Six buildings structurally complete, moving on to fit-out one after another',
      'Fully in the finishing stage',
    ]);
    expect(read('.stage-note .original[lang="zh-CN"]')[1]).toBe(
      '北地块2#楼封顶,项目进入建设高峰期',
    );
    // The report's title stays as published, marked Chinese.
    const source = stages[0]!.querySelector<HTMLElement>('.stage-source')!;
    expect(source.textContent?.trim()).toBe('中铁城建集团劳动竞赛在总部基地启动');
    expect(source.lang).toBe('zh-CN');
    expect(text(panel, '.translation-note')).toBe(
      'English translated by park-map; original in Chinese',
    );
  });

  it('shows the status note and the address in our English, the Chinese beside them', async () => {
    const { panel } = await details('en', 'hy-pinghu-bridge');
    const note = panel.querySelector('.status-note')!;
    expect(text(note, '[lang="en"]')).toBe(
      'Closed for a major overhaul; expected to reopen before 1 May',
    );
    expect(text(note, '.original[lang="zh-CN"]')).toBe('正在进行全封闭大修,预计5月1日前重新开放');
    const address = panel.querySelector('[data-property="address"] dd')!;
    expect(text(address, '[lang="en"]')).toBe('West side of Pinghu Park');
    expect(text(address, '.original[lang="zh-CN"]')).toBe('平湖公园西面');
    // Said once: the English is ours.
    expect(panel.querySelectorAll('.translation-note')).toHaveLength(1);
    expect(text(panel, '.translation-note')).toBe(
      'English translated by park-map; original in Chinese',
    );
  });

  it('in Chinese the status note and the address are the Chinese alone', async () => {
    const { panel } = await details('zh-CN', 'hy-pinghu-bridge');
    expect(text(panel, '.status-note')).toBe('正在进行全封闭大修,预计5月1日前重新开放');
    expect(text(panel, '[data-property="address"] dd')).toBe('平湖公园西面');
    expect(panel.querySelector('.status-note [lang="en"]')).toBeNull();
  });

  it('statistics (label, period, unit), award and industry tags in English', async () => {
    const zone = await details('en', 'xx-zone');
    const firstStat = zone.panel.querySelector('[data-stat] dt')!;
    expect(text(firstStat, ':scope > [lang="en"]')).toBe(
      'Revenue from technology, industry and trade',
    );
    expect(text(firstStat, '.period [lang="en"]')).toBe('Q1 2021');
    expect(text(zone.panel, '[data-property="award"] dd [lang="en"]')).toMatch(/^Excellence award/);
    expect(text(zone.panel, '.industries')).toContain('electronic information');
    zone.element.remove();

    const { panel } = await details('en', 'xx-chuangpu');
    // 20个工作日 from signing to construction: the unit in English too.
    const rows = [...panel.querySelectorAll('[data-stat]')].map((row) => text(row, 'dd'));
    expect(rows).toContain('20 working days');
  });

  it('a feature without name:en shows its Chinese name, marked zh-CN', async () => {
    const { element } = await mount({ lang: 'en' }, (el) => {
      el.data = {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            id: 'own',
            geometry: { type: 'Point', coordinates: [112.6, 26.9] },
            properties: { kind: 'park', name: '我的园区', statusNote: '已建成' },
          },
        ],
      };
    });
    element.selected = 'own';
    await element.updateComplete;
    const panel = shadow(element).querySelector('.details')!;
    const heading = panel.querySelector('h2')!;
    expect(heading.textContent?.trim()).toBe('我的园区');
    expect(heading.lang).toBe('zh-CN');
    expect(panel.querySelector('.status-note [lang="zh-CN"]')?.textContent).toBe('已建成');
    // No translation of ours here: no note saying there is one.
    expect(panel.querySelector('.translation-note')).toBeNull();
  });
});

describe('the list and the map in English', () => {
  it('list rows and zone labels are the English names, marked lang="en"', async () => {
    const { element } = await mount({ src: SEED_URL, lang: 'en' }, undefined, true);
    await element.updateComplete;
    const root = shadow(element);
    expect(text(root, '.item[data-id="hy-zone"] .item-name')).toBe(
      'Hengyang National High-tech Zone',
    );
    await expect
      .poll(
        () =>
          [...root.querySelectorAll<HTMLElement>('.park-map-label')].find(
            (label) => label.textContent === 'Hengyang National High-tech Zone',
          )?.lang,
      )
      .toBe('en');
  });
});

describe('the industry facet', () => {
  function facetChoices(element: ParkMap) {
    return [
      ...shadow(element).querySelectorAll<HTMLElement>('.facet[data-facet="industry"] .choice'),
    ].map((choice) => [
      choice.dataset['value'],
      text(choice, '.choice-label'),
      Number(text(choice, '.count')),
    ]);
  }

  async function openFilters(element: ParkMap) {
    const filters = shadow(element).querySelector<HTMLDetailsElement>('.filters')!;
    if (!filters.open) await userEvent.click(filters.querySelector('summary')!);
  }

  it('offers sectors with counts; ticking one lists exactly the features with one of its tags', async () => {
    const { element } = await mount({ src: SEED_URL, lang: 'en' }, undefined, true);
    await openFilters(element);
    expect(facetChoices(element)).toEqual([
      ['ai-data', 'Artificial intelligence and big data', 6],
      ['culture-tourism', 'Culture, creative industries and tourism', 6],
      ['electronics', 'Electronic information', 5],
      ['software-cloud', 'Software and information services', 5],
      ['smart-manufacturing', 'Smart manufacturing and design', 5],
      ['next-gen-it', 'Next-generation IT and communications', 4],
      ['e-commerce', 'E-commerce and live streaming', 3],
      ['business-services', 'Business and financial services', 3],
      ['new-materials', 'New materials', 2],
      ['logistics', 'Modern logistics', 2],
      ['power-equipment', 'Power equipment', 1],
    ]);
    const input = shadow(element).querySelector<HTMLInputElement>(
      '.facet[data-facet="industry"] .choice[data-value="e-commerce"] input',
    )!;
    input.scrollIntoView({ block: 'center' });
    await userEvent.click(input);
    await element.updateComplete;
    expect(element.filter.sectors).toEqual(['e-commerce']);
    const listed = [...shadow(element).querySelectorAll<HTMLElement>('.tree .item')].map(
      (item) => item.dataset['id'],
    );
    // 电商 (hy-zone, hy-ecommerce), 直播电商 and 电商培训 (hy-ecommerce, hy-zhurong).
    expect(listed.sort()).toEqual(['hy-ecommerce', 'hy-zhurong', 'hy-zone']);
  });

  it('an older shared link naming a raw tag still filters by that tag, which can be turned off', async () => {
    history.replaceState(history.state, '', `${location.pathname}${location.search}#industry=电商`);
    const { element } = await mount({ src: SEED_URL, hash: '' }, undefined, true);
    await element.updateComplete;
    expect(element.filter.industries).toEqual(['电商']);
    const listed = () =>
      [...shadow(element).querySelectorAll<HTMLElement>('.tree .item')].map(
        (item) => item.dataset['id'],
      );
    // The tag itself, not its sector: hy-zhurong (直播电商, 电商培训 only) is not listed.
    expect(listed().sort()).toEqual(['hy-ecommerce', 'hy-zone']);
    await openFilters(element);
    const tag = shadow(element).querySelector<HTMLInputElement>(
      '.facet[data-facet="industry"] .choice[data-value="电商"] input',
    )!;
    expect(tag.checked).toBe(true);
    tag.scrollIntoView({ block: 'center' });
    await userEvent.click(tag);
    await element.updateComplete;
    expect(element.filter.industries).toEqual([]);
    expect(listed()).toHaveLength(127);
  });
});
