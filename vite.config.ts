/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { playwright } from '@vitest/browser-playwright';
import { browserCommands } from './test/browser/commands.ts';
import { routeCommands } from './test/browser/route-commands.ts';
import { maplibreCssPlugin } from './scripts/maplibre-css.mjs';
import { minifyCssLiteralsPlugin } from './scripts/minify-css-literals.mjs';

const chromium = process.env.PARK_MAP_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  base: './',
  root: '.',
  // MapLibre's stylesheet travels in our bundle: only the rules for the controls the map has; our
  // own css`` templates are minified in builds.
  plugins: [maplibreCssPlugin(), minifyCssLiteralsPlugin()],
  server: { open: '/demo/index.html' },
  // pmtiles is imported only when a `src` is vector tiles: pre-bundle it, or the dev server finds it
  // mid-session and answers the import with "504 Outdated Optimize Dep".
  // Pre-bundled up front: a dependency first met in the middle of a browser test run makes Vite
  // re-optimize and reload the page ("504 Outdated Optimize Dep"), failing whatever test was running.
  optimizeDeps: {
    include: [
      'pmtiles',
      'proj4',
      'xlsx',
      'shpjs',
      '@tmcw/togeojson',
      'fflate',
      '@terraformer/wkt',
      'axe-core',
      'react',
      'react-dom',
      'react-dom/client',
      'vue',
    ],
  },
  build: {
    target: 'es2022',
    // The standalone bundle a CMS page loads: dist/park-map.js, beside its MapLibre worker file.
    lib: { entry: 'src/standalone.ts', formats: ['es'], fileName: 'park-map' },
    rolldownOptions: { preserveEntrySignatures: 'allow-extension', output: { minify: true } },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          // The hostile corpus parses ~50 MB inputs; on a loaded 2-core CI machine that takes seconds.
          testTimeout: 30_000,
          include: ['test/unit/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          // Whole pages built and served like a portal's, driven by Playwright from Node.
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          // One file at a time: every file shares one page, whose console log, routes and media
          // emulation the tests read and set; files in parallel would see each other's.
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 30_000,
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            viewport: { width: 1280, height: 800 },
            commands: { ...browserCommands, ...routeCommands },
            provider: playwright({
              launchOptions: {
                executablePath: chromium,
                args: [
                  '--disable-background-networking',
                  '--disable-component-update',
                  '--no-first-run',
                ],
              },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
