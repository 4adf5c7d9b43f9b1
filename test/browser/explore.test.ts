// Investor exploration in real Chromium on the seed data: facets with counts, totals, search, the
// list in step with the map, 3D, exports, and the URL hash (reload, Back/Forward). Real input events.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { commands, userEvent } from 'vitest/browser';
import type { ParkMap } from '../../src/park-map.js';
import { SEED_URL, collect, mount, shadow, squarePolygon, text } from './helpers.js';

let startUrl = '';

beforeEach(async () => {
  startUrl = location.href;
  await commands.startPageLog();
});

afterEach(async () => {
  const log = await commands.takePageLog();
  document.body.replaceChildren();
  history.replaceState(history.state, '', startUrl);
  vi.restoreAllMocks();
  expect(log.consoleErrors).toEqual([]);
});

function root(element: ParkMap) {
  return shadow(element);
}

async function openFilters(element: ParkMap) {
  const details = root(element).querySelector<HTMLDetailsElement>('.filters')!;
  if (!details.open) await userEvent.click(details.querySelector('summary')!);
}

function choice(element: ParkMap, facet: string, value: string): HTMLInputElement {
  const input = root(element).querySelector<HTMLInputElement>(
    `.facet[data-facet="${facet}"] .choice[data-value="${value}"] input`,
  );
  if (!input) throw new Error(`no choice ${facet}=${value}`);
  input.scrollIntoView({ block: 'center' });
  return input;
}

function listedIds(element: ParkMap): string[] {
  return [...root(element).querySelectorAll<HTMLElement>('.tree .item')].map(
    (item) => item.dataset.id!,
  );
}

/**
 * Ids drawn on the map's fill and point layers (tiles split features: deduplicated). Features the
 * filters hide are still in MapLibre's query, drawn at opacity 0 under the `hidden` feature state
 * (test/browser/filter-state.test.ts reads the pixels): they are not counted as drawn.
 */
function drawnIds(element: ParkMap): string[] {
  const map = element.map!;
  const layers = ['park-map-building-fill', 'park-map-project-point', 'park-map-park-fill'];
  const ids = map
    .queryRenderedFeatures({ layers })
    .filter((f) => map.getFeatureState({ source: f.source, id: f.id! }).hidden !== true)
    .map((f) => f.properties.pmId as string);
  return [...new Set(ids)];
}

async function idle(element: ParkMap) {
  await new Promise((resolve) => {
    element.map!.once('idle', resolve);
    element.map!.triggerRepaint();
  });
}

