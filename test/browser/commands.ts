// Browser-test commands that run beside Playwright (in Node): they see every request the page and its
// workers really make, and every console message, which code inside the page cannot see for itself.
import type { BrowserCommand } from 'vitest/node';
import type { ConsoleMessage, Request } from 'playwright';

interface SessionLog {
  requests: string[];
  consoleErrors: string[];
  detach: () => void;
}

const logs = new Map<string, SessionLog>();

export const startPageLog: BrowserCommand<[]> = (context) => {
  logs.get(context.sessionId)?.detach();
  const log: SessionLog = { requests: [], consoleErrors: [], detach: () => {} };
  const onRequest = (request: Request) => log.requests.push(request.url());
  const onConsole = (message: ConsoleMessage) => {
    // Errors, and Chromium's warning when WebGL contexts pile up ("Too many active WebGL contexts").
    if (
      message.type() === 'error' ||
      /too many active webgl contexts|context lost/i.test(message.text())
    ) {
      log.consoleErrors.push(message.text());
    }
  };
  const onPageError = (error: Error) => log.consoleErrors.push(`pageerror: ${error.message}`);
  context.context.on('request', onRequest);
  context.page.on('console', onConsole);
  context.page.on('pageerror', onPageError);
  log.detach = () => {
    context.context.off('request', onRequest);
    context.page.off('console', onConsole);
    context.page.off('pageerror', onPageError);
  };
  logs.set(context.sessionId, log);
};

export const takePageLog: BrowserCommand<[]> = (context) => {
  const log = logs.get(context.sessionId);
  log?.detach();
  logs.delete(context.sessionId);
  return { requests: log?.requests ?? [], consoleErrors: log?.consoleErrors ?? [] };
};

/** Emulates the reader's `prefers-reduced-motion` setting (null: back to the default). */
export const emulateReducedMotion: BrowserCommand<[reduce: boolean]> = async (context, reduce) => {
  await context.page.emulateMedia({ reducedMotion: reduce ? 'reduce' : null });
};

/**
 * A real mouse drag on the (only) <park-map> canvas, from and to positions in the canvas's CSS
 * pixels, in small steps so drag handlers see the movement. `cssWidth` converts to page pixels
 * (the test frame may be scaled).
 */
export const dragOnCanvas: BrowserCommand<
  [from: { x: number; y: number }, to: { x: number; y: number }, cssWidth: number]
> = async (context, from, to, cssWidth) => {
  const frame = await context.frame();
  const box = await frame.locator('park-map canvas.maplibregl-canvas').boundingBox();
  if (!box) throw new Error('no canvas on the page');
  const scale = box.width / cssWidth;
  const mouse = context.page.mouse;
  await mouse.move(box.x + from.x * scale, box.y + from.y * scale);
  await mouse.down();
  await mouse.move(box.x + to.x * scale, box.y + to.y * scale, { steps: 12 });
  await mouse.up();
};

export const browserCommands = { startPageLog, takePageLog, emulateReducedMotion, dragOnCanvas };

declare module 'vitest/browser' {
  interface BrowserCommands {
    startPageLog: () => Promise<void>;
    takePageLog: () => Promise<{ requests: string[]; consoleErrors: string[] }>;
    emulateReducedMotion: (reduce: boolean) => Promise<void>;
    dragOnCanvas: (
      from: { x: number; y: number },
      to: { x: number; y: number },
      cssWidth: number,
    ) => Promise<void>;
  }
}
