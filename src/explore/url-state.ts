// The page URL's hash as a view state: centre, zoom, bearing, pitch, selection, filters, search,
// view mode, tool and the as-of date. Compact, human-readable, stable key order; parsing never throws and ignores
// what it does not understand. Pure: no DOM (the URL controller reads and writes `location`).
import { isAsOfDate } from '../state/as-of.js';
import { KINDS, type Kind } from '../data/types.js';
import {
  EMPTY_FILTER,
  STATUS_CHOICES,
  type FilterState,
  type NumberRange,
  type StatusChoice,
} from './filter-state.js';

export interface ViewState {
  /** [longitude, latitude] in degrees. */
  center?: [number, number];
  zoom?: number;
  pitch?: number;
  bearing?: number;
  /** Feature id; null or absent: nothing selected. */
  selected?: string | null;
  filter?: FilterState;
  search?: string;
  view?: '2d' | '3d';
  tool?: 'none' | 'distance' | 'area' | 'parcel';
  /** The as-of date (`date`); absent: the latest. */
  date?: string | null;
}

/**
 * Our keys, in the order they are written:
 * `map=zoom/lat/lng[/bearing[/pitch]]` (MapLibre's own hash order, so its links read the same),
 * `sel`, `q`, `status`, `industry` (raw tags, as older links have them), `sector`, `zone`, `kind`
 * (comma-separated lists), `investment` and
 * `floorArea` (`min..max`, either end may be empty), `view`, `tool`, `date` (the as-of date).
 */
export const HASH_KEYS = [
  'map',
  'sel',
  'q',
  'status',
  'industry',
  'sector',
  'zone',
  'kind',
  'investment',
  'floorArea',
  'view',
  'tool',
  'date',
] as const;

const OURS: ReadonlySet<string> = new Set(HASH_KEYS);

/**
 * Percent-encodes only what would break the hash's structure or the URL (%, &, =, #, +, commas,
 * spaces, quotes, controls…). Letters and digits of any script stay as they are, so `q=讯飞` reads
 * as typed; browsers percent-encode them in the address bar anyway, and parsing decodes both forms.
 */
function encodeValue(value: string): string {
  return value.replace(/[^\p{L}\p{N}\-_.~!*'()/:@]/gu, (character) =>
    encodeURIComponent(character),
  );
}

function decodeValue(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value; // a stray % : keep the text as it is rather than fail
  }
}

/** A number with at most `decimals` decimals, no trailing zeros, no exponent, no "-0". */
function formatNumber(value: number, decimals: number): string {
  const fixed = value.toFixed(decimals);
  const trimmed = fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
  return trimmed === '-0' ? '0' : trimmed;
}

/** Decimals for coordinates: 5 (about 1 m) up to 6 at high zoom, as MapLibre's hash would need. */
function coordinateDecimals(zoom: number): number {
  const needed = Math.ceil((zoom * Math.LN2 + Math.log(512 / 360 / 0.5)) / Math.LN10);
  return Math.min(6, Math.max(5, needed));
}

function formatRange(range: NumberRange | undefined): string | null {
  if (range === undefined) return null;
  const min = typeof range.min === 'number' && Number.isFinite(range.min) ? range.min : undefined;
  const max = typeof range.max === 'number' && Number.isFinite(range.max) ? range.max : undefined;
  if (min === undefined && max === undefined) return null;
  return encodeValue(
    `${min === undefined ? '' : String(min)}..${max === undefined ? '' : String(max)}`,
  );
}

function formatList(values: readonly string[]): string | null {
  return values.length === 0 ? null : values.map(encodeValue).join(',');
}

