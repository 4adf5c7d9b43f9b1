// The browser tests' archive is committed (15 KB): it must be what the builder makes of the fixture now.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { collectionToArchive, type InputFeature } from '../../src/tiles/tiles.ts';
import { decodeTileProperties, tileSourceOf } from '../../src/map/tile-source.ts';

it('test/fixtures/mini-parks.pmtiles is built from mini-parks.geojson (rebuild: npm run build:cli && npx park-map tiles test/fixtures/mini-parks.geojson -o test/fixtures/mini-parks.pmtiles)', () => {
  const fixture = JSON.parse(
    readFileSync(new URL('../fixtures/mini-parks.geojson', import.meta.url), 'utf8'),
  ) as { features: InputFeature[] };
  const { parts } = collectionToArchive(fixture);
  const built = Buffer.concat(parts);
  const committed = readFileSync(new URL('../fixtures/mini-parks.pmtiles', import.meta.url));
  expect(built.equals(committed)).toBe(true);
});

it('tells archives and tile templates from GeoJSON URLs', () => {
  const base = 'https://portal.example/zone/index.html';
  expect(tileSourceOf('parks.geojson', base)).toBeNull();
  expect(tileSourceOf('data/parks.pmtiles', base)).toEqual({
    kind: 'pmtiles',
    url: 'https://portal.example/zone/data/parks.pmtiles',
  });
  expect(tileSourceOf('https://cdn.example/p.pmtiles?v=3', base)?.kind).toBe('pmtiles');
  expect(tileSourceOf('pmtiles://https://cdn.example/p', base)).toEqual({
    kind: 'pmtiles',
    url: 'https://cdn.example/p',
  });
  expect(tileSourceOf('/tiles/parks/{z}/{x}/{y}.pbf', base)).toEqual({
    kind: 'template',
    url: 'https://portal.example/tiles/parks/{z}/{x}/{y}.pbf',
  });
  expect(tileSourceOf('https://t.example/{z}/{x}/{y}', base)?.url).toBe(
    'https://t.example/{z}/{x}/{y}',
  );
});

it('decodes list and object properties from JSON text, and nothing else', () => {
  expect(
    decodeTileProperties({
      id: 'b1',
      name: '[草案] 1号楼',
      tenants: '[{"name":"科大讯飞"}]',
      contact: '{"phone":"0734"}',
      industries: 'not json [',
      floors: 3,
    }),
  ).toEqual({
    name: '[草案] 1号楼',
    tenants: [{ name: '科大讯飞' }],
    contact: { phone: '0734' },
    industries: 'not json [',
    floors: 3,
  });
});
