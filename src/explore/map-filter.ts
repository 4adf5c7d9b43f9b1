// The filter as a MapLibre expression over the few properties each drawn feature carries (status,
// kind, investment, floor area): short, whatever the data size. The tree- and list-shaped facets
// (zones, industries) fall back to a list of ids on GeoJSON, and are tested on the tiles' own
// `parent` and `industries` with vector tiles. Pure; on GeoJSON it must pass exactly what
// applyFilter passes.
import {
  applyFilter,
  industryKey,
  mapFilterExpression,
  type FilterExpression,
  type FilterIndex,
} from './filter.js';
import { EMPTY_FILTER, type FilterState, type NumberRange } from './filter-state.js';
import { SECTORS, isSector, tagsOf } from '../data/sectors.js';

const isNumber = (value: unknown): value is number =>
  typeof value === 'number' && !Number.isNaN(value);

function rangeExpression(
  property: string,
  range: NumberRange | undefined,
): FilterExpression | null {
  if (!range || (!isNumber(range.min) && !isNumber(range.max))) return null;
  const value = ['get', property];
  const parts: FilterExpression[] = [['==', ['typeof', value], 'number']];
  if (isNumber(range.min)) parts.push(['>=', value, range.min]);
  if (isNumber(range.max)) parts.push(['<=', value, range.max]);
  return ['all', ...parts];
}

/**
 * Vector tiles: the chosen zones and parks, the loaded features inside them, and any feature, in
 * a tile loaded now or later, whose parent is one of those (a building of a loaded park). A
 * feature whose parent is itself in a tile not loaded yet is left out until that tile loads.
 */
function tileZoneExpression(
  index: FilterIndex,
  zones: readonly string[],
  idProperty: string,
): FilterExpression {
  const inside = applyFilter(index, { ...EMPTY_FILTER, zones });
  const ids = [...new Set([...zones, ...inside.ids])];
  return [
    'any',
    ['in', ['get', idProperty], ['literal', ids]],
    ['in', ['get', 'parent'], ['literal', ids]],
  ];
}

/**
 * Vector tiles carry `industries` as JSON text (`["新能源","数字经济"]`): a chosen industry is
 * found as a quoted element of that text, in every tile, loaded or not, under each spelling the
 * loaded features use for it (NFKC, case and spaces aside) and the one chosen.
 */
function tileIndustryExpression(
  index: FilterIndex,
  industries: readonly string[],
  sectors: readonly string[],
): FilterExpression {
  const keys = new Set(industries.map(industryKey));
  const spellings = new Set(industries);
  // The tiles carry tags, not sectors: a chosen sector stands for its known tags and for the loaded
  // tags that fall in it ("other" has only the loaded ones).
  const chosen = new Set(sectors.filter(isSector).map((sector) => SECTORS.indexOf(sector)));
  for (const sector of sectors.filter(isSector))
    for (const tag of tagsOf(sector)) spellings.add(tag);
  index.industryLabels.forEach((label, id) => {
    if (chosen.has(index.industrySector[id] ?? -1)) keys.add(industryKey(label));
  });
  for (const [spelling, key] of index.industryKeyOfSpelling) {
    if (keys.has(key)) spellings.add(spelling);
  }
  const text: FilterExpression = ['to-string', ['get', 'industries']];
  return ['any', ...[...spellings].map((spelling) => ['in', JSON.stringify(spelling), text])];
}

/**
 * Vector tiles: the loaded features the search matches (and those inside them), and any feature,
 * loaded now or later, whose parent is one of those. The search covers only the loaded features.
 */
function tileSearchExpression(
  index: FilterIndex,
  matches: Uint8Array,
  idProperty: string,
): FilterExpression {
  const ids = applyFilter(index, EMPTY_FILTER, matches).ids;
  return [
    'any',
    ['in', ['get', idProperty], ['literal', ids]],
    ['in', ['get', 'parent'], ['literal', ids]],
  ];
}

/**
 * The expression for the map, or null when nothing is filtered. With `tiles`, zones and industries
 * are tested on the tiles' own properties (so tiles loaded later are filtered too); otherwise by
 * the ids of the passing features. `matches`: the search's matches (search.ts matchMask), null
 * for no search.
 */
export function stateExpression(
  index: FilterIndex,
  state: FilterState,
  idProperty = 'pmId',
  tiles = false,
  matches: Uint8Array | null = null,
): FilterExpression | null {
  const parts: FilterExpression[] = [];
  const sectors = state.sectors ?? [];
  if (state.statuses.length > 0) {
    parts.push(['in', ['get', 'status'], ['literal', [...state.statuses]]]);
  }
  if (state.kinds.length > 0) parts.push(['in', ['get', 'kind'], ['literal', [...state.kinds]]]);
  const investment = rangeExpression('investment', state.investment);
  if (investment) parts.push(investment);
  const floorArea = rangeExpression('floorArea', state.floorArea);
  if (floorArea) parts.push(floorArea);
  if (tiles) {
    if (state.zones.length > 0) parts.push(tileZoneExpression(index, state.zones, idProperty));
    if (state.industries.length > 0 || sectors.length > 0) {
      parts.push(tileIndustryExpression(index, state.industries, sectors));
    }
    if (matches !== null) parts.push(tileSearchExpression(index, matches, idProperty));
  } else if (
    state.zones.length > 0 ||
    state.industries.length > 0 ||
    sectors.length > 0 ||
    matches !== null
  ) {
    const listed = applyFilter(
      index,
      { ...EMPTY_FILTER, zones: state.zones, industries: state.industries, sectors },
      matches,
    );
    const ids = mapFilterExpression(index, listed, idProperty);
    if (ids) parts.push(ids);
  }
  return parts.length === 0 ? null : ['all', ...parts];
}
