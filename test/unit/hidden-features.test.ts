// The ids a filter hides on the map, the smallest change from one hidden set to the next, and when
// feature state can hide them on vector tiles (TileHiding).
import { describe, expect, it } from 'vitest';
import {
  TILE_STATE_BUDGET,
  TileHiding,
  hiddenIds,
  idsLeftOut,
  visibilityChanges,
} from '../../src/map/hidden-features.js';

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

const piece = (id: unknown) => ({ properties: { id, name: 'x' } });

describe('idsLeftOut', () => {
  it('the ids of the pieces read back that are not among those passing, each once', () => {
    const all = [piece('a'), piece('b'), piece('b'), piece('c'), piece(7), piece(undefined)];
    expect([...idsLeftOut(all, [piece('b')], 'id')]).toEqual(['a', 'c']);
  });

  it('nothing left out when everything passes', () => {
    expect([...idsLeftOut([piece('a')], [piece('a'), piece('a')], 'id')]).toEqual([]);
  });
});

describe('TileHiding', () => {
  // murmur3("b-4487") === murmur3("b-115654"); "12" and "012" are both read as the number 12.
  it('plans a filter: the ids to hide and, next time, to show again', () => {
    const hiding = new TileHiding();
    expect(hiding.plan(new Set(['a', 'b']), ['a', 'b', 'c'])).toEqual({
      hide: ['a', 'b'],
      show: [],
    });
    expect(hiding.plan(new Set(['b', 'c']), ['a', 'b', 'c'])).toEqual({ hide: ['c'], show: ['a'] });
    expect([...hiding.hidden]).toEqual(['b', 'c']);
    expect(hiding.plan(new Set(), [])).toEqual({ hide: [], show: ['b', 'c'] });
  });

  it('refuses a hidden id that shares its drawn key with one that shows', () => {
    const hiding = new TileHiding();
    expect(hiding.plan(new Set(['b-4487']), ['b-4487', 'b-115654'])).toBeNull();
    expect(hiding.plan(new Set(['012']), ['012', '12'])).toBeNull();
    // Nothing changed by a refusal.
    expect([...hiding.hidden]).toEqual([]);
    // Both hidden, or the twin not seen: exact.
    expect(hiding.plan(new Set(['b-4487', 'b-115654']), ['b-4487', 'b-115654'])).not.toBeNull();
    expect(hiding.plan(new Set(['b-4487']), ['b-4487', 'c'])).not.toBeNull();
  });

  it('adds a tile: hides its fresh ids, refuses a twin of a hidden id that shows in it', () => {
    const hiding = new TileHiding();
    hiding.plan(new Set(['b-4487']), ['b-4487', 'c']);
    expect(hiding.add(new Set(['d', 'b-4487']), ['b-4487', 'd', 'e'])).toEqual(['d']);
    expect([...hiding.hidden]).toEqual(['b-4487', 'd']);
    expect(hiding.add(new Set(), ['b-115654'])).toBeNull();
    expect([...hiding.hidden]).toEqual(['b-4487', 'd']);
  });

  it('adds a tile: refuses a fresh hidden id whose twin was seen showing', () => {
    const hiding = new TileHiding();
    hiding.plan(new Set(['c']), ['c', 'b-115654']);
    expect(hiding.add(new Set(['b-4487']), ['b-4487'])).toBeNull();
    expect(hiding.add(new Set(['12', '012']), ['12', '012'])).toEqual(['12', '012']);
  });

  it('counts every id ever given state against the budget, lifted ones too', () => {
    const hiding = new TileHiding(3);
    expect(hiding.plan(new Set(['a', 'b']), ['a', 'b'])).not.toBeNull();
    expect(hiding.plan(new Set(['c']), ['a', 'b', 'c'])).toEqual({ hide: ['c'], show: ['a', 'b'] });
    // a, b and c were given state: a fourth id is one too many, even with a and b shown again.
    expect(hiding.plan(new Set(['d']), ['d'])).toBeNull();
    expect(hiding.add(new Set(['d']), ['d'])).toBeNull();
    expect(hiding.plan(new Set(['a', 'b', 'c']), ['a', 'b', 'c'])).not.toBeNull();
  });

  it('by default, allows TILE_STATE_BUDGET ids and not one more', () => {
    const ids = (count: number) => new Set(Array.from({ length: count }, (_, i) => `f-${i}`));
    expect(TILE_STATE_BUDGET).toBe(8_000);
    expect(new TileHiding().plan(ids(TILE_STATE_BUDGET), ids(TILE_STATE_BUDGET))).not.toBeNull();
    expect(new TileHiding().plan(ids(TILE_STATE_BUDGET + 1), [])).toBeNull();
  });

  it('clear lifts every hidden state and forgets the keys', () => {
    const hiding = new TileHiding();
    hiding.plan(new Set(['b-4487', 'x']), ['b-4487', 'x']);
    expect(hiding.clear()).toEqual(['b-4487', 'x']);
    expect([...hiding.hidden]).toEqual([]);
    expect(hiding.add(new Set(), ['b-115654'])).toEqual([]);
  });
});
