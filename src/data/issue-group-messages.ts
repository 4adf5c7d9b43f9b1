// A group of issues (issue-groups.ts) in one sentence, in English or Chinese, keyed by code like the
// messages in issue-messages.ts: "339 features have no "kind" …". With the data chunk and the CLI.
import { describeIssue, type IssueLang } from './issue-messages.js';
import type { IssueGroup } from './issue-groups.js';

type Headline = (fields: string) => string;

// Said of several features at once (always more than one: a group of one is said as its issue).
const EN: Record<string, Headline> = {
  'not-a-feature': () => 'are not GeoJSON Features; they are left out',
  'missing-id': () => 'have no "id"; give each a unique text id. They are left out until then',
  'id-not-string': () => 'have a number as id; write the ids as text. They were read as text',
  'duplicate-id': () =>
    'use an id another feature already has; give each feature its own id. They are left out',
  'missing-properties': () =>
    'have no "properties"; add at least "kind" and "name". They are left out until then',
  'missing-kind': () =>
    'have no "kind"; write one of zone, park, plot, building, project (or use default-kind). They are left out until then',
  'unknown-kind': () =>
    'have a kind that is not one of zone, park, plot, building, project (or use default-kind). They are left out until then',
  'missing-name': () => 'have no "name"; add the names as published (or use name-field)',
  'unknown-status': () =>
    'have a status that is not one of planned, signed, under_construction, topped_out, fitting_out, completed, operating (a value map in "fields" can translate them). They are shown without a status until then',
  'figure-as-text': (f) =>
    `have figures written as text${f}; write plain numbers. The figures are not shown until then`,
  'figure-not-number': (f) =>
    `have figures that are not numbers${f}; write plain numbers. The figures are not shown until then`,
  'figure-negative': (f) =>
    `have negative figures${f}; write numbers that are zero or more. The figures are not shown until then`,
  'progress-out-of-range': () =>
    'have a progress outside 0–100; write percentages from 0 to 100. It is not shown until then',
  'history-not-a-list': () =>
    'have a "history" that is not a list of stages; it is not shown until then',
  'history-stage-not-object': () =>
    'have history stages that are not objects; they are not shown until then',
  'history-bad-date': () =>
    'have history stages without a date as YYYY-MM-DD, YYYY-MM or YYYY; they are not shown until then',
  'history-out-of-order': () => 'have history stages out of order; list the stages oldest first',
  'history-duplicate-date': () =>
    'have two history stages in a row on the same date; merge them, or give each its own date',
  'history-progress-out-of-range': () =>
    'have a stage progress outside 0–100; write percentages from 0 to 100. It is not shown until then',
  'history-progress-decreasing': () =>
    'have a progress that goes back from one stage to a later one; check the figures and the order',
  'history-unknown-status': () =>
    'have stages with a status that is not one of planned, signed, under_construction, topped_out, fitting_out, completed, operating. They are shown without a status until then',
  'history-missing-source': () =>
    "have stages without a source title; add the report's title and its words quoted verbatim",
  'history-latest-disagrees': (f) =>
    `have a latest stage that disagrees with their current properties${f}; make them agree`,
  'unknown-qualifier-key': (f) =>
    `have qualifiers for keys that are no figures${f}; name figures such as floorArea. They are ignored until then`,
  'unknown-qualifier': (f) =>
    `have qualifiers that are not about, more_than, at_least or up_to${f}. The figures are shown without them until then`,
  'qualifier-without-figure': (f) =>
    `have qualifiers for figures they do not state${f}; add the figures or remove the qualifiers. They are ignored until then`,
  'parent-not-string': () => 'have a parent that is not text; write the parent ids as text',
  'parent-not-found': () =>
    'name a parent that is not the id of any feature; check the spelling, or add those features',
  'parent-left-out': () =>
    'have a parent that was left out because of its own problems; fix the parents and these links work again',
  'parent-cycle': () =>
    'are in loops of parents (a feature cannot contain itself); correct one "parent" in each loop. They are left out until then',
  'unsafe-key': (f) => `have keys that are not allowed${f}; they were removed`,
  'too-deeply-nested': (f) =>
    `have values nested too deeply to read safely${f}; they were left out`,
  'not-a-list': (f) => `have values that are not lists${f}; write lists in square brackets`,
  'not-an-object': (f) => `have values that are not objects${f}; write them in curly brackets`,
  'not-text': (f) => `have values that are not text${f}; write them in double quotes`,
  'missing-field': (f) => `have entries with a field missing${f}`,
  'missing-geometry': () =>
    'have no geometry; draw their outlines or give at least points. They are left out until then',
  'unsupported-geometry': () =>
    'have a geometry type other than Polygon, MultiPolygon or Point. They are left out until then',
  'empty-geometry': () => 'have a geometry without coordinates. They are left out until then',
  'invalid-position': () =>
    'have positions that are not pairs of numbers [longitude, latitude]. They are left out until then',
  'projected-coordinates': () =>
    'have positions in projected metres, not degrees; convert the data to longitude/latitude. They are left out until then',
  'swapped-coordinates': () =>
    'seem to have latitude and longitude swapped; GeoJSON wants [longitude, latitude]. They are left out until then',
  'coordinate-out-of-range': () =>
    'have positions out of range (longitude −180…180, latitude −90…90). They are left out until then',
  'ring-not-closed': () =>
    'have rings that are not closed (they were closed for display); repeat the first position at the end',
  'ring-too-short': () =>
    'have rings with fewer than 3 corners. They are left out until they are corrected',
  'line-too-short': () => 'have lines of fewer than 2 positions. They are left out until then',
  'self-intersection': () => 'have outlines that cross themselves; redraw them',
  'rings-intersect': () => 'have holes that cross their outline; redraw them',
};

