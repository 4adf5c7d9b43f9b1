// MapLibre's stylesheet pruned to the controls the element adds (scripts/maplibre-css.mjs).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { pruneMapLibreCss, UNUSED_CONTROLS } from '../../scripts/maplibre-css.mjs';

const original = readFileSync(
  new URL('../../node_modules/maplibre-gl/dist/maplibre-gl.css', import.meta.url),
  'utf8',
);
const pruned = pruneMapLibreCss(original);

describe('pruneMapLibreCss', () => {
  test('a hand-made sheet: rules, selector lists, @media, @keyframes and comments', () => {
    const css = [
      '.a{x:1}',
      '/* a comment */',
      '.maplibregl-popup{y:2}',
      '.maplibregl-popup-tip,.b{z:3}',
      '.maplibregl-popupish{w:1}',
      '@media (x){.maplibregl-ctrl-geolocate{q:1}}',
      '@media (y){.c{r:1}.maplibregl-ctrl-logo{s:1}}',
      '@keyframes maplibregl-user-location-dot-pulse{0%{a:1}}',
      '@keyframes maplibregl-spin{0%{b:1}}',
      '.d:is(.e,.f){t:1}',
    ].join('\n');
    expect(pruneMapLibreCss(css)).toBe(
      '.a{x:1}.b{z:3}.maplibregl-popupish{w:1}@media (y){.c{r:1}}@keyframes maplibregl-spin{0%{b:1}}.d:is(.e,.f){t:1}',
    );
  });

  test('MapLibre’s own sheet: every rule kept is one of its rules, as written', () => {
    const rules = (css: string) =>
      css.replace(/\/\*[\s\S]*?\*\//g, '').match(/[^{}]+\{[^{}]*\}/g) ?? [];
    const before = new Set(rules(original).map((rule) => rule.replace(/\s+/g, '')));
    const after = rules(pruned);
    expect(after.length).toBeGreaterThan(50);
    for (const rule of after) {
      // A rule whose selector list lost an unused member is the rest of that list.
      const [selectors, body] = rule.split('{');
      const found = [...before].some(
        (kept) =>
          kept.endsWith(`{${body!.replace(/\s+/g, '')}`) &&
          selectors!
            .split(',')
            .every((selector) =>
              kept.split('{')[0]!.split(',').includes(selector.replace(/\s+/g, '')),
            ),
      );
      expect(found, rule).toBe(true);
    }
  });

  test('MapLibre’s own sheet: what the element uses stays, the unused controls go', () => {
    for (const kept of [
      '.maplibregl-map',
      '.maplibregl-canvas',
      '.maplibregl-ctrl-group',
      '.maplibregl-ctrl-zoom-in',
      '.maplibregl-ctrl-zoom-out',
      '.maplibregl-ctrl-compass',
      '.maplibregl-ctrl-attrib.maplibregl-compact',
      '.maplibregl-ctrl-attrib-button',
      '.maplibregl-marker',
      '.maplibregl-boxzoom',
      '.maplibregl-cooperative-gesture-screen',
      '.maplibregl-ctrl-scale',
    ]) {
      expect(pruned, kept).toContain(kept);
    }
    for (const control of UNUSED_CONTROLS) {
      expect(original, control).toContain(`.maplibregl-${control}`);
      expect(pruned, control).not.toContain(`.maplibregl-${control}`);
    }
    expect(pruned.length).toBeLessThan(original.length / 4);
  });
});
