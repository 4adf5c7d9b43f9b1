// Faceted filtering of park features: an index built once in O(n), then filters, facet counts, totals
// and a MapLibre filter expression computed over typed arrays, so 100 000 features take a few ms.
// Pure: no DOM, no globals, inputs are never mutated.
import { QUALIFIERS } from '../data/qualifier-keys.js';
import { KINDS, type Kind, type ParkFeature, type Qualifier } from '../data/types.js';
import { sumQualifier } from './sum-qualifier.js';
import { SECTORS, isSector, sectorOf, type Sector } from '../data/sectors.js';
import {
  STATUS_CHOICES,
  type FilterState,
  type NumberRange,
  type StatusChoice,
} from './filter-state.js';

/** The figures the totals sum, in the order of their bits (see `totals`). */
const TOTAL_FIGURES = ['investment', 'floorArea', 'jobs', 'companies'] as const;
export type TotalFigure = (typeof TOTAL_FIGURES)[number];

/** The precomputed view of the features the other functions read; build it once per data load. */
export interface FilterIndex {
  readonly features: readonly ParkFeature[];
  readonly size: number;
  readonly ids: readonly string[];
  /** Position of each id in `features` (the first one, should ids repeat). */
  readonly indexById: ReadonlyMap<string, number>;
  /** Index of the parent feature, -1 for roots, unknown parents and broken (cyclic) chains. */
  readonly parentIndex: Int32Array;
  /** Every feature index, parents before their children (for one-pass propagation down the tree). */
  readonly order: Int32Array;
  /** Position in STATUS_CHOICES. */
  readonly statusCode: Uint8Array;
  /** Position in KINDS (features reach here validated, so every kind is known). */
  readonly kindCode: Uint8Array;
  /**
   * Industry ids of each feature's own `industries`, deduplicated: those of feature i are
   * `industryList[industryStart[i] .. industryStart[i + 1])`.
   */
  readonly industryStart: Int32Array;
  readonly industryList: Int32Array;
  /** Industry key (NFKC, trimmed, lower case) → id. */
  readonly industryIdByKey: ReadonlyMap<string, number>;
  /** Spelling shown for each industry id (its first occurrence) and how many features name it. */
  readonly industryLabels: readonly string[];
  /** Every spelling met in the data → its industry key. */
  readonly industryKeyOfSpelling: ReadonlyMap<string, string>;
  readonly industryTotals: readonly number[];
  /** Position in SECTORS of each industry id's sector (`other` for a tag data/sectors.ts lacks). */
  readonly industrySector: Uint8Array;
  /** Figures as numbers, NaN where the feature does not state them. */
  readonly investment: Float64Array;
  readonly floorArea: Float64Array;
  readonly jobs: Float64Array;
  /** The `companies` property (companies hosted so far), NaN where absent. */
  readonly companies: Float64Array;
  /**
   * The qualifier of each summed figure (investment, floor area, jobs, companies: TOTAL_FIGURES)
   * of feature i at `qualifierCodes[i * 4 + figure]`: 0 none, else 1 + its position in QUALIFIERS.
   */
  readonly qualifierCodes: Uint8Array;
  /**
   * Tenant ids (one per distinct name, NFKC, spaces and case ignored) of feature i:
   * `tenantList[tenantStart[i] .. tenantStart[i + 1])`; `tenantCount` distinct names in all.
   */
  readonly tenantStart: Int32Array;
  readonly tenantList: Int32Array;
  readonly tenantCount: number;
}

export function industryKey(industry: string): string {
  return industry.normalize('NFKC').trim().toLowerCase();
}

function figure(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : Number.NaN;
}

