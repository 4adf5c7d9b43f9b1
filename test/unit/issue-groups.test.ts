// Issues grouped by code for the CLI's report and the element's banner, from real validation.
import { describe, expect, it } from 'vitest';
import { fieldOf, groupIssues } from '../../src/data/issue-groups';
import {
  describeIssueGroup,
  GROUP_CODES,
  GROUP_CODES_ZH,
} from '../../src/data/issue-group-messages';
import { describeIssue, ISSUE_CODES } from '../../src/data/issue-messages';
import { validateParkData } from '../../src/data/validate/index';

const point = { type: 'Point', coordinates: [112.57, 26.89] };

function feature(id: string, properties: Record<string, unknown>, geometry: unknown = point) {
  return { type: 'Feature', id, geometry, properties };
}

const { errors: issues } = validateParkData({
  type: 'FeatureCollection',
  features: [
    feature('a', { kind: '楼', name: 'A' }),
    feature('b', { kind: 'building', name: 'B', status: 'finished' }),
    feature('c', { kind: 'factory', name: 'C' }),
    feature('d', { kind: 'building', name: 'D', investment: '10亿元', floorArea: '2万平方米' }),
    feature('e', { kind: 'tower', name: 'E' }),
    feature('f', { kind: 'building', name: 'F', investment: '3亿元' }),
  ],
});

describe('groupIssues', () => {
  it('one group per code and severity, errors first, every issue counted once', () => {
    const groups = groupIssues(issues);
    expect(
      groups.map(({ code, severity, count, features }) => [code, severity, count, features]),
    ).toEqual([
      ['unknown-kind', 'error', 3, 3],
      ['unknown-status', 'warning', 1, 1],
      ['figure-as-text', 'warning', 3, 2],
    ]);
    expect(groups.reduce((sum, group) => sum + group.count, 0)).toBe(issues.length);
    expect(groups[0]!.examples.map((issue) => issue.featureId)).toEqual(['a', 'c', 'e']);
    expect(groups[2]!.fields).toEqual(['properties.investment', 'properties.floorArea']);
  });

  it('keeps as many examples as asked, and does not change its input', () => {
    const copy = structuredClone(issues);
    expect(groupIssues(issues, { examples: 1 })[0]!.examples).toHaveLength(1);
    expect(groupIssues(issues, { examples: 0 })[0]!.examples).toEqual([]);
    expect(issues).toEqual(copy);
  });

  it('headlines in English and Chinese; a group of one is its issue', () => {
    const [kinds, status, figures] = groupIssues(issues);
    expect(describeIssueGroup(kinds!, 'en')).toBe(
      '3 features have a kind that is not one of zone, park, plot, building, project (or use default-kind). They are left out until then.',
    );
    expect(describeIssueGroup(kinds!, 'zh-CN')).toBe(
      '3 个要素的类型不是 zone、park、plot、building、project 之一（或使用 default-kind）。修改前不显示。',
    );
    expect(describeIssueGroup(status!, 'en')).toBe(describeIssue(status!.examples[0]!, 'en'));
    expect(describeIssueGroup(figures!, 'en')).toBe(
      '2 features have figures written as text (properties.investment, properties.floorArea, 3 values); write plain numbers. The figures are not shown until then.',
    );
    expect(describeIssueGroup(figures!, 'zh-CN')).toBe(
      '2 个要素的数值写成了文字（properties.investment, properties.floorArea，共 3 处）；请填写数字。修改前这些数值不显示。',
    );
  });

  it('several of one code on one feature: its first message and how many more', () => {
    const one = issues.filter((issue) => issue.featureId === 'd');
    const [group] = groupIssues(one);
    expect(describeIssueGroup(group!, 'en')).toBe(
      `${describeIssue(one[0]!, 'en')} (and 1 more like it on this feature)`,
    );
  });

  it('a code without a headline: the count and the first message', () => {
    const file = { path: '', code: 'from-elsewhere', severity: 'error' as const, reason: 'Odd.' };
    const [group] = groupIssues([file, file]);
    expect(describeIssueGroup(group!, 'en')).toBe('2 problems (from-elsewhere), for example: Odd.');
  });

  it('headlines exist in both languages, for codes the messages know', () => {
    expect([...GROUP_CODES_ZH].sort()).toEqual([...GROUP_CODES].sort());
    for (const code of GROUP_CODES) expect(ISSUE_CODES).toContain(code);
    expect(fieldOf({ path: 'features[12].properties.kind' } as never)).toBe('properties.kind');
  });
});