describe('filters', () => {
  it('a status choice shows its count, filters list, totals and map, and clearing restores all', async () => {
    const { element } = await mount({ src: SEED_URL }, undefined, true);
    await openFilters(element);
    const operating = choice(element, 'status', 'operating');
    expect(operating.closest('.choice')!.querySelector('.count')!.textContent).toBe('23');
    expect(text(root(element), '.shown-count')).toBe('显示 127 / 127 项');
    await userEvent.click(operating);
    await element.updateComplete;
    expect(text(root(element), '.shown-count')).toBe('显示 23 / 127 项');
    // Totals of the operating features (independently summed in test/unit/filter.test.ts):
    // investment 5e9 yuan = 50亿元, floor area 160 000 m² = 16万平方米, of which the e-commerce
    // park's 约6万平方米 (seed 003) is about: so the total is about too.
    expect(text(root(element), '[data-total="investment"] dd')).toBe('50亿元');
    expect(text(root(element), '[data-total="floorArea"] dd')).toBe('约16万平方米');
    // No seed report gives a number of jobs: the total is unknown, not "0 人".
    expect(text(root(element), '[data-total="jobs"] dd')).toBe('资料未载');
    const byId = new Map(element.features.map((f) => [f.id, f]));
    const listed = listedIds(element);
    // The list holds the operating features (zones open by default; nested ones may be folded).
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((id) => byId.get(id)!.properties.status === 'operating')).toBe(true);
    await idle(element);
    const drawn = drawnIds(element);
    expect(drawn.length).toBeGreaterThan(0);
    expect(drawn.filter((id) => byId.get(id)!.properties.status !== 'operating')).toEqual([]);
    // Clearing restores everything.
    await userEvent.click(root(element).querySelector<HTMLButtonElement>('.clear-filters')!);
    await element.updateComplete;
    expect(text(root(element), '.shown-count')).toBe('显示 127 / 127 项');
    expect(element.filter.statuses).toEqual([]);
  });

  it('counts of one facet follow the others (operating ∧ park → 4 choices in kinds)', async () => {
    const { element } = await mount({ src: SEED_URL }, undefined, true);
    await openFilters(element);
    await userEvent.click(choice(element, 'status', 'operating'));
    await element.updateComplete;
    const count = (facet: string, value: string) =>
      choice(element, facet, value).closest('.choice')!.querySelector('.count')!.textContent;
    // With "operating" on, the status facet keeps its own full counts; kinds count operating only.
    expect(count('status', 'planned')).toBe('20');
    const kindCounts = ['zone', 'park', 'plot', 'building', 'project'].map((kind) =>
      Number(count('kind', kind)),
    );
    expect(kindCounts.reduce((sum, value) => sum + value, 0)).toBe(23);
  });

  it('zone, kind and industry facets combine (AND across, OR within) through clicks', async () => {
    const { element } = await mount({ src: SEED_URL }, undefined, true);
    await openFilters(element);
    await userEvent.click(choice(element, 'zone', 'hy-hq-base'));
    await element.updateComplete;
    // The headquarters base and everything in it: 16 features (test/unit/filter.test.ts).
    expect(text(root(element), '.shown-count')).toBe('显示 16 / 127 项');
    await userEvent.click(choice(element, 'kind', 'building'));
    await element.updateComplete;
    expect(text(root(element), '.shown-count')).toBe('显示 6 / 127 项');
    await userEvent.click(root(element).querySelector<HTMLButtonElement>('.clear-filters')!);
    await element.updateComplete;
    // The industry facet offers sectors: 电子信息 holds the tags 电子信息, 电气 and 液晶显示屏.
    const industry = [
      ...root(element).querySelectorAll<HTMLElement>('.facet[data-facet="industry"] .choice'),
    ].find((label) => label.querySelector('.choice-label')!.textContent === '电子信息')!;
    expect(industry.dataset['value']).toBe('electronics');
    await userEvent.click(industry.querySelector('input')!);
    await element.updateComplete;
    expect(listedIds(element).sort()).toEqual(
      ['hy-zone', 'xx-zone', 'hy-software', 'xx-electronics-park', 'xx-chuangpu'].sort(),
    );
  });

  it('an investment range in 亿元 keeps features with at least that much', async () => {
    const { element } = await mount({ src: SEED_URL }, undefined, true);
    await openFilters(element);
    const min = root(element).querySelector<HTMLInputElement>(
      '.facet[data-facet="investment"] input[data-end="min"]',
    )!;
    await userEvent.fill(min, '10');
    min.dispatchEvent(new Event('change'));
    await element.updateComplete;
    expect(element.filter.investment).toEqual({ min: 1_000_000_000 });
    const shown = element.features.filter(
      (f) => typeof f.properties.investment === 'number' && f.properties.investment >= 1e9,
    );
    expect(text(root(element), '.shown-count')).toBe(`显示 ${shown.length} / 127 项`);
  });
});

describe('search', () => {
  it('finds 科大讯飞 by 讯飞 and by iFlytek; choosing selects it and flies there', async () => {
    const { element } = await mount({ src: SEED_URL }, undefined, true);
    const input = root(element).querySelector<HTMLInputElement>('.search-input')!;
    await userEvent.fill(input, '讯飞');
    await element.updateComplete;
    const names = () =>
      [...root(element).querySelectorAll('.search-results .result-name')].map((n) => n.textContent);
    expect(names()).toContain('科大讯飞衡阳智慧谷');
    await userEvent.fill(input, 'iFlytek');
    await element.updateComplete;
    expect(names()).toContain('科大讯飞衡阳智慧谷');
    const selects = collect(element, 'park-map-select');
    const button = [
      ...root(element).querySelectorAll<HTMLButtonElement>('.search-results button'),
    ].find((b) => b.querySelector('.result-name')!.textContent === '科大讯飞衡阳智慧谷')!;
    const map = element.map!;
    const flown = new Promise((resolve) => map.once('moveend', resolve));
    await userEvent.click(button);
    await flown;
    expect(selects.map((e) => e.detail.id)).toEqual(['hy-iflytek']);
    expect(text(root(element), '.details h2')).toBe('科大讯飞衡阳智慧谷');
    const feature = element.features.find((f) => f.id === 'hy-iflytek')!;
    const [lon, lat] = feature.geometry.coordinates as number[];
    expect(map.getBounds().contains([lon!, lat!])).toBe(true);
  });

  it('Enter in the search box chooses the first result; the keyboard reaches the results', async () => {
    const { element } = await mount({ src: SEED_URL }, undefined, true);
    const input = root(element).querySelector<HTMLInputElement>('.search-input')!;
    await userEvent.fill(input, '湘南湘西软件');
    await element.updateComplete;
    await userEvent.keyboard('{Enter}');
    await element.updateComplete;
    expect(element.selected).toBe('hy-software');
  });
});

