// NameLabels alone, on a stand-in map: one HTML marker per zone and park name, shown at its zoom
// when the filters pass it and it overlaps no name already placed; with tiles, only the names in
// view, remade (in the next frame) when the view stops. The markers are stand-ins for MapLibre's
// (the part makes them through the context's `maplibre`); `document` and the animation-frame calls
// are minimal stand-ins too, as Node has neither.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ParkFeature } from '../../src/data/types.js';
import { NameLabels } from '../../src/map/name-labels.js';
import { fakeContext, loadInto, parkFeature, square } from './fake-map.js';

/** What the part does with a label's element: its class, text, an attribute, and its size. */
class FakeElement {
  className = '';
  textContent = '';
  readonly attributes = new Map<string, string>();
  readonly classList = {
    toggle: (name: string, on: boolean) => {
      const names = new Set(this.className.split(' ').filter(Boolean));
      if (on) names.add(name);
      else names.delete(name);
      this.className = [...names].join(' ');
    },
  };
  setAttribute(name: string, value: string): void {
    this.attributes.set(name, value);
  }
  /** How often the size was read (each read is a layout in a browser). */
  sizeReads = 0;
  /** 12 px a character, 16 px high. */
  get offsetWidth(): number {
    this.sizeReads += 1;
    return this.textContent.length * 12;
  }
  get offsetHeight(): number {
    return 16;
  }
  get hidden(): boolean {
    return this.className.split(' ').includes('park-map-label-hidden');
  }
}

/** MapLibre's Marker as the part uses it; every marker made is listed in `made`. */
function markers() {
  const made: FakeMarker[] = [];
  class FakeMarker {
    position: [number, number] | undefined;
    map: unknown;
    removed = false;
    readonly element: FakeElement;
    constructor(options: { element: FakeElement; anchor: string }) {
      expect(options.anchor).toBe('center');
      this.element = options.element;
      made.push(this);
    }
    setLngLat(position: [number, number]): this {
      this.position = position;
      return this;
    }
    addTo(map: unknown): this {
      this.map = map;
      this.removed = false;
      return this;
    }
    remove(): this {
      this.removed = true;
      return this;
    }
    getElement(): FakeElement {
      return this.element;
    }
    offset = { x: 0, y: 0 };
    getOffset(): { x: number; y: number } {
      return this.offset;
    }
    setOffset([x, y]: [number, number]): this {
      this.offset = { x, y };
      return this;
    }
  }
  return { Marker: FakeMarker, made };
}

/** Animation frames run by hand: `run()` runs the frames asked for so far. */
const frames = new Map<number, () => void>();
let nextFrame = 1;
const runFrames = () => {
  const due = [...frames.values()];
  frames.clear();
  for (const callback of due) callback();
};

beforeEach(() => {
  frames.clear();
  vi.stubGlobal('document', { createElement: () => new FakeElement() });
  vi.stubGlobal('requestAnimationFrame', (callback: () => void) => {
    const id = nextFrame++;
    frames.set(id, callback);
    return id;
  });
  vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.delete(id));
});

afterEach(() => {
  vi.unstubAllGlobals();
});

// Zones show below zoom 13.5, parks from it.
const zone = parkFeature(
  'zone',
  { kind: 'zone', name: '高新区', 'name:en': 'High-tech Zone' },
  square(112.5, 26.8, 0.2),
);
const park = parkFeature('park', { kind: 'park', name: '软件园' }, square(112.55, 26.85, 0.02));
const building = parkFeature('b1', { kind: 'building', name: '1号楼' }, square(112.551, 26.851));

function setUp(features: readonly ParkFeature[], tiled = false) {
  const kit = markers();
  const fake = fakeContext({ tiled, maplibre: { Marker: kit.Marker } });
  loadInto(fake.store, features);
  // The view centred on the zone: 800 × 600 px at 1000 px a degree (see fake-map.ts's project).
  fake.map.center = { lng: 112.6, lat: 26.9 };
  const labels = new NameLabels(fake.context, () => fake.store.features);
  labels.onAdd(fake.map.asMap);
  return { ...fake, labels, made: kit.made };
}

