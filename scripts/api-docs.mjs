#!/usr/bin/env node
// The README's API tables come from custom-elements.json, which comes from the element's JSDoc
// (STYLE rule 10). Without options: regenerate custom-elements.json with the analyzer (settings in
// custom-elements-manifest.config.mjs) and write the tables into README.md between the
// `<!-- api:start -->` and `<!-- api:end -->` markers.
// `--check`: write nothing; exit 1 when custom-elements.json is stale relative to the source or
// README.md's tables differ from what custom-elements.json gives.
// `--readme FILE` and `--manifest FILE` read (and write) other files than the repository's own.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as prettier from 'prettier';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const START = '<!-- api:start -->';
const END = '<!-- api:end -->';
const REGENERATE = 'Run `npm run docs:api` (node scripts/api-docs.mjs) and commit the result.';

const { values: options } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    readme: { type: 'string', default: path.join(ROOT, 'README.md') },
    manifest: { type: 'string', default: path.join(ROOT, 'custom-elements.json') },
  },
});

/** Runs the analyzer in-process, exactly as `cem analyze` does from the repository root, writing nothing. */
async function analyze() {
  let cli;
  try {
    ({ cli } = await import('@custom-elements-manifest/analyzer/cli.js'));
  } catch (error) {
    throw new Error(
      `@custom-elements-manifest/analyzer is not installed (${error.message}); run \`npm install\`.`,
      { cause: error },
    );
  }
  return cli({ argv: ['analyze', '--quiet'], cwd: ROOT, noWrite: true });
}