describe('search narrows like a filter', () => {
  /** 湘乡 names the Xiangxiang zone, a park and a plot; with what lies inside them, 16 features. */
  const XIANGXIANG = ['xx-zone', 'xx-power-park', 'xx-power-company-buildings'];

  function legendCount(element: ParkMap, status: string): string | undefined {
    return text(root(element), `.legend-statuses li[data-status="${status}"] .count`);
  }

  it('typing 湘乡 narrows the list, the totals, the legend counts and the map; clearing it restores them', async () => {
    const { element } = await mount({ src: SEED_URL }, undefined, true);
    const byId = new Map(element.features.map((f) => [f.id, f]));
    const inside = (id: string): boolean => {
      for (
        let at: string | undefined = id;
        at !== undefined;
        at = byId.get(at)?.properties.parent
      ) {
        if (XIANGXIANG.includes(at)) return true;
      }
      return false;
    };
    const expected = element.features.filter((f) => inside(f.id));
    expect(expected.length).toBe(16);
    expect(legendCount(element, 'operating')).toBe('23');
    const input = root(element).querySelector<HTMLInputElement>('.search-input')!;
    await userEvent.click(input);
    await userEvent.keyboard('湘乡');
    await element.updateComplete;
    expect(input.value).toBe('湘乡');
    expect(text(root(element), '.shown-count')).toBe('显示 16 / 127 项，匹配「湘乡」');
    const listed = listedIds(element);
    expect(listed).toContain('xx-zone');
    expect(listed).toContain('xx-power-park');
    expect(listed.filter((id) => !inside(id))).toEqual([]);
    expect(text(root(element), '[data-total="parks"] dd')).toBe(
      String(expected.filter((f) => f.properties.kind === 'park').length),
    );
    const operating = expected.filter((f) => f.properties.status === 'operating').length;
    expect(operating).toBe(9);
    expect(legendCount(element, 'operating')).toBe('9/23');
    await idle(element);
    const drawn = drawnIds(element);
    expect(drawn.length).toBeGreaterThan(0);
    expect(drawn.filter((id) => !inside(id))).toEqual([]);
    // The box's own results still offer the matches to jump to.
    expect(root(element).querySelectorAll('.search-results button').length).toBeGreaterThan(0);
    await userEvent.keyboard('{Backspace}{Backspace}');
    await element.updateComplete;
    expect(text(root(element), '.shown-count')).toBe('显示 127 / 127 项');
    expect(legendCount(element, 'operating')).toBe('23');
    expect(listedIds(element).filter((id) => !inside(id)).length).toBeGreaterThan(0);
  });

  it('the facet counts count the matches; clearing the filters clears the search too', async () => {
    const { element } = await mount({ src: SEED_URL }, undefined, true);
    const input = root(element).querySelector<HTMLInputElement>('.search-input')!;
    await userEvent.click(input);
    await userEvent.keyboard('湘乡');
    await element.updateComplete;
    await openFilters(element);
    const count = (facet: string, value: string) =>
      choice(element, facet, value).closest('.choice')!.querySelector('.count')!.textContent;
    expect(count('status', 'operating')).toBe('9');
    await userEvent.click(choice(element, 'kind', 'park'));
    await element.updateComplete;
    expect(text(root(element), '.shown-count')).toBe('显示 2 / 127 项，匹配「湘乡」');
    await userEvent.click(root(element).querySelector<HTMLButtonElement>('.clear-filters')!);
    await element.updateComplete;
    expect(input.value).toBe('');
    expect(text(root(element), '.shown-count')).toBe('显示 127 / 127 项');
  });

  it('a query nothing matches empties the list and says so', async () => {
    const { element } = await mount({ src: SEED_URL }, undefined, true);
    const input = root(element).querySelector<HTMLInputElement>('.search-input')!;
    await userEvent.click(input);
    await userEvent.keyboard('zzqx');
    await element.updateComplete;
    expect(text(root(element), '.shown-count')).toBe('显示 0 / 127 项，匹配「zzqx」');
    expect(listedIds(element)).toEqual([]);
    expect(text(root(element), '.explore > .no-results')).toBe('没有符合条件的结果');
  });

  it('in English the totals line says what it matches', async () => {
    const { element } = await mount({ src: SEED_URL, lang: 'en' }, undefined, true);
    const input = root(element).querySelector<HTMLInputElement>('.search-input')!;
    await userEvent.click(input);
    await userEvent.keyboard('Xiangxiang');
    await element.updateComplete;
    expect(text(root(element), '.shown-count')).toMatch(
      /^Showing [1-9]\d* of 127 matching “Xiangxiang”$/,
    );
    expect(element.features.length).toBe(127);
  });

  it('the URL keeps the query, and a reload opens the list narrowed to it', async () => {
    const first = await mount({ src: SEED_URL, hash: '' }, undefined, true);
    const input = root(first.element).querySelector<HTMLInputElement>('.search-input')!;
    await userEvent.click(input);
    await userEvent.keyboard('湘乡');
    await first.element.updateComplete;
    expect(decodeURIComponent(location.hash)).toContain('q=湘乡');
    first.element.remove();
    const second = await mount({ src: SEED_URL, hash: '' }, undefined, true);
    await second.element.updateComplete;
    expect(text(root(second.element), '.shown-count')).toBe('显示 16 / 127 项，匹配「湘乡」');
  });
});

