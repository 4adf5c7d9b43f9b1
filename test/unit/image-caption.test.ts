// The caption a map picture prints for the selected feature: its name, then its status (with the
// date), progress, figures, stated goals (tagged as goals) and statistics, in the reader's language,
// at most 14 lines under the name. Expected lines are written out by hand.
import { describe, expect, it } from 'vitest';
import type { ParkFeature, ParkProperties } from '../../src/data/types.js';
import { imageCaption } from '../../src/export/image-caption.js';

function feature(properties: Partial<ParkProperties>): ParkFeature {
  return {
    type: 'Feature',
    id: 'f',
    geometry: { type: 'Point', coordinates: [112.6, 26.9] },
    properties: { kind: 'park', name: '衡阳软件园', ...properties },
  };
}

describe('imageCaption', () => {
  it('prints everything the data states, in order, in English', () => {
    const caption = imageCaption(
      feature({
        'name:en': 'Hengyang Software Park',
        status: 'under_construction',
        statusDate: '2021-11',
        progress: 62.5,
        investment: 1.5e9,
        floorArea: 27300,
        floors: 17,
        // `workers` is no schema figure: goals may name any figure (see extra-labels.ts).
        targets: { jobs: 2000, workers: 300 } as ParkProperties['targets'],
        // Our translations (`…:en`) where given; the Chinese where not (增速).
        stats: [
          {
            label: '营业收入',
            'label:en': 'Operating revenue',
            value: 12_000_000,
            unit: '元',
            period: '2023年一季度',
            'period:en': 'Q1 2023',
          },
          { label: '增速', value: 12.5, unit: '%', target: true },
          {
            label: '接待游客',
            'label:en': 'Visits',
            value: 40100,
            unit: '人次',
            'unit:en': 'visits',
          },
        ],
      }),
      'en',
    );
    expect(caption).toEqual({
      title: 'Hengyang Software Park',
      lines: [
        'Under construction November 2021',
        '62.5% complete',
        'Investment CNY 1.5 billion',
        'Floor area 27,300 m²',
        'Floors 17 floors',
        'Jobs 2,000 jobs (goal)',
        'Workers on site 300 people (goal)',
        'Operating revenue (Q1 2023) CNY 12 million',
        '增速 (goal) 12.5%',
        'Visits 40,100 visits',
      ],
    });
  });

  it('prints in Chinese, with the status not stated when the data gives none', () => {
    const caption = imageCaption(
      feature({ statusDate: '2020-06-29', investment: 3e7, landArea: 27300 }),
      'zh-CN',
    );
    expect(caption.lines).toEqual([
      '未注明状态 2020年6月29日',
      '投资额 3000万元',
      '占地面积 2.73万平方米（40.95亩）',
    ]);
  });

  it('a status without a date is the status alone; a feature with nothing else has one line', () => {
    expect(imageCaption(feature({ status: 'operating' }), 'zh-CN')).toEqual({
      title: '衡阳软件园',
      lines: ['运营中'],
    });
    expect(imageCaption(feature({}), 'en').lines).toEqual(['Status not stated']);
  });

  it('prints the figures in the schema’s order, whatever order the data gives them in', () => {
    const caption = imageCaption(feature({ jobs: 800, height: 80, investment: 5e8 }), 'zh-CN');
    expect(caption.lines.slice(1)).toEqual(['投资额 5亿元', '高度 80米', '就业岗位 800人']);
  });

  it('leaves out what is not a number: figures, goals, progress', () => {
    const caption = imageCaption(
      feature({
        status: 'planned',
        progress: '50' as unknown as number,
        height: '80 m' as unknown as number,
        targets: { investment: '1亿' as unknown as number, jobs: 100 },
      }),
      'en',
    );
    expect(caption.lines).toEqual(['Planned', 'Jobs 100 jobs (goal)']);
  });

  it('reads stats only from a list: areas as areas, a value that is not a number as stated', () => {
    expect(imageCaption(feature({ stats: 'lots' }), 'en').lines).toEqual(['Status not stated']);
    const caption = imageCaption(
      feature({
        stats: [
          { label: '排名', value: '全省第一', unit: '' },
          { label: '改造面积', value: 27300, unit: '平方米', period: '2024年' },
        ],
      }),
      'zh-CN',
    );
    expect(caption.lines.slice(1)).toEqual(['排名 全省第一', '改造面积 (2024年) 2.73万平方米']);
  });

  it('stops at 14 lines under the title', () => {
    const stats = Array.from({ length: 20 }, (_, i) => ({ label: `指标${i + 1}`, value: i + 1 }));
    const caption = imageCaption(feature({ status: 'completed', stats }), 'zh-CN');
    expect(caption.lines).toHaveLength(14);
    expect(caption.lines[0]).toBe('已竣工');
    expect(caption.lines[13]).toBe('指标13 13');
  });

  it('prints figures, progress, goals and statistics with their qualifiers', () => {
    const caption = imageCaption(
      feature({
        status: 'completed',
        progress: 90,
        floorArea: 700_000,
        qualifiers: { floorArea: 'more_than', progress: 'at_least' },
        targets: { annualOutput: 2e9, qualifiers: { annualOutput: 'at_least' } },
        stats: [{ label: '工人', value: 1300, unit: '人', qualifier: 'more_than' }],
      }),
      'zh-CN',
    );
    expect(caption.lines).toEqual([
      '已竣工',
      '已完成90%以上',
      '建筑面积 70万余平方米',
      '年产值 20亿元以上 (目标)',
      '工人 1300余人',
    ]);
  });
});
