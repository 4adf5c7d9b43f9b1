// Declarations for the libraries the format readers use that ship none of their own.

declare module 'shpjs' {
  /** The geometries of a .shp, in its own coordinates when no projection is given. */
  export function parseShp(shp: DataView | ArrayBuffer, prj?: string): unknown[];
  /** The records of a .dbf, text decoded with `encoding` (a TextDecoder label). */
  export function parseDbf(dbf: DataView | ArrayBuffer, encoding?: string): unknown[];
}

declare module '@terraformer/wkt' {
  export function wktToGeoJSON(wkt: string): unknown;
  export function geojsonToWKT(geometry: unknown): string;
}
