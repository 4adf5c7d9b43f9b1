// The UI string table, the schema labels and language resolution, with hand-written expectations.
import { describe, expect, it } from 'vitest';
import {
  FIGURE_KEYS,
  KINDS,
  STATUSES,
  type FigureKey,
  type Kind,
  type Status,
} from '../../src/data/types';
import { LANGS, resolveLang, type Lang } from '../../src/i18n/lang';
import {
  figureLabel,
  kindLabel,
  messages,
  statusLabel,
  t,
  type Message,
  type MessageKey,
} from '../../src/i18n/strings';

/** Every wording of a message: the string itself, or each plural form. */
function forms(message: Message): string[] {
  return typeof message === 'string' ? [message] : Object.values(message);
}

function placeholders(message: Message): string[] {
  const names = new Set<string>();
  for (const text of forms(message)) {
    for (const match of text.matchAll(/\{(\w+)\}/g)) names.add(match[1]!);
  }
  return [...names].sort();
}

const zhKeys = Object.keys(messages['zh-CN']).sort() as MessageKey[];

describe('messages', () => {
  it('has the same keys in zh-CN and en', () => {
    expect(Object.keys(messages.en).sort()).toEqual(zhKeys);
  });

  it('has the keys the element needs', () => {
    const needed: MessageKey[] = [
      'mapLabel', 'close', 'details', 'legend', 'status', 'progress', 'progressValue',
      'statusDate', 'statusNote', 'operator', 'tenants', 'industries', 'figures', 'targets',
      'targetNote', 'sources', 'contact', 'phone', 'website', 'parent', 'nameEn', 'approximate',
      'loading', 'loadingData', 'dataProblems', 'showProblems', 'hideProblems', 'noFeatures',
      'webglUnavailable', 'selectHint', 'unknownStatus', 'computed', 'zoomIn', 'zoomOut',
      'resetNorth', 'fullscreen', 'exitFullscreen', 'attribution',
    ]; // prettier-ignore
    for (const key of needed) expect(zhKeys).toContain(key);
  });

  it.each(LANGS)('has no empty or blank wording in %s', (lang) => {
    for (const key of zhKeys) {
      for (const text of forms(messages[lang][key])) {
        expect(text.trim(), `${lang} ${key}`).not.toBe('');
      }
    }
  });

  it('uses the same placeholders in zh-CN and en', () => {
    for (const key of zhKeys) {
      expect(placeholders(messages.en[key]), key).toEqual(placeholders(messages['zh-CN'][key]));
    }
  });

  it('gives every plural message an "other" form, and English a "one" form', () => {
    for (const lang of LANGS) {
      for (const key of zhKeys) {
        const message: Message = messages[lang][key];
        if (typeof message === 'string') continue;
        expect(message.other, `${lang} ${key}`).toBeTypeOf('string');
        if (lang === 'en') expect(message.one, key).toBeTypeOf('string');
      }
    }
  });
});

describe('t', () => {
  it('looks a message up in each language', () => {
    expect(t('zh-CN', 'close')).toBe('关闭');
    expect(t('en', 'close')).toBe('Close');
    expect(t('zh-CN', 'mapLabel')).toBe('产业园区地图');
    expect(t('en', 'mapLabel')).toBe('Industrial park map');
  });

  it('fills string placeholders', () => {
    expect(t('zh-CN', 'progressValue', { percent: '95%' })).toBe('已完成95%');
    expect(t('en', 'progressValue', { percent: '95%' })).toBe('95% complete');
    expect(t('en', 'loadFailed', { reason: 'HTTP 404' })).toBe('Could not load the data: HTTP 404');
  });

  it.each([
    [0, '0 data problems'],
    [1, '1 data problem'],
    [2, '2 data problems'],
    [1200, '1,200 data problems'],
  ])('picks the English plural form and groups digits: %s → %s', (count, expected) => {
    expect(t('en', 'dataProblems', { count })).toBe(expected);
  });

  it('has one Chinese form for every count, without grouping', () => {
    expect(t('zh-CN', 'dataProblems', { count: 1 })).toBe('1个数据问题');
    expect(t('zh-CN', 'dataProblems', { count: 3 })).toBe('3个数据问题');
    expect(t('zh-CN', 'dataProblems', { count: 1200 })).toBe('1200个数据问题');
  });

  it('pluralises result counts', () => {
    expect(t('en', 'resultCount', { count: 1 })).toBe('1 result');
    expect(t('en', 'resultCount', { count: 12 })).toBe('12 results');
    expect(t('zh-CN', 'resultCount', { count: 12 })).toBe('共12项');
  });

  it('uses the "other" form when count is a string', () => {
    expect(t('en', 'dataProblems', { count: '1' })).toBe('1 data problems');
  });

  it('leaves a placeholder without a parameter as written', () => {
    expect(t('en', 'dataProblems')).toBe('{count} data problems');
    expect(t('en', 'loadFailed', { other: 'x' })).toBe('Could not load the data: {reason}');
  });

  it('inserts parameters literally: no HTML, no $-patterns, no second substitution', () => {
    expect(t('en', 'loadFailed', { reason: '<b>{reason}</b> $& $1' })).toBe(
      'Could not load the data: <b>{reason}</b> $& $1',
    );
  });
});

