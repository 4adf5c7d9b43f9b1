// The browser tests' archive is committed (15 KB): it must be what the builder makes of the fixture now.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import {
  collectionToArchive,
  flattenProperties,
  type InputFeature,
} from '../../src/tiles/tiles.ts';
import { JSON_PROPERTIES, decodeTileProperties, tileSourceOf } from '../../src/map/tile-source.ts';

it('test/fixtures/mini-parks.pmtiles is built from mini-parks.geojson (rebuild: npm run build:cli && npx park-map tiles test/fixtures/mini-parks.geojson -o test/fixtures/mini-parks.pmtiles)', () => {
  const fixture = JSON.parse(
    readFileSync(new URL('../fixtures/mini-parks.geojson', import.meta.url), 'utf8'),
  ) as { features: InputFeature[] };
  const { parts } = collectionToArchive(fixture);
  const built = Buffer.concat(parts);
  const committed = readFileSync(new URL('../fixtures/mini-parks.pmtiles', import.meta.url));
  expect(built.equals(committed)).toBe(true);
});

it('test/fixtures/history-parks.pmtiles is built from history-parks.geojson (rebuild as above)', () => {
  const fixture = JSON.parse(
    readFileSync(new URL('../fixtures/history-parks.geojson', import.meta.url), 'utf8'),
  ) as { features: InputFeature[] };
  const built = Buffer.concat(collectionToArchive(fixture).parts);
  const committed = readFileSync(new URL('../fixtures/history-parks.pmtiles', import.meta.url));
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

it('decodes every list and object of the schema, as the tiler wrote it (stats, aliases, history too)', () => {
  const schema = JSON.parse(
    readFileSync(new URL('../../data/schema.json', import.meta.url), 'utf8'),
  ) as {
    $defs: Record<
      string,
      { type?: string; properties?: Record<string, { type?: string; $ref?: string }> }
    >;
  };
  const defs = schema.$defs;
  const structured = Object.entries(defs['properties']?.properties ?? {})
    .filter(([, spec]) => {
      const type = spec.$ref ? defs[spec.$ref.replace('#/$defs/', '')]?.type : spec.type;
      return type === 'array' || type === 'object';
    })
    .map(([key]) => key);
  expect(structured.sort()).toEqual([...JSON_PROPERTIES].sort());

  const properties = {
    kind: 'park',
    name: '[草案] 总部基地',
    aliases: ['总部大楼'],
    industries: ['金融服务'],
    stats: [{ label: '施工现场工人', value: 1300, unit: '人', period: '2020年4月' }],
    history: [
      {
        date: '2020-04',
        status: 'under_construction',
        figures: { floorArea: 700000 },
        source: { title: '中铁城建集团劳动竞赛在总部基地启动', quote: '施工现场有1300多名工人' },
      },
    ],
    floors: 24,
  };
  const flat = flattenProperties('hy-hq-base', properties);
  expect(typeof flat['stats']).toBe('string');
  expect(decodeTileProperties(flat)).toEqual(properties);
});
