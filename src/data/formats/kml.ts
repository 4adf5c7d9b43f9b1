// Chunk: KML and KMZ (a zip holding doc.kml), read with @tmcw/togeojson (KML is WGS84, as GeoJSON
// is). Placemarks become features; their name, description and ExtendedData fields are the
// properties, as togeojson reads them. The XML is parsed by the page's DOMParser, or in Node by the
// parser the caller passes (the CLI passes @xmldom/xmldom's).
import { kml } from '@tmcw/togeojson';
import { unzipSync } from 'fflate';
import { readText } from '../decode.js';
import { withReason } from '../issue-messages.js';
import type { DataIssue } from '../types.js';
import type { FormatResult, ReaderContext } from './index.js';

type Feature = { properties?: Record<string, unknown> | null };

/** A DOMParser, the platform's or another that makes a DOM togeojson can walk. */
export interface XmlParser {
  parseFromString(text: string, type: 'text/xml'): unknown;
}

const fail = (format: 'kml' | 'kmz', code: string, params: Record<string, string>) => ({
  ok: false as const,
  issue: withReason({ path: '', code, severity: 'error', params }),
  issues: [] as DataIssue[],
  format,
});

/** The XML as text: the encoding its declaration names, else UTF-8 (or GBK, noted). */
function xmlText(bytes: Uint8Array): { text: string; notes: DataIssue[] } | undefined {
  const declared = /^\s*<\?xml[^>]*encoding=["']([\w.:-]+)["']/i.exec(
    new TextDecoder('latin1').decode(bytes.subarray(0, 200)),
  )?.[1];
  if (declared && !/^utf-?8$/i.test(declared)) {
    try {
      return { text: new TextDecoder(declared).decode(bytes), notes: [] };
    } catch {
      // an encoding the platform does not know: read as below
    }
  }
  const read = readText(bytes);
  if (read.kind === 'unknown') return undefined;
  const notes =
    read.note && read.note.code !== 'utf8-bom'
      ? [
          withReason({
            path: '',
            code: read.note.code,
            severity: 'warning',
            params: read.note.params,
          }),
        ]
      : [];
  return { text: read.text, notes };
}

function parseKml(text: string, format: 'kml' | 'kmz', context: ReaderContext): FormatResult {
  const Platform = (globalThis as { DOMParser?: new () => XmlParser }).DOMParser;
  const parser = context.xmlParser ?? (Platform ? new Platform() : undefined);
  if (!parser) throw new Error('no XML parser on this platform');
  let doc: Document;
  try {
    doc = parser.parseFromString(text, 'text/xml') as Document;
  } catch (error) {
    return fail(format, 'kml-invalid', {
      error: (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '',
    });
  }
  const broken = doc.getElementsByTagName('parsererror')[0];
  if (broken) {
    const error = (broken.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 200);
    return fail(format, 'kml-invalid', { error });
  }
  if (doc.getElementsByTagName('kml').length === 0) {
    return fail(format, 'kml-invalid', { error: 'no <kml> element' });
  }
  return { ok: true, json: kml(doc), issues: [], format };
}

export function readKml(bytes: Uint8Array, context: ReaderContext): FormatResult {
  const text = xmlText(bytes);
  if (!text) return fail('kml', 'unknown-encoding', {});
  const result = parseKml(text.text, 'kml', context);
  return { ...result, issues: [...text.notes, ...result.issues] };
}

/**
 * A KMZ: its doc.kml, or when that holds no placemark (GDAL's LIBKML driver writes one that only
 * links to layers/*.kml), its other .kml files together.
 */
export function readKmz(bytes: Uint8Array, context: ReaderContext): FormatResult {
  const files = unzipSync(bytes, {
    filter: (file) => file.name.toLowerCase().endsWith('.kml') && !file.name.startsWith('__MACOSX'),
  });
  const names = Object.keys(files).sort(
    (a, b) =>
      Number(b.toLowerCase() === 'doc.kml') - Number(a.toLowerCase() === 'doc.kml') ||
      a.split('/').length - b.split('/').length ||
      a.localeCompare(b),
  );
  if (names.length === 0) return fail('kmz', 'kmz-no-kml', {});
  const notes: DataIssue[] = [];
  const features: unknown[] = [];
  for (const [i, name] of names.entries()) {
    const text = xmlText(files[name] as Uint8Array);
    if (!text) return fail('kmz', 'unknown-encoding', {});
    const result = parseKml(text.text, 'kmz', context);
    if (!result.ok) return { ...result, issues: [...notes, ...text.notes, ...result.issues] };
    notes.push(...text.notes, ...result.issues);
    // A NetworkLink is a link to other data (often the other files here), not a placemark.
    for (const feature of (result.json as { features: Feature[] }).features) {
      if (feature.properties?.['@geometry-type'] !== 'networklink') features.push(feature);
    }
    // The main document's placemarks are the data; the other files are read only without them.
    if (i === 0 && names[0]?.toLowerCase() === 'doc.kml' && features.length > 0) break;
  }
  return { ok: true, json: { type: 'FeatureCollection', features }, issues: notes, format: 'kmz' };
}
