// What the end-to-end tests share: a plain static server (the way a portal's web server hands out
// files, with the page's headers) and Debian's Chromium driven by Playwright.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright';

/** A Content-Security-Policy as strict as a government portal's: no inline script, no eval. */
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "worker-src 'self' blob:",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.geojson': 'application/geo+json',
  '.json': 'application/json',
};

export interface Site {
  origin: string;
  close(): Promise<void>;
}

/** Serves `root` on a free local port, every answer carrying `headers`. */
export async function serveStatic(root: string, headers: Record<string, string>): Promise<Site> {
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    try {
      const body = await readFile(join(root, path));
      response.writeHead(200, {
        'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
        ...headers,
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.PARK_MAP_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

export interface PageWatch {
  /** Console errors and uncaught exceptions. */
  errors: string[];
  /** Every URL the page asked for. */
  requests: string[];
  /** CSP violations reported to the document so far. */
  violations(): Promise<string[]>;
  /** Resolves with the number of features in the first `park-map-load`. */
  loaded(): Promise<number>;
}

/** Starts listening before the page loads: errors, requests, CSP violations, the first load. */
export async function watchPage(page: Page): Promise<PageWatch> {
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => requests.push(request.url()));
  await page.addInitScript(() => {
    const violations: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = violations;
    document.addEventListener('securitypolicyviolation', (event) =>
      violations.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
    (window as unknown as { __loaded: Promise<number> }).__loaded = new Promise((resolve) =>
      document.addEventListener('park-map-load', (event) =>
        resolve((event as unknown as CustomEvent<{ features: unknown[] }>).detail.features.length),
      ),
    );
  });
  return {
    errors,
    requests,
    violations: () =>
      page.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
    loaded: () =>
      page.evaluate(() => (window as unknown as { __loaded: Promise<number> }).__loaded),
  };
}

/** How many features the element's map has drawn on screen. */
export function drawnFeatures(page: Page): Promise<number> {
  return page.evaluate(() => {
    const element = document.querySelector('park-map') as unknown as {
      map: { queryRenderedFeatures: () => unknown[] };
    };
    return element.map.queryRenderedFeatures().length;
  });
}
