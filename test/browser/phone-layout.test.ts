// The phone layout: on a narrow element (≤ 640 px of its own width) the list and the details panel
// sit in a bottom sheet that a real mouse drag on its handle moves between closed, half and full,
// and that the handle's keys step; the legend folds to its button. Wider, nothing of it shows.
import { describe, expect, it } from 'vitest';
import { commands, userEvent } from 'vitest/browser';
import type { ParkMap } from '../../src/park-map.js';
import { FULL_GAP } from '../../src/ui/late.styles.js';
import type { ParkMapSheet } from '../../src/ui/sheet.js';
import {
  MINI_URL,
  canvasOf,
  mount,
  nextEvent,
  projectedCentre,
  shadow,
  text,
  useCleanPage,
} from './helpers.js';

useCleanPage({ sameOrigin: true });

const WIDTH = 390;
const HEIGHT = 700;

/** A <park-map> of 390 × 700 px with its list, the seed-free test data drawn. */
async function mountPhone(width = WIDTH): Promise<ParkMap> {
  const { element } = await mount({ src: MINI_URL }, (created) => {
    created.removeAttribute('no-list');
    created.style.width = `${width}px`;
    created.style.setProperty('--park-map-height', `${HEIGHT}px`);
  });
  await element.updateComplete;
  const map = element.map!;
  await new Promise((resolve) => {
    map.once('idle', resolve);
    map.triggerRepaint();
  });
  await element.updateComplete;
  return element;
}

/** The element's sheet that is shown (the details' while they are open, else the list's). */
function shownSheet(element: ParkMap): ParkMapSheet {
  const sheets = [...shadow(element).querySelectorAll('park-map-sheet')];
  const shown = sheets.filter((sheet) => getComputedStyle(sheet).display !== 'none');
  expect(shown).toHaveLength(1);
  return shown[0]!;
}

function handleOf(sheet: ParkMapSheet): HTMLButtonElement {
  return sheet.shadowRoot!.querySelector<HTMLButtonElement>('.handle')!;
}

const heightOf = (node: Element) => Math.round(node.getBoundingClientRect().height);

/** The sheet's state, `aria-expanded` and height, as the page shows them. */
function read(sheet: ParkMapSheet) {
  return {
    state: sheet.getAttribute('state'),
    expanded: handleOf(sheet).getAttribute('aria-expanded'),
    height: heightOf(sheet),
  };
}

/** Resolves once the sheet's height has stopped changing (its transition ended, if any). */
async function settled(sheet: ParkMapSheet): Promise<void> {
  await sheet.updateComplete;
  const running = sheet.getAnimations();
  await Promise.all(running.map((animation) => animation.finished));
}

/** The handle's centre in the element's CSS pixels. */
function handleCentre(element: ParkMap, sheet: ParkMapSheet): { x: number; y: number } {
  const host = element.getBoundingClientRect();
  const box = handleOf(sheet).getBoundingClientRect();
  return { x: box.left - host.left + box.width / 2, y: box.top - host.top + box.height / 2 };
}

/** A real mouse drag of the handle by `dy` px (negative: up), checked mid-way to follow the mouse. */
async function dragHandle(element: ParkMap, sheet: ParkMapSheet, dy: number): Promise<number> {
  const from = handleCentre(element, sheet);
  const before = heightOf(sheet);
  await commands.mouseOnElement('move', from, WIDTH);
  await commands.mouseOnElement('down', from, WIDTH);
  await commands.mouseOnElement('move', { x: from.x, y: from.y + dy }, WIDTH, 8);
  const during = heightOf(sheet);
  await commands.mouseOnElement('up', { x: from.x, y: from.y + dy }, WIDTH);
  await settled(sheet);
  return during - before;
}

