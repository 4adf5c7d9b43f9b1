// The list's tree: shown features grouped zone → park → plot → building, each under its nearest
// shown ancestor, siblings sorted by name or by a figure. Pure.
import type { ParkFeature } from '../data/types.js';

export type SortKey = 'name' | 'investment' | 'floorArea' | 'progress';
export const SORT_KEYS: readonly SortKey[] = ['name', 'investment', 'floorArea', 'progress'];

export interface TreeNode {
  feature: ParkFeature;
  children: readonly TreeNode[];
}

/** The children of every leaf: one shared empty list, not one per feature (100 000 at scale). */
const NO_CHILDREN: readonly TreeNode[] = Object.freeze([]);

const collators = new Map<string, Intl.Collator>();

function collator(lang: string): Intl.Collator {
  let found = collators.get(lang);
  if (!found) {
    found = new Intl.Collator(lang === 'en' ? 'en' : 'zh-CN', { numeric: true });
    collators.set(lang, found);
  }
  return found;
}

/**
 * Makes the language's collator now. The first one costs ~12 ms (ICU loads its collation data):
 * the element calls this when the page is idle, not inside the first render.
 */
export function warmCollator(lang: string): void {
  collator(lang);
}

/** The name to show: English where asked for and given, else the Chinese name. */
export function displayName(feature: ParkFeature, lang: string): string {
  return (lang === 'en' ? feature.properties['name:en'] : undefined) ?? feature.properties.name;
}

function compare(sort: SortKey, lang: string) {
  const byName = (a: TreeNode, b: TreeNode) =>
    collator(lang).compare(displayName(a.feature, lang), displayName(b.feature, lang));
  if (sort === 'name') return byName;
  // Figures descending; features without the figure last, by name.
  return (a: TreeNode, b: TreeNode) => {
    const x = a.feature.properties[sort];
    const y = b.feature.properties[sort];
    const hasX = typeof x === 'number';
    const hasY = typeof y === 'number';
    if (hasX && hasY && x !== y) return (y as number) - (x as number);
    if (hasX !== hasY) return hasX ? -1 : 1;
    return byName(a, b);
  };
}

/**
 * Builds the tree of `shown` features. `all` gives the parent chain (a feature whose parent is
 * filtered out goes under its nearest shown ancestor, or to the top). Cycles cannot occur: the
 * validator drops features in parent cycles, and the walk stops after `all.size` steps anyway.
 */
export function buildTree(
  shown: readonly ParkFeature[],
  all: ReadonlyMap<string, ParkFeature>,
  sort: SortKey,
  lang: string,
): TreeNode[] {
  const nodes = new Map<string, TreeNode>();
  for (const feature of shown) nodes.set(feature.id, { feature, children: NO_CHILDREN });
  const roots: TreeNode[] = [];
  for (const node of nodes.values()) {
    let parentId = node.feature.properties.parent;
    let steps = 0;
    while (parentId !== undefined && !nodes.has(parentId) && steps++ < all.size) {
      parentId = all.get(parentId)?.properties.parent;
    }
    const parent = parentId === undefined ? undefined : nodes.get(parentId);
    if (parent && parent !== node) {
      if (parent.children === NO_CHILDREN) parent.children = [node];
      else (parent.children as TreeNode[]).push(node);
    } else roots.push(node);
  }
  const order = compare(sort, lang);
  const sortAll = (list: readonly TreeNode[]) => {
    if (list.length === 0) return;
    (list as TreeNode[]).sort(order);
    for (const node of list) sortAll(node.children);
  };
  sortAll(roots);
  return roots;
}

/** How many nodes the tree holds. */
export function treeSize(nodes: readonly TreeNode[]): number {
  let size = 0;
  for (const node of nodes) size += 1 + treeSize(node.children);
  return size;
}
