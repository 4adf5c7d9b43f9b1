// Basemap choice: presets, style URLs, and the problems reported instead of failing.
import { describe, expect, it } from 'vitest';
import { chooseBasemap, parseBasemapList } from '../../src/map/basemaps.js';
import { DEFAULT_THEME } from '../../src/map/theme.js';

describe('chooseBasemap', () => {
  it('none (and nothing) is offline: a style with no source at all', () => {
    for (const name of [null, '', 'none']) {
      const { choice, problem } = chooseBasemap(name, null, DEFAULT_THEME);
      expect(problem).toBeUndefined();
      expect(choice.online).toBe(false);
      expect(choice.style).toMatchObject({ sources: {} });
    }
  });

  it('osm is a raster source of OpenStreetMap tiles, attributed', () => {
    const { choice } = chooseBasemap('osm', null, DEFAULT_THEME);
    expect(choice.style).toMatchObject({
      sources: {
        'park-map-basemap-osm': {
          type: 'raster',
          tiles: ['https://tile.openstreetmap.org/{z}/{x}/{y}.png'],
        },
      },
    });
    expect(choice.attribution).toBe('© OpenStreetMap contributors');
  });

  it('tianditu needs a key; with one, every tile URL carries it', () => {
    expect(chooseBasemap('tianditu', null, DEFAULT_THEME).problem?.code).toBe(
      'basemap-key-missing',
    );
    const { choice } = chooseBasemap('tianditu-img', 'K&Y', DEFAULT_THEME);
    const sources = (choice.style as { sources: Record<string, { tiles: string[] }> }).sources;
    expect(Object.keys(sources)).toEqual(['park-map-basemap-img', 'park-map-basemap-cia']);
    for (const source of Object.values(sources)) {
      expect(source.tiles).toHaveLength(8);
      expect(source.tiles.every((url) => url.endsWith('tk=K%26Y'))).toBe(true);
    }
  });

  it('a style URL is passed on as it is; an unknown name is a problem', () => {
    expect(chooseBasemap('https://example.com/style.json', null, DEFAULT_THEME).choice.style).toBe(
      'https://example.com/style.json',
    );
    expect(chooseBasemap('./styles/mine.json', null, DEFAULT_THEME).choice.style).toBe(
      './styles/mine.json',
    );
    const unknown = chooseBasemap('googel', null, DEFAULT_THEME);
    expect(unknown.problem?.code).toBe('basemap-unknown');
    expect(unknown.choice.online).toBe(false);
  });

  it('amap and amap-img are AMap tiles in GCJ-02 from its four hosts; the rest are WGS84', () => {
    const road = chooseBasemap('amap', null, DEFAULT_THEME).choice;
    expect(road.crs).toBe('gcj02');
    expect(road.attribution).toBe('© 高德地图 AutoNavi');
    const sources = (road.style as { sources: Record<string, { tiles: string[] }> }).sources;
    expect(sources['park-map-basemap-amap']?.tiles).toEqual(
      [1, 2, 3, 4].map(
        (n) =>
          `https://webrd0${n}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}`,
      ),
    );
    const imagery = chooseBasemap('amap-img', null, DEFAULT_THEME).choice;
    expect(imagery.crs).toBe('gcj02');
    expect(Object.keys((imagery.style as { sources: object }).sources)).toEqual([
      'park-map-basemap-amap-img',
      'park-map-basemap-amap-labels',
    ]);
    for (const name of ['none', 'osm', 'openfreemap', 'https://example.org/style.json']) {
      expect(chooseBasemap(name, null, DEFAULT_THEME).choice.crs).toBe('wgs84');
    }
    expect(chooseBasemap('tianditu', 'k', DEFAULT_THEME).choice.crs).toBe('wgs84');
  });

  it('basemap-crs sets the system of a style URL; an unknown one is a problem, offline stays WGS84', () => {
    const url = 'https://tiles.example.cn/style.json';
    expect(chooseBasemap(url, null, DEFAULT_THEME, 'gcj02').choice.crs).toBe('gcj02');
    expect(chooseBasemap(url, null, DEFAULT_THEME, ' GCJ02 ').choice.crs).toBe('gcj02');
    expect(chooseBasemap('amap', null, DEFAULT_THEME, 'wgs84').choice.crs).toBe('wgs84');
    const unknown = chooseBasemap(url, null, DEFAULT_THEME, 'bd09');
    expect(unknown.problem?.code).toBe('basemap-crs-unknown');
    expect(unknown.problem?.message).toContain('basemap-crs="bd09"');
    expect(unknown.choice.crs).toBe('wgs84');
    // Nothing to line up with: the parks are drawn as they are.
    expect(chooseBasemap('none', null, DEFAULT_THEME, 'gcj02').choice.crs).toBe('wgs84');
  });
});

describe('parseBasemapList (the basemaps attribute)', () => {
  it('keeps the presets in their order, each once, and names the rest', () => {
    expect(parseBasemapList(' none  osm,tianditu osm google amap ')).toEqual({
      presets: ['none', 'osm', 'tianditu', 'amap'],
      unknown: ['google'],
    });
  });

  it('gives nothing for an empty or missing value', () => {
    expect(parseBasemapList(null)).toEqual({ presets: [], unknown: [] });
    expect(parseBasemapList('  ')).toEqual({ presets: [], unknown: [] });
  });
});
