// Reading the command's input file into parsed JSON: the one place an input format is decoded.
// Today GeoJSON (decode.ts: BOM, UTF-16, GBK, broken JSON with line and column); other formats
// (CSV, XLSX, KML, Shapefile) and reprojection plug in here, by the file's name or its bytes.

import { decodeParkDataText } from '../data/decode.js';
import type { CoordinateSystem, DataIssue } from '../data/types.js';

export interface InputOptions {
  /** The coordinate system the user says the data is in (`--coords`). */
  coords?: CoordinateSystem;
}

export interface InputResult {
  /** The parsed data (a FeatureCollection to validate), or undefined when it could not be read. */
  json?: unknown;
  /** How it was read (warnings: GBK, BOM …), or why it could not be (an error). */
  issues: DataIssue[];
}

/** A file that cannot be read at all (missing, a folder, no permission): exit status 2. */
export class InputFileError extends Error {
  constructor(
    readonly path: string,
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

/** Reads and decodes `path`. Throws InputFileError when the file cannot be read at all. */
export async function readInput(
  path: string,
  readFile: (path: string) => Promise<Uint8Array>,
  options: InputOptions = {},
): Promise<InputResult> {
  void options; // for the readers to come (a CRS for a Shapefile's .prj, …)
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new InputFileError(path, code, (error as Error).message);
  }
  const decoded = decodeParkDataText(bytes, { url: path });
  return decoded.ok
    ? { json: decoded.json, issues: decoded.warnings }
    : { issues: [...decoded.warnings, decoded.issue] };
}
