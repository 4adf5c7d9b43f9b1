// ParkStore as its readers see it: the indexes a load leaves, what its subscribers are told and in
// which order, and when a selection outlives new data. No map, no DOM: the store is plain data.
import { describe, expect, it } from 'vitest';
import type { DataIssue, ParkFeature, ParkProperties } from '../../src/data/types.js';
import { ParkStore, type StoreChange } from '../../src/state/park-store.js';

function feature(id: string, properties: Partial<ParkProperties> = {}): ParkFeature {
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: [112.6, 26.9] },
    properties: { kind: 'park', name: id, ...properties },
  };
}

const zone = feature('zone', { kind: 'zone' });
const parkA = feature('park-a', { parent: 'zone' });
const parkB = feature('park-b', { parent: 'zone' });
const building = feature('b1', { kind: 'building', parent: 'park-a' });
const loose = feature('loose', { kind: 'project' });

const issue: DataIssue = {
  path: 'features[5].properties.status',
  reason: 'unknown status',
  code: 'unknown-status',
  severity: 'warning',
};

const NEW_SET = { refresh: false, reported: [], tiles: false } as const;

/** A store and the changes its one subscriber heard, in order. */
function recorded(store = new ParkStore()) {
  const heard: StoreChange[] = [];
  store.subscribe((change) => heard.push(change));
  return { store, heard };
}

