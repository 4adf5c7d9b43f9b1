// The shipped seed data (data/parks.geojson) in the element: every entity named by the seed reports
// loads without a problem and reaches MapLibre, and the panel shows what the reports say.
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import seedEntities from '../fixtures/seed-entities.json';
import { SEED_URL, mount, shadow, text, useCleanPage } from './helpers.js';
import type { GeoJSONSource } from 'maplibre-gl';
import type { ParkMap } from '../../src/park-map.js';

useCleanPage();

/** Ids of every feature MapLibre holds in the element's source. */
async function sourceIds(element: ParkMap): Promise<string[]> {
  const source = element.map!.getSource<GeoJSONSource>('park-map-features')!;
  const data = (await source.getData()) as unknown as {
    features: { properties: { pmId: string } }[];
  };
  return data.features.map((feature) => feature.properties.pmId).sort();
}

/** Ids of the features drawn in the current view (tiles split features: deduplicated). */
function drawnIds(element: ParkMap): string[] {
  const ids = element
    .map!.queryRenderedFeatures()
    .map((feature) => feature.properties.pmId as string);
  return [...new Set(ids)].sort();
}

describe('seed data in <park-map>', () => {
  it('loads every seed entity with no data problem and hands all of them to MapLibre', async () => {
    const { element, loaded } = await mount({ src: SEED_URL });
    expect(loaded.errors).toEqual([]);
    const names = loaded.features.map(
      (feature) => `${feature.properties.kind}:${feature.properties.name}`,
    );
    const expected = seedEntities.entities.map((entity) => `${entity.kind}:${entity.name}`);
    expect(names.sort()).toEqual(expected.sort());
    expect(await sourceIds(element)).toEqual(loaded.features.map((feature) => feature.id).sort());
  });

  it('draws every feature of the Hengyang zone when framed on it', async () => {
    const { element, loaded } = await mount({ src: SEED_URL });
    const map = element.map!;
    const moved = new Promise((resolve) => map.once('idle', resolve));
    element.fitTo('hy-zone');
    await moved;
    // Every feature whose ancestors lead to hy-zone (its parks, plots, buildings and projects).
    const byId = new Map(loaded.features.map((feature) => [feature.id, feature]));
    const inZone = (id: string | undefined): boolean =>
      id === 'hy-zone' || (id !== undefined && inZone(byId.get(id)?.properties.parent));
    const expected = loaded.features.filter((feature) => inZone(feature.id)).map((f) => f.id);
    expect(expected.length).toBeGreaterThan(50);
    const drawn = new Set(drawnIds(element));
    const missing = expected.filter((id) => !drawn.has(id));
    // What is not drawn on its own is project points, drawn in the clusters (their counts).
    expect(
      missing.filter((id) => {
        const feature = byId.get(id)!;
        return feature.properties.kind !== 'project' || feature.geometry.type !== 'Point';
      }),
    ).toEqual([]);
    const clusters = new Map(
      map
        .queryRenderedFeatures({ layers: ['park-map-cluster'] })
        .map((hit) => [hit.properties.cluster_id, hit.properties.point_count as number]),
    );
    const clustered = [...clusters.values()].reduce((sum, count) => sum + count, 0);
    expect(clustered).toBeGreaterThanOrEqual(missing.length);
  });

  it('shows the headquarters base with its figures, children and sources', async () => {
    const { element } = await mount({ src: SEED_URL, selected: 'hy-hq-base' });
    await element.updateComplete;
    const root = shadow(element);
    expect(text(root, '.details h2')).toBe('总部基地');
    // 总建筑面积70万余平方米，共16栋单体建筑 (seed 000).
    expect(text(root, '.details [data-figure="floorArea"] dd')).toBe('70万余平方米');
    expect(text(root, '.details [data-figure="buildingCount"] dd')).toBe('16栋');
    const children = [...root.querySelectorAll('.children li button')].map((button) =>
      button.textContent?.trim(),
    );
    expect(children).toContain('总部基地南地块');
    expect(children).toContain('总部基地北地块');
    expect(root.querySelector('.sources summary')?.textContent).toMatch(/^来源 \(\d+\)$/);
    // Who and when (#19): the item's byline as printed, the report's date, inferred (data/README.md).
    const first = root.querySelector('.sources li')!;
    expect(first.querySelector('cite')?.textContent).toBe('项目建设“热火朝天” 招商引资“无缝对接”');
    expect(first.querySelector('.source-by')?.textContent).toBe('文/谢小青 图/李西 谢小青');
    expect(first.querySelector('.source-date')?.textContent).toBe('2021年11月（推断）');
    expect(first.textContent?.replace(/\s+/g, ' ').trim()).toMatch(
      /^项目建设“热火朝天” 招商引资“无缝对接” — 文\/谢小青 图\/李西 谢小青，2021年11月（推断）/,
    );
  });

  it('walks from a plot to its building through the panel, by keyboard', async () => {
    const { element } = await mount({ src: SEED_URL, selected: 'hy-hq-south' });
    await element.updateComplete;
    const root = shadow(element);
    expect(text(root, '.details .progress span')).toBe('已完成95%');
    const selects: (string | null)[] = [];
    element.addEventListener('park-map-select', (event) => selects.push(event.detail.id));
    const building = [...root.querySelectorAll<HTMLButtonElement>('.children li button')].find(
      (button) => button.textContent?.trim() === '南地块1号楼',
    )!;
    building.focus();
    await userEvent.keyboard('{Enter}');
    await element.updateComplete;
    expect(selects).toEqual(['hy-hq-s1']);
    expect(text(root, '.details h2')).toBe('南地块1号楼');
  });

  it('shows the software park in English with its investment, goals and tenants', async () => {
    const { element } = await mount({ src: SEED_URL, lang: 'en', selected: 'hy-software' });
    await element.updateComplete;
    const root = shadow(element);
    expect(text(root, '.details h2')).toBe('South and West Hunan Software Industrial Park');
    // 投资10亿元 (seed 003) = 1,000,000,000 yuan.
    expect(text(root, '.details [data-figure="investment"] dd')).toBe('CNY 1 billion');
    // 力争3年后达到年产值20亿元: a goal, shown under targets only.
    expect(text(root, '.targets [data-figure="annualOutput"] dd')).toBe('CNY 2 billion');
    const tenants = [...root.querySelectorAll('.tenants .tenant-name')].map(
      (node) => node.textContent,
    );
    expect(tenants).toContain('海康威视');
    // A source in English: the byline stays as printed, the date in English, marked inferred.
    const first = root.querySelector('.sources li')!;
    expect(first.querySelector('.source-by')?.textContent).toBe('文/图 本报记者 莫雪松');
    expect(first.querySelector('.source-date')?.textContent).toBe('December 2020 (inferred)');
    expect(first.textContent?.replace(/\s+/g, ' ')).toContain(
      '衡阳高新投资集团：倾力打造项目建设新高地 — 文/图 本报记者 莫雪松, December 2020 (inferred)',
    );
  });

  it('shows properties beyond the core schema, labelled (nothing the data says is hidden)', async () => {
    const { element } = await mount({ src: SEED_URL, selected: 'hy-hq-base' });
    await element.updateComplete;
    const root = shadow(element);
    // 由中铁城建集团负责施工 … 800余名工人 (seed 000).
    expect(text(root, '.extras [data-property="contractor"] dt')).toBe('施工单位');
    expect(text(root, '.extras [data-property="contractor"] dd')).toBe('中铁城建集团');
    expect(text(root, '.extras [data-property="workers"] dd')).toBe('800余人');
  });

  it("shows the headquarters base's history as a timeline, oldest first, not as raw JSON", async () => {
    const { element } = await mount({ src: SEED_URL, selected: 'hy-hq-base' });
    await element.updateComplete;
    const root = shadow(element);
    expect(text(root, '.history h3')).toBe('进展历程');
    const stages = [...root.querySelectorAll('.history .timeline li')];
    const read = (selector: string) =>
      stages.map((li) => li.querySelector(selector)?.textContent?.trim() ?? '');
    expect(read('.stage-date')).toEqual(['2020年4月', '2020年7月1日', '2020年12月', '2021年11月']);
    expect(read('.stage-status')).toEqual(['在建', '在建', '在建', '装修中']);
    // 施工现场有1300多名工人,进度最快的一栋已建设至8层 (seed 002).
    expect(read('.stage-note')[0]).toBe('施工现场有1300多名工人,进度最快的一栋已建设至8层');
    expect(read('.stage-source')).toEqual([
      '中铁城建集团劳动竞赛在总部基地启动',
      '加速培育新经济 抢占发展“黄金赛道”',
      '衡阳高新投资集团：倾力打造项目建设新高地',
      '项目建设“热火朝天” 招商引资“无缝对接”',
    ]);
    expect(root.querySelector('.extras [data-property="history"]')).toBeNull();
    expect(root.querySelector('.details')?.textContent).not.toContain('"date"');
    // Styled by the rules the sheet adds when the panel is first drawn (late.styles.ts).
    const cite = root.querySelector<HTMLElement>('.history .stage-source')!;
    expect(getComputedStyle(cite).display).toBe('block');
  });

  it("shows a stage's progress in the timeline (the south plot: 95 % in November 2021)", async () => {
    const { element } = await mount({ src: SEED_URL, selected: 'hy-hq-south' });
    await element.updateComplete;
    const stage = shadow(element).querySelector('.history .timeline li')!;
    expect(stage.querySelector('.stage-date')?.textContent?.trim()).toBe('2021年11月');
    expect(stage.querySelector('.stage-progress')?.textContent?.trim()).toBe('95%');
  });
});
