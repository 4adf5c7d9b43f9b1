// The keyboard paths in real Chromium, real key presses: the list is one tab stop with the WAI-ARIA
// tree view's keys inside, and the map's features can be reached and opened from the keyboard.
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { ParkMap } from '../../src/park-map.js';
import { SEED_URL, mount, shadow, squarePolygon, useCleanPage } from './helpers.js';

useCleanPage();

/** A zone, two parks, three buildings: the list shows them all open (small data). */
function smallTree() {
  const feature = (
    id: string,
    kind: string,
    name: string,
    parent: string | undefined,
    x: number,
  ) => ({
    type: 'Feature' as const,
    id,
    geometry: squarePolygon(112.6 + x * 0.004, 26.9, kind === 'building' ? 0.001 : 0.01),
    properties: { kind, name, ...(parent ? { parent } : {}) },
  });
  return {
    type: 'FeatureCollection',
    features: [
      feature('z', 'zone', 'Zone', undefined, 0),
      feature('pa', 'park', 'Park A', 'z', 0),
      feature('a1', 'building', 'Apple Hall', 'pa', 0),
      feature('a2', 'building', 'Birch Hall', 'pa', 1),
      feature('pb', 'park', 'Park B', 'z', 3),
      feature('b1', 'building', 'Cedar Hall', 'pb', 3),
    ],
  };
}

/** Presses Tab (or Shift+Tab) until `reached()` holds; fails after 100 presses. */
async function tabUntil(reached: () => boolean, what: string, backwards = false): Promise<number> {
  for (let presses = 0; presses < 100; presses++) {
    if (reached()) return presses;
    await userEvent.keyboard(backwards ? '{Shift>}{Tab}{/Shift}' : '{Tab}');
  }
  throw new Error(`${what} was never reached in 100 presses`);
}

function activeIn(element: ParkMap): HTMLElement | null {
  return shadow(element).activeElement as HTMLElement | null;
}

/** From a button before the element, Tab until a row of its list has the focus. */
async function tabIntoList(element: ParkMap): Promise<void> {
  const before = document.createElement('button');
  document.body.prepend(before);
  before.focus();
  await tabUntil(() => activeIn(element)?.getAttribute('role') === 'treeitem', 'a list row');
}

/** The ids of the list's rows that are in the tab sequence. */
function tabStops(element: ParkMap): string[] {
  return [...shadow(element).querySelectorAll<HTMLElement>('[role="treeitem"][tabindex="0"]')].map(
    (row) => row.dataset.id ?? 'more',
  );
}

