// What a page loads before the first render: the standalone bundle's entry and every chunk it
// imports statically. Code needed only by a measuring tool, an export or a particular data source
// must stay out of that set and load when first used (module membership, not byte counts: the
// sizes are the benchmark's job, bench/run.mjs).
import { join } from 'node:path';
import { build, type Rolldown } from 'vite';
import { beforeAll, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;

let firstLoad: Set<string>;
let lazy: Set<string>;
let firstLoadFiles: string[];
/** Each module's chunk (file name). */
const chunkOf = new Map<string, string>();

/** A module id as a path inside the checkout (query strings and Rolldown's \0 prefix dropped). */
function clean(id: string): string {
  return id
    .replace(/^\0/, '')
    .replace(/\?.*$/, '')
    .replace(root, '')
    .replace(/^.*node_modules\//, 'node_modules/');
}

beforeAll(async () => {
  // Built as `npx vite build` builds it: under Vitest (NODE_ENV=test) packages would resolve to
  // their development builds (Lit's), which is not what a page loads.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  let result: Awaited<ReturnType<typeof build>>;
  try {
    result = await build({
      root,
      configFile: join(root, 'vite.config.ts'),
      logLevel: 'silent',
      mode: 'production',
      build: { write: false, chunkSizeWarningLimit: 4096 },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunks = new Map<string, Rolldown.OutputChunk>();
  for (const { output } of outputs) {
    for (const item of output) if (item.type === 'chunk') chunks.set(item.fileName, item);
  }
  const entry = [...chunks.values()].find((chunk) => chunk.isEntry);
  if (!entry) throw new Error('the build has no entry chunk');
  const firstFiles = new Set<string>();
  const visit = (fileName: string): void => {
    if (firstFiles.has(fileName)) return;
    firstFiles.add(fileName);
    for (const imported of chunks.get(fileName)?.imports ?? []) visit(imported);
  };
  visit(entry.fileName);
  firstLoadFiles = [...firstFiles];
  firstLoad = new Set();
  lazy = new Set();
  for (const chunk of chunks.values()) {
    const into = firstFiles.has(chunk.fileName) ? firstLoad : lazy;
    for (const id of Object.keys(chunk.modules)) {
      into.add(clean(id));
      chunkOf.set(clean(id), chunk.fileName);
    }
  }
}, 120_000);

it('the first load holds the element, its data loading, the filter state and the toolbar', () => {
  for (const module of [
    'src/park-map.ts',
    'src/data/data-controller.ts',
    'src/map/map-controller.ts',
    'src/ui/measure-panel.ts',
    'src/explore/explore-controller.ts',
    'src/state/park-store.ts',
    'src/chunks/lazy-module.ts',
    'src/export/exporter.ts',
    'node_modules/lit-html/lit-html.js',
  ]) {
    expect(firstLoad, module).toContain(module);
  }
});

it('the first load holds every panel’s styles, also those of panels that load later', () => {
  // They are the element's static styles (src/ui/styles.ts composes them): a panel drawn from a
  // lazy chunk finds its rules already in the shadow root.
  for (const module of [
    'src/ui/styles.ts',
    'src/ui/base.styles.ts',
    'src/ui/map-stage.styles.ts',
    'src/ui/explore-panel.styles.ts',
    'src/ui/details-panel.styles.ts',
    'src/ui/legend.styles.ts',
    'src/ui/issues-banner.styles.ts',
    'src/ui/measure-panel.styles.ts',
    'src/map/name-labels.styles.ts',
  ]) {
    expect(firstLoad, module).toContain(module);
    expect(lazy, module).not.toContain(module);
  }
});

it('the first load is one file: code shared with lazy chunks stays in the entry', () => {
  // Shared modules split into chunks of their own would cost a request each, and compress apart
  // (gzip starts each file with an empty dictionary).
  expect(firstLoadFiles).toEqual(['park-map.js']);
});

it.each([
  ['decoding (fetched beside MapLibre)', 'src/data/decode.ts'],
  ['validation', 'src/data/validate/index.ts'],
  ['the figure checks (figures written as text)', 'src/data/validate/figures.ts'],
  ['the issue messages', 'src/data/issue-messages.ts'],
  [
    'the grouping of issues (there are issues only once the data chunk has found them)',
    'src/data/issue-groups.ts',
  ],
  [
    'reading, reprojecting, mapping and validating (the load pipeline)',
    'src/data/load-pipeline.ts',
  ],
  ['the field mapping', 'src/data/mapping.ts'],
  ['the filter and search indexes (they index loaded data)', 'src/explore/filter.ts'],
  ['search', 'src/explore/search.ts'],
  ['the list panel', 'src/ui/explore-panel.ts'],
  ['the legend', 'src/ui/legend.ts'],
  ['the bottom sheet (phone layout)', 'src/ui/sheet.ts'],
  ['the styles only lazy chunks draw (phone layout, legend button)', 'src/ui/late.styles.ts'],
  ['the phone layout strings', 'src/i18n/layout-strings.ts'],
  ['the map layers (fetched beside MapLibre)', 'src/map/layers.ts'],
  ['the basemaps', 'src/map/basemaps.ts'],
  ['the name labels', 'src/map/labels.ts'],
  ['the vector-tile filter', 'src/map/tile-filter.ts'],
  ['the feature-state keys (drawnKey)', 'src/map/drawn-key.ts'],
  ['the PMTiles archive reader', 'src/map/pmtiles-archive.ts'],
  ['the unit formats (the interface strings need only plain numbers)', 'src/i18n/format.ts'],
  ['the details panel (loaded once the map is drawn)', 'src/ui/details-panel.ts'],
  ['the URL code (for `hash`)', 'src/explore/url-state.ts'],
  ['the measuring controller', 'src/measure/measure-controller.ts'],
  ['vertex snapping', 'src/measure/snap.ts'],
  ['the measuring results panel', 'src/ui/measure-results.ts'],
  ['CSV and GeoJSON export', 'src/export/export.ts'],
  ['file downloads and the map picture', 'src/export/downloads.ts'],
  ['the picture caption', 'src/export/image-caption.ts'],
  ['the map parts (source, labels, camera, 3D…)', 'src/map/map-parts.ts'],
  ['the drawing rules and layers', 'src/measure/draw.ts'],
  ['pmtiles', 'node_modules/pmtiles/dist/esm/index.js'],
  ['MapLibre', 'node_modules/maplibre-gl/dist/maplibre-gl.mjs'],
])('%s loads on first use, not before the first render', (_, module) => {
  expect(firstLoad).not.toContain(module);
  // It is in the build, in a lazy chunk: the assertion above did not pass for a renamed path.
  expect(lazy).toContain(module);
});

it.each([
  ['the CSV and Excel reader', 'src/data/formats/spreadsheet.ts'],
  ['the KML and KMZ reader', 'src/data/formats/kml.ts'],
  ['the Shapefile reader', 'src/data/formats/shapefile.ts'],
  ['SheetJS', 'node_modules/xlsx/'],
  ['shpjs', 'node_modules/shpjs/'],
  ['togeojson', 'node_modules/@tmcw/togeojson/'],
  ['fflate (zip)', 'node_modules/fflate/'],
  ['Terraformer WKT', 'node_modules/@terraformer/wkt/'],
  ['proj4', 'node_modules/proj4/'],
])('%s loads only for its format: not on the first load, not with the data chunk', (_, prefix) => {
  const modules = [...chunkOf.keys()].filter((id) => id.startsWith(prefix));
  expect(modules.length, `${prefix} is in the build`).toBeGreaterThan(0);
  const dataChunk = chunkOf.get('src/chunks/data-chunk.ts');
  expect(dataChunk).toBeDefined();
  for (const id of modules) {
    expect(firstLoad, id).not.toContain(id);
    expect(chunkOf.get(id), id).not.toBe(dataChunk);
  }
});

it('gcoord is not bundled at all (src/data/coords.ts has its maths)', () => {
  const gcoord = [...firstLoad, ...lazy].filter((id) => id.startsWith('node_modules/gcoord/'));
  expect(gcoord).toEqual([]);
});
