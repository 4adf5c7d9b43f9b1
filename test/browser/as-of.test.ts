// The as-of date in the element (#19 items 2 and 5), read back from the page in real Chromium: the
// `date` attribute → map colours (feature state), legend, list, totals and details as of then; the
// timeline by real key presses; `date` in the URL with `hash`. The seed counts at 2020-04 are the
// hand counts of test/unit/as-of.test.ts (33 shown: 23 without history, 10 with a stage by
// 2020-04-01; 94 not yet).
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { ID_PROPERTY, SOURCE_ID } from '../../src/map/layer-ids.js';
import type { ParkMap } from '../../src/park-map.js';
import {
  SEED_URL,
  collect,
  countTileLoads,
  mount,
  pixelOnNextFrame,
  projectedCentre,
  shadow,
  text,
  useCleanPage,
} from './helpers.js';

useCleanPage();

function legendCounts(element: ParkMap): Record<string, string> {
  const counts: Record<string, string> = {};
  for (const item of shadow(element).querySelectorAll('.legend-statuses li')) {
    counts[item.getAttribute('data-status')!] = item.querySelector('.count')!.textContent!.trim();
  }
  return counts;
}

async function idle(element: ParkMap) {
  await new Promise((resolve) => {
    element.map!.once('idle', resolve);
    element.map!.triggerRepaint();
  });
}

/** What MapLibre draws for a feature, with its feature state (null: not drawn in view). */
function drawn(element: ParkMap, id: string) {
  const found = element
    .map!.queryRenderedFeatures()
    .filter((f) => f.properties[ID_PROPERTY] === id);
  return found[0] ?? null;
}

function slider(element: ParkMap): HTMLElement {
  const timeline = shadow(element).querySelector('park-map-timeline');
  const track = timeline?.shadowRoot?.querySelector<HTMLElement>('[role="slider"]');
  if (!track) throw new Error('no timeline slider');
  return track;
}

