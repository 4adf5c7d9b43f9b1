// Data in the formats people have at hand, read into a GeoJSON FeatureCollection before the field
// mapping and validation: CSV and Excel with longitude/latitude or WKT columns, KML and KMZ, a
// zipped Shapefile. Which format a file is comes from its content first (a zip's entries, `<kml`,
// JSON's first character), then from its name's extension and the server's content type. Each
// format's reader and the library it uses (SheetJS, togeojson, shpjs, fflate) is a chunk of its
// own, fetched only when a file of that format is met; GeoJSON takes the path it always took
// (decode.ts).
import { decodeParkDataText } from '../decode.js';
import { withReason } from '../issue-messages.js';
import type { DataIssue } from '../types.js';
import type { XmlParser } from './kml.js';

export type DataFormat = 'geojson' | 'csv' | 'xlsx' | 'xls' | 'kml' | 'kmz' | 'shapefile-zip';

/** A zip whose entries are none of ours: neither a Shapefile, nor a workbook, nor KML. */
export type DetectedFormat = DataFormat | 'zip';

export interface FormatInput {
  /** The file's name or URL (a query or hash is ignored). */
  name?: string | undefined;
  contentType?: string | null | undefined;
  bytes: Uint8Array;
}

export interface ReadOptions {
  name?: string | undefined;
  contentType?: string | null | undefined;
  /** Parses KML where the platform has no DOMParser (Node: @xmldom/xmldom's). */
  xmlParser?: XmlParser | undefined;
}

/**
 * `issues` are notes and problems that left the rest loadable (a row without a position, a text
 * encoding guessed); an error among them is about a row that was left out.
 */
export type FormatResult =
  | { ok: true; json: unknown; issues: DataIssue[]; format: DataFormat }
  | { ok: false; issue: DataIssue; issues: DataIssue[]; format: DetectedFormat };

/** What a per-format reader gets besides the bytes. */
export interface ReaderContext {
  name: string;
  xmlParser?: XmlParser | undefined;
}

const EXTENSIONS: Record<string, DataFormat> = {
  geojson: 'geojson',
  json: 'geojson',
  csv: 'csv',
  tsv: 'csv',
  xlsx: 'xlsx',
  xlsm: 'xlsx',
  xls: 'xls',
  kml: 'kml',
  kmz: 'kmz',
  zip: 'shapefile-zip',
  shz: 'shapefile-zip',
};

const CONTENT_TYPES: Record<string, DataFormat> = {
  'application/geo+json': 'geojson',
  'application/json': 'geojson',
  'text/csv': 'csv',
  'application/csv': 'csv',
  'text/comma-separated-values': 'csv',
  'text/tab-separated-values': 'csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.google-earth.kml+xml': 'kml',
  'application/vnd.google-earth.kmz': 'kmz',
  'application/zip': 'shapefile-zip',
  'application/x-zip-compressed': 'shapefile-zip',
};