describe('labels', () => {
  const kinds: Record<Kind, [zh: string, en: string]> = {
    zone: ['开发区', 'Development zone'],
    park: ['产业园', 'Park'],
    plot: ['地块', 'Plot'],
    building: ['楼栋', 'Building'],
    project: ['项目', 'Project'],
  };
  it.each(KINDS.map((kind) => [kind, ...kinds[kind]] as const))(
    'kind %s → %s / %s',
    (kind, zh, en) => {
      expect(kindLabel(kind, 'zh-CN')).toBe(zh);
      expect(kindLabel(kind, 'en')).toBe(en);
    },
  );

  const statuses: Record<Status, [zh: string, en: string]> = {
    planned: ['规划中', 'Planned'],
    signed: ['已签约', 'Signed'],
    under_construction: ['在建', 'Under construction'],
    topped_out: ['已封顶', 'Topped out'],
    fitting_out: ['装修中', 'Fitting out'],
    completed: ['已竣工', 'Completed'],
    operating: ['运营中', 'Operating'],
  };
  it.each(STATUSES.map((status) => [status, ...statuses[status]] as const))(
    'status %s → %s / %s',
    (status, zh, en) => {
      expect(statusLabel(status, 'zh-CN')).toBe(zh);
      expect(statusLabel(status, 'en')).toBe(en);
    },
  );

  const figures: Record<FigureKey, [zh: string, en: string]> = {
    investment: ['投资额', 'Investment'],
    annualOutput: ['年产值', 'Annual output'],
    annualTax: ['年税收', 'Annual tax'],
    floorArea: ['建筑面积', 'Floor area'],
    landArea: ['占地面积', 'Land area'],
    floors: ['层数', 'Floors'],
    height: ['高度', 'Height'],
    buildingCount: ['楼栋数', 'Buildings'],
    capacity: ['可容纳企业', 'Companies hosted'],
    jobs: ['就业岗位', 'Jobs'],
  };
  it.each(FIGURE_KEYS.map((key) => [key, ...figures[key]] as const))(
    'figure %s → %s / %s',
    (key, zh, en) => {
      expect(figureLabel(key, 'zh-CN')).toBe(zh);
      expect(figureLabel(key, 'en')).toBe(en);
    },
  );
});

describe('resolveLang', () => {
  it.each([
    ['zh', 'zh-CN'],
    ['zh-CN', 'zh-CN'],
    ['zh-cn', 'zh-CN'],
    ['zh-Hans', 'zh-CN'],
    ['zh-Hans-CN', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['zh_HK', 'zh-CN'],
    ['en', 'en'],
    ['en-US', 'en'],
    ['en-GB', 'en'],
    ['EN', 'en'],
    [' en ', 'en'],
    ['en_US', 'en'],
    ['fr', 'zh-CN'],
    ['english', 'zh-CN'],
    ['', 'zh-CN'],
    [null, 'zh-CN'],
    [undefined, 'zh-CN'],
  ] as const)('%j → %s', (value, expected: Lang) => {
    expect(resolveLang(value)).toBe(expected);
  });
});
