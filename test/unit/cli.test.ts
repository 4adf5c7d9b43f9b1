import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { beforeAll, describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin/park-map.js');
const fixture = (name: string) => join(root, 'test/fixtures/bad', `${name}.geojson`);

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Building the CLI takes about 0.2 s (measured: vite build of src/cli/validate-cli.ts).
beforeAll(async () => {
  await build({ configFile: join(root, 'vite.cli.config.ts'), root, logLevel: 'silent' });
}, 30_000);

describe('park-map validate', () => {
  test('warnings only: exit 0, one line per issue, a summary', () => {
    const result = run('validate', 'test/fixtures/bad/unknown-status.geojson');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      [
        'Warnings (1):',
        '⚠ features[1] (id "b5" 总部基地5号楼) properties.status: "运营中" is not a known status; use one of planned, signed, under_construction, topped_out, fitting_out, completed, operating. Did you mean "operating"? The feature is shown without a status until then.',
        '',
        'test/fixtures/bad/unknown-status.geojson: 0 errors, 1 warning; 2 features can be shown.',
        '',
      ].join('\n'),
    );
  });

  test('errors: exit 1', () => {
    const result = run('validate', 'test/fixtures/bad/unknown-kind.geojson');
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(
      [
        'Errors (1):',
        '✖ features[1] (id "b5" 总部基地5号楼) properties.kind: "楼" is not a known kind; use one of zone, park, plot, building, project. Did you mean "building"? The feature is left out until then.',
        '',
        'test/fixtures/bad/unknown-kind.geojson: 1 error, 0 warnings; 1 feature can be shown.',
        '',
      ].join('\n'),
    );
  });

  test('errors first, then warnings', () => {
    const dir = mkdtempSync(join(tmpdir(), 'park-map-cli-'));
    const file = join(dir, 'mixed.geojson');
    writeFileSync(
      file,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            id: 'a',
            geometry: null,
            properties: { kind: 'park', name: 'A', status: 'x' },
          },
        ],
      }),
    );
    const lines = run('validate', file).stdout.split('\n');
    expect(lines[0]).toBe('Errors (1):');
    expect(lines[1]).toMatch(/^✖ features\[0\] \(id "a" A\) geometry: /);
    expect(lines[3]).toBe('Warnings (1):');
    expect(lines[4]).toMatch(/^⚠ features\[0\] \(id "a" A\) properties.status: /);
  });

  test('--lang zh-CN', () => {
    const result = run('validate', fixture('figure-as-text'), '--lang', 'zh-CN');
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')).toEqual([
      '警告（1）：',
      '⚠ features[1] (id "b5" 总部基地5号楼) properties.investment: “10亿元”是文字，请填写数字 1000000000（单位：元）。修改前该数值不显示。',
      '',
      `${fixture('figure-as-text')}：0 个错误，1 个警告；2 个要素可以显示。`,
      '',
    ]);
  });

  test('--json prints the raw issues', () => {
    const result = run('validate', fixture('parent-cycle'), '--json');
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as {
      features: number;
      issues: { code: string; featureId: string }[];
    };
    expect(report.features).toBe(1);
    expect(report.issues.map((issue) => [issue.code, issue.featureId])).toEqual([
      ['parent-cycle', 'a1'],
      ['parent-cycle', 'a2'],
    ]);
  });

  test('decoding notes are reported too: a GBK file loads with a warning', () => {
    const dir = mkdtempSync(join(tmpdir(), 'park-map-cli-'));
    const file = join(dir, 'gbk.geojson');
    // 园区 in GBK is D4 B0 C7 F8.
    const head = Buffer.from(
      '{"type":"FeatureCollection","features":[{"type":"Feature","id":"p","geometry":{"type":"Point","coordinates":[112.57,26.89]},"properties":{"kind":"park","name":"',
    );
    writeFileSync(
      file,
      Buffer.concat([head, Buffer.from([0xd4, 0xb0, 0xc7, 0xf8]), Buffer.from('"}}]}')]),
    );
    const result = run('validate', file);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      '⚠ The file is GBK-encoded (typical of a Chinese Excel export)',
    );
    expect(result.stdout).toContain('0 errors, 1 warning; 1 feature can be shown.');
  });

  test('a file that is not JSON: exit 1 with line and column', () => {
    const dir = mkdtempSync(join(tmpdir(), 'park-map-cli-'));
    const file = join(dir, 'broken.geojson');
    writeFileSync(file, '{"type": "FeatureCollection", "features": [}');
    const result = run('validate', file);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      '✖ The file is not valid JSON: unexpected "}" at line 1, column 44.',
    );
  });

  test('a file holding a JSON string of a collection is rejected, as the element rejects it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'park-map-cli-'));
    const file = join(dir, 'string.geojson');
    writeFileSync(
      file,
      JSON.stringify(JSON.stringify({ type: 'FeatureCollection', features: [] })),
    );
    const result = run('validate', file, '--json');
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as { features: number; issues: { code: string }[] };
    expect(report.features).toBe(0);
    expect(report.issues.map((issue) => issue.code)).toEqual(['not-feature-collection']);
  });

  test('a missing file: exit 2 with a message', () => {
    const result = run('validate', 'no/such/file.geojson');
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('park-map: no such file: no/such/file.geojson\n');
  });

  test('no arguments: usage, exit 2', () => {
    const result = run();
    expect(result.status).toBe(2);
    expect(result.stdout).toMatch(/^Usage: park-map validate FILE/);
  });

  test('an unknown option: exit 2', () => {
    const result = run('validate', fixture('unknown-kind'), '--colour');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^park-map: Unknown option "--colour"\./);
  });

  test('not built: says how to build', () => {
    const dir = mkdtempSync(join(tmpdir(), 'park-map-cli-'));
    mkdirSync(join(dir, 'bin'));
    copyFileSync(bin, join(dir, 'bin/park-map.js'));
    writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
    const result = spawnSync(process.execPath, [join(dir, 'bin/park-map.js'), 'validate', 'x'], {
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'park-map: the command is not built yet; run `npm run build:cli` first (in the park-map folder).\n',
    );
  });
});