describe('the list', () => {
  it('selecting in the list selects on the map; selecting on the map marks the list', async () => {
    const { element } = await mount({ src: SEED_URL }, undefined, true);
    const item = root(element).querySelector<HTMLButtonElement>(
      '.item[data-id="hy-software"] .choose',
    )!;
    await userEvent.click(item);
    await element.updateComplete;
    expect(element.selected).toBe('hy-software');
    expect(item.closest('.row')!.getAttribute('aria-selected')).toBe('true');
    element.select('hy-hq-s1');
    await element.updateComplete;
    // The list opened down to the building and marks it.
    const building = root(element).querySelector('.item[data-id="hy-hq-s1"] > .row');
    expect(building?.getAttribute('aria-selected')).toBe('true');
    expect(item.closest('.row')!.hasAttribute('aria-selected')).toBe(false);
  });

  it('hovering an entry outlines that feature on the map', async () => {
    const { element } = await mount({ src: SEED_URL }, undefined, true);
    element.fitTo('hy-zone');
    await new Promise((resolve) => element.map!.once('moveend', resolve));
    await userEvent.hover(root(element).querySelector('.item[data-id="hy-software"] .choose')!);
    await idle(element);
    const hovered = element
      .map!.queryRenderedFeatures({ layers: ['park-map-hover-line'] })
      .map((f) => f.properties.pmId);
    expect([...new Set(hovered)]).toEqual(['hy-software']);
  });

  it('sorts by investment, largest first', async () => {
    const { element } = await mount({ src: SEED_URL }, undefined, true);
    await userEvent.selectOptions(
      root(element).querySelector<HTMLSelectElement>('.sort')!,
      'investment',
    );
    await element.updateComplete;
    const zoneChildren = [
      ...root(element).querySelectorAll<HTMLElement>('.item[data-id="hy-zone"] > ul > .item'),
    ].map((item) => element.features.find((f) => f.id === item.dataset.id)!.properties.investment);
    const numbers = zoneChildren.filter((value): value is number => typeof value === 'number');
    expect(numbers.length).toBeGreaterThan(2);
    expect([...numbers].sort((a, b) => b - a)).toEqual(numbers);
  });
});

