// A feature's properties: kind, name, status, progress, figures and targets, parent, and the
// lists and objects the details panel, the search and the export read (tenants, sources, contact…).
import { cutName } from '../issue-messages.js';
import { FIGURE_KEYS, KINDS, STATUSES, type FigureKey } from '../types.js';
import { FIGURE_UNITS, checkFigureText, progressKept, type FigureUnit } from './figures.js';
import {
  VALUE_LIMIT,
  displayValue,
  isRecord,
  pathKey,
  previewJson,
  type Add,
  type CheckedFeature,
  type Params,
} from './shared.js';
import { KIND_WORDS, STATUS_WORDS, suggest } from './suggestions.js';
import {
  PROPERTY_QUALIFIER_KEYS,
  QUALIFIER_WORDS,
  checkQualifiers,
  targetQualifierKeys,
} from './qualifiers.js';
import { QUALIFIERS } from '../qualifier-keys.js';
import { hasForeignKind } from '../mapping.js';
import { checkHistory } from './history.js';

export function checkProperties(
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
  } else if (typeof kind === 'string' && hasForeignKind(input)) {
    // OpenStreetMap's or a tile schema's word, even when it is spelt like ours (mapping.ts).
    add(`${base}.kind`, 'foreign-kind', 'error', { value: displayValue(kind) });
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
    if (!statusKept(status, `${base}.status`, 'unknown-status', add)) delete output['status'];
  }

  // progress
  const progress = input['progress'];
  if (progress !== undefined && progress !== null) {
    if (!progressKept(progress, `${base}.progress`, 'progress-out-of-range', add)) {
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
    // `qualifiers` is no goal of its own: it qualifies the goals (checked below).
    const extra = Object.keys(outTargets).filter(
      (key) => key !== 'qualifiers' && !(FIGURE_KEYS as readonly string[]).includes(key),
    );
    checkFigures(targets, outTargets, `${base}.targets`, [...FIGURE_KEYS, ...extra]);
    checkQualifiers(targets, outTargets, `${base}.targets`, targetQualifierKeys(targets), add);
  }
  checkQualifiers(input, output, base, PROPERTY_QUALIFIER_KEYS, add);

  // parent (existence and cycles are checked across features later)
  const parent = input['parent'];
  if (parent !== undefined && parent !== null && typeof parent !== 'string') {
    add(`${base}.parent`, 'parent-not-string', 'warning', { value: displayValue(parent) });
    delete output['parent'];
  } else if (parent === null || parent === '') {
    delete output['parent'];
  }

  checkShapes(output, base, add);
  checkHistory(output, base, add);
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
    texts: ['name:en', 'industry', 'industry:en', 'since'],
    entryExample: '{"name": "…", "industry": "…"}',
  },
  {
    key: 'sources',
    required: 'title',
    texts: ['file', 'publisher', 'author', 'date', 'quote', 'url'],
    entryExample: '{"title": "…", "date": "2024-01-01"}',
  },
  {
    key: 'stats',
    texts: ['label', 'label:en', 'unit', 'unit:en', 'period', 'period:en'],
    entryExample: '{"label": "…", "value": 0, "unit": "…"}',
  },
];

/** Free-text properties, each with its English translation (`…:en`): text or left out. */
const TEXT_PROPERTIES: readonly string[] = [
  'name:en',
  'translation',
  ...[
    'statusNote',
    'address',
    'operator',
    'award',
    'developer',
    'contractor',
    'partner',
    'investmentNote',
  ].flatMap((key) => [key, `${key}:en`]),
];

/**
 * A status where the schema wants one: true to keep it; else reported as `code`, with the status
 * it most likely means ("在建" → under_construction).
 */
export function statusKept(value: unknown, path: string, code: string, add: Add): boolean {
  if (typeof value === 'string' && (STATUSES as readonly string[]).includes(value)) return true;
  const suggestion = typeof value === 'string' ? suggest(value, STATUSES, STATUS_WORDS) : undefined;
  add(path, code, 'warning', {
    value: displayValue(value),
    ...(suggestion ? { suggestion } : {}),
  });
  return false;
}

/** Fields of `record` that should be text and are something else: reported and left out. */
export function dropNonText(
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

/**
 * Shapes of `industries`, `aliases` (lists of text), `tenants`, `sources`, `stats` (lists of
 * objects), `contact` (an object of text). Works on the copy `output` (safe, and bounded in
 * depth): a wrong value is left out with a warning saying what to write; a wrong entry of a list
 * is left out on its own, the good ones stay.
 */
function checkShapes(output: Record<string, unknown>, base: string, add: Add): void {
  dropNonText(output, TEXT_PROPERTIES, base, add);
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
      if (key === 'stats') checkStatQualifier(entry, entryAt, add);
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

/** A stat's own `qualifier` (1300多名 → more_than): one of ours, else left out with a warning. */
function checkStatQualifier(entry: Record<string, unknown>, at: string, add: Add): void {
  const qualifier = entry['qualifier'];
  if (qualifier === undefined || qualifier === null) return;
  if (typeof qualifier === 'string' && (QUALIFIERS as readonly string[]).includes(qualifier))
    return;
  const suggestion =
    typeof qualifier === 'string' ? suggest(qualifier, QUALIFIERS, QUALIFIER_WORDS) : undefined;
  add(`${at}.qualifier`, 'unknown-qualifier', 'warning', {
    key: typeof entry['label'] === 'string' ? cutName(entry['label']) : 'stats',
    value: displayValue(qualifier),
    ...(suggestion ? { suggestion } : {}),
  });
  delete entry['qualifier'];
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