/** Builds the index in O(n · depth); depth is the length of the parent chain (≤ 4 in practice). */
export function buildIndex(features: readonly ParkFeature[]): FilterIndex {
  const size = features.length;
  const ids = features.map((feature) => feature.id);
  const indexById = new Map<string, number>();
  ids.forEach((id, index) => {
    if (!indexById.has(id)) indexById.set(id, index);
  });

  const parentIndex = new Int32Array(size).fill(-1);
  features.forEach((feature, index) => {
    const parent = feature.properties.parent;
    const found = typeof parent === 'string' ? indexById.get(parent) : undefined;
    if (found !== undefined && found !== index) parentIndex[index] = found;
  });

  // validateParkData reports parent cycles; should one reach here anyway, cut the edge that closes it.
  const state = new Uint8Array(size); // 0 unseen, 1 on the current walk, 2 done
  const path: number[] = [];
  for (let start = 0; start < size; start++) {
    path.length = 0;
    let current = start;
    while (current !== -1 && state[current] === 0) {
      state[current] = 1;
      path.push(current);
      current = parentIndex[current] ?? -1;
    }
    if (current !== -1 && state[current] === 1) parentIndex[path[path.length - 1] as number] = -1;
    for (const member of path) state[member] = 2;
  }

  // Depth of each feature, then a counting sort by depth: parents come before their children.
  const depth = new Int32Array(size).fill(-1);
  let maxDepth = 0;
  const walk: number[] = [];
  for (let start = 0; start < size; start++) {
    walk.length = 0;
    let current = start;
    while (current !== -1 && depth[current] === -1) {
      walk.push(current);
      current = parentIndex[current] ?? -1;
    }
    let level = current === -1 ? -1 : (depth[current] ?? 0);
    for (let k = walk.length - 1; k >= 0; k--) depth[walk[k] as number] = ++level;
    if (level > maxDepth) maxDepth = level;
  }
  const perDepth = new Int32Array(maxDepth + 2);
  for (let i = 0; i < size; i++) {
    const slot = (depth[i] ?? 0) + 1;
    perDepth[slot] = (perDepth[slot] ?? 0) + 1;
  }
  for (let d = 1; d < perDepth.length; d++) {
    perDepth[d] = (perDepth[d] ?? 0) + (perDepth[d - 1] ?? 0);
  }
  const order = new Int32Array(size);
  for (let i = 0; i < size; i++) {
    const level = depth[i] ?? 0;
    const slot = perDepth[level] ?? 0;
    order[slot] = i;
    perDepth[level] = slot + 1;
  }

  const statusCode = new Uint8Array(size);
  const kindCode = new Uint8Array(size);
  const investment = new Float64Array(size);
  const floorArea = new Float64Array(size);
  const jobs = new Float64Array(size);
  const companies = new Float64Array(size);
  const qualifierCodes = new Uint8Array(size * TOTAL_FIGURES.length);
  const industryIdByKey = new Map<string, number>();
  const industryLabels: string[] = [];
  const industryTotals: number[] = [];
  const industryStart = new Int32Array(size + 1);
  const industryIdList: number[] = [];
  const keyOfSpelling = new Map<string, string>(); // industries repeat: normalise each spelling once
  const tenantStart = new Int32Array(size + 1);
  const tenantIdList: number[] = [];
  const tenantIdByKey = new Map<string, number>();
  const noStatus = STATUS_CHOICES.indexOf('none');

  features.forEach((feature, index) => {
    const properties = feature.properties;
    const status = STATUS_CHOICES.indexOf(properties.status as StatusChoice);
    statusCode[index] = status === -1 || properties.status === undefined ? noStatus : status;
    kindCode[index] = Math.max(0, KINDS.indexOf(properties.kind));
    investment[index] = figure(properties.investment);
    floorArea[index] = figure(properties.floorArea);
    jobs[index] = figure(properties.jobs);
    companies[index] = figure(properties.companies);
    const qualifiers = properties.qualifiers;
    if (qualifiers && typeof qualifiers === 'object') {
      TOTAL_FIGURES.forEach((key, bit) => {
        const given = Object.hasOwn(qualifiers, key) ? qualifiers[key] : undefined;
        const code = given === undefined ? -1 : QUALIFIERS.indexOf(given);
        if (code !== -1) qualifierCodes[index * TOTAL_FIGURES.length + bit] = code + 1;
      });
    }

    const first = industryIdList.length;
    if (Array.isArray(properties.industries)) {
      for (const industry of properties.industries) {
        if (typeof industry !== 'string') continue;
        let key = keyOfSpelling.get(industry);
        if (key === undefined) {
          key = industryKey(industry);
          keyOfSpelling.set(industry, key);
        }
        if (key === '') continue;
        let id = industryIdByKey.get(key);
        if (id === undefined) {
          id = industryLabels.length;
          industryIdByKey.set(key, id);
          industryLabels.push(industry.trim());
          industryTotals.push(0);
        }
        if (!industryIdList.includes(id, first)) {
          industryIdList.push(id);
          industryTotals[id] = (industryTotals[id] ?? 0) + 1;
        }
      }
    }
    industryStart[index + 1] = industryIdList.length;

    if (Array.isArray(properties.tenants)) {
      for (const tenant of properties.tenants) {
        if (tenant === null || typeof tenant !== 'object' || typeof tenant.name !== 'string')
          continue;
        const key = tenantKey(tenant.name);
        if (key === '') continue;
        let id = tenantIdByKey.get(key);
        if (id === undefined) {
          id = tenantIdByKey.size;
          tenantIdByKey.set(key, id);
        }
        tenantIdList.push(id);
      }
    }
    tenantStart[index + 1] = tenantIdList.length;
  });

  return {
    features,
    size,
    ids,
    indexById,
    parentIndex,
    order,
    statusCode,
    kindCode,
    industryStart,
    industryList: Int32Array.from(industryIdList),
    industryIdByKey,
    industryLabels,
    industryTotals,
    industrySector: Uint8Array.from(industryLabels, (label) => SECTORS.indexOf(sectorOf(label))),
    industryKeyOfSpelling: keyOfSpelling,
    investment,
    floorArea,
    jobs,
    companies,
    qualifierCodes,
    tenantStart,
    tenantList: Int32Array.from(tenantIdList),
    tenantCount: tenantIdByKey.size,
  };
}

