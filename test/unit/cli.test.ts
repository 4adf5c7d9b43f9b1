import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { beforeAll, describe, expect, test } from 'vitest';
import { PMTiles, type RangeResponse, type Source } from 'pmtiles';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';

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

// ---------------------------------------------------------------------------------------------
// Data written by others: a DataV-like export, read through the field mapping.

const square = (west: number, south: number, size = 0.01) => ({
  type: 'Polygon',
  coordinates: [
    [
      [west, south],
      [west + size, south],
      [west + size, south + size],
      [west, south + size],
      [west, south],
    ],
  ],
});

/** A source file: its own `id` property, Chinese field names, one feature without geometry. */
function sourceFile(extra: unknown[] = []): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'park-map-cli-'));
  const file = join(dir, 'source.geojson');
  writeFileSync(
    file,
    JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: square(112.5, 26.8, 0.1),
          properties: { adcode: 430400, 名称: '衡阳园区', 状态: '在建', 投资额: 12, id: 'src-1' },
        },
        {
          type: 'Feature',
          geometry: square(112.52, 26.82),
          properties: {
            adcode: 430401,
            名称: '一号地块',
            状态: '已投产',
            kind: 'plot',
            id: 'src-2',
          },
        },
        ...extra,
      ],
    }),
  );
  return { dir, file };
}

const MAP_JSON = {
  id: 'adcode',
  fields: {
    investment: { field: '投资额', unit: '亿元' },
    status: { field: '状态', values: { 在建: 'under_construction', 已投产: 'operating' } },
  },
};

function mapFile(dir: string, mapping: unknown = MAP_JSON): string {
  const file = join(dir, 'map.json');
  writeFileSync(file, JSON.stringify(mapping));
  return file;
}

const noGeometry = {
  type: 'Feature',
  geometry: null,
  properties: { adcode: 430499, 名称: '无图形', kind: 'park' },
};

describe('park-map import', () => {
  test('writes our schema: ids, names, kinds, statuses and figures through the mapping', () => {
    const { dir, file } = sourceFile();
    const out = join(dir, 'parks.geojson');
    const result = run(
      'import',
      file,
      '-o',
      out,
      '--fields',
      mapFile(dir),
      '--name-field',
      '名称',
      '--default-kind',
      'zone',
    );
    expect(result.stderr).toContain('0 errors');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    const written = JSON.parse(readFileSync(out, 'utf8')) as {
      type: string;
      features: { id: string; properties: Record<string, unknown> }[];
    };
    expect(written.type).toBe('FeatureCollection');
    expect(written.features.map((feature) => feature.id)).toEqual(['430400', '430401']);
    expect(written.features[0]!.properties).toMatchObject({
      name: '衡阳园区',
      kind: 'zone',
      status: 'under_construction',
      investment: 1_200_000_000,
    });
    expect(written.features[1]!.properties).toMatchObject({ kind: 'plot', status: 'operating' });
    // Pretty by default; --compact on one line.
    expect(readFileSync(out, 'utf8')).toContain('\n  "features": [\n');
    run('import', file, '-o', out, '--fields', mapFile(dir), '--default-kind', 'zone', '--compact');
    expect(readFileSync(out, 'utf8').trimEnd()).not.toContain('\n');
  });

  test('flags override map.json', () => {
    const { dir, file } = sourceFile();
    const result = run(
      'import',
      file,
      '-o',
      '-',
      '--fields',
      mapFile(dir, { id: 'id', defaultKind: 'park' }),
      '--id-field',
      'adcode',
      '--default-kind',
      'zone',
    );
    const written = JSON.parse(result.stdout) as {
      features: { id: string; properties: { kind: string } }[];
    };
    expect(written.features.map((feature) => [feature.id, feature.properties.kind])).toEqual([
      ['430400', 'zone'],
      ['430401', 'plot'],
    ]);
  });

  test('features that fail are left out and reported; exit 1; --report writes the JSON report', () => {
    const { dir, file } = sourceFile([noGeometry]);
    const out = join(dir, 'parks.geojson');
    const reportFile = join(dir, 'report.json');
    const result = run(
      'import',
      file,
      '-o',
      out,
      '--id-field',
      'adcode',
      '--default-kind',
      'park',
      '--report',
      reportFile,
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      '✖ features[2] (id "430499" 无图形) geometry: The feature has no geometry',
    );
    expect(result.stderr).toContain(`Wrote ${out}.`);
    const written = JSON.parse(readFileSync(out, 'utf8')) as { features: { id: string }[] };
    expect(written.features.map((feature) => feature.id)).toEqual(['430400', '430401']);
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as {
      written: boolean;
      errors: number;
      groups: { code: string; count: number }[];
    };
    expect(report.written).toBe(true);
    expect(report.errors).toBe(1);
    expect(report.groups.find((group) => group.code === 'missing-geometry')?.count).toBe(1);
  });

  test('never overwrites the input file', () => {
    const { file } = sourceFile();
    const before = readFileSync(file, 'utf8');
    const result = run('import', file, '-o', file);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`park-map: -o ${file} is the input file; write somewhere else.\n`);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  test('needs -o', () => {
    const { file } = sourceFile();
    const result = run('import', file);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^park-map: import needs -o FILE/);
  });
});

