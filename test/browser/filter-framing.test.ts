// Filters that show their result, in real Chromium: the map eases to frame what passes (two zones
// 80 km apart, one chosen), not when the reader has moved the map and some of it is in view, and
// again when none of it is; the legend counts what passes. Real clicks and a real drag.
import { describe, expect, it } from 'vitest';
import { commands, userEvent } from 'vitest/browser';
import type { ParkMap } from '../../src/park-map.js';
import { canvasOf, mount, shadow, useCleanPage } from './helpers.js';
import { TWO_ZONES } from '../fixtures/two-zones.js';

useCleanPage({ sameOrigin: true });

const data = TWO_ZONES;

async function openFilters(element: ParkMap) {
  const details = shadow(element).querySelector<HTMLDetailsElement>('.filters')!;
  if (!details.open) await userEvent.click(details.querySelector('summary')!);
}

async function choose(element: ParkMap, facet: string, value: string) {
  const input = shadow(element).querySelector<HTMLInputElement>(
    `.facet[data-facet="${facet}"] .choice[data-value="${value}"] input`,
  );
  if (!input) throw new Error(`no choice ${facet}=${value}`);
  input.scrollIntoView({ block: 'center' });
  await userEvent.click(input);
}

/** Resolves once the map has moved and stopped (a `moveend` after the action). */
function nextMoveEnd(element: ParkMap): Promise<void> {
  return new Promise((resolve) => element.map!.once('moveend', () => resolve()));
}

/** The view (west, south, east, north). */
function view(element: ParkMap): [number, number, number, number] {
  const bounds = element.map!.getBounds();
  return [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()];
}

function legendCounts(element: ParkMap): Record<string, string> {
  return Object.fromEntries(
    [...shadow(element).querySelectorAll<HTMLElement>('.legend li[data-status]')].map((item) => [
      item.dataset.status!,
      item.querySelector('.count')!.textContent!.trim(),
    ]),
  );
}

describe('filters that show their result', () => {
  it('frames what passes, keeps a view the reader moved while some of it is in view', async () => {
    // `fit="all"`: both zones in view at first (unset, the first view is the west zone alone).
    const { element } = await mount({ fit: 'all' }, (el) => (el.data = data), true);
    const all = view(element);
    expect(all[0]).toBeLessThan(112.5);
    expect(all[2]).toBeGreaterThan(113.4);
    expect(legendCounts(element)).toEqual({ under_construction: '1', operating: '2' });

    await openFilters(element);
    let moved = nextMoveEnd(element);
    await choose(element, 'zone', 'east');
    await moved;
    const east = view(element);
    // The east zone framed: the west one out of view, the map zoomed in.
    expect(east[0]).toBeGreaterThan(112.6);
    expect(east[0]).toBeLessThanOrEqual(113.3);
    expect(east[2]).toBeGreaterThanOrEqual(113.4);
    expect(element.map!.getZoom()).toBeGreaterThan(9);
    // The legend counts what passes, of all.
    expect(legendCounts(element)).toEqual({ under_construction: '1/1', operating: '0/2' });
    expect(
      shadow(element)
        .querySelector('.legend li[data-status="operating"]')!
        .hasAttribute('data-none'),
    ).toBe(true);

    // The reader drags the map a little: the zone stays in view.
    const width = canvasOf(element).clientWidth;
    moved = nextMoveEnd(element);
    await commands.dragOnCanvas({ x: 300, y: 250 }, { x: 340, y: 270 }, width);
    await moved;
    const dragged = view(element);
    // Clearing the filter: everything passes, some of it is in view: the reader's view stays.
    await userEvent.click(shadow(element).querySelector<HTMLButtonElement>('.clear-filters')!);
    await element.updateComplete;
    expect(element.map!.isMoving()).toBe(false);
    expect(view(element)).toEqual(dragged);
    expect(legendCounts(element)).toEqual({ under_construction: '1', operating: '2' });

    // Now the west zone alone: none of it is in view, so it is framed whoever moved the map.
    moved = nextMoveEnd(element);
    await choose(element, 'zone', 'west');
    await moved;
    const west = view(element);
    expect(west[2]).toBeLessThan(113.3);
    expect(west[0]).toBeLessThanOrEqual(112.5);
  });

  it('in English the legend says how many pass of all', async () => {
    const { element } = await mount({ lang: 'en' }, (el) => (el.data = data), true);
    await openFilters(element);
    await choose(element, 'status', 'operating');
    await element.updateComplete;
    expect(legendCounts(element)).toEqual({ under_construction: '0 of 1', operating: '2 of 2' });
  });
});
