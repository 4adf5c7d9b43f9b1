// `park-map validate FILE`: the validator for data editors, in a terminal. Reads the file with
// the same decoding and validation the element uses, prints one line per issue, and exits
// non-zero when a feature would be left out.

import { readFile } from 'node:fs/promises';
import { parseEpsgCode } from '../data/crs/epsg-name.js';
import { reprojectIfNeeded } from '../data/crs/reproject.js';
import { decodeParkDataText } from '../data/decode';
import { describeIssue, describeIssueDetail, type IssueLang } from '../data/issue-messages';
import type { CoordinateSystem, DataIssue } from '../data/types';
import { validateParkData } from '../data/validate/index.js';

export interface CliIo {
  readFile: (path: string) => Promise<Uint8Array>;
  out: (text: string) => void;
  err: (text: string) => void;
}

const defaultIo: CliIo = {
  readFile: (path) => readFile(path),
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

const USAGE = `Usage: park-map validate FILE [--lang zh-CN|en] [--json] [--coords wgs84|gcj02|bd09|EPSG:code]

Checks a park-map GeoJSON file and lists every problem.
  --lang    language of the messages (default: en)
  --json    print the issues as JSON instead of text
  --coords  coordinate system of the data, when the file does not say (default: wgs84); an EPSG
            code (EPSG:4547, CGCS2000 Gauss–Krüger etc.) is reprojected to WGS84
Exit status: 0 no errors (warnings allowed), 1 errors in the data, 2 the file could not be read.
`;

interface Options {
  file: string;
  lang: IssueLang;
  json: boolean;
  coords?: CoordinateSystem;
  epsg?: number;
}

function parseArgs(args: string[]): Options | string {
  const [command, ...rest] = args;
  if (command === undefined || command === '--help' || command === '-h') return '';
  if (command !== 'validate') return `Unknown command "${command}".`;
  const options: Partial<Options> = { lang: 'en', json: false };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    const [flag, inline] = arg.startsWith('--') ? arg.split('=', 2) : [arg, undefined];
    const value = (): string | undefined => inline ?? rest[++i];
    if (flag === '--json') options.json = true;
    else if (flag === '--lang') {
      const lang = value();
      if (lang !== 'en' && lang !== 'zh-CN')
        return `--lang must be en or zh-CN, not "${lang ?? ''}".`;
      options.lang = lang;
    } else if (flag === '--coords') {
      const coords = value();
      const epsg = coords === undefined ? undefined : parseEpsgCode(coords);
      if (epsg !== undefined) options.epsg = epsg;
      else if (coords !== 'wgs84' && coords !== 'gcj02' && coords !== 'bd09') {
        return `--coords must be wgs84, gcj02, bd09 or an EPSG code (EPSG:4547), not "${coords ?? ''}".`;
      } else options.coords = coords;
    } else if (flag === '--help' || flag === '-h') return '';
    else if (arg.startsWith('-')) return `Unknown option "${arg}".`;
    else if (options.file === undefined) options.file = arg;
    else return `Only one FILE, please ("${arg}").`;
  }
  if (options.file === undefined) return 'Which file? Give the path of a GeoJSON file.';
  return options as Options;
}

/** `✖ features[3] (id "b5" 总部基地5号楼) properties.status: …` */
export function formatIssueLine(issue: DataIssue, lang: IssueLang): string {
  const mark = issue.severity === 'error' ? '✖' : '⚠';
  if (issue.index === undefined) {
    return `${mark} ${issue.path ? `${issue.path}: ` : ''}${describeIssueDetail(issue, lang)}`;
  }
  const featurePath = `features[${issue.index}]`;
  const name = issue.params?.['name'];
  const who = [
    issue.featureId === undefined ? undefined : `id "${issue.featureId}"`,
    typeof name === 'string' && name !== '' ? name : undefined,
  ].filter((part) => part !== undefined);
  const field = issue.path.startsWith(`${featurePath}.`)
    ? ` ${issue.path.slice(featurePath.length + 1)}`
    : '';
  const label = `${featurePath}${who.length ? ` (${who.join(' ')})` : ''}${field}`;
  return `${mark} ${label}: ${describeIssueDetail(issue, lang)}`;
}

export function formatReport(
  file: string,
  issues: DataIssue[],
  featureCount: number,
  lang: IssueLang,
): string {
  const errors = issues.filter((issue) => issue.severity === 'error');
  const warnings = issues.filter((issue) => issue.severity === 'warning');
  const lines: string[] = [];
  if (errors.length) {
    lines.push(lang === 'zh-CN' ? `错误（${errors.length}）：` : `Errors (${errors.length}):`);
    lines.push(...errors.map((issue) => formatIssueLine(issue, lang)));
  }
  if (warnings.length) {
    if (lines.length) lines.push('');
    lines.push(
      lang === 'zh-CN' ? `警告（${warnings.length}）：` : `Warnings (${warnings.length}):`,
    );
    lines.push(...warnings.map((issue) => formatIssueLine(issue, lang)));
  }
  if (lines.length) lines.push('');
  lines.push(
    lang === 'zh-CN'
      ? `${file}：${errors.length} 个错误，${warnings.length} 个警告；${featureCount} 个要素可以显示。`
      : `${file}: ${errors.length} error${errors.length === 1 ? '' : 's'}, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}; ${featureCount} feature${featureCount === 1 ? '' : 's'} can be shown.`,
  );
  return lines.join('\n') + '\n';
}

/** Runs the CLI; resolves to the exit status. */
export async function runCli(args: string[], io: CliIo = defaultIo): Promise<number> {
  const options = parseArgs(args);
  if (typeof options === 'string') {
    if (options === '') {
      io.out(USAGE);
      return args.length === 0 ? 2 : 0;
    }
    io.err(`park-map: ${options}\n\n${USAGE}`);
    return 2;
  }

  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(options.file);
  } catch (error) {
    const code = (error as { code?: string }).code;
    io.err(
      code === 'ENOENT'
        ? `park-map: no such file: ${options.file}\n`
        : `park-map: cannot read ${options.file}: ${(error as Error).message}\n`,
    );
    return 2;
  }

  const decoded = decodeParkDataText(bytes, { url: options.file });
  const issues: DataIssue[] = [...decoded.warnings];
  let featureCount = 0;
  if (decoded.ok) {
    // Already parsed, as the element does: a file holding a JSON string is not a FeatureCollection.
    // A projected file (a `crs` member or --coords EPSG:…): to WGS84 first, as the element does.
    const reprojected = await reprojectIfNeeded(
      decoded.json,
      options.epsg === undefined ? {} : { epsg: options.epsg },
    );
    issues.push(...reprojected.issues);
    if (!reprojected.issues.some((issue) => issue.severity === 'error')) {
      const result = validateParkData(reprojected.json, {
        parsed: true,
        ...(options.coords && !reprojected.crs ? { coords: options.coords } : {}),
      });
      issues.push(...result.errors);
      featureCount = result.collection.features.length;
    }
  } else {
    issues.push(decoded.issue);
  }

  if (options.json) {
    const localized = issues.map((issue) => ({
      ...issue,
      ...(options.lang === 'zh-CN' ? { message: describeIssue(issue, 'zh-CN') } : {}),
    }));
    io.out(
      JSON.stringify({ file: options.file, features: featureCount, issues: localized }, null, 2) +
        '\n',
    );
  } else {
    io.out(formatReport(options.file, issues, featureCount, options.lang));
  }
  return issues.some((issue) => issue.severity === 'error') ? 1 : 0;
}
