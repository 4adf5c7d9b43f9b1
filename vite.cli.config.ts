// Builds the `park-map` command (src/cli/validate-cli.ts) into dist/cli/park-map-cli.js for
// Node, with its dependencies bundled so the file runs on its own.
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
  ssr: { target: 'node', noExternal: true },
});
