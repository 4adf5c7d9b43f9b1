// The `park-map-error` details the element fires itself: an attribute value it does not take (and
// what it does instead), and a data problem told in the element's language.
import { describeLoadedIssue } from '../data/data-controller.js';
import { COORDINATE_SYSTEMS, type DataIssue } from '../data/types.js';
import type { Lang } from '../i18n/lang.js';
import { TOOLS } from '../measure/tool.js';
import type { ParkMapErrorDetail } from './park-map-error-event.js';

const INSTEAD = {
  coords: `is not one of ${COORDINATE_SYSTEMS.join(', ')} nor an EPSG code (EPSG:4547); the data is read as WGS84.`,
  view: 'is not 2d or 3d; the map stays 2D.',
  tool: `is not one of ${TOOLS.join(', ')}; no tool is active.`,
} as const;

/** `coords`, `view` or `tool` set to a value the element does not take. */
export function unknownValue(attribute: keyof typeof INSTEAD, value: unknown): ParkMapErrorDetail {
  return {
    code: `invalid-${attribute}`,
    message: `${attribute}="${String(value)}" ${INSTEAD[attribute]}`,
    severity: 'error',
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
