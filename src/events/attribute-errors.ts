// The `park-map-error` details the element fires itself: an attribute value it does not take (and
// what it does instead), and a data problem (or a kind of them) told in the element's language.
import { describeLoadedGroup, describeLoadedIssue } from '../data/data-controller.js';
import type { IssueGroup } from '../data/issue-groups.js';
import { COORDINATE_SYSTEMS, KINDS, type DataIssue } from '../data/types.js';
import type { Lang } from '../i18n/lang.js';
import { TOOLS } from '../measure/tool.js';
import type { ParkMapErrorDetail } from './park-map-error-event.js';

const INSTEAD = {
  coords: `is not one of ${COORDINATE_SYSTEMS.join(', ')} nor an EPSG code (EPSG:4547); the data is read as WGS84.`,
  view: 'is not 2d or 3d; the map stays 2D.',
  tool: `is not one of ${TOOLS.join(', ')}; no tool is active.`,
  ground: 'is not auto or none; the ground is drawn as for auto.',
  'default-kind': `is not one of ${KINDS.join(', ')}; features without a kind of ours are left out.`,
} as const;

/** `coords`, `view`, `tool` or `default-kind` set to a value the element does not take. */
export function unknownValue(attribute: keyof typeof INSTEAD, value: unknown): ParkMapErrorDetail {
  return {
    code: `invalid-${attribute}`,
    message: `${attribute}="${String(value)}" ${INSTEAD[attribute]}`,
    severity: 'error',
  };
}

/**
 * A kind of problem found in the data, as the event tells it: the first one's message (with how
 * many more like it), its feature and path, the count and the ids of the first features.
 */
export function groupDetail(group: IssueGroup, lang: Lang): ParkMapErrorDetail {
  const first = group.examples[0]!;
  const detail = issueDetail(first, lang);
  if (group.count === 1) return { ...detail, count: 1 };
  const ids = group.examples.flatMap((issue) =>
    issue.featureId === undefined ? [] : [issue.featureId],
  );
  return {
    ...detail,
    message: describeLoadedGroup(group, lang),
    count: group.count,
    ...(ids.length > 0 ? { featureIds: ids } : {}),
  };
}

/** A problem found in the data, as the event tells it. */
export function issueDetail(issue: DataIssue, lang: Lang): ParkMapErrorDetail {
  return {
    code: issue.code,
    message: describeLoadedIssue(issue, lang),
    featureId: issue.featureId,
    path: issue.path,
    severity: issue.severity,
  };
}
