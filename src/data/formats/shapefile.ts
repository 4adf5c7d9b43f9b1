// Chunk: a zipped Shapefile (.shp with its .dbf, .prj, .cpg), read with fflate (the zip) and
// shpjs (geometry and attributes). The positions stay as the file has them: shpjs is given no
// .prj, so it does not reproject; the .prj becomes the collection's `crs` member (prj.ts) for the
// reprojection step. The .dbf's text is decoded by its .cpg, else by the language byte in its
// header, else as UTF-8 when it is valid UTF-8, else as GBK (what a Chinese ArcGIS or QGIS writes
// by default), which is said in a warning.
import { unzipSync } from 'fflate';
import { parseDbf, parseShp } from 'shpjs';
import { withReason } from '../issue-messages.js';
import type { DataIssue } from '../types.js';
import type { FormatResult } from './index.js';
import { crsFromPrj, type Crs } from './prj.js';

/** A .cpg's content as an encoding label TextDecoder knows, or undefined. */
export function cpgEncoding(cpg: string): string | undefined {
  const label = cpg
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase();
  if (label === '') return undefined;
  const code = /^(?:ansi\s*|cp|windows-?)?(\d+)$/.exec(label)?.[1];
  const byCode: Record<string, string> = {
    '65001': 'utf-8',
    '936': 'gbk',
    '54936': 'gb18030',
    '950': 'big5',
    '932': 'shift_jis',
    '949': 'euc-kr',
    '88591': 'windows-1252',
  };
  const wanted =
    code !== undefined
      ? (byCode[code] ?? `windows-${code}`)
      : label === 'utf8'
        ? 'utf-8'
        : label.replace(/^iso(\d)/, 'iso-$1');
  try {
    return new TextDecoder(wanted).encoding;
  } catch {
    return undefined;
  }
}

/** The encoding the .dbf header's language driver byte names (Chinese ones only), if any. */
function ldidEncoding(dbf: Uint8Array): string | undefined {
  const ldid = dbf[29];
  if (ldid === 0x4d || ldid === 0x7a) return 'gbk';
  if (ldid === 0x4f || ldid === 0x78) return 'big5';
  return undefined;
}

/** The text of the records (after the header): UTF-8 when it is valid UTF-8, else GBK. */
function guessEncoding(dbf: Uint8Array): 'utf-8' | 'gbk' {
  const view = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength);
  const headerLength = dbf.length >= 12 ? view.getUint16(8, true) : 0;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(dbf.subarray(headerLength));
    return 'utf-8';
  } catch {
    return 'gbk';
  }
}

/** A .dbf value as JSON: a date as an ISO date, an empty number as null. */
function jsonValue(value: unknown): unknown {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
    return `${pad(value.getFullYear(), 4)}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
  }
  if (typeof value === 'number' && Number.isNaN(value)) return null;
  return value;
}

interface Layer {
  name: string;
  shp: Uint8Array;
  dbf?: Uint8Array | undefined;
  prj?: string | undefined;
  cpg?: string | undefined;
}

const view = (bytes: Uint8Array): DataView =>
  new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

export function readShapefileZip(bytes: Uint8Array): FormatResult {
  const files = unzipSync(bytes, {
    filter: (file) => !file.name.startsWith('__MACOSX') && /\.(shp|dbf|prj|cpg)$/i.test(file.name),
  });
  const byBase = new Map<string, Partial<Record<'shp' | 'dbf' | 'prj' | 'cpg', Uint8Array>>>();
  for (const [name, data] of Object.entries(files)) {
    const base = name.slice(0, -4);
    const extension = name.slice(-3).toLowerCase() as 'shp' | 'dbf' | 'prj' | 'cpg';
    const entry = byBase.get(base.toLowerCase()) ?? {};
    entry[extension] = data;
    byBase.set(base.toLowerCase(), entry);
  }
  const text = (data: Uint8Array | undefined): string | undefined =>
    data === undefined ? undefined : new TextDecoder().decode(data);
  const layers: Layer[] = [];
  for (const [base, entry] of byBase) {
    if (!entry.shp) continue;
    const name = Object.keys(files).find((file) => file.toLowerCase() === `${base}.shp`) ?? base;
    layers.push({
      name: name.slice(name.lastIndexOf('/') + 1),
      shp: entry.shp,
      dbf: entry.dbf,
      prj: text(entry.prj),
      cpg: text(entry.cpg),
    });
  }
  layers.sort((a, b) => a.name.localeCompare(b.name));
  if (layers.length === 0) {
    const entries = Object.keys(files).slice(0, 10).join(', ');
    return {
      ok: false,
      issue: withReason({
        path: '',
        code: 'shapefile-no-shp',
        severity: 'error',
        params: { entries },
      }),
      issues: [],
      format: 'shapefile-zip',
    };
  }

  const issues: DataIssue[] = [];
  const warn = (code: string, params: Record<string, string | number>): void => {
    issues.push(withReason({ path: '', code, severity: 'warning', params }));
  };
  const features: unknown[] = [];
  let crs: Crs | undefined;
  for (const layer of layers) {
    const geometries = parseShp(view(layer.shp)) as unknown[];
    let records: Record<string, unknown>[] = [];
    if (layer.dbf) {
      let encoding = layer.cpg === undefined ? undefined : cpgEncoding(layer.cpg);
      if (layer.cpg !== undefined && encoding === undefined) {
        warn('shapefile-cpg-unknown', { file: layer.name, cpg: layer.cpg.trim().slice(0, 40) });
      }
      encoding ??= ldidEncoding(layer.dbf);
      if (encoding === undefined) {
        encoding = guessEncoding(layer.dbf);
        if (encoding !== 'utf-8')
          warn('shapefile-encoding-guessed', { file: layer.name, encoding: 'GBK' });
      }
      records = parseDbf(view(layer.dbf), encoding) as Record<string, unknown>[];
    } else {
      warn('shapefile-no-dbf', { file: layer.name });
    }
    if (layer.prj === undefined) warn('shapefile-no-prj', { file: layer.name });
    const layerCrs = layer.prj === undefined ? undefined : crsFromPrj(layer.prj);
    if (crs === undefined) crs = layerCrs;
    else if (layerCrs && JSON.stringify(layerCrs) !== JSON.stringify(crs)) {
      warn('shapefile-crs-differ', { file: layer.name });
    }
    geometries.forEach((geometry, i) => {
      const properties: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(records[i] ?? {})) {
        properties[key] = jsonValue(value);
      }
      // shpjs adds each record's bounding box to its geometry: the positions are what counts.
      if (geometry && typeof geometry === 'object') delete (geometry as { bbox?: unknown }).bbox;
      features.push({ type: 'Feature', properties, geometry: geometry ?? null });
    });
  }
  if (layers.length > 1) {
    warn('shapefile-layers-merged', {
      count: layers.length,
      layers: layers.map((layer) => layer.name).join(', '),
    });
  }
  return {
    ok: true,
    json: { type: 'FeatureCollection', ...(crs ? { crs } : {}), features },
    issues,
    format: 'shapefile-zip',
  };
}
