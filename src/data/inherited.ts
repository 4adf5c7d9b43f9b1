// A property a feature may take from the features it lies in (by `parent`): a park without a
// hotline of its own has its zone's. Pure.
import type { ParkFeature } from './types.js';

/**
 * The nearest of the feature and its ancestors for which `has` holds (the feature itself first),
 * or undefined; a cycle of parents ends the walk.
 */
export function nearestUp(
  feature: ParkFeature,
  byId: ReadonlyMap<string, ParkFeature>,
  has: (feature: ParkFeature) => boolean,
): ParkFeature | undefined {
  const seen = new Set<string>();
  for (let at: ParkFeature | undefined = feature; at && !seen.has(at.id);) {
    if (has(at)) return at;
    seen.add(at.id);
    at = at.properties.parent ? byId.get(at.properties.parent) : undefined;
  }
  return undefined;
}
