// The list tree: nearest shown ancestor, sorting by name (pinyin in Chinese) and by figures.
import { describe, expect, it } from 'vitest';
import { buildTree, type TreeNode } from '../../src/explore/tree.js';
import type { ParkFeature, ParkProperties } from '../../src/data/types.js';

function feature(id: string, properties: Partial<ParkProperties>): ParkFeature {
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: [112.6, 26.9] },
    properties: { kind: 'building', name: id, ...properties },
  };
}

const zone = feature('z', { kind: 'zone', name: '高新区' });
const park = feature('p', { kind: 'park', name: '软件园', parent: 'z' });
const a = feature('a', { name: '北楼', parent: 'p', investment: 5 });
const b = feature('b', { name: '安楼', parent: 'p', investment: 9 });
const c = feature('c', { name: '城楼', parent: 'p' });
const all = new Map([zone, park, a, b, c].map((f) => [f.id, f]));

const shape = (nodes: readonly TreeNode[]): unknown =>
  nodes.map((node) => [node.feature.id, ...(node.children.length ? [shape(node.children)] : [])]);

describe('buildTree', () => {
  it('nests zone → park → buildings, names in pinyin order (安 an, 北 bei, 城 cheng)', () => {
    expect(shape(buildTree([zone, park, a, b, c], all, 'name', 'zh-CN'))).toEqual([
      ['z', [['p', [['b'], ['a'], ['c']]]]],
    ]);
  });

  it('puts a building whose park is filtered out under the zone', () => {
    expect(shape(buildTree([zone, a], all, 'name', 'zh-CN'))).toEqual([['z', [['a']]]]);
  });

  it('sorts by a figure, largest first, features without it last', () => {
    expect(shape(buildTree([a, b, c], all, 'investment', 'zh-CN'))).toEqual([['b'], ['a'], ['c']]);
  });

  it('gives every leaf one shared, frozen empty list (no list per feature), and parents their own', () => {
    const roots = buildTree([zone, park, a, b, c], all, 'name', 'zh-CN');
    const parkNode = roots[0]!.children[0]!;
    const [first, second, third] = parkNode.children;
    expect(first!.children).toEqual([]);
    expect(first!.children).toBe(second!.children);
    expect(second!.children).toBe(third!.children);
    expect(Object.isFrozen(first!.children)).toBe(true);
    expect(Object.isFrozen(parkNode.children)).toBe(false);
    expect(roots[0]!.children).not.toBe(parkNode.children);
  });
});
