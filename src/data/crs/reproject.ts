// Files in a projected coordinate reference system (a GeoJSON `crs` member, or the page's
// `coords="EPSG:…"`), reprojected to WGS84 longitude/latitude before validation. proj4 is loaded
// only when a file needs it (its own chunk); files in WGS84, GCJ-02 or BD-09 never load it, and
// `needsReprojection` tells the caller, synchronously, whether to wait for this step at all.
//
// The returned collection has no `crs` member: the name of the system it was in is kept as
// `sourceCrs` (a foreign member), so nothing is silently lost. Positions keep full precision.
import { lazyModule } from '../../chunks/lazy-module.js';
import { withReason } from '../issue-messages.js';
import type { DataIssue } from '../types.js';
import { isRecord } from '../validate/shared.js';
import { codeFromEsriName, knownCrs, parseEpsgCode } from './known.js';

const proj4Chunk = lazyModule(() => import('proj4'));

const WGS84 = '+proj=longlat +datum=WGS84 +no_defs';

/** A system to convert from: an EPSG code we know, or a WKT proj4 parses. */
type Source =
  | { kind: 'geographic'; name: string }
  | { kind: 'projected'; name: string; definition: string }
  | { kind: 'unknown'; name: string };

export interface ReprojectOptions {
  /** The EPSG code the page says the data is in (`coords="EPSG:4545"`, `--coords EPSG:4545`). */
  epsg?: number;
}

export interface ReprojectResult {
  /** The collection in WGS84 (a copy), or the input itself when nothing was to be done. */
  json: unknown;
  /** Warnings (e.g. the file and the page disagree), or one error: the file cannot be placed. */
  issues: DataIssue[];
  /** The name of the system the positions were converted from, when they were. */
  crs?: string;
}

const cut = (text: string, limit = 120): string =>
  text.length > limit ? `${text.slice(0, limit - 1)}…` : text;

/** What the page option `coords` says, when it is an EPSG code: its number. */
export function epsgOption(value: string): number | undefined {
  return parseEpsgCode(value);
}

/** The EPSG code (or undefined) a WKT names: its outermost AUTHORITY, else its ESRI name. */
function codeFromWkt(wkt: string): number | undefined {
  const authorities = [...wkt.matchAll(/AUTHORITY\s*\[\s*"EPSG"\s*,\s*"?(\d+)"?\s*\]/gi)];
  const last = authorities.at(-1);
  // The outermost authority closes the WKT: only brackets may follow it.
  if (last && /^[\s\]]*$/.test(wkt.slice((last.index ?? 0) + last[0].length))) {
    return Number(last[1]);
  }
  const id = /ID\s*\[\s*"EPSG"\s*,\s*(\d+)\s*\][\s\]]*$/i.exec(wkt);
  if (id) return Number(id[1]);
  const name = /^\s*(?:PROJCS|GEOGCS|PROJCRS|GEOGCRS)\s*\[\s*"([^"]*)"/i.exec(wkt);
  return name ? codeFromEsriName(name[1] ?? '') : undefined;
}

function fromCode(code: number, name: string): Source {
  const known = knownCrs(code);
  if (!known) return { kind: 'unknown', name };
  if (!known.proj4) return { kind: 'geographic', name };
  return { kind: 'projected', name, definition: known.proj4 };
}

/** What a `crs` member says (undefined: it says nothing; `unknown`: it says something we cannot use). */
function readCrsMember(crs: unknown): Source | undefined {
  if (crs === undefined || crs === null) return undefined;
  if (!isRecord(crs)) return { kind: 'unknown', name: cut(JSON.stringify(crs) ?? String(crs)) };
  const properties = isRecord(crs['properties']) ? crs['properties'] : {};
  const type = typeof crs['type'] === 'string' ? crs['type'].toLowerCase() : '';
  if (type === 'name' && typeof properties['name'] === 'string') {
    const name = properties['name'];
    const code = parseEpsgCode(name) ?? codeFromEsriName(name);
    return code === undefined ? { kind: 'unknown', name: cut(name) } : fromCode(code, name);
  }
  if (
    type === 'epsg' &&
    (typeof properties['code'] === 'number' || typeof properties['code'] === 'string')
  ) {
    const code = Number(properties['code']);
    return fromCode(code, `EPSG:${String(properties['code'])}`);
  }
  if (type === 'wkt' && typeof properties['wkt'] === 'string') {
    const wkt = properties['wkt'];
    const title = /^\s*[A-Z]+\s*\[\s*"([^"]*)"/i.exec(wkt)?.[1] ?? cut(wkt, 60);
    const code = codeFromWkt(wkt);
    if (code !== undefined && knownCrs(code)) return fromCode(code, title);
    // Any other WKT: proj4 reads it, if it can (checked when proj4 has loaded).
    return { kind: 'projected', name: title, definition: wkt };
  }
  return { kind: 'unknown', name: cut(JSON.stringify(crs)) };
}

