// A table (a CSV file, an Excel sheet) as a FeatureCollection: each row a feature whose properties
// are the row's cells under their column names, placed by a longitude and a latitude column
// (经度/纬度, lng/lat, lon/lat, longitude/latitude, 东经/北纬, else x/y) or by a WKT column
// (WKT/geometry/geom). A row whose position is empty or unreadable is reported, naming its row
// number and the column, and left out; the others load. The WKT column is the geometry and is not
// copied into the properties; the coordinate columns are.
import { wktToGeoJSON } from '@terraformer/wkt';
import { withReason } from '../issue-messages.js';
import { QUALIFIABLE_KEYS } from '../qualifier-keys.js';
import type { DataIssue } from '../types.js';

export type Cell = string | number | boolean | null | undefined;

export interface Table {
  /** The header row's cells. */
  header: readonly Cell[];
  /** The data rows, each with its row number as the source shows it (1 = the first line). */
  rows: readonly { number: number; cells: readonly Cell[] }[];
  /** The sheet's name, for a workbook. */
  sheet?: string;
}

export interface GeometryColumns {
  lon?: number;
  lat?: number;
  wkt?: number;
}

/** A column name reduced for matching: lower case, no unit in brackets, no spaces or `_`/`-`. */
function normalize(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[(（[【].*?[)）\]】]/g, '')
    .replace(/[\s_\-:：]/g, '');
}

const LON_NAMES = ['经度', '东经', 'lng', 'lon', 'long', 'longitude', '经度坐标', 'wgs84经度'];
const LAT_NAMES = ['纬度', '北纬', 'lat', 'latitude', '纬度坐标', 'wgs84纬度'];
const X_NAMES = ['x', 'x坐标', 'pointx', 'coordx'];
const Y_NAMES = ['y', 'y坐标', 'pointy', 'coordy'];
const WKT_NAMES = ['wkt', 'geometry', 'geom', 'thegeom', 'wktgeom', 'shape', '几何', '空间信息'];

/** The columns that place the rows, by their names (see the rules above). */
export function findGeometryColumns(header: readonly Cell[]): GeometryColumns {
  const names = header.map((cell) => normalize(String(cell ?? '')));
  const find = (candidates: readonly string[]): number | undefined => {
    for (const candidate of candidates) {
      const index = names.indexOf(candidate);
      if (index >= 0) return index;
    }
    return undefined;
  };
  const wkt = find(WKT_NAMES);
  let lon = find(LON_NAMES);
  let lat = find(LAT_NAMES);
  if (lon === undefined || lat === undefined) {
    lon = find(X_NAMES);
    lat = find(Y_NAMES);
  }
  if (lon !== undefined && lat !== undefined) {
    return wkt === undefined ? { lon, lat } : { lon, lat, wkt };
  }
  return wkt === undefined ? {} : { wkt };
}

/** Column names as property names: trimmed, an empty one named by its letter, repeats numbered. */
export function columnNames(header: readonly Cell[], width: number): string[] {
  const seen = new Map<string, number>();
  const out: string[] = [];
  for (let i = 0; i < width; i++) {
    let name = String(header[i] ?? '').trim();
    if (name === '') name = columnLetter(i);
    const count = seen.get(name) ?? 0;
    seen.set(name, count + 1);
    out.push(count === 0 ? name : `${name}_${count + 1}`);
  }
  return out;
}

