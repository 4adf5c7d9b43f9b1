// Field mapping: data written by others (DataV, OSM, a GIS export, an Excel list) read into our
// schema before validation. A mapping names the source's field for each of ours (`id-field`,
// `name-field`, `status-field`, `default-kind`, or the `fields` property), with value maps and
// units; without one, the common fields are recognised (名称/NAME/name, `properties.id`, a DataV
// `parent.adcode`). Every guess is told once for the file as a warning naming the field it used,
// with how many features it touched; nothing the source holds is dropped (its fields stay beside
// ours) and the input is never mutated. Pure; loaded with the data chunk.
import {
  KINDS,
  STATUSES,
  FIGURE_KEYS,
  type DataIssue,
  type FigureKey,
  type Kind,
  type Qualifier,
} from './types.js';
import { withReason } from './issue-messages.js';
import { FIGURE_UNITS, parseFigureText } from './validate/figures.js';
import { displayValue, isRecord } from './validate/shared.js';
import { editDistance, STATUS_WORDS } from './validate/suggestions.js';

/** One of our properties read from a source field, with its values mapped and its unit. */
export interface FieldRule {
  /** The source's property name (`id` also finds the Feature's own `id`). */
  field: string;
  /** Source value → ours, e.g. `{ "在建": "under_construction" }`. */
  values?: Record<string, string>;
  /** The unit the source's numbers are in (亿元, 万元, 元, 亩, 公顷, 万平方米, 平方米, 平方公里). */
  unit?: string;
}

export interface FieldMapping {
  /** The source field holding each feature's id. */
  id?: string | FieldRule;
  name?: string | FieldRule;
  kind?: string | FieldRule;
  status?: string | FieldRule;
  /** The kind of features whose own `kind` is missing or not one of ours. */
  defaultKind?: Kind;
  /** Any of our properties (`investment`, `floorArea`, `address`, …) → the source's field. */
  fields?: Record<string, string | FieldRule>;
}

export interface MappingResult {
  /** The collection in our schema's names (a new object; the input untouched), or the input as it was. */
  json: unknown;
  /** One warning per guess, for the whole file. */
  issues: DataIssue[];
}

/** Names a source may give a feature's name under, in the order they are tried. */
export const NAME_FIELDS = [
  '名称',
  'NAME',
  'Name',
  'name_zh',
  'name:zh',
  '名字',
  '项目名称',
  '园区名称',
  '企业名称',
  'title',
] as const;

/**
 * Properties that mark a feature as OpenStreetMap's or a Tilezen/Protomaps tile's: their `kind`
 * is of that vocabulary (an OSM "park" is a green park), not ours, whatever its spelling.
 */
const FOREIGN_MARKERS = [
  'kind_detail',
  'osm_id',
  'osm_type',
  'osm_way_id',
  '@id',
  'min_zoom',
  'sort_rank',
];

/** The properties objects whose `kind` is of another vocabulary (validation reports them). */
const foreignKinds = new WeakSet<object>();

/** True when `properties` came from a source whose `kind` is not ours (see FOREIGN_MARKERS). */
export function hasForeignKind(properties: object): boolean {
  return foreignKinds.has(properties);
}

function looksForeign(props: Record<string, unknown>): boolean {
  return (
    FOREIGN_MARKERS.some((key) => Object.hasOwn(props, key)) ||
    (typeof props['source'] === 'string' && /openstreetmap/i.test(props['source']))
  );
}

/**
 * The units a mapping may name for a figure. The numbers are converted as a figure written as text
 * is ("1.2亿元", "50亩": validate/figures.ts's parseFigureText, exact decimal shifts, 亩 rounded to
 * cm²), and only into a figure of the same base (yuan or m²).
 */
const UNITS: ReadonlySet<string> = new Set([
  '亿元',
  '亿',
  '万元',
  '元',
  '亩',
  '公顷',
  'ha',
  '万平方米',
  '万㎡',
  '平方米',
  '㎡',
  'm2',
  'm²',
  '平方公里',
  '平方千米',
  'km2',
  'km²',
]);

/** A cell that is a number with a qualifying word: "约70", "70余", "70多", "超70", "70以上", "可达70". */
const QUALIFIED_NUMBER =
  /^(约|大约|近|超过|超|逾|可达)?\s*(-?[\d.,\s]*\d[\d.,\s]*?)\s*(余|多)?\s*(左右|以上)?$/;

/**
 * `value` (a number, or a number as text, perhaps with 约/余/多/超/以上/可达) in `unit`, in the
 * base unit of the figure `key`, with the qualifier the word says and the word itself.
 */