const ZH: Record<string, Headline> = {
  'not-a-feature': () => '不是 GeoJSON 要素（Feature），已略去',
  'missing-id': () => '没有“id”；请为每个要素填写唯一的文字 id。修改前不显示',
  'id-not-string': () => '的 id 是数字；请写成文字。已按文字读取',
  'duplicate-id': () => '的 id 与其他要素重复；请为每个要素使用各自的 id。已略去',
  'missing-properties': () => '没有“properties”；请至少填写“kind”和“name”。修改前不显示',
  'missing-kind': () =>
    '没有“kind”；请填写 zone、park、plot、building、project 之一（或使用 default-kind）。修改前不显示',
  'unknown-kind': () =>
    '的类型不是 zone、park、plot、building、project 之一（或使用 default-kind）。修改前不显示',
  'missing-name': () => '没有“name”；请填写正式名称（或使用 name-field）',
  'unknown-status': () =>
    '的状态不是 planned、signed、under_construction、topped_out、fitting_out、completed、operating 之一（可在“fields”中用取值映射转换）。修改前不显示状态',
  'figure-as-text': (f) => `的数值写成了文字${f}；请填写数字。修改前这些数值不显示`,
  'figure-not-number': (f) => `的数值不是数字${f}；请填写数字。修改前这些数值不显示`,
  'figure-negative': (f) => `的数值为负${f}；请填写零或正数。修改前这些数值不显示`,
  'progress-out-of-range': () => '的进度超出 0–100；请填写 0 到 100 的百分数。修改前不显示',
  'history-not-a-list': () => '的“history”不是阶段列表。修改前不显示历程',
  'history-stage-not-object': () => '的历程中有不是对象的阶段。修改前这些阶段不显示',
  'history-bad-date': () =>
    '的历程中有阶段缺少 YYYY-MM-DD、YYYY-MM 或 YYYY 格式的日期。修改前这些阶段不显示',
  'history-out-of-order': () => '的历程阶段顺序颠倒；请按时间从早到晚排列',
  'history-duplicate-date': () => '的历程中相邻两个阶段日期相同；请合并，或分别填写各自的日期',
  'history-progress-out-of-range': () =>
    '的阶段进度超出 0–100；请填写 0 到 100 的百分数。修改前不显示',
  'history-progress-decreasing': () => '的进度在后一阶段倒退；请检查数字和顺序',
  'history-unknown-status': () =>
    '的阶段状态不是 planned、signed、under_construction、topped_out、fitting_out、completed、operating 之一。修改前不显示这些阶段的状态',
  'history-missing-source': () => '的阶段没有来源标题；请补充报道标题并逐字引用原文',
  'history-latest-disagrees': (f) => `的最新阶段与当前属性不一致${f}；请使两者一致`,
  'unknown-qualifier-key': (f) =>
    `的限定词针对的不是数值字段${f}；请写数值字段名，例如 floorArea。修改前不起作用`,
  'unknown-qualifier': (f) =>
    `的限定词不是 about、more_than、at_least、up_to 之一${f}。修改前数值不带限定词显示`,
  'qualifier-without-figure': (f) =>
    `的限定词针对的数值在要素中没有${f}；请补上数值或删去限定词。修改前不起作用`,
  'parent-not-string': () => '的上级不是文字；请把上级 id 写成文字',
  'parent-not-found': () => '的上级 id 不存在；请检查拼写，或补充这些要素',
  'parent-left-out': () => '的上级因自身问题被略去；修正上级后关联即恢复',
  'parent-cycle': () =>
    '的上级关系构成循环（要素不能包含自身）；请修改每个循环中的一个“parent”。修改前不显示',
  'unsafe-key': (f) => `含有不允许的键${f}；已删除`,
  'too-deeply-nested': (f) => `的取值嵌套过深${f}，无法安全读取；已略去`,
  'not-a-list': (f) => `的取值不是列表${f}；请用方括号写成列表`,
  'not-an-object': (f) => `的取值不是对象${f}；请用花括号书写`,
  'not-text': (f) => `的取值不是文字${f}；请加双引号`,
  'missing-field': (f) => `的条目缺少字段${f}`,
  'missing-geometry': () => '没有几何图形；请绘制轮廓或至少给出一个点。修改前不显示',
  'unsupported-geometry': () => '的几何类型不是 Polygon、MultiPolygon 或 Point。修改前不显示',
  'empty-geometry': () => '的几何图形没有坐标。修改前不显示',
  'invalid-position': () => '的坐标不是一对数字 [经度, 纬度]。修改前不显示',
  'projected-coordinates': () => '的坐标是投影米制而非经纬度；请转换为经纬度。修改前不显示',
  'swapped-coordinates': () => '的经纬度似乎写反了；GeoJSON 要求 [经度, 纬度]。修改前不显示',
  'coordinate-out-of-range': () => '的坐标超出范围（经度 −180…180，纬度 −90…90）。修改前不显示',
  'ring-not-closed': () => '的环没有闭合（显示时已闭合）；请在末尾重复第一个点',
  'ring-too-short': () => '的环少于 3 个角点。修改前不显示',
  'line-too-short': () => '的线少于 2 个点。修改前不显示',
  'self-intersection': () => '的轮廓自相交；请重新绘制',
  'rings-intersect': () => '的内环与外轮廓相交；请重新绘制',
};

