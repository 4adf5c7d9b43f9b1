#!/usr/bin/env node
// The `park-map` command. The library is TypeScript, so this runs the compiled CLI
// (dist/cli/park-map-cli.js, built by `npm run build:cli`).
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli/park-map-cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write(
    'park-map: the command is not built yet; run `npm run build:cli` first (in the park-map folder).\n',
  );
  process.exit(2);
}
const { runCli } = await import(cli.href);
process.exitCode = await runCli(process.argv.slice(2));
