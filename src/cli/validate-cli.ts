// The `park-map` command, for data editors in a terminal:
//   park-map validate FILE            the problems in a file, grouped by code
//   park-map import FILE -o OUT       the file in our schema (the features that pass), a report
//   park-map tiles FILE -o OUT        a PMTiles archive for <park-map src="….pmtiles">
// Each reads the file as the element does (readInput, the field mapping, validateParkData).

import { readFile, realpath, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseEpsgCode } from '../data/crs/epsg-name.js';
import { reprojectIfNeeded } from '../data/crs/reproject.js';
import { parseFieldMapping, mergeMapping, type FieldMapping } from '../data/mapping.js';
import type { IssueLang } from '../data/issue-messages.js';
import { KINDS, type CoordinateSystem, type DataIssue } from '../data/types.js';
import { validateParkData } from '../data/validate/index.js';
import { collectionToArchive, MAX_ZOOM, type InputFeature } from '../tiles/tiles.js';
import { InputFileError, readInput } from './read-input.js';
import { formatIssueLine, formatReport, reportJson, type ReportMode } from './report.js';

export { formatIssueLine, formatReport } from './report.js';
export { readInput } from './read-input.js';

export interface CliIo {
  readFile: (path: string) => Promise<Uint8Array>;
  writeFile: (path: string, data: string | Uint8Array) => Promise<void>;
  out: (text: string) => void;
  err: (text: string) => void;
}

const defaultIo: CliIo = {
  readFile: (path) => readFile(path),
  writeFile: (path, data) => writeFile(path, data),
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

const USAGE = `Usage: park-map validate FILE [options]
       park-map import FILE -o OUT.geojson [--compact] [--report REPORT.json] [options]
       park-map tiles FILE -o OUT.pmtiles [--min-zoom 0] [--max-zoom 14] [--force] [options]

validate  checks a GeoJSON file and lists its problems, grouped by kind of problem.
import    writes the file in park-map's schema (ids, names, kinds, statuses and figures read
          through the field mapping, positions in WGS84): the features that pass; the ones
          that fail are left out and reported. The report goes to stderr.
tiles     writes a PMTiles archive (vector tiles) for <park-map src="….pmtiles">. Refuses when
          the data has errors; --force writes the features that pass.

Options:
  --lang zh-CN|en        language of the messages (default: en)
  --json                 the report as JSON (issues, and the same grouped by code)
  --summary              only the number of problems of each kind
  --all                  every problem on its own line (not grouped)
  --coords SYSTEM        coordinate system of the data when the file does not say: wgs84,
                         gcj02, bd09, or an EPSG code (EPSG:4547, CGCS2000 Gauss–Krüger…),
                         reprojected to WGS84
  --id-field FIELD       the source's field holding each feature's id
  --name-field FIELD     … its name
  --status-field FIELD   … its status
  --default-kind KIND    the kind of features without one of ours (zone, park, plot, building, project)
  --fields MAP.json      a field mapping: {"id": "adcode", "fields": {"investment":
                         {"field": "投资额", "unit": "亿元"}}}; the flags above override it
  -o, --output FILE      where import and tiles write (import: "-" for stdout); never the input
Exit status: 0 no errors (warnings allowed), 1 errors in the data (import and tiles --force
still write the features that pass), 2 bad usage, or a file that cannot be read or written.
`;

type Command = 'validate' | 'import' | 'tiles';

interface Options {
  command: Command;
  file: string;
  lang: IssueLang;
  json: boolean;
  mode: ReportMode;
  coords?: CoordinateSystem;
  epsg?: number;
  idField?: string;
  nameField?: string;
  statusField?: string;
  defaultKind?: string;
  fields?: string;
  output?: string;
  report?: string;
  compact: boolean;
  force: boolean;
  minZoom: number;
  maxZoom: number;
}

const COMMANDS: readonly string[] = ['validate', 'import', 'tiles'];
/** Zooms the tiler writes (MapLibre scales the last one up). */
const ZOOM_LIMIT = 20;

function parseArgs(args: string[]): Options | string {
  const [command, ...rest] = args;
  if (command === undefined || command === '--help' || command === '-h') return '';
  if (!COMMANDS.includes(command)) return `Unknown command "${command}".`;
  const options: Partial<Options> = {
    command: command as Command,
    lang: 'en',
    json: false,
    mode: 'grouped',
    compact: false,
    force: false,
    minZoom: 0,
    maxZoom: MAX_ZOOM,
  };
  const texts = {
    '--id-field': 'idField',
    '--name-field': 'nameField',
    '--status-field': 'statusField',
    '--fields': 'fields',
    '--output': 'output',
    '-o': 'output',
    '--report': 'report',
  } as const;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    const [flag, inline] = arg.startsWith('--') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = (): string | undefined => inline ?? rest[++i];
    if (flag === '--json') options.json = true;
    else if (flag === '--summary') options.mode = 'summary';
    else if (flag === '--all') options.mode = 'all';
    else if (flag === '--compact') options.compact = true;
    else if (flag === '--force') options.force = true;
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
    } else if (flag === '--default-kind') {
      const kind = value();
      if (!(KINDS as readonly (string | undefined)[]).includes(kind)) {
        return `--default-kind must be one of ${KINDS.join(', ')}, not "${kind ?? ''}".`;
      }
      options.defaultKind = kind;
    } else if (flag === '--min-zoom' || flag === '--max-zoom') {
      const text = value() ?? '';
      const zoom = /^\d+$/.test(text) ? Number(text) : NaN;
      if (!(zoom >= 0 && zoom <= ZOOM_LIMIT)) {
        return `${flag} must be a whole number from 0 to ${ZOOM_LIMIT}, not "${text}".`;
      }
      options[flag === '--min-zoom' ? 'minZoom' : 'maxZoom'] = zoom;
    } else if (flag !== undefined && Object.hasOwn(texts, flag)) {
      const given = value();
      if (given === undefined || given === '') return `${flag} needs a value.`;
      options[texts[flag as keyof typeof texts]] = given;
    } else if (flag === '--help' || flag === '-h') return '';
    else if (arg.startsWith('-') && arg !== '-') return `Unknown option "${arg}".`;
    else if (options.file === undefined) options.file = arg;
    else return `Only one FILE, please ("${arg}").`;
  }
  if (options.file === undefined) return 'Which file? Give the path of a GeoJSON file.';
  if (command === 'validate') {
    for (const flag of ['output', 'report', 'force', 'compact'] as const) {
      if (options[flag])
        return `validate writes nothing: --${flag === 'output' ? 'output' : flag} is for import and tiles.`;
    }
  } else if (options.output === undefined) {
    return `${command} needs -o FILE: where to write ${command === 'tiles' ? 'the archive (.pmtiles)' : 'the GeoJSON'}.`;
  }
  if (command === 'tiles' && options.output === '-')
    return 'tiles writes a file, not stdout: give -o FILE.pmtiles.';
  if (options.minZoom! > options.maxZoom!) {
    return `--min-zoom (${options.minZoom}) is above --max-zoom (${options.maxZoom}).`;
  }
  return options as Options;
}

