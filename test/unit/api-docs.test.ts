// The README's API tables and custom-elements.json must follow the element's JSDoc: the check of
// scripts/api-docs.mjs passes on the repository and fails on a drifted copy of either file.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, test } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const script = join(root, 'scripts/api-docs.mjs');

// Each run analyzes src/park-map.ts in a fresh Node process: about 1 s (measured). spawnSync blocks
// vitest's own timeout, so a run that hangs is killed here and fails the test (status null).
function check(...args: string[]) {
  const result = spawnSync(process.execPath, [script, '--check', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

let scratch: string | undefined;
function scratchFile(name: string, text: string): string {
  scratch ??= mkdtempSync(join(tmpdir(), 'park-map-api-docs-'));
  const file = join(scratch, name);
  writeFileSync(file, text);
  return file;
}
afterEach(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
});

test('README.md and custom-elements.json are what the JSDoc gives', () => {
  const result = check();
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
});

test('a hand-edited API table in the README fails the check, naming the line', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const row = '| `park-map-load`';
  expect(readme).toContain(row);
  const drifted = scratchFile('README.md', readme.replace(row, '| `park-map-loaded`'));

  const result = check('--readme', drifted);

  expect(result.status).toBe(1);
  expect(result.stderr).toContain("README.md's API tables differ");
  expect(result.stderr).toContain('found:    | `park-map-loaded`');
});

test('a README without the markers fails the check', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8').replace('<!-- api:start -->', '');
  const result = check('--readme', scratchFile('README.md', readme));

  expect(result.status).toBe(1);
  expect(result.stderr).toContain('has no <!-- api:start --> … <!-- api:end --> markers');
});

test('a custom-elements.json that the source no longer gives fails the check as stale', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
  manifest.modules[0].declarations[0].attributes.pop();
  const stale = scratchFile('custom-elements.json', JSON.stringify(manifest, null, 2));

  const result = check('--manifest', stale);

  expect(result.status).toBe(1);
  expect(result.stderr).toContain('custom-elements.json is stale');
});