/** The system the positions are in, from the file and the page, with any disagreement. */
function chooseSource(
  json: Record<string, unknown>,
  options: ReprojectOptions,
): { source: Source | undefined; issues: DataIssue[] } {
  const fromFile = readCrsMember(json['crs']);
  const fromPage =
    options.epsg === undefined ? undefined : fromCode(options.epsg, `EPSG:${options.epsg}`);
  const issues: DataIssue[] = [];
  if (fromPage?.kind === 'unknown' && !fromFile) {
    return { source: fromPage, issues };
  }
  if (fromFile && fromPage && fromPage.kind !== 'unknown' && !sameSystem(fromFile, fromPage)) {
    issues.push(
      withReason({
        path: 'crs',
        code: 'crs-conflict',
        severity: 'warning',
        params: { file: fromFile.name, option: fromPage.name },
      }),
    );
  }
  return { source: fromFile ?? fromPage, issues };
}

function sameSystem(a: Source, b: Source): boolean {
  if (a.kind === 'geographic' && b.kind === 'geographic') return true;
  return a.kind === 'projected' && b.kind === 'projected' && a.definition === b.definition;
}

/**
 * True when `reprojectIfNeeded` has something to do (a projected or unknown system named by the
 * file or the page); false for WGS84, GCJ-02, BD-09 and CGCS2000 longitude/latitude.
 */
export function needsReprojection(json: unknown, options: ReprojectOptions = {}): boolean {
  if (!isRecord(json) || json['type'] !== 'FeatureCollection') return false;
  const { source, issues } = chooseSource(json, options);
  return issues.length > 0 || (source !== undefined && source.kind !== 'geographic');
}

function unknownCrsIssue(name: string, path: string): DataIssue {
  return withReason({ path, code: 'unknown-crs', severity: 'error', params: { crs: name } });
}

type Convert = (xy: [number, number]) => [number, number];

/** A copy of nested coordinate arrays with every position converted (bad ones left as they are). */
function convertCoordinates(node: unknown, convert: Convert): unknown {
  if (!Array.isArray(node)) return node;
  if (typeof node[0] === 'number') {
    const [x, y, ...rest] = node as unknown[];
    if (typeof x !== 'number' || typeof y !== 'number') return [...node];
    if (!Number.isFinite(x) || !Number.isFinite(y)) return [...node];
    const [lon, lat] = convert([x, y]);
    return [lon, lat, ...rest];
  }
  return node.map((child) => convertCoordinates(child, convert));
}

function convertGeometry(geometry: unknown, convert: Convert): unknown {
  if (!isRecord(geometry)) return geometry;
  const copy: Record<string, unknown> = { ...geometry };
  delete copy['bbox'];
  if ('coordinates' in copy) copy['coordinates'] = convertCoordinates(copy['coordinates'], convert);
  if (Array.isArray(copy['geometries'])) {
    copy['geometries'] = copy['geometries'].map((child) => convertGeometry(child, convert));
  }
  return copy;
}

/**
 * The collection converted to WGS84 when the file's `crs` member (or, without one, the page's
 * EPSG code) names a projected system; unchanged otherwise. A system we do not know gives one
 * `unknown-crs` error and an empty collection: the file is never drawn at a wrong place.
 */
export async function reprojectIfNeeded(
  json: unknown,
  options: ReprojectOptions = {},
): Promise<ReprojectResult> {
  if (!isRecord(json) || json['type'] !== 'FeatureCollection' || !Array.isArray(json['features'])) {
    return { json, issues: [] };
  }
  const { source, issues } = chooseSource(json, options);
  const fromFile = json['crs'] !== undefined && json['crs'] !== null;
  const path = fromFile ? 'crs' : 'coords';
  const empty = { type: 'FeatureCollection', features: [] };
  if (!source || source.kind === 'geographic') return { json, issues };
  if (source.kind === 'unknown')
    return { json: empty, issues: [unknownCrsIssue(source.name, path)] };

  const proj4 = (await proj4Chunk.load()).default;
  let convert: Convert;
  try {
    const converter = proj4(source.definition, WGS84);
    convert = (xy) => converter.forward(xy);
  } catch {
    return { json: empty, issues: [unknownCrsIssue(source.name, path)] };
  }
  const features = (json['features'] as unknown[]).map((feature) => {
    if (!isRecord(feature)) return feature;
    const copy: Record<string, unknown> = { ...feature };
    delete copy['bbox'];
    if ('geometry' in copy) copy['geometry'] = convertGeometry(copy['geometry'], convert);
    return copy;
  });
  const converted: Record<string, unknown> = { ...json, features, sourceCrs: source.name };
  delete converted['crs'];
  delete converted['bbox'];
  return { json: converted, issues, crs: source.name };
}