/** A spreadsheet's column letter (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** A degree value from a cell: a number, or text that is a plain decimal number. */
function degrees(cell: Cell): number | undefined {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : undefined;
  if (typeof cell !== 'string') return undefined;
  const text = cell.trim().replace(/°$/, '');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

function isEmpty(cell: Cell): boolean {
  return cell === undefined || cell === null || (typeof cell === 'string' && cell.trim() === '');
}

type Geometry = { type: string; coordinates?: unknown; geometries?: unknown };

/** A WKT (or EWKT, `SRID=4326;POINT(…)`) text as a GeoJSON geometry, or undefined. */
export function parseWkt(text: string): Geometry | undefined {
  const body = text.trim().replace(/^SRID=\d+;/i, '');
  if (!/^[a-z]/i.test(body)) return undefined;
  try {
    const geometry = wktToGeoJSON(body) as Geometry | undefined;
    return geometry && typeof geometry.type === 'string' ? geometry : undefined;
  } catch {
    return undefined;
  }
}

/** Text cut for a message. */
function shown(cell: Cell): string {
  const text = String(cell ?? '');
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** `floorArea_qualifier` → `floorArea`, for the figures that may carry a qualifier. */
const QUALIFIER_COLUMN = /^(.+)_qualifier$/;

/**
 * The `…_qualifier` columns our CSV export writes, read back into `qualifiers` (any text: a value
 * that is not one of ours is told by validation, not dropped here). Other columns stay as they are.
 */
function withQualifiers(properties: Record<string, unknown>): Record<string, unknown> {
  // A column of that very name wins: then the `…_qualifier` columns stay columns.
  if (Object.hasOwn(properties, 'qualifiers')) return properties;
  let qualifiers: Record<string, unknown> | undefined;
  for (const name of Object.keys(properties)) {
    const key = QUALIFIER_COLUMN.exec(name)?.[1];
    if (key === undefined || !(QUALIFIABLE_KEYS as readonly string[]).includes(key)) continue;
    const value = properties[name];
    qualifiers ??= {};
    qualifiers[key] = typeof value === 'string' ? value.trim() : value;
    delete properties[name];
  }
  if (qualifiers) properties['qualifiers'] = qualifiers;
  return properties;
}

export interface TableResult {
  json: { type: 'FeatureCollection'; features: unknown[] };
  issues: DataIssue[];
}

/**
 * The table's rows as features (see the rules at the top). Fails, with an issue listing the
 * columns it has, when no column places the rows.
 */
export function tableToFeatures(
  table: Table,
): { ok: true; result: TableResult } | { ok: false; issue: DataIssue } {
  const where: Record<string, string> = table.sheet === undefined ? {} : { sheet: table.sheet };
  const columns = findGeometryColumns(table.header);
  const width = Math.max(table.header.length, ...table.rows.map((row) => row.cells.length));
  const names = columnNames(table.header, width);
  if (columns.wkt === undefined && (columns.lon === undefined || columns.lat === undefined)) {
    const listed = names.slice(0, 20).join(', ') + (names.length > 20 ? ', …' : '');
    return {
      ok: false,
      issue: withReason({
        path: '',
        code: 'table-no-position-columns',
        severity: 'error',
        params: { ...where, columns: listed },
      }),
    };
  }
  const issues: DataIssue[] = [];
  const report = (code: string, row: number, column: number, cell?: Cell): void => {
    issues.push(
      withReason({
        path: '',
        code,
        severity: 'error',
        params: {
          ...where,
          row,
          column: names[column] ?? columnLetter(column),
          ...(cell === undefined ? {} : { value: shown(cell) }),
        },
      }),
    );
  };
  const features: unknown[] = [];
  for (const { number, cells } of table.rows) {
    if (cells.every(isEmpty)) continue; // a blank line is no record
    let geometry: Geometry | undefined;
    const wktCell = columns.wkt === undefined ? undefined : cells[columns.wkt];
    if (columns.wkt !== undefined && !isEmpty(wktCell)) {
      geometry = parseWkt(String(wktCell));
      if (!geometry) {
        report('table-wkt-invalid', number, columns.wkt, wktCell);
        continue;
      }
    } else if (columns.lon !== undefined && columns.lat !== undefined) {
      let missing = false;
      const position: number[] = [];
      for (const column of [columns.lon, columns.lat]) {
        const cell = cells[column];
        const value = degrees(cell);
        if (isEmpty(cell)) report('table-coordinate-missing', number, column);
        else if (value === undefined) report('table-coordinate-invalid', number, column, cell);
        if (value === undefined) missing = true;
        else position.push(value);
      }
      if (missing) continue;
      geometry = { type: 'Point', coordinates: position };
    } else {
      report('table-coordinate-missing', number, columns.wkt as number);
      continue;
    }
    const properties: Record<string, unknown> = {};
    names.forEach((name, column) => {
      const cell = cells[column];
      if (column === columns.wkt || isEmpty(cell)) return;
      properties[name] = cell;
    });
    features.push({ type: 'Feature', properties: withQualifiers(properties), geometry });
  }
  if (features.length === 0 && issues.length === 0) {
    issues.push(
      withReason({ path: '', code: 'table-no-rows', severity: 'warning', params: { ...where } }),
    );
  }
  return { ok: true, result: { json: { type: 'FeatureCollection', features }, issues } };
}

/**
 * A CSV cell's text as its value: a plain decimal number without a leading zero ("12.5", "-3",
 * "320100") becomes that number, so figures are numbers as in a workbook; anything else (a code
 * "0101", an id of more than 15 digits, "1,200", a date) stays the text it is.
 */
export function csvValue(text: string): string | number {
  const trimmed = text.trim();
  if (/^-?(0|[1-9]\d{0,14})(\.\d+)?$/.test(trimmed)) {
    const value = Number(trimmed);
    if (Number.isFinite(value)) return value;
  }
  return text;
}