/** Is `output` the input file (the same path, or the same file by another name)? */
async function sameFile(input: string, output: string): Promise<boolean> {
  if (resolve(input) === resolve(output)) return true;
  try {
    return (await realpath(input)) === (await realpath(output));
  } catch {
    return false; // the output does not exist yet
  }
}

/** The field mapping of `--fields` with the flags over it; a string: what is wrong with map.json. */
async function loadMapping(
  options: Options,
  io: CliIo,
): Promise<FieldMapping | undefined | string> {
  let fromFile: FieldMapping | undefined;
  if (options.fields !== undefined) {
    let json: unknown;
    try {
      const text = new TextDecoder().decode(await io.readFile(options.fields));
      json = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
      const code = (error as { code?: string }).code;
      return code === 'ENOENT'
        ? `no such file: ${options.fields}`
        : `${options.fields} is not a field mapping in JSON: ${(error as Error).message}`;
    }
    const parsed = parseFieldMapping(json);
    if (parsed.issues.length) {
      const count = parsed.issues.length;
      return [
        `${options.fields}: ${count} problem${count === 1 ? '' : 's'} in the field mapping; nothing was done.`,
        ...parsed.issues.map((issue) => formatIssueLine(issue, options.lang)),
      ].join('\n');
    }
    fromFile = parsed.mapping;
  }
  return mergeMapping(fromFile, options);
}