function convertFigure(
  value: unknown,
  unit: string,
  key: string,
): { number: number; qualifier?: Qualifier; word?: string } | undefined {
  if (!(FIGURE_KEYS as readonly string[]).includes(key)) return undefined;
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
  const match = QUALIFIED_NUMBER.exec(text.trim());
  if (!match) return undefined;
  const [, prefix = '', digits = '', more = '', suffix = ''] = match;
  // The words go where the unit lets parseFigureText read them: 约70万平方米, 70余万平方米, 70万平方米以上.
  const parsed = parseFigureText(
    `${prefix}${digits}${more}${unit}${suffix}`,
    FIGURE_UNITS[key as FigureKey],
  );
  if (!parsed) return undefined;
  const word = `${prefix}${more}${suffix}`;
  return parsed.qualifier
    ? { number: parsed.number, qualifier: parsed.qualifier, word }
    : { number: parsed.number };
}

/** The unit a field's name states in brackets: `投资额(亿元)`, `占地面积（亩）`, `area [ha]`. */
export function unitFromFieldName(field: string): string | undefined {
  const match = /[(（[]\s*([^()（）[\]]+?)\s*[)）\]]\s*$/.exec(field);
  return match && UNITS.has(match[1]!) ? match[1] : undefined;
}

/**
 * Every mapping the element's attributes and `fields` property give, as one. An attribute names
 * the field and wins over the rule's `field`; the rule's value map and unit stay (`status-field`
 * with `fields.status.values`).
 */
export function mergeMapping(
  fields: FieldMapping | null | undefined,
  attributes: {
    idField?: string | null;
    nameField?: string | null;
    statusField?: string | null;
    defaultKind?: string | null;
  },
): FieldMapping | undefined {
  const merged: FieldMapping = { ...(fields ?? {}) };
  const named = (given: string | FieldRule | undefined, field: string): string | FieldRule =>
    typeof given === 'object' && given !== null ? { ...given, field } : field;
  if (attributes.idField) merged.id = named(merged.id, attributes.idField);
  if (attributes.nameField) merged.name = named(merged.name, attributes.nameField);
  if (attributes.statusField) merged.status = named(merged.status, attributes.statusField);
  if (attributes.defaultKind && (KINDS as readonly string[]).includes(attributes.defaultKind)) {
    merged.defaultKind = attributes.defaultKind as Kind;
  }
  return Object.keys(merged).length > 0 ? merged : undefined;
}

const rule = (given: string | FieldRule | undefined): FieldRule | undefined =>
  typeof given === 'string' ? { field: given } : given;

const asText = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== ''
    ? value
    : typeof value === 'number' && Number.isFinite(value)
      ? String(value)
      : undefined;

/** The value of `field` on a feature: a property, or the Feature's own `id` for `id`. */
function read(feature: Record<string, unknown>, props: Record<string, unknown>, field: string) {
  if (Object.hasOwn(props, field)) return props[field];
  return field === 'id' ? feature['id'] : undefined;
}

/** A short stable hash (FNV-1a, 32 bits, base 36) of a text. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/** How often each guess was made, and on which features first. */
class Tally {
  private readonly counts = new Map<
    string,
    { params: Record<string, string | number>; count: number; first: string[] }
  >();
  add(code: string, params: Record<string, string | number>, example: string): void {
    const key = `${code}\u0000${JSON.stringify(params)}`;
    const entry = this.counts.get(key) ?? { params, count: 0, first: [] };
    entry.count++;
    if (entry.first.length < 3) entry.first.push(example);
    this.counts.set(key, entry);
  }
  issues(): DataIssue[] {
    return [...this.counts].map(([key, { params, count, first }]) =>
      withReason({
        path: 'features',
        code: key.slice(0, key.indexOf('\u0000')),
        severity: 'warning',
        params: { ...params, count, examples: first.join(', ') },
      }),
    );
  }
}

/**
 * Reads a parsed FeatureCollection into our names: ids, names, kinds, statuses and figures from
 * the fields the mapping gives, or the common ones it recognises. Anything not a collection of
 * objects is returned as it is (validation says what is wrong with it).
 */
