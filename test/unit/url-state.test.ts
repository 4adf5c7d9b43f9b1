// Hash ⇄ view state: exact strings written out by hand, round trips, and hostile input.
import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER } from '../../src/explore/filter-state';
import { mergeHash, parseHash, serializeHash, type ViewState } from '../../src/explore/url-state';

const full: ViewState = {
  center: [112.6034, 26.9012],
  zoom: 14.5,
  bearing: 30,
  pitch: 45,
  selected: 'hy-hq-s1',
  search: '讯飞',
  filter: {
    ...EMPTY_FILTER,
    statuses: ['operating', 'fitting_out'],
    industries: ['电子信息', 'AI, ML'],
    zones: ['hy-zone'],
    kinds: ['park', 'building'],
    investment: { min: 100_000_000 },
    floorArea: { min: 1000.5, max: 60_000 },
  },
  view: '3d',
  tool: 'distance',
};

const fullHash =
  '#map=14.5/26.9012/112.6034/30/45&sel=hy-hq-s1&q=讯飞&status=operating,fitting_out' +
  '&industry=电子信息,AI%2C%20ML&zone=hy-zone&kind=park,building&investment=100000000..' +
  '&floorArea=1000.5..60000&view=3d&tool=distance';

describe('serializeHash', () => {
  it('writes every part in a stable order', () => {
    expect(serializeHash(full)).toBe(fullHash);
  });

  it('writes nothing for the default state', () => {
    expect(serializeHash({})).toBe('');
    expect(
      serializeHash({
        selected: null,
        filter: EMPTY_FILTER,
        view: '2d',
        tool: 'none',
        search: ' ',
      }),
    ).toBe('');
  });

  it('rounds zoom to 2 decimals and coordinates to 5, or 6 from about zoom 17, dropping zeros', () => {
    expect(serializeHash({ center: [112.60341234, 26.9], zoom: 12.3456 })).toBe(
      '#map=12.35/26.9/112.60341',
    );
    expect(serializeHash({ center: [112.60341234, 26.90123456], zoom: 18 })).toBe(
      '#map=18/26.901235/112.603412',
    );
  });

  it('omits pitch when 0 and bearing when both are 0; wraps the bearing to (-180, 180]', () => {
    expect(serializeHash({ center: [1, 2], zoom: 3, bearing: 0, pitch: 0 })).toBe('#map=3/2/1');
    expect(serializeHash({ center: [1, 2], zoom: 3, bearing: 370 })).toBe('#map=3/2/1/10');
    expect(serializeHash({ center: [1, 2], zoom: 3, bearing: -190, pitch: 0 })).toBe(
      '#map=3/2/1/170',
    );
    expect(serializeHash({ center: [1, 2], zoom: 3, pitch: 60 })).toBe('#map=3/2/1/0/60');
  });

  it('encodes characters that would break the hash, keeps letters of any script', () => {
    expect(serializeHash({ selected: 'a&b=c#d', search: '50% off + more' })).toBe(
      '#sel=a%26b%3Dc%23d&q=50%25%20off%20%2B%20more',
    );
    expect(serializeHash({ search: '鸿富锦（二期）' })).toBe('#q=鸿富锦%EF%BC%88二期%EF%BC%89');
  });

  it('writes open range ends as empty', () => {
    expect(serializeHash({ filter: { ...EMPTY_FILTER, investment: { max: 5e8 } } })).toBe(
      '#investment=..500000000',
    );
    expect(serializeHash({ filter: { ...EMPTY_FILTER, investment: {} } })).toBe('');
  });
});