describe('the `date` attribute', () => {
  it('2020-04 in Chinese: legend, list count and not-yet line as counted by hand', async () => {
    const { element } = await mount({ src: SEED_URL, date: '2020-04' }, undefined, true);
    await element.updateComplete;
    expect(legendCounts(element)).toEqual({
      planned: '4',
      under_construction: '1',
      operating: '2',
    });
    expect(text(shadow(element), '.legend-not-yet')).toBe('另有 94 项在此日期之后才出现');
    expect(text(shadow(element), '.shown-count')).toBe('显示 33 / 127 项');
    expect(text(shadow(element), '.totals .not-yet')).toBe('另有 94 项在此日期之后才出现');
    // The list's row of the software park says its status then (planned), not now (operating).
    const row = shadow(element).querySelector('[role="treeitem"][data-id="hy-software"]');
    expect(row?.textContent).toContain('规划');
    expect(row?.textContent).not.toContain('运营中');
    // A park signed later (云创, 2021-11) is not listed.
    expect(shadow(element).querySelector('[role="treeitem"][data-id="hy-yunchuang"]')).toBeNull();
    // Totals over what is shown then: 14 parks (the base, software, e-commerce, startup centre,
    // 中科智谷, 万田, 昭山文创园 (no history), the 世界500强 cluster (planned, 2020-04) and the six
    // areas and parks without history of the seed content work: 红树林标准厂房, 白沙/衡科片区, the
    // two corridors, 南部工业更新改造区), no building yet (the first is 2020-07).
    expect(text(shadow(element), '[data-total="parks"] dd')).toBe('14');
    expect(text(shadow(element), '[data-total="buildings"] dd')).toBe('0');
    // The status facet counts as of then.
    const facet = (status: string) =>
      text(shadow(element), `.facet[data-facet="status"] .choice[data-value="${status}"] .count`);
    expect(facet('planned')).toBe('4');
    expect(facet('operating')).toBe('2');
  });

  it('search finds only what is there on the date', async () => {
    const { element } = await mount({ src: SEED_URL, date: '2020-04' }, undefined, true);
    await element.updateComplete;
    const input = shadow(element).querySelector<HTMLInputElement>('.search-input')!;
    await userEvent.click(input);
    await userEvent.keyboard('软件');
    await element.updateComplete;
    const results = () =>
      [...shadow(element).querySelectorAll('.search-results button')].map((b) => b.textContent);
    expect(results().some((r) => r?.includes('软件产业园'))).toBe(true);
    await userEvent.clear(input);
    await userEvent.keyboard('云创');
    await element.updateComplete;
    expect(results()).toEqual([]);
    // At the latest 云创 is found.
    element.date = null;
    await element.updateComplete;
    expect(results().some((r) => r?.includes('云创'))).toBe(true);
  });

  it('2020-04 in English: the legend says how many appear later', async () => {
    const { element } = await mount(
      { src: SEED_URL, date: '2020-04', lang: 'en' },
      undefined,
      true,
    );
    await element.updateComplete;
    expect(text(shadow(element), '.legend-not-yet')).toBe('94 more appear after this date');
    expect(text(shadow(element), '.shown-count')).toBe('Showing 33 of 127');
  });

  it('colours the headquarters base by its status then (feature state), and hides what is not yet there', async () => {
    const { element } = await mount({ src: SEED_URL, date: '2020-07-01' });
    element.fitTo('hy-hq-base');
    await idle(element);
    // 1 July 2020 (seed 003): tower 2# topped out, the base under construction; now fitting out.
    const base = drawn(element, 'hy-hq-base');
    expect(base).not.toBeNull();
    expect(base!.properties.status).toBe('fitting_out');
    expect(base!.state.asOfStatus).toBe('under_construction');
    // 云创 (signed in Nov 2021, seed 000) is not there yet: hidden as a filter hides.
    const yunchuang = element
      .map!.querySourceFeatures(SOURCE_ID)
      .find((f) => f.properties[ID_PROPERTY] === 'hy-yunchuang');
    expect(yunchuang).toBeDefined();
    expect(element.map!.getFeatureState({ source: SOURCE_ID, id: yunchuang!.id! }).hidden).toBe(
      true,
    );
    expect(base!.state.hidden).toBeUndefined();
    // Back to the latest: the state is lifted, the colour is the data's again.
    element.date = null;
    await element.updateComplete;
    await idle(element);
    expect(drawn(element, 'hy-hq-base')!.state.asOfStatus).toBeUndefined();
    expect(
      element.map!.getFeatureState({ source: SOURCE_ID, id: yunchuang!.id! }).hidden,
    ).toBeUndefined();
  });

  it('building N2 drawn in its colour then (topped out, yellow) and now (fitting out, blue), with no tile re-made', async () => {
    const { element } = await mount({ src: SEED_URL });
    element.fitTo('hy-hq-n2');
    await idle(element);
    const centre = () => projectedCentre(element, 'hy-hq-n2');
    const [nowR, , nowB] = await pixelOnNextFrame(element, centre());
    // #4fc3f7 (fitting out): more blue than red.
    expect(nowB).toBeGreaterThan(nowR + 40);
    const tiles = countTileLoads(element);
    element.date = '2020-07-01';
    await element.updateComplete;
    await idle(element);
    // 1 July 2020 (seed 003): topped out, #fbc02d: more red than blue.
    const [thenR, , thenB] = await pixelOnNextFrame(element, centre());
    expect(thenR).toBeGreaterThan(thenB + 40);
    element.date = null;
    await element.updateComplete;
    await idle(element);
    const [againR, , againB] = await pixelOnNextFrame(element, centre());
    expect(againB).toBeGreaterThan(againR + 40);
    // Feature state only: MapLibre's worker re-made no tile of the source.
    expect(tiles.count).toBe(0);
  });

  it('the details panel: status then, the stage reached marked, later stages marked later', async () => {
    const { element } = await mount({ src: SEED_URL, date: '2020-07-01', selected: 'hy-hq-base' });
    await element.updateComplete;
    const root = shadow(element);
    expect(root.querySelector('.details .status')?.getAttribute('data-status')).toBe(
      'under_construction',
    );
    expect(text(root, '.details .as-of')).toBe('截至2020年7月1日');
    const stages = [...root.querySelectorAll('.timeline li')].map((li) => [
      li.getAttribute('data-date'),
      li.getAttribute('data-when'),
    ]);
    expect(stages).toEqual([
      ['2020-04', 'earlier'],
      ['2020-07-01', 'current'],
      ['2020-12', 'later'],
      ['2021-11', 'later'],
    ]);
    expect(root.querySelector('.timeline li[aria-current="date"]')?.getAttribute('data-date')).toBe(
      '2020-07-01',
    );
  });

  it('the details panel says when a feature has no dated stages, or is not yet there', async () => {
    const { element } = await mount({ src: SEED_URL, date: '2020-04', selected: 'hy-huasheng' });
    await element.updateComplete;
    const line = shadow(element).querySelector('.details .as-of');
    expect(line?.getAttribute('data-as-of')).toBe('no-history');
    expect(line?.textContent?.trim()).toBe('截至2020年4月：无分期记录，按现状显示');
    element.lang = 'en';
    element.selected = 'hy-yunchuang';
    await element.updateComplete;
    const notYet = shadow(element).querySelector('.details .as-of');
    expect(notYet?.getAttribute('data-as-of')).toBe('not-yet');
    expect(notYet?.textContent?.trim()).toBe(
      'As of April 2020: not yet there (its first stage is later)',
    );
  });

  it('an invalid date is a warning naming it, and the latest is shown', async () => {
    let errors: ReturnType<typeof collect<'park-map-error'>> = [];
    const { element: mounted } = await mount({ src: SEED_URL, date: '2020-13' }, (e) => {
      errors = collect(e, 'park-map-error');
    });
    await mounted.updateComplete;
    await expect
      .poll(() => errors.map((e) => [e.detail.code, e.detail.severity]))
      .toContainEqual(['invalid-date', 'warning']);
    expect(errors.find((e) => e.detail.code === 'invalid-date')!.detail.message).toContain(
      'date="2020-13"',
    );
    expect(shadow(mounted).querySelector('.legend-not-yet')).toBeNull();
    expect(legendCounts(mounted).operating).toBe('23');
  });
});

