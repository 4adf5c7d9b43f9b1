// MapLibre's stylesheet without the rules for controls <park-map> never adds. The file styles every
// control MapLibre has, most with inline SVG icons in several states: geolocation, fullscreen,
// terrain, globe, popups and the logo are 8 of its 10 KB gzip. What the element uses stays:
// the map and canvas, the navigation control (zoom, compass), the attribution, markers (the name
// labels), box zoom, cooperative gestures, and the scale bar. A control added to the map later needs
// its name taken out of UNUSED_CONTROLS.
//
// Plain JavaScript, so that both Vite (vite.config.ts) and the benchmark (bench/run.mjs) run it.

/** Class names (after `maplibregl-`) of the controls the element does not add. */
export const UNUSED_CONTROLS = [
  'ctrl-geolocate',
  'ctrl-fullscreen',
  'ctrl-shrink',
  'ctrl-terrain',
  'ctrl-globe',
  'ctrl-logo',
  'popup',
  'user-location',
  'pseudo-fullscreen',
];

const NAMES = UNUSED_CONTROLS.join('|');
/** A selector naming an unused control (`.maplibregl-popup`, `.maplibregl-popup-tip`…). */
const UNUSED = new RegExp(`\\.maplibregl-(?:${NAMES})(?![\\w])`);
/** Its animations (`@keyframes maplibregl-user-location-dot-pulse`). */
const UNUSED_KEYFRAMES = new RegExp(`^@(?:-webkit-)?keyframes\\s+maplibregl-(?:${NAMES})(?![\\w])`);

/**
 * The stylesheet with every selector naming an unused control left out (a rule goes when all its
 * selectors do; an `@media` or `@supports` block when it is left empty). Comments are dropped;
 * everything else is kept as written.
 * @param {string} css
 * @returns {string}
 */
export function pruneMapLibreCss(css) {
  return prune(css.replace(/\/\*[\s\S]*?\*\//g, ''));
}

/** @param {string} text */
function prune(text) {
  let out = '';
  let at = 0;
  while (at < text.length) {
    const open = text.indexOf('{', at);
    if (open < 0) {
      out += text.slice(at).trim();
      break;
    }
    const close = matchingBrace(text, open);
    const head = text.slice(at, open).trim();
    const body = text.slice(open + 1, close);
    at = close + 1;
    if (UNUSED_KEYFRAMES.test(head)) continue;
    if (head.startsWith('@')) {
      const inner = /^@(?:media|supports)\b/.test(head) ? prune(body) : body;
      if (inner.trim() !== '') out += `${head}{${inner}}`;
      continue;
    }
    const kept = splitSelectors(head).filter((selector) => !UNUSED.test(selector));
    if (kept.length > 0) out += `${kept.join(',')}{${body}}`;
  }
  return out;
}

/** @param {string} text @param {number} open */
function matchingBrace(text, open) {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  throw new Error(`maplibre-css: unbalanced braces after offset ${open}`);
}

/** Top-level commas only (not those inside `:is(…)` or `:not(…)`). @param {string} head */
function splitSelectors(head) {
  const selectors = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < head.length; i++) {
    if (head[i] === '(') depth++;
    else if (head[i] === ')') depth--;
    else if (head[i] === ',' && depth === 0) {
      selectors.push(head.slice(start, i).trim());
      start = i + 1;
    }
  }
  selectors.push(head.slice(start).trim());
  return selectors;
}

/**
 * Vite plugin: MapLibre's stylesheet, as imported by src/ui/base.styles.ts (`?inline`), pruned.
 * @returns {import('vite').Plugin}
 */
export function maplibreCssPlugin() {
  return {
    name: 'park-map:maplibre-css',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/maplibre-gl\/dist\/maplibre-gl\.css(?:\?|$)/.test(id)) return undefined;
      return { code: pruneMapLibreCss(code), map: null };
    },
  };
}
