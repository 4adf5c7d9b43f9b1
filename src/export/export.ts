// Exports of the shown features: CSV that Excel opens with Chinese intact, and GeoJSON.
// Pure: returns strings; the UI turns them into a Blob and a download.
import { bboxOf } from '../data/bbox.js';
import { QUALIFIERS } from '../data/qualifier-keys.js';
import { FIGURE_KEYS, type ParkFeature } from '../data/types.js';

export const CSV_MIME_TYPE = 'text/csv;charset=utf-8';
export const GEOJSON_MIME_TYPE = 'application/geo+json';

/** The figures with a qualifier column, and its name: `investment` → `investment_qualifier`. */
const QUALIFIED_COLUMNS = [...FIGURE_KEYS, 'companies', 'progress'] as const;
type QualifiedColumn = (typeof QUALIFIED_COLUMNS)[number];
const QUALIFIER_COLUMNS = QUALIFIED_COLUMNS.map(
  (key) => `${key}_qualifier` as const,
) as readonly `${QualifiedColumn}_qualifier`[];

/**
 * The CSV columns, in order. The header row is these stable keys (the data's own property names),
 * not translated labels, so a file exported in either language re-imports the same way; both
 * `name` and `name:en` are columns. Lists are joined with '; '. The qualifiers of the figures
 * (`qualifiers.floorArea`) follow the sources as `floorArea_qualifier` columns. `longitude`/`latitude` are the
 * point itself, or the centre of the bounding box of a polygon (6 decimals).
 */
export const CSV_COLUMNS = [
  'id',
  'kind',
  'name',
  'name:en',
  'parent',
  'status',
  'progress',
  'statusDate',
  'statusNote',
  ...FIGURE_KEYS,
  'companies',
  'tenants',
  'tenants:en',
  'industries',
  'aliases',
  'operator',
  'address',
  'longitude',
  'latitude',
  'sources',
  // 约, 余, 以上, 可达 of the number columns: about, more_than, at_least, up_to (empty: none).
  ...QUALIFIER_COLUMNS,
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];

const NUMERIC: ReadonlySet<CsvColumn> = new Set<CsvColumn>([
  'progress',
  ...FIGURE_KEYS,
  'companies',
]);

/** A number in plain digits: no grouping, no exponent (1e21 → 1000000000000000000000). */
export function plainNumber(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  if (Number.isInteger(value)) return BigInt(value).toString();
  return value.toFixed(20).replace(/\.?0+$/, '');
}

function strings(values: unknown, pick: (value: unknown) => unknown = (value) => value): string {
  if (!Array.isArray(values)) return '';
  const out: string[] = [];
  for (const value of values) {
    const picked = pick(value);
    if (typeof picked === 'string' && picked !== '' && !out.includes(picked)) out.push(picked);
  }
  return out.join('; ');
}

const field = (key: string) => (value: unknown) =>
  value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;

function cellValue(feature: ParkFeature, column: CsvColumn): unknown {
  const properties = feature.properties;
  switch (column) {
    case 'id':
      return feature.id;
    case 'tenants':
      return strings(properties.tenants, field('name'));
    case 'tenants:en':
      return strings(properties.tenants, field('name:en'));
    case 'industries':
    case 'aliases':
      return strings(properties[column]);
    case 'sources':
      return strings(properties.sources, field('title'));
    case 'longitude':
    case 'latitude': {
      const box = bboxOf([feature]);
      if (box === null) return undefined;
      const centre = column === 'longitude' ? (box[0] + box[2]) / 2 : (box[1] + box[3]) / 2;
      return Number(centre.toFixed(6));
    }
    default: {
      if (column.endsWith('_qualifier')) {
        // Only where the figure itself is written: a qualifier of nothing says nothing.
        const key = column.slice(0, -'_qualifier'.length);
        const qualifiers = properties.qualifiers;
        const value = qualifiers && Object.hasOwn(qualifiers, key) ? qualifiers[key] : undefined;
        return typeof properties[key] === 'number' &&
          (QUALIFIERS as readonly unknown[]).includes(value)
          ? value
          : undefined;
      }
      return properties[column];
    }
  }
}

/**
 * A text cell that a spreadsheet would run as a formula (starting with = + - @, tab or CR) gets a
 * leading apostrophe, as OWASP advises against CSV injection; Excel shows the text without it.
 * Numbers in figure columns are written as numbers and never altered.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** RFC 4180: a field containing a comma, quote, CR or LF is quoted, with quotes doubled. */
export function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function cell(value: unknown, column: CsvColumn): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    return NUMERIC.has(column) || column === 'longitude' || column === 'latitude'
      ? plainNumber(value)
      : quote(neutraliseFormula(plainNumber(value)));
  }
  const text =
    typeof value === 'string'
      ? value
      : typeof value === 'boolean'
        ? String(value)
        : JSON.stringify(value);
  return quote(neutraliseFormula(text));
}

/**
 * The features as CSV: a UTF-8 byte order mark (so Excel reads Chinese correctly), one header row of
 * CSV_COLUMNS, one row per feature, CRLF after every row. Figures are plain numbers in base units
 * (yuan, m², counts), as in the data.
 */
export function toCsv(features: readonly ParkFeature[]): string {
  const rows = [CSV_COLUMNS.join(',')];
  for (const feature of features) {
    rows.push(CSV_COLUMNS.map((column) => cell(cellValue(feature, column), column)).join(','));
  }
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}

/** The features, with their original properties, as a pretty-printed FeatureCollection. */
export function toGeoJson(features: readonly ParkFeature[]): string {
  return `${JSON.stringify({ type: 'FeatureCollection', features }, null, 2)}\n`;
}
