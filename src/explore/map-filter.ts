// The filter as a MapLibre expression over the few properties each drawn feature carries (status,
// kind, investment, floor area): short, whatever the data size. Only the tree- and list-shaped facets
// (zones, industries) fall back to a list of ids. Pure; it must pass exactly what applyFilter passes.
import {
  EMPTY_FILTER,
  applyFilter,
  mapFilterExpression,
  type FilterExpression,
  type FilterIndex,
  type FilterState,
  type NumberRange,
} from './filter.js';

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

/** The expression for the map, or null when nothing is filtered. */
export function stateExpression(
  index: FilterIndex,
  state: FilterState,
  idProperty = 'pmId',
): FilterExpression | null {
  const parts: FilterExpression[] = [];
  if (state.statuses.length > 0) {
    parts.push(['in', ['get', 'status'], ['literal', [...state.statuses]]]);
  }
  if (state.kinds.length > 0) parts.push(['in', ['get', 'kind'], ['literal', [...state.kinds]]]);
  const investment = rangeExpression('investment', state.investment);
  if (investment) parts.push(investment);
  const floorArea = rangeExpression('floorArea', state.floorArea);
  if (floorArea) parts.push(floorArea);
  if (state.zones.length > 0 || state.industries.length > 0) {
    const listed = applyFilter(index, {
      ...EMPTY_FILTER,
      zones: state.zones,
      industries: state.industries,
    });
    const ids = mapFilterExpression(index, listed, idProperty);
    if (ids) parts.push(ids);
  }
  return parts.length === 0 ? null : ['all', ...parts];
}