describe('mapping flags and map.json', () => {
  test('--default-kind must be one of our kinds', () => {
    const { file } = sourceFile();
    const result = run('validate', file, '--default-kind', 'factory');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /^park-map: --default-kind must be one of zone, park, plot, building, project, not "factory"\./,
    );
  });

  test('a bad map.json: exit 2, every bad key named by its path, nothing done', () => {
    const { dir, file } = sourceFile();
    const map = mapFile(dir, {
      id: 'adcode',
      feilds: {},
      defaultKind: 'factory',
      fields: { investment: { field: '投资额', unit: '亿圆' }, status: { values: {} } },
    });
    const out = join(dir, 'out.geojson');
    const result = run('import', file, '-o', out, '--fields', map);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(`park-map: ${map}: 4 problems in the field mapping; nothing was done.`);
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(/^✖ feilds: "feilds" is not a key .* Did you mean "fields"\?/),
      expect.stringMatching(/^✖ defaultKind: "factory" is not one of our kinds/),
      expect.stringMatching(/^✖ fields\.investment\.unit: "亿圆" is not a unit park-map converts/),
      expect.stringMatching(/^✖ fields\.status: This must name the source's field/),
    ]);
  });

  test('a map.json that is not JSON, or missing', () => {
    const { dir, file } = sourceFile();
    const map = join(dir, 'map.json');
    writeFileSync(map, '{"id": ');
    expect(run('validate', file, '--fields', map).stderr).toMatch(
      /^park-map: .*map\.json is not a field mapping in JSON: /,
    );
    const missing = run('validate', file, '--fields', join(dir, 'nope.json'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe(`park-map: no such file: ${join(dir, 'nope.json')}\n`);
  });

  test('--status-field reads the statuses by their Chinese words', () => {
    const { file } = sourceFile();
    const result = run(
      'import',
      file,
      '-o',
      '-',
      '--status-field',
      '状态',
      '--default-kind',
      'park',
    );
    const written = JSON.parse(result.stdout) as {
      features: { properties: { status?: string } }[];
    };
    expect(written.features.map((feature) => feature.properties.status)).toEqual([
      'under_construction',
      'operating',
    ]);
  });
});

/** `n` features without geometry (each an error) and one with a bad status. */
function manyProblems(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'park-map-cli-'));
  const file = join(dir, 'many.geojson');
  const features = Array.from({ length: n }, (_, i) => ({
    type: 'Feature',
    id: `f${i}`,
    geometry: null,
    properties: { kind: 'building', name: `楼${i}` },
  }));
  features.push({
    type: 'Feature',
    id: 'ok',
    geometry: square(112.5, 26.8) as never,
    properties: { kind: 'park', name: '园', status: 'finished' } as never,
  });
  writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features }));
  return file;
}