export function mapParkData(json: unknown, mapping: FieldMapping = {}): MappingResult {
  if (!isRecord(json) || !Array.isArray(json['features'])) return { json, issues: [] };
  const tally = new Tally();
  // `fields` may hold these four too (`"fields": {"status": {"field": "状态", …}}`).
  const idRule = rule(mapping.id ?? mapping.fields?.['id']);
  const nameRule = rule(mapping.name ?? mapping.fields?.['name']);
  const kindRule = rule(mapping.kind ?? mapping.fields?.['kind']);
  const statusRule = rule(mapping.status ?? mapping.fields?.['status']);
  const generated = new Map<string, number>();
  const features = (json['features'] as unknown[]).map((input, index) => {
    if (!isRecord(input)) return input;
    const hasProps = isRecord(input['properties']);
    const props = hasProps ? (input['properties'] as Record<string, unknown>) : {};
    const out: Record<string, unknown> = { ...props };
    // Without properties the feature stays without them (validation says so); only its id is read.
    const feature: Record<string, unknown> = hasProps
      ? { ...input, properties: out }
      : { ...input };
    const where = `features[${index}]`;

    // The id: the mapped field, else the Feature's own, else `properties.id`, else generated.
    if (idRule) {
      const id = asText(read(input, props, idRule.field));
      if (id !== undefined) feature['id'] = idRule.values?.[id] ?? id;
    } else if (input['id'] === undefined || input['id'] === null || input['id'] === '') {
      const id = asText(props['id']);
      if (id !== undefined) {
        feature['id'] = id;
        tally.add('guessed-id-field', { field: 'id' }, where);
      }
    }
    if (feature['id'] === undefined || feature['id'] === null || feature['id'] === '') {
      // Stable: the same feature (geometry and properties) in the same file gets the same id.
      let text: string;
      try {
        text = JSON.stringify([input['geometry'] ?? null, props]);
      } catch {
        // Nested too deep to write out (validation leaves such a value out): its place, then.
        text = `#${index}`;
      }
      const base = `g-${hash(text)}`;
      const seen = generated.get(base) ?? 0;
      generated.set(base, seen + 1);
      feature['id'] = seen === 0 ? base : `${base}-${seen + 1}`;
      tally.add('generated-ids', {}, where);
    }

    if (!hasProps) return feature;

    // The name.
    if (nameRule) {
      const name = asText(read(input, props, nameRule.field));
      if (name !== undefined) out['name'] = name;
    } else if (asText(props['name']) === undefined) {
      const field = NAME_FIELDS.find((candidate) => asText(props[candidate]) !== undefined);
      if (field) {
        out['name'] = asText(props[field]);
        tally.add('guessed-name-field', { field }, where);
      }
    }

    // DataV's `parent: { adcode }`: the parent's id, as text.
    if (!mapping.fields?.['parent'] && isRecord(props['parent'])) {
      const adcode = asText(props['parent']['adcode']);
      if (adcode !== undefined) {
        out['parent'] = adcode;
        tally.add('guessed-parent-adcode', { field: 'parent.adcode' }, where);
      }
    }

    // The kind: mapped values, else ours as they are; the default for what is not ours.
    if (kindRule) {
      const raw = asText(read(input, props, kindRule.field));
      if (raw !== undefined) out['kind'] = kindRule.values?.[raw] ?? raw;
    }
    const foreign = !kindRule && typeof out['kind'] === 'string' && looksForeign(props);
    if (foreign && !mapping.defaultKind) foreignKinds.add(out);
    if (mapping.defaultKind && (foreign || !(KINDS as readonly unknown[]).includes(out['kind']))) {
      const was = asText(out['kind']);
      if (was !== undefined && !Object.hasOwn(out, 'sourceKind')) out['sourceKind'] = was;
      out['kind'] = mapping.defaultKind;
      tally.add('default-kind-applied', { kind: mapping.defaultKind, value: was ?? '' }, where);
    }

    // The status: mapped values, then ours, then the Chinese and English words for them.
    if (statusRule) {
      const raw = asText(read(input, props, statusRule.field));
      if (raw !== undefined) {
        const given = statusRule.values?.[raw];
        if (given !== undefined) out['status'] = given;
        else if ((STATUSES as readonly string[]).includes(raw)) out['status'] = raw;
        else {
          const word = STATUS_WORDS.find(([text]) => text === raw.trim().toLowerCase());
          out['status'] = word ? word[1] : raw;
          if (word)
            tally.add(
              'guessed-status-value',
              { field: statusRule.field, value: raw, status: word[1] },
              where,
            );
        }
      }
    }

    // Other fields: copied under our name; figures converted to base units.
    for (const [ours, given] of Object.entries(mapping.fields ?? {})) {
      if (ours === 'id' || ours === 'name' || ours === 'kind' || ours === 'status') continue;
      const { field, values, unit: givenUnit } = rule(given)!;
      const raw = read(input, props, field);
      if (raw === undefined || raw === null || raw === '') continue;
      const mapped = typeof raw === 'string' && values?.[raw] !== undefined ? values[raw] : raw;
      const unitName = givenUnit ?? unitFromFieldName(field);
      const converted = unitName === undefined ? undefined : convertFigure(mapped, unitName, ours);
      if (converted !== undefined) {
        out[ours] = converted.number;
        if (converted.qualifier) {
          // 约, 余, 以上…: kept as data beside the number, not dropped (a copy: input untouched).
          const given = out['qualifiers'];
          out['qualifiers'] = {
            ...(isRecord(given) ? given : {}),
            [ours]: converted.qualifier,
          };
          tally.add(
            'field-qualifier-kept',
            { field, property: ours, qualifier: converted.qualifier, word: converted.word ?? '' },
            where,
          );
        }
        if (givenUnit === undefined) {
          const factor = convertFigure(1, unitName!, ours)!.number;
          tally.add(
            'field-unit-converted',
            { field, property: ours, unit: unitName!, factor },
            where,
          );
        }
      } else out[ours] = mapped;
    }
    return feature;
  });
  return { json: { ...json, features }, issues: tally.issues() };
}

