// Browser-test commands that run beside Playwright (in Node): they see every request the page and its
// workers really make, and every console message, which code inside the page cannot see for itself.
import type { BrowserCommand, BrowserCommandContext } from 'vitest/node';
import type { ConsoleMessage, Request, Route } from 'playwright';

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

/** The console errors logged so far, the log kept running (console events arrive a moment late). */
export const peekConsoleErrors: BrowserCommand<[]> = (context) => [
  ...(logs.get(context.sessionId)?.consoleErrors ?? []),
];

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

/**
 * One step of a real mouse gesture on the (only) <park-map>: move to, press or release at a
 * position in the element's CSS pixels (from its top left corner), in `steps` small moves.
 * `cssWidth` converts to page pixels (the test frame may be scaled).
 */
export const mouseOnElement: BrowserCommand<
  [action: 'move' | 'down' | 'up', at: { x: number; y: number }, cssWidth: number, steps?: number]
> = async (context, action, at, cssWidth, steps = 1) => {
  const frame = await context.frame();
  const box = await frame.locator('park-map').first().boundingBox();
  if (!box) throw new Error('no <park-map> on the page');
  const scale = box.width / cssWidth;
  const mouse = context.page.mouse;
  await mouse.move(box.x + at.x * scale, box.y + at.y * scale, { steps });
  if (action === 'down') await mouse.down();
  if (action === 'up') await mouse.up();
};

const standInPages = new WeakSet<object>();

/**
 * Every frame opened from now on gets the stand-in for Vitest's dynamic-import wrapper before its
 * own scripts run (see openFrame in frames.ts): an element may import code as soon as it connects
 * (the URL code for `hash`), while the page is still loading. A frame that has Vitest's own keeps
 * it: Vitest assigns over this one.
 */
export const installImportStandIn: BrowserCommand<[]> = async (context) => {
  if (standInPages.has(context.page)) return;
  standInPages.add(context.page);
  await context.page.addInitScript(() => {
    const scope = globalThis as unknown as Record<string, unknown>;
    scope['__vitest_browser_runner__'] ??= { wrapDynamicImport: (load: () => unknown) => load() };
  });
};

export const browserCommands = {
  installImportStandIn,
  startPageLog,
  takePageLog,
  peekConsoleErrors,
  emulateReducedMotion,
  dragOnCanvas,
  mouseOnElement,
  routeData,
  releaseData,
  dataRequested,
  dataRequestEnded,
  unrouteData,
  heapUsedBytes,
};

declare module 'vitest/browser' {
  interface BrowserCommands {
    installImportStandIn: () => Promise<void>;
    startPageLog: () => Promise<void>;
    takePageLog: () => Promise<{ requests: string[]; consoleErrors: string[] }>;
    peekConsoleErrors: () => Promise<string[]>;
    emulateReducedMotion: (reduce: boolean) => Promise<void>;
    dragOnCanvas: (
      from: { x: number; y: number },
      to: { x: number; y: number },
      cssWidth: number,
    ) => Promise<void>;
    mouseOnElement: (
      action: 'move' | 'down' | 'up',
      at: { x: number; y: number },
      cssWidth: number,
      steps?: number,
    ) => Promise<void>;
    routeData: (url: string, answer: DataAnswer) => Promise<void>;
    releaseData: (url: string) => Promise<string>;
    dataRequested: (url: string) => Promise<void>;
    dataRequestEnded: (url: string) => Promise<string>;
    unrouteData: () => Promise<void>;
    heapUsedBytes: () => Promise<number>;
  }
}

// Controlled answers for a data URL, without a server of our own: Playwright intercepts the
// request of the test frame (page.route covers every frame of the page). Function declarations, so
// that `browserCommands` above can name them.

/** How the routed data URL answers: a status and body, late (held until released), or not at all. */
export interface DataAnswer {
  status?: number;
  body?: string;
  contentType?: string;
  /** Hold the answer until `releaseData(url)` (a server that has not answered yet). */
  hold?: boolean;
  /** Fail the request as a network error would. */
  abort?: boolean;
}

