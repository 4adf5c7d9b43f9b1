// Project points clustered at low zoom, in real Chromium: MapLibre's own clustering, the count as
// an HTML label (no glyphs), a click on a cluster zooms in until it comes apart, and the filters
// reach the clustered points.
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { ParkMap } from '../../src/park-map.js';
import { canvasOf, mount, shadow, squarePolygon, useCleanPage } from './helpers.js';

useCleanPage({ sameOrigin: true });

// A park with five project points 100 m apart: three operating, two planned.
const point = (i: number, status: string) => ({
  type: 'Feature',
  id: `p${i}`,
  geometry: { type: 'Point', coordinates: [112.6 + i * 0.001, 26.9] },
  properties: { kind: 'project', name: `项目${i}`, status },
});
const data = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      id: 'park',
      geometry: squarePolygon(112.59, 26.89, 0.03),
      properties: { kind: 'park', name: '园区' },
    },
    point(0, 'operating'),
    point(1, 'operating'),
    point(2, 'operating'),
    point(3, 'planned'),
    point(4, 'planned'),
  ],
};

/** Waits for the map to be idle (sources loaded and drawn), then reads the count labels. */
async function counts(element: ParkMap): Promise<string[]> {
  await new Promise<void>((resolve) => {
    element.map!.once('idle', () => resolve());
    element.map!.triggerRepaint();
  });
  return [...shadow(element).querySelectorAll('.park-map-cluster-count')].map(
    (label) => label.textContent!,
  );
}

describe('clustered project points', () => {
  it('shows one cluster with its count at low zoom, and the points on their own zoomed in', async () => {
    const { element } = await mount({}, (el) => (el.data = data));
    element.map!.jumpTo({ center: [112.602, 26.9], zoom: 11 });
    expect(await counts(element)).toEqual(['5']);
    element.map!.jumpTo({ zoom: 17 });
    expect(await counts(element)).toEqual([]);
    const ids = element
      .map!.queryRenderedFeatures({ layers: ['park-map-cluster-point'] })
      .map((hit) => hit.properties.pmId as string);
    expect([...new Set(ids)].sort()).toEqual(['p0', 'p1', 'p2', 'p3', 'p4']);
  });

  it('zooms in when a cluster is clicked, without selecting anything', async () => {
    const { element } = await mount({}, (el) => (el.data = data));
    const map = element.map!;
    map.jumpTo({ center: [112.602, 26.9], zoom: 11 });
    await counts(element);
    const at = map.project([112.602, 26.9]);
    const moved = new Promise<void>((resolve) => map.once('moveend', () => resolve()));
    await userEvent.click(canvasOf(element), { position: { x: at.x, y: at.y } });
    await moved;
    expect(map.getZoom()).toBeGreaterThan(11);
    expect(element.selected).toBeNull();
  });

  it('counts only the points the filters pass', async () => {
    const { element } = await mount({}, (el) => (el.data = data));
    element.map!.jumpTo({ center: [112.602, 26.9], zoom: 11 });
    expect(await counts(element)).toEqual(['5']);
    element.filter = { ...element.filter, statuses: ['planned'] };
    await element.updateComplete;
    element.map!.jumpTo({ center: [112.6035, 26.9], zoom: 11 });
    expect(await counts(element)).toEqual(['2']);
  });
});
