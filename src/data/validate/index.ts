// Checks park data against the schema (see data/README.md), keeps every usable feature and
// describes every problem as a DataIssue a data editor can act on. Returns new objects in WGS84;
// the input is never mutated.
//
// Severity: 'error' means the feature is left out (no usable id, kind or geometry); 'warning'
// means it is kept and only the bad value is left out (its raw value is in `params.value`).
//
// Prototype safety: keys named `__proto__`, `constructor` or `prototype` anywhere in a feature's
// properties or foreign members are dropped with an `unsafe-key` warning (their value, as JSON,
// is in `params.value`). They never hold park data, and dropping them means no later code (the
// element, a merge, a template) can trip over them.
//
// Hostile sizes: a property holding lists or objects nested more than 64 levels deep is left out
// with a `too-deeply-nested` warning (nothing here recurses deeper than that), and names and
// values in messages are cut (60 and 200 characters).

import { geometryToWgs84 } from '../coords.js';
import { mapParkData, type FieldMapping } from '../mapping.js';
import { locateJsonError } from '../decode.js';
import {
  COORDINATE_SYSTEMS,
  type CoordinateSystem,
  type DataIssue,
  type ParkFeature,
  type ParkFeatureCollection,
  type ValidationResult,
} from '../types.js';
import { checkFeature, findParentCycles } from './feature.js';
import { fixWinding } from './geometry.js';
import { copyForeignMembers } from './safe-copy.js';
import {
  describeFound,
  displayValue,
  featureRef,
  isRecord,
  makeIssue,
  nameParam,
  type CheckedFeature,
  type IssueDraft,
} from './shared.js';
import { suggestCoordinateSystem } from './suggestions.js';

export { deferredGeometryIssues } from './feature.js';
export { parseFigureText, type FigureUnit } from './figures.js';
export { MERCATOR_MAX_LAT, orientRing } from './geometry.js';
export { keepWhere } from './properties.js';
export { isRecord } from './shared.js';
export { editDistance, suggest } from './suggestions.js';

export interface ValidateOptions {
  /**
   * The coordinate system the page says the data is in (the `coords` attribute). Pass it only
   * when the page author set it: a `coordinateSystem` member in the file wins over it.
   */
  coords?: CoordinateSystem;
  /**
   * The input is JSON that has already been parsed (the element's `src` path decodes the bytes
   * itself). A string is then a JSON string value, reported as not a FeatureCollection, rather
   * than JSON text to parse again.
   */
  parsed?: boolean;
  /**
   * Vector tiles: each feature's geometry is read and checked when something first reads it, not
   * here (converting every loaded tile feature to GeoJSON was most of the read-back). Properties
   * are checked as always. A feature's geometry problems come from `deferredGeometryIssues`; until
   * it is checked, a feature is kept whatever its geometry. Positions are taken as WGS84.
   */
  deferGeometry?: boolean;
  /** Which of the source's fields hold our id, name, kind, status and figures (see mapping.ts). */
  mapping?: FieldMapping;
}

const COLLECTION_MEMBERS = new Set(['type', 'features', 'coordinateSystem']);

