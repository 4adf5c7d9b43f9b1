// <park-map> embedded the ways portals embed it, beyond what element.test.ts (a container shown
// once) and lifecycle-scale.test.ts (20 maps down a page) cover: inside an iframe, answering a real
// click there; in a tab hidden and shown again after the page changed size (with its map kept while
// something is being measured, and freed and made again when nothing is); three on one page, each
// with its own selection.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands, userEvent } from 'vitest/browser';
import type { ParkMap } from '../../src/park-map.js';
import {
  MINI_URL,
  canvasOf,
  collect,
  nextEvent,
  projectedCentre,
  renderedIds,
  shadow,
  text,
} from './helpers.js';
import { clickInFrame, openFrame, whenDrawn, type OpenedFrame } from './frames.js';

const ALL_MINI = ['t-building-a', 't-building-b', 't-park', 't-zone'];

let frames: OpenedFrame[] = [];

beforeEach(async () => {
  await commands.startPageLog();
});

afterEach(async () => {
  const log = await commands.takePageLog();
  const frameErrors = frames.flatMap((opened) => opened.errors);
  frames = [];
  document.body.replaceChildren();
  expect(log.consoleErrors).toEqual([]);
  expect(frameErrors).toEqual([]);
  const foreign = log.requests.filter((url) => new URL(url).origin !== location.origin);
  expect(foreign).toEqual([]);
});

/** Resolves with whether `element` intersects the viewport, as the next observation reports it. */
function nextIntersection(element: Element): Promise<boolean> {
  return new Promise((resolve) => {
    const observer = new IntersectionObserver((entries) => {
      observer.disconnect();
      resolve(entries[entries.length - 1]!.isIntersecting);
    });
    observer.observe(element);
  });
}

/** Resolves once the map has been resized to `width` × `height` CSS pixels. */
function resizedTo(element: ParkMap, width: number, height: number): Promise<void> {
  const map = element.map!;
  return new Promise((resolve) => {
    const onResize = () => {
      const canvas = map.getCanvas();
      if (canvas.clientWidth !== width || canvas.clientHeight !== height) return;
      map.off('resize', onResize);
      resolve();
    };
    map.on('resize', onResize);
  });
}

describe('in an iframe', () => {
  it('draws its features, and a real click inside the frame opens the details', async () => {
    const opened = await openFrame(
      {
        srcdoc: `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>嵌入</title>
<script type="module" src="/src/index.ts"></script></head>
<body><park-map src="${MINI_URL}" no-list></park-map></body></html>`,
      },
      { width: 720, height: 520 },
    );
    frames.push(opened);
    const { frame, doc } = opened;
    const element = doc.querySelector('park-map')!;
    element.style.width = '640px';
    element.style.setProperty('--park-map-height', '400px');
    await whenDrawn(element);
    // Its own realm: the frame defined <park-map> for itself.
    expect(opened.win.customElements.get('park-map')).toBe(element.constructor);
    expect(customElements.get('park-map')).not.toBe(element.constructor);
    expect(renderedIds(element)).toEqual(ALL_MINI);
    const canvas = canvasOf(element);
    expect([canvas.clientWidth, canvas.clientHeight]).toEqual([640, 400]);

    const selects = collect(element, 'park-map-select');
    const box = canvas.getBoundingClientRect();
    const target = projectedCentre(element, 't-building-a');
    await clickInFrame(frame, box.left + target.x, box.top + target.y);
    await element.updateComplete;
    expect(selects.map((event) => event.detail.id)).toEqual(['t-building-a']);
    expect(element.selected).toBe('t-building-a');
    expect(text(shadow(element), '.details h2')).toBe('测试1号楼');
  });
});