export interface FilterResult {
  /** 1 where the feature at that index passes. */
  readonly mask: Uint8Array;
  /** Ids of the passing features, in data order. */
  readonly ids: readonly string[];
  readonly count: number;
  /** False when no facet constrains anything: every feature passes and the map needs no filter. */
  readonly active: boolean;
}

function isActiveRange(range: NumberRange | undefined): range is NumberRange {
  return (
    range !== undefined &&
    ((typeof range.min === 'number' && !Number.isNaN(range.min)) ||
      (typeof range.max === 'number' && !Number.isNaN(range.max)))
  );
}

function inRange(value: number, range: NumberRange): boolean {
  if (Number.isNaN(value)) return false;
  if (typeof range.min === 'number' && !Number.isNaN(range.min) && value < range.min) return false;
  if (typeof range.max === 'number' && !Number.isNaN(range.max) && value > range.max) return false;
  return true;
}

/** Facet bits: a feature fails a set of facets; it passes when the set is empty. */
const STATUS_BIT = 1;
const INDUSTRY_BIT = 2;
const ZONE_BIT = 4;
const KIND_BIT = 8;
const RANGE_BIT = 16;
/** The search box's query (not a facet: its own counts never leave it out). */
const SEARCH_BIT = 32;

interface CompiledFilter {
  statuses: Uint8Array | null;
  industries: Uint8Array | null;
  zones: Uint8Array | null;
  kinds: Uint8Array | null;
  investment: NumberRange | null;
  floorArea: NumberRange | null;
  /** 1 where the feature matches the search or lies inside a match; null: no search. */
  matches: Uint8Array | null;
}

/**
 * `matches`: 1 at the positions the search query matches (search.ts matchMask), null for no
 * search. Like a chosen zone, a match brings what lies inside it: a park found by name shows with
 * its buildings.
 */
