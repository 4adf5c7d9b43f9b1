// The coordinate reference systems park-map reprojects from, named by EPSG code, with their proj4
// definitions built from their parameters (no table, no proj4 here: this module is small and
// synchronous; reproject.ts loads proj4 only when a file needs it).
//
// CGCS2000 Gauss–Krüger zones (EPSG:4491–4554), all transverse Mercator on GRS80, k = 1:
//   4491–4501  6° zones 13–23, false easting with the zone number (zone·10⁶ + 500 000), CM 75–135°E
//   4502–4512  6° zones by central meridian (CM 75–135°E), false easting 500 000
//   4513–4533  3° zones 25–45 with the zone number, CM 75–135°E
//   4534–4554  3° zones by central meridian (CM 75–135°E), false easting 500 000

export { parseEpsgCode } from './epsg-name.js';

/** One system we know: its proj4 definition and a name for messages. */
export interface KnownCrs {
  code: number;
  /** proj4 definition; undefined for WGS84 and CGCS2000 geographic (read as WGS84 unchanged). */
  proj4?: string;
  name: string;
}

const WGS84_CODES = new Set([4326]);
/** CGCS2000 geographic: its realisation differs from WGS84 by centimetres; GDAL applies no shift. */
const CGCS2000_GEOGRAPHIC = 4490;
const WEB_MERCATOR_CODES = new Set([3857, 900913, 3785, 102100, 102113]);
const WEB_MERCATOR =
  '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext +no_defs';

/** The Gauss–Krüger zone of a CGCS2000 code, or undefined. */
export function gaussKrugerZone(
  code: number,
): { width: 3 | 6; cm: number; zone: number; prefixed: boolean } | undefined {
  const table: [first: number, width: 3 | 6, prefixed: boolean, count: number][] = [
    [4491, 6, true, 11],
    [4502, 6, false, 11],
    [4513, 3, true, 21],
    [4534, 3, false, 21],
  ];
  for (const [first, width, prefixed, count] of table) {
    const i = code - first;
    if (i < 0 || i >= count) continue;
    const cm = 75 + width * i;
    const zone = width === 6 ? 13 + i : 25 + i;
    return { width, cm, zone, prefixed };
  }
  return undefined;
}

/** The EPSG code of a CGCS2000 GK zone given its width and central meridian (or zone) and style. */
export function gaussKrugerCode(width: 3 | 6, zone: number, prefixed: boolean): number | undefined {
  const first = width === 6 ? 13 : 25;
  const count = width === 6 ? 11 : 21;
  const i = zone - first;
  if (!Number.isInteger(i) || i < 0 || i >= count) return undefined;
  const base = width === 6 ? (prefixed ? 4491 : 4502) : prefixed ? 4513 : 4534;
  return base + i;
}

/** The system of an EPSG code, or undefined when we do not know it. */
export function knownCrs(code: number): KnownCrs | undefined {
  if (WGS84_CODES.has(code)) return { code, name: 'WGS 84 (EPSG:4326)' };
  if (code === CGCS2000_GEOGRAPHIC) return { code, name: 'CGCS2000 (EPSG:4490)' };
  if (WEB_MERCATOR_CODES.has(code)) {
    return { code, proj4: WEB_MERCATOR, name: `Web Mercator (EPSG:${code})` };
  }
  const gk = gaussKrugerZone(code);
  if (!gk) return undefined;
  const x0 = gk.prefixed ? gk.zone * 1e6 + 500000 : 500000;
  const style = gk.prefixed ? `zone ${gk.zone}` : `CM ${gk.cm}°E`;
  return {
    code,
    proj4: `+proj=tmerc +lat_0=0 +lon_0=${gk.cm} +k=1 +x_0=${x0} +y_0=0 +ellps=GRS80 +units=m +no_defs`,
    name: `CGCS2000 / ${gk.width}-degree Gauss-Kruger ${style} (EPSG:${code})`,
  };
}

/** A few well-known names that carry no code: ESRI's for the CGCS2000 GK zones (as in .prj). */
export function codeFromEsriName(name: string): number | undefined {
  let match = /^CGCS2000_3_Degree_GK_CM_(\d+)E$/i.exec(name);
  if (match) return gaussKrugerCode(3, 25 + (Number(match[1]) - 75) / 3, false);
  match = /^CGCS2000_3_Degree_GK_Zone_(\d+)$/i.exec(name);
  if (match) return gaussKrugerCode(3, Number(match[1]), true);
  match = /^CGCS2000_GK_CM_(\d+)E$/i.exec(name);
  if (match) return gaussKrugerCode(6, 13 + (Number(match[1]) - 75) / 6, false);
  match = /^CGCS2000_GK_Zone_(\d+)$/i.exec(name);
  if (match) return gaussKrugerCode(6, Number(match[1]), true);
  if (/^GCS_China_Geodetic_Coordinate_System_2000$/i.test(name)) return CGCS2000_GEOGRAPHIC;
  if (/^GCS_WGS_1984$/i.test(name)) return 4326;
  if (/^WGS_1984_Web_Mercator(?:_Auxiliary_Sphere)?$/i.test(name)) return 3857;
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// What projected positions without a CRS probably are (for the `projected-coordinates` issue)

export type ProjectedGuess =
  | { kind: 'web-mercator'; code: 3857 }
  | { kind: 'gk-zone'; code: number; width: 3 | 6; zone: number; cm: number }
  | { kind: 'gk-cm' }
  | { kind: 'unknown' };

/**
 * What metres [x, y] probably are, from their sizes alone. China in Web Mercator: x 8.0–15.4 ×10⁶
 * (73–138°E), y 0.1–7.5 ×10⁶. Gauss–Krüger with the zone number in the easting: x = zone·10⁶ +
 * ~500 000 (6° zones 13–23, 3° zones 25–45), northing 0–6.5 ×10⁶. Without it: easting 0–10⁶, and
 * the central meridian cannot be told from the numbers.
 */
export function guessProjected(x: number, y: number): ProjectedGuess {
  const zone = Math.floor(x / 1e6);
  const northingInChina = y > 0 && y < 6.5e6;
  if (northingInChina && zone >= 25 && zone <= 45) {
    const code = gaussKrugerCode(3, zone, true) as number;
    return { kind: 'gk-zone', code, width: 3, zone, cm: 75 + 3 * (zone - 25) };
  }
  if (x >= 8.0e6 && x <= 15.4e6 && y > 0 && y < 7.5e6) return { kind: 'web-mercator', code: 3857 };
  if (northingInChina && zone >= 16 && zone <= 23) {
    const code = gaussKrugerCode(6, zone, true) as number;
    return { kind: 'gk-zone', code, width: 6, zone, cm: 75 + 6 * (zone - 13) };
  }
  if (northingInChina && x > 0 && x < 1e6) return { kind: 'gk-cm' };
  if (Math.abs(x) <= 20037508.35 && Math.abs(y) <= 20037508.35) {
    return { kind: 'web-mercator', code: 3857 };
  }
  return { kind: 'unknown' };
}
