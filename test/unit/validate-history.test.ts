// A feature's `history` (src/data/validate/history.ts): every problem a warning, the feature kept,
// each message naming the feature and the stage's field, in English and Chinese.
import { describe, expect, test } from 'vitest';
import { describeIssue } from '../../src/data/issue-messages';
import { describeIssueGroup } from '../../src/data/issue-group-messages';
import { groupIssues } from '../../src/data/issue-groups';
import type { DataIssue } from '../../src/data/types';
import { compareDates, isIsoDate } from '../../src/data/validate/history';
import { validateParkData } from '../../src/data/validate/index.js';

const SOURCE = {
  title: '加速培育新经济 抢占发展“黄金赛道”',
  file: '003.txt',
  quote: '主体结构完成封顶',
};

/** One building with these properties beside its history; the validation's result. */
function check(history: unknown, extra: Record<string, unknown> = {}) {
  return validateParkData({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        id: 'n2',
        geometry: { type: 'Point', coordinates: [112.6, 26.91] },
        properties: { kind: 'building', name: '北地块2#楼', ...extra, history },
      },
    ],
  });
}

const codes = (issues: DataIssue[]) => issues.map((issue) => [issue.code, issue.path]);
const at = (field: string) => `features[0].properties.${field}`;

const GOOD = [
  { date: '2020-04', status: 'under_construction', progress: 20, source: SOURCE },
  {
    date: '2020-07-01',
    status: 'topped_out',
    note: '主体结构完成封顶',
    'note:en': 'Topped out',
    source: SOURCE,
  },
  { date: '2020-12', status: 'fitting_out', progress: 60, figures: { floors: 24 }, source: SOURCE },
];

