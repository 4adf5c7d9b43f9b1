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

import { geometryToWgs84, isInChina } from './coords';
import { locateJsonError } from './decode';
import { cutName, withReason } from './issue-messages';
import {
  FIGURE_KEYS,
  KINDS,
  STATUSES,
  type CoordinateSystem,
  COORDINATE_SYSTEMS,
  type DataIssue,
  type FigureKey,
  type Geometry,
  type ParkFeature,
  type ParkFeatureCollection,
  type ParkProperties,
  type Position,
  type ValidationResult,
} from './types';

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
}

type Params = Record<string, string | number>;
type IssueDraft = Omit<DataIssue, 'reason' | 'params'> & { params?: Params };

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const FEATURE_MEMBERS = new Set(['type', 'id', 'geometry', 'properties']);
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
  const rawFeatures = root['features'];
  if (!Array.isArray(rawFeatures)) {
    emit({ path: 'features', code: 'features-not-array', severity: 'error' });
    return empty();
  }

  const system = chooseCoordinateSystem(root['coordinateSystem'], options.coords, emit);

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
  copyForeignMembers(root, COLLECTION_MEMBERS, collection, '', undefined, emit);
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

function makeIssue(draft: IssueDraft): DataIssue {
  return withReason({ ...draft, params: draft.params ?? {} });
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

function suggestCoordinateSystem(value: string): CoordinateSystem | undefined {
  const key = value.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (/^(wgs84|wgs1984|epsg4326|4326|gps)$/.test(key)) return 'wgs84';
  if (/^(gcj02|gcj|amap|gaode|tencent|qq|mars)$/.test(key) || /高德|腾讯|火星/.test(value))
    return 'gcj02';
  if (/^(bd09|bd09ll|baidu|bmap)$/.test(key) || /百度/.test(value)) return 'bd09';
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// One feature

interface CheckedFeature {
  index: number;
  id?: string;
  name?: string;
  /** The copy to output, when id, properties and geometry could be read at all. */
  feature?: ParkFeature;
  /** True when an error leaves the feature out. */
  dropped: boolean;
  issues: IssueDraft[];
}

function featureRef(check: { id?: string; index: number }): { featureId?: string; index: number } {
  return check.id === undefined
    ? { index: check.index }
    : { featureId: check.id, index: check.index };
}

function nameParam(check: { name?: string }): Params {
  return check.name === undefined ? {} : { name: cutName(check.name) };
}

function checkFeature(
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

type Add = (path: string, code: string, severity: 'error' | 'warning', params?: Params) => void;

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

function checkProperties(
  input: Record<string, unknown>,
  output: Record<string, unknown>,
  base: string,
  check: CheckedFeature,
  add: Add,
): void {
  // kind
  const kind = input['kind'];
  if (kind === undefined || kind === null || kind === '') {
    add(`${base}.kind`, 'missing-kind', 'error');
  } else if (typeof kind !== 'string' || !(KINDS as readonly string[]).includes(kind)) {
    const suggestion = typeof kind === 'string' ? suggest(kind, KINDS, KIND_WORDS) : undefined;
    add(`${base}.kind`, 'unknown-kind', 'error', {
      value: displayValue(kind),
      ...(suggestion ? { suggestion } : {}),
    });
  }

  // name: the map needs a label; the id stands in (and the warning says so).
  if (check.name === undefined) {
    add(`${base}.name`, 'missing-name', 'warning');
    if (check.id !== undefined) output['name'] = check.id;
  }

  // status
  const status = input['status'];
  if (status !== undefined && status !== null) {
    if (typeof status !== 'string' || !(STATUSES as readonly string[]).includes(status)) {
      const suggestion =
        typeof status === 'string' ? suggest(status, STATUSES, STATUS_WORDS) : undefined;
      add(`${base}.status`, 'unknown-status', 'warning', {
        value: displayValue(status),
        ...(suggestion ? { suggestion } : {}),
      });
      delete output['status'];
    }
  }

  // progress
  const progress = input['progress'];
  if (progress !== undefined && progress !== null) {
    if (typeof progress === 'number') {
      if (!Number.isFinite(progress) || progress < 0 || progress > 100) {
        add(`${base}.progress`, 'progress-out-of-range', 'warning', { value: progress });
        delete output['progress'];
      }
    } else {
      checkFigureText(progress, 'percent', `${base}.progress`, add);
      delete output['progress'];
    }
  }

  // figures, as facts and as targets
  const checkFigures = (
    from: Record<string, unknown>,
    to: Record<string, unknown>,
    at: string,
    keys: readonly string[],
  ) => {
    for (const key of keys) {
      if (!Object.hasOwn(from, key) || !Object.hasOwn(to, key)) continue;
      const value = from[key];
      if (value === null || value === undefined) continue;
      // Own keys only: an extension target named "toString" must not find Object.prototype's.
      const unit: FigureUnit = Object.hasOwn(FIGURE_UNITS, key)
        ? FIGURE_UNITS[key as FigureKey]
        : 'number';
      if (typeof value === 'number' && Number.isFinite(value)) {
        if (value < 0) {
          add(`${at}${pathKey(key)}`, 'figure-negative', 'warning', { value, unit });
          delete to[key];
        }
        continue;
      }
      checkFigureText(value, unit, `${at}${pathKey(key)}`, add);
      delete to[key];
    }
  };
  checkFigures(input, output, base, FIGURE_KEYS);
  const targets = input['targets'];
  const outTargets = output['targets'];
  if (outTargets !== undefined && outTargets !== null && !isRecord(outTargets)) {
    add(`${base}.targets`, 'not-an-object', 'warning', {
      value: previewJson(outTargets),
      example: '{"annualOutput": 1000000000, "jobs": 500}',
    });
    delete output['targets'];
  } else if (isRecord(targets) && isRecord(outTargets)) {
    // The figure names first, in their usual order; then extension counts (companies, talents…).
    const extra = Object.keys(outTargets).filter(
      (key) => !(FIGURE_KEYS as readonly string[]).includes(key),
    );
    checkFigures(targets, outTargets, `${base}.targets`, [...FIGURE_KEYS, ...extra]);
  }

  // parent (existence and cycles are checked across features later)
  const parent = input['parent'];
  if (parent !== undefined && parent !== null && typeof parent !== 'string') {
    add(`${base}.parent`, 'parent-not-string', 'warning', { value: displayValue(parent) });
    delete output['parent'];
  } else if (parent === null || parent === '') {
    delete output['parent'];
  }

  checkShapes(output, base, add);
}

// ---------------------------------------------------------------------------------------------
// Lists and objects the details panel, the search and the export read

/** Lists of entries: the text each entry needs, and its other fields that must be text. */
const ENTRY_LISTS: readonly {
  key: string;
  required?: string;
  texts: readonly string[];
  entryExample: string;
}[] = [
  {
    key: 'tenants',
    required: 'name',
    texts: ['name:en', 'industry', 'since'],
    entryExample: '{"name": "…", "industry": "…"}',
  },
  {
    key: 'sources',
    required: 'title',
    texts: ['file', 'date', 'quote', 'url'],
    entryExample: '{"title": "…", "date": "2024-01-01"}',
  },
  { key: 'stats', texts: [], entryExample: '{"label": "…", "value": 0, "unit": "…"}' },
];

/**
 * Shapes of `industries`, `aliases` (lists of text), `tenants`, `sources`, `stats` (lists of
 * objects), `contact` (an object of text). Works on the copy `output` (safe, and bounded in
 * depth): a wrong value is left out with a warning saying what to write; a wrong entry of a list
 * is left out on its own, the good ones stay.
 */
/** Fields of `record` that should be text and are something else: reported and left out. */
function dropNonText(
  record: Record<string, unknown>,
  fields: readonly string[],
  at: string,
  add: Add,
): void {
  for (const field of fields) {
    const text = record[field];
    if (text === undefined || text === null || typeof text === 'string') continue;
    add(`${at}${pathKey(field)}`, 'not-text', 'warning', {
      value: previewJson(text),
      ...textExample(text, field),
    });
    delete record[field];
  }
}

function checkShapes(output: Record<string, unknown>, base: string, add: Add): void {
  for (const key of ['industries', 'aliases']) {
    const value = output[key];
    if (value === undefined || value === null) continue;
    const at = `${base}${pathKey(key)}`;
    if (!Array.isArray(value)) {
      add(at, 'not-a-list', 'warning', {
        value: previewJson(value),
        example: cutName(JSON.stringify(textListExample(value)), VALUE_LIMIT),
      });
      delete output[key];
      continue;
    }
    output[key] = keepWhere(value as unknown[], (item, i) => {
      if (typeof item === 'string') return true;
      add(`${at}[${i}]`, 'not-text', 'warning', {
        value: previewJson(item),
        ...textExample(item),
        leftOut: 'entry',
      });
      return false;
    });
  }

  for (const { key, required, texts, entryExample } of ENTRY_LISTS) {
    const value = output[key];
    if (value === undefined || value === null) continue;
    const at = `${base}${pathKey(key)}`;
    if (!Array.isArray(value)) {
      add(at, 'not-a-list', 'warning', {
        value: previewJson(value),
        example: entryListExample(value, required, entryExample),
      });
      delete output[key];
      continue;
    }
    output[key] = keepWhere(value as unknown[], (entry, i) => {
      const entryAt = `${at}[${i}]`;
      if (!isRecord(entry)) {
        add(entryAt, 'not-an-object', 'warning', {
          value: previewJson(entry),
          example:
            required !== undefined && typeof entry === 'string' && entry.trim() !== ''
              ? cutName(JSON.stringify({ [required]: entry }), VALUE_LIMIT)
              : entryExample,
          leftOut: 'entry',
        });
        return false;
      }
      if (required !== undefined) {
        const text = entry[required];
        if (
          text === undefined ||
          text === null ||
          (typeof text === 'string' && text.trim() === '')
        ) {
          add(entryAt, 'missing-field', 'warning', { field: required });
          return false;
        }
        if (typeof text !== 'string') {
          add(`${entryAt}${pathKey(required)}`, 'not-text', 'warning', {
            value: previewJson(text),
            ...textExample(text),
            leftOut: 'entry',
          });
          return false;
        }
      }
      dropNonText(entry, texts, entryAt, add);
      return true;
    });
  }

  const contact = output['contact'];
  if (contact !== undefined && contact !== null) {
    const at = `${base}.contact`;
    if (!isRecord(contact)) {
      add(at, 'not-an-object', 'warning', {
        value: previewJson(contact),
        example: contactExample(contact),
      });
      delete output['contact'];
    } else {
      dropNonText(contact, ['phone', 'url'], at, add);
    }
  }
}

/**
 * The entries of `list` that `keep` keeps (it is called once per entry, in order, and may report):
 * `list` itself when all are kept, else a new list of exactly the kept ones (`filter` would reserve
 * room for 17, see copySafely).
 */
export function keepWhere<T>(list: T[], keep: (item: T, index: number) => boolean): T[] {
  const kept = new Array<boolean>(list.length);
  let count = 0;
  for (let i = 0; i < list.length; i++) {
    kept[i] = keep(list[i] as T, i);
    if (kept[i]) count++;
  }
  if (count === list.length) return list;
  const out = new Array<T>(count);
  let next = 0;
  for (let i = 0; i < list.length; i++) if (kept[i]) out[next++] = list[i] as T;
  return out;
}

/** Parts of "电子信息、新材料" (or "a, b"): the list the text most likely meant. */
function splitList(text: string): string[] {
  return text
    .split(/\s*[、,，;；|｜/]\s*/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

function textListExample(value: unknown): string[] {
  if (typeof value === 'string' && value.trim() !== '') return splitList(value);
  if (typeof value === 'number' || typeof value === 'boolean') return [String(value)];
  return ['…'];
}

function entryListExample(value: unknown, required: string | undefined, fallback: string): string {
  if (isRecord(value)) return `[${previewJson(value)}]`;
  if (required !== undefined && typeof value === 'string' && value.trim() !== '') {
    const entries = splitList(value).map((part) => ({ [required]: part }));
    return cutName(JSON.stringify(entries), VALUE_LIMIT);
  }
  return `[${fallback}]`;
}

function contactExample(value: unknown): string {
  if (typeof value === 'string' && /^https?:\/\//i.test(value.trim())) {
    return cutName(JSON.stringify({ url: value.trim() }), VALUE_LIMIT);
  }
  if (
    (typeof value === 'string' && /^[\d+()\- ]+$/.test(value.trim())) ||
    typeof value === 'number'
  ) {
    return cutName(JSON.stringify({ phone: String(value).trim() }), VALUE_LIMIT);
  }
  return '{"phone": "0734-0000000", "url": "https://…"}';
}

/** What to write instead of a number or true/false where text belongs: the same in quotes. */
function textExample(value: unknown, field?: string): Params {
  if (field === 'url') return { example: '"https://…"' };
  if (typeof value === 'number' || typeof value === 'boolean') {
    return { example: cutName(JSON.stringify(String(value)), VALUE_LIMIT) };
  }
  return {};
}

function checkFigureText(value: unknown, unit: FigureUnit, path: string, add: Add): void {
  if (typeof value === 'string') {
    const parsed = parseFigureText(value, unit);
    if (
      parsed !== undefined &&
      !(unit === 'percent' && (parsed.number < 0 || parsed.number > 100))
    ) {
      add(path, 'figure-as-text', 'warning', {
        value: cutName(value, VALUE_LIMIT),
        number: parsed.number,
        unit,
        ...(parsed.from ? { from: parsed.from } : {}),
      });
      return;
    }
  }
  if (typeof value === 'number' && (value === Infinity || value === -Infinity)) {
    // JSON.parse reads 1e400 as Infinity: the digits are gone, but the message can say why.
    add(path, 'figure-not-number', 'warning', { value: String(value), unit, found: 'too-large' });
    return;
  }
  add(path, 'figure-not-number', 'warning', { value: displayValue(value), unit });
}

// ---------------------------------------------------------------------------------------------
// Figures written as text: "10亿元", "2.73万平方米", "５０亩", "1,200人"

/** `number`: a plain number in whatever unit its key implies (extension targets such as talents). */
export type FigureUnit =
  'yuan' | 'm2' | 'floors' | 'm' | 'buildings' | 'companies' | 'jobs' | 'percent' | 'number';

const FIGURE_UNITS: Record<FigureKey, FigureUnit> = {
  investment: 'yuan',
  annualOutput: 'yuan',
  annualTax: 'yuan',
  floorArea: 'm2',
  landArea: 'm2',
  floors: 'floors',
  height: 'm',
  buildingCount: 'buildings',
  capacity: 'companies',
  jobs: 'jobs',
};

/** Unit words → [unit, power of ten to apply]; mu is handled apart (not a power of ten). */
const UNIT_WORDS: [RegExp, FigureUnit, number, 'mu'?][] = [
  [/^(元人民币|人民币|元|rmb|cny)$/i, 'yuan', 0],
  [/^(平方公里|平方千米|km²|km2)$/i, 'm2', 6],
  [/^(公顷|ha)$/i, 'm2', 4],
  [/^(平方米|平米|平方|㎡|m²|m2)$/i, 'm2', 0],
  [/^亩$/, 'm2', 0, 'mu'],
  [/^层$/, 'floors', 0],
  [/^(米|m)$/i, 'm', 0],
  [/^(栋|幢|座)$/, 'buildings', 0],
  [/^(家|户)$/, 'companies', 0],
  [/^(人|名|个岗位|岗位)$/, 'jobs', 0],
  [/^(%|％)$/, 'percent', 0],
];

const MULTIPLIER_POWERS = new Map([
  ['十', 1],
  ['百', 2],
  ['千', 3],
  ['万', 4],
  ['亿', 8],
]);

/**
 * The number a figure written as text most likely means, in the unit `expected`, or undefined
 * when the text is not one number in a compatible unit. Decimal shifts go through the exponent
 * ("2.73e4"), so 2.73万 is exactly 27300, not 27299.999999999996.
 */
export function parseFigureText(
  text: string,
  expected: FigureUnit,
): { number: number; from?: 'mu' } | undefined {
  const normalized = text
    .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/．/g, '.')
    .replace(/\s+/g, '')
    .replace(/(\d)[,，](?=\d{3})/g, '$1');
  const match =
    /^(?:约|大约|近|超过|超|逾|达到|达|共计|共|合计|总计|计)?(-?\d+(?:\.\d+)?)(?:余|多)?([十百千万亿]*)(?:余|多)?(.*?)(?:左右|以上)?$/.exec(
      normalized,
    );
  if (!match) return undefined;
  const [, mantissa = '', multipliers = '', unitText = ''] = match;
  let power = 0;
  for (const char of multipliers) power += MULTIPLIER_POWERS.get(char) ?? 0;
  let from: 'mu' | undefined;
  if (unitText !== '') {
    const unit = UNIT_WORDS.find(([pattern]) => pattern.test(unitText));
    if (!unit || unit[1] !== expected) return undefined;
    power += unit[2];
    from = unit[3];
  }
  let number = Number(`${mantissa}e${power}`);
  if (from === 'mu') number = Math.round(((number * 10000) / 15) * 100) / 100;
  if (!Number.isFinite(number)) return undefined;
  return from ? { number, from } : { number };
}

// ---------------------------------------------------------------------------------------------
// Suggestions for kind and status

const STATUS_WORDS: [string, string][] = [
  ['运营中', 'operating'],
  ['已运营', 'operating'],
  ['运营', 'operating'],
  ['已投产', 'operating'],
  ['投产', 'operating'],
  ['in operation', 'operating'],
  ['operational', 'operating'],
  ['在建', 'under_construction'],
  ['建设中', 'under_construction'],
  ['施工中', 'under_construction'],
  ['under construction', 'under_construction'],
  ['已封顶', 'topped_out'],
  ['封顶', 'topped_out'],
  ['装修', 'fitting_out'],
  ['竣工', 'completed'],
  ['已完工', 'completed'],
  ['完工', 'completed'],
  ['建成', 'completed'],
  ['已签约', 'signed'],
  ['签约', 'signed'],
  ['规划', 'planned'],
  ['拟建', 'planned'],
];

const KIND_WORDS: [string, string][] = [
  ['开发区', 'zone'],
  ['高新区', 'zone'],
  ['经开区', 'zone'],
  ['园区', 'park'],
  ['产业园', 'park'],
  ['地块', 'plot'],
  ['宗地', 'plot'],
  ['项目', 'project'],
  ['厂房', 'building'],
  ['楼', 'building'],
  ['栋', 'building'],
];

/** The valid value `value` most likely meant: a known word, else the nearest by edit distance. */
export function suggest(
  value: string,
  valid: readonly string[],
  words: readonly [string, string][],
): string | undefined {
  const trimmed = value.trim();
  const lower = trimmed.toLowerCase();
  // Exact words first, then words contained in the value, longest first ("已投产运营" → 投产).
  const exact = words.find(([word]) => word === lower);
  if (exact) return exact[1];
  const contained = [...words]
    .sort((a, b) => b[0].length - a[0].length)
    .find(([word]) => lower.includes(word));
  if (contained) return contained[1];
  const normalized = lower.replace(/[\s-]+/g, '_');
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of valid) {
    const distance = editDistance(normalized, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best !== undefined && bestDistance <= Math.max(2, Math.floor(best.length / 3))) return best;
  return undefined;
}

/** Levenshtein distance (insert, delete, substitute each cost 1). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] as number;
}

// ---------------------------------------------------------------------------------------------
// Parents

/** Every feature in a parent loop, with the loop written from that feature back to itself. */
function findParentCycles(kept: Map<string, CheckedFeature>): Map<string, string[]> {
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

// ---------------------------------------------------------------------------------------------
// Geometry

type GeometryAdd = (path: string, code: string, params?: Params) => void;

const WEB_MERCATOR_MAX = 20037508.342789244;
const EARTH_RADIUS = 6378137;
/** Beyond this latitude Web Mercator (and so MapLibre) shows nothing. */
export const MERCATOR_MAX_LAT = 85.051129;

function checkGeometry(raw: unknown, path: string, add: GeometryAdd): Geometry | undefined {
  if (raw === null || raw === undefined) {
    add(path, 'missing-geometry');
    return undefined;
  }
  if (!isRecord(raw)) {
    add(path, 'unsupported-geometry', { type: displayValue(raw) });
    return undefined;
  }
  const type = raw['type'];
  const depth = typeof type === 'string' ? GEOMETRY_DEPTH.get(type) : undefined;
  if (depth === undefined) {
    add(`${path}.type`, 'unsupported-geometry', { type: displayValue(type) });
    return undefined;
  }
  const coordinatesPath = `${path}.coordinates`;
  const rawCoordinates = raw['coordinates'];
  if (!Array.isArray(rawCoordinates) || rawCoordinates.length === 0) {
    add(coordinatesPath, 'empty-geometry');
    return undefined;
  }

  // Copy positions (numbers only), checking the nesting on the way. Paths are written only for
  // a problem: a million vertices need no million path strings (`trail` holds the indices).
  const positions: Position[] = [];
  const trail: number[] = [];
  const here = (): string => `${coordinatesPath}${trail.map((i) => `[${i}]`).join('')}`;
  let broken = false;
  const copy = (value: unknown, level: number): unknown => {
    if (broken) return undefined;
    if (level === 0) {
      if (
        !Array.isArray(value) ||
        value.length < 2 ||
        !value.every((n) => typeof n === 'number' && Number.isFinite(n))
      ) {
        add(here(), 'invalid-position');
        broken = true;
        return undefined;
      }
      const position = [...(value as number[])];
      positions.push(position);
      return position;
    }
    if (!Array.isArray(value)) {
      add(here(), 'invalid-position');
      broken = true;
      return undefined;
    }
    if (value.length === 0) {
      add(here(), 'empty-geometry');
      broken = true;
      return undefined;
    }
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      trail.push(i);
      out[i] = copy(value[i], level - 1);
      trail.pop();
    }
    return out;
  };
  const coordinates = copy(rawCoordinates, depth);
  if (broken) return undefined;

  if (
    !checkRanges(
      positions,
      add,
      (position) => pathOf(coordinates, position, coordinatesPath) ?? coordinatesPath,
    )
  )
    return undefined;

  const geometry = { type, coordinates } as Geometry;
  switch (geometry.type) {
    case 'LineString':
      return checkLine(geometry.coordinates, coordinatesPath, add) ? geometry : undefined;
    case 'MultiLineString':
      return geometry.coordinates.every((line, i) =>
        checkLine(line, `${coordinatesPath}[${i}]`, add),
      )
        ? geometry
        : undefined;
    case 'Polygon': {
      const rings = checkPolygon(geometry.coordinates, coordinatesPath, add);
      return rings ? { type: 'Polygon', coordinates: rings } : undefined;
    }
    case 'MultiPolygon': {
      const polygons = geometry.coordinates.map((polygon, i) =>
        checkPolygon(polygon, `${coordinatesPath}[${i}]`, add),
      );
      return polygons.every((p) => p !== undefined)
        ? { type: 'MultiPolygon', coordinates: polygons as Position[][][] }
        : undefined;
    }
    default:
      return geometry;
  }
}

const GEOMETRY_DEPTH = new Map<string, number>([
  ['Point', 0],
  ['MultiPoint', 1],
  ['LineString', 1],
  ['MultiLineString', 2],
  ['Polygon', 2],
  ['MultiPolygon', 3],
]);

/**
 * Longitude/latitude ranges. When a position is off, all positions of the feature decide why:
 * all within Web Mercator's metre range → projected metres; all valid once swapped → swapped;
 * otherwise simply out of range. Reports the first offending position only.
 */
/** The path of `target` (found by identity) inside nested coordinate arrays. */
function pathOf(node: unknown, target: Position, at: string): string | undefined {
  if (node === target) return at;
  if (!Array.isArray(node)) return undefined;
  for (let i = 0; i < node.length; i++) {
    const found = pathOf(node[i], target, `${at}[${i}]`);
    if (found !== undefined) return found;
  }
  return undefined;
}

function checkRanges(
  positions: Position[],
  add: GeometryAdd,
  pathOfPosition: (position: Position) => string,
): boolean {
  const offending = positions.find(([lon = 0, lat = 0]) => {
    if (Math.abs(lon) > 180 || Math.abs(lat) > 90) return true;
    // [lat, lon] of a place in western China (lon 73–90) is in range but near the pole.
    return Math.abs(lat) > MERCATOR_MAX_LAT && isInChina(lat, lon);
  });
  if (!offending) return true;
  const [x = 0, y = 0] = offending;
  const offendingPath = pathOfPosition(offending);
  const inMercator = positions.every(
    ([a = 0, b = 0]) => Math.abs(a) <= WEB_MERCATOR_MAX && Math.abs(b) <= WEB_MERCATOR_MAX,
  );
  const swappable = positions.every(([a = 0, b = 0]) => Math.abs(a) <= 90 && Math.abs(b) <= 180);
  // Metres in China run to millions; a value of a few hundred is a typo, not a projection.
  if (inMercator && Math.max(Math.abs(x), Math.abs(y)) > 1000) {
    const lon = ((x / EARTH_RADIUS) * 180) / Math.PI;
    const lat = ((2 * Math.atan(Math.exp(y / EARTH_RADIUS)) - Math.PI / 2) * 180) / Math.PI;
    add(offendingPath, 'projected-coordinates', {
      x,
      y,
      lon: round(lon, 6),
      lat: round(lat, 6),
    });
  } else if (swappable) {
    add(offendingPath, 'swapped-coordinates', { lon: y, lat: x });
  } else {
    add(offendingPath, 'coordinate-out-of-range', { lon: x, lat: y });
  }
  return false;
}

function checkLine(line: Position[], path: string, add: GeometryAdd): boolean {
  if (line.length < 2) {
    add(path, 'line-too-short');
    return false;
  }
  return true;
}

/** Checks rings; returns them closed (a copy), or undefined when the polygon is unusable. */
function checkPolygon(
  rings: Position[][],
  path: string,
  add: GeometryAdd,
): Position[][] | undefined {
  const closed: Position[][] = [];
  let usable = true;
  rings.forEach((ring, r) => {
    const ringPath = `${path}[${r}]`;
    const first = ring[0] as Position;
    const last = ring[ring.length - 1] as Position;
    let copy = ring;
    if (!samePoint(first, last)) {
      add(ringPath, 'ring-not-closed');
      copy = [...ring, [...first]];
    }
    const distinct = dedupe(copy).length - 1;
    if (distinct < 3) {
      add(ringPath, 'ring-too-short', { count: distinct });
      usable = false;
      return;
    }
    const crossing = findSelfIntersection(copy);
    if (crossing) {
      add(ringPath, 'self-intersection', {
        lon: round(crossing.point[0] ?? 0, 6),
        lat: round(crossing.point[1] ?? 0, 6),
        segmentA: crossing.a + 1,
        segmentB: crossing.b + 1,
      });
      usable = false;
      return;
    }
    closed.push(copy);
  });
  if (!usable) return undefined;
  // Between rings: a hole must not cross the outline or another hole. (Holes lying wholly
  // outside the outline are not detected yet.)
  for (let r = 0; r < closed.length; r++) {
    for (let s = r + 1; s < closed.length; s++) {
      const crossing = findRingsIntersection(closed[r] as Position[], closed[s] as Position[]);
      if (crossing) {
        add(`${path}[${s}]`, 'rings-intersect', {
          ring: r + 1,
          otherRing: s + 1,
          lon: round(crossing[0] ?? 0, 6),
          lat: round(crossing[1] ?? 0, 6),
        });
        return undefined;
      }
    }
  }
  return closed;
}

type Segment = { from: Position; to: Position; index: number };

/** Segments of a closed ring, without zero-length ones; `index` is the original segment index. */
function segments(ring: Position[]): Segment[] {
  const result: Segment[] = [];
  for (let i = 0; i < ring.length - 1; i++) {
    const from = ring[i] as Position;
    const to = ring[i + 1] as Position;
    if (!samePoint(from, to)) result.push({ from, to, index: i });
  }
  return result;
}

/**
 * First pair of non-adjacent segments that touch or cross. O(n²) in the ring's size: fine for
 * building and park outlines (tens to hundreds of positions); a sweep line would be needed for
 * rings of many thousands.
 */
function findSelfIntersection(
  ring: Position[],
): { a: number; b: number; point: Position } | undefined {
  const list = segments(ring);
  const n = list.length;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      // Neighbours share a vertex by design (the last segment neighbours the first).
      if (j === i + 1 || (i === 0 && j === n - 1)) continue;
      const a = list[i] as Segment;
      const b = list[j] as Segment;
      const point = segmentIntersection(a.from, a.to, b.from, b.to);
      if (point) return { a: a.index, b: b.index, point };
    }
  }
  return undefined;
}

function findRingsIntersection(first: Position[], second: Position[]): Position | undefined {
  for (const a of segments(first)) {
    for (const b of segments(second)) {
      const point = segmentIntersection(a.from, a.to, b.from, b.to);
      if (point) return point;
    }
  }
  return undefined;
}

function cross(o: Position, a: Position, b: Position): number {
  return (
    ((a[0] as number) - (o[0] as number)) * ((b[1] as number) - (o[1] as number)) -
    ((a[1] as number) - (o[1] as number)) * ((b[0] as number) - (o[0] as number))
  );
}

function onSegment(p: Position, a: Position, b: Position): boolean {
  const [px = 0, py = 0] = p;
  const [ax = 0, ay = 0] = a;
  const [bx = 0, by = 0] = b;
  return (
    Math.min(ax, bx) <= px &&
    px <= Math.max(ax, bx) &&
    Math.min(ay, by) <= py &&
    py <= Math.max(ay, by)
  );
}

/** Where segments p1p2 and p3p4 touch or cross (a shared point when collinear), if they do. */
function segmentIntersection(
  p1: Position,
  p2: Position,
  p3: Position,
  p4: Position,
): Position | undefined {
  const d1 = cross(p3, p4, p1);
  const d2 = cross(p3, p4, p2);
  const d3 = cross(p1, p2, p3);
  const d4 = cross(p1, p2, p4);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
    const t = d1 / (d1 - d2);
    const [x1 = 0, y1 = 0] = p1;
    const [x2 = 0, y2 = 0] = p2;
    return [x1 + t * (x2 - x1), y1 + t * (y2 - y1)];
  }
  if (d1 === 0 && onSegment(p1, p3, p4)) return [...p1];
  if (d2 === 0 && onSegment(p2, p3, p4)) return [...p2];
  if (d3 === 0 && onSegment(p3, p1, p2)) return [...p3];
  if (d4 === 0 && onSegment(p4, p1, p2)) return [...p4];
  return undefined;
}

function samePoint(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

function dedupe(ring: Position[]): Position[] {
  return ring.filter((p, i) => i === 0 || !samePoint(p, ring[i - 1] as Position));
}

/** Twice the signed area (shoelace), positive when counter-clockwise. */
function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x1 = 0, y1 = 0] = ring[i] as Position;
    const [x2 = 0, y2 = 0] = ring[i + 1] as Position;
    sum += x1 * y2 - x2 * y1;
  }
  return sum;
}

