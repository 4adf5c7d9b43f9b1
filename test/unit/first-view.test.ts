// The first view (`fit`): the features a page names with what is inside them, `all`, or the zone
// holding the most features; ids no feature has are reported.
import { describe, expect, it } from 'vitest';
import type { ParkFeature } from '../../src/data/types.js';
import { densestZone, FIT_TEXT, firstView } from '../../src/map/first-view.js';

function feature(
  id: string,
  kind: ParkFeature['properties']['kind'],
  parent?: string,
): ParkFeature {
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: [112, 27] },
    properties: { kind, name: id, ...(parent === undefined ? {} : { parent }) },
  };
}

// West: a zone with one park (two buildings in it); east: a zone with three projects; and a
// project in no zone.
const data = [
  feature('west', 'zone'),
  feature('west-park', 'park', 'west'),
  feature('west-b1', 'building', 'west-park'),
  feature('west-b2', 'building', 'west-park'),
  feature('east', 'zone'),
  feature('east-1', 'project', 'east'),
  feature('east-2', 'project', 'east'),
  feature('loose', 'project'),
];
const ids = (features: readonly ParkFeature[]) => features.map((f) => f.id);

describe('the first view', () => {
  it('unset: the zone with the most features inside it, at any depth', () => {
    expect(ids(firstView(data, null).features)).toEqual([
      'west',
      'west-park',
      'west-b1',
      'west-b2',
    ]);
    // One more project in the east: now the east holds the most (4 against 3).
    const more = [
      ...data,
      feature('east-3', 'project', 'east'),
      feature('east-4', 'project', 'east'),
    ];
    expect(ids(firstView(more, '').features)).toEqual([
      'east',
      'east-1',
      'east-2',
      'east-3',
      'east-4',
    ]);
  });

  it('a tie goes to the zone first in the data', () => {
    const tie = [
      feature('a', 'zone'),
      feature('b', 'zone'),
      feature('b1', 'park', 'b'),
      feature('a1', 'park', 'a'),
    ];
    expect(ids(densestZone(tie)!)).toEqual(['a', 'a1']);
  });

  it('no zone holds anything: all the data', () => {
    const flat = [feature('p', 'park'), feature('q', 'project'), feature('z', 'zone')];
    expect(densestZone(flat)).toBeNull();
    expect(ids(firstView(flat, null).features)).toEqual(['p', 'q', 'z']);
  });

  it('`all` frames everything; named ids frame each with what is inside it', () => {
    expect(firstView(data, 'all').features).toBe(data);
    expect(ids(firstView(data, 'east').features)).toEqual(['east', 'east-1', 'east-2']);
    expect(ids(firstView(data, ' west-park  loose ').features)).toEqual([
      'west-park',
      'west-b1',
      'west-b2',
      'loose',
    ]);
  });

  it('ids no feature has are reported; the rest still frame, else the densest zone', () => {
    expect(firstView(data, 'east nowhere')).toMatchObject({ unknown: ['nowhere'] });
    expect(ids(firstView(data, 'east nowhere').features)).toEqual(['east', 'east-1', 'east-2']);
    const none = firstView(data, 'nowhere elsewhere');
    expect(none.unknown).toEqual(['nowhere', 'elsewhere']);
    expect(ids(none.features)).toEqual(['west', 'west-park', 'west-b1', 'west-b2']);
    expect(FIT_TEXT['zh-CN'](none.unknown)).toContain('“nowhere”、“elsewhere”');
    expect(FIT_TEXT.en(none.unknown)).toContain('"nowhere", "elsewhere", which no feature has');
  });

  it('a cycle of parents ends the walk instead of looping', () => {
    const cycle = [
      feature('z', 'zone'),
      feature('a', 'park', 'b'),
      feature('b', 'park', 'a'),
      feature('c', 'park', 'z'),
    ];
    expect(ids(firstView(cycle, null).features)).toEqual(['z', 'c']);
    expect(ids(firstView(cycle, 'a').features)).toEqual(['a', 'b']);
  });
});
