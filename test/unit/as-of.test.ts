// The as-of date (src/state/as-of.ts): partial dates, not yet, no history, latest unchanged; and
// the seed data (data/parks.geojson) on dates counted by hand from its history and the reports.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ParkFeature, Stage } from '../../src/data/types';
import { validateParkData } from '../../src/data/validate/index.js';
import {
  dateInWords,
  dayOf,
  featureAsOf,
  historyDates,
  isAsOfDate,
  viewAsOf,
} from '../../src/state/as-of';

const source = { title: 't', file: 'f.txt', quote: 'q' };
const stage = (date: string, extra: Partial<Stage> = {}): Stage => ({ date, source, ...extra });

function feature(id: string, properties: Partial<ParkFeature['properties']> = {}): ParkFeature {
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: [112.6, 26.9] },
    properties: { kind: 'building', name: id, ...properties },
  } as ParkFeature;
}

const tower = feature('tower', {
  status: 'operating',
  progress: 100,
  floorArea: 5000,
  statusNote: '已投产',
  history: [
    stage('2019', { status: 'planned' }),
    stage('2020-07', { status: 'under_construction', progress: 40, figures: { floorArea: 4000 } }),
    stage('2020-07-16', { note: 'no status stated' }),
    stage('2021-05-13', { status: 'operating', progress: 100 }),
  ],
});

describe('as-of dates', () => {
  it('takes YYYY, YYYY-MM and real YYYY-MM-DD days only', () => {
    for (const ok of ['2019', '2020-07', '2020-02-29', '2021-12-31'])
      expect(isAsOfDate(ok)).toBe(true);
    for (const bad of ['', '20', '2020-13', '2021-02-29', '2020-7', 'latest', '2020-07-01T00:00'])
      expect(isAsOfDate(bad)).toBe(false);
  });

  it('counts a partial date from its first day', () => {
    expect(dayOf('2019')).toBe('2019-01-01');
    expect(dayOf('2020-07')).toBe('2020-07-01');
    expect(dayOf('2020-07-16')).toBe('2020-07-16');
  });

  it('says dates in words in both languages', () => {
    expect(dateInWords('2020-07', 'zh-CN')).toBe('2020年7月');
    expect(dateInWords('2020-07', 'en')).toBe('July 2020');
    expect(dateInWords('2020-07-01', 'zh-CN')).toBe('2020年7月1日');
    expect(dateInWords('2020-07-01', 'en')).toBe('1 July 2020');
    expect(dateInWords('2019', 'zh-CN')).toBe('2019年');
    expect(dateInWords('2019', 'en')).toBe('2019');
  });
});

describe('featureAsOf', () => {
  it('is not yet there before its first stage', () => {
    expect(featureAsOf(tower, '2018-12-31').kind).toBe('not-yet');
  });

  it('a stage "2019" is reached on 2019-01-01, and a "2020-07" one on 2020-07-01', () => {
    const then = featureAsOf(tower, '2019-01-01');
    expect(then.kind).toBe('then');
    expect(then.feature.properties.status).toBe('planned');
    expect(then.feature.properties.progress).toBeUndefined();
    expect(then.feature.properties.floorArea).toBe(5000);
    expect(then.feature.properties.statusNote).toBeUndefined();
    const july = featureAsOf(tower, '2020-07');
    expect(july.stage).toBe(1);
    expect(july.feature.properties.status).toBe('under_construction');
    expect(july.feature.properties.progress).toBe(40);
    expect(july.feature.properties.floorArea).toBe(4000);
    expect(featureAsOf(tower, '2020-06-30').feature.properties.status).toBe('planned');
  });

  it('a stage without a status keeps the status of the one before', () => {
    const later = featureAsOf(tower, '2020-08');
    expect(later.stage).toBe(2);
    expect(later.feature.properties.status).toBe('under_construction');
  });

  it('is the feature itself once its last stage is reached, and without history', () => {
    const now = featureAsOf(tower, '2021-05-13');
    expect(now.kind).toBe('now');
    expect(now.feature).toBe(tower);
    const plain = feature('plain', { status: 'signed' });
    expect(featureAsOf(plain, '1990').feature).toBe(plain);
    expect(featureAsOf(plain, '1990').kind).toBe('now');
  });

  it('never changes the feature', () => {
    const before = JSON.stringify(tower);
    featureAsOf(tower, '2019');
    expect(JSON.stringify(tower)).toBe(before);
  });
});