/** Ring `r` of a polygon wound as RFC 7946 says: the outer one (0) counter-clockwise, holes not. */
export function orientRing(ring: Position[], r: number): Position[] {
  const ccw = signedArea(ring) > 0;
  return (r === 0) === ccw ? ring : [...ring].reverse();
}

/** RFC 7946 winding: outer rings counter-clockwise, holes clockwise (input may be either). */
function fixWinding(geometry: Geometry): Geometry {
  const orient = (rings: Position[][]): Position[][] => rings.map(orientRing);
  if (geometry.type === 'Polygon')
    return { type: 'Polygon', coordinates: orient(geometry.coordinates) };
  if (geometry.type === 'MultiPolygon') {
    return { type: 'MultiPolygon', coordinates: geometry.coordinates.map(orient) };
  }
  return geometry;
}

// ---------------------------------------------------------------------------------------------
// Helpers

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeFound(value: unknown): Params {
  if (value === null) return { found: 'null' };
  if (Array.isArray(value)) return { found: 'array' };
  if (isRecord(value)) {
    if (value['type'] === 'Feature') return { found: 'feature' };
    return typeof value['type'] === 'string'
      ? { found: 'object', type: value['type'] }
      : { found: 'object' };
  }
  return { found: typeof value };
}

/** A value shown in a message: text as is, anything else as JSON, cut to 200 characters. */
function displayValue(value: unknown): string {
  return typeof value === 'string' ? cutName(value, VALUE_LIMIT) : previewJson(value);
}

