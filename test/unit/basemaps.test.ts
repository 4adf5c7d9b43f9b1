// Basemap choice: presets, style URLs, and the problems reported instead of failing.
import { describe, expect, it } from 'vitest';
import { chooseBasemap } from '../../src/map/basemaps.js';
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
});