describe('narrow screens', () => {
  it('puts the list in a bottom sheet over the map when the element is narrow', async () => {
    const { element } = await mount({ src: SEED_URL }, (el) => (el.style.width = '480px'), true);
    await element.updateComplete;
    const host = element.getBoundingClientRect();
    const stage = root(element).querySelector('.stage')!.getBoundingClientRect();
    const sheet = root(element).querySelector('park-map-sheet')!;
    expect(sheet.querySelector('.explore')).not.toBeNull();
    const box = sheet.getBoundingClientRect();
    // The map fills the element; the sheet lies along its foot, closed (its handle alone).
    expect([stage.width, stage.height]).toEqual([host.width, host.height]);
    expect([box.width, box.bottom, box.height]).toEqual([host.width, host.bottom, 44]);
    expect(sheet.getAttribute('state')).toBe('closed');
  });
});

describe('3D view', () => {
  it('extrudes buildings with a pitched camera, and goes back to 2D', async () => {
    const { element } = await mount({ src: SEED_URL }, undefined, true);
    const map = element.map!;
    let moved = new Promise((resolve) => map.once('moveend', resolve));
    await userEvent.click(
      root(element).querySelector<HTMLButtonElement>('.view-switch [data-view="3d"]')!,
    );
    await moved;
    expect(element.view).toBe('3d');
    expect(element.getAttribute('view')).toBe('3d');
    expect(map.getPitch()).toBeCloseTo(55, 6);
    expect(map.getLayoutProperty('park-map-building-extrusion', 'visibility')).toBe('visible');
    moved = new Promise((resolve) => map.once('moveend', resolve));
    await userEvent.click(
      root(element).querySelector<HTMLButtonElement>('.view-switch [data-view="2d"]')!,
    );
    await moved;
    expect(map.getPitch()).toBe(0);
    expect(map.getLayoutProperty('park-map-building-extrusion', 'visibility')).toBe('none');
  });
});

describe('exports', () => {
  it('CSV of what is shown: UTF-8 with BOM, one row per shown feature', async () => {
    const { element } = await mount({ src: SEED_URL }, undefined, true);
    await openFilters(element);
    await userEvent.click(choice(element, 'status', 'operating'));
    await element.updateComplete;
    const blobs: Blob[] = [];
    const create = URL.createObjectURL.bind(URL);
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return create(blob as Blob);
    });
    await userEvent.click(root(element).querySelector<HTMLButtonElement>('.export-csv')!);
    // The export code loads on first use: the file follows a moment after the click.
    await vi.waitFor(() => expect(blobs).toHaveLength(1));
    const bytes = new Uint8Array(await blobs[0]!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    const rows = csv.trimEnd().split('\r\n');
    expect(rows).toHaveLength(1 + 23);
    expect(csv).toContain('湘南湘西软件产业园');
    // For people: the headers in the element's language with units, statuses in words.
    expect(
      rows[0]!.startsWith(
        '名称,英文名称,类型,所属,状态,状态日期,状态说明,进度（%）,投资额（亿元）',
      ),
    ).toBe(true);
    expect(rows.slice(1).every((row) => row.includes(',运营中,'))).toBe(true);
    // In English, the same table in English.
    element.lang = 'en';
    await element.updateComplete;
    await userEvent.click(root(element).querySelector<HTMLButtonElement>('.export-csv')!);
    await vi.waitFor(() => expect(blobs).toHaveLength(2));
    const english = new TextDecoder().decode(await blobs[1]!.arrayBuffer());
    expect(english.split('\r\n')[0]).toContain('Name,Chinese name,Kind,Part of,Status');
    expect(english).toContain('Investment (CNY billion)');
    expect(english).toContain(',Operating,');
  });

  it('an image of the map with the details panel', async () => {
    const { element } = await mount({ src: SEED_URL, selected: 'hy-software' }, undefined, true);
    const blobs: Blob[] = [];
    const create = URL.createObjectURL.bind(URL);
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return create(blob as Blob);
    });
    await userEvent.click(root(element).querySelector<HTMLButtonElement>('.export-image')!);
    while (blobs.length === 0) await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(blobs[0]!.type).toBe('image/png');
    const bitmap = await createImageBitmap(blobs[0]!);
    const canvas = element.map!.getCanvas();
    expect(bitmap.width).toBe(canvas.width);
    // Below the map, a band of 56 CSS px: scale bar, north arrow, legend, title, date, sources.
    const ratio = canvas.width / canvas.clientWidth;
    expect(bitmap.height).toBe(canvas.height + Math.round(56 * ratio));
    const copy = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = copy.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    const band = context.getImageData(0, canvas.height, bitmap.width, Math.round(56 * ratio)).data;
    const has = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
      for (let i = 0; i < band.length; i += 4) {
        if (band[i] === r && band[i + 1] === g && band[i + 2] === b) return true;
      }
      return false;
    };
    // The legend's swatch of the operating status (the seed data has operating features) is there,
    // in the colour the map draws them.
    const operating = getComputedStyle(element)
      .getPropertyValue('--park-map-status-operating')
      .trim();
    expect(has(operating || '#1b5e20')).toBe(true);
    // The cluster counts (HTML over the map) are in the picture: white digits inside a count's
    // box, where the canvas alone has only the cluster's blue.
    const count = root(element).querySelector<HTMLElement>('.park-map-cluster-count')!;
    const box = count.getBoundingClientRect();
    const origin = canvas.getBoundingClientRect();
    const digits = context.getImageData(
      Math.round((box.left - origin.left) * ratio),
      Math.round((box.top - origin.top) * ratio),
      Math.max(1, Math.round(box.width * ratio)),
      Math.max(1, Math.round(box.height * ratio)),
    ).data;
    let whiteInCount = 0;
    for (let i = 0; i < digits.length; i += 4) {
      if (digits[i]! > 240 && digits[i + 1]! > 240 && digits[i + 2]! > 240) whiteInCount++;
    }
    expect(whiteInCount).toBeGreaterThan(0);
    // Mostly white: the band is drawn, not the map under it.
    let white = 0;
    for (let i = 0; i < band.length; i += 4) if (band[i]! > 250 && band[i + 1]! > 250) white++;
    expect(white / (band.length / 4)).toBeGreaterThan(0.6);
  });
});