function compile(
  index: FilterIndex,
  state: FilterState,
  matches: Uint8Array | null = null,
): CompiledFilter {
  let statuses: Uint8Array | null = null;
  if (state.statuses.length > 0) {
    statuses = new Uint8Array(STATUS_CHOICES.length);
    for (const status of state.statuses) {
      const code = STATUS_CHOICES.indexOf(status);
      if (code !== -1) statuses[code] = 1;
    }
  }
  let kinds: Uint8Array | null = null;
  if (state.kinds.length > 0) {
    kinds = new Uint8Array(KINDS.length);
    for (const kind of state.kinds) {
      const code = KINDS.indexOf(kind);
      if (code !== -1) kinds[code] = 1;
    }
  }
  // One facet: the chosen tags (old links name raw tags) and every tag of the chosen sectors.
  let industries: Uint8Array | null = null;
  const sectors = state.sectors ?? [];
  if (state.industries.length > 0 || sectors.length > 0) {
    industries = new Uint8Array(index.industryLabels.length);
    for (const industry of state.industries) {
      const id = index.industryIdByKey.get(industryKey(industry));
      if (id !== undefined) industries[id] = 1;
    }
    const chosen = new Set(sectors.filter(isSector).map((sector) => SECTORS.indexOf(sector)));
    if (chosen.size > 0) {
      index.industrySector.forEach((code, id) => {
        if (chosen.has(code)) industries![id] = 1;
      });
    }
  }
  // zones[i] = 1 when feature i is a chosen zone/park or lies inside one: one pass down the tree.
  let zones: Uint8Array | null = null;
  if (state.zones.length > 0) {
    zones = new Uint8Array(index.size);
    for (const id of state.zones) {
      const position = index.indexById.get(id);
      if (position !== undefined) zones[position] = 1;
    }
    for (const position of index.order) {
      const parent = index.parentIndex[position] ?? -1;
      if (parent !== -1 && zones[parent] === 1) zones[position] = 1;
    }
  }
  let inMatch: Uint8Array | null = null;
  if (matches !== null) {
    inMatch = Uint8Array.from(matches.subarray(0, index.size));
    for (const position of index.order) {
      const parent = index.parentIndex[position] ?? -1;
      if (parent !== -1 && inMatch[parent] === 1) inMatch[position] = 1;
    }
  }
  return {
    matches: inMatch,
    statuses,
    industries,
    zones,
    kinds,
    investment: isActiveRange(state.investment) ? state.investment : null,
    floorArea: isActiveRange(state.floorArea) ? state.floorArea : null,
  };
}

function isActive(filter: CompiledFilter): boolean {
  return (
    filter.statuses !== null ||
    filter.industries !== null ||
    filter.zones !== null ||
    filter.kinds !== null ||
    filter.investment !== null ||
    filter.floorArea !== null ||
    filter.matches !== null
  );
}

/** The facets the feature at `position` fails, as bits. */
function failures(index: FilterIndex, filter: CompiledFilter, position: number): number {
  let failed = 0;
  if (filter.statuses !== null && filter.statuses[index.statusCode[position] ?? 0] !== 1) {
    failed |= STATUS_BIT;
  }
  if (filter.kinds !== null && filter.kinds[index.kindCode[position] ?? 0] !== 1)
    failed |= KIND_BIT;
  if (filter.industries !== null) {
    let found = false;
    const end = index.industryStart[position + 1] ?? 0;
    for (let k = index.industryStart[position] ?? 0; k < end && !found; k++) {
      found = filter.industries[index.industryList[k] ?? 0] === 1;
    }
    if (!found) failed |= INDUSTRY_BIT;
  }
  if (filter.zones !== null && filter.zones[position] !== 1) failed |= ZONE_BIT;
  if (
    (filter.investment !== null &&
      !inRange(index.investment[position] ?? NaN, filter.investment)) ||
    (filter.floorArea !== null && !inRange(index.floorArea[position] ?? NaN, filter.floorArea))
  ) {
    failed |= RANGE_BIT;
  }
  if (filter.matches !== null && filter.matches[position] !== 1) failed |= SEARCH_BIT;
  return failed;
}

/** The features that pass every facet (and match the search, given `matches`). O(n). */
export function applyFilter(
  index: FilterIndex,
  state: FilterState,
  matches: Uint8Array | null = null,
): FilterResult {
  const filter = compile(index, state, matches);
  const mask = new Uint8Array(index.size);
  const ids: string[] = [];
  if (!isActive(filter)) {
    mask.fill(1);
    return { mask, ids: [...index.ids], count: index.size, active: false };
  }
  for (let position = 0; position < index.size; position++) {
    if (failures(index, filter, position) === 0) {
      mask[position] = 1;
      ids.push(index.ids[position] as string);
    }
  }
  return { mask, ids, count: ids.length, active: true };
}