const shown = (made: ReturnType<typeof markers>['made']) =>
  made.filter((marker) => !marker.removed);
const visibleTexts = (made: ReturnType<typeof markers>['made']) =>
  shown(made)
    .filter((marker) => !marker.element.hidden)
    .map((marker) => marker.element.textContent);

describe('NameLabels', () => {
  it('puts a marker on the map for each zone and park name (not buildings), as text', () => {
    const { map, labels, made } = setUp([zone, park, building]);
    labels.onLoad();
    expect(made.map((marker) => marker.element.textContent)).toEqual(['高新区', '软件园']);
    expect(made.every((marker) => marker.map === map)).toBe(true);
    const [zoneMarker, parkMarker] = made;
    expect(zoneMarker!.element.className).toContain('park-map-label park-map-label-zone');
    expect(parkMarker!.element.className).toContain('park-map-label-park');
    expect(zoneMarker!.element.attributes.get('aria-hidden')).toBe('true');
    // At the square's centre.
    expect(zoneMarker!.position![0]).toBeCloseTo(112.6, 9);
    expect(zoneMarker!.position![1]).toBeCloseTo(26.9, 9);
  });

  it('writes a name from the data as text, never as markup', () => {
    const odd = parkFeature('odd', { kind: 'park', name: '<img src=x onerror=alert(1)>' });
    const { labels, made } = setUp([odd]);
    labels.onLoad();
    expect(made[0]!.element.textContent).toBe('<img src=x onerror=alert(1)>');
  });

  it('shows zones zoomed out, parks at every zoom, buildings only zoomed in', () => {
    const { map, labels, made } = setUp([zone, park, building]);
    map.zoom = 10;
    labels.onLoad();
    expect(visibleTexts(made)).toEqual(['高新区', '软件园']);
    // No marker is made for a building before its zoom.
    expect(made).toHaveLength(2);
    map.zoom = 15;
    map.fire('move');
    expect(visibleTexts(made)).toEqual(['软件园']);
    map.zoom = 16;
    map.fire('move');
    // The building's centre is 10 px from the park's in this view: the park's name wins.
    expect(visibleTexts(made)).toEqual(['软件园']);
    expect(made).toHaveLength(3);
  });

  it('shows at most 60 names, parks before buildings', () => {
    const buildings = Array.from({ length: 200 }, (_, i) =>
      parkFeature(
        `b${i}`,
        { kind: 'building', name: 'B' },
        // A grid of 20 × 10 buildings, 40 px apart: none overlaps another.
        square(112.2 + (i % 20) * 0.04, 26.7 + Math.floor(i / 20) * 0.04, 0.001),
      ),
    );
    const { map, labels, made } = setUp([...buildings, park]);
    map.zoom = 16;
    map.container.clientWidth = 1000;
    map.canvas.width = 1000;
    labels.onLoad();
    const visible = visibleTexts(made);
    expect(visible).toHaveLength(60);
    expect(visible[0]).toBe('软件园');
  });

  it('hides the names of what the filters leave out', () => {
    const other = parkFeature('other', { kind: 'zone', name: '经开区' }, square(112.7, 26.85, 0.1));
    const { map, store, labels, made } = setUp([zone, other]);
    map.zoom = 10;
    labels.onLoad();
    store.setFilterOutcome({ passing: new Set(['other']), shown: [other], expression: [] }, true);
    labels.showForZoom();
    expect(visibleTexts(made)).toEqual(['经开区']);
  });

  it('drops a name that would overlap one already placed, and shows it once there is room', () => {
    const near = parkFeature('near', { kind: 'zone', name: '综保区' }, square(112.51, 26.8, 0.2));
    const { map, labels, made } = setUp([zone, near]);
    map.zoom = 10;
    // 1000 px a degree: the centres are 10 px apart, each name 36 px wide.
    labels.onLoad();
    expect(visibleTexts(made)).toEqual(['高新区']);
    // Zoomed (here: tilted) so that they are 1000 px apart.
    map.scale = 100_000;
    map.center = { lng: 112.605, lat: 26.9 };
    // A view wide enough for both (1 400 px).
    map.container.clientWidth = 1400;
    map.canvas.width = 1400;
    map.fire('move');
    expect(visibleTexts(made)).toEqual(['高新区', '综保区']);
  });

  it('keeps on the map only the names shown: one out of view leaves it and comes back', () => {
    const other = parkFeature('other', { kind: 'zone', name: '经开区' }, square(113.5, 26.8, 0.2));
    const { map, labels, made } = setUp([zone, other]);
    map.zoom = 10;
    labels.onLoad();
    // 800 px wide at 1000 px a degree around 112.6 E: 113.6 E is out of view.
    expect(shown(made).map((marker) => marker.element.textContent)).toEqual(['高新区']);
    map.center = { lng: 113.6, lat: 26.9 };
    map.fire('move');
    expect(shown(made).map((marker) => marker.element.textContent)).toEqual(['经开区']);
    expect(made).toHaveLength(2);
    map.center = { lng: 112.6, lat: 26.9 };
    map.fire('move');
    expect(shown(made).map((marker) => marker.element.textContent)).toEqual(['高新区']);
    // Each size was read once, when the markers were made: never again on a move.
    expect(made.map((marker) => marker.element.sizeReads)).toEqual([1, 1]);
  });

  it('makes the names again in a new language, removing the old markers', () => {
    const { host, labels, made } = setUp([zone, park]);
    labels.onLoad();
    host.lang = 'en';
    labels.update();
    // New markers, in English where the data has it; the old ones are off the map.
    expect(made.slice(2).map((marker) => marker.element.textContent)).toEqual([
      'High-tech Zone',
      '软件园',
    ]);
    expect(made.slice(0, 2).every((marker) => marker.removed)).toBe(true);
    // At zoom 8 both names show (they do not overlap).
    expect(shown(made).map((marker) => marker.element.textContent)).toEqual([
      'High-tech Zone',
      '软件园',
    ]);
  });

  it('once removed, takes its markers off the map and follows the zoom no more', () => {
    const { map, labels, made } = setUp([zone, park]);
    labels.onLoad();
    labels.onRemove(map.asMap);
    expect(shown(made)).toEqual([]);
    expect(map.listenerCount('move')).toBe(0);
  });

  describe('with vector tiles', () => {
    const far = parkFeature('far', { kind: 'zone', name: '远方区' }, square(115, 30, 0.2));

    it('names only what is in view, and remakes the names in the next frame once the view stops', () => {
      const { map, labels, made } = setUp([zone, far], true);
      map.zoom = 10;
      map.bounds = [112, 26, 113, 28];
      labels.onLoad();
      expect(shown(made).map((marker) => marker.element.textContent)).toEqual(['高新区']);
      map.bounds = [114, 29, 116, 31];
      map.center = { lng: 115.1, lat: 30.1 };
      map.fire('moveend');
      map.fire('moveend');
      // Not inside the event: in the next frame, once for both.
      expect(shown(made).map((marker) => marker.element.textContent)).toEqual(['高新区']);
      expect(frames.size).toBe(1);
      runFrames();
      expect(shown(made).map((marker) => marker.element.textContent)).toEqual(['远方区']);
      expect(made).toHaveLength(2);
    });

    it('keeps the markers when the names in view are the same', () => {
      const { map, labels, made } = setUp([zone, far], true);
      map.zoom = 10;
      labels.onLoad();
      labels.schedule();
      runFrames();
      expect(made).toHaveLength(1);
      expect(shown(made)).toHaveLength(1);
    });

    it('names the features newly read back from tiles', () => {
      const { map, store, labels, made } = setUp([], true);
      map.zoom = 10;
      labels.onLoad();
      expect(made).toEqual([]);
      store.setData('ready', [zone], [], { refresh: true, reported: [], tiles: true });
      labels.schedule();
      runFrames();
      expect(shown(made).map((marker) => marker.element.textContent)).toEqual(['高新区']);
    });

    it('a frame asked for before the part is removed does not run', () => {
      const { map, labels, made } = setUp([zone], true);
      map.zoom = 10;
      labels.schedule();
      labels.onRemove(map.asMap);
      expect(frames.size).toBe(0);
      expect(map.listenerCount('moveend')).toBe(0);
      expect(made).toEqual([]);
    });
  });
});