describe('the URL hash', () => {
  it('keeps selection, filters, search, view and camera, and a reload restores them', async () => {
    const first = await mount({ src: SEED_URL, hash: '' }, undefined, true);
    await openFilters(first.element);
    await userEvent.click(choice(first.element, 'status', 'operating'));
    await userEvent.click(
      root(first.element).querySelector<HTMLButtonElement>('.item[data-id="hy-software"] .choose')!,
    );
    await new Promise((resolve) => first.element.map!.once('moveend', resolve));
    await first.element.updateComplete;
    expect(location.hash).toContain('sel=hy-software');
    expect(location.hash).toContain('status=operating');
    expect(location.hash).toMatch(/map=[\d.]+\/[\d.]+\/[\d.]+/);
    const camera = first.element.map!.getCenter();
    const zoom = first.element.map!.getZoom();
    first.element.remove();
    // "Reload": a new element on the same URL.
    const second = await mount({ src: SEED_URL, hash: '' }, undefined, true);
    await second.element.updateComplete;
    expect(second.element.selected).toBe('hy-software');
    expect(second.element.filter.statuses).toEqual(['operating']);
    expect(text(root(second.element), '.shown-count')).toBe('显示 23 / 127 项');
    expect(second.element.map!.getZoom()).toBeCloseTo(zoom, 1);
    expect(second.element.map!.getCenter().lng).toBeCloseTo(camera.lng, 4);
    expect(second.element.map!.getCenter().lat).toBeCloseTo(camera.lat, 4);
  });

  it('Back and Forward step through selections', async () => {
    const { element } = await mount({ src: SEED_URL, hash: '' }, undefined, true);
    const choose = async (id: string) => {
      await userEvent.click(
        root(element).querySelector<HTMLButtonElement>(`.item[data-id="${id}"] .choose`)!,
      );
      await element.updateComplete;
      await element.updateComplete;
    };
    await choose('hy-software');
    await choose('hy-ecommerce');
    expect(element.selected).toBe('hy-ecommerce');
    let popped = new Promise((resolve) =>
      window.addEventListener('popstate', resolve, { once: true }),
    );
    history.back();
    await popped;
    await element.updateComplete;
    expect(element.selected).toBe('hy-software');
    popped = new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
    history.forward();
    await popped;
    await element.updateComplete;
    expect(element.selected).toBe('hy-ecommerce');
  });
});

