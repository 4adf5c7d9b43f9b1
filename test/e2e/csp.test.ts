// The standalone bundle as a CMS page uses it: built, copied into a sub-folder, served with a strict
// Content-Security-Policy, opened in Chromium. The map must render, with no CSP violation reported.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright';
import { build } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  drawnFeatures,
  launchChromium,
  serveStatic,
  STRICT_CSP,
  watchPage,
  type Site,
} from './site.ts';

const root = new URL('../..', import.meta.url).pathname;

let site: string;
let server: Site;
let browser: Browser;

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
  // The README's snippet, exactly as a portal editor would paste it into a page.
  const readme = await readFile(join(root, 'README.md'), 'utf8');
  const snippet = /<!-- snippet:start -->\s*```html\n([\s\S]*?)```\s*<!-- snippet:end -->/.exec(
    readme,
  )?.[1];
  if (!snippet) throw new Error('README.md has no snippet between the snippet markers');
  await writeFile(
    join(folder, 'index.html'),
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>园区地图</title>
<link rel="icon" href="data:,"></head><body>${snippet}</body></html>`,
  );
  // Staff's own files in the formats they have: each reader a chunk of the same site.
  for (const [file, attributes] of [
    ['projects.xlsx', 'id-field="编码" default-kind="project"'],
    ['parks-cgcs2000-gbk.zip', 'id-field="编码"'],
    ['parks.kmz', 'id-field="编码"'],
  ] as const) {
    await cp(join(root, 'test', 'fixtures', 'formats', file), join(folder, file));
    await writeFile(
      join(folder, `${file}.html`),
      `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>园区地图</title>
<link rel="icon" href="data:,"></head><body><script type="module" src="park-map.js"></script>
<park-map src="${file}" lang="zh-CN" ${attributes}></park-map></body></html>`,
    );
  }
  server = await serveStatic(site, { 'content-security-policy': STRICT_CSP });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (site) await rm(site, { recursive: true, force: true });
});

it('renders the seed parks from a sub-folder under a strict CSP, with no violation', async () => {
  const page = await browser.newPage({ viewport: { width: 1100, height: 700 } });
  const watch = await watchPage(page);
  await page.goto(`${server.origin}/portal/parks/index.html`);
  const count = await watch.loaded();
  expect(count).toBe(127);
  const drawn = await drawnFeatures(page);
  expect(drawn).toBeGreaterThan(0);
  expect(await watch.violations()).toEqual([]);
  expect(watch.errors).toEqual([]);
  // Only the page's own files: nothing from another origin.
  expect(watch.requests.filter((url) => !url.startsWith(server.origin))).toEqual([]);
  await page.close();
}, 60_000);

it.each(['projects.xlsx', 'parks-cgcs2000-gbk.zip', 'parks.kmz'])(
  '%s: read by its format chunk under the strict CSP and drawn, with no violation',
  async (file) => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 700 } });
    const watch = await watchPage(page);
    await page.goto(`${server.origin}/portal/parks/${file}.html`);
    expect(await watch.loaded()).toBe(3);
    expect(await drawnFeatures(page)).toBeGreaterThan(0);
    expect(await watch.violations()).toEqual([]);
    expect(watch.errors).toEqual([]);
    expect(watch.requests.filter((url) => !url.startsWith(server.origin))).toEqual([]);
    await page.close();
  },
  60_000,
);

it('the demo pages, built as a site and served under the same strict CSP: maps drawn, no violation', async () => {
  const out = join(site, 'demo-site');
  const pages = ['index', 'portal', 'investor', 'planner'];
  await build({
    root,
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'silent',
    build: {
      outDir: out,
      emptyOutDir: true,
      // Pages this time, not the library: undo the config's `lib` entry.
      lib: false,
      rolldownOptions: {
        input: Object.fromEntries(pages.map((name) => [name, join(root, 'demo', `${name}.html`)])),
      },
    },
  });
  await cp(join(root, 'data', 'parks.geojson'), join(out, 'data', 'parks.geojson'));
  for (const name of pages) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const watch = await watchPage(page);
    await page.goto(`${server.origin}/demo-site/demo/${name}.html`);
    if (name === 'portal') {
      // The map waits in a tab: open it as a reader would.
      await page.locator('#tab-map').click();
    }
    expect(await watch.loaded(), name).toBe(127);
    await page.waitForFunction(() =>
      Boolean((document.querySelector('park-map') as unknown as { map?: unknown })?.map),
    );
    expect(await drawnFeatures(page), name).toBeGreaterThan(0);
    expect(await watch.violations(), name).toEqual([]);
    expect(watch.errors, name).toEqual([]);
    expect(
      watch.requests.filter((url) => !url.startsWith(server.origin)),
      name,
    ).toEqual([]);
    await page.close();
  }
}, 120_000);
