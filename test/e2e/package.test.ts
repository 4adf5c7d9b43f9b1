// The npm package as an application receives it: packed with `npm pack` (which runs the build),
// unpacked into a fresh project's node_modules, type-checked against its declarations, bundled by the
// application's own Vite with maplibre-gl as the application's copy, served under a strict CSP and
// opened in Chromium.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright';
import { build } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium, serveStatic, STRICT_CSP, watchPage, type Site } from './site.ts';

const run = promisify(execFile);
const root = new URL('../..', import.meta.url).pathname;

interface PackedFile {
  path: string;
  size: number;
}

let work: string;
let files: PackedFile[];
let unpackedSize: number;
let app: string;
let server: Site | undefined;
let browser: Browser | undefined;

const APP_TS = `import { setWorkerUrl, Map as MapLibreMap } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import { formatArea, ParkMap, type ParkMapSelectEvent, type ParkProperties } from 'park-map';

// The one line a bundler needs: MapLibre's worker, emitted by the application's bundler.
setWorkerUrl(workerUrl);

const element: ParkMap = document.createElement('park-map');
element.src = './mini-parks.geojson';
element.lang = 'en';
element.addEventListener('park-map-select', (event: ParkMapSelectEvent) => {
  const properties: ParkProperties | null = event.detail.properties;
  document.title = properties ? properties.name : '';
});
element.addEventListener('park-map-load', () => {
  const output = document.querySelector('output');
  if (output) output.textContent = formatArea(10_000, 'en');
  // The element and the application share one MapLibre: the peer dependency, not a second copy.
  (window as unknown as { sameMapLibre: boolean }).sameMapLibre = element.map instanceof MapLibreMap;
});
document.body.append(element);
`;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'park-map-pack-'));
  // `npm pack` runs the prepack script: the full build, as `npm publish` would.
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', work], {
    cwd: root,
    maxBuffer: 32 * 1024 * 1024,
  });
  // The build's own log (prepack) comes first on stdout; npm's JSON report is the last thing.
  const report = stdout.search(/^\[\s*\{/m);
  const [packed] = JSON.parse(stdout.slice(report)) as [
    { filename: string; files: PackedFile[]; unpackedSize: number },
  ];
  files = packed.files;
  unpackedSize = packed.unpackedSize;

  // A fresh application: the package unpacked, every other module linked from this checkout.
  app = join(work, 'app');
  const modules = join(app, 'node_modules');
  await mkdir(join(modules, 'park-map'), { recursive: true });
  await run('tar', [
    '-xzf',
    join(work, packed.filename),
    '-C',
    join(modules, 'park-map'),
    '--strip-components=1',
  ]);
  for (const name of await readdir(join(root, 'node_modules'))) {
    if (name === 'park-map' || name.startsWith('.')) continue;
    await symlink(join(root, 'node_modules', name), join(modules, name));
  }
  await writeFile(join(app, 'main.ts'), APP_TS);
  await writeFile(
    join(app, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'bundler',
        lib: ['ES2023', 'DOM', 'DOM.Iterable'],
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        // maplibre-gl's declarations use the global GeoJSON namespace of @types/geojson, its dependency.
        types: ['vite/client', 'geojson'],
      },
      files: ['main.ts'],
    }),
  );
  await writeFile(
    join(app, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>app</title>
<link rel="icon" href="data:,"><script type="module" src="./main.ts"></script></head>
<body><output></output></body></html>`,
  );
  await cp(
    join(root, 'test', 'fixtures', 'mini-parks.geojson'),
    join(app, 'public', 'mini-parks.geojson'),
  );
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

it('packs only what users need', () => {
  const paths = files.map((file) => file.path);
  for (const needed of [
    'package.json',
    'README.md',
    'custom-elements.json',
    'data/schema.json',
    'bin/park-map.js',
    'dist/cli/park-map-cli.js',
    'dist/park-map.js',
    'dist/park-map-tools.js',
    'dist/lib/index.js',
    'dist/lib/define.js',
    'dist/types/index.d.ts',
    'dist/types/park-map.d.ts',
  ]) {
    expect(paths).toContain(needed);
  }
  // The standalone bundle's MapLibre worker travels with it.
  expect(paths.some((path) => /^dist\/assets\/maplibre-gl-worker-[\w-]+\.js$/.test(path))).toBe(
    true,
  );
  const unwanted = paths.filter((path) =>
    /^(src|test|bench|demo|examples|scripts|node_modules|\.ci)\/|\.map$|tsconfig|vite\..*config|data\/parks\.geojson/.test(
      path,
    ),
  );
  expect(unwanted).toEqual([]);
  // MapLibre's own bytes dominate: the standalone copy (≈ 1.1 MB unpacked) and its worker
  // (0.5 MB); ours are three builds of the same code (standalone, library, CLI), the docs and the
  // offline ground. Measured 4.09 MB after the as-of date, the comparison and the ground.
  expect(unpackedSize).toBeLessThan(4_500_000);
});

it('declares maplibre-gl a peer and maps its exports to files that exist', async () => {
  const manifest = JSON.parse(
    await readFile(join(app, 'node_modules', 'park-map', 'package.json'), 'utf8'),
  ) as {
    peerDependencies: Record<string, string>;
    dependencies: Record<string, string>;
    exports: Record<string, string | Record<string, string>>;
  };
  expect(Object.keys(manifest.peerDependencies)).toEqual(['maplibre-gl']);
  expect(Object.keys(manifest.dependencies)).not.toContain('maplibre-gl');
  const paths = new Set(files.map((file) => file.path));
  const targets = Object.values(manifest.exports).flatMap((target) =>
    typeof target === 'string' ? [target] : Object.values(target),
  );
  expect(targets.length).toBeGreaterThan(6);
  for (const target of targets) expect(paths).toContain(target.replace(/^\.\//, ''));
});

it('ships the helpers alone for script-tag pages: dist/park-map-tools.js, no element in it', async () => {
  const file = join(app, 'node_modules', 'park-map', 'dist', 'park-map-tools.js');
  // Runs in Node: no element, no DOM. Its results are those of the sources the tests check.
  const tools = (await import(file)) as typeof import('../../src/tools.ts');
  const source = await import('../../src/tools.ts');
  const parks: unknown = JSON.parse(await readFile(join(root, 'data', 'parks.geojson'), 'utf8'));
  const packed = tools.validateParkData(parks);
  expect(packed.collection.features.length).toBeGreaterThan(10);
  expect(packed).toEqual(source.validateParkData(parks));
  const broken = tools.validateParkData({
    type: 'FeatureCollection',
    features: [{ type: 'Feature', id: 'x', geometry: null, properties: { kind: 'park' } }],
  });
  const issue = broken.errors[0];
  if (!issue) throw new Error('the broken feature was not reported');
  expect(tools.describeIssue(issue, 'zh-CN')).toBe(source.describeIssue(issue, 'zh-CN'));
  expect(tools.describeIssue(issue, 'zh-CN')).toContain('x');
  expect(tools.formatArea(10_000, 'zh-CN')).toBe(source.formatArea(10_000, 'zh-CN'));
  const text = await readFile(file, 'utf8');
  expect(text).not.toContain('customElements');
});

it('type-checks an application against the declarations', async () => {
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  // tsc's exit code too: a crash or a message on stderr must not pass as "no errors".
  const result = await run(process.execPath, [tsc, '-p', join(app, 'tsconfig.json')], {
    cwd: app,
  }).then(
    ({ stdout, stderr }) => ({ stdout, stderr, code: 0 }),
    (error: { stdout: string; stderr: string; code: number }) => ({
      stdout: error.stdout,
      stderr: error.stderr,
      code: error.code,
    }),
  );
  expect(result).toEqual({ stdout: '', stderr: '', code: 0 });
}, 60_000);

it("renders in an application bundled by the application's Vite, sharing its MapLibre", async () => {
  await build({
    root: app,
    configFile: false,
    base: './',
    logLevel: 'silent',
    build: { outDir: join(app, 'out'), emptyOutDir: true, target: 'es2022' },
  });
  const out = await readdir(join(app, 'out', 'assets'));
  // One MapLibre for the page: the worker once, and no second copy of the main module.
  expect(out.filter((name) => name.startsWith('maplibre-gl-worker'))).toHaveLength(1);
  server = await serveStatic(join(app, 'out'), { 'content-security-policy': STRICT_CSP });
  browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 900, height: 600 } });
  const watch = await watchPage(page);
  await page.goto(`${server.origin}/index.html`);
  expect(await watch.loaded()).toBe(4);
  await page.waitForFunction(
    () => (window as unknown as { sameMapLibre?: boolean }).sameMapLibre !== undefined,
  );
  expect(
    await page.evaluate(() => (window as unknown as { sameMapLibre: boolean }).sameMapLibre),
  ).toBe(true);
  expect(await page.locator('output').textContent()).toBe('10,000 m²');
  const fixture = JSON.parse(
    await readFile(join(root, 'test', 'fixtures', 'mini-parks.geojson'), 'utf8'),
  ) as { features: { id: string; properties: { name: string; 'name:en'?: string } }[] };
  const building = fixture.features.find((feature) => feature.id === 't-building-a');
  await page.evaluate(() => document.querySelector('park-map')?.select('t-building-a'));
  await expect
    .poll(() => page.locator('park-map #park-map-details-title').textContent())
    // The element is in English: its English name leads the details heading.
    .toBe(building?.properties['name:en']);
  expect(await watch.violations()).toEqual([]);
  expect(watch.errors).toEqual([]);
  expect(watch.requests.filter((url) => !url.startsWith(server!.origin))).toEqual([]);
  await page.close();
}, 120_000);