/** `[key, value]` pairs for the state, in HASH_KEYS order; values already encoded. */
function pairs(state: ViewState): [string, string][] {
  const out: [string, string][] = [];
  const { center, zoom } = state;
  if (
    center &&
    typeof zoom === 'number' &&
    Number.isFinite(zoom) &&
    center.every(Number.isFinite)
  ) {
    const decimals = coordinateDecimals(zoom);
    const parts = [
      formatNumber(zoom, 2),
      formatNumber(center[1], decimals),
      formatNumber(center[0], decimals),
    ];
    const bearing =
      typeof state.bearing === 'number' && Number.isFinite(state.bearing) ? state.bearing : 0;
    const pitch = typeof state.pitch === 'number' && Number.isFinite(state.pitch) ? state.pitch : 0;
    const bearingText = formatNumber(normaliseBearing(bearing), 1);
    const pitchText = formatNumber(pitch, 1);
    if (bearingText !== '0' || pitchText !== '0') parts.push(bearingText);
    if (pitchText !== '0') parts.push(pitchText);
    out.push(['map', parts.join('/')]);
  }
  if (typeof state.selected === 'string' && state.selected !== '') {
    out.push(['sel', encodeValue(state.selected)]);
  }
  if (typeof state.search === 'string' && state.search.trim() !== '') {
    out.push(['q', encodeValue(state.search)]);
  }
  const filter = state.filter;
  if (filter) {
    const lists: [string, readonly string[]][] = [
      ['status', filter.statuses],
      ['industry', filter.industries],
      ['sector', filter.sectors ?? []],
      ['zone', filter.zones],
      ['kind', filter.kinds],
    ];
    for (const [key, values] of lists) {
      const text = formatList(values);
      if (text !== null) out.push([key, text]);
    }
    const investment = formatRange(filter.investment);
    if (investment !== null) out.push(['investment', investment]);
    const floorArea = formatRange(filter.floorArea);
    if (floorArea !== null) out.push(['floorArea', floorArea]);
  }
  // Defaults (2d, no tool) are left out: an absent key means the default.
  if (state.view === '3d') out.push(['view', '3d']);
  if (state.tool === 'distance' || state.tool === 'area' || state.tool === 'parcel') {
    out.push(['tool', state.tool]);
  }
  if (typeof state.date === 'string' && isAsOfDate(state.date)) out.push(['date', state.date]);
  return out;
}

function normaliseBearing(bearing: number): number {
  const wrapped = ((((bearing + 180) % 360) + 360) % 360) - 180;
  return wrapped === -180 ? 180 : wrapped;
}

/**
 * The hash for a state, with its `#`, or '' when the state has nothing to say. Absent or default
 * values (no selection, empty filter facets, 2d, no tool, bearing and pitch 0) are left out.
 * Example: `#map=14.5/26.9012/112.6034/30/45&sel=hy-hq-s1&q=讯飞&status=operating,fitting_out&view=3d`.
 */
export function serializeHash(state: ViewState): string {
  const text = pairs(state)
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
  return text === '' ? '' : `#${text}`;
}

