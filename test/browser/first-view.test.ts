// The first view, in real Chromium: unset, the zone holding the most features is framed (not two
// zones 80 km apart as specks at the edges); `fit` names zones or parks, or `all`; an id no
// feature has is a warning and the rest still frames; the open legend is kept clear of.
import { describe, expect, it } from 'vitest';
import type { ParkMap } from '../../src/park-map.js';
import { collect, mount, shadow, useCleanPage } from './helpers.js';
import { TWO_ZONES } from '../fixtures/two-zones.js';

useCleanPage({ sameOrigin: true });

const data = TWO_ZONES;

/** The view (west, south, east, north). */
function view(element: ParkMap): [number, number, number, number] {
  const bounds = element.map!.getBounds();
  return [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()];
}

describe('the first view', () => {
  it('unset: frames the zone with the most features, the other out of view', async () => {
    const { element } = await mount({}, (el) => (el.data = data));
    const [west, , east] = view(element);
    expect(west).toBeLessThan(112.5);
    expect(east).toBeGreaterThan(112.6);
    expect(east).toBeLessThan(113.3);
    // Zoomed in on it, not on the 0.9° both span.
    expect(element.map!.getZoom()).toBeGreaterThan(10);
  });

  it('fit names a zone; fit="all" frames both', async () => {
    const named = await mount({ fit: 'east' }, (el) => (el.data = data));
    const [west, , east] = view(named.element);
    expect(west).toBeGreaterThan(112.6);
    expect(west).toBeLessThan(113.3);
    expect(east).toBeGreaterThan(113.4);
    named.element.remove();
    const all = await mount({ fit: 'all' }, (el) => (el.data = data));
    const [allWest, , allEast] = view(all.element);
    expect(allWest).toBeLessThan(112.5);
    expect(allEast).toBeGreaterThan(113.4);
  });

  it('an id no feature has: a warning naming it, the zone with the most features framed', async () => {
    let warnings: ReturnType<typeof collect<'park-map-error'>> = [];
    const { element: mounted } = await mount({ fit: 'nowhere' }, (el) => {
      el.data = data;
      warnings = collect(el, 'park-map-error');
    });
    const found = warnings.filter((event) => event.detail.code === 'fit-unknown-id');
    expect(found).toHaveLength(1);
    expect(found[0]!.detail.severity).toBe('warning');
    expect(found[0]!.detail.message).toContain('“nowhere”');
    expect(view(mounted)[2]).toBeLessThan(113.3);
  });

  it('keeps the framed zone clear of the open legend', async () => {
    const { element } = await mount({ fit: 'west' }, (el) => (el.data = data));
    const legend = shadow(element).querySelector('.legend')!.getBoundingClientRect();
    const canvas = element.map!.getCanvas().getBoundingClientRect();
    expect(legend.width).toBeGreaterThan(50);
    // The zone's east edge is left of the legend.
    const { x } = element.map!.project([112.6, 26.95]);
    expect(canvas.left + x).toBeLessThan(legend.left);
  });
});
