// A Shapefile's .prj (a WKT coordinate system) as a GeoJSON `crs` member: named by its EPSG code
// when the WKT carries one (AUTHORITY/ID) or its name is one of the usual ones (ESRI's names, as
// GDAL and ArcGIS write them: GCS_WGS_1984, CGCS2000_3_Degree_GK_CM_114E, …), else the WKT itself.
// Nothing is reprojected here: the positions stay as the file has them.

export type Crs =
  { type: 'name'; properties: { name: string } } | { type: 'wkt'; properties: { wkt: string } };

const NAMED: Record<string, number> = {
  gcs_wgs_1984: 4326,
  wgs_84: 4326,
  wgs84: 4326,
  gcs_china_geodetic_coordinate_system_2000: 4490,
  china_geodetic_coordinate_system_2000: 4490,
  cgcs2000: 4490,
  gcs_xian_1980: 4610,
  xian_1980: 4610,
  gcs_beijing_1954: 4214,
  beijing_1954: 4214,
  wgs_1984_web_mercator_auxiliary_sphere: 3857,
  wgs_84_pseudo_mercator: 3857,
  wgs_1984_web_mercator: 3857,
};

/** The EPSG code of a CRS by its name (ESRI's or EPSG's spelling), when it is a usual one. */
export function epsgFromName(rawName: string): number | undefined {
  const name = rawName
    .trim()
    .toLowerCase()
    .replace(/[\s/-]+/g, '_')
    .replace(/_+/g, '_');
  if (Object.hasOwn(NAMED, name)) return NAMED[name];
  let match = /^cgcs2000_3_degree_gk_cm_(\d+)e$/.exec(name);
  if (match) return zone(Number(match[1]), 75, 135, 3, 4534);
  match = /^cgcs2000_3_degree_gk_zone_(\d+)$/.exec(name);
  if (match) return zone(Number(match[1]), 25, 45, 1, 4513);
  match = /^cgcs2000_gk_cm_(\d+)e$/.exec(name);
  if (match) return zone(Number(match[1]), 75, 135, 6, 4502);
  match = /^cgcs2000_gk_zone_(\d+)$/.exec(name);
  if (match) return zone(Number(match[1]), 13, 23, 1, 4491);
  match = /^wgs_(?:19)?84_utm_zone_(\d+)([ns])$/.exec(name);
  if (match) {
    const number = Number(match[1]);
    if (number >= 1 && number <= 60) return (match[2] === 'n' ? 32600 : 32700) + number;
  }
  return undefined;
}

/** `first + (value - from) / step`, for a value on the grid from `from` to `to`. */
function zone(value: number, from: number, to: number, step: number, first: number) {
  if (value < from || value > to || (value - from) % step !== 0) return undefined;
  return first + (value - from) / step;
}

/** The CRS a .prj names (see the top of the file); undefined for an empty one. */
export function crsFromPrj(prj: string): Crs | undefined {
  const wkt = prj.replace(/^\uFEFF/, '').trim();
  if (wkt === '') return undefined;
  const named = (code: string | number): Crs => ({
    type: 'name',
    properties: { name: `EPSG:${code}` },
  });
  // WKT1's AUTHORITY["EPSG","4547"] and WKT2's ID["EPSG",4547]: the CRS's own is the last one
  // at the top level, the ones before it belonging to its datum, units, base CRS.
  const ids = [...wkt.matchAll(/\b(?:AUTHORITY|ID)\[\s*"EPSG"\s*,\s*"?(\d+)"?\s*\]/gi)];
  const lastId = ids[ids.length - 1];
  if (lastId && closesTopLevel(wkt, lastId.index + lastId[0].length)) {
    return named(lastId[1] as string);
  }
  const name = /^\s*[A-Z_]+\[\s*"([^"]*)"/i.exec(wkt)?.[1];
  const code = name === undefined ? undefined : epsgFromName(name);
  if (code !== undefined) return named(code);
  return { type: 'wkt', properties: { wkt } };
}

/** Whether only the top-level element's closing bracket follows `at`. */
function closesTopLevel(wkt: string, at: number): boolean {
  return /^\s*[\])]\s*$/.test(wkt.slice(at));
}
