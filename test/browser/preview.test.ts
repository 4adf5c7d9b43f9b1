// A big file given to a ready map: what plainly draws goes to MapLibre's worker before validation,
// so tiling and validating run side by side. Clean data is then sent once; data that validation
// repairs or trims is sent again, as validated, and that is what stays drawn.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { commands } from 'vitest/browser';
import type { GeoJSONSource } from 'maplibre-gl';
import { mapWait, previewPolicy } from '../../src/data/data-controller.js';
import type { ParkMap } from '../../src/park-map.js';
import { MINI_URL, mount, nextEvent, renderedIds, squarePolygon, useCleanPage } from './helpers.js';

useCleanPage({ sameOrigin: true });

// Files of 50 000 features and more get a preview; these few-feature files stand for them.
const minFeatures = previewPolicy.minFeatures;
beforeEach(() => {
  previewPolicy.minFeatures = 1;
});
afterEach(() => {
  previewPolicy.minFeatures = minFeatures;
});

function building(id: string, lon: number, properties: Record<string, unknown> = {}) {
  return {
    type: 'Feature',
    id,
    geometry: squarePolygon(lon, 26.9),
    properties: { kind: 'building', name: `楼 ${id}`, status: 'operating', ...properties },
  };
}

let served = 0;
/** Serves this collection at a fresh same-origin URL. */
async function serve(features: unknown[]): Promise<string> {
  served += 1;
  const url = `${location.origin}/preview-test/${served}.geojson`;
  await commands.fulfillRoute(url, {
    contentType: 'application/geo+json',
    text: JSON.stringify({ type: 'FeatureCollection', features }),
  });
  return url;
}

interface SentData {
  ids: string[];
  statuses: string[];
  /** What the element reported as its features when the data went to the map. */
  elementHad: string[];
}

/** Records every setData on the element's source, with what the element held at that moment. */
function recordSetData(element: ParkMap): SentData[] {
  const source = element.map!.getSource<GeoJSONSource>('park-map-features')!;
  const sent: SentData[] = [];
  const original = source.setData.bind(source);
  source.setData = (data) => {
    const features = (data as GeoJSON.FeatureCollection).features;
    sent.push({
      ids: features.map((feature) => String(feature.properties?.['pmId'])),
      statuses: features.map((feature) => String(feature.properties?.['status'])),
      elementHad: element.features.map((feature) => feature.id),
    });
    return original(data);
  };
  return sent;
}