describe('grouped report', () => {
  test('one headline per code with the first three examples', () => {
    const file = manyProblems(339);
    const result = run('validate', file);
    expect(result.status).toBe(1);
    expect(result.stdout.split('\n')).toEqual([
      'Errors (339):',
      '✖ 339 features have no geometry; draw their outlines or give at least points. They are left out until then.',
      '    features[0] (id "f0" 楼0) geometry: The feature has no geometry (it is missing or null). Draw its outline or give at least a point. It is left out until then.',
      '    features[1] (id "f1" 楼1) geometry: The feature has no geometry (it is missing or null). Draw its outline or give at least a point. It is left out until then.',
      '    features[2] (id "f2" 楼2) geometry: The feature has no geometry (it is missing or null). Draw its outline or give at least a point. It is left out until then.',
      '    … and 336 more (--all lists every one)',
      '',
      'Warnings (1):',
      expect.stringMatching(/^⚠ features\[339\] \(id "ok" 园\) properties\.status: "finished"/),
      '',
      `${file}: 339 errors, 1 warning; 1 feature can be shown.`,
      '',
    ]);
  });

  test('in Chinese', () => {
    const result = run('validate', manyProblems(5), '--lang', 'zh-CN');
    expect(result.stdout.split('\n').slice(0, 2)).toEqual([
      '错误（5）：',
      '✖ 5 个要素没有几何图形；请绘制轮廓或至少给出一个点。修改前不显示。',
    ]);
    expect(result.stdout).toContain('    …… 另有 2 处（--all 逐条列出）');
  });

  test('--summary: a mapping note said once for the file tells how many features it covers', () => {
    const dir = mkdtempSync(join(tmpdir(), 'park-map-summary-'));
    const file = join(dir, 'named.geojson');
    writeFileSync(
      file,
      JSON.stringify({
        type: 'FeatureCollection',
        features: Array.from({ length: 4 }, (_, i) => ({
          type: 'Feature',
          id: `p${i}`,
          properties: { kind: 'park', 名称: `园区${i}` },
          geometry: { type: 'Point', coordinates: [112.6 + i * 0.01, 26.9] },
        })),
      }),
    );
    const en = run('validate', file, '--summary');
    expect(en.status).toBe(0);
    expect(en.stdout).toContain('⚠ guessed-name-field: 1 (4 features)\n');
    const zh = run('validate', file, '--summary', '--lang', 'zh-CN');
    expect(zh.stdout).toContain('⚠ guessed-name-field: 1（涉及 4 个要素）\n');
  });

  test('--summary: the counts per code only', () => {
    const file = manyProblems(20);
    const result = run('validate', file, '--summary');
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(
      [
        'Errors (20):',
        '✖ missing-geometry: 20',
        '',
        'Warnings (1):',
        '⚠ unknown-status: 1',
        '',
        `${file}: 20 errors, 1 warning; 1 feature can be shown.`,
        '',
      ].join('\n'),
    );
  });

  test('--all: one line per issue', () => {
    const lines = run('validate', manyProblems(20), '--all').stdout.split('\n');
    expect(lines.filter((line) => line.startsWith('✖ features['))).toHaveLength(20);
  });

  test('--json: every issue, and the groups', () => {
    const result = run('validate', manyProblems(20), '--json');
    const report = JSON.parse(result.stdout) as {
      issues: unknown[];
      groups: {
        code: string;
        severity: string;
        count: number;
        features: number;
        message: string;
        examples: { featureId: string }[];
      }[];
    };
    expect(report.issues).toHaveLength(21);
    expect(
      report.groups.map(({ code, severity, count, features }) => ({
        code,
        severity,
        count,
        features,
      })),
    ).toEqual([
      { code: 'missing-geometry', severity: 'error', count: 20, features: 20 },
      { code: 'unknown-status', severity: 'warning', count: 1, features: 1 },
    ]);
    expect(report.groups[0]!.message).toMatch(/^20 features have no geometry/);
    expect(report.groups[0]!.examples.map((issue) => issue.featureId)).toEqual(['f0', 'f1', 'f2']);
  });

  test('stdout closed early (| head -1): no EPIPE stack trace', () => {
    // Enough output (--all --json, ~20 000 issues) to outlast the pipe's buffer after head exits.
    const file = manyProblems(20_000);
    const result = spawnSync(
      'bash',
      [
        '-c',
        `"${process.execPath}" "${bin}" validate "${file}" --all --json | head -1; echo "status \${PIPESTATUS[0]}" >&2`,
      ],
      { cwd: root, encoding: 'utf8' },
    );
    expect(result.stdout).toBe('{\n');
    expect(result.stderr).toMatch(/^status (0|1)\n$/);
  });
});

