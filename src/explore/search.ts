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

interface Entry {
  feature: number;
  field: MatchedField;
  text: string;
  /** `text` normalised (see `normaliseForSearch`). */
  key: string;
  tenantName?: string;
}

export interface SearchIndex {
  readonly features: readonly ParkFeature[];
  readonly entries: readonly Entry[];
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
 * Whether `key` offset `at` starts a word of `text`: after ignored characters (spaces, punctuation), or
 * where Latin letters/digits and other scripts meet ("ai产业": 产; "3d打印": 打). Computed only for
 * the few entries a query hits, so building the index stays one regex pass per text.
 */
function startsWord(text: string, at: number): boolean {
  let offset = 0;
  let afterIgnored = false;
  let previous = '';
  for (const character of text.normalize('NFKC').toLowerCase()) {
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

function addEntry(
  entries: Entry[],
  feature: number,
  field: MatchedField,
  text: unknown,
  tenantName?: string,
): void {
  if (typeof text !== 'string') return;
  const key = normaliseForSearch(text);
  if (key === '') return;
  const entry: Entry = { feature, field, text, key };
  if (tenantName !== undefined) entry.tenantName = tenantName;
  entries.push(entry);
}

/** Builds the index: one entry per name, English name, alias, tenant name and tenant English name. */
export function buildSearchIndex(features: readonly ParkFeature[]): SearchIndex {
  const entries: Entry[] = [];
  features.forEach((feature, position) => {
    const properties = feature.properties;
    addEntry(entries, position, 'name', properties.name);
    addEntry(entries, position, 'name:en', properties['name:en']);
    if (Array.isArray(properties.aliases)) {
      for (const alias of properties.aliases) addEntry(entries, position, 'alias', alias);
    }
    if (Array.isArray(properties.tenants)) {
      for (const tenant of properties.tenants) {
        if (tenant === null || typeof tenant !== 'object' || typeof tenant.name !== 'string')
          continue;
        addEntry(entries, position, 'tenant', tenant.name, tenant.name);
        addEntry(entries, position, 'tenant', tenant['name:en'], tenant.name);
      }
    }
  });
  return { features, entries };
}

function closeness(entry: Entry, query: string): number {
  const at = entry.key.indexOf(query);
  if (at === -1) return -1;
  if (at === 0) return entry.key.length === query.length ? EXACT : PREFIX;
  for (let from = at; from !== -1; from = entry.key.indexOf(query, from + 1)) {
    if (startsWord(entry.text, from)) return WORD_PREFIX;
  }
  return SUBSTRING;
}

interface Hit {
  entry: Entry;
  closeness: number;
}

/** Closer first, then names before tenants, then the shorter text; ties keep data order. */
function compareHits(a: Hit, b: Hit): number {
  return (
    a.closeness - b.closeness ||
    FIELD_RANK[a.entry.field] - FIELD_RANK[b.entry.field] ||
    a.entry.key.length - b.entry.key.length ||
    a.entry.feature - b.entry.feature
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
  for (const entry of index.entries) {
    const found = closeness(entry, normalised);
    if (found === -1) continue;
    const hit = { entry, closeness: found };
    const previous = best.get(entry.feature);
    if (previous === undefined || compareHits(hit, previous) < 0) best.set(entry.feature, hit);
  }

  return [...best.values()]
    .sort(compareHits)
    .slice(0, limit)
    .map(({ entry }) => {
      const feature = index.features[entry.feature] as ParkFeature;
      const result: SearchResult = {
        id: feature.id,
        name: feature.properties.name,
        kind: feature.properties.kind,
        matched: entry.field,
        matchedText: entry.text,
      };
      const nameEn = feature.properties['name:en'];
      if (typeof nameEn === 'string') result['name:en'] = nameEn;
      if (entry.tenantName !== undefined) result.tenantName = entry.tenantName;
      return result;
    });
}
