// Browser-test commands that answer requests for other origins from the test (Playwright routing):
// basemap tiles and styles are served without a network, and every request they get is recorded.
import type { BrowserCommand } from 'vitest/node';
import type { Route } from 'playwright';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { PMTiles, type RangeResponse, type Source } from 'pmtiles';
import vtpbf from 'vt-pbf';
import {
  collectionToArchive,
  EXTENT,
  SOURCE_LAYER,
  tileFeature,
  vectorTilesIndex,
  type InputFeature,
} from '../../src/tiles/tiles.ts';

interface Reply {
  status?: number;
  contentType: string;
  /** The body, base64-encoded (binary tiles) … */
  base64?: string;
  /** … or as text. */
  text?: string;
}

const hits = new Map<string, string[]>();

export const fulfillRoute: BrowserCommand<[pattern: string, reply: Reply]> = async (
  context,
  pattern,
  reply,
) => {
  const seen: string[] = hits.get(pattern) ?? [];
  hits.set(pattern, seen);
  await context.page.route(pattern, (route: Route) => {
    seen.push(route.request().url());
    return route.fulfill({
      status: reply.status ?? 200,
      contentType: reply.contentType,
      headers: { 'access-control-allow-origin': '*' },
      body: reply.base64 !== undefined ? Buffer.from(reply.base64, 'base64') : (reply.text ?? ''),
    });
  });
};

/** A PMTiles archive on disk, read the way the browser reads one over HTTP (by byte ranges). */
class FileBytes implements Source {
  private bytes: Promise<Buffer>;
  constructor(private readonly path: string) {
    this.bytes = readFile(path);
  }
  getKey(): string {
    return this.path;
  }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    const bytes = await this.bytes;
    // A copy: its own ArrayBuffer, not the file's pooled one.
    return { data: new Uint8Array(bytes.subarray(offset, offset + length)).buffer };
  }
}

/**
 * A tile server for `pattern` (…/{z}/{x}/{y}.mvt), answering from a PMTiles archive under the project
 * root: 200 with the tile (uncompressed MVT), 204 where the archive has none.
 */
export const routeTileServer: BrowserCommand<[pattern: string, archive: string]> = async (
  context,
  pattern,
  archive,
) => {
  const seen: string[] = hits.get(pattern) ?? [];
  hits.set(pattern, seen);
  const tiles = new PMTiles(new FileBytes(resolve(process.cwd(), archive)));
  await context.page.route(pattern, async (route: Route) => {
    const url = route.request().url();
    seen.push(url);
    const match = /\/(\d+)\/(\d+)\/(\d+)\.mvt$/.exec(new URL(url).pathname);
    const tile = match ? await tiles.getZxy(+match[1]!, +match[2]!, +match[3]!) : undefined;
    await route.fulfill({
      status: tile ? 200 : 204,
      contentType: 'application/vnd.mapbox-vector-tile',
      headers: { 'access-control-allow-origin': '*' },
      body: tile ? Buffer.from(tile.data) : '',
    });
  });
};

/**
 * A tile server for `pattern` (…/{z}/{x}/{y}.mvt) cutting these features into tiles as asked (the
 * bench's tiler), for data no fixture archive holds: 200 with the tile, 204 where it is empty.
 */
export const routeTilesOf: BrowserCommand<
  [pattern: string, collection: { features: InputFeature[] }]
> = async (context, pattern, collection) => {
  const seen: string[] = hits.get(pattern) ?? [];
  hits.set(pattern, seen);
  const index = vectorTilesIndex(
    collection.features.map((feature, i) => tileFeature(feature, i + 1)),
  );
  await context.page.route(pattern, async (route: Route) => {
    const url = route.request().url();
    seen.push(url);
    const match = /\/(\d+)\/(\d+)\/(\d+)\.mvt$/.exec(new URL(url).pathname);
    const tile = match ? index.getTile(+match[1]!, +match[2]!, +match[3]!) : null;
    const features = tile?.features ?? [];
    await route.fulfill({
      status: features.length > 0 ? 200 : 204,
      contentType: 'application/vnd.mapbox-vector-tile',
      headers: { 'access-control-allow-origin': '*' },
      body:
        features.length > 0
          ? Buffer.from(
              vtpbf.fromGeojsonVt({ [SOURCE_LAYER]: { features } }, { version: 2, extent: EXTENT }),
            )
          : '',
    });
  });
};

/**
 * A PMTiles archive at `pattern`, made of these features by park-map's tiler as they are (not
 * validated, as another tool might have written it), answered by byte ranges as a server would.
 */
