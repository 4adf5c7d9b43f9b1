// FeaturePointer alone, on a stand-in map: a click reports the topmost clickable feature under the
// pointer (buildings before plots before parks, whatever order MapLibre lists them in), passing
// over what the filters hide; the cursor shows when there is one.
import { describe, expect, it } from 'vitest';
import { FeaturePointer } from '../../src/map/feature-pointer.js';
import { fakeContext, type FakeHit } from './fake-map.js';

const hit = (layer: string, id: unknown): FakeHit => ({
  layer: { id: layer },
  properties: { pmId: id },
});
const point = { point: { x: 10, y: 20 } };

function setUp(hidden: ReadonlySet<string> = new Set()) {
  const fake = fakeContext();
  // The clickable layers are there once the style has loaded.
  fake.map.addLayer({ id: 'park-map-project-point' });
  const clicks: (string | null)[] = [];
  const pointer = new FeaturePointer(
    fake.context,
    (id) => hidden.has(id),
    (id) => clicks.push(id),
  );
  pointer.onAdd(fake.map.asMap);
  return { ...fake, pointer, clicks };
}

describe('FeaturePointer', () => {
  it('a click reports the smallest thing under the pointer: a building before its plot and park', () => {
    const { map, clicks } = setUp();
    map.rendered = [
      hit('park-map-park-fill', 'park'),
      hit('park-map-plot-fill', 'plot'),
      hit('park-map-building-fill', 'b1'),
      hit('park-map-zone-fill', 'zone'),
    ];
    map.fire('click', point);
    map.rendered = [hit('park-map-zone-fill', 'zone'), hit('park-map-park-fill', 'park')];
    map.fire('click', point);
    expect(clicks).toEqual(['b1', 'park']);
  });

  it('a click on empty map (or on layers that are not clickable) reports null', () => {
    const { map, clicks } = setUp();
    map.fire('click', point);
    map.rendered = [hit('park-map-selection-line', 'park'), hit('basemap-roads', 'road')];
    map.fire('click', point);
    expect(clicks).toEqual([null, null]);
  });

  it('passes over what the filters hide, and over hits without a string id', () => {
    const { map, clicks } = setUp(new Set(['b1']));
    map.rendered = [
      hit('park-map-building-fill', 'b1'),
      hit('park-map-plot-fill', 7),
      hit('park-map-park-fill', 'park'),
    ];
    map.fire('click', point);
    expect(clicks).toEqual(['park']);
  });

  it('reads the id from the map’s id property (vector tiles: `id`)', () => {
    const fake = fakeContext({ tiled: true });
    fake.map.addLayer({ id: 'park-map-project-point' });
    const clicks: (string | null)[] = [];
    new FeaturePointer(
      fake.context,
      () => false,
      (id) => clicks.push(id),
    ).onAdd(fake.map.asMap);
    fake.map.rendered = [
      { layer: { id: 'park-map-park-fill' }, properties: { pmId: 'not-this', id: 't-park' } },
    ];
    fake.map.fire('click', point);
    expect(clicks).toEqual(['t-park']);
  });

  it('before the layers are there, every click is on empty map', () => {
    const fake = fakeContext();
    const clicks: (string | null)[] = [];
    new FeaturePointer(
      fake.context,
      () => false,
      (id) => clicks.push(id),
    ).onAdd(fake.map.asMap);
    fake.map.rendered = [hit('park-map-park-fill', 'park')];
    fake.map.fire('click', point);
    expect(clicks).toEqual([null]);
  });

  it('shows the pointer cursor over a feature that is seen, the default one elsewhere', () => {
    const { map } = setUp(new Set(['hidden']));
    map.rendered = [hit('park-map-park-fill', 'park')];
    map.fire('mousemove', point);
    expect(map.canvas.style.cursor).toBe('pointer');
    map.rendered = [hit('park-map-park-fill', 'hidden')];
    map.fire('mousemove', point);
    expect(map.canvas.style.cursor).toBe('');
  });

  it('once removed, reports no clicks and leaves the cursor alone', () => {
    const { map, pointer, clicks } = setUp();
    pointer.onRemove(map.asMap);
    map.canvas.style.cursor = 'grab';
    map.rendered = [hit('park-map-park-fill', 'park')];
    map.fire('click', point);
    map.fire('mousemove', point);
    expect(clicks).toEqual([]);
    expect(map.canvas.style.cursor).toBe('grab');
    expect(map.listenerCount('click')).toBe(0);
    expect(map.listenerCount('mousemove')).toBe(0);
  });
});