describe('the timeline', () => {
  it('by keyboard: Home, arrows and End step through the dates, told in words (zh)', async () => {
    const { element } = await mount({ src: SEED_URL });
    await element.updateComplete;
    const track = slider(element);
    expect(track.getAttribute('aria-valuetext')).toBe('最新');
    expect(track.getAttribute('aria-valuemax')).toBe('24');
    track.focus();
    await userEvent.keyboard('{Home}');
    await element.updateComplete;
    expect(element.date).toBe('2019');
    expect(element.getAttribute('date')).toBe('2019');
    expect(track.getAttribute('aria-valuetext')).toBe('2019年');
    // 2019: only 万田 and its plot (operating) besides the 16 without history.
    expect(legendCounts(element)).toEqual({ operating: '2' });
    await userEvent.keyboard('{ArrowRight}');
    await element.updateComplete;
    expect(element.date).toBe('2020-04');
    expect(track.getAttribute('aria-valuetext')).toBe('2020年4月');
    expect(legendCounts(element)).toEqual({
      planned: '4',
      under_construction: '1',
      operating: '2',
    });
    await userEvent.keyboard('{ArrowLeft}');
    await element.updateComplete;
    expect(element.date).toBe('2019');
    await userEvent.keyboard('{End}');
    await element.updateComplete;
    expect(element.date).toBeNull();
    expect(track.getAttribute('aria-valuetext')).toBe('最新');
    expect(shadow(element).querySelector('.legend-not-yet')).toBeNull();
  });

  it('in English, with the play button labelled', async () => {
    const { element } = await mount({ src: SEED_URL, lang: 'en', date: '2020-07' });
    await element.updateComplete;
    const track = slider(element);
    expect(track.getAttribute('aria-valuetext')).toBe('July 2020');
    expect(track.getAttribute('aria-label')).toBe('As-of date');
    const play = track.getRootNode() as ShadowRoot;
    expect(play.querySelector('.play')?.getAttribute('aria-label')).toBe('Play the timeline');
    track.focus();
    await userEvent.keyboard('{ArrowRight}');
    await element.updateComplete;
    expect(element.date).toBe('2020-07-01');
    expect(track.getAttribute('aria-valuetext')).toBe('1 July 2020');
  });

  it('play steps to the next date, pause stops', async () => {
    const { element } = await mount({ src: SEED_URL, date: '2021-11' });
    await element.updateComplete;
    const root = slider(element).getRootNode() as ShadowRoot;
    const play = root.querySelector<HTMLButtonElement>('.play')!;
    await userEvent.click(play);
    expect(play.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => element.date, { timeout: 5000 }).toBe('2021-11-23');
    await expect.poll(() => element.date, { timeout: 5000 }).toBeNull();
    // At the latest it stops by itself.
    await expect.poll(() => play.getAttribute('aria-pressed')).toBe('false');
  });

  it('is not drawn with timeline="none"', async () => {
    const { element } = await mount({ src: SEED_URL, timeline: 'none' });
    await element.updateComplete;
    expect(shadow(element).querySelector('park-map-timeline')).toBeNull();
  });
});