/** Runs the CLI; resolves to the exit status. */
export async function runCli(args: string[], io: CliIo = defaultIo): Promise<number> {
  if (io === defaultIo) exitQuietlyOnClosedPipes();
  const options = parseArgs(args);
  if (typeof options === 'string') {
    if (options === '') {
      io.out(USAGE);
      return args.length === 0 ? 2 : 0;
    }
    io.err(`park-map: ${options}\n\n${USAGE}`);
    return 2;
  }
  if (
    options.output !== undefined &&
    options.output !== '-' &&
    (await sameFile(options.file, options.output))
  ) {
    io.err(`park-map: -o ${options.output} is the input file; write somewhere else.\n`);
    return 2;
  }
  const mapping = await loadMapping(options, io);
  if (typeof mapping === 'string') {
    io.err(`park-map: ${mapping}\n`);
    return 2;
  }

  let input;
  try {
    input = await readInput(
      options.file,
      io.readFile,
      options.coords ? { coords: options.coords } : {},
    );
  } catch (error) {
    if (!(error instanceof InputFileError)) throw error;
    io.err(
      error.code === 'ENOENT'
        ? `park-map: no such file: ${options.file}\n`
        : `park-map: cannot read ${options.file}: ${error.message}\n`,
    );
    return 2;
  }

  const issues: DataIssue[] = [...input.issues];
  let collection: ReturnType<typeof validateParkData>['collection'] | undefined;
  if (input.json !== undefined) {
    // Already parsed, as the element does: a file holding a JSON string is not a FeatureCollection.
    // A projected file (a `crs` member or --coords EPSG:…): to WGS84 first, as the element does.
    const reprojected = await reprojectIfNeeded(
      input.json,
      options.epsg === undefined ? {} : { epsg: options.epsg },
    );
    issues.push(...reprojected.issues);
    if (!reprojected.issues.some((issue) => issue.severity === 'error')) {
      const result = validateParkData(reprojected.json, {
        parsed: true,
        ...(options.coords && !reprojected.crs ? { coords: options.coords } : {}),
        ...(mapping ? { mapping } : {}),
      });
      issues.push(...result.errors);
      collection = result.collection;
    }
  }
  const featureCount = collection?.features.length ?? 0;
  const hasErrors = issues.some((issue) => issue.severity === 'error');

  // What to write, decided before anything is written.
  let written: string | undefined;
  let refused: string | undefined;
  let tilesWritten: number | undefined;
  if (options.command === 'import' && collection) {
    const text = JSON.stringify(collection, null, options.compact ? undefined : 2) + '\n';
    if (options.output === '-') io.out(text);
    else if (!(await write(io, options.output!, text))) return 2;
    written = options.output;
  } else if (options.command === 'tiles') {
    if (hasErrors && !options.force) {
      refused =
        options.lang === 'zh-CN'
          ? `未写入 ${options.output}：数据有错误（修正后重试，或用 --force 只写入通过检查的要素）。`
          : `${options.output} was not written: the data has errors (fix them, or give --force to write the features that pass).`;
    } else if (featureCount === 0) {
      refused =
        options.lang === 'zh-CN'
          ? `未写入 ${options.output}：没有可显示的要素。`
          : `${options.output} was not written: no feature can be shown.`;
    } else {
      const { parts, stats } = collectionToArchive(
        collection as { features: readonly InputFeature[] },
        {
          minZoom: options.minZoom,
          maxZoom: options.maxZoom,
        },
      );
      const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
      let offset = 0;
      for (const part of parts) {
        bytes.set(part, offset);
        offset += part.length;
      }
      if (!(await write(io, options.output!, bytes))) return 2;
      written = options.output;
      tilesWritten = stats.addressedTiles;
    }
  }

  const extra =
    options.command === 'validate'
      ? {}
      : { output: options.output, written: written !== undefined };
  const json =
    JSON.stringify(reportJson(options.file, issues, featureCount, options.lang, extra), null, 2) +
    '\n';
  if (options.report !== undefined && !(await write(io, options.report, json))) return 2;
  // validate reports on stdout; import and tiles on stderr (stdout may be the data).
  const report = options.command === 'validate' ? io.out : io.err;
  if (options.json) report(json);
  else {
    let text = formatReport(options.file, issues, featureCount, options.lang, options.mode);
    if (written !== undefined && options.output !== '-') {
      const tiles =
        tilesWritten === undefined
          ? ''
          : options.lang === 'zh-CN'
            ? `（${tilesWritten} 个瓦片）`
            : ` (${tilesWritten} tile${tilesWritten === 1 ? '' : 's'})`;
      text +=
        options.lang === 'zh-CN' ? `已写入 ${written}${tiles}。\n` : `Wrote ${written}${tiles}.\n`;
    }
    if (refused) text += `${refused}\n`;
    report(text);
  }
  return hasErrors || refused !== undefined ? 1 : 0;
}

async function write(io: CliIo, path: string, data: string | Uint8Array): Promise<boolean> {
  try {
    await io.writeFile(path, data);
    return true;
  } catch (error) {
    io.err(`park-map: cannot write ${path}: ${(error as Error).message}\n`);
    return false;
  }
}

let pipesWatched = false;

/**
 * `park-map validate big.geojson | head -1`: when the reader closes the pipe, stop quietly (the
 * status so far) instead of an EPIPE stack trace.
 */
function exitQuietlyOnClosedPipes(): void {
  if (pipesWatched) return;
  pipesWatched = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    });
  }
}