export interface FacetChoice<Value extends string = string> {
  value: Value;
  /** Features that would pass with this choice on, given the other facets (this facet's own selection ignored). */
  count: number;
  selected: boolean;
}

export interface IndustryChoice extends FacetChoice {
  /** The spelling of the industry's first occurrence in the data. */
  label: string;
}

export interface SectorChoice extends FacetChoice<Sector> {
  /** Features naming at least one tag of the sector, whatever the filters. */
  total: number;
}

export interface ZoneChoice extends FacetChoice {
  name: string;
  'name:en'?: string;
  kind: Kind;
  /** Nearest enclosing zone or park that is a choice too (for indenting the list), if any. */
  parent?: string;
}

export interface FacetCounts {
  statuses: FacetChoice<StatusChoice>[];
  industries: IndustryChoice[];
  /** The sectors the data's industries fall into (and any chosen one), most features first. */
  sectors: SectorChoice[];
  zones: ZoneChoice[];
  kinds: FacetChoice<Kind>[];
}

/**
 * Standard faceted-search counts: for each choice, how many features would pass if that choice were
 * on, under the constraints of the OTHER facets (ranges included) and of the search (`matches`), which is never left out. One pass over the features.
 *
 * Choices: statuses and kinds present in the data in schema order (`none` last); industries present,
 * by number of features naming them (descending), then by label (code point order, stable across
 * browsers); zone and park features in data order. A selected value the data does not have is
 * still listed, with count 0, so the user can turn it off.
 */
