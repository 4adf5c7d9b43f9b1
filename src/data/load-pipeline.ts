// In the data chunk: the way from what the page gave (a file's bytes, or the parsed `data`) to the
// features to show and the problems found: read the format (GeoJSON at once, the other formats
// once their reader's chunk has come), reproject a projected file (proj4, its own chunk), apply
// the field mapping and validate. The data controller, which is in the first load, keeps only the
// order of things (fetch, abort, the preview, the store); this keeps its ~3 KB out of the first load.
import type { FieldMapping } from './mapping.js';
import { mergeMapping } from './mapping.js';
import { decodeParkDataText } from './decode.js';
import { detectFormat, readFormat } from './formats/index.js';
import { needsReprojection, reprojectIfNeeded } from './crs/reproject.js';
import type { DataDrawer } from '../state/park-store.js';
import { previewFeatures, wantsPreview, type PreviewPolicy } from './preview.js';
import type { CoordinateSystem, DataIssue, ParkFeature } from './types.js';
import { validateParkData } from './validate/index.js';

/** The element's mapping as given (merged here, see mapping.ts's mergeMapping). */
export interface MappingRequest {
  fields: FieldMapping | null | undefined;
  idField: string | null;
  nameField: string | null;
  statusField: string | null;
  defaultKind: string | null;
}

export interface PipelineOptions {
  coords: CoordinateSystem | undefined;
  /** The EPSG code the page says the data is in (`coords="EPSG:4547"`). */
  epsg?: number | undefined;
  mapping?: MappingRequest | undefined;
}

/** A file parsed and reprojected, ready to validate (the preview is drawn from it). */
export type Parsed =
  | { ok: true; json: unknown; warnings: DataIssue[]; coords: CoordinateSystem | undefined }
  | { ok: false; issue: DataIssue; warnings: DataIssue[] };

/** The request's mapping as one (undefined: none given, the common fields are recognised). */
function mappingOf(options: PipelineOptions): FieldMapping | undefined {
  const given = options.mapping;
  return given ? mergeMapping(given.fields, given) : undefined;
}

/**
 * The file's bytes as JSON in WGS84 (or in `coords`): GeoJSON decoded at once (decode.ts), another
 * format (CSV, Excel, KML, KMZ, a zipped Shapefile; formats/) once its reader's chunk has loaded,
 * then reprojected when the file names a projected system or the page does.
 */
export function parseParkBytes(
  bytes: ArrayBuffer,
  src: string,
  contentType: string | null,
  options: PipelineOptions,
): Parsed | Promise<Parsed> {
  const view = new Uint8Array(bytes);
  if (detectFormat({ bytes: view, name: src, contentType }) === 'geojson') {
    const decoded = decodeParkDataText(bytes, { contentType, url: src });
    if (!decoded.ok) return decoded;
    return reprojected(decoded.json, decoded.warnings, options);
  }
  return readFormat(view, { name: src, contentType }).then((read) =>
    read.ok
      ? reprojected(read.json, read.issues, options)
      : { ok: false, issue: read.issue, warnings: read.issues },
  );
}

/** `json` reprojected when it needs it (at once when it does not). */
function reprojected(
  json: unknown,
  warnings: DataIssue[],
  options: PipelineOptions,
): Parsed | Promise<Parsed> {
  const epsg = options.epsg === undefined ? {} : { epsg: options.epsg };
  if (!needsReprojection(json, epsg)) {
    return { ok: true, json, warnings, coords: options.coords };
  }
  return reprojectIfNeeded(json, epsg).then((result) => {
    const failure = result.issues.find((issue) => issue.severity === 'error');
    if (failure) {
      return {
        ok: false,
        issue: failure,
        warnings: [...warnings, ...result.issues.filter((issue) => issue !== failure)],
      };
    }
    return {
      ok: true,
      json: result.json,
      warnings: [...warnings, ...result.issues],
      // Reprojected to WGS84: the page's coords no longer apply.
      coords: result.crs ? undefined : options.coords,
    };
  });
}

/** Resolves after `ms` at most, or as soon as `promise` settles. */
function atMost(promise: Promise<unknown>, ms: number): Promise<unknown> {
  return Promise.race([promise, new Promise((resolve) => setTimeout(resolve, ms))]);
}

/**
 * A file large enough (`policy`, see wantsPreview) is drawn before it is validated: the map's
 * worker tiles it while this thread validates (on two cores, side by side instead of one after the
 * other). A map made but still loading its style is waited for first, `waitMs` at most: validating
 * first would hold this thread while the map's start-up needs it, and the worker would start only
 * after validation. Then the preview goes once MapLibre has sent it (a new map's empty source goes
 * first, and its answer is read on this thread). The preview drawn, or null (none, or aborted).
 */
export async function previewWhileValidating(
  drawer: DataDrawer,
  parsed: Extract<Parsed, { ok: true }>,
  signal: AbortSignal,
  policy: PreviewPolicy,
  waitMs: number,
): Promise<ParkFeature[] | null> {
  if (!wantsPreview(parsed.json, policy)) return null;
  const ready = drawer.takesPreview() ? undefined : drawer.whenReady();
  if (ready) await atMost(ready, waitMs);
  if (signal.aborted || !drawer.takesPreview()) return null;
  const preview = previewFeatures(parsed.json, parsed.coords);
  if (!preview || preview.length === 0) return null;
  await atMost(drawer.drawPreview(preview), waitMs);
  // The update is posted a few promise reactions after MapLibre says it is sending it.
  await new Promise((resolve) => setTimeout(resolve, 0));
  return signal.aborted ? null : preview;
}

/** Validates parsed data (`parsed`: a JSON string in it is not JSON text to parse again). */
export function validateParsed(
  parsed: Extract<Parsed, { ok: true }>,
  options: PipelineOptions,
  parsedJson = true,
): { features: ParkFeature[]; issues: DataIssue[] } {
  const result = validateParkData(parsed.json, {
    coords: parsed.coords,
    ...(parsedJson ? { parsed: true } : {}),
    mapping: mappingOf(options),
  });
  return { features: result.collection.features, issues: [...parsed.warnings, ...result.errors] };
}

/**
 * The page's `data` property: validated at once (a plain object, or JSON text), or once proj4 has
 * loaded for a projected one.
 */
export function readParkData(
  data: unknown,
  options: PipelineOptions,
):
  | { ok: true; features: ParkFeature[]; issues: DataIssue[] }
  | { ok: false; issue: DataIssue; warnings: DataIssue[] }
  | Promise<
      | { ok: true; features: ParkFeature[]; issues: DataIssue[] }
      | { ok: false; issue: DataIssue; warnings: DataIssue[] }
    > {
  const parsed = reprojected(data, [], options);
  const finish = (done: Parsed) =>
    done.ok
      ? // Not reprojected, `data` may be JSON text, parsed by the validator.
        { ok: true as const, ...validateParsed(done, options, done.json !== data) }
      : done;
  return parsed instanceof Promise ? parsed.then(finish) : finish(parsed);
}
