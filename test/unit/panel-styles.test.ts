// The styles beside the panels they style (src/**/*.styles.ts), composed by src/ui/styles.ts: each
// is composed once, and each rule of a panel's module styles something that panel draws.
import { readFileSync } from 'node:fs';
import type { CSSResult } from 'lit';
import { describe, expect, test } from 'vitest';
import { parkMapStyles } from '../../src/ui/styles.js';

const modules = import.meta.glob<Record<string, CSSResult>>('../../src/**/*.styles.ts', {
  eager: true,
});

/** Each panel's styles module, and the modules whose templates draw what it styles. */
const PANELS: Record<string, string[]> = {
  'ui/map-stage.styles.ts': ['ui/map-stage.ts'],
  'ui/explore-panel.styles.ts': ['ui/explore-panel.ts'],
  'ui/details-panel.styles.ts': ['ui/details-panel.ts'],
  'ui/legend.styles.ts': ['ui/legend.ts'],
  'ui/issues-banner.styles.ts': ['ui/issues-banner.ts'],
  'ui/measure-panel.styles.ts': ['ui/measure-panel.ts', 'ui/measure-results.ts'],
  'ui/measure-results.styles.ts': ['ui/measure-results.ts'],
  'map/name-labels.styles.ts': ['map/name-labels.ts', 'map/context-layer.ts'],
  // Drawn by lazy chunks only, so out of the first load: the sheet's own shadow root, and what the
  // sheet and the legend add to the element's (the phone layout places the other panels).
  'ui/late.styles.ts': [
    'ui/sheet.ts',
    'ui/legend.ts',
    'park-map.ts',
    'ui/map-stage.ts',
    'ui/details-panel.ts',
    'ui/compare.ts',
    'ui/explore-panel.ts',
    'ui/issues-banner.ts',
    'ui/measure-results.ts',
    // The basemap switch and MapLibre's control corner the scale bar is in (found by its class).
    'map/basemap-switch.ts',
    'map/scale-bar.ts',
  ],
};

/** Styles modules adopted by the code that draws their panels, not in the element's styles. */
const LATE = new Set(['ui/late.styles.ts', 'ui/measure-results.styles.ts']);

const name = (path: string) => path.replace('../../src/', '');

/** The class names a module's templates give (`class="…"`, `className = `…``, `classList`). */
function drawnClasses(paths: string[]): { names: Set<string>; prefixes: string[] } {
  const names = new Set<string>();
  const prefixes: string[] = [];
  for (const path of paths) {
    const source = readFileSync(new URL(`../../src/${path}`, import.meta.url), 'utf8');
    const values = [
      ...[...source.matchAll(/class="([^"]*)"/g)].map((match) => match[1]!),
      ...[...source.matchAll(/className = `([^`]*)`/g)].map((match) => match[1]!),
      ...[...source.matchAll(/className = '([^']*)'/g)].map((match) => match[1]!),
      // A class of MapLibre's own the module finds and places (its control corners).
      ...[...source.matchAll(/querySelector(?:<\w+>)?\('\.([a-z][a-z0-9-]*)'\)/g)].map(
        (match) => match[1]!,
      ),
      ...[...source.matchAll(/classList\.\w+\('([^']+)'/g)].map((match) => match[1]!),
    ];
    for (const value of values) {
      for (const [, token, interpolated] of value.matchAll(/([a-z][a-z0-9-]*)(\$\{)?/g)) {
        if (interpolated) prefixes.push(token!);
        else names.add(token!);
      }
    }
  }
  return { names, prefixes };
}

/** The selector lists of a stylesheet's rules (inside @media and @container too). */
function selectorLists(cssText: string): string[] {
  return [...cssText.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{};]+)\{/g)]
    .map((match) => match[1]!.trim())
    .filter((selectors) => !selectors.startsWith('@'));
}

describe('the styles modules', () => {
  test('every style they export is in the element’s styles, once (the late ones are not)', () => {
    const exported = Object.entries(modules)
      .filter(([path]) => !LATE.has(name(path)))
      // Styles only: a module may export a size beside them (map-stage.styles.ts).
      .flatMap(([, module]) => Object.values(module).filter((value) => typeof value === 'object'));
    const late = Object.entries(modules)
      .filter(([path]) => LATE.has(name(path)))
      .flatMap(([, module]) => Object.values(module).filter((value) => typeof value === 'object'));
    expect(late.length).toBeGreaterThan(1);
    for (const style of late) expect(parkMapStyles).not.toContain(style);
    expect(exported.length).toBeGreaterThan(10);
    expect(new Set(parkMapStyles).size).toBe(parkMapStyles.length);
    expect(new Set<unknown>(parkMapStyles)).toEqual(new Set(exported));
  });

  test('each panel has its module, listed here', () => {
    const panels = Object.keys(modules)
      .map(name)
      .filter((path) => path !== 'ui/base.styles.ts');
    expect(panels.sort()).toEqual(Object.keys(PANELS).sort());
  });

  test.each(Object.entries(PANELS))(
    '%s: each rule styles a class its panel draws',
    (path, sources) => {
      const { names, prefixes } = drawnClasses(sources);
      const drawn = (className: string) =>
        names.has(className) || prefixes.some((prefix) => className.startsWith(prefix));
      const rules = Object.values(modules[`../../src/${path}`]!)
        .filter((style) => typeof style === 'object')
        .flatMap((style) => selectorLists(style.cssText));
      expect(rules.length).toBeGreaterThan(0);
      // A rule passes when one of its selectors names only classes the panel draws (shared rules,
      // such as the swatch shape in the details panel's module, name other panels' classes too).
      const strays = rules.filter(
        (selectors) =>
          !selectors.split(',').some((selector) => {
            const classes = [...selector.matchAll(/\.([a-z][a-z0-9-]*)/g)].map(
              (match) => match[1]!,
            );
            // A shadow root's own rules for its host (the sheet's) style what its element draws.
            if (selector.trim().startsWith(':host')) return true;
            return classes.length > 0 && classes.every(drawn);
          }),
      );
      expect(strays).toEqual([]);
    },
  );
});