function parseNumber(text: string | undefined): number | undefined {
  if (text === undefined || !/^-?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

function parseRange(text: string): NumberRange | undefined {
  const separator = text.indexOf('..');
  if (separator === -1) return undefined;
  const minText = text.slice(0, separator);
  const maxText = text.slice(separator + 2);
  const min = minText === '' ? undefined : parseNumber(minText);
  const max = maxText === '' ? undefined : parseNumber(maxText);
  if ((minText !== '' && min === undefined) || (maxText !== '' && max === undefined))
    return undefined;
  if (min === undefined && max === undefined) return undefined;
  const range: NumberRange = {};
  if (min !== undefined) range.min = min;
  if (max !== undefined) range.max = max;
  return range;
}

function parseList(text: string): string[] {
  const seen = new Set<string>();
  for (const part of text.split(',')) {
    const value = decodeValue(part).trim();
    if (value !== '') seen.add(value);
  }
  return [...seen];
}

/** Splits `#a=1&b=2` into raw (still encoded) segments; tolerates a missing `#`, `#?` or `#!`. */
function segments(hash: string): string[] {
  const body = hash.replace(/^#?[!?]?/, '');
  return body === '' ? [] : body.split('&');
}

function keyOf(segment: string): string {
  const equals = segment.indexOf('=');
  return decodeValue(equals === -1 ? segment : segment.slice(0, equals));
}

/**
 * The state a hash describes. Unknown keys and invalid values are ignored (a bad `map` drops the
 * view, a bad status drops that status); the first occurrence of a key wins. Never throws.
 * Only what the hash says is returned: the caller applies defaults for the rest.
 */
export function parseHash(hash: string): ViewState {
  const state: ViewState = {};
  const raw = new Map<string, string>();
  for (const segment of segments(typeof hash === 'string' ? hash : '')) {
    const equals = segment.indexOf('=');
    if (equals === -1) continue;
    const key = keyOf(segment);
    if (OURS.has(key) && !raw.has(key)) raw.set(key, segment.slice(equals + 1));
  }

  const map = raw.get('map');
  if (map !== undefined) {
    const parts = decodeValue(map).split('/');
    const [zoom, lat, lng, bearing, pitch] = parts.map(parseNumber);
    if (
      parts.length <= 5 &&
      zoom !== undefined &&
      lat !== undefined &&
      lng !== undefined &&
      zoom >= 0 &&
      zoom <= 24 &&
      Math.abs(lat) <= 90 &&
      Math.abs(lng) <= 180
    ) {
      state.zoom = zoom;
      state.center = [lng, lat];
      if (bearing !== undefined) state.bearing = normaliseBearing(bearing);
      if (pitch !== undefined && pitch >= 0 && pitch <= 180) state.pitch = pitch;
    }
  }

  const selected = raw.get('sel');
  if (selected !== undefined && decodeValue(selected) !== '')
    state.selected = decodeValue(selected);
  const query = raw.get('q');
  if (query !== undefined && decodeValue(query).trim() !== '') state.search = decodeValue(query);

  const filterKeys = ['status', 'industry', 'sector', 'zone', 'kind', 'investment', 'floorArea'];
  if (filterKeys.some((key) => raw.has(key))) {
    const statuses = parseList(raw.get('status') ?? '').filter((value): value is StatusChoice =>
      (STATUS_CHOICES as readonly string[]).includes(value),
    );
    const kinds = parseList(raw.get('kind') ?? '').filter((value): value is Kind =>
      (KINDS as readonly string[]).includes(value),
    );
    const filter: FilterState = {
      ...EMPTY_FILTER,
      statuses,
      industries: parseList(raw.get('industry') ?? ''),
      zones: parseList(raw.get('zone') ?? ''),
      kinds,
    };
    const sectors = parseList(raw.get('sector') ?? '');
    if (sectors.length > 0) filter.sectors = sectors;
    const investment = parseRange(decodeValue(raw.get('investment') ?? ''));
    if (investment) filter.investment = investment;
    const floorArea = parseRange(decodeValue(raw.get('floorArea') ?? ''));
    if (floorArea) filter.floorArea = floorArea;
    state.filter = filter;
  }

  const view = raw.get('view');
  if (view === '2d' || view === '3d') state.view = view;
  const tool = raw.get('tool');
  if (tool === 'none' || tool === 'distance' || tool === 'area' || tool === 'parcel') {
    state.tool = tool;
  }
  const date = raw.get('date');
  if (date !== undefined && isAsOfDate(date)) state.date = date;
  return state;
}

/**
 * The page's hash with our keys replaced by the state's, keeping every other segment (another
 * app's params, a router's `/path`) verbatim and in place; ours follow them in HASH_KEYS order.
 * Returns '' when nothing is left.
 */
export function mergeHash(existingHash: string, state: ViewState): string {
  const kept = segments(typeof existingHash === 'string' ? existingHash : '').filter(
    (segment) => segment !== '' && !OURS.has(keyOf(segment)),
  );
  const ours = pairs(state).map(([key, value]) => `${key}=${value}`);
  const all = [...kept, ...ours];
  return all.length === 0 ? '' : `#${all.join('&')}`;
}
