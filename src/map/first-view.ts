// What the first view frames (the `fit` attribute): the features a page names, each with everything
// inside it (by `parent`), or all of them; unset, the zone holding the most features, so that two
// zones 90 km apart do not open as specks at the map's edges. A camera from the URL (`hash`) wins
// over all of this. Pure: no map, unit-tested.
import type { ParkFeature } from '../data/types.js';
import type { Lang } from '../i18n/lang.js';

export interface FirstView {
  /** The features to frame (all of them when nothing narrower applies). */
  features: readonly ParkFeature[];
  /** The ids `fit` names that no feature has, in the order given (reported as a warning). */
  unknown: string[];
}

/** The features under each id (by `parent`, any depth), the id's own feature first. */
function withDescendants(
  features: readonly ParkFeature[],
  roots: ReadonlySet<string>,
): ParkFeature[] {
  const byId = new Map<string, ParkFeature>();
  for (const feature of features) byId.set(feature.id, feature);
  // Each feature's chain up to its top: inside a root if any ancestor is one (a cycle stops).
  const inside = new Map<string, boolean>();
  const isInside = (feature: ParkFeature): boolean => {
    const seen = new Set<string>();
    const chain: string[] = [];
    let current: ParkFeature | undefined = feature;
    let result = false;
    while (current && !seen.has(current.id)) {
      const known = inside.get(current.id);
      if (known !== undefined) {
        result = known;
        break;
      }
      if (roots.has(current.id)) {
        result = true;
        break;
      }
      seen.add(current.id);
      chain.push(current.id);
      const parent: string | undefined = current.properties.parent;
      current = parent === undefined ? undefined : byId.get(parent);
    }
    for (const id of chain) inside.set(id, result);
    return result;
  };
  return features.filter((feature) => roots.has(feature.id) || isInside(feature));
}

/**
 * The zone with the most features inside it (data order breaks a tie), with them; null when no
 * zone holds any feature.
 */
export function densestZone(features: readonly ParkFeature[]): ParkFeature[] | null {
  const byId = new Map<string, ParkFeature>();
  for (const feature of features) byId.set(feature.id, feature);
  const counts = new Map<string, number>();
  for (const feature of features) {
    // The feature's zone: the nearest ancestor of kind zone (a cycle stops the walk).
    const seen = new Set<string>([feature.id]);
    let parentId = feature.properties.parent;
    while (parentId !== undefined && !seen.has(parentId)) {
      const parent = byId.get(parentId);
      if (!parent) break;
      if (parent.properties.kind === 'zone') {
        counts.set(parent.id, (counts.get(parent.id) ?? 0) + 1);
        break;
      }
      seen.add(parentId);
      parentId = parent.properties.parent;
    }
  }
  let best: string | undefined;
  let most = 0;
  for (const feature of features) {
    const count = counts.get(feature.id) ?? 0;
    if (count > most) {
      best = feature.id;
      most = count;
    }
  }
  return best === undefined ? null : withDescendants(features, new Set([best]));
}

/**
 * The first view's features for `fit`: `all`, or space-separated ids (each framed with what is
 * inside it), or unset (the densest zone, else all).
 */
export function firstView(features: readonly ParkFeature[], fit: string | null): FirstView {
  const words = (fit ?? '').trim().split(/\s+/).filter(Boolean);
  if (words.length === 1 && words[0] === 'all') return { features, unknown: [] };
  const ids = new Set(features.map((feature) => feature.id));
  const named = words.filter((word) => ids.has(word));
  const unknown = words.filter((word) => !ids.has(word));
  if (named.length > 0) return { features: withDescendants(features, new Set(named)), unknown };
  return { features: densestZone(features) ?? features, unknown };
}

/** The warning for ids in `fit` that no feature has (the page author's to fix). */
export const FIT_TEXT: Record<Lang, (ids: string[]) => string> = {
  'zh-CN': (ids) =>
    `fit 属性中的 ${ids.map((id) => `“${id}”`).join('、')} 不是任何要素的 id，首屏改为显示其余所指要素或要素最多的开发区。`,
  en: (ids) =>
    `The fit attribute names ${ids.map((id) => `"${id}"`).join(', ')}, which no feature has: the first view frames the other features it names, or the zone with the most features.`,
};
