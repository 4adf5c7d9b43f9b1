// Accessibility of <park-map> (WCAG 2.1 AA) in real Chromium: axe-core finds no violation in either
// language with the list, the details, the measure results or the data problems open; the status
// colours and the legend's text have the contrast WCAG asks for; and a keyboard-only journey
// reaches search, details, filters, the list and the measuring tools.
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { STATUSES } from '../../src/data/types.js';
import { DEFAULT_THEME } from '../../src/map/theme.js';
import type { ParkMap } from '../../src/park-map.js';
import { SEED_URL, mount, nextEvent, shadow, text, useCleanPage } from './helpers.js';

useCleanPage();

// ---- axe-core -----------------------------------------------------------------------------------

/**
 * axe's WCAG 2.0/2.1 A and AA rules on the element, its open shadow root included. The context is
 * the element, not the document: the test runner's own page (no <title>, its iframe) is not ours.
 */
async function axeViolations(element: ParkMap, ignore: string[] = []): Promise<string[]> {
  const results = await axe.run(element, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    resultTypes: ['violations'],
  });
  return results.violations
    .filter((violation) => !ignore.includes(violation.id))
    .flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `${violation.id} (${violation.impact}) at ${JSON.stringify(node.target)}: ${node.failureSummary?.replace(/\s+/g, ' ')}`,
      ),
    );
}

/** One valid building and one with an unknown status (a data problem to list). */
function dataWithOneProblem() {
  const square = (west: number) => ({
    type: 'Polygon',
    coordinates: [
      [
        [west, 26.9],
        [west + 0.002, 26.9],
        [west + 0.002, 26.902],
        [west, 26.902],
        [west, 26.9],
      ],
    ],
  });
  return {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        id: 'good',
        geometry: square(112.6),
        properties: { kind: 'building', name: '好楼', status: 'operating' },
      },
      {
        type: 'Feature',
        id: 'typo',
        geometry: square(112.61),
        properties: { kind: 'building', name: '错状态楼', status: 'operatng' },
      },
    ],
  };
}

describe('axe-core finds no WCAG 2.1 AA violation', () => {
  it('in the comparison table, open as a modal dialog', async () => {
    const { element } = await mount({ src: SEED_URL }, undefined, true);
    element.compared = ['xx-zone', 'hy-software', 'hy-hq-base'];
    element.select('hy-software');
    await element.updateComplete;
    shadow(element).querySelector<HTMLButtonElement>('.compare-open')!.click();
    await element.updateComplete;
    expect(shadow(element).querySelector<HTMLDialogElement>('.compare-dialog')!.open).toBe(true);
    expect(await axeViolations(element)).toEqual([]);
  });

  for (const lang of ['zh-CN', 'en']) {
    it(`seed data with the list, lang=${lang}`, async () => {
      const { element } = await mount({ src: SEED_URL, lang }, undefined, true);
      await element.updateComplete;
      expect(await axeViolations(element)).toEqual([]);
    });

    it(`as of a date (the timeline, the not-yet lines, a details panel's stages), lang=${lang}`, async () => {
      const { element } = await mount(
        { src: SEED_URL, lang, date: '2020-07-01', selected: 'hy-hq-base' },
        undefined,
        true,
      );
      await element.updateComplete;
      expect(shadow(element).querySelector('park-map-timeline')).not.toBeNull();
      expect(shadow(element).querySelector('.legend-not-yet')).not.toBeNull();
      expect(shadow(element).querySelector('.details .as-of')).not.toBeNull();
      expect(await axeViolations(element)).toEqual([]);
    });

    it(`with a building's details open, lang=${lang}`, async () => {
      const { element } = await mount(
        { src: SEED_URL, lang, selected: 'hy-startup-north' },
        undefined,
        true,
      );
      await element.updateComplete;
      expect(shadow(element).querySelector('.details')).not.toBeNull();
      expect(await axeViolations(element)).toEqual([]);
    });

    it(`with measurement results open, lang=${lang}`, async () => {
      const { element } = await mount(
        { src: SEED_URL, lang, selected: 'hy-hq-south' },
        undefined,
        true,
      );
      await element.updateComplete;
      const measured = nextEvent(element, 'park-map-measure');
      await userEvent.click(shadow(element).querySelector<HTMLButtonElement>('.measure-this')!);
      await measured;
      await element.updateComplete;
      expect(shadow(element).querySelector('.measure-results .results .result')).not.toBeNull();
      expect(await axeViolations(element)).toEqual([]);
    });

    it(`with the data-problems list open, lang=${lang}`, async () => {
      const { element } = await mount(
        { lang },
        (el) => {
          el.data = dataWithOneProblem();
        },
        true,
      );
      await element.updateComplete;
      await userEvent.click(shadow(element).querySelector<HTMLButtonElement>('.issues-toggle')!);
      await element.updateComplete;
      expect(shadow(element).querySelectorAll('.issues-list li')).toHaveLength(1);
      expect(await axeViolations(element)).toEqual([]);
    });
  }
});