class FileSource implements Source {
  constructor(private readonly bytes: Uint8Array) {}
  getKey(): string {
    return 'file';
  }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    return { data: this.bytes.slice(offset, offset + length).buffer };
  }
}

/** The features of an archive's tile at zoom z holding a point, with their properties. */
async function tileFeaturesAt(path: string, lon: number, lat: number, z: number) {
  const archive = new PMTiles(new FileSource(new Uint8Array(readFileSync(path))));
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const rad = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  const tile = await archive.getZxy(z, x, y);
  if (!tile) return [];
  const layer = new VectorTile(new PbfReader(new Uint8Array(tile.data))).layers['features'];
  return Array.from({ length: layer?.length ?? 0 }, (_, i) => layer!.feature(i).properties);
}

describe('park-map tiles', () => {
  test('writes an archive whose tile features carry our ids, not the source id', async () => {
    const { dir, file } = sourceFile();
    const out = join(dir, 'parks.pmtiles');
    const result = run(
      'tiles',
      file,
      '-o',
      out,
      '--fields',
      mapFile(dir),
      '--default-kind',
      'zone',
      '--max-zoom',
      '12',
    );
    expect(result.stderr).toMatch(/\nWrote \/.*\/parks\.pmtiles \(\d+ tiles\)\.\n/);
    expect(result.status).toBe(0);
    const archive = new PMTiles(new FileSource(new Uint8Array(readFileSync(out))));
    const header = await archive.getHeader();
    expect(header.maxZoom).toBe(12);
    const features = await tileFeaturesAt(out, 112.525, 26.825, 12);
    const byId = new Map(features.map((properties) => [properties['id'], properties]));
    expect([...byId.keys()].sort()).toEqual(['430400', '430401']);
    expect(byId.get('430400')).toMatchObject({
      sourceId: 'src-1',
      name: '衡阳园区',
      kind: 'zone',
      status: 'under_construction',
      investment: 1_200_000_000,
    });
  });

  test('a zipped Shapefile in CGCS2000 Gauss–Krüger (ogr2ogr): tiles in WGS84, by the same mapping', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'park-map-tiles-shp-'));
    const out = join(dir, 'parks.pmtiles');
    const zip = join(root, 'test/fixtures/formats/parks-cgcs2000.zip');
    const result = run('tiles', zip, '-o', out, '--id-field', '编码', '--max-zoom', '12');
    expect(result.status).toBe(0);
    // 光谷软件园 spans 114.4001–114.4101 °E, 30.5012–30.5112 °N in the source the zip was made from.
    const features = await tileFeaturesAt(out, 114.405, 30.506, 12);
    expect(features.map((properties) => [properties['id'], properties['name']])).toContainEqual([
      '0101',
      '光谷软件园',
    ]);
  });

  test('refuses when the data has errors: exit 1, nothing written', () => {
    const { dir, file } = sourceFile([noGeometry]);
    const out = join(dir, 'parks.pmtiles');
    const result = run('tiles', file, '-o', out, '--id-field', 'adcode', '--default-kind', 'park');
    expect(result.status).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(result.stderr).toContain(
      `${out} was not written: the data has errors (fix them, or give --force to write the features that pass).`,
    );
  });

  test('--force writes the features that pass, still exit 1', async () => {
    const { dir, file } = sourceFile([noGeometry]);
    const out = join(dir, 'parks.pmtiles');
    const result = run(
      'tiles',
      file,
      '-o',
      out,
      '--id-field',
      'adcode',
      '--default-kind',
      'park',
      '--force',
    );
    expect(result.status).toBe(1);
    const ids = (await tileFeaturesAt(out, 112.525, 26.825, 14)).map((p) => p['id']);
    expect(ids.sort()).toEqual(['430400', '430401']);
  });

  test('zoom flags are checked', () => {
    const { file } = sourceFile();
    expect(run('tiles', file, '-o', 'x.pmtiles', '--max-zoom', 'x').stderr).toMatch(
      /^park-map: --max-zoom must be a whole number from 0 to 20, not "x"\./,
    );
    expect(
      run('tiles', file, '-o', 'x.pmtiles', '--min-zoom', '9', '--max-zoom', '3').stderr,
    ).toMatch(/^park-map: --min-zoom \(9\) is above --max-zoom \(3\)\./);
  });
});
