// Reading the command's input file into parsed JSON: the one place an input format is decoded.
// GeoJSON (decode.ts: BOM, UTF-16, GBK, broken JSON with line and column), CSV, Excel, KML/KMZ
// and zipped Shapefiles (src/data/formats/), by the file's content and name, as the element reads
// `src`. Node has no DOMParser: KML is parsed with @xmldom/xmldom's.

import { DOMParser } from '@xmldom/xmldom';
import { readInputBytes } from '../data/formats/index.js';
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
  const read = await readInputBytes(bytes, path, { xmlParser: new DOMParser() });
  return read.ok
    ? { json: read.json, issues: read.issues }
    : { issues: [...read.issues, read.issue] };
}