describe('viewAsOf', () => {
  it('latest (null) is the same array, nothing left out', () => {
    const features = [tower, feature('plain')];
    const view = viewAsOf(features, null);
    expect(view.features).toBe(features);
    expect(view.notYet.size).toBe(0);
  });

  it('leaves out what is not yet there', () => {
    const view = viewAsOf([tower, feature('plain')], '2018');
    expect(view.features.map((f) => f.id)).toEqual(['plain']);
    expect([...view.notYet]).toEqual(['tower']);
  });

  it('lists the distinct dates, oldest first', () => {
    expect(historyDates([tower, tower])).toEqual(['2019', '2020-07', '2020-07-16', '2021-05-13']);
  });
});

// The seed data. Hand counts from the stages in data/parks.geojson and the reports they quote.
describe('the seed data as of a date', () => {
  const json = JSON.parse(
    readFileSync(new URL('../../data/parks.geojson', import.meta.url), 'utf8'),
  ) as unknown;
  const features = validateParkData(json).collection.features;
  const byId = (view: { features: readonly ParkFeature[] }, id: string) =>
    view.features.find((f) => f.id === id);

  it('has 24 distinct dates, 2019 first, 2021-11-23 last', () => {
    const dates = historyDates(features);
    expect(dates).toHaveLength(24);
    expect(dates[0]).toBe('2019');
    expect(dates.at(-1)).toBe('2021-11-23');
  });

  it('the headquarters base: under construction on 1 July 2020 (003: tower 2# topped out), fitting out in Nov 2021 (000)', () => {
    const july = featureAsOf(
      features.find((f) => f.id === 'hy-hq-base')!,
      '2020-07-01',
    );
    expect(july.kind).toBe('then');
    expect(july.stage).toBe(1);
    expect(july.feature.properties.status).toBe('under_construction');
    const now = featureAsOf(
      features.find((f) => f.id === 'hy-hq-base')!,
      '2021-11',
    );
    expect(now.feature.properties.status).toBe('fitting_out');
    expect(
      featureAsOf(
        features.find((f) => f.id === 'hy-hq-base')!,
        '2020-03',
      ).kind,
    ).toBe('not-yet');
  });

  it('April 2020: 33 shown (23 without history, 10 with a stage by 2020-04-01), 94 not yet', () => {
    // With a stage by then: the base (under construction, 002), the software park (planned),
    // e-commerce park, startup centre and 898 (no status said), 中科智谷 AI park (2020-04-01,
    // planned), the government service hall (planned), 万田 park and its plot (2019, operating),
    // and the 世界500强 cluster (002, April 2020: planned, "正积极打造"). Without history: the 16
    // of before and the 7 areas and parks the seed content work added (红树林标准厂房, 白沙/衡科
    // 片区, the two corridors, 南部工业更新改造区, 蓝思科技's plant), none with a status.
    const view = viewAsOf(features, '2020-04');
    expect(view.features).toHaveLength(33);
    expect(view.notYet.size).toBe(94);
    const statuses: Record<string, number> = {};
    for (const f of view.features) {
      const status = f.properties.status ?? 'none';
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
    expect(statuses).toEqual({ none: 26, under_construction: 1, planned: 4, operating: 2 });
    expect(byId(view, 'hy-software')?.properties.status).toBe('planned');
    expect(byId(view, 'hy-ecommerce')?.properties.status).toBeUndefined();
    expect(byId(view, 'hy-wantian')?.properties.status).toBe('operating');
  });

  it('the software park: planned (Apr 2020), signed 29 Jun 2020, operating 28 Oct 2020 (001)', () => {
    const park = features.find((f) => f.id === 'hy-software')!;
    expect(featureAsOf(park, '2020-06-28').feature.properties.status).toBe('planned');
    expect(featureAsOf(park, '2020-06-29').feature.properties.status).toBe('signed');
    expect(featureAsOf(park, '2020-10-28').feature.properties.status).toBe('operating');
  });

  it('latest: every feature as it is', () => {
    const last = viewAsOf(features, '2021-11-23');
    expect(last.features).toHaveLength(127);
    expect(last.changed.size).toBe(0);
    last.features.forEach((f, i) => expect(f).toBe(features[i]));
  });
});