describe('the bottom sheet', () => {
  it('starts closed; a real drag on its handle follows the mouse and snaps to half, full, closed', async () => {
    const element = await mountPhone();
    const sheet = shownSheet(element);
    expect(sheet.querySelector('.explore')).not.toBeNull();
    expect(read(sheet)).toEqual({ state: 'closed', expanded: 'false', height: 44 });
    expect(handleOf(sheet).textContent!.trim()).toBe('列表');
    // The list is not shown while closed, and the map fills the element.
    expect(sheet.querySelector<HTMLElement>('.explore')!.checkVisibility()).toBe(false);
    expect(heightOf(canvasOf(element))).toBe(HEIGHT);

    // Up by 200 px: the sheet grows with the mouse, then snaps to the nearer height, half.
    expect(await dragHandle(element, sheet, -200)).toBeGreaterThan(190);
    expect(read(sheet)).toEqual({ state: 'half', expanded: 'true', height: HEIGHT / 2 });
    expect(sheet.querySelector<HTMLElement>('.explore')!.checkVisibility()).toBe(true);
    // Up by 250 more: full, the toolbar left above it.
    await dragHandle(element, sheet, -250);
    expect(read(sheet)).toEqual({ state: 'full', expanded: 'true', height: HEIGHT - FULL_GAP });
    // Down by 80: not far enough to leave full.
    await dragHandle(element, sheet, 80);
    expect(read(sheet).state).toBe('full');
    // Down most of the way: closed.
    await dragHandle(element, sheet, 520);
    expect(read(sheet)).toEqual({ state: 'closed', expanded: 'false', height: 44 });
  });

  it('the handle is a button: Enter and Space step it, the arrows step up and down, Escape closes', async () => {
    const element = await mountPhone();
    const sheet = shownSheet(element);
    const handle = handleOf(sheet);
    handle.focus();
    const states: (string | null)[] = [];
    for (const key of ['{Enter}', ' ', '{Enter}', '{ArrowUp}', '{ArrowUp}', '{ArrowDown}']) {
      await userEvent.keyboard(key);
      await settled(sheet);
      states.push(read(sheet).state);
    }
    expect(states).toEqual(['half', 'full', 'closed', 'half', 'full', 'half']);
    await userEvent.keyboard('{Escape}');
    await settled(sheet);
    expect(read(sheet)).toEqual({ state: 'closed', expanded: 'false', height: 44 });
    expect(shadow(element).activeElement).toBe(sheet);
    expect(sheet.shadowRoot!.activeElement).toBe(handle);
  });

  it('a click on a feature opens its details in the sheet at half, the map usable above it', async () => {
    const element = await mountPhone();
    const selected = nextEvent(element, 'park-map-select');
    await userEvent.click(canvasOf(element), {
      position: projectedCentre(element, 't-building-a'),
    });
    expect((await selected).detail.id).toBe('t-building-a');
    await element.updateComplete;
    const sheet = shownSheet(element);
    await settled(sheet);
    expect(sheet.querySelector('.details')).not.toBeNull();
    expect(read(sheet)).toEqual({ state: 'half', expanded: 'true', height: HEIGHT / 2 });
    expect(handleOf(sheet).textContent!.trim()).toBe('详情：测试1号楼');
    expect(text(sheet, '.details h2')).toBe('测试1号楼');
    // The title and the close button are in the sheet, clear of the toolbar.
    const toolbar = shadow(element).querySelector('.toolbar')!.getBoundingClientRect();
    const close = sheet.querySelector('.details .close')!.getBoundingClientRect();
    expect(close.top).toBeGreaterThan(toolbar.bottom);
    // Escape on the handle folds the sheet and keeps the selection.
    handleOf(sheet).focus();
    await userEvent.keyboard('{Escape}');
    await settled(sheet);
    expect(read(sheet).state).toBe('closed');
    expect(element.selected).toBe('t-building-a');
    // Another feature opened brings the sheet back to half.
    const next = nextEvent(element, 'park-map-select');
    await userEvent.click(canvasOf(element), {
      position: projectedCentre(element, 't-building-b'),
    });
    expect((await next).detail.id).toBe('t-building-b');
    await element.updateComplete;
    await settled(sheet);
    expect(read(sheet).state).toBe('half');
    element.lang = 'en';
    await element.updateComplete;
    await sheet.updateComplete;
    expect(handleOf(sheet).textContent!.trim()).toMatch(/^Details: /);
    expect(handleOf(sheet).title).toContain('Escape');
  });

  it('wider than 640 px there is no sheet: the list beside the map, the details over it', async () => {
    const element = await mountPhone(1000);
    const sheet = shadow(element).querySelector('park-map-sheet')!;
    expect(getComputedStyle(sheet).display).toBe('contents');
    expect(handleOf(sheet).checkVisibility()).toBe(false);
    const list = shadow(element).querySelector('.explore')!.getBoundingClientRect();
    expect(Math.round(list.width)).toBe(300);
    expect(Math.round(list.height)).toBe(HEIGHT);
    element.select('t-building-a');
    await element.updateComplete;
    const details = shadow(element).querySelector('.details')!.getBoundingClientRect();
    const stage = shadow(element).querySelector('.stage')!.getBoundingClientRect();
    expect([details.top - stage.top, details.left - stage.left]).toEqual([10, 10]);
  });
});

describe('the legend', () => {
  it('folds to its button on a narrow element and opens clear of the toolbar and the handle', async () => {
    const element = await mountPhone();
    const toggle = shadow(element).querySelector<HTMLButtonElement>('.legend-toggle')!;
    const body = shadow(element).querySelector<HTMLElement>('.legend-body')!;
    expect(toggle.textContent!.trim()).toBe('图例');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(body.checkVisibility()).toBe(false);
    await userEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(body.checkVisibility()).toBe(true);
    const box = body.getBoundingClientRect();
    const toolbar = shadow(element).querySelector('.toolbar')!.getBoundingClientRect();
    const zoom = shadow(element).querySelector('.maplibregl-ctrl-group')!.getBoundingClientRect();
    const handle = handleOf(shownSheet(element)).getBoundingClientRect();
    expect(box.top).toBeGreaterThan(Math.max(toolbar.bottom, zoom.bottom));
    expect(box.bottom).toBeLessThan(handle.top);
    expect(box.height).toBeLessThan(HEIGHT * 0.5);
    element.lang = 'en';
    await element.updateComplete;
    await shadow(element).querySelector('park-map-legend')!.updateComplete;
    expect(toggle.textContent!.trim()).toBe('Legend');
  });

  it('is open on a wide element', async () => {
    const element = await mountPhone(1000);
    const toggle = shadow(element).querySelector<HTMLButtonElement>('.legend-toggle')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(shadow(element).querySelector<HTMLElement>('.legend-body')!.checkVisibility()).toBe(
      true,
    );
  });
});