describe('a file drawn while it is validated', () => {
  it('a small file is validated first and sent once, as before', async () => {
    previewPolicy.minFeatures = 3;
    const { element } = await mount({ src: MINI_URL });
    const sent = recordSetData(element);
    const url = await serve([building('a', 112.6), building('b', 112.61)]);
    const loaded = nextEvent(element, 'park-map-load');
    element.src = url;
    await loaded;
    expect(sent).toEqual([
      { ids: ['a', 'b'], statuses: ['operating', 'operating'], elementHad: ['a', 'b'] },
    ]);
  });

  it('clean data goes to the map once, before validation ends, and stays', async () => {
    const { element } = await mount({ src: MINI_URL });
    const sent = recordSetData(element);
    const url = await serve([building('a', 112.6), building('b', 112.61)]);
    const loaded = nextEvent(element, 'park-map-load');
    element.src = url;
    const { detail } = await loaded;
    expect(detail.errors).toEqual([]);
    expect(detail.features.map((feature) => feature.id)).toEqual(['a', 'b']);
    // One setData, made while the element still held the previous file's features.
    expect(sent).toEqual([
      {
        ids: ['a', 'b'],
        statuses: ['operating', 'operating'],
        elementHad: ['t-zone', 't-park', 't-building-a', 't-building-b'],
      },
    ]);
    expect(renderedIds(element)).toEqual(['a', 'b']);
    // One copy of the coordinates: the element's features share the geometry the map was given.
    const given = (await element
      .map!.getSource<GeoJSONSource>('park-map-features')!
      .getData()) as GeoJSON.FeatureCollection;
    expect(given.features.map((feature) => feature.geometry)).toEqual(
      element.features.map((feature) => feature.geometry),
    );
    given.features.forEach((feature, i) =>
      expect(feature.geometry).toBe(element.features[i]!.geometry),
    );
  });

  it('data that validation repairs is sent again as validated, and drawn so', async () => {
    const { element } = await mount({ src: MINI_URL });
    const sent = recordSetData(element);
    const open = building('open', 112.61);
    // An unclosed ring (closed by validation, with a warning) and a status in words it does not
    // take (dropped, with a warning): neither is in the preview.
    (open.geometry.coordinates[0] as number[][]).pop();
    const url = await serve([
      building('a', 112.6),
      open,
      building('word', 112.62, { status: '在建' }),
    ]);
    const loaded = nextEvent(element, 'park-map-load');
    element.src = url;
    const { detail } = await loaded;
    expect(detail.errors.map((issue) => `${issue.featureId}:${issue.code}`)).toEqual([
      'open:ring-not-closed',
      'word:unknown-status',
    ]);
    expect(sent.map((data) => data.ids)).toEqual([
      ['a', 'word'],
      ['a', 'open', 'word'],
    ]);
    expect(sent[0]!.statuses).toEqual(['operating', '在建']);
    // What stays on the map is the validated data: the repaired ring, the status left out.
    expect(sent[1]!.statuses).toEqual(['operating', 'operating', 'none']);
    expect(sent[1]!.elementHad).toEqual(['a', 'open', 'word']);
    expect(renderedIds(element)).toEqual(['a', 'open', 'word']);
    const drawn = element
      .map!.querySourceFeatures('park-map-features')
      .filter((feature) => feature.properties['pmId'] === 'word');
    expect(drawn.length).toBeGreaterThan(0);
    expect(drawn.every((feature) => feature.properties['status'] === 'none')).toBe(true);
  });

  it('a newer file given during validation wins; the older preview does not stay', async () => {
    const { element } = await mount({ src: MINI_URL });
    const first = await serve([building('old', 112.6)]);
    const second = await serve([building('new', 112.61)]);
    const loaded = nextEvent(element, 'park-map-load');
    // The second file is given as the first one's preview goes to the map, before it is validated.
    const source = element.map!.getSource<GeoJSONSource>('park-map-features')!;
    const setData = source.setData.bind(source);
    let previewed = false;
    source.setData = (data) => {
      const ids = (data as GeoJSON.FeatureCollection).features.map((f) => f.properties?.['pmId']);
      if (!previewed && ids.includes('old')) {
        previewed = true;
        element.src = second;
      }
      return setData(data);
    };
    element.src = first;
    const { detail } = await loaded;
    expect(previewed).toBe(true);
    expect(detail.features.map((feature) => feature.id)).toEqual(['new']);
    await expect.poll(() => renderedIds(element)).toEqual(['new']);
  });

  it('a new element draws a large file on its map before validating it: the worker has it first', async () => {
    // The map is made, then loads its style, while the file arrives: the file waits for it (a
    // generous bound here, so a slow machine does not decide), then goes to the worker.
    const { ms, readyMs } = mapWait;
    // Both waits: for the map to be made (MapLibre run) and for its style.
    mapWait.ms = 20_000;
    mapWait.readyMs = 20_000;
    const posted: { ours: boolean; validated: number }[] = [];
    const post = Worker.prototype.postMessage;
    const url = await serve([building('first-a', 112.6), building('first-b', 112.61)]);
    let element: ParkMap | undefined;
    Worker.prototype.postMessage = function (this: Worker, ...args: unknown[]) {
      const message = args[0] as { type?: string; data?: unknown } | undefined;
      if (message?.type === 'LD') {
        posted.push({
          ours: JSON.stringify(message.data ?? null).includes('first-a'),
          validated: element?.features.length ?? 0,
        });
      }
      return (post as (...rest: unknown[]) => void).apply(this, args);
    };
    try {
      // The file comes once the map is made (MapLibre run, the map constructed), as on a page
      // whose data server is slower than its scripts: not before, whatever the machine's load.
      await commands.holdRoute(url);
      const mounting = mount({ src: url }, (made) => (element = made));
      await commands.whenHeld(url);
      await vi.waitFor(() => expect(element?.map).toBeDefined(), { timeout: 20_000 });
      await commands.releaseRoute(url);
      const mounted = await mounting;
      expect(mounted.loaded.features.map((feature) => feature.id)).toEqual(['first-a', 'first-b']);
    } finally {
      Worker.prototype.postMessage = post;
      mapWait.ms = ms;
      mapWait.readyMs = readyMs;
    }
    const ours = posted.filter((message) => message.ours);
    // Sent once, while the element had validated nothing yet: the preview, kept.
    expect(ours).toEqual([{ ours: true, validated: 0 }]);
    expect(renderedIds(element!)).toEqual(['first-a', 'first-b']);
  });
});
