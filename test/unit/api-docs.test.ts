// The README's API tables and custom-elements.json must follow the element's JSDoc: the check of
// scripts/api-docs.mjs passes on the repository and fails on a drifted copy of either file.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';

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

describe('the published manifest lists the public API, once', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
  const element = manifest.modules
    .flatMap((module: { declarations?: unknown[] }) => module.declarations ?? [])
    .find((declaration: { tagName?: string }) => declaration.tagName === 'park-map') as {
    members: { name: string; privacy?: string; description?: string }[];
    attributes: { name: string; description?: string }[];
    cssProperties: { name: string; description?: string }[];
  };

  test('no private or protected members, and each one described', () => {
    expect(element.members.length).toBeGreaterThan(10);
    for (const member of element.members) {
      expect(member.privacy ?? 'public', member.name).toBe('public');
      expect(member.name.startsWith('#'), member.name).toBe(false);
      expect(member.description ?? '', member.name).not.toBe('');
    }
  });

  test('each attribute once, with its description', () => {
    const names = element.attributes.map((attribute) => attribute.name);
    expect(names).toEqual([...new Set(names)]);
    expect(names).toContain('lang');
    for (const attribute of element.attributes) {
      expect(attribute.description ?? '', attribute.name).not.toBe('');
    }
  });

  test('every --park-map-* custom property the styles read is documented', () => {
    // The documented names, and those a description names with "likewise `--park-map-…`, `-…`".
    const documented = new Set<string>();
    const prefixes: string[] = [];
    for (const property of element.cssProperties) {
      documented.add(property.name);
      for (const [, name] of (property.description ?? '').matchAll(/`(--park-map-[a-z0-9-]+)`/g)) {
        documented.add(name!);
      }
      const stem = property.name.replace(/-[a-z]+$/, '');
      for (const [, tail] of (property.description ?? '').matchAll(/`(-[a-z-]+)`/g)) {
        documented.add(`${stem}${tail}`);
      }
      if ((property.description ?? '').includes('likewise')) prefixes.push(`${stem}-`);
    }
    const used = new Set<string>();
    for (const file of sourceFiles(join(root, 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const [name] of text.matchAll(/--park-map-[a-z0-9-]*[a-z0-9]/g)) used.add(name);
    }
    expect(used.size).toBeGreaterThan(20);
    const undocumented = [...used].filter(
      (name) => !documented.has(name) && !prefixes.some((prefix) => prefix === `${name}-`),
    );
    expect(undocumented).toEqual([]);
  });
});

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(folder, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(folder, entry.name)]
        : [],
  );
}
