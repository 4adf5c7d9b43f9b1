// The ids a filter hides on a GeoJSON map, and the smallest change from one hidden set to the next.
import { describe, expect, it } from 'vitest';
import { hiddenIds, visibilityChanges } from '../../src/map/hidden-features.js';

const features = ['zone', 'park', 'a', 'b', 'c'].map((id) => ({ id }));

describe('hiddenIds', () => {
  it('hides nothing when nothing is filtered', () => {
    expect([...hiddenIds(features, null)]).toEqual([]);
  });

  it('hides every feature that does not pass, in data order', () => {
    expect([...hiddenIds(features, new Set(['park', 'b']))]).toEqual(['zone', 'a', 'c']);
  });

  it('hides everything when nothing passes; ids that are not in the data play no part', () => {
    expect([...hiddenIds(features, new Set(['gone']))]).toEqual(['zone', 'park', 'a', 'b', 'c']);
  });
});

describe('visibilityChanges', () => {
  it('from nothing hidden: hides the lot, shows nothing', () => {
    expect(visibilityChanges(new Set(), new Set(['a', 'b']))).toEqual({
      hide: ['a', 'b'],
      show: [],
    });
  });

  it('only features whose visibility changed', () => {
    expect(visibilityChanges(new Set(['a', 'b', 'c']), new Set(['b', 'c', 'zone']))).toEqual({
      hide: ['zone'],
      show: ['a'],
    });
  });

  it('back to nothing hidden: shows what was hidden', () => {
    expect(visibilityChanges(new Set(['a', 'c']), new Set())).toEqual({
      hide: [],
      show: ['a', 'c'],
    });
  });

  it('the same set: no change at all', () => {
    expect(visibilityChanges(new Set(['a']), new Set(['a']))).toEqual({ hide: [], show: [] });
  });
});
