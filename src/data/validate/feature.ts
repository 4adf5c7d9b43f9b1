// One feature: its id (present, unique), its properties and geometry checked and copied, geometry
// read on first use for vector tiles (deferGeometry), and loops among the features' parents.
import type { DataIssue, Geometry, ParkFeature, ParkProperties } from '../types.js';
import { checkGeometry, fixWinding } from './geometry.js';
import { checkProperties } from './properties.js';
import { MAX_DEPTH, copyForeignMembers, copyMembers } from './safe-copy.js';
import {
  describeFound,
  featureRef,
  isRecord,
  makeIssue,
  nameParam,
  pathKey,
  previewJson,
  type CheckedFeature,
  type Params,
} from './shared.js';

const FEATURE_MEMBERS = new Set(['type', 'id', 'geometry', 'properties']);

export function checkFeature(
  raw: unknown,
  index: number,
  firstIndexById: Map<string, number>,
  deferGeometry = false,
): CheckedFeature {
  const base = `features[${index}]`;
  const check: CheckedFeature = { index, dropped: false, issues: [] };
  const add = (path: string, code: string, severity: 'error' | 'warning', params: Params = {}) => {
    if (severity === 'error') check.dropped = true;
    check.issues.push({
      ...featureRef(check),
      path,
      code,
      severity,
      params: { ...nameParam(check), ...params },
    });
  };

  if (!isRecord(raw) || raw['type'] !== 'Feature') {
    add(base, 'not-a-feature', 'error', describeFound(raw));
    return check;
  }
  const rawProperties = raw['properties'];
  const properties = isRecord(rawProperties) ? rawProperties : undefined;
  if (properties && typeof properties['name'] === 'string' && properties['name'].trim() !== '') {
    check.name = properties['name'];
  }

  // id
  const rawId = raw['id'];
  if (typeof rawId === 'string' && rawId.trim() !== '') {
    check.id = rawId;
  } else if (typeof rawId === 'number' && Number.isFinite(rawId)) {
    check.id = String(rawId);
    add(`${base}.id`, 'id-not-string', 'warning', { value: rawId });
  } else {
    const propertiesId = properties?.['id'];
    add(`${base}.id`, 'missing-id', 'error', {
      ...(typeof propertiesId === 'string' || typeof propertiesId === 'number'
        ? { propertiesId: String(propertiesId) }
        : {}),
    });
  }
  if (check.id !== undefined) {
    const first = firstIndexById.get(check.id);
    if (first === undefined) firstIndexById.set(check.id, index);
    else add(`${base}.id`, 'duplicate-id', 'error', { id: check.id, firstIndex: first });
  }

  // properties
  let outProperties: Record<string, unknown> | undefined;
  if (!properties) {
    add(`${base}.properties`, 'missing-properties', 'error');
  } else {
    outProperties = {};
    const tooDeep = copyMembers(
      properties,
      new Set(),
      outProperties,
      `${base}.properties`,
      (path, key, value) => add(path, 'unsafe-key', 'warning', { key, value: previewJson(value) }),
    );
    checkProperties(properties, outProperties, `${base}.properties`, check, add);
    // Fields whose own check already reported them (a kind nested in lists…) need no second word.
    for (const key of tooDeep) {
      const path = `${base}.properties${pathKey(key)}`;
      if (check.issues.some((issue) => issue.path === path)) continue;
      add(path, 'too-deeply-nested', 'warning', { field: key, limit: MAX_DEPTH });
    }
  }

  if (deferGeometry) {
    if (check.id === undefined || !outProperties) {
      check.dropped = true;
      return check;
    }
    const feature = deferredFeature(check.id, outProperties, raw, base, {
      ...featureRef(check),
      ...nameParam(check),
    });
    copyForeignMembers(raw, FEATURE_MEMBERS, feature, base, check, (draft) =>
      add(draft.path, draft.code, draft.severity, draft.params),
    );
    check.feature = feature;
    return check;
  }

  // geometry
  const geometry = checkGeometry(raw['geometry'], `${base}.geometry`, (path, code, params) =>
    add(path, code, geometrySeverity(code), params),
  );

  if (check.id !== undefined && outProperties && geometry) {
    const feature: ParkFeature = {
      type: 'Feature',
      id: check.id,
      geometry,
      properties: outProperties as ParkProperties,
    };
    copyForeignMembers(raw, FEATURE_MEMBERS, feature, base, check, (draft) =>
      add(draft.path, draft.code, draft.severity, draft.params),
    );
    check.feature = feature;
  } else {
    check.dropped = true;
  }
  return check;
}

