// Bytes of a data file → decoded, validated data, or the reason it is not data. Pure, so that it
// runs the same on the main thread and in the checking worker (check-worker.ts).
import { decodeParkDataText } from './decode.js';
import type { CoordinateSystem, DataIssue, ParkFeature } from './types.js';
import { validateParkData } from './validate.js';

export interface CheckRequest {
  bytes: ArrayBuffer;
  contentType: string | null;
  url: string;
  coords: CoordinateSystem | undefined;
}

export type CheckResult =
  | {
      ok: true;
      result: { collection: { features: ParkFeature[] }; errors: DataIssue[] };
      warnings: DataIssue[];
    }
  | { ok: false; issue: DataIssue; warnings: DataIssue[] };

export function checkDataBytes(request: CheckRequest): CheckResult {
  const decoded = decodeParkDataText(request.bytes, {
    contentType: request.contentType,
    url: request.url,
  });
  if (!decoded.ok) return { ok: false, issue: decoded.issue, warnings: [...decoded.warnings] };
  // Already parsed: a file holding a JSON string is "not a FeatureCollection", not JSON text.
  const validated = validateParkData(decoded.json, { coords: request.coords, parsed: true });
  return {
    ok: true,
    result: { collection: { features: validated.collection.features }, errors: validated.errors },
    warnings: [...decoded.warnings],
  };
}