describe('the URL follows the state, whoever changed it', () => {
  /** The hash's camera segment (`map=zoom/lat/lng…`), or undefined. */
  const cameraOf = (hash: string) => /map=[^&]*/.exec(hash)?.[0];

  /**
   * Resolves at the first `move` that finds the hash's camera changed from `before`'s, with
   * whether the map was still moving then; false if the move ended first.
   */
  function cameraWrittenDuringMove(element: ParkMap, before: string): Promise<boolean> {
    const map = element.map!;
    return new Promise((resolve) => {
      const onMove = () => {
        if (cameraOf(location.hash) === cameraOf(before)) return;
        map.off('move', onMove);
        resolve(map.isMoving());
      };
      map.on('move', onMove);
      map.once('moveend', () => resolve(false));
    });
  }

  it('a fitTo() fly writes the camera before the animation ends', async () => {
    const { element } = await mount({ src: SEED_URL, hash: '' }, undefined, true);
    await element.updateComplete;
    // The first camera is written once the URL code has come (later than the load under load).
    await expect.poll(() => cameraOf(location.hash)).toBeDefined();
    const before = location.hash;
    const changed = cameraWrittenDuringMove(element, before);
    element.fitTo('hy-software');
    expect(await changed).toBe(true);
    expect(location.hash).toMatch(/map=[\d.]+\/[\d.]+\/[\d.]+/);
  });

  it('select(), the selected property and the attribute write the selection', async () => {
    const { element } = await mount({ src: SEED_URL, hash: '' }, undefined, true);
    const length = history.length;
    element.select('hy-software');
    await element.updateComplete;
    expect(location.hash).toContain('sel=hy-software');
    element.selected = 'hy-ecommerce';
    await element.updateComplete;
    expect(location.hash).toContain('sel=hy-ecommerce');
    element.setAttribute('selected', 'hy-hq-base');
    await element.updateComplete;
    expect(location.hash).toContain('sel=hy-hq-base');
    // Each selection is its own history entry, as a user's is.
    expect(history.length).toBe(length + 3);
    element.select(null);
    await element.updateComplete;
    expect(location.hash).not.toContain('sel=');
  });

  it('a selection the page set before the URL code came is kept and written', async () => {
    const { element } = await mount(
      { src: SEED_URL, hash: '', selected: 'hy-software' },
      undefined,
      true,
    );
    await element.updateComplete;
    expect(element.selected).toBe('hy-software');
    expect(location.hash).toContain('sel=hy-software');
  });

  it('a link copied mid-fly reopens its selection, filters and camera in a fresh element', async () => {
    const first = await mount({ src: SEED_URL, hash: '' }, undefined, true);
    await openFilters(first.element);
    await userEvent.click(choice(first.element, 'status', 'operating'));
    const before = location.hash;
    const changed = cameraWrittenDuringMove(first.element, before);
    await userEvent.click(
      root(first.element).querySelector<HTMLButtonElement>('.item[data-id="hy-software"] .choose')!,
    );
    expect(await changed).toBe(true);
    // Copied now, while the map still flies.
    const copied = location.hash;
    const written = /map=([\d.]+)\/([\d.]+)\/([\d.]+)/.exec(copied)!;
    expect(copied).toContain('sel=hy-software');
    expect(copied).toContain('status=operating');
    first.element.remove();
    history.replaceState(history.state, '', `${location.pathname}${location.search}${copied}`);
    const second = await mount({ src: SEED_URL, hash: '' }, undefined, true);
    await second.element.updateComplete;
    expect(second.element.selected).toBe('hy-software');
    expect(second.element.filter.statuses).toEqual(['operating']);
    expect(second.element.map!.getZoom()).toBeCloseTo(Number(written[1]), 1);
    expect(second.element.map!.getCenter().lat).toBeCloseTo(Number(written[2]), 4);
    expect(second.element.map!.getCenter().lng).toBeCloseTo(Number(written[3]), 4);
  });
});