describe('in a tab that is hidden and shown again', () => {
  /** A tab panel as portals make them: `hidden` when not chosen; the map fills its width. */
  function tabPanel(width: number): { panel: HTMLElement; element: ParkMap } {
    const panel = document.createElement('div');
    panel.setAttribute('role', 'tabpanel');
    panel.style.width = `${width}px`;
    panel.hidden = true;
    const element = document.createElement('park-map');
    element.setAttribute('no-list', '');
    element.setAttribute('src', MINI_URL);
    element.style.setProperty('--park-map-height', '360px');
    panel.append(element);
    document.body.append(panel);
    return { panel, element };
  }

  it('while measuring it keeps its map; the page changed size meanwhile: the map takes the new size', async () => {
    const { panel, element } = tabPanel(700);
    const announced = nextEvent(element, 'park-map-load');
    await announced;
    panel.hidden = false;
    await whenDrawn(element);
    expect([canvasOf(element).clientWidth, canvasOf(element).clientHeight]).toEqual([700, 360]);
    await element.setTool('distance');
    const map = element.map!;

    panel.hidden = true;
    expect(await nextIntersection(element)).toBe(false);
    // The element's own observer reports in the same rendering step, before or after this one: give
    // it two more frames. Something is being measured: the map (and what is drawn on it) stays.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    expect(element.map).toBe(map);
    panel.style.width = '900px';
    const resized = resizedTo(element, 900, 360);
    panel.hidden = false;
    await resized;
    expect(element.map).toBe(map);
    expect(canvasOf(element).width).toBe(Math.round(900 * devicePixelRatio));
    await whenDrawn(element);
    expect(renderedIds(element)).toEqual(ALL_MINI);
  });

  it('with nothing drawn it frees its map while hidden, and makes it again at the new size with the selection and view kept', async () => {
    const { panel, element } = tabPanel(600);
    await nextEvent(element, 'park-map-load');
    panel.hidden = false;
    await whenDrawn(element);
    element.select('t-building-b');
    await element.updateComplete;
    const centre = element.map!.getCenter();
    const zoom = element.map!.getZoom();

    panel.hidden = true;
    expect(await nextIntersection(element)).toBe(false);
    // The element's own observer reports in the same rendering step, before or after this one.
    await expect.poll(() => element.map).toBeUndefined();
    panel.style.width = '960px';
    const remade = new Promise<void>((resolve) => {
      const onLoad = () => {
        if (!element.map) return;
        element.removeEventListener('park-map-load', onLoad);
        resolve();
      };
      element.addEventListener('park-map-load', onLoad);
    });
    panel.hidden = false;
    await remade;
    await whenDrawn(element);
    const map = element.map!;
    expect([map.getCanvas().clientWidth, map.getCanvas().clientHeight]).toEqual([960, 360]);
    expect(map.getCenter().lng).toBeCloseTo(centre.lng, 6);
    expect(map.getCenter().lat).toBeCloseTo(centre.lat, 6);
    expect(map.getZoom()).toBeCloseTo(zoom, 6);
    expect(renderedIds(element)).toEqual(ALL_MINI);
    const highlighted = map
      .queryRenderedFeatures({ layers: ['park-map-selection-line'] })
      .map((feature) => feature.properties.pmId);
    expect([...new Set(highlighted)]).toEqual(['t-building-b']);
    expect(text(shadow(element), '.details h2')).toBe('测试2号楼');
  });
});

describe('three on one page', () => {
  it('each draws its features, and each keeps its own selection and events', async () => {
    const elements = ['a', 'b', 'c'].map((name) => {
      const element = document.createElement('park-map');
      element.id = `map-${name}`;
      element.setAttribute('no-list', '');
      element.setAttribute('src', MINI_URL);
      element.style.setProperty('--park-map-height', '300px');
      element.style.width = '400px';
      element.style.display = 'inline-block';
      document.body.append(element);
      return element;
    });
    await Promise.all(elements.map((element) => whenDrawn(element)));
    const [first, second, third] = elements as [ParkMap, ParkMap, ParkMap];
    for (const element of elements) {
      expect(renderedIds(element)).toEqual(ALL_MINI);
      expect(canvasOf(element).clientWidth).toBe(400);
    }
    const events = elements.map((element) => collect(element, 'park-map-select'));

    await userEvent.click(canvasOf(first), { position: projectedCentre(first, 't-building-a') });
    await userEvent.click(canvasOf(second), { position: projectedCentre(second, 't-building-b') });
    await Promise.all(elements.map((element) => element.updateComplete));

    expect(elements.map((element) => element.selected)).toEqual([
      't-building-a',
      't-building-b',
      null,
    ]);
    expect(events.map((list) => list.map((event) => event.detail.id))).toEqual([
      ['t-building-a'],
      ['t-building-b'],
      [],
    ]);
    expect(text(shadow(first), '.details h2')).toBe('测试1号楼');
    expect(text(shadow(second), '.details h2')).toBe('测试2号楼');
    expect(shadow(third).querySelector('.details')).toBeNull();

    // Escape in the first closes only its own details.
    shadow(first).querySelector<HTMLElement>('#park-map-details-title')!.focus();
    await userEvent.keyboard('{Escape}');
    await first.updateComplete;
    expect(elements.map((element) => element.selected)).toEqual([null, 't-building-b', null]);
    expect(events[1]!.map((event) => event.detail.id)).toEqual(['t-building-b']);
  });
});
