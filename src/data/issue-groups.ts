// Issues grouped by what is wrong: one group per code and severity, in the order first met, with
// how many and the first ones. The banner lists groups, the element fires one park-map-error per
// group, and the CLI prints them: a file with 10 000 features without a status is one problem
// told once with its count, not 10 000 lines. Pure and small (the element's first load has it).
import type { DataIssue } from './types.js';

export interface IssueGroup {
  code: string;
  severity: 'error' | 'warning';
  /** How many issues the group holds. */
  count: number;
  /** The first issue, whose message speaks for the group. */
  first: DataIssue;
  /** Every issue of the group, in file order. */
  issues: readonly DataIssue[];
}

/** Groups issues by code and severity, groups in the order of their first issue. */
export function groupIssues(issues: readonly DataIssue[]): IssueGroup[] {
  const groups = new Map<
    string,
    { code: string; severity: DataIssue['severity']; issues: DataIssue[] }
  >();
  for (const issue of issues) {
    const key = `${issue.severity}\u0000${issue.code}`;
    let group = groups.get(key);
    if (!group) {
      group = { code: issue.code, severity: issue.severity, issues: [] };
      groups.set(key, group);
    }
    group.issues.push(issue);
  }
  return [...groups.values()].map(({ code, severity, issues: members }) => ({
    code,
    severity,
    count: members.length,
    first: members[0]!,
    issues: members,
  }));
}