/** Validates (and copies, and converts to WGS84) a park FeatureCollection. */
export function validateParkData(json: unknown, options: ValidateOptions = {}): ValidationResult {
  const issues: DataIssue[] = [];
  const emit = (draft: IssueDraft): void => {
    issues.push(makeIssue(draft));
  };
  const empty = (): ValidationResult => ({
    collection: { type: 'FeatureCollection', features: [] },
    errors: issues,
  });

  let root = json;
  if (typeof json === 'string' && !options.parsed) {
    try {
      root = JSON.parse(json.replace(/^\uFEFF/, ''));
    } catch {
      emit({ path: '', code: 'not-json', severity: 'error', params: { ...locateJsonError(json) } });
      return empty();
    }
  }

  if (!isRecord(root) || root['type'] !== 'FeatureCollection') {
    emit({
      path: '',
      code: 'not-feature-collection',
      severity: 'error',
      params: describeFound(root),
    });
    return empty();
  }
  if (!Array.isArray(root['features'])) {
    emit({ path: 'features', code: 'features-not-array', severity: 'error' });
    return empty();
  }
  // Data written by others: ids, names, kinds and figures read from their fields (mapping.ts).
  // Tile features come with our ids and names already (the tiler wrote them).
  let source: Record<string, unknown> = root;
  if (!options.deferGeometry) {
    const mapped = mapParkData(root, options.mapping);
    source = mapped.json as Record<string, unknown>;
    issues.push(...mapped.issues);
  }
  const rawFeatures = source['features'] as unknown[];

  const system = chooseCoordinateSystem(source['coordinateSystem'], options.coords, emit);

  // Pass 1: each feature on its own (and ids across features).
  const firstIndexById = new Map<string, number>();
  const deferGeometry = options.deferGeometry === true;
  const checked: CheckedFeature[] = rawFeatures.map((raw, index) =>
    checkFeature(raw, index, firstIndexById, deferGeometry),
  );
  for (const check of checked) issues.push(...check.issues.map(makeIssue));

  // Pass 2: parents, among the features that survived pass 1.
  const kept = new Map<string, CheckedFeature>();
  for (const check of checked) {
    if (check.feature && !check.dropped) kept.set(check.feature.id, check);
  }
  const parentIssues: DataIssue[] = [];
  for (const [id, cycle] of findParentCycles(kept)) {
    const check = kept.get(id) as CheckedFeature;
    check.dropped = true;
    parentIssues.push(
      makeIssue({
        ...featureRef(check),
        path: `features[${check.index}].properties.parent`,
        code: 'parent-cycle',
        severity: 'error',
        params: { ...nameParam(check), cycle: cycle.join(' → ') },
      }),
    );
  }
  for (const check of checked) {
    const parent = check.feature?.properties.parent;
    if (check.dropped || !check.feature || parent === undefined) continue;
    const target = kept.get(parent);
    if (target && !target.dropped) continue;
    parentIssues.push(
      makeIssue({
        ...featureRef(check),
        path: `features[${check.index}].properties.parent`,
        code: firstIndexById.has(parent) ? 'parent-left-out' : 'parent-not-found',
        severity: 'warning',
        params: { ...nameParam(check), parent },
      }),
    );
  }
  issues.push(...parentIssues);

  const features: ParkFeature[] = [];
  for (const check of checked) {
    if (!check.feature || check.dropped) continue;
    if (deferGeometry) {
      features.push(check.feature);
      continue;
    }
    const geometry =
      system === 'wgs84' ? check.feature.geometry : geometryToWgs84(check.feature.geometry, system);
    features.push({ ...check.feature, geometry: fixWinding(geometry) });
  }

  const collection: ParkFeatureCollection = { type: 'FeatureCollection', features: [] };
  copyForeignMembers(source, COLLECTION_MEMBERS, collection, '', undefined, emit);
  collection.type = 'FeatureCollection';
  collection.features = features;
  if (system !== 'wgs84') collection.coordinateSystem = 'wgs84';

  // Stable: file-level issues first, then by feature in file order.
  const ordered = issues
    .map((issue, order) => ({ issue, order }))
    .sort((a, b) => (a.issue.index ?? -1) - (b.issue.index ?? -1) || a.order - b.order)
    .map(({ issue }) => issue);
  return { collection, errors: ordered };
}

// ---------------------------------------------------------------------------------------------
// Coordinate system

function chooseCoordinateSystem(
  fromFile: unknown,
  fromOption: CoordinateSystem | undefined,
  emit: (draft: IssueDraft) => void,
): CoordinateSystem {
  let fileSystem: CoordinateSystem | undefined;
  if (fromFile !== undefined && fromFile !== null) {
    if (typeof fromFile === 'string' && isCoordinateSystem(fromFile)) {
      fileSystem = fromFile;
    } else {
      const value = displayValue(fromFile);
      const suggestion = suggestCoordinateSystem(value);
      emit({
        path: 'coordinateSystem',
        code: 'unknown-coordinate-system',
        severity: 'warning',
        params: { value, ...(suggestion ? { suggestion } : {}) },
      });
    }
  }
  let optionSystem: CoordinateSystem | undefined;
  if (fromOption !== undefined) {
    if (isCoordinateSystem(fromOption)) optionSystem = fromOption;
    else {
      emit({
        path: 'coords',
        code: 'unknown-coordinate-system',
        severity: 'warning',
        params: { value: displayValue(fromOption) },
      });
    }
  }
  if (fileSystem && optionSystem && fileSystem !== optionSystem) {
    emit({
      path: 'coordinateSystem',
      code: 'coordinate-system-conflict',
      severity: 'warning',
      params: { file: fileSystem, option: optionSystem },
    });
  }
  return fileSystem ?? optionSystem ?? 'wgs84';
}

function isCoordinateSystem(value: string): value is CoordinateSystem {
  return (COORDINATE_SYSTEMS as readonly string[]).includes(value);
}