export function facetCounts(
  index: FilterIndex,
  state: FilterState,
  matches: Uint8Array | null = null,
): FacetCounts {
  const filter = compile(index, state, matches);
  const statusCounts = new Float64Array(STATUS_CHOICES.length);
  const statusPresent = new Uint8Array(STATUS_CHOICES.length);
  const kindCounts = new Float64Array(KINDS.length);
  const kindPresent = new Uint8Array(KINDS.length);
  const industryCounts = new Float64Array(index.industryLabels.length);
  const sectorCounts = new Float64Array(SECTORS.length);
  const sectorTotals = new Float64Array(SECTORS.length);
  const sectorSeen = new Int32Array(SECTORS.length).fill(-1); // counts a feature once per sector
  const sectorCounted = new Int32Array(SECTORS.length).fill(-1);
  const zoneCounts = new Float64Array(index.size);

  for (let position = 0; position < index.size; position++) {
    const status = index.statusCode[position] ?? 0;
    const kind = index.kindCode[position] ?? 0;
    statusPresent[status] = 1;
    kindPresent[kind] = 1;
    const failed = failures(index, filter, position);
    // A feature counts towards facet F when it passes every facet but F.
    if ((failed & ~STATUS_BIT) === 0) statusCounts[status] = (statusCounts[status] ?? 0) + 1;
    if ((failed & ~KIND_BIT) === 0) kindCounts[kind] = (kindCounts[kind] ?? 0) + 1;
    const passesOthers = (failed & ~INDUSTRY_BIT) === 0;
    const end = index.industryStart[position + 1] ?? 0;
    for (let k = index.industryStart[position] ?? 0; k < end; k++) {
      const id = index.industryList[k] ?? 0;
      const sector = index.industrySector[id] ?? 0;
      if (sectorSeen[sector] !== position) {
        sectorSeen[sector] = position;
        sectorTotals[sector] = (sectorTotals[sector] ?? 0) + 1;
      }
      if (!passesOthers) continue;
      industryCounts[id] = (industryCounts[id] ?? 0) + 1;
      if (sectorCounted[sector] !== position) {
        sectorCounted[sector] = position;
        sectorCounts[sector] = (sectorCounts[sector] ?? 0) + 1;
      }
    }
    if ((failed & ~ZONE_BIT) === 0) zoneCounts[position] = 1;
  }
  // Subtree sums, children before parents: a zone's count is itself plus everything inside it.
  for (let k = index.size - 1; k >= 0; k--) {
    const position = index.order[k] ?? 0;
    const parent = index.parentIndex[position] ?? -1;
    if (parent !== -1) zoneCounts[parent] = (zoneCounts[parent] ?? 0) + (zoneCounts[position] ?? 0);
  }

  const statuses: FacetChoice<StatusChoice>[] = [];
  STATUS_CHOICES.forEach((value, code) => {
    const selected = state.statuses.includes(value);
    if (statusPresent[code] === 1 || selected) {
      statuses.push({ value, count: statusCounts[code] ?? 0, selected });
    }
  });
  const kinds: FacetChoice<Kind>[] = [];
  KINDS.forEach((value, code) => {
    const selected = state.kinds.includes(value);
    if (kindPresent[code] === 1 || selected) {
      kinds.push({ value, count: kindCounts[code] ?? 0, selected });
    }
  });

  const selectedIndustryKeys = new Set(state.industries.map(industryKey));
  const industries: IndustryChoice[] = index.industryLabels
    .map((label, id) => ({
      value: label,
      label,
      count: industryCounts[id] ?? 0,
      selected: selectedIndustryKeys.has(industryKey(label)),
      total: index.industryTotals[id] ?? 0,
    }))
    .sort((a, b) => b.total - a.total || compareCodePoints(a.label, b.label))
    .map(({ value, label, count, selected }) => ({ value, label, count, selected }));
  for (const industry of state.industries) {
    const key = industryKey(industry);
    if (
      !index.industryIdByKey.has(key) &&
      !industries.some((choice) => industryKey(choice.value) === key)
    ) {
      industries.push({ value: industry, label: industry, count: 0, selected: true });
    }
  }

  const chosenSectors = state.sectors ?? [];
  const sectors: SectorChoice[] = [];
  SECTORS.forEach((value, code) => {
    const selected = chosenSectors.includes(value);
    const total = sectorTotals[code] ?? 0;
    if (total > 0 || selected) {
      sectors.push({ value, count: sectorCounts[code] ?? 0, selected, total });
    }
  });
  // Most features first; ties (and "other", which is last in SECTORS) keep SECTORS order.
  sectors.sort(
    (a, b) =>
      Number(a.value === 'other') - Number(b.value === 'other') ||
      b.total - a.total ||
      SECTORS.indexOf(a.value) - SECTORS.indexOf(b.value),
  );

  const isZoneOrPark = (position: number): boolean => {
    const kind = KINDS[index.kindCode[position] ?? 0];
    return kind === 'zone' || kind === 'park';
  };
  const zones: ZoneChoice[] = [];
  for (let position = 0; position < index.size; position++) {
    if (!isZoneOrPark(position)) continue;
    const feature = index.features[position] as ParkFeature;
    if (index.indexById.get(feature.id) !== position) continue; // a repeated id is listed once
    let enclosing = index.parentIndex[position] ?? -1;
    while (enclosing !== -1 && !isZoneOrPark(enclosing))
      enclosing = index.parentIndex[enclosing] ?? -1;
    const choice: ZoneChoice = {
      value: feature.id,
      name: feature.properties.name,
      kind: feature.properties.kind,
      count: zoneCounts[position] ?? 0,
      selected: state.zones.includes(feature.id),
    };
    const nameEn = feature.properties['name:en'];
    if (typeof nameEn === 'string') choice['name:en'] = nameEn;
    if (enclosing !== -1) choice.parent = index.ids[enclosing];
    zones.push(choice);
  }

  return { statuses, industries, sectors, zones, kinds };
}