/** The analyzer's own file format: two-space JSON and a final newline. */
function serializeManifest(manifest) {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

// --- Markdown ---------------------------------------------------------------------------------

/** One table cell: a single line, with the pipes escaped (also inside code spans, as GFM wants). */
function cell(text) {
  return String(text ?? '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
}

function code(text) {
  if (text === undefined || text === null || text === '') return '';
  const fence = String(text).includes('`') ? '``' : '`';
  return `${fence}${text}${fence}`;
}

/** A GFM table; a column empty in every row (say, no event has a type yet) is left out. */
function table(headers, rows) {
  if (rows.length === 0) return 'None.';
  const kept = headers
    .map((_header, column) => column)
    .filter((column) => column === 0 || rows.some((row) => cell(row[column]) !== ''));
  const line = (cells) => `| ${kept.map((column) => cell(cells[column])).join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

const isPublic = (member) =>
  !member.static &&
  (member.privacy === undefined || member.privacy === 'public') &&
  !member.name.startsWith('#') &&
  !member.name.startsWith('_');

function signature(method) {
  const parameters = (method.parameters ?? []).map((parameter) => {
    const name = `${parameter.rest ? '...' : ''}${parameter.name}${parameter.optional ? '?' : ''}`;
    return parameter.type?.text ? `${name}: ${parameter.type.text}` : name;
  });
  const returns = method.return?.type?.text ? `: ${method.return.type.text}` : '';
  return `${method.name}(${parameters.join(', ')})${returns}`;
}

/** Markdown (before prettier) for one custom element's API. */
function elementSections(element, headingLevel) {
  const heading = (text) => `${'#'.repeat(headingLevel)} ${text}`;
  const members = element.members ?? [];
  const attributes = element.attributes ?? [];
  const memberNamed = (name) => members.find((member) => member.name === name);
  const attributeOf = (member) =>
    attributes.find((attribute) => attribute.fieldName === member.name) ??
    attributes.find((attribute) => attribute.name === member.attribute);

  const publicAttributes = attributes.filter((attribute) => {
    const field = attribute.fieldName ? memberNamed(attribute.fieldName) : undefined;
    return !field || isPublic(field);
  });
  const fields = members.filter((member) => member.kind === 'field' && isPublic(member));
  const methods = members.filter((member) => member.kind === 'method' && isPublic(member));
  const events = (element.events ?? []).filter((event) => event.name);

  const sections = [
    heading('Attributes'),
    table(
      ['Attribute', 'Property', 'Type', 'Default', 'Reflects', 'Description'],
      publicAttributes.map((attribute) => {
        const field = attribute.fieldName ? memberNamed(attribute.fieldName) : undefined;
        return [
          code(attribute.name),
          code(attribute.fieldName),
          code(attribute.type?.text ?? field?.type?.text),
          code(attribute.default ?? field?.default),
          field?.reflects ? 'yes' : '',
          attribute.description ?? field?.description,
        ];
      }),
    ),
    heading('Properties'),
    table(
      ['Property', 'Attribute', 'Type', 'Default', 'Description'],
      fields.map((field) => {
        const description = field.description || attributeOf(field)?.description || '';
        const readOnly = field.readonly && !/read-only/i.test(description) ? ' (read-only)' : '';
        return [
          `${code(field.name)}${readOnly}`,
          code(attributeOf(field)?.name),
          code(field.type?.text),
          code(field.default),
          description,
        ];
      }),
    ),
    heading('Methods'),
    table(
      ['Method', 'Description'],
      methods.map((method) => [code(signature(method)), method.description]),
    ),
    heading('Events'),
    table(
      ['Event', 'Type', 'Description'],
      events.map((event) => [code(event.name), code(event.type?.text), event.description]),
    ),
  ];
  if ((element.slots ?? []).length > 0) {
    sections.push(
      heading('Slots'),
      table(
        ['Slot', 'Description'],
        element.slots.map((slot) => [slot.name ? code(slot.name) : '(default)', slot.description]),
      ),
    );
  }
  sections.push(
    heading('CSS parts'),
    table(
      ['Part', 'Description'],
      (element.cssParts ?? []).map((part) => [code(part.name), part.description]),
    ),
    heading('CSS custom properties'),
    table(
      ['Property', 'Default', 'Description'],
      (element.cssProperties ?? []).map((property) => [
        code(property.name),
        code(property.default),
        property.description,
      ]),
    ),
  );
  return sections;
}

function customElements(manifest) {
  return (manifest.modules ?? []).flatMap((module) =>
    (module.declarations ?? []).filter((declaration) => declaration.customElement),
  );
}

/** Public API items without a description: the JSDoc to write. */
function undocumented(element) {
  const label = `<${element.tagName ?? element.name}>`;
  const missing = [];
  for (const attribute of element.attributes ?? []) {
    if (!attribute.description) missing.push(`${label} attribute ${attribute.name} (@attr)`);
  }
  for (const member of (element.members ?? []).filter(isPublic)) {
    const attribute = (element.attributes ?? []).find((item) => item.fieldName === member.name);
    if (!member.description && !attribute?.description)
      missing.push(`${label} ${member.kind} ${member.name} (/** … */)`);
  }
  for (const event of element.events ?? []) {
    if (!event.name || !event.description) missing.push(`${label} event ${event.name} (@fires)`);
  }
  for (const part of element.cssParts ?? []) {
    if (!part.description) missing.push(`${label} part ${part.name} (@csspart)`);
  }
  for (const property of element.cssProperties ?? []) {
    if (!property.description) missing.push(`${label} CSS property ${property.name} (@cssprop)`);
  }
  return missing;
}

/** The text between the markers, formatted as prettier formats README.md. */
async function apiMarkdown(manifest, readmePath) {
  const elements = customElements(manifest);
  if (elements.length === 0) throw new Error('custom-elements.json describes no custom element.');
  const sections =
    elements.length === 1
      ? elementSections(elements[0], 3)
      : elements.flatMap((element) => [
          `### \`<${element.tagName ?? element.name}>\``,
          ...elementSections(element, 4),
        ]);
  const markdown = `${sections.join('\n\n')}\n`;
  // The repository's prettier settings, also for a README elsewhere (the tests use copies).
  const config = (await prettier.resolveConfig(path.join(ROOT, 'README.md'))) ?? {};
  return prettier.format(markdown, { ...config, filepath: readmePath });
}

