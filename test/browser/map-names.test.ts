// Names on the map, in real Chromium: parks named at every zoom where their name fits, buildings
// and projects only zoomed in, a name that would overlap another dropped; as text.
import { describe, expect, it } from 'vitest';
import type { ParkMap } from '../../src/park-map.js';
import { mount, shadow, squarePolygon, useCleanPage } from './helpers.js';

useCleanPage({ sameOrigin: true });

const feature = (id: string, kind: string, geometry: unknown, name = id) => ({
  type: 'Feature',
  id,
  geometry,
  properties: { kind, name },
});

// A zone 0.2° across; two parks in its corners; a building and a project point in the first park.
const data = {
  type: 'FeatureCollection',
  features: [
    feature('zone', 'zone', squarePolygon(112.5, 26.8, 0.2), '高新区'),
    feature('park-a', 'park', squarePolygon(112.51, 26.81, 0.02), '甲园'),
    feature('park-b', 'park', squarePolygon(112.67, 26.97, 0.02), '乙园'),
    feature('building', 'building', squarePolygon(112.5125, 26.8125, 0.001), '一号楼'),
    // 0.0002° east of the park's centre: 9 px from it at zoom 16, 75 px at zoom 19.
    feature('mid', 'building', squarePolygon(112.5197, 26.8195, 0.001), '中楼'),
    feature('project', 'project', { type: 'Point', coordinates: [112.5165, 26.8165] }, '新项目'),
  ],
};

function visibleNames(element: ParkMap): string[] {
  return [...shadow(element).querySelectorAll('.park-map-label:not(.park-map-label-hidden)')].map(
    (label) => label.textContent!,
  );
}

describe('names on the map', () => {
  it('names parks zoomed out where they fit, buildings and projects only zoomed in', async () => {
    const { element } = await mount({}, (el) => (el.data = data));
    const map = element.map!;
    map.jumpTo({ center: [112.6, 26.9], zoom: 10.5 });
    // Zoomed out: the zone and both parks (they are far apart); no building, no project.
    expect(visibleNames(element).sort()).toEqual(['乙园', '甲园', '高新区'].sort());
    map.jumpTo({ center: [112.515, 26.815], zoom: 14 });
    expect(visibleNames(element)).toEqual(['甲园']);
    expect(shadow(element).querySelector('.park-map-label-building')).toBeNull();
    // Zoom 16 (the park's centre now out of view): the building's and the project's names.
    map.jumpTo({ center: [112.5145, 26.8145], zoom: 16 });
    expect(visibleNames(element).sort()).toEqual(['一号楼', '新项目'].sort());
  });

  it('drops a name that would overlap one placed before it (the park before its building)', async () => {
    const { element } = await mount({}, (el) => (el.data = data));
    const map = element.map!;
    // At zoom 16 the building's centre is 9 px from the park's: its name would overlap.
    map.jumpTo({ center: [112.52, 26.82], zoom: 16 });
    expect(visibleNames(element)).toEqual(['甲园']);
    // At zoom 19, 75 px apart: both.
    map.jumpTo({ zoom: 19 });
    expect(visibleNames(element).sort()).toEqual(['中楼', '甲园'].sort());
    // Only the names shown are on the map.
    const onMap = [...shadow(element).querySelectorAll('.park-map-label')];
    expect(onMap.every((label) => !label.classList.contains('park-map-label-hidden'))).toBe(true);
  });
});