function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What the shown features add up to. */
export interface Totals {
  /** Passing features of kind `park`. */
  parks: number;
  /** Passing features of kind `building`. */
  buildings: number;
  /** Yuan, without double counting along the parent tree (see `totals`). */
  investment: number;
  /** m², likewise. */
  floorArea: number;
  /** Likewise. */
  jobs: number;
  /** Companies hosted, see `totals`. */
  companies: number;
  /**
   * How many passing features state each figure (companies: or name a tenant). 0 means the data
   * says nothing: the total is then unknown, not zero, and is shown as such.
   */
  sources: { investment: number; floorArea: number; jobs: number; companies: number };
  /**
   * What each sum bounds, from the qualifiers of the figures added into it (sumQualifier: "超过"
   * when some are 余/以上…); absent where every part is a plain figure.
   */
  qualifiers: Partial<Record<TotalFigure, Qualifier>>;
}

function tenantKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();
}

/**
 * Totals over the passing features. Accepts the index (or the features, then indexes them, O(n))
 * and the passing features as a FilterResult, a mask by index, or ids.
 *
 * No double counting along the parent tree: a figure (investment, floor area, jobs) is summed over
 * the passing features that state it and none of whose PASSING ancestors states it. A park's
 * 700 000 m² already contains its buildings' floor area, so while the park is shown its buildings'
 * figures are not added; filter the park out (e.g. kinds = building) and they are.
 *
 * Companies: a stated `companies` count is the number hosted, and the tenants listed beside it are
 * among them. So `companies` = the sum of `companies` over passing features that state it with no
 * passing ancestor stating it, plus the number of distinct tenant names (NFKC, spaces ignored, case
 * ignored) listed on passing features that are not covered by such a count (neither they nor a
 * passing ancestor state `companies`). The same company listed in two places is counted once.
 * Targets (`targets.companies`, goals) never count.
 */
export function totals(
  source: FilterIndex | readonly ParkFeature[],
  passing: FilterResult | Uint8Array | Iterable<string>,
): Totals {
  const index: FilterIndex = isFilterIndex(source) ? source : buildIndex(source);
  const mask = toMask(index, passing);

  const result: Totals = {
    parks: 0,
    buildings: 0,
    investment: 0,
    floorArea: 0,
    jobs: 0,
    companies: 0,
    sources: { investment: 0, floorArea: 0, jobs: 0, companies: 0 },
    qualifiers: {},
  };
  // Per summed figure, which qualifiers its added parts carry (bit q for QUALIFIERS[q]).
  const qualifiersMet = new Uint8Array(TOTAL_FIGURES.length);
  const tenantSeen = new Uint8Array(index.tenantCount);
  let tenantsCounted = 0;
  const parkCode = KINDS.indexOf('park');
  const buildingCode = KINDS.indexOf('building');

  // One pass down the tree; `stated` holds, per feature, which figures it or a passing ancestor
  // states (bit 0 investment, 1 floor area, 2 jobs, 3 companies), so a figure already stated above is not added again.
  const figures = [index.investment, index.floorArea, index.jobs, index.companies] as const;
  const companiesBit = 1 << 3;
  const stated = new Uint8Array(index.size);
  for (const position of index.order) {
    const parent = index.parentIndex[position] ?? -1;
    const above = parent === -1 ? 0 : (stated[parent] ?? 0);
    if (mask[position] !== 1) {
      stated[position] = above;
      continue;
    }
    let own = 0;
    for (let bit = 0; bit < figures.length; bit++) {
      if (!Number.isNaN(figures[bit]?.[position] ?? NaN)) own |= 1 << bit;
    }
    stated[position] = above | own;
    const added = own & ~above;
    if (added & 1) result.investment += index.investment[position] ?? 0;
    if (added & 2) result.floorArea += index.floorArea[position] ?? 0;
    if (added & 4) result.jobs += index.jobs[position] ?? 0;
    if (added & companiesBit) result.companies += index.companies[position] ?? 0;
    for (let bit = 0; bit < TOTAL_FIGURES.length; bit++) {
      const code = index.qualifierCodes[position * TOTAL_FIGURES.length + bit] ?? 0;
      if (added & (1 << bit) && code > 0)
        qualifiersMet[bit] = (qualifiersMet[bit] ?? 0) | (1 << (code - 1));
    }
    if (own & 1) result.sources.investment++;
    if (own & 2) result.sources.floorArea++;
    if (own & 4) result.sources.jobs++;
    if (own & companiesBit) result.sources.companies++;

    const kind = index.kindCode[position];
    if (kind === parkCode) result.parks++;
    if (kind === buildingCode) result.buildings++;

    const end = index.tenantStart[position + 1] ?? 0;
    const namesTenants = end > (index.tenantStart[position] ?? 0);
    if (namesTenants && !(own & companiesBit)) result.sources.companies++;
    // Tenants covered by a stated `companies` count (here or above) are among those companies.
    if ((stated[position] ?? 0) & companiesBit) continue;
    for (let k = index.tenantStart[position] ?? 0; k < end; k++) {
      const id = index.tenantList[k] ?? 0;
      if (tenantSeen[id] === 1) continue;
      tenantSeen[id] = 1;
      tenantsCounted++;
    }
  }
  result.companies += tenantsCounted;
  TOTAL_FIGURES.forEach((key, bit) => {
    const met = qualifiersMet[bit] ?? 0;
    const qualifier = sumQualifier(QUALIFIERS.filter((_, q) => met & (1 << q)));
    if (qualifier) result.qualifiers[key] = qualifier;
  });
  return result;
}

