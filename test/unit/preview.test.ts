// The preview the map draws while a file is validated: for clean data it must draw exactly as the
// validated features (so the map keeps it); whenever validation changes or drops anything the map
// draws, it must not (so the map is given the validated features).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generate } from '../../bench/generate.ts';
import { drawsAs, previewFeatures } from '../../src/data/preview';
import { validateParkData } from '../../src/data/validate/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const seed = JSON.parse(
  readFileSync(path.resolve(here, '../../data/parks.geojson'), 'utf8'),
) as unknown;

const clone = <T>(value: T): T => structuredClone(value);

/** Preview and validation of the same parsed file, and whether the map may keep the preview. */
function compare(json: unknown, coords?: 'wgs84' | 'gcj02' | 'bd09') {
  const preview = previewFeatures(json, coords);
  const result = validateParkData(json, { parsed: true, ...(coords ? { coords } : {}) });
  return {
    preview,
    result,
    keeps: preview !== null && drawsAs(result.collection.features, preview),
  };
}

const square = (lon: number, lat: number, size = 0.001) => [
  [lon, lat],
  [lon + size, lat],
  [lon + size, lat + size],
  [lon, lat + size],
  [lon, lat],
];

function building(id: string, extra: Record<string, unknown> = {}, geometry?: unknown) {
  return {
    type: 'Feature',
    id,
    geometry: geometry ?? { type: 'Polygon', coordinates: [square(112.6, 26.9)] },
    properties: { kind: 'building', name: `楼${id}`, status: 'operating', ...extra },
  };
}

const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

describe('previewFeatures and drawsAs', () => {
  it('keeps the preview of the seed data (every one of its features)', () => {
    const { preview, result, keeps } = compare(clone(seed));
    expect(result.errors).toEqual([]);
    expect(preview).toHaveLength((seed as { features: unknown[] }).features.length);
    expect(keeps).toBe(true);
  });

  it('keeps the preview of 2 000 generated buildings with courtyards, either winding', () => {
    const { collection: generated } = generate(2000, 7);
    // Some rings wound the other way: the preview orients them as validation does.
    const json = clone(generated);
    let reversed = 0;
    for (const feature of json.features) {
      if (feature.geometry.type !== 'Polygon' || reversed >= 300) continue;
      feature.geometry.coordinates = feature.geometry.coordinates.map((ring) =>
        [...ring].reverse(),
      );
      reversed += 1;
    }
    expect(reversed).toBe(300);
    const { preview, result, keeps } = compare(json);
    expect(result.errors).toEqual([]);
    expect(preview).toHaveLength(generated.features.length);
    expect(keeps).toBe(true);
  });

  it('leaves out what does not plainly draw, and then the validated features replace it', () => {
    const cases: [string, unknown][] = [
      [
        'unclosed ring',
        building('a', {}, { type: 'Polygon', coordinates: [square(112.6, 26.9).slice(0, 4)] }),
      ],
      ['position as text', building('a', {}, { type: 'Point', coordinates: ['112.6', 26.9] })],
      ['swapped coordinates', building('a', {}, { type: 'Point', coordinates: [26.9, 112.6] })],
      ['numeric id', { ...building('a'), id: 7 }],
      ['unknown kind', building('a', { kind: 'factory' })],
      ['no properties', { ...building('a'), properties: null }],
    ];
    for (const [label, feature] of cases) {
      const { preview, result, keeps } = compare(collection(building('ok'), feature));
      expect(
        preview?.map((f) => f.id),
        label,
      ).toEqual(['ok']);
      // Validation either drops the feature or repairs it: never a silent difference.
      expect(keeps, label).toBe(result.collection.features.length === 1);
    }
  });

  it('does not keep a preview whose drawn values validation changes', () => {
    const changed: [string, unknown][] = [
      ['status in Chinese', building('a', { status: '在建' })],
      ['height as text', building('a', { height: '24米' })],
      ['investment as text', building('a', { investment: '5亿元' })],
      ['duplicate id', building('ok')],
    ];
    for (const [label, feature] of changed) {
      const { preview, result, keeps } = compare(collection(building('ok'), feature));
      expect(result.errors.length, label).toBeGreaterThan(0);
      expect(preview?.length, label).toBe(2);
      expect(keeps, label).toBe(false);
    }
  });

  it('draws nothing before validation for another coordinate system', () => {
    expect(previewFeatures(collection(building('a')), 'gcj02')).toBeNull();
    expect(previewFeatures({ ...collection(building('a')), coordinateSystem: 'bd09' })).toBeNull();
    expect(previewFeatures({ type: 'Feature' })).toBeNull();
    expect(previewFeatures('{"type":"FeatureCollection","features":[]}')).toBeNull();
  });

  it('tells a moved vertex, a changed status and another order apart', () => {
    const base = collection(building('a'), building('b', { status: 'planned' }));
    const preview = previewFeatures(base)!;
    const validated = validateParkData(clone(base), { parsed: true }).collection.features;
    expect(drawsAs(validated, preview)).toBe(true);
    const moved = clone(validated);
    (moved[0]!.geometry.coordinates as number[][][])[0]![2]![0]! += 1e-9;
    expect(drawsAs(moved, preview)).toBe(false);
    const restatused = clone(validated);
    restatused[1]!.properties.status = 'operating';
    expect(drawsAs(restatused, preview)).toBe(false);
    expect(drawsAs([...validated].reverse(), preview)).toBe(false);
    expect(drawsAs(validated.slice(1), preview)).toBe(false);
  });
});