describe('history', () => {
  test('a valid history gives no issue and is kept as it is', () => {
    const result = check(GOOD, { status: 'fitting_out', progress: 60 });
    expect(result.errors).toEqual([]);
    expect(result.collection.features[0]?.properties.history).toEqual(GOOD);
  });

  test('not a list: left out, the feature stays', () => {
    const result = check('2020 封顶', { status: 'fitting_out' });
    expect(codes(result.errors)).toEqual([['history-not-a-list', at('history')]]);
    expect(result.errors[0]?.severity).toBe('warning');
    expect(result.collection.features).toHaveLength(1);
    expect(result.collection.features[0]?.properties.history).toBeUndefined();
    expect(result.errors[0]?.reason).toBe(
      'Feature "n2" (北地块2#楼), properties.history: "2020 封顶" is not a list; write "history" as a list of stages in square brackets, oldest first, e.g. [{"date": "2020-07-01", "status": "topped_out", "source": {"title": "…", "quote": "…"}}]. The history is not shown until then.',
    );
  });

  test('a stage that is not an object, or has no date or a bad one, is left out alone', () => {
    const result = check(
      [
        'topped out',
        { status: 'planned', source: SOURCE },
        { date: '2020-02-30', source: SOURCE },
        { date: '2020/07/01', source: SOURCE },
        GOOD[2],
      ],
      { status: 'fitting_out', progress: 60 },
    );
    expect(codes(result.errors)).toEqual([
      ['history-stage-not-object', at('history[0]')],
      ['history-bad-date', at('history[1].date')],
      ['history-bad-date', at('history[2].date')],
      ['history-bad-date', at('history[3].date')],
    ]);
    expect(result.errors.every((issue) => issue.severity === 'warning')).toBe(true);
    expect(result.collection.features[0]?.properties.history).toEqual([GOOD[2]]);
    expect(describeIssue(result.errors[1]!, 'zh-CN')).toBe(
      '要素“n2”（北地块2#楼）的 properties.history[1].date：该阶段没有 "date"（日期），请按报道所给的精度填写：YYYY-MM-DD、YYYY-MM 或 YYYY（例如 "2020-07-01"）。修改前该阶段不显示。',
    );
    expect(result.errors[2]?.reason).toContain('"2020-02-30" is not a date');
  });

  test('out of order and duplicate dates are said; the stages stay where they are', () => {
    const result = check(
      [
        { ...GOOD[1], status: undefined },
        { date: '2020-04', source: SOURCE },
        { date: '2020-04', source: SOURCE },
        // A month and a day in it overlap: not out of order.
        { date: '2020-04-21', source: SOURCE },
      ],
      {},
    );
    expect(codes(result.errors)).toEqual([
      ['history-out-of-order', at('history[1].date')],
      ['history-duplicate-date', at('history[2].date')],
    ]);
    expect(result.collection.features[0]?.properties.history).toHaveLength(4);
    expect(result.errors[0]?.reason).toBe(
      'Feature "n2" (北地块2#楼), properties.history[1].date: 2020-04 is earlier than the stage before it (2020-07-01); list the stages oldest first.',
    );
    expect(describeIssue(result.errors[1]!, 'zh-CN')).toContain(
      '前一个阶段的日期同为 2020-04，请合并这两个阶段',
    );
  });

  test('progress out of range is left out; progress going back is said', () => {
    const result = check(
      [
        { date: '2020-04', progress: 80, source: SOURCE },
        { date: '2020-07', progress: 140, source: SOURCE },
        { date: '2020-12', progress: 60, source: SOURCE },
      ],
      { progress: 60 },
    );
    expect(codes(result.errors)).toEqual([
      ['history-progress-out-of-range', at('history[1].progress')],
      ['history-progress-decreasing', at('history[2].progress')],
    ]);
    expect(result.collection.features[0]?.properties.history?.[1]).toEqual({
      date: '2020-07',
      source: SOURCE,
    });
    expect(result.errors[1]?.reason).toContain('The progress 60% is less than 80% at 2020-04');
    expect(describeIssue(result.errors[1]!, 'zh-CN')).toContain('进度 60% 低于 2020-04 时的 80%');
  });

  test('an unknown status is left out of the stage, with a suggestion', () => {
    const result = check([{ date: '2020-07-01', status: '已封顶', source: SOURCE }], {});
    expect(codes(result.errors)).toEqual([['history-unknown-status', at('history[0].status')]]);
    expect(result.errors[0]?.params?.['suggestion']).toBe('topped_out');
    expect(result.collection.features[0]?.properties.history?.[0]?.status).toBeUndefined();
    expect(describeIssue(result.errors[0]!, 'zh-CN')).toContain('是否应为“topped_out”（已封顶）？');
  });

  test('a stage without a source (or without its title) is said and kept', () => {
    const result = check(
      [
        { date: '2020-04' },
        { date: '2020-07', source: { file: '003.txt' } },
        { date: '2020-12', source: 'the paper' },
      ],
      {},
    );
    expect(codes(result.errors)).toEqual([
      ['history-missing-source', at('history[0].source')],
      ['history-missing-source', at('history[1].source')],
      ['history-missing-source', at('history[2].source')],
    ]);
    expect(result.collection.features[0]?.properties.history).toHaveLength(3);
    expect(result.collection.features[0]?.properties.history?.[2]).toEqual({ date: '2020-12' });
  });

  test('the latest stage disagreeing with the current status or progress is said', () => {
    const result = check(GOOD, { status: 'completed' });
    expect(codes(result.errors)).toEqual([
      ['history-latest-disagrees', at('history[2].status')],
      ['history-latest-disagrees', at('history[2].progress')],
    ]);
    expect(result.errors[0]?.reason).toBe(
      'Feature "n2" (北地块2#楼), properties.history[2].status: The latest stage gives status "fitting_out", but the feature\'s status is "completed"; the current properties are the latest stage: make them agree.',
    );
    expect(describeIssue(result.errors[1]!, 'zh-CN')).toBe(
      '要素“n2”（北地块2#楼）的 properties.history[2].progress：最新阶段的 progress 为“60”，而要素当前的 progress 为（无）；当前属性即最新阶段，请使两者一致。',
    );
  });

  test('text and figures of a stage that are something else are left out', () => {
    const result = check(
      [{ date: '2020-12', note: 5, figures: { floors: '24层', height: -3 }, source: SOURCE }],
      {},
    );
    expect(codes(result.errors)).toEqual([
      ['not-text', at('history[0].note')],
      ['figure-as-text', at('history[0].figures.floors')],
      ['figure-negative', at('history[0].figures.height')],
    ]);
    expect(result.collection.features[0]?.properties.history?.[0]).toEqual({
      date: '2020-12',
      figures: {},
      source: SOURCE,
    });
  });

  test('grouped: one headline for many features, in both languages', () => {
    const bad = { date: 'soon', source: SOURCE };
    const result = validateParkData({
      type: 'FeatureCollection',
      features: ['a', 'b'].map((id) => ({
        type: 'Feature',
        id,
        geometry: { type: 'Point', coordinates: [112.6, 26.91] },
        properties: { kind: 'project', name: id, history: [bad] },
      })),
    });
    const [group] = groupIssues(result.errors);
    expect(describeIssueGroup(group!, 'en')).toBe(
      '2 features have history stages without a date as YYYY-MM-DD, YYYY-MM or YYYY; they are not shown until then.',
    );
    expect(describeIssueGroup(group!, 'zh-CN')).toBe(
      '2 个要素的历程中有阶段缺少 YYYY-MM-DD、YYYY-MM 或 YYYY 格式的日期。修改前这些阶段不显示。',
    );
  });

  test('the input is never changed, whatever is left out of the copy', () => {
    const history = [
      { date: ' 2020-04 ', status: 'built', progress: 120, note: 7, source: 'x' },
      { date: '2020-07', figures: { floors: '24层' }, source: SOURCE },
    ];
    const before = JSON.stringify(history);
    const result = check(history, {});
    expect(result.errors.length).toBeGreaterThan(0);
    expect(JSON.stringify(history)).toBe(before);
    expect(result.collection.features[0]?.properties.history?.[0]?.date).toBe('2020-04');
  });

  test('dates: calendar days, and overlapping precisions', () => {
    expect(isIsoDate('2020')).toBe(true);
    expect(isIsoDate('2020-02-29')).toBe(true);
    expect(isIsoDate('2021-02-29')).toBe(false);
    expect(isIsoDate('2020-13')).toBe(false);
    expect(isIsoDate('20-07-01')).toBe(false);
    expect(compareDates('2020', '2020-07-01')).toBe(0);
    expect(compareDates('2020-06', '2020-07-01')).toBe(-1);
    expect(compareDates('2021-11', '2020-12')).toBe(1);
  });
});