describe('the list is a tree view', () => {
  it('is one tab stop: Tab from before the element to after it stops on one row', async () => {
    const before = document.createElement('button');
    before.textContent = 'before';
    const after = document.createElement('button');
    after.textContent = 'after';
    document.body.append(before);
    const { element } = await mount({ src: SEED_URL }, undefined, true);
    document.body.append(after);
    await element.updateComplete;
    before.focus();
    const rows = shadow(element).querySelectorAll('[role="treeitem"]').length;
    expect(rows).toBeGreaterThan(100);
    let rowStops = 0;
    let presses = 0;
    while (document.activeElement !== after && presses < 200) {
      await userEvent.keyboard('{Tab}');
      presses += 1;
      if (activeIn(element)?.getAttribute('role') === 'treeitem') rowStops += 1;
    }
    expect(document.activeElement).toBe(after);
    expect(rowStops).toBe(1);
    // Search, filters, sort, one row, exports, toolbar, legend, map…: a few dozen at most, not 150.
    expect(presses).toBeLessThan(40);
  });

  it('arrow keys, Home, End and a first letter move the row with focus; Left/Right close and open', async () => {
    const { element } = await mount({ lang: 'en' }, (el) => (el.data = smallTree()), true);
    await element.updateComplete;
    await tabIntoList(element);
    const at = () => activeIn(element)?.dataset.id;
    const press = async (key: string) => {
      await userEvent.keyboard(key);
      await element.updateComplete;
    };
    const row = (id: string) =>
      shadow(element).querySelector<HTMLElement>(`.item[data-id="${id}"] > .row`)!;
    expect(at()).toBe('z');
    expect(row('z').getAttribute('aria-level')).toBe('1');
    expect(row('pa').getAttribute('aria-level')).toBe('2');
    expect(row('a1').getAttribute('aria-level')).toBe('3');
    expect(row('a1').hasAttribute('aria-expanded')).toBe(false);
    await press('{ArrowDown}');
    expect(at()).toBe('pa');
    expect(tabStops(element)).toEqual(['pa']);
    await press('{ArrowDown}');
    expect(at()).toBe('a1');
    await press('{ArrowUp}');
    expect(at()).toBe('pa');
    // Left on an open row closes it; Down then skips its children.
    expect(row('pa').getAttribute('aria-expanded')).toBe('true');
    await press('{ArrowLeft}');
    expect(row('pa').getAttribute('aria-expanded')).toBe('false');
    expect(shadow(element).querySelector('[role="treeitem"][data-id="a1"]')).toBeNull();
    expect(at()).toBe('pa');
    await press('{ArrowDown}');
    expect(at()).toBe('pb');
    await press('{ArrowUp}');
    // Right opens a closed row, then goes to its first child; Left on a leaf goes to its parent.
    await press('{ArrowRight}');
    expect(row('pa').getAttribute('aria-expanded')).toBe('true');
    expect(at()).toBe('pa');
    await press('{ArrowRight}');
    expect(at()).toBe('a1');
    await press('{ArrowLeft}');
    expect(at()).toBe('pa');
    await press('{End}');
    expect(at()).toBe('b1');
    await press('{Home}');
    expect(at()).toBe('z');
    await press('c');
    expect(at()).toBe('b1');
    await press('p');
    expect(at()).toBe('pa'); // from the last row, on from the top
    expect(tabStops(element)).toEqual(['pa']);
    expect(document.activeElement).toBe(element);
  });

  it('Enter selects the row with focus and opens its details; Escape gives focus back to it', async () => {
    const { element } = await mount({ lang: 'en' }, (el) => (el.data = smallTree()), true);
    await element.updateComplete;
    await tabIntoList(element);
    await userEvent.keyboard('{End}');
    await userEvent.keyboard('{Enter}');
    await element.updateComplete;
    await element.updateComplete;
    expect(element.selected).toBe('b1');
    const row = shadow(element).querySelector<HTMLElement>('[role="treeitem"][data-id="b1"]')!;
    expect(row.getAttribute('aria-selected')).toBe('true');
    expect(shadow(element).querySelectorAll('[aria-selected="true"]')).toHaveLength(1);
    expect(activeIn(element)?.id).toBe('park-map-details-title');
    expect(activeIn(element)?.textContent?.trim()).toBe('Cedar Hall');
    await userEvent.keyboard('{Escape}');
    await element.updateComplete;
    expect(element.selected).toBeNull();
    expect(activeIn(element)).toBe(row);
  });

  it('"show more" is a row too: Enter shows the next rows and focus goes to the first of them', async () => {
    const features = [
      {
        type: 'Feature',
        id: 'z',
        geometry: squarePolygon(112.6, 26.9, 0.05),
        properties: { kind: 'zone', name: 'Zone' },
      },
      ...Array.from({ length: 120 }, (_, i) => ({
        type: 'Feature',
        id: `b-${String(i).padStart(3, '0')}`,
        geometry: squarePolygon(
          112.6 + (i % 20) * 0.001,
          26.9 + Math.floor(i / 20) * 0.001,
          0.0005,
        ),
        properties: { kind: 'building', parent: 'z', name: `B${String(i).padStart(3, '0')}` },
      })),
    ];
    const { element } = await mount(
      { lang: 'en' },
      (el) => (el.data = { type: 'FeatureCollection', features }),
      true,
    );
    await element.updateComplete;
    await tabIntoList(element);
    await userEvent.keyboard('{End}');
    expect(activeIn(element)?.classList.contains('more')).toBe(true);
    await userEvent.keyboard('{Enter}');
    await element.updateComplete;
    expect(activeIn(element)?.dataset.id).toBe('b-100');
    expect(shadow(element).querySelector('.more')).toBeNull();
  });

  it('the tab stop follows a selection made elsewhere', async () => {
    const { element } = await mount({ lang: 'en' }, (el) => (el.data = smallTree()), true);
    element.select('a2');
    await element.updateComplete;
    expect(tabStops(element)).toEqual(['a2']);
    await tabIntoList(element);
    expect(activeIn(element)?.dataset.id).toBe('a2');
  });
});

