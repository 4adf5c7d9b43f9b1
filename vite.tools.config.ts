// The standalone build's helpers, dist/park-map-tools.js: validateParkData, describeIssue, the
// measuring, unit and formatting functions (src/tools.ts), in one self-contained file for a page
// that loads the element with a script tag and wants them too. Apart from the element's bundle
// (vite.config.ts), so that its first load stays the element's own; the few helpers the element
// uses are in both files.
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  publicDir: false,
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: false,
    lib: { entry: 'src/tools.ts', formats: ['es'], fileName: 'park-map-tools' },
    rolldownOptions: { output: { minify: true } },
  },
});