/** The lower-case extension of a file name or URL path, without query or hash. */
export function extensionOf(name: string | undefined): string {
  if (!name) return '';
  const path = name.replace(/[?#].*$/s, '');
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

/** The names of a zip's entries, from its central directory (nothing is decompressed). */
export function zipEntryNames(bytes: Uint8Array): string[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record: within the last 22 + 65 535 (comment) bytes.
  const last = bytes.length - 22;
  let end = -1;
  for (let at = last; at >= 0 && at >= last - 0xffff; at--) {
    if (view.getUint32(at, true) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const names: string[] = [];
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return names;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    names.push(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** What a zip holds, by its entries' names. */
function zipFormat(names: readonly string[]): DetectedFormat {
  const lower = names.filter((name) => !name.startsWith('__MACOSX/')).map((n) => n.toLowerCase());
  // A .dbf or .shx without its .shp is still a Shapefile, for the reader to say what is missing.
  if (lower.some((name) => /\.(shp|dbf|shx)$/.test(name))) return 'shapefile-zip';
  if (lower.some((name) => name.startsWith('xl/'))) return 'xlsx';
  if (lower.some((name) => name.endsWith('.kml'))) return 'kmz';
  return 'zip';
}

/** The first characters of the bytes as text, loosely (for sniffing only). */
function head(bytes: Uint8Array): string {
  const start = bytes.subarray(0, 4096);
  if ((start[0] === 0xff && start[1] === 0xfe) || (start[0] === 0xfe && start[1] === 0xff)) {
    return new TextDecoder(start[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(start);
  }
  return new TextDecoder().decode(start).replace(/^\uFEFF/, '');
}

/** Header words that make a first line a table of positions (see table.ts for the full rules). */
const CSV_HEADER =
  /(^|[,;\t"'])\s*(经度|纬度|东经|北纬|lng|lon|long|longitude|lat|latitude|x|y|wkt|geometry|geom|the_geom)\s*([(（[][^,;\t]*)?\s*(["']|[,;\t]|$)/i;

/**
 * Which format the bytes are in: a zip by its entries, an OLE2 file as an old Excel workbook, text
 * by its first characters (`{`/`[` GeoJSON, `<kml` KML; a web page or other XML is left to the
 * GeoJSON decoder, which names it), else by the name's extension, the content type, and a first
 * line naming position columns.
 */
export function detectFormat(input: FormatInput): DetectedFormat {
  const { bytes } = input;
  const extension = extensionOf(input.name);
  const byName = Object.hasOwn(EXTENSIONS, extension) ? EXTENSIONS[extension] : undefined;
  const type = (input.contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const byType = Object.hasOwn(CONTENT_TYPES, type) ? CONTENT_TYPES[type] : undefined;

  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    const names = zipEntryNames(bytes);
    if (names) {
      const found = zipFormat(names);
      // A .kmz without a .kml in it: the KMZ reader says so, in its words.
      return found === 'zip' && byName === 'kmz' ? 'kmz' : found;
    }
    // A zip we cannot read the entries of is left to the reader its name asks for, to name it.
    if (byName === 'kmz' || byName === 'shapefile-zip' || byName === 'xlsx') return byName;
    return 'zip';
  }
  const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  if (ole.every((byte, i) => bytes[i] === byte)) return 'xls';

  const text = head(bytes).trimStart();
  if (text.startsWith('{') || text.startsWith('[')) return 'geojson';
  if (text.startsWith('<')) {
    return /<kml[\s>]/i.test(text.slice(0, 2000)) ? 'kml' : 'geojson';
  }
  const named = byName ?? byType;
  // A text file named .kmz, .zip or .xlsx is none of them: the GeoJSON decoder says what it is.
  if (named === 'csv' || named === 'kml' || named === 'geojson') return named;
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  if (CSV_HEADER.test(firstLine)) return 'csv';
  return 'geojson';
}

type Reader = (bytes: Uint8Array, context: ReaderContext) => Promise<FormatResult> | FormatResult;

/** Each format's reader, a chunk of its own. */
const READERS: Record<Exclude<DataFormat, 'geojson'>, () => Promise<Reader>> = {
  csv: () => import('./spreadsheet.js').then((module) => module.readCsv),
  xlsx: () => import('./spreadsheet.js').then((module) => module.readWorkbook),
  xls: () => import('./spreadsheet.js').then((module) => module.readWorkbook),
  kml: () => import('./kml.js').then((module) => module.readKml),
  kmz: () => import('./kml.js').then((module) => module.readKmz),
  'shapefile-zip': () => import('./shapefile.js').then((module) => module.readShapefileZip),
};

const issue = (
  code: string,
  params: Record<string, string | number>,
  severity: DataIssue['severity'] = 'error',
): DataIssue => withReason({ path: '', code, params, severity });

/** GeoJSON text as the element always read it (decode.ts). */
function readGeojson(bytes: Uint8Array, options: ReadOptions): FormatResult {
  const decoded = decodeParkDataText(bytes, {
    contentType: options.contentType ?? null,
    ...(options.name ? { url: options.name } : {}),
  });
  return decoded.ok
    ? { ok: true, json: decoded.json, issues: decoded.warnings, format: 'geojson' }
    : { ok: false, issue: decoded.issue, issues: decoded.warnings, format: 'geojson' };
}

/**
 * Reads the bytes of a data file in any of the formats above into a FeatureCollection (not yet
 * validated). Only GeoJSON is read at once; the others wait for their reader's chunk.
 */
export async function readFormat(
  bytes: ArrayBuffer | Uint8Array,
  options: ReadOptions = {},
): Promise<FormatResult> {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const format = detectFormat({
    bytes: data,
    name: options.name,
    contentType: options.contentType,
  });
  if (format === 'geojson') return readGeojson(data, options);
  if (format === 'zip') {
    const names = (zipEntryNames(data) ?? []).slice(0, 10).join(', ');
    return {
      ok: false,
      issue: issue('zip-unknown-content', { entries: names }),
      issues: [],
      format,
    };
  }
  let reader: Reader;
  try {
    reader = await READERS[format]();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      issue: issue('format-load-failed', { format: FORMAT_LABELS[format], error: message }),
      issues: [],
      format,
    };
  }
  try {
    return await reader(data, { name: options.name ?? '', xmlParser: options.xmlParser });
  } catch (error) {
    // A reader names what it knows; what a library throws on a broken file is said as it is.
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      issue: issue('format-unreadable', { format: FORMAT_LABELS[format], error: message }),
      issues: [],
      format,
    };
  }
}

/** The format's name as the messages say it. */
export const FORMAT_LABELS: Record<DetectedFormat, string> = {
  geojson: 'GeoJSON',
  csv: 'CSV',
  xlsx: 'Excel (.xlsx)',
  xls: 'Excel (.xls)',
  kml: 'KML',
  kmz: 'KMZ',
  'shapefile-zip': 'Shapefile (.zip)',
  zip: 'zip',
};

/** For the CLI (and any caller with a file's bytes and name): the same as readFormat. */
export function readInputBytes(
  bytes: ArrayBuffer | Uint8Array,
  name: string,
  options: Omit<ReadOptions, 'name'> = {},
): Promise<FormatResult> {
  return readFormat(bytes, { ...options, name });
}