describe('parseHash', () => {
  it('reads everything serializeHash writes', () => {
    expect(parseHash(fullHash)).toEqual(full);
  });

  it('round-trips through the percent-encoded form browsers report in location.hash', () => {
    // Browsers percent-encode non-ASCII characters and leave existing escapes alone.
    const asReported = fullHash.replace(/[^ -~]/gu, (c) => encodeURIComponent(c));
    expect(asReported).toContain('q=%E8%AE%AF%E9%A3%9E&');
    expect(parseHash(asReported)).toEqual(full);
  });

  it('round-trips a state with only some parts', () => {
    const states: ViewState[] = [
      { center: [-0.12345, 51.5], zoom: 0 },
      { selected: 'x/y:z' },
      { filter: { ...EMPTY_FILTER, statuses: ['none'] } },
      { filter: { ...EMPTY_FILTER, floorArea: { min: 0 } } },
      { view: '3d' },
      { tool: 'area', search: 'iFlytek Smart' },
    ];
    for (const state of states) expect(parseHash(serializeHash(state))).toEqual(state);
  });

  it('accepts a hash without # and ignores unknown keys and empty segments', () => {
    expect(parseHash('foo=1&&sel=a&bar')).toEqual({ selected: 'a' });
  });

  it('the first occurrence of a key wins', () => {
    expect(parseHash('#sel=a&sel=b')).toEqual({ selected: 'a' });
  });

  it('drops a map value that is out of range or malformed', () => {
    for (const bad of [
      'map=25/0/0',
      'map=3/91/0',
      'map=3/0/181',
      'map=3/0',
      'map=a/b/c',
      'map=3/0/0/0/0/0',
      'map=1e999/0/0',
      'map=',
      'map=3//0',
    ]) {
      expect(parseHash(bad)).toEqual({});
    }
  });

  it('keeps the valid view when only bearing or pitch is bad', () => {
    expect(parseHash('map=3/2/1/x/200')).toEqual({ zoom: 3, center: [1, 2] });
  });

  it('keeps valid filter choices and drops invalid ones', () => {
    expect(parseHash('status=operating,bogus,operating&kind=park,castle&investment=abc')).toEqual({
      filter: { ...EMPTY_FILTER, statuses: ['operating'], kinds: ['park'] },
    });
  });

  it('reads ranges with decimals, exponents and negative ends', () => {
    expect(parseHash('floorArea=1.5..2.5&investment=-1..1e21').filter).toEqual({
      ...EMPTY_FILTER,
      floorArea: { min: 1.5, max: 2.5 },
      investment: { min: -1, max: 1e21 },
    });
    expect(parseHash('floorArea=..').filter).toEqual(EMPTY_FILTER);
  });

  it('never throws on a broken percent escape or odd input', () => {
    expect(parseHash('#q=100%&sel=%E4%')).toEqual({ search: '100%', selected: '%E4%' });
    expect(parseHash('#__proto__=1&constructor=2')).toEqual({});
    expect(parseHash('')).toEqual({});
    expect(parseHash('#')).toEqual({});
    expect(parseHash('#view=4d&tool=laser')).toEqual({});
  });
});

describe('mergeHash', () => {
  it("replaces our keys and keeps another app's params in place", () => {
    expect(mergeHash('#tab=2&sel=old&lang=zh&q=x', { selected: 'new', view: '3d' })).toBe(
      '#tab=2&lang=zh&sel=new&view=3d',
    );
  });

  it("keeps a router's path segment", () => {
    expect(mergeHash('#/parks/list', { selected: 'a' })).toBe('#/parks/list&sel=a');
  });

  it('removes our keys when the state clears them', () => {
    expect(mergeHash('#sel=a&status=planned', {})).toBe('');
    expect(mergeHash('#x=1&sel=a', { selected: null })).toBe('#x=1');
  });

  it('writes our part alone when there is no hash', () => {
    expect(mergeHash('', full)).toBe(fullHash);
  });
});

describe('industry sectors in the hash', () => {
  it('writes and reads `sector`; an old link’s `industry` (raw tags) still reads as tags', () => {
    const state: ViewState = {
      filter: { ...EMPTY_FILTER, sectors: ['e-commerce', 'ai-data'] },
    };
    expect(serializeHash(state)).toBe('#sector=e-commerce,ai-data');
    expect(parseHash('#sector=e-commerce,ai-data').filter?.sectors).toEqual([
      'e-commerce',
      'ai-data',
    ]);
    const old = parseHash('#industry=%E7%94%B5%E5%95%86');
    expect(old.filter?.industries).toEqual(['电商']);
    expect(old.filter?.sectors).toBeUndefined();
  });
});

describe('the as-of date in the hash', () => {
  it('is written as date=… after our other keys, and read back', () => {
    const hash = serializeHash({ selected: 'hy-hq-base', date: '2020-12' });
    expect(hash).toBe('#sel=hy-hq-base&date=2020-12');
    expect(parseHash(hash)).toEqual({ selected: 'hy-hq-base', date: '2020-12' });
    expect(parseHash('#date=2020-07-01').date).toBe('2020-07-01');
  });

  it('the latest (null) writes nothing; a date that is not one is neither written nor read', () => {
    expect(serializeHash({ date: null })).toBe('');
    expect(serializeHash({ date: '2020-13' })).toBe('');
    expect(parseHash('#date=2021-02-29')).toEqual({});
    expect(parseHash('#date=latest')).toEqual({});
  });
});
