// The standalone bundle as a CMS page uses it: built, copied into a sub-folder, served with a strict
// Content-Security-Policy, opened in Chromium. The map must render, with no CSP violation reported.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser } from 'playwright';
import { build } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const CSP = [
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
  '.geojson': 'application/geo+json',
};

let site: string;
let server: Server;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  site = await mkdtemp(join(tmpdir(), 'park-map-csp-'));
  const folder = join(site, 'portal', 'parks');
  await build({
    root,
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'silent',
    build: { outDir: folder, emptyOutDir: true },
  });
  await cp(join(root, 'data', 'parks.geojson'), join(folder, 'parks.geojson'));
  await writeFile(
    join(folder, 'index.html'),
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>园区地图</title>
<link rel="icon" href="data:,">
<script type="module" src="park-map.js"></script></head>
<body><park-map src="parks.geojson" lang="zh-CN"></park-map></body></html>`,
  );
  server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    try {
      const body = await readFile(join(site, path));
      response.writeHead(200, {
        'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
        'content-security-policy': CSP,
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = await chromium.launch({
    executablePath: process.env.PARK_MAP_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  if (site) await rm(site, { recursive: true, force: true });
});

it('renders the seed parks from a sub-folder under a strict CSP, with no violation', async () => {
  const page = await browser.newPage({ viewport: { width: 1100, height: 700 } });
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
  await page.goto(`${origin}/portal/parks/index.html`);
  const count = await page.evaluate(
    () => (window as unknown as { __loaded: Promise<number> }).__loaded,
  );
  expect(count).toBe(119);
  const drawn = await page.evaluate(() => {
    const element = document.querySelector('park-map') as unknown as {
      map: { queryRenderedFeatures: () => unknown[] };
    };
    return element.map.queryRenderedFeatures().length;
  });
  expect(drawn).toBeGreaterThan(0);
  expect(
    await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
  ).toEqual([]);
  expect(errors).toEqual([]);
  // Only the page's own files: nothing from another origin.
  expect(requests.filter((url) => !url.startsWith(origin))).toEqual([]);
  await page.close();
}, 60_000);