export const routeArchiveOf: BrowserCommand<
  [pattern: string, collection: { features: InputFeature[] }]
> = async (context, pattern, collection) => {
  const seen: string[] = hits.get(pattern) ?? [];
  hits.set(pattern, seen);
  const bytes = Buffer.concat(collectionToArchive(collection).parts);
  const cors = {
    'access-control-allow-origin': '*',
    'access-control-allow-headers': 'range',
    'access-control-expose-headers': 'content-range, content-length, etag',
  };
  await context.page.route(pattern, async (route: Route) => {
    const request = route.request();
    seen.push(request.url());
    if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
    const range = /^bytes=(\d+)-(\d+)$/.exec((await request.headerValue('range')) ?? '');
    if (!range) return route.fulfill({ status: 200, headers: cors, body: bytes });
    const start = Number(range[1]);
    const end = Math.min(Number(range[2]), bytes.length - 1);
    return route.fulfill({
      status: 206,
      headers: {
        ...cors,
        'content-type': 'application/octet-stream',
        'content-range': `bytes ${start}-${end}/${bytes.length}`,
      },
      body: bytes.subarray(start, end + 1),
    });
  });
};

/** Requests held back by holdRoute, by pattern: how many came, and what lets them through. */
interface Held {
  requests: number;
  release: () => void;
  passed: Promise<void>[];
  /** Resolves when the first request is held. */
  first: Promise<void>;
  /** The holding handler: unrouted alone (a fulfillRoute of the same pattern stays). */
  handler: (route: Route) => Promise<void>;
}
const held = new Map<string, Held>();

/**
 * Holds back the requests matching `pattern` (from our own server too) until releaseRoute; then
 * they go on to a route set before (fulfillRoute) or, with none, to the server.
 */
export const holdRoute: BrowserCommand<[pattern: string]> = async (context, pattern) => {
  let release = (): void => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let arrived = (): void => undefined;
  const first = new Promise<void>((resolve) => (arrived = resolve));
  const handler = (route: Route): Promise<void> => {
    entry.requests++;
    arrived();
    const passed = gate.then(() => route.fallback());
    entry.passed.push(passed);
    return passed;
  };
  const entry: Held = { requests: 0, release, passed: [], first, handler };
  held.set(pattern, entry);
  await context.page.route(pattern, handler);
};

/** Resolves once a request matching the held `pattern` has come (and is being held). */
export const whenHeld: BrowserCommand<[pattern: string]> = async (_context, pattern) => {
  const entry = held.get(pattern);
  if (!entry) throw new Error(`${pattern} is not held`);
  await entry.first;
};

/** Lets the held requests through and stops holding; resolves to how many were held. */
export const releaseRoute: BrowserCommand<[pattern: string]> = async (context, pattern) => {
  const entry = held.get(pattern);
  held.delete(pattern);
  entry?.release();
  // Unrouted only once the held requests went on (unrouting first would answer them itself).
  await Promise.all(entry?.passed ?? []);
  if (entry) await context.page.unroute(pattern, entry.handler);
  return entry?.requests ?? 0;
};

/** The URLs each pattern answered since it was routed; removes every route. */
export const takeRoutes: BrowserCommand<[]> = async (context) => {
  const result = Object.fromEntries(hits);
  hits.clear();
  await context.page.unrouteAll({ behavior: 'ignoreErrors' });
  return result;
};

/** Emulates the reader's light/dark preference (null: back to the default). */
export const emulateColorScheme: BrowserCommand<[scheme: 'light' | 'dark' | null]> = async (
  context,
  scheme,
) => {
  await context.page.emulateMedia({ colorScheme: scheme });
};

export const routeCommands = {
  fulfillRoute,
  takeRoutes,
  emulateColorScheme,
  routeTileServer,
  routeTilesOf,
  routeArchiveOf,
  holdRoute,
  whenHeld,
  releaseRoute,
};

declare module 'vitest/browser' {
  interface BrowserCommands {
    fulfillRoute: (pattern: string, reply: Reply) => Promise<void>;
    takeRoutes: () => Promise<Record<string, string[]>>;
    emulateColorScheme: (scheme: 'light' | 'dark' | null) => Promise<void>;
    routeTileServer: (pattern: string, archive: string) => Promise<void>;
    routeTilesOf: (pattern: string, collection: { features: InputFeature[] }) => Promise<void>;
    routeArchiveOf: (pattern: string, collection: { features: InputFeature[] }) => Promise<void>;
    holdRoute: (pattern: string) => Promise<void>;
    whenHeld: (pattern: string) => Promise<void>;
    releaseRoute: (pattern: string) => Promise<number>;
  }
}