/** Longest value (and name) a message quotes: a 50 MB name must not make a 50 MB message. */
const VALUE_LIMIT = 200;

type PreviewFrame =
  | { list: readonly unknown[]; index: number }
  | { object: Record<string, unknown>; keys: string[]; index: number; wrote: boolean };

/**
 * A value as JSON for a message, cut to 200 characters. Written by a loop, not by recursion or
 * JSON.stringify, so that a value nested 100 000 levels deep cannot overflow the stack, and it
 * stops once it has enough text. Infinity and NaN (JSON.parse gives Infinity for 1e400) are
 * written as such, not as JSON.stringify's "null".
 */
function previewJson(value: unknown): string {
  let out = '';
  const frames: PreviewFrame[] = [];
  const write = (item: unknown): void => {
    if (Array.isArray(item)) {
      out += '[';
      frames.push({ list: item, index: 0 });
    } else if (typeof item === 'object' && item !== null) {
      if (typeof (item as { toJSON?: unknown }).toJSON === 'function') {
        out += scalarJson(safeStringify(item));
        return;
      }
      out += '{';
      const object = item as Record<string, unknown>;
      frames.push({ object, keys: Object.keys(object), index: 0, wrote: false });
    } else {
      out += scalarJson(item);
    }
  };
  write(value);
  while (frames.length > 0 && out.length <= VALUE_LIMIT) {
    const frame = frames[frames.length - 1] as PreviewFrame;
    if ('list' in frame) {
      if (frame.index >= frame.list.length) {
        out += ']';
        frames.pop();
        continue;
      }
      if (frame.index > 0) out += ',';
      const item = frame.list[frame.index];
      frame.index++;
      write(item === undefined ? null : item);
    } else {
      if (frame.index >= frame.keys.length) {
        out += '}';
        frames.pop();
        continue;
      }
      const key = frame.keys[frame.index] as string;
      frame.index++;
      const item = frame.object[key];
      if (item === undefined) continue;
      out += `${frame.wrote ? ',' : ''}${scalarJson(key)}:`;
      frame.wrote = true;
      write(item);
    }
  }
  // The loop stops early only once past the limit, so this cut also marks unfinished text.
  return cutName(out, VALUE_LIMIT);
}