// ---- contrast -----------------------------------------------------------------------------------

type Rgb = [number, number, number];

function parseColour(colour: string): { rgb: Rgb; alpha: number } {
  const hex = /^#([0-9a-f]{6})$/i.exec(colour);
  if (hex) {
    const value = parseInt(hex[1]!, 16);
    return { rgb: [(value >> 16) & 255, (value >> 8) & 255, value & 255], alpha: 1 };
  }
  const rgb = /^rgba?\(([^)]+)\)$/.exec(colour);
  if (rgb) {
    const [r, g, b, a] = rgb[1]!.split(/[\s,/]+/).map(Number);
    return { rgb: [r!, g!, b!], alpha: a ?? 1 };
  }
  throw new Error(`cannot read colour ${colour}`);
}

/** `top` at `alpha` over an opaque `bottom` (how the map and the panels composite). */
function over(top: Rgb, alpha: number, bottom: Rgb): Rgb {
  return top.map((channel, index) => channel * alpha + bottom[index]! * (1 - alpha)) as Rgb;
}

/** WCAG 2.x relative luminance and contrast ratio. */
function luminance([r, g, b]: Rgb): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

function contrast(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

const rgbOf = (colour: string) => parseColour(colour).rgb;

describe('contrast of the status colours and the legend', () => {
  // Opacities of src/map/layers.ts: zone fill 0.55, park 0.8, plot 0.85, building fill 0.9.
  const background = rgbOf(DEFAULT_THEME.background);
  const zoneGround = over(rgbOf(DEFAULT_THEME.zoneFill), 0.55, background);
  const parkGround = over(rgbOf(DEFAULT_THEME.parkFill), 0.8, zoneGround);
  const plotGround = over(rgbOf(DEFAULT_THEME.plotFill), 0.85, parkGround);
  /** What a building can stand on: bare map, a zone, a park, a plot. */
  const grounds = { background, zoneGround, parkGround, plotGround };
  const outline = rgbOf(DEFAULT_THEME.buildingLine);
  const fills = {
    ...DEFAULT_THEME.status,
    none: DEFAULT_THEME.noStatus,
  };

  it('every status shape is distinguishable from what it stands on (WCAG 1.4.11, 3:1): by its fill, or by its outline', () => {
    const relyOnOutline: string[] = [];
    for (const [status, colour] of Object.entries(fills)) {
      for (const ground of Object.values(grounds)) {
        const fill = over(rgbOf(colour), 0.9, ground);
        if (contrast(fill, ground) >= 3) continue;
        // The fill alone is too faint here: the building outline (every building and project
        // point has one) must carry the shape against the ground.
        expect(contrast(outline, ground), `${status} outline`).toBeGreaterThanOrEqual(3);
        if (!relyOnOutline.includes(status)) relyOnOutline.push(status);
      }
    }
    // Documented: these statuses are told from the ground by the #2b2b2b outline, not the fill
    // (and from each other by their label in the legend, the list and the details: never colour alone).
    expect(relyOnOutline.sort()).toEqual(
      [
        'completed',
        'fitting_out',
        'none',
        'planned',
        'signed',
        'topped_out',
        'under_construction',
      ].sort(),
    );
    expect(STATUSES.every((status) => status in fills)).toBe(true);
  });

  it("the legend's labels and counts have ≥ 4.5:1 against the legend's own background", async () => {
    const { element } = await mount({ src: SEED_URL }, undefined, true);
    await element.updateComplete;
    const legend = shadow(element).querySelector<HTMLElement>('.legend')!;
    const panel = parseColour(getComputedStyle(legend).backgroundColor);
    const behind = over(panel.rgb, panel.alpha, background);
    const texts = [
      ...legend.querySelectorAll<HTMLElement>('.legend-toggle, li span:not(.status-swatch)'),
    ];
    expect(texts.length).toBeGreaterThan(STATUSES.length);
    for (const node of texts) {
      const colour = parseColour(getComputedStyle(node).color);
      const ratio = contrast(over(colour.rgb, colour.alpha, behind), behind);
      expect(ratio, `"${node.textContent?.trim()}"`).toBeGreaterThanOrEqual(4.5);
    }
  });
});

// ---- keyboard only ------------------------------------------------------------------------------

/** Presses Tab (or Shift+Tab) until `reached()` holds; fails with `what` after 200 presses. */
async function tabUntil(reached: () => boolean, what: string, backwards = false): Promise<number> {
  for (let presses = 0; presses < 200; presses++) {
    if (reached()) return presses;
    await userEvent.keyboard(backwards ? '{Shift>}{Tab}{/Shift}' : '{Tab}');
  }
  if (reached()) return 200;
  throw new Error(`${what} was never reached in 200 ${backwards ? 'Shift+' : ''}Tab presses`);
}

describe('keyboard only', () => {
  it('Tab in, search a building, read its details, Escape back, filter, choose a tool, measure a plot from the list', async () => {
    const before = document.createElement('button');
    before.textContent = 'before the map';
    document.body.append(before);
    const { element } = await mount({ src: SEED_URL }, undefined, true);
    const root = shadow(element);
    const active = () => root.activeElement as HTMLElement | null;
    before.focus();

    // 1. Tab into the widget and reach the search box.
    await tabUntil(() => active()?.classList.contains('search-input') === true, 'the search box');
    const search = active()!;
    expect(document.activeElement).toBe(element);

    // 2. Type a building's name, Enter: its details open with focus on their heading.
    await userEvent.keyboard('创业中心北栋');
    await element.updateComplete;
    await userEvent.keyboard('{Enter}');
    await element.updateComplete;
    await element.updateComplete;
    expect(element.selected).toBe('hy-startup-north');
    expect(active()?.id).toBe('park-map-details-title');
    expect(active()?.textContent?.trim()).toBe('创业中心北栋');
    const details = root.querySelector('.details')!;
    expect(details.getAttribute('aria-labelledby')).toBe('park-map-details-title');
    expect(text(root, '.details .status-label')).toBe('装修中');
    expect(text(root, '.explore [role="status"]')).toBe('已选中：创业中心北栋');

    // 3. Escape closes them, and focus returns to the search box.
    await userEvent.keyboard('{Escape}');
    await element.updateComplete;
    expect(root.querySelector('.details')).toBeNull();
    expect(active()).toBe(search);
    // The query still narrows the list; the reader empties the box before filtering.
    expect(text(root, '.shown-count')).toBe('显示 1 / 127 项，匹配「创业中心北栋」');
    await userEvent.keyboard('{Control>}a{/Control}{Backspace}');
    await element.updateComplete;
    expect(text(root, '.shown-count')).toBe('显示 127 / 127 项');

    // 4. The filters: open them, keep plots only (Space on the checkbox).
    await tabUntil(() => active()?.matches('.filters > summary') === true, 'the filters');
    await userEvent.keyboard('{Enter}');
    expect(root.querySelector<HTMLDetailsElement>('.filters')!.open).toBe(true);
    await tabUntil(
      () =>
        active()?.matches('.facet[data-facet="kind"] .choice[data-value="plot"] input') === true,
      'the "plot" filter',
    );
    await userEvent.keyboard(' ');
    await element.updateComplete;
    expect(element.filter.kinds).toEqual(['plot']);
    expect(text(root, '.shown-count')).toBe('显示 10 / 127 项');

    // 5. A measuring tool, by Enter.
    await tabUntil(
      () => active()?.matches('.toolbar [data-tool="area"]') === true,
      'the area tool button',
    );
    await userEvent.keyboard('{Enter}');
    await element.updateComplete;
    expect(element.tool).toBe('area');
    expect(root.querySelector('.toolbar [data-tool="area"]')!.getAttribute('aria-pressed')).toBe(
      'true',
    );

    // 6. Back to the list (one tab stop), Down to a plot, Enter: its details; Tab to "测量此要素",
    // Enter: measured.
    await tabUntil(
      () => active()?.getAttribute('role') === 'treeitem',
      'the list (a row of its tree)',
      true,
    );
    for (let presses = 0; presses < 20 && active()?.dataset.id !== 'hy-hq-north'; presses++) {
      await userEvent.keyboard('{ArrowDown}');
      await element.updateComplete;
    }
    expect(active()?.dataset.id).toBe('hy-hq-north');
    await userEvent.keyboard('{Enter}');
    await element.updateComplete;
    await element.updateComplete;
    expect(element.selected).toBe('hy-hq-north');
    expect(active()?.id).toBe('park-map-details-title');
    await tabUntil(
      () => active()?.classList.contains('measure-this') === true,
      'the "测量此要素" button',
    );
    expect(active()?.textContent?.trim()).toBe('测量此要素');
    const measured = nextEvent(element, 'park-map-measure');
    await userEvent.keyboard('{Enter}');
    const event = await measured;
    expect(event.detail.featureId).toBe('hy-hq-north');
    expect(event.detail.areaM2).toBeGreaterThan(0);
  });
});
