// Lit's `css` templates in our sources, minified at build time by Lightning CSS (already here for
// MapLibre's stylesheet): the templates keep their indentation and comments otherwise, and about a
// tenth of our first load was that. Only the finding of the templates is ours (a few lines, not
// worth minify-literals and its HTML minifier, which we do not want touching `html` templates):
// each `${…}` becomes a placeholder identifier for Lightning CSS and is put back after. A template
// Lightning CSS cannot read, or whose placeholders do not all come back in order, is left as written.
//
// Plain JavaScript, so that both Vite (vite.config.ts) and the benchmark (bench/run.mjs) run it.
import { transform } from 'lightningcss';

const PLACEHOLDER = (index) => `--pm-x${index}x`;
const PLACEHOLDER_RE = /--pm-x(\d+)x/g;

/**
 * The end of a `${…}` expression starting at `start` (just after `${`): the index of its `}`.
 * @param {string} code
 * @param {number} start
 */
function expressionEnd(code, start) {
  let depth = 0;
  for (let i = start; i < code.length; i++) {
    const c = code[i];
    if (c === '{') depth++;
    else if (c === '}') {
      if (depth === 0) return i;
      depth--;
    } else if (c === '`' || c === '"' || c === "'") {
      // A string inside the expression: skip it (a nested template's own `${` is not ours).
      const quote = c;
      for (i++; i < code.length && code[i] !== quote; i++) if (code[i] === '\\') i++;
    }
  }
  return -1;
}

/**
 * Minifies one template's text (between the backticks). Returns undefined when it cannot.
 * @param {string} body
 */
export function minifyCssTemplate(body) {
  const parts = [];
  let text = '';
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '\\') {
      text += body[i] + (body[i + 1] ?? '');
      i++;
    } else if (body[i] === '$' && body[i + 1] === '{') {
      const end = expressionEnd(body, i + 2);
      if (end === -1) return undefined;
      parts.push(body.slice(i, end + 1));
      text += PLACEHOLDER(parts.length - 1);
      i = end;
    } else text += body[i];
  }
  if (text.includes('\\')) return undefined;
  let code;
  try {
    code = transform({
      filename: 'lit.css',
      code: Buffer.from(text),
      minify: true,
    }).code.toString();
  } catch {
    return undefined;
  }
  const seen = [...code.matchAll(PLACEHOLDER_RE)].map((match) => Number(match[1]));
  if (seen.length !== parts.length || seen.some((index, at) => index !== at)) return undefined;
  return code.replace(PLACEHOLDER_RE, (_, index) => parts[Number(index)]);
}

/**
 * Every css`…` template of a module's source minified.
 * @param {string} code
 */
export function minifyCssLiterals(code) {
  let out = '';
  let from = 0;
  const start = /\bcss`/g;
  let match;
  while ((match = start.exec(code))) {
    const open = match.index + 4;
    let close = -1;
    for (let i = open; i < code.length; i++) {
      if (code[i] === '\\') i++;
      else if (code[i] === '$' && code[i + 1] === '{') {
        i = expressionEnd(code, i + 2);
        if (i === -1) break;
      } else if (code[i] === '`') {
        close = i;
        break;
      }
    }
    if (close === -1) break;
    const minified = minifyCssTemplate(code.slice(open, close));
    out += code.slice(from, open) + (minified ?? code.slice(open, close));
    from = close;
    start.lastIndex = close + 1;
  }
  return out + code.slice(from);
}

/** The Vite plugin: our TypeScript sources' css`…` templates minified in builds (not in dev). */
export function minifyCssLiteralsPlugin() {
  return {
    name: 'park-map-minify-css-literals',
    apply: 'build',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !code.includes('css`')) return undefined;
      return { code: minifyCssLiterals(code), map: null };
    },
  };
}
