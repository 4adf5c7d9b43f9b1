// The npm library build: dist/lib/, ES modules for an application's bundler. Unlike the standalone
// bundle (vite.config.ts) it leaves its dependencies to the application, maplibre-gl above all (a
// peer dependency, so one copy of MapLibre serves the page), and ships no MapLibre worker of its own.
// Types come from tsc (tsconfig.build.json) into dist/types/.
import { defineConfig, type Plugin } from 'vite';
import pkg from './package.json' with { type: 'json' };
import { maplibreCssPlugin } from './scripts/maplibre-css.mjs';

const bare = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.peerDependencies)];

/** `maplibre-gl` and `lit/decorators.js` are external; `maplibre-gl/dist/maplibre-gl.css?inline` is not. */
function isExternal(id: string): boolean {
  if (id.includes('?')) return false;
  return bare.some((name) => id === name || id.startsWith(`${name}/`));
}

/** Swaps the standalone bundle's worker file for the library's stand-in. */
function libraryWorker(): Plugin {
  return {
    name: 'park-map-library-worker',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (source !== './worker-url.js' || !importer?.includes('/src/map/')) return null;
      return this.resolve('./worker-url-lib.ts', importer, { skipSelf: true });
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [libraryWorker(), maplibreCssPlugin()],
  build: {
    target: 'es2022',
    outDir: 'dist/lib',
    emptyOutDir: true,
    copyPublicDir: false,
    minify: false,
    lib: {
      entry: { index: 'src/index.ts', define: 'src/define.ts' },
      formats: ['es'],
    },
    rolldownOptions: {
      external: isExternal,
      output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
