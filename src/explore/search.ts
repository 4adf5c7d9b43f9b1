// One-box search over park, building and project names, their English names and aliases, and the
// tenants they host, in Chinese or English. The index is built in O(total text); a query scans it
// once. Pure: no DOM, no globals, inputs are never mutated.
import type { Kind, ParkFeature } from '../data/types.js';

export type MatchedField = 'name' | 'name:en' | 'alias' | 'tenant';

export interface SearchResult {
  id: string;
  /** The feature's own name (the list and the map select by `id`). */
  name: string;
  'name:en'?: string;
  kind: Kind;
  /** Which text matched. */
  matched: MatchedField;
  /** That text as the data has it (a tenant's name or English name for tenant matches). */
  matchedText: string;
  /** For tenant matches: the tenant's `name`, even when its English name matched. */
  tenantName?: string;
}

export interface SearchOptions {
  /** At most this many results (default 20). */
  limit?: number;
}

/** How close a text is to the query; lower is better. */
const EXACT = 0;
const PREFIX = 1;
const WORD_PREFIX = 2;
const SUBSTRING = 3;

/** Names (name, English name, aliases) before tenants, for equally close matches. */
const FIELD_RANK: Record<MatchedField, number> = { name: 0, 'name:en': 0, alias: 0, tenant: 1 };

const FIELDS: readonly MatchedField[] = ['name', 'name:en', 'alias', 'tenant'];

/**
 * Every searchable text, normalised and joined with NUL into one string (NUL survives
 * normalisation and never occurs in a query), so a query is a handful of native `indexOf` calls
 * over one string rather than one call per text.
 */
export interface SearchIndex {
  readonly features: readonly ParkFeature[];
  readonly haystack: string;
  /** Where entry e's key starts in `haystack`; `starts[count]` is one past the end. */
  readonly starts: Int32Array;
  readonly entryFeature: Int32Array;
  /** Position in FIELDS. */
  readonly entryField: Uint8Array;
  /** The texts as the data has them. */
  readonly texts: readonly string[];
  /** For tenant entries, the tenant's `name`. */
  readonly tenantNames: readonly (string | undefined)[];
}

// Spaces, punctuation (·、（）()“”-…) and symbols (#, +, ～) are ignored on both sides.
const IGNORED = /[\s\p{P}\p{S}]/gu;

/**
 * NFKC (full-width → half-width: ＡＢＣ１ → ABC1, （ → (), lower case, spaces and punctuation
 * removed. `科大讯飞 (iFLYTEK)` → `科大讯飞iflytek`.
 */
export function normaliseForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(IGNORED, '');
}

const isLatinOrDigit = (character: string): boolean => /^[a-z0-9]$/.test(character);

/**
 * Whether `key` offset `at` starts a word of `folded` (the text, NFKC and lower case): after ignored characters (spaces, punctuation), or
 * where Latin letters/digits and other scripts meet ("ai产业": 产; "3d打印": 打). Computed only for
 * the few entries a query hits, so building the index stays one regex pass per text.
 */
function startsWord(folded: string, at: number): boolean {
  let offset = 0;
  let afterIgnored = false;
  let previous = '';
  for (const character of folded) {
    IGNORED.lastIndex = 0;
    if (IGNORED.test(character)) {
      afterIgnored = true;
      continue;
    }
    if (offset === at) {
      return afterIgnored || isLatinOrDigit(previous) !== isLatinOrDigit(character);
    }
    offset += character.length;
    previous = character;
    afterIgnored = false;
  }
  return false;
}

/** Builds the index in one pass over the texts plus one normalisation of their concatenation. */
export function buildSearchIndex(features: readonly ParkFeature[]): SearchIndex {
  const texts: string[] = [];
  const tenantNames: (string | undefined)[] = [];
  const entryFeature: number[] = [];
  const entryField: number[] = [];
  const add = (position: number, field: number, text: unknown, tenantName?: string) => {
    if (typeof text !== 'string' || text === '') return;
    texts.push(text);
    entryFeature.push(position);
    entryField.push(field);
    tenantNames.push(tenantName);
  };
  features.forEach((feature, position) => {
    const properties = feature.properties;
    add(position, 0, properties.name);
    add(position, 1, properties['name:en']);
    if (Array.isArray(properties.aliases)) {
      for (const alias of properties.aliases) add(position, 2, alias);
    }
    if (Array.isArray(properties.tenants)) {
      for (const tenant of properties.tenants) {
        if (tenant === null || typeof tenant !== 'object' || typeof tenant.name !== 'string') {
          continue;
        }
        add(position, 3, tenant.name, tenant.name);
        add(position, 3, tenant['name:en'], tenant.name);
      }
    }
  });

  const haystack = texts
    .map((text) => (text.includes('\0') ? text.replaceAll('\0', '') : text))
    .join('\0')
    .normalize('NFKC')
    .toLowerCase()
    .replace(IGNORED, '');
  const starts = new Int32Array(texts.length + 1);
  let entry = 1;
  for (let nul = haystack.indexOf('\0'); nul !== -1; nul = haystack.indexOf('\0', nul + 1)) {
    starts[entry++] = nul + 1;
  }
  starts[texts.length] = haystack.length + 1;
  return {
    features,
    haystack,
    starts,
    entryFeature: Int32Array.from(entryFeature),
    entryField: Uint8Array.from(entryField),
    texts,
    tenantNames,
  };
}

