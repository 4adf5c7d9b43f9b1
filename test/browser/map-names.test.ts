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
    // Without the towns of the offline ground (衡阳 lies in this view).
    const { element } = await mount({ ground: 'none' }, (el) => (el.data = data));
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

/** A name's box and the boxes it must not hide, in page pixels. */
function boxOf(element: Element): DOMRect {
  return element.getBoundingClientRect();
}
const overlaps = (a: DOMRect, b: DOMRect) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

function nameLabel(element: ParkMap, name: string): HTMLElement | undefined {
  return [
    ...shadow(element).querySelectorAll<HTMLElement>('.park-map-label:not(.park-map-label-hidden)'),
  ].find((label) => label.textContent === name);
}

/** Resolves after the map's next frame has been drawn (clusters and names follow each frame). */
function drawn(element: ParkMap): Promise<void> {
  return new Promise((resolve) => {
    element.map!.once('idle', () => resolve());
    element.map!.triggerRepaint();
  });
}

describe('names clear of what else is on the map', () => {
  // A zone with three projects at its centre (one cluster there, zoomed out), a park at its west
  // edge and one under the zoom buttons' corner.
  const crowded = {
    type: 'FeatureCollection',
    features: [
      feature('zone', 'zone', squarePolygon(112.5, 26.8, 0.2), '高新区'),
      ...[0, 1, 2].map((i) => ({
        type: 'Feature',
        id: `p${i}`,
        geometry: { type: 'Point', coordinates: [112.6 + i * 0.001, 26.9] },
        properties: { kind: 'project', name: `项目${i}`, parent: 'zone' },
      })),
      feature('west-park', 'park', squarePolygon(112.3, 26.89, 0.02), '西边很长名字的产业园'),
    ],
  };

  it('moves a zone name off the cluster drawn on its centre, keeping the count readable', async () => {
    const { element } = await mount({}, (el) => (el.data = crowded));
    const map = element.map!;
    map.jumpTo({ center: [112.6, 26.9], zoom: 10 });
    await drawn(element);
    const count = shadow(element).querySelector<HTMLElement>('.park-map-cluster-count');
    expect(count?.textContent).toBe('3');
    const zone = nameLabel(element, '高新区');
    expect(zone).toBeDefined();
    // The cluster's circle (radius 13 + 2 rim) around its count's centre.
    const c = boxOf(count!);
    const [cx, cy] = [(c.left + c.right) / 2, (c.top + c.bottom) / 2];
    const circle = new DOMRect(cx - 15, cy - 15, 30, 30);
    expect(overlaps(boxOf(zone!), circle)).toBe(false);
    // Still beside its point: below or above the cluster, centred on it.
    expect(Math.abs((boxOf(zone!).left + boxOf(zone!).right) / 2 - cx)).toBeLessThan(2);
    expect(Math.abs((boxOf(zone!).top + boxOf(zone!).bottom) / 2 - cy)).toBeLessThan(60);
  });

  it('pulls a name cut at the canvas edge inside it, and keeps names from under the controls', async () => {
    const { element } = await mount({}, (el) => (el.data = crowded));
    const map = element.map!;
    const canvas = map.getCanvas().getBoundingClientRect();
    // The west park's centre 20 px from the canvas's left edge: its name (≈ 130 px) would be cut.
    map.jumpTo({ center: [112.6, 26.9], zoom: 10 });
    const { x } = map.project([112.31, 26.9]);
    map.panBy([x - 20, 0], { animate: false });
    await drawn(element);
    const west = nameLabel(element, '西边很长名字的产业园');
    expect(west).toBeDefined();
    expect(boxOf(west!).left).toBeGreaterThanOrEqual(canvas.left);
    expect(boxOf(west!).right).toBeLessThanOrEqual(canvas.right);
    // Under the zoom buttons (the top right corner): the name moves below them, or is not shown.
    const zoom = shadow(element).querySelector('.maplibregl-ctrl-group')!;
    const buttons = boxOf(zoom);
    const point = map.unproject([
      buttons.left + buttons.width / 2 - canvas.left,
      buttons.top + 12 - canvas.top,
    ]);
    map.panBy(
      [
        map.project([112.31, 26.9]).x - map.project(point).x,
        map.project([112.31, 26.9]).y - map.project(point).y,
      ],
      { animate: false },
    );
    await drawn(element);
    const moved = nameLabel(element, '西边很长名字的产业园');
    if (moved) expect(overlaps(boxOf(moved), buttons)).toBe(false);
    for (const label of shadow(element).querySelectorAll(
      '.park-map-label:not(.park-map-label-hidden)',
    )) {
      expect(overlaps(boxOf(label), buttons)).toBe(false);
    }
  });
});