interface DataRoute {
  handler: (route: Route) => Promise<void>;
  release: () => void;
  /** Settles with what became of the held answer once released. */
  fulfilled: Promise<string>;
  /** Settles once the first request has reached the route. */
  requested: Promise<void>;
  /** Settles with how the (last) request ended: `finished`, or `failed: <error text>`. */
  ended: Promise<string>;
  detach: () => void;
}

const dataRoutes = new Map<string, Map<string, DataRoute>>();

export async function routeData(
  context: BrowserCommandContext,
  url: string,
  answer: DataAnswer,
): Promise<void> {
  const routes = dataRoutes.get(context.sessionId) ?? new Map<string, DataRoute>();
  dataRoutes.set(context.sessionId, routes);
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let settleFulfilled: (outcome: string) => void = () => {};
  const fulfilled = new Promise<string>((resolve) => (settleFulfilled = resolve));
  let settleRequested = () => {};
  const requested = new Promise<void>((resolve) => (settleRequested = resolve));
  let settleEnded: (outcome: string) => void = () => {};
  const ended = new Promise<string>((resolve) => (settleEnded = resolve));
  const onFinished = (request: Request) => {
    if (request.url() === url) settleEnded('finished');
  };
  const onFailed = (request: Request) => {
    if (request.url() === url) settleEnded(`failed: ${request.failure()?.errorText ?? '?'}`);
  };
  context.page.on('requestfinished', onFinished);
  context.page.on('requestfailed', onFailed);
  const handler = async (route: Route) => {
    settleRequested();
    if (answer.hold) await released;
    try {
      if (answer.abort) await route.abort('failed');
      else
        await route.fulfill({
          status: answer.status ?? 200,
          body: answer.body ?? '',
          contentType: answer.contentType ?? 'application/geo+json',
        });
      settleFulfilled('answered');
    } catch (error) {
      // The page gave up on the request first (AbortController): there is no one left to answer.
      settleFulfilled(`not answered: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  await context.page.route(url, handler);
  routes.set(url, {
    handler,
    release,
    fulfilled,
    requested,
    ended,
    detach: () => {
      context.page.off('requestfinished', onFinished);
      context.page.off('requestfailed', onFailed);
    },
  });
}

/** Lets a held answer go; resolves with what became of it (`answered` or `not answered: …`). */
export async function releaseData(context: BrowserCommandContext, url: string): Promise<string> {
  const route = dataRoutes.get(context.sessionId)?.get(url);
  if (!route) throw new Error(`no data route for ${url}`);
  route.release();
  return route.fulfilled;
}

/** Resolves once a request for the routed URL has reached the route (it is in flight). */
export async function dataRequested(context: BrowserCommandContext, url: string): Promise<void> {
  const route = dataRoutes.get(context.sessionId)?.get(url);
  if (!route) throw new Error(`no data route for ${url}`);
  await route.requested;
}

/** Resolves once the request to the routed URL has ended: `finished` or `failed: <error text>`. */
export async function dataRequestEnded(
  context: BrowserCommandContext,
  url: string,
): Promise<string> {
  const route = dataRoutes.get(context.sessionId)?.get(url);
  if (!route) throw new Error(`no data route for ${url}`);
  return route.ended;
}

/** Removes every data route of this session (held answers are let go first). */
export async function unrouteData(context: BrowserCommandContext): Promise<void> {
  const routes = dataRoutes.get(context.sessionId);
  dataRoutes.delete(context.sessionId);
  for (const [url, route] of routes ?? []) {
    route.release();
    route.detach();
    await context.page.unroute(url, route.handler);
  }
}

/** The page's used JS heap in bytes after a full garbage collection (CDP, not the quantised
 * `performance.memory`). The test frame is same-origin, so it shares the page's V8 isolate. */
export async function heapUsedBytes(context: BrowserCommandContext): Promise<number> {
  await context.page.requestGC();
  await context.page.requestGC();
  const session = await context.page.context().newCDPSession(context.page);
  try {
    const usage = (await session.send('Runtime.getHeapUsage')) as { usedSize: number };
    return usage.usedSize;
  } finally {
    await session.detach();
  }
}
