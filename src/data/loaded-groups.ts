// Issues grouped by kind for the element (the banner, `errorGroups`, one park-map-error per
// group), by the data chunk's groupIssues (issue-groups.ts), which stays out of the first load:
// every issue is found by code in that chunk, so it has arrived whenever there are issues to
// group. The one exception, the chunk itself failing to load, is one group per issue.
import { dataChunk } from '../chunks/loaders.js';
import type { IssueGroup } from './issue-groups.js';
import type { DataIssue } from './types.js';

/** True when the grouping is the data chunk's (a result worth keeping). */
export function groupsReady(): boolean {
  return dataChunk.loaded !== undefined;
}

/** `issues` grouped by code and severity, errors first, with up to `examples` issues each. */
export function groupLoadedIssues(issues: readonly DataIssue[], examples: number): IssueGroup[] {
  const code = dataChunk.loaded;
  if (code) return code.groupIssues(issues, { examples });
  return issues.map((issue) => ({
    code: issue.code,
    severity: issue.severity,
    count: 1,
    features: issue.index === undefined ? 0 : 1,
    examples: examples > 0 ? [issue] : [],
    fields: [],
  }));
}