describe('a long list', () => {
  /** One zone, one park, and `count` buildings in a grid: a park of a national-scale data set. */
  function bigPark(count: number) {
    const buildings = Array.from({ length: count }, (_, i) => ({
      type: 'Feature' as const,
      id: `b-${String(i).padStart(3, '0')}`,
      geometry: squarePolygon(112.6 + (i % 20) * 0.001, 26.9 + Math.floor(i / 20) * 0.001, 0.0006),
      properties: { kind: 'building', parent: 'p', name: `楼${String(i).padStart(3, '0')}` },
    }));
    const features: {
      type: 'Feature';
      id: string;
      geometry: GeoJSON.Polygon;
      properties: Record<string, string>;
    }[] = [
      {
        type: 'Feature',
        id: 'z',
        geometry: squarePolygon(112.59, 26.89, 0.04),
        properties: { kind: 'zone', name: '区' },
      },
      {
        type: 'Feature',
        id: 'p',
        geometry: squarePolygon(112.595, 26.895, 0.03),
        properties: { kind: 'park', parent: 'z', name: '园' },
      },
      ...buildings,
    ];
    return { type: 'FeatureCollection', features };
  }

  function rowsUnder(element: ParkMap, id: string): string[] {
    return [...root(element).querySelectorAll(`.item[data-id="${id}"] > ul > .item`)].map((row) =>
      row.getAttribute('data-id')!,
    );
  }

  /** The ids of the first `count` buildings, in list order. */
  const first = (count: number) =>
    Array.from({ length: count }, (_, i) => `b-${String(i).padStart(3, '0')}`);

  it('shows 100 rows of a list at first, 100 more per click, and always the selection', async () => {
    const { element } = await mount({}, (el) => (el.data = bigPark(250)), true);
    // Small data sets start with zones and parks open.
    expect(rowsUnder(element, 'p')).toEqual(first(100));
    const more = () => root(element).querySelector<HTMLElement>('.item[data-id="p"] .show-more');
    expect(more()?.textContent?.trim()).toBe('再显示100项（尚有150项）');

    // A building beyond the first hundred chosen on the map is still in the list, marked current.
    element.select('b-240');
    await element.updateComplete;
    expect(rowsUnder(element, 'p')).toEqual([...first(100), 'b-240']);
    expect(
      root(element).querySelector('.item[data-id="b-240"] > .row')?.getAttribute('aria-selected'),
    ).toBe('true');
    expect(more()?.textContent?.trim()).toBe('再显示100项（尚有149项）');

    await userEvent.click(more()!);
    await element.updateComplete;
    expect(rowsUnder(element, 'p')).toEqual([...first(200), 'b-240']);
    await userEvent.click(more()!);
    await element.updateComplete;
    expect(rowsUnder(element, 'p')).toHaveLength(250);
    expect(more()).toBeNull();
    // In order, every building once.
    expect(rowsUnder(element, 'p')).toEqual(first(250));
  });

  it('shows 100 choices of a facet at first (thousands of parks), then the rest', async () => {
    const data = bigPark(0);
    const park = data.features[1]!;
    for (let i = 0; i < 150; i += 1) {
      data.features.push({
        ...park,
        id: `p-${i}`,
        properties: { ...park.properties, name: `园${i}` },
      });
    }
    const { element } = await mount({}, (el) => (el.data = data), true);
    await openFilters(element);
    const zoneChoices = () => root(element).querySelectorAll('.facet[data-facet="zone"] .choice');
    const values = () => [...zoneChoices()].map((choice) => choice.getAttribute('data-value'));
    // The zone and its 151 parks: 152 choices, the first 100 of them shown.
    expect(zoneChoices()).toHaveLength(100);
    const shownFirst = values();
    const more = root(element).querySelector<HTMLButtonElement>(
      '.facet[data-facet="zone"] .show-more',
    )!;
    expect(more.textContent?.trim()).toBe('再显示52项（尚有52项）');
    await userEvent.click(more);
    await element.updateComplete;
    expect(values().slice(0, 100)).toEqual(shownFirst);
    expect([...values()].sort()).toEqual(
      ['z', 'p', ...Array.from({ length: 150 }, (_, i) => `p-${i}`)].sort(),
    );
    expect(root(element).querySelector('.facet[data-facet="zone"] .show-more')).toBeNull();
  });
});