function scalarJson(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(cutName(value, VALUE_LIMIT + 1));
  if (typeof value === 'number')
    return Number.isFinite(value) ? JSON.stringify(value) : String(value);
  if (typeof value === 'bigint') return `${String(value)}n`;
  if (value === null || typeof value === 'boolean') return String(value);
  return typeof value === 'symbol' ? value.toString() : typeof value;
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

function pathKey(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

/**
 * How many levels of lists and objects a property may hold. Real park data needs three or four
 * (tenants → tenant → name); the limit keeps copying (and everything after it) off the call
 * stack's edge. Deeper properties are left out with a `too-deeply-nested` warning.
 */
const MAX_DEPTH = 64;
const TOO_DEEP: unique symbol = Symbol('too deep');

type UnsafeReport = (path: string, key: string, value: unknown) => void;

/**
 * A deep copy of plain JSON-like data, leaving out unsafe keys (reported through `onUnsafe`), or
 * TOO_DEEP when lists and objects nest more than MAX_DEPTH levels (counting `value` as level
 * `depth`). Own enumerable keys only; assignment to a fresh object cannot reach a prototype
 * because the unsafe names never get assigned. Recursion is bounded by MAX_DEPTH.
 */
function copySafely(value: unknown, path: string, onUnsafe: UnsafeReport, depth: number): unknown {
  const isList = Array.isArray(value);
  if (!isList && !isRecord(value)) return value;
  if (depth > MAX_DEPTH) return TOO_DEEP;
  // Paths are written only on the way into a list or object (where a report may come from): not
  // for each of the millions of plain values in a large file.
  if (isList) {
    // Exactly as long as the list: one grown by `push` keeps room for 17 entries, which for a
    // file's 100 000 short lists (industries, tenants) is megabytes the page holds for nothing.
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      const member: unknown = value[i];
      if (member === null || typeof member !== 'object') {
        out[i] = member;
        continue;
      }
      const item = copySafely(member, `${path}[${i}]`, onUnsafe, depth + 1);
      if (item === TOO_DEEP) return TOO_DEEP;
      out[i] = item;
    }
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const member = value[key];
    if (UNSAFE_KEYS.has(key)) {
      onUnsafe(`${path}${pathKey(key)}`, key, member);
      continue;
    }
    if (member === null || typeof member !== 'object') {
      out[key] = member;
      continue;
    }
    const item = copySafely(member, `${path}${pathKey(key)}`, onUnsafe, depth + 1);
    if (item === TOO_DEEP) return TOO_DEEP;
    out[key] = item;
  }
  return out;
}

/**
 * Copies the members of `from` (other than `known`) to `to`, each with copySafely. A member
 * nested too deeply is left out whole (its unsafe keys are not reported then); its key is
 * returned for the caller to report.
 */
function copyMembers(
  from: Record<string, unknown>,
  known: Set<string>,
  to: Record<string, unknown>,
  base: string,
  onUnsafe: UnsafeReport,
): string[] {
  const tooDeep: string[] = [];
  // Unsafe keys inside a member are reported only once the member is known to be kept.
  const reports: Parameters<UnsafeReport>[] = [];
  const collect: UnsafeReport = (path, key, value) => {
    reports.push([path, key, value]);
  };
  for (const key of Object.keys(from)) {
    if (known.has(key)) continue;
    const member = from[key];
    if (!UNSAFE_KEYS.has(key) && (member === null || typeof member !== 'object')) {
      to[key] = member;
      continue;
    }
    const keyPath = base === '' ? key : `${base}${pathKey(key)}`;
    if (UNSAFE_KEYS.has(key)) {
      onUnsafe(keyPath, key, member);
      continue;
    }
    const reportedBefore = reports.length;
    const copy = copySafely(member, keyPath, collect, 1);
    if (copy === TOO_DEEP) {
      reports.length = reportedBefore;
      tooDeep.push(key);
      continue;
    }
    to[key] = copy;
  }
  for (const report of reports) onUnsafe(...report);
  return tooDeep;
}

/** Copies members other than `known` from `from` to `to`, safely. */
function copyForeignMembers(
  from: Record<string, unknown>,
  known: Set<string>,
  to: Record<string, unknown> | ParkFeature | ParkFeatureCollection,
  base: string,
  check: CheckedFeature | undefined,
  emit: (draft: IssueDraft) => void,
): void {
  const ref = (): Params => (check ? nameParam(check) : {});
  const tooDeep = copyMembers(
    from,
    known,
    to as Record<string, unknown>,
    base,
    (path, key, value) =>
      emit({
        ...(check ? featureRef(check) : {}),
        path,
        code: 'unsafe-key',
        severity: 'warning',
        params: { ...ref(), key, value: previewJson(value) },
      }),
  );
  for (const key of tooDeep) {
    emit({
      ...(check ? featureRef(check) : {}),
      path: base === '' ? key : `${base}${pathKey(key)}`,
      code: 'too-deeply-nested',
      severity: 'warning',
      params: { ...ref(), field: key, limit: MAX_DEPTH },
    });
  }
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