/** README.md's text split around the markers, or null when they are missing. */
function splitReadme(readme) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start === -1 || end === -1 || end < start) return null;
  return {
    before: readme.slice(0, start + START.length),
    inside: readme.slice(start + START.length, end),
    after: readme.slice(end),
  };
}

const wrapBlock = (markdown) => `\n\n${markdown}\n`;

/** The first lines where two texts differ, to point at the drift. */
function firstDifferences(expected, actual, limit = 5) {
  const expectedLines = expected.split('\n');
  const actualLines = actual.split('\n');
  const lines = [];
  for (let index = 0; index < Math.max(expectedLines.length, actualLines.length); index++) {
    if (expectedLines[index] === actualLines[index]) continue;
    lines.push(`  line ${index + 1} of the block:`);
    lines.push(`    expected: ${expectedLines[index] ?? '(nothing)'}`);
    lines.push(`    found:    ${actualLines[index] ?? '(nothing)'}`);
    if (lines.length >= limit * 3) break;
  }
  return lines.join('\n');
}

async function readIfThere(file) {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if (error.code === 'ENOENT') return null;
    throw error;
  }
}

async function check() {
  const problems = [];
  const manifestName = path.relative(process.cwd(), options.manifest) || options.manifest;
  const readmeName = path.relative(process.cwd(), options.readme) || options.readme;

  const fresh = await analyze();
  const committedText = await readIfThere(options.manifest);
  let committed = null;
  if (committedText === null) {
    problems.push(`${manifestName} is missing.`);
  } else {
    try {
      committed = JSON.parse(committedText);
    } catch (error) {
      problems.push(`${manifestName} is not JSON (${error.message}).`);
    }
  }
  // Compared as data: how the file is indented is not the question, what it says is.
  if (committed && JSON.stringify(committed) !== JSON.stringify(fresh)) {
    problems.push(
      `${manifestName} is stale: the analyzer makes a different manifest from src/ (JSDoc or static properties changed).`,
    );
  }

  const readme = await readFile(options.readme, 'utf8');
  const parts = splitReadme(readme);
  if (!parts) {
    problems.push(`${readmeName} has no ${START} … ${END} markers in its API section.`);
  } else {
    const expected = wrapBlock(await apiMarkdown(committed ?? fresh, options.readme));
    if (parts.inside !== expected) {
      problems.push(
        `${readmeName}'s API tables differ from what ${manifestName} gives:\n${firstDifferences(expected, parts.inside)}`,
      );
    }
  }

  if (problems.length > 0) {
    console.error(`api-docs: ${problems.join('\n\napi-docs: ')}\n\n${REGENERATE}`);
    process.exitCode = 1;
    return;
  }
  console.log(`api-docs: ${manifestName} and ${readmeName} are up to date.`);
}

async function write() {
  const manifest = await analyze();
  await writeFile(options.manifest, serializeManifest(manifest));

  const readme = await readFile(options.readme, 'utf8');
  const parts = splitReadme(readme);
  if (!parts) {
    throw new Error(
      `${options.readme} has no ${START} … ${END} markers; put them where the API tables go.`,
    );
  }
  const updated = `${parts.before}${wrapBlock(await apiMarkdown(manifest, options.readme))}${parts.after}`;
  if (updated !== readme) await writeFile(options.readme, updated);

  for (const element of customElements(manifest)) {
    for (const item of undocumented(element)) console.warn(`api-docs: no description: ${item}`);
  }
  console.log(`api-docs: wrote ${options.manifest} and the API tables in ${options.readme}.`);
}

try {
  await (options.check ? check() : write());
} catch (error) {
  console.error(`api-docs: ${error.message}`);
  process.exitCode = 1;
}
