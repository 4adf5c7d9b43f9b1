// Issues grouped by what is wrong: "339 features have no "kind" …" once, with the first few
// examples, instead of 339 lines. For the `park-map` command's report and the element's banner.
// Pure (no DOM, no Node): the element has it with the data chunk (through loaded-groups.ts), the
// headlines in English and Chinese beside it in issue-group-messages.ts.
import type { DataIssue } from './types.js';

/** Issues of one code and severity, in the order they came. */
export interface IssueGroup {
  code: string;
  severity: DataIssue['severity'];
  /** How many issues the group holds. */
  count: number;
  /** How many features they are on (issues of the whole file count none). */
  features: number;
  /** The first issues of the group (at most `examples` of groupIssues). */
  examples: DataIssue[];
  /** The fields concerned, without the feature (`properties.status`, `geometry`), first seen first. */
  fields: string[];
}

export interface GroupOptions {
  /** How many issues each group keeps as examples (default 3). */
  examples?: number;
}

/**
 * Groups issues by code and severity: errors before warnings, then in the order each group first
 * came. Every issue is counted in exactly one group; the input is not changed.
 */
export function groupIssues(
  issues: readonly DataIssue[],
  options: GroupOptions = {},
): IssueGroup[] {
  const keep = Math.max(0, options.examples ?? 3);
  const groups = new Map<string, IssueGroup & { featureSet: Set<number>; fieldSet: Set<string> }>();
  for (const issue of issues) {
    const key = `${issue.severity}\u0000${issue.code}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        code: issue.code,
        severity: issue.severity,
        count: 0,
        features: 0,
        examples: [],
        fields: [],
        featureSet: new Set(),
        fieldSet: new Set(),
      };
      groups.set(key, group);
    }
    group.count++;
    if (group.examples.length < keep) group.examples.push(issue);
    if (issue.index !== undefined) group.featureSet.add(issue.index);
    const field = fieldOf(issue);
    if (field !== '') group.fieldSet.add(field);
  }
  const list = [...groups.values()].map(({ featureSet, fieldSet, ...group }): IssueGroup => ({
    ...group,
    features: featureSet.size,
    fields: [...fieldSet],
  }));
  // Stable: errors first, each severity in order of first appearance.
  return [
    ...list.filter((group) => group.severity === 'error'),
    ...list.filter((group) => group.severity !== 'error'),
  ];
}

/** The field of an issue without its feature: `features[3].properties.status` → `properties.status`. */
export function fieldOf(issue: DataIssue): string {
  return issue.path.replace(/^features\[\d+\]\.?/, '');
}