describe('the URL hash keeps the date', () => {
  it('a date chosen is written as date=…, and a new element on that URL restores it', async () => {
    const start = location.href;
    try {
      const first = await mount({ src: SEED_URL, hash: '' }, undefined, true);
      await first.element.updateComplete;
      slider(first.element).focus();
      await userEvent.keyboard('{Home}{ArrowRight}');
      await first.element.updateComplete;
      await expect.poll(() => location.hash).toContain('date=2020-04');
      first.element.remove();
      const second = await mount({ src: SEED_URL, hash: '' }, undefined, true);
      await second.element.updateComplete;
      expect(second.element.date).toBe('2020-04');
      expect(text(shadow(second.element), '.legend-not-yet')).toBe('另有 94 项在此日期之后才出现');
      expect(slider(second.element).getAttribute('aria-valuetext')).toBe('2020年4月');
    } finally {
      history.replaceState(null, '', start);
    }
  });
});

describe('the timeline beside the other controls', () => {
  for (const width of [390, 700, 1100]) {
    it(`at ${width} px wide with a data-problems banner: neither covers the other`, async () => {
      const seed = (await (await fetch(SEED_URL)).json()) as { features: unknown[] };
      const bad = {
        type: 'Feature',
        id: 'bad-one',
        geometry: { type: 'Point', coordinates: [112.6, 26.9] },
        properties: { kind: 'building', name: '坏', status: 'nonsense' },
      };
      const { element } = await mount({}, (e) => {
        e.data = { ...seed, features: [...seed.features, bad] };
        e.style.width = `${width}px`;
      });
      await element.updateComplete;
      const banner = shadow(element).querySelector('.issues')!.getBoundingClientRect();
      const timeline = shadow(element).querySelector('park-map-timeline')!.getBoundingClientRect();
      const toolbar = shadow(element).querySelector('.toolbar')!.getBoundingClientRect();
      const meets = (a: DOMRect, b: DOMRect) =>
        a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      expect(banner.height).toBeGreaterThan(0);
      expect(timeline.height).toBeGreaterThan(0);
      expect(meets(banner, timeline)).toBe(false);
      expect(meets(toolbar, timeline)).toBe(false);
    });
  }
});