/** Codes with a group headline (feature problems that can repeat); tests check both languages. */
/** True when a group's sentence says its count itself (a headline of many features). */
export function groupSaysCount(group: IssueGroup): boolean {
  return group.count > 1 && group.features > 1 && Object.hasOwn(EN, group.code);
}

export const GROUP_CODES: readonly string[] = Object.keys(EN);
export const GROUP_CODES_ZH: readonly string[] = Object.keys(ZH);

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/**
 * The group in one sentence. A group of one issue is that issue's own message (where and what);
 * otherwise how many features, what is wrong with them and what to do, e.g.
 * `339 features have no "kind"; write one of … They are left out until then.`
 */
export function describeIssueGroup(
  group: IssueGroup,
  lang: IssueLang,
  options: { countShown?: boolean } = {},
): string {
  const first = group.examples[0];
  if (group.count === 1 && first) return describeIssue(first, lang);
  const table = lang === 'zh-CN' ? ZH : EN;
  const headline = Object.hasOwn(table, group.code) ? table[group.code] : undefined;
  const fields = group.fields.length
    ? group.fields.length <= 3
      ? group.fields.join(', ')
      : `${group.fields.slice(0, 3).join(', ')}, …`
    : '';
  if (group.features === 1 && first) {
    const more = group.count - 1;
    return lang === 'zh-CN'
      ? `${describeIssue(first, lang)}（该要素另有 ${more} 处同类问题）`
      : `${describeIssue(first, lang)} (and ${plural(more, 'more like it', 'more like it')} on this feature)`;
  }
  if (headline && group.features > 0) {
    const times =
      group.count > group.features
        ? lang === 'zh-CN'
          ? `，共 ${group.count} 处`
          : `, ${group.count} values`
        : '';
    if (lang === 'zh-CN') {
      const where = fields ? `（${fields}${times}）` : times ? `（${times.slice(1)}）` : '';
      return `${group.features} 个要素${headline(where)}。`;
    }
    const where = fields ? ` (${fields}${times})` : times ? ` (${times.slice(2)})` : '';
    return `${plural(group.features, 'feature', 'features')} ${headline(where)}.`;
  }
  // A code without a headline (a problem of the whole file, or one from elsewhere): the count and
  // the first issue's message (the message alone where the count is shown beside it).
  const message = first ? describeIssue(first, lang) : group.code;
  if (options.countShown) return message;
  return lang === 'zh-CN'
    ? `${group.count} 处问题（${group.code}），例如：${message}`
    : `${plural(group.count, 'problem', 'problems')} (${group.code}), for example: ${message}`;
}
