// Reading an EPSG code from a CRS name: small and on its own, as the element reads its `coords`
// attribute with it in the first load.

/**
 * The EPSG code a CRS name gives: "EPSG:4545", "epsg:4545", "4545", "urn:ogc:def:crs:EPSG::4545",
 * "urn:ogc:def:crs:EPSG:6.6:4545", "http://www.opengis.net/def/crs/EPSG/0/4545"; CRS84 → 4326.
 * Undefined when the text names no EPSG code.
 */
export function parseEpsgCode(name: string): number | undefined {
  const text = name.trim();
  if (/^urn:ogc:def:crs:OGC:(?:[\d.]*):CRS84$/i.test(text) || /^(?:OGC:)?CRS84$/i.test(text)) {
    return 4326;
  }
  const match =
    /^(?:EPSG:{1,2})?(\d{4,6})$/i.exec(text) ??
    /^urn:ogc:def:crs:EPSG:[\d.]*:(\d{4,6})$/i.exec(text) ??
    /^https?:\/\/www\.opengis\.net\/def\/crs\/EPSG\/[\d.]+\/(\d{4,6})$/i.exec(text);
  return match ? Number(match[1]) : undefined;
}