describe('ParkStore', () => {
  it('starts empty: no features, no problems, nothing selected, nothing filtered', () => {
    const store = new ParkStore();
    expect(store.state).toBe('empty');
    expect(store.features).toEqual([]);
    expect(store.errors).toEqual([]);
    expect(store.byId.size).toBe(0);
    expect(store.childrenOf.size).toBe(0);
    expect(store.fromTiles).toBe(false);
    expect(store.selected).toBeNull();
    expect(store.hovered).toBeNull();
    expect(store.passing).toBeNull();
    expect(store.mapFilter).toBeNull();
    expect(store.shown).toEqual([]);
  });

  it('indexes loaded features by id and by parent, children in data order', () => {
    const store = new ParkStore();
    store.setData('ready', [zone, parkA, building, parkB, loose], [issue], NEW_SET);
    expect(store.state).toBe('ready');
    expect(store.features).toEqual([zone, parkA, building, parkB, loose]);
    expect(store.errors).toEqual([issue]);
    expect([...store.byId.keys()]).toEqual(['zone', 'park-a', 'b1', 'park-b', 'loose']);
    expect(store.byId.get('b1')).toBe(building);
    expect(store.byId.get('nowhere')).toBeUndefined();
    expect([...store.childrenOf.keys()]).toEqual(['zone', 'park-a']);
    expect(store.childrenOf.get('zone')).toEqual([parkA, parkB]);
    expect(store.childrenOf.get('park-a')).toEqual([building]);
    // Features without children (and those without a parent) have no entry.
    expect(store.childrenOf.has('park-b')).toBe(false);
    expect(store.childrenOf.has('loose')).toBe(false);
  });

  it('a new data set replaces the indexes; nothing of the old one stays', () => {
    const store = new ParkStore();
    store.setData('ready', [zone, parkA, building], [issue], NEW_SET);
    store.setData('ready', [loose], [], NEW_SET);
    expect(store.features).toEqual([loose]);
    expect(store.errors).toEqual([]);
    expect([...store.byId.keys()]).toEqual(['loose']);
    expect(store.childrenOf.size).toBe(0);
  });

  it('clearing the data empties the features, problems and indexes', () => {
    const { store, heard } = recorded();
    store.setData('ready', [zone, parkA], [issue], NEW_SET);
    heard.length = 0;
    store.setData('empty', [], [], NEW_SET);
    expect(store.state).toBe('empty');
    expect(store.features).toEqual([]);
    expect(store.errors).toEqual([]);
    expect(store.byId.size).toBe(0);
    expect(store.childrenOf.size).toBe(0);
    expect(heard).toEqual([{ type: 'data', refresh: false, reported: [], tiles: false }]);
  });

  it('tells every subscriber each change, in the order they subscribed', () => {
    const store = new ParkStore();
    const order: string[] = [];
    store.subscribe((change) => order.push(`first:${change.type}`));
    store.subscribe((change) => order.push(`second:${change.type}`));
    store.setLoading();
    store.select('zone');
    expect(order).toEqual(['first:state', 'second:state', 'first:selection', 'second:selection']);
  });

  it('a subscriber that unsubscribes hears nothing more; the others still do', () => {
    const store = new ParkStore();
    const first: string[] = [];
    const second: string[] = [];
    const undo = store.subscribe((change) => first.push(change.type));
    store.subscribe((change) => second.push(change.type));
    store.hover('zone');
    undo();
    store.hover('park-a');
    expect(first).toEqual(['hover']);
    expect(second).toEqual(['hover', 'hover']);
  });

  it('a subscriber may unsubscribe another while being told: that change still reaches it', () => {
    const store = new ParkStore();
    const second: string[] = [];
    let undoSecond = (): void => undefined;
    store.subscribe(() => undoSecond());
    undoSecond = store.subscribe((change) => second.push(change.type));
    store.select('zone');
    store.select(null);
    expect(second).toEqual(['selection']);
  });

  it('a subscriber added while a change is told hears only the changes after it', () => {
    const store = new ParkStore();
    const late: string[] = [];
    let added = false;
    store.subscribe(() => {
      if (added) return;
      added = true;
      store.subscribe((change) => late.push(change.type));
    });
    store.select('zone');
    store.hover('zone');
    expect(late).toEqual(['hover']);
  });

  it('tells the data change as given: refresh, the problems reported, tiles, a drawn preview', () => {
    const { store, heard } = recorded();
    const preview = [zone];
    store.setData('ready', [zone], [issue], {
      refresh: false,
      reported: [issue],
      tiles: false,
      drawnAs: preview,
    });
    store.setData('ready', [zone, parkA], [issue], { refresh: true, reported: [], tiles: true });
    expect(heard).toEqual([
      { type: 'data', refresh: false, reported: [issue], tiles: false, drawnAs: preview },
      { type: 'data', refresh: true, reported: [], tiles: true },
    ]);
    expect(store.fromTiles).toBe(true);
  });

  it('a load that starts is told once, and the features stay those of before', () => {
    const { store, heard } = recorded();
    store.setData('ready', [zone], [], NEW_SET);
    heard.length = 0;
    store.setLoading();
    store.setLoading();
    expect(heard).toEqual([{ type: 'state' }]);
    expect(store.state).toBe('loading');
    expect(store.features).toEqual([zone]);
    expect(store.byId.get('zone')).toBe(zone);
  });

  it('selects and clears a selection, told once per change; the same id again is no change', () => {
    const { store, heard } = recorded();
    store.select('zone');
    store.select('zone');
    expect(store.selected).toBe('zone');
    store.select(null);
    store.select(null);
    expect(store.selected).toBeNull();
    expect(heard).toEqual([{ type: 'selection' }, { type: 'selection' }]);
  });

  it('keeps a selection of an id not loaded while the data loads (one from the URL)', () => {
    const { store, heard } = recorded();
    store.select('park-b');
    store.setLoading();
    store.setData('loading', [], [], { refresh: false, reported: [], tiles: true });
    expect(store.selected).toBe('park-b');
    expect(heard.map((change) => change.type)).toEqual(['selection', 'state', 'data']);
  });

  it('keeps a selection the new data has', () => {
    const { store, heard } = recorded();
    store.select('park-b');
    heard.length = 0;
    store.setData('ready', [zone, parkB], [], NEW_SET);
    expect(store.selected).toBe('park-b');
    expect(heard.map((change) => change.type)).toEqual(['data']);
  });

  it('clears a selection the loaded data lacks, and tells it after the data', () => {
    const { store, heard } = recorded();
    store.select('missing');
    heard.length = 0;
    const seen: (string | null)[] = [];
    store.subscribe(() => seen.push(store.selected));
    store.setData('ready', [zone, parkA], [], NEW_SET);
    expect(store.selected).toBeNull();
    expect(heard.map((change) => change.type)).toEqual(['data', 'selection']);
    // Both listeners are told with the selection already gone.
    expect(seen).toEqual([null, null]);
  });

  it('a failed load clears a selection it lacks too', () => {
    const { store, heard } = recorded();
    store.select('zone');
    heard.length = 0;
    store.setData('failed', [], [issue], { refresh: false, reported: [issue], tiles: false });
    expect(store.state).toBe('failed');
    expect(store.selected).toBeNull();
    expect(heard.map((change) => change.type)).toEqual(['data', 'selection']);
  });

  it('newly loaded tiles of the same data (a refresh) keep a selection they lack', () => {
    const { store, heard } = recorded();
    store.setData('ready', [zone, parkA], [], { refresh: false, reported: [], tiles: true });
    store.select('park-a');
    heard.length = 0;
    store.setData('ready', [zone], [], { refresh: true, reported: [], tiles: true });
    expect(store.selected).toBe('park-a');
    expect(store.byId.has('park-a')).toBe(false);
    expect(heard.map((change) => change.type)).toEqual(['data']);
  });

  it('hover: told once per change, the same id again is no change', () => {
    const { store, heard } = recorded();
    store.hover('zone');
    store.hover('zone');
    store.hover(null);
    expect(store.hovered).toBeNull();
    expect(heard).toEqual([{ type: 'hover' }, { type: 'hover' }]);
  });

  it('holds what the filters let through and tells whether the map is to draw it again', () => {
    const { store, heard } = recorded();
    store.setData('ready', [zone, parkA, parkB], [], NEW_SET);
    heard.length = 0;
    const expression = ['in', ['get', 'pmId'], ['literal', ['park-a']]];
    store.setFilterOutcome({ passing: new Set(['park-a']), shown: [parkA], expression }, true);
    expect([...store.passing!]).toEqual(['park-a']);
    expect(store.shown).toEqual([parkA]);
    expect(store.mapFilter).toEqual(expression);
    // The same result again, quietly (more tiles of the same data): no redraw asked.
    store.setFilterOutcome({ passing: new Set(['park-a']), shown: [parkA], expression }, false);
    // Filters cleared: everything shows.
    store.setFilterOutcome({ passing: null, shown: [zone, parkA, parkB], expression: null }, true);
    expect(store.passing).toBeNull();
    expect(store.mapFilter).toBeNull();
    expect(store.shown).toEqual([zone, parkA, parkB]);
    expect(heard).toEqual([
      { type: 'filter', redraw: true },
      { type: 'filter', redraw: false },
      { type: 'filter', redraw: true },
    ]);
  });
});