/** The entry whose key contains `offset`: the last one starting at or before it. */
function entryAt(index: SearchIndex, offset: number): number {
  let low = 0;
  let high = index.starts.length - 2;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((index.starts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

function closeness(key: string, text: string, at: number, query: string): number {
  if (at === 0) return key.length === query.length ? EXACT : PREFIX;
  // Folded once for every occurrence tried (startsWord walks the folded text).
  const folded = text.normalize('NFKC').toLowerCase();
  for (let from = at; from !== -1; from = key.indexOf(query, from + 1)) {
    if (startsWord(folded, from)) return WORD_PREFIX;
  }
  return SUBSTRING;
}

interface Hit {
  entry: number;
  feature: number;
  field: MatchedField;
  keyLength: number;
  closeness: number;
}

/** Closer first, then names before tenants, then the shorter text; ties keep data order. */
function compareHits(a: Hit, b: Hit): number {
  return (
    a.closeness - b.closeness ||
    FIELD_RANK[a.field] - FIELD_RANK[b.field] ||
    a.keyLength - b.keyLength ||
    a.feature - b.feature ||
    a.entry - b.entry
  );
}

/**
 * Features matching the query, best first, each once (with its best match). Matching is on the
 * normalised texts: a Chinese query matches anywhere (讯飞 finds 科大讯飞), an English one too,
 * case-insensitively (fly finds iFLYTEK); spaces and punctuation are ignored on both sides.
 * A tenant match returns every feature hosting that tenant. An empty query finds nothing.
 */
export function search(
  index: SearchIndex,
  query: string,
  options: SearchOptions = {},
): SearchResult[] {
  const limit = options.limit ?? 20;
  const normalised = normaliseForSearch(query);
  if (normalised === '' || !(limit > 0)) return [];

  const best = new Map<number, Hit>();
  const { haystack, starts } = index;
  for (let found = haystack.indexOf(normalised); found !== -1;) {
    const entry = entryAt(index, found);
    const start = starts[entry] ?? 0;
    const end = (starts[entry + 1] ?? 0) - 1;
    const key = haystack.slice(start, end);
    const hit: Hit = {
      entry,
      feature: index.entryFeature[entry] ?? 0,
      field: FIELDS[index.entryField[entry] ?? 0] ?? 'name',
      keyLength: key.length,
      closeness: closeness(key, index.texts[entry] ?? '', found - start, normalised),
    };
    const previous = best.get(hit.feature);
    if (previous === undefined || compareHits(hit, previous) < 0) best.set(hit.feature, hit);
    found = haystack.indexOf(normalised, end + 1); // on to the next entry
  }

  return [...best.values()]
    .sort(compareHits)
    .slice(0, limit)
    .map((hit) => {
      const feature = index.features[hit.feature] as ParkFeature;
      const result: SearchResult = {
        id: feature.id,
        name: feature.properties.name,
        kind: feature.properties.kind,
        matched: hit.field,
        matchedText: index.texts[hit.entry] ?? '',
      };
      const nameEn = feature.properties['name:en'];
      if (typeof nameEn === 'string') result['name:en'] = nameEn;
      const tenantName = index.tenantNames[hit.entry];
      if (tenantName !== undefined) result.tenantName = tenantName;
      return result;
    });
}

/**
 * 1 at the position (in `index.features`) of every feature the query matches, as `search` finds
 * them but without a limit; null for an empty query (no search: nothing is narrowed).
 */
export function matchMask(index: SearchIndex, query: string): Uint8Array | null {
  const normalised = normaliseForSearch(query);
  if (normalised === '') return null;
  const mask = new Uint8Array(index.features.length);
  const { haystack, starts } = index;
  for (let found = haystack.indexOf(normalised); found !== -1;) {
    const entry = entryAt(index, found);
    mask[index.entryFeature[entry] ?? 0] = 1;
    found = haystack.indexOf(normalised, starts[entry + 1] ?? haystack.length); // the next entry
  }
  return mask;
}
