// Pages in an iframe of the test page, served by the test's own Vite server: open one, wait for its
// <park-map> to draw, click inside it with the real mouse, and run axe-core over its document.
import axe from 'axe-core';
import { commands, userEvent } from 'vitest/browser';
import type { ParkMap } from '../../src/park-map.js';

/** A page opened in a frame of the test page, with what went wrong in it. */
export interface OpenedFrame {
  frame: HTMLIFrameElement;
  doc: Document;
  win: Window & typeof globalThis;
  /** Uncaught errors and rejections in the frame, and `park-map-error`s of severity `error`. */
  errors: string[];
}

/**
 * Opens a same-origin page (a URL, or `{ srcdoc }`) in an iframe, by default filling the test page's viewport, and resolves
 * once it has loaded. The frame stays `display: none` until then, so its <park-map> makes no map
 * before the stand-in below is in place (the element makes its map only once it is on screen).
 *
 * The stand-in: the test server rewrites every `import()` in our modules to
 * `__vitest_browser_runner__.wrapDynamicImport(() => import(…))`, which only the test frame
 * defines; Vitest gives its own workers the same pass-through. Without it the page could not load
 * MapLibre (a dynamic import) in the frame. It changes nothing else. It is put in before the page's
 * scripts run (an init script) and again once the page has loaded.
 */
export async function openFrame(
  source: string | { srcdoc: string },
  size?: { width: number; height: number },
): Promise<OpenedFrame> {
  await commands.installImportStandIn();
  const frame = document.createElement('iframe');
  frame.title = 'page under test';
  const shown = size
    ? `display: block; border: 0; width: ${size.width}px; height: ${size.height}px`
    : 'display: block; position: fixed; inset: 0; width: 100%; height: 100%; border: 0';
  frame.style.cssText = `${shown}; display: none`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  if (typeof source === 'string') frame.src = source;
  else frame.srcdoc = source.srcdoc;
  document.body.append(frame);
  await loaded;
  const doc = frame.contentDocument;
  const win = frame.contentWindow as (Window & typeof globalThis) | null;
  if (!doc || !win) throw new Error('the page did not open in the frame');
  (win as unknown as Record<string, unknown>).__vitest_browser_runner__ = {
    wrapDynamicImport: (load: () => unknown) => load(),
  };
  const errors: string[] = [];
  win.addEventListener('error', (event) => errors.push(`error: ${event.message}`));
  win.addEventListener('unhandledrejection', (event) =>
    errors.push(`unhandled rejection: ${String(event.reason)}`),
  );
  doc.addEventListener('park-map-error', (event) => {
    if (event.detail.severity === 'error') errors.push(`park-map-error: ${event.detail.message}`);
  });
  frame.style.cssText = shown;
  return { frame, doc, win, errors };
}

/** Resolves once `element` has a map with its data drawn (its `park-map-load` with a map), and idle. */
export async function whenDrawn(element: ParkMap): Promise<void> {
  if (!(element.map && element.features.length > 0)) {
    await new Promise<void>((resolve) => {
      const onLoad = () => {
        if (!element.map) return;
        element.removeEventListener('park-map-load', onLoad);
        resolve();
      };
      element.addEventListener('park-map-load', onLoad);
    });
  }
  const map = element.map!;
  await new Promise((resolve) => {
    map.once('idle', resolve);
    map.triggerRepaint();
  });
}

/**
 * A real mouse click at (x, y) CSS pixels of the frame's viewport: Playwright clicks the <iframe>
 * element there, and Chromium delivers the click to whatever is at that point inside the frame.
 */
export async function clickInFrame(frame: HTMLIFrameElement, x: number, y: number): Promise<void> {
  await userEvent.click(frame, { position: { x, y } });
}

/** A real click on the centre of an element inside the frame. */
export async function clickElementInFrame(
  frame: HTMLIFrameElement,
  target: Element,
): Promise<void> {
  target.scrollIntoView({ block: 'center' });
  const box = target.getBoundingClientRect();
  await clickInFrame(frame, box.left + box.width / 2, box.top + box.height / 2);
}

/** axe-core in the frame's own window (it reads `document`, `<html lang>`, `<title>` there). */
type FrameWindow = Window & { axe?: typeof axe };

/**
 * axe's WCAG 2.0/2.1/2.2 A and AA rules and its best practices (landmarks, headings, regions) over
 * the whole document of the frame, open shadow roots included. Returns one line per violating node.
 */
export async function axeViolations(frame: HTMLIFrameElement): Promise<string[]> {
  const win = frame.contentWindow as FrameWindow;
  const doc = frame.contentDocument!;
  if (!win.axe) {
    const script = doc.createElement('script');
    script.textContent = axe.source;
    doc.head.append(script);
  }
  const results = await win.axe!.run(doc, {
    runOnly: {
      type: 'tag',
      values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
    },
    resultTypes: ['violations'],
  });
  return results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact}) at ${JSON.stringify(node.target)}: ${node.failureSummary?.replace(/\s+/g, ' ')}`,
    ),
  );
}

/** Resolves once `node`'s text (whitespace collapsed) satisfies `wanted`, checked on every change. */
export function textUntil(node: Node, wanted: (text: string) => boolean): Promise<string> {
  const read = () => node.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  return new Promise((resolve) => {
    if (wanted(read())) return resolve(read());
    const observer = new MutationObserver(() => {
      if (!wanted(read())) return;
      observer.disconnect();
      resolve(read());
    });
    observer.observe(node, { subtree: true, childList: true, characterData: true });
  });
}