function isFilterIndex(source: FilterIndex | readonly ParkFeature[]): source is FilterIndex {
  return !Array.isArray(source);
}

function toMask(
  index: FilterIndex,
  passing: FilterResult | Uint8Array | Iterable<string>,
): Uint8Array {
  if (passing instanceof Uint8Array) return passing;
  if (
    typeof passing === 'object' &&
    passing !== null &&
    'mask' in passing &&
    passing.mask instanceof Uint8Array
  ) {
    return passing.mask;
  }
  const mask = new Uint8Array(index.size);
  for (const id of passing as Iterable<string>) {
    const position = index.indexById.get(id);
    if (position !== undefined) mask[position] = 1;
  }
  return mask;
}

/** A MapLibre filter expression, as plain JSON (this module does not import maplibre-gl). */
export type FilterExpression = unknown[];

/** Ids MapLibre's `match` cannot take as labels: it keeps labels in a plain object, where these clash. */
function clashesWithObjectPrototype(id: string): boolean {
  return id in Object.prototype;
}

/**
 * An expression true for features whose `idProperty` is one of `passingIds`. Uses `match`, which
 * MapLibre evaluates with a hash lookup (`in` with a literal array scans the array for every feature);
 * ids such as `constructor` that `match` rejects go through a small `in` list instead. No ids at all
 * gives an expression that is always false. Duplicates are dropped.
 */
export function filterExpression(
  passingIds: Iterable<string>,
  idProperty = 'pmId',
): FilterExpression {
  const labels: string[] = [];
  const awkward: string[] = [];
  const seen = new Set<string>();
  for (const id of passingIds) {
    if (seen.has(id)) continue;
    seen.add(id);
    (clashesWithObjectPrototype(id) ? awkward : labels).push(id);
  }
  const get = ['get', idProperty];
  const matching = labels.length > 0 ? ['match', get, labels, true, false] : null;
  const listed = awkward.length > 0 ? ['in', get, ['literal', awkward]] : null;
  if (matching && listed) return ['any', matching, listed];
  return matching ?? listed ?? ['boolean', false];
}

/**
 * The filter to put on the map for a result, or null when every feature passes (remove the filter).
 * When more than half pass, the expression lists the features that fail and negates: it is the
 * shorter list either way.
 */
export function mapFilterExpression(
  index: FilterIndex,
  result: FilterResult,
  idProperty = 'pmId',
): FilterExpression | null {
  if (result.count === index.size) return null;
  if (result.count * 2 <= index.size) return filterExpression(result.ids, idProperty);
  const failing: string[] = [];
  for (let position = 0; position < index.size; position++) {
    if (result.mask[position] !== 1) failing.push(index.ids[position] as string);
  }
  // An id repeated in the data fails or passes as a whole; a passing copy must not be negated away.
  const passingIds = new Set(result.ids);
  return [
    '!',
    filterExpression(
      failing.filter((id) => !passingIds.has(id)),
      idProperty,
    ),
  ];
}