/** The units a mapping's `unit` may name. */
export const MAPPING_UNITS: readonly string[] = [...UNITS];

const MAPPING_KEYS = ['id', 'name', 'kind', 'status', 'defaultKind', 'fields'] as const;
const RULE_KEYS = ['field', 'values', 'unit'] as const;

/**
 * A field mapping read from JSON (a `map.json`, the `fields` property): what it says, and one
 * error per bad key, naming it by its path (`fields.investment.unit`). Keys that are wrong are
 * left out of the mapping; the rest is used.
 */
export function parseFieldMapping(json: unknown): { mapping: FieldMapping; issues: DataIssue[] } {
  const issues: DataIssue[] = [];
  const problem = (path: string, code: string, params: Record<string, string | number> = {}) =>
    issues.push(withReason({ path, code, severity: 'error', params }));
  const mapping: FieldMapping = {};
  if (!isRecord(json)) {
    problem('', 'mapping-not-object', { found: describeJson(json) });
    return { mapping, issues };
  }
  const readRule = (given: unknown, path: string): string | FieldRule | undefined => {
    if (typeof given === 'string' && given !== '') return given;
    if (!isRecord(given) || typeof given['field'] !== 'string' || given['field'] === '') {
      problem(path, 'mapping-bad-rule', { found: describeJson(given) });
      return undefined;
    }
    const out: FieldRule = { field: given['field'] };
    for (const key of Object.keys(given)) {
      if (!(RULE_KEYS as readonly string[]).includes(key)) {
        problem(`${path}.${key}`, 'mapping-unknown-key', {
          key,
          keys: RULE_KEYS.join(', '),
          ...closest(key, RULE_KEYS),
        });
      }
    }
    const values = given['values'];
    if (values !== undefined) {
      if (isRecord(values) && Object.values(values).every((value) => typeof value === 'string')) {
        out.values = values as Record<string, string>;
      } else problem(`${path}.values`, 'mapping-bad-values', { found: describeJson(values) });
    }
    const unit = given['unit'];
    if (unit !== undefined) {
      if (typeof unit === 'string' && UNITS.has(unit)) out.unit = unit;
      else
        problem(`${path}.unit`, 'mapping-unknown-unit', {
          value: displayValue(unit),
          units: MAPPING_UNITS.join(', '),
        });
    }
    return out;
  };
  for (const [key, given] of Object.entries(json)) {
    if (key === 'defaultKind') {
      if (typeof given === 'string' && (KINDS as readonly string[]).includes(given)) {
        mapping.defaultKind = given as Kind;
      } else
        problem('defaultKind', 'mapping-bad-kind', {
          value: displayValue(given),
        });
    } else if (key === 'fields') {
      if (!isRecord(given)) {
        problem('fields', 'mapping-not-object', { path: 'fields', found: describeJson(given) });
        continue;
      }
      const fields: Record<string, string | FieldRule> = {};
      for (const [ours, value] of Object.entries(given)) {
        const read = readRule(value, `fields.${ours}`);
        if (read !== undefined) fields[ours] = read;
      }
      mapping.fields = fields;
    } else if (key === 'id' || key === 'name' || key === 'kind' || key === 'status') {
      const read = readRule(given, key);
      if (read !== undefined) mapping[key] = read;
    } else {
      problem(key, 'mapping-unknown-key', {
        key,
        keys: MAPPING_KEYS.join(', '),
        ...closest(key, MAPPING_KEYS),
      });
    }
  }
  return { mapping, issues };
}

/** What a JSON value is (`array`, `string`, `number`, …), for a message's `found`. */
function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** The one of `keys` a mistyped key was most likely meant as (case or two letters off). */
function closest(key: string, keys: readonly string[]): { suggestion?: string } {
  const lower = key.toLowerCase().replace(/[-_\s]/g, '');
  const match =
    keys.find((candidate) => candidate.toLowerCase() === lower) ??
    keys.find((candidate) => editDistance(candidate.toLowerCase(), lower) <= 2);
  return match ? { suggestion: match } : {};
}