/** A geometry problem leaves the feature out, except a ring that was closed for it. */
function geometrySeverity(code: string): 'error' | 'warning' {
  return code === 'ring-not-closed' ? 'warning' : 'error';
}

/** A deferGeometry feature whose geometry was not read yet: where to read it from. */
interface PendingGeometry {
  raw: Record<string, unknown>;
  base: string;
  ref: { featureId?: string; index: number } & Params;
}

// Kept beside the features rather than in closures of each: a million-feature page loads tens of
// thousands of them. An entry of `pending` goes once the geometry is read (and with it the tile data
// the input holds).
const pending = new WeakMap<ParkFeature, PendingGeometry>();
const checkedGeometry = new WeakMap<ParkFeature, Geometry>();
const geometryIssues = new WeakMap<ParkFeature, readonly DataIssue[]>();

/** The `geometry` of every deferGeometry feature: read and checked on first read, then kept. */
const deferredGeometry: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: ParkFeature): Geometry {
    return checkedGeometry.get(this) ?? readGeometry(this);
  },
  set(this: ParkFeature, value: Geometry) {
    pending.delete(this);
    checkedGeometry.set(this, value);
  },
};

/**
 * A validated feature whose `geometry` is read from the input and checked on first read. A geometry
 * that fails its check reads as the input gave it (the map drew it), and the feature's
 * `deferredGeometryIssues` say why it would be left out.
 */
function deferredFeature(
  id: string,
  properties: Record<string, unknown>,
  raw: Record<string, unknown>,
  base: string,
  ref: { featureId?: string; index: number } & Params,
): ParkFeature {
  const feature = { type: 'Feature', id, properties } as ParkFeature;
  Object.defineProperty(feature, 'geometry', deferredGeometry);
  pending.set(feature, { raw, base, ref });
  return feature;
}

function readGeometry(feature: ParkFeature): Geometry {
  const source = pending.get(feature);
  pending.delete(feature);
  const read = source?.raw['geometry'];
  const issues: DataIssue[] = [];
  let geometry: Geometry | undefined;
  if (source) {
    const { featureId, index, ...names } = source.ref;
    geometry = checkGeometry(read, `${source.base}.geometry`, (path, code, params) =>
      issues.push(
        makeIssue({
          ...(featureId === undefined ? {} : { featureId }),
          index,
          path,
          code,
          severity: geometrySeverity(code),
          params: { ...names, ...params },
        }),
      ),
    );
  }
  const usable = !issues.some((issue) => issue.severity === 'error');
  const result = geometry && usable ? fixWinding(geometry) : (read as Geometry);
  checkedGeometry.set(feature, result);
  if (issues.length > 0) geometryIssues.set(feature, issues);
  return result;
}

/**
 * The geometry problems of a feature validated with `deferGeometry` (its geometry is read and checked
 * now if it was not yet): an error means the feature would be left out. Empty for other features.
 */
export function deferredGeometryIssues(feature: ParkFeature): readonly DataIssue[] {
  if (pending.has(feature)) readGeometry(feature);
  return geometryIssues.get(feature) ?? [];
}

// ---------------------------------------------------------------------------------------------
// Parents

/** Every feature in a parent loop, with the loop written from that feature back to itself. */
export function findParentCycles(kept: Map<string, CheckedFeature>): Map<string, string[]> {
  const cycles = new Map<string, string[]>();
  const done = new Set<string>();
  for (const start of kept.keys()) {
    const path: string[] = [];
    const onPath = new Map<string, number>();
    let current: string | undefined = start;
    while (current !== undefined && kept.has(current) && !done.has(current)) {
      const seenAt = onPath.get(current);
      if (seenAt !== undefined) {
        const loop = path.slice(seenAt);
        loop.forEach((id, i) => {
          cycles.set(id, [...loop.slice(i), ...loop.slice(0, i), id]);
        });
        break;
      }
      onPath.set(current, path.length);
      path.push(current);
      current = kept.get(current)?.feature?.properties.parent;
    }
    for (const id of path) done.add(id);
  }
  return cycles;
}
