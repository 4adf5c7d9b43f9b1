// The command's report of the problems in a file: grouped by code with the first examples (the
// default), every issue on its own line (`--all`), the counts per code (`--summary`), or JSON.

import { describeIssue, describeIssueDetail, type IssueLang } from '../data/issue-messages.js';
import { describeIssueGroup } from '../data/issue-group-messages.js';
import { groupIssues, type IssueGroup } from '../data/issue-groups.js';
import type { DataIssue } from '../data/types.js';

export type ReportMode = 'grouped' | 'all' | 'summary';

/** How many examples a group shows in the text report. */
export const EXAMPLES = 3;

/** `✖ features[3] (id "b5" 总部基地5号楼) properties.status: …` */
export function formatIssueLine(issue: DataIssue, lang: IssueLang): string {
  const mark = issue.severity === 'error' ? '✖' : '⚠';
  return `${mark} ${formatIssueBody(issue, lang)}`;
}

/** The line of an issue without its mark. */
function formatIssueBody(issue: DataIssue, lang: IssueLang): string {
  if (issue.index === undefined) {
    return `${issue.path ? `${issue.path}: ` : ''}${describeIssueDetail(issue, lang)}`;
  }
  const featurePath = `features[${issue.index}]`;
  const name = issue.params?.['name'];
  const who = [
    issue.featureId === undefined ? undefined : `id "${issue.featureId}"`,
    typeof name === 'string' && name !== '' ? name : undefined,
  ].filter((part) => part !== undefined);
  const field = issue.path.startsWith(`${featurePath}.`)
    ? ` ${issue.path.slice(featurePath.length + 1)}`
    : '';
  const label = `${featurePath}${who.length ? ` (${who.join(' ')})` : ''}${field}`;
  return `${label}: ${describeIssueDetail(issue, lang)}`;
}

/** A group: its issue's line when alone; else its headline, the first examples, how many more. */
export function formatGroup(group: IssueGroup, lang: IssueLang): string[] {
  const mark = group.severity === 'error' ? '✖' : '⚠';
  const [first] = group.examples;
  if (group.count === 1 && first) return [formatIssueLine(first, lang)];
  const lines = [`${mark} ${describeIssueGroup(group, lang)}`];
  for (const example of group.examples) lines.push(`    ${formatIssueBody(example, lang)}`);
  const more = group.count - group.examples.length;
  if (more > 0) {
    lines.push(
      lang === 'zh-CN'
        ? `    …… 另有 ${more} 处（--all 逐条列出）`
        : `    … and ${more} more (--all lists every one)`,
    );
  }
  return lines;
}

/** The mapping's notes (mapping.ts), each said once for the file with how many features it covers. */
const SAID_ONCE_FOR_FEATURES = new Set([
  'guessed-id-field',
  'generated-ids',
  'guessed-name-field',
  'guessed-parent-adcode',
  'default-kind-applied',
  'guessed-status-value',
  'field-unit-converted',
]);

/**
 * For a note said once for the file (a mapping guess: one issue standing for `params.count`
 * features), how many features it covers: " (339 features)".
 */
function featuresTold(group: IssueGroup, lang: IssueLang): string {
  if (!SAID_ONCE_FOR_FEATURES.has(group.code)) return '';
  const [first] = group.examples;
  const covered = group.count === 1 ? Number(first?.params?.['count']) : NaN;
  if (!Number.isInteger(covered) || covered < 1) return '';
  if (lang === 'zh-CN') return `（涉及 ${covered} 个要素）`;
  return ` (${covered} feature${covered === 1 ? '' : 's'})`;
}

function section(
  title: (count: number) => string,
  issues: DataIssue[],
  mode: ReportMode,
  lang: IssueLang,
): string[] {
  if (issues.length === 0) return [];
  const lines = [title(issues.length)];
  if (mode === 'all') lines.push(...issues.map((issue) => formatIssueLine(issue, lang)));
  else {
    for (const group of groupIssues(issues, { examples: EXAMPLES })) {
      if (mode === 'summary') {
        lines.push(
          `${group.severity === 'error' ? '✖' : '⚠'} ${group.code}: ${group.count}${featuresTold(group, lang)}`,
        );
      } else lines.push(...formatGroup(group, lang));
    }
  }
  return lines;
}

/** The text report: errors, then warnings, then one line saying how many features can be shown. */
export function formatReport(
  file: string,
  issues: DataIssue[],
  featureCount: number,
  lang: IssueLang,
  mode: ReportMode = 'grouped',
): string {
  const errors = issues.filter((issue) => issue.severity === 'error');
  const warnings = issues.filter((issue) => issue.severity === 'warning');
  const zh = lang === 'zh-CN';
  const lines = section((n) => (zh ? `错误（${n}）：` : `Errors (${n}):`), errors, mode, lang);
  const warningLines = section(
    (n) => (zh ? `警告（${n}）：` : `Warnings (${n}):`),
    warnings,
    mode,
    lang,
  );
  if (lines.length && warningLines.length) lines.push('');
  lines.push(...warningLines);
  if (lines.length) lines.push('');
  lines.push(
    zh
      ? `${file}：${errors.length} 个错误，${warnings.length} 个警告；${featureCount} 个要素可以显示。`
      : `${file}: ${errors.length} error${errors.length === 1 ? '' : 's'}, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}; ${featureCount} feature${featureCount === 1 ? '' : 's'} can be shown.`,
  );
  return lines.join('\n') + '\n';
}

/** The issue as JSON, its `message` in the report's language. */
function issueJson(issue: DataIssue, lang: IssueLang) {
  return { ...issue, ...(lang === 'zh-CN' ? { message: describeIssue(issue, 'zh-CN') } : {}) };
}

/**
 * The machine-readable report: every issue (`issues`, as the validator gives them) and the same
 * grouped by code (`groups`: code, severity, count, features, fields, message, first examples).
 */
export function reportJson(
  file: string,
  issues: DataIssue[],
  featureCount: number,
  lang: IssueLang,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    file,
    ...extra,
    features: featureCount,
    errors: issues.filter((issue) => issue.severity === 'error').length,
    warnings: issues.filter((issue) => issue.severity === 'warning').length,
    issues: issues.map((issue) => issueJson(issue, lang)),
    groups: groupIssues(issues, { examples: EXAMPLES }).map((group) => ({
      code: group.code,
      severity: group.severity,
      count: group.count,
      features: group.features,
      fields: group.fields,
      message: describeIssueGroup(group, lang),
      examples: group.examples.map((issue) => issueJson(issue, lang)),
    })),
  };
}
