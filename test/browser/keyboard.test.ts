// The keyboard paths in real Chromium, real key presses: the list is one tab stop with the WAI-ARIA
// tree view's keys inside, and the map's features can be reached and opened from the keyboard.
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { MAP_KEYBOARD_TEXT } from '../../src/i18n/map-keyboard.js';
import type { ParkMap } from '../../src/park-map.js';
import {
  SEED_URL,
  mount,
  pixelOnNextFrame,
  shadow,
  squarePolygon,
  useCleanPage,
  type Rgba,
} from './helpers.js';

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

  /**
   * Four buildings as a cross and a project point below: North over Centre, West and East beside
   * it (0.004° away), the point South 0.0045° below Centre (beyond East's ±45° from it, within
   * West's downward cone).
   */
  function compass() {
    const building = (id: string, name: string, west: number, south: number) => ({
      type: 'Feature' as const,
      id,
      geometry: squarePolygon(west, south, 0.001),
      properties: { kind: 'building', name },
    });
    return {
      type: 'FeatureCollection',
      features: [
        building('n', 'North Hall', 112.6, 26.903),
        building('w', 'West Hall', 112.596, 26.9),
        building('c', 'Centre Hall', 112.6, 26.9),
        building('e', 'East Hall', 112.604, 26.9),
        {
          type: 'Feature' as const,
          id: 's',
          geometry: { type: 'Point' as const, coordinates: [112.6005, 26.896] },
          properties: { kind: 'project', name: 'South Gate' },
        },
      ],
    };
  }

  /** The map's canvas, focused by Tab presses from a button before the element. */
  async function tabToCanvas(element: ParkMap): Promise<HTMLCanvasElement> {
    const canvas = shadow(element).querySelector<HTMLCanvasElement>('canvas.maplibregl-canvas')!;
    const before = document.createElement('button');
    document.body.prepend(before);
    before.focus();
    await tabUntil(() => activeIn(element) === canvas, 'the map canvas');
    return canvas;
  }

  /** Ids drawn on a layer, once the map has drawn (the point ring has a layer of its own). */
  async function drawnOn(element: ParkMap, layer: string): Promise<string[]> {
    const map = element.map!;
    await new Promise((resolve) => {
      map.once('idle', resolve);
      map.triggerRepaint();
    });
    const hits = map.queryRenderedFeatures({ layers: [layer] });
    return [...new Set(hits.map((hit) => hit.properties.pmId as string))];
  }

  it('with a feature focused, the arrows move the focus to the nearest feature that way, and the map stays', async () => {
    const { element } = await mount({ lang: 'en' }, (el) => (el.data = compass()), true);
    await element.updateComplete;
    const map = element.map!;
    await tabToCanvas(element);
    await userEvent.keyboard(']');
    expect(await outlined(element)).toEqual(['n']);
    const centre = map.getCenter().toArray();
    const zoom = map.getZoom();
    const press = async (key: string, expected: string, says: string) => {
      await userEvent.keyboard(key);
      // MapLibre would have begun its 300 ms pan in this very keydown: nothing moves.
      expect(map.isMoving()).toBe(false);
      const drawn = [
        ...(await drawnOn(element, 'park-map-hover-line')),
        ...(await drawnOn(element, 'park-map-hover-point')),
      ];
      expect(drawn, key).toEqual([expected]);
      expect(status(element), key).toBe(says);
      expect(map.getCenter().toArray()).toEqual(centre);
      expect(map.getZoom()).toBe(zoom);
    };
    await press('{ArrowDown}', 'c', 'Centre Hall, Building');
    await press('{ArrowRight}', 'e', 'East Hall, Building');
    // Nothing to the right of East: the focus stays, and the live region says so.
    await press('{ArrowRight}', 'e', 'No feature to the right');
    await press('{ArrowLeft}', 'c', 'Centre Hall, Building'); // the nearer of Centre and West
    await press('{ArrowLeft}', 'w', 'West Hall, Building');
    await press('{ArrowDown}', 's', 'South Gate, Project'); // the point, down and to the right
    await press('{ArrowRight}', 's', 'No feature to the right'); // East is beyond 45° from it
    await press('{ArrowUp}', 'c', 'Centre Hall, Building'); // Centre before North, straight up
    await press('{ArrowUp}', 'n', 'North Hall, Building');
    await press('{ArrowUp}', 'n', 'No feature above');
    // Enter opens the focused one, as after ] and [.
    await userEvent.keyboard('{Enter}');
    await element.updateComplete;
    expect(element.selected).toBe('n');
  });

  it('Escape gives the arrows back to the map: ArrowRight pans again', async () => {
    const { element } = await mount({ lang: 'en' }, (el) => (el.data = compass()), true);
    await element.updateComplete;
    const map = element.map!;
    await tabToCanvas(element);
    await userEvent.keyboard(']');
    await userEvent.keyboard('{ArrowDown}');
    expect(await outlined(element)).toEqual(['c']);
    await userEvent.keyboard('{Escape}');
    expect(await outlined(element)).toEqual([]);
    const [lng, lat] = map.getCenter().toArray();
    const moved = new Promise((resolve) => map.once('moveend', resolve));
    await userEvent.keyboard('{ArrowRight}');
    await moved;
    // MapLibre's pan: the view goes east, nothing is focused or outlined.
    expect(map.getCenter().lng).toBeGreaterThan(lng);
    expect(map.getCenter().lat).toBeCloseTo(lat, 9);
    expect(await outlined(element)).toEqual([]);
  });

  it('an arrow to a feature out of view eases the map to it', async () => {
    const { element } = await mount({ lang: 'zh-CN' }, (el) => (el.data = compass()), true);
    await element.updateComplete;
    const map = element.map!;
    // So close to Centre Hall that its neighbours are out of view.
    await new Promise((resolve) => {
      map.once('idle', resolve);
      map.jumpTo({ center: [112.6005, 26.9005], zoom: 19 });
    });
    await tabToCanvas(element);
    await userEvent.keyboard(']');
    expect(status(element)).toBe('Centre Hall, 楼栋（视野内第 1 个，共 1 个）');
    const east = map.project([112.6045, 26.9005]);
    expect(east.x).toBeGreaterThan(map.getCanvas().clientWidth);
    const moved = new Promise((resolve) => map.once('moveend', resolve));
    await userEvent.keyboard('{ArrowRight}');
    await moved;
    expect(status(element)).toBe('East Hall, 楼栋');
    const now = map.project([112.6045, 26.9005]);
    expect(Math.abs(now.x - map.getCanvas().clientWidth / 2)).toBeLessThan(2);
    expect(Math.abs(now.y - map.getCanvas().clientHeight / 2)).toBeLessThan(2);
    expect(map.getZoom()).toBeCloseTo(19, 6);
    expect(await outlined(element)).toEqual(['e']);
    // Its name beside it, once the map is there.
    const tooltip = shadow(element).querySelector<HTMLElement>('.park-map-tooltip')!;
    expect(tooltip.style.display).toBe('block');
    expect(tooltip.textContent).toBe('East Hall');
  });

  it('the same message twice is announced twice: the live region changes each time', async () => {
    const { element } = await mount({ lang: 'zh-CN' }, (el) => (el.data = compass()), true);
    await element.updateComplete;
    await tabToCanvas(element);
    await userEvent.keyboard(']');
    await userEvent.keyboard('{ArrowUp}'); // North is topmost: nothing above it
    const region = shadow(element).querySelector('.map [role="status"]')!;
    const first = region.textContent;
    expect(first?.trim()).toBe('向上没有要素');
    const changes: MutationRecord[] = [];
    const observer = new MutationObserver((records) => changes.push(...records));
    observer.observe(region, { childList: true, characterData: true, subtree: true });
    const texts: string[] = [];
    for (let press = 0; press < 3; press++) {
      const before = changes.length;
      await userEvent.keyboard('{ArrowUp}');
      await new Promise((resolve) => requestAnimationFrame(resolve)); // records are delivered
      expect(changes.length).toBeGreaterThan(before);
      texts.push(region.textContent!);
    }
    observer.disconnect();
    // Each the same words, each different from the one before it.
    expect(texts.map((text) => text.trim())).toEqual([
      '向上没有要素',
      '向上没有要素',
      '向上没有要素',
    ]);
    expect(texts[0]).not.toBe(first);
    expect(texts[1]).not.toBe(texts[0]);
    expect(texts[2]).not.toBe(texts[1]);
  });

  it('the canvas is described by the keyboard hint, in the element’s language', async () => {
    const { element } = await mount({ lang: 'zh-CN' }, (el) => (el.data = compass()), true);
    await element.updateComplete;
    const canvas = shadow(element).querySelector('canvas.maplibregl-canvas')!;
    const hint = () => {
      const ids = canvas.getAttribute('aria-describedby')?.split(/\s+/) ?? [];
      return ids.map((id) => shadow(element).getElementById(id)?.textContent).join(' ');
    };
    expect(hint()).toBe('按 ] 或 [ 逐个选中要素，方向键移到相邻要素，回车打开详情，Esc 退出');
    element.lang = 'en';
    await element.updateComplete;
    expect(hint()).toBe(MAP_KEYBOARD_TEXT.en.hint);
    expect(hint()).toContain('arrow keys');
    // Hidden from sight, not from screen readers.
    const described = shadow(element).getElementById(canvas.getAttribute('aria-describedby')!)!;
    expect(described.classList.contains('visually-hidden')).toBe(true);
    expect(getComputedStyle(described).display).not.toBe('none');
  });

  it('a point with the keyboard focus gets a ring, drawn round it', async () => {
    const { element } = await mount({ lang: 'en' }, (el) => (el.data = compass()), true);
    await element.updateComplete;
    const map = element.map!;
    await tabToCanvas(element);
    const point = map.project([112.6005, 26.896]);
    // Beyond the point's own circle (7 px and its 1.5 px edge), in the ring (radius 11, 3 px wide).
    const onRing = { x: point.x + 12, y: point.y };
    const before = await pixelOnNextFrame(element, onRing);
    expect(await drawnOn(element, 'park-map-hover-point')).toEqual([]);
    for (let press = 0; press < 5 && !status(element)?.startsWith('South Gate'); press++) {
      await userEvent.keyboard(']');
    }
    expect(status(element)).toBe('South Gate, Project (5 of 5 in view)');
    expect(await drawnOn(element, 'park-map-hover-point')).toEqual(['s']);
    expect(await drawnOn(element, 'park-map-hover-line')).toEqual([]);
    const after = await pixelOnNextFrame(element, onRing);
    const hover: Rgba = [0x15, 0x65, 0xc0, 255]; // the theme's hover colour, #1565c0
    const distance = (a: Rgba, b: Rgba) =>
      Math.max(...a.map((value, i) => Math.abs(value - b[i]!)));
    expect(distance(after, hover)).toBeLessThan(40);
    expect(distance(before, hover)).toBeGreaterThan(80);
    // Escape: the ring goes.
    await userEvent.keyboard('{Escape}');
    expect(await drawnOn(element, 'park-map-hover-point')).toEqual([]);
  });

  it('on the seed data, each arrow lands on a feature within 45° of it, or says there is none', async () => {
    const { element } = await mount({ src: SEED_URL, lang: 'en' });
    const map = element.map!;
    await tabToCanvas(element);
    /** Each feature's box centre, on screen now. */
    const centres = () => {
      const placed = new Map<string, { x: number; y: number }>();
      for (const feature of element.features) {
        const positions = JSON.stringify(feature.geometry.coordinates)
          .match(/-?\d+(\.\d+)?(e-?\d+)?/g)!
          .map(Number);
        const lons = positions.filter((_, i) => i % 2 === 0);
        const lats = positions.filter((_, i) => i % 2 === 1);
        placed.set(
          feature.id,
          map.project([
            (Math.min(...lons) + Math.max(...lons)) / 2,
            (Math.min(...lats) + Math.max(...lats)) / 2,
          ]),
        );
      }
      return placed;
    };
    const focused = async () => {
      const ids = [
        ...(await drawnOn(element, 'park-map-hover-line')),
        ...(await drawnOn(element, 'park-map-hover-point')),
      ];
      expect(ids).toHaveLength(1);
      return ids[0]!;
    };
    await userEvent.keyboard(']');
    let at = await focused();
    const keys = ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp'] as const;
    let moves = 0;
    let nones = 0;
    for (let press = 0; press < 16; press++) {
      const key = keys[Math.floor(press / 2) % 4]!;
      const before = centres();
      const centre = map.getCenter().toArray();
      const from = before.get(at)!;
      const eased = new Promise((resolve) => map.once('moveend', resolve));
      await userEvent.keyboard(`{${key}}`);
      if (map.isMoving()) await eased;
      const now = await focused();
      if (now === at) {
        expect(status(element)).toMatch(/^No feature (to the right|below|to the left|above)$/);
        nones += 1;
        continue;
      }
      moves += 1;
      const to = before.get(now)!;
      const along = {
        ArrowRight: to.x - from.x,
        ArrowLeft: from.x - to.x,
        ArrowDown: to.y - from.y,
        ArrowUp: from.y - to.y,
      }[key];
      const across =
        key === 'ArrowRight' || key === 'ArrowLeft'
          ? Math.abs(to.y - from.y)
          : Math.abs(to.x - from.x);
      expect(along, `${key} from ${at} to ${now}`).toBeGreaterThan(0);
      expect(across, `${key} from ${at} to ${now}`).toBeLessThanOrEqual(along + 1e-6);
      // The map moves only to bring one into view that was not.
      const { clientWidth, clientHeight } = map.getCanvas();
      const wasInView = to.x >= 0 && to.y >= 0 && to.x <= clientWidth && to.y <= clientHeight;
      if (wasInView) expect(map.getCenter().toArray()).toEqual(centre);
      else expect(map.getCenter().toArray()).not.toEqual(centre);
      at = now;
    }
    expect(moves).toBeGreaterThan(4);
    expect(moves + nones).toBe(16);
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
