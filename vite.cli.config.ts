// Builds the `park-map` command (src/cli/validate-cli.ts) into dist/cli/park-map-cli.js for
// Node, with our code bundled so the file runs on its own. The format readers' libraries (SheetJS,
// shpjs, togeojson, fflate, Terraformer's WKT, xmldom) and proj4 are the package's dependencies,
// installed beside it: imported from node_modules rather than copied into the CLI a second time
// (the browser bundle has them as lazy chunks), which keeps ~1.5 MB out of the package.
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    ssr: 'src/cli/validate-cli.ts',
    outDir: 'dist/cli',
    emptyOutDir: false,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rolldownOptions: {
      output: { format: 'es', entryFileNames: 'park-map-cli.js' },
    },
  },
  ssr: {
    target: 'node',
    noExternal: true,
    // Listed here, these win over noExternal.
    external: [
      'xlsx',
      'shpjs',
      '@tmcw/togeojson',
      'fflate',
      '@terraformer/wkt',
      '@xmldom/xmldom',
      'proj4',
    ],
  },
});