describe('the map by keyboard', () => {
  /** The ids outlined by the hover line, once the map has drawn. */
  async function outlined(element: ParkMap): Promise<string[]> {
    const map = element.map!;
    await new Promise((resolve) => {
      map.once('idle', resolve);
      map.triggerRepaint();
    });
    const hits = map.queryRenderedFeatures({ layers: ['park-map-hover-line'] });
    return [...new Set(hits.map((hit) => hit.properties.pmId as string))];
  }

  const status = (element: ParkMap) =>
    shadow(element).querySelector('.map [role="status"]')?.textContent?.trim();

  it('] and [ move a focus between the features in view, outlined and announced; Enter opens one, Escape drops it', async () => {
    const { element } = await mount({ lang: 'en' }, (el) => (el.data = smallTree()), true);
    await element.updateComplete;
    const canvas = shadow(element).querySelector('canvas.maplibregl-canvas')!;
    const before = document.createElement('button');
    document.body.prepend(before);
    before.focus();
    await tabUntil(() => activeIn(element) === canvas, 'the map canvas');
    const byId = new Map(element.features.map((feature) => [feature.id, feature]));
    const visited: string[] = [];
    for (let press = 0; press < 6; press++) {
      await userEvent.keyboard(']');
      await element.updateComplete;
      const [id, ...more] = await outlined(element);
      expect(more).toEqual([]);
      visited.push(id!);
      expect(status(element)).toContain(byId.get(id!)!.properties.name);
      expect(status(element)).toContain(`(${press + 1} of 6 in view)`);
    }
    // Every feature in view once, then round again; [ goes back.
    expect(new Set(visited).size).toBe(6);
    await userEvent.keyboard(']');
    expect(await outlined(element)).toEqual([visited[0]]);
    await userEvent.keyboard('[['); // '[[' is a literal [ in userEvent's syntax
    await userEvent.keyboard('[['); // '[[' is a literal [ in userEvent's syntax
    expect(await outlined(element)).toEqual([visited[4]]);
    expect(activeIn(element)).toBe(canvas);
    await userEvent.keyboard('{Enter}');
    await element.updateComplete;
    await element.updateComplete;
    expect(element.selected).toBe(visited[4]);
    expect(shadow(element).querySelector('.details')).not.toBeNull();
    // Escape drops the keyboard focus first (the outline goes), then closes the details.
    await userEvent.keyboard('{Escape}');
    expect(await outlined(element)).toEqual([]);
    expect(element.selected).toBe(visited[4]);
    await userEvent.keyboard('{Escape}');
    await element.updateComplete;
    expect(element.selected).toBeNull();
  });

  it('Tab reaches the toolbar before the legend', async () => {
    const { element } = await mount({ src: SEED_URL }, undefined, true);
    await element.updateComplete;
    const before = document.createElement('button');
    document.body.prepend(before);
    before.focus();
    const reached: string[] = [];
    for (let press = 0; press < 60 && !reached.includes('legend'); press++) {
      await userEvent.keyboard('{Tab}');
      const active = activeIn(element);
      if (active?.closest('.toolbar') && !reached.includes('toolbar')) reached.push('toolbar');
      if (active?.closest('.legend') && !reached.includes('legend')) reached.push('legend');
    }
    expect(reached).toEqual(['toolbar', 'legend']);
  });
});
