// The React and Vue examples (examples/react, examples/vue) mounted for real: the framework creates
// <park-map>, sets its properties and listens to its events. The data draws (park-map-load reaches
// the component's state), a selection through the element's API opens the details panel, a real
// click reaches the component's `onSelect` and its text, a new `lang` prop reaches the element,
// and unmounting removes the element and its map.
import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { createApp, h, nextTick, ref } from 'vue';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { ParkExplorer as ReactParkExplorer } from '../../examples/react/ParkExplorer.tsx';
import { ParkExplorer as VueParkExplorer } from '../../examples/vue/ParkExplorer.ts';
import type { ParkMapSelectDetail } from '../../src/index.js';
import type { ParkMap } from '../../src/park-map.js';
import { MINI_URL, canvasOf, projectedCentre, shadow, text, useCleanPage } from './helpers.js';
import { textUntil, whenDrawn } from './frames.js';

useCleanPage({ sameOrigin: true });

function holder(): HTMLElement {
  const node = document.createElement('div');
  node.style.width = '800px';
  document.body.append(node);
  return node;
}

function elementIn(container: HTMLElement): ParkMap {
  const element = container.querySelector('park-map');
  if (!element) throw new Error('the component rendered no <park-map>');
  element.style.setProperty('--park-map-height', '400px');
  return element;
}

/** What both examples must do, once mounted: `setLang` re-renders them with another `lang` prop. */
async function exercise(
  container: HTMLElement,
  selects: ParkMapSelectDetail[],
  setLang: (lang: 'zh-CN' | 'en') => Promise<void>,
): Promise<ParkMap> {
  const element = elementIn(container);
  const status = container.querySelector('[role="status"]')!;
  // Props arrived as properties.
  expect(element.src).toBe(MINI_URL);
  expect(element.noList).toBe(true);
  expect(element.cooperativeGestures).toBe(true);

  await whenDrawn(element);
  expect(await textUntil(status, (value) => value.startsWith('要素'))).toBe('要素: 4.');

  // The element's API: the details panel opens, and no park-map-select reaches the component.
  element.select('t-building-a');
  await element.updateComplete;
  expect(text(shadow(element), '.details h2')).toBe('测试1号楼');
  expect(selects).toEqual([]);

  // A real click on building B: the component's handler and its text get it.
  await userEvent.click(canvasOf(element), {
    position: projectedCentre(element, 't-building-b'),
  });
  expect(await textUntil(status, (value) => value.includes('已选'))).toBe(
    '要素: 4. 已选: 测试2号楼',
  );
  expect(selects.map((detail) => detail.id)).toEqual(['t-building-b']);
  expect(selects[0]!.properties?.name).toBe('测试2号楼');

  // A new prop reaches the element.
  await setLang('en');
  await element.updateComplete;
  expect(element.lang).toBe('en');
  // In English the English name leads; the Chinese one follows as the original.
  expect(text(shadow(element), '.details h2')).toBe('Test Building 2');
  expect(text(shadow(element), '.details .name-original')).toBe('测试2号楼');
  expect(await textUntil(status, (value) => value.startsWith('Features'))).toBe(
    'Features: 4. Selected: Test Building 2',
  );
  return element;
}

describe('React 19 example', () => {
  it('renders the data, reports selections to onSelect, follows props, and unmounts cleanly', async () => {
    const container = holder();
    const root = createRoot(container);
    const selects: ParkMapSelectDetail[] = [];
    const render = (lang: 'zh-CN' | 'en') =>
      flushSync(() =>
        root.render(
          createElement(ReactParkExplorer, {
            src: MINI_URL,
            lang,
            onSelect: (detail) => selects.push(detail),
          }),
        ),
      );
    render('zh-CN');
    const element = await exercise(container, selects, async (lang) => render(lang));
    expect(element.map).toBeDefined();
    flushSync(() => root.unmount());
    expect(element.isConnected).toBe(false);
    expect(element.map).toBeUndefined();
  });
});

describe('Vue 3 example', () => {
  it('renders the data, emits select, follows props, and unmounts cleanly', async () => {
    const container = holder();
    const selects: ParkMapSelectDetail[] = [];
    const lang = ref<'zh-CN' | 'en'>('zh-CN');
    // What a Vue build defines (@vitejs/plugin-vue); without them Vue warns on its first app.
    Object.assign(globalThis, {
      __VUE_OPTIONS_API__: true,
      __VUE_PROD_DEVTOOLS__: false,
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: false,
    });
    const app = createApp({
      render: () =>
        h(VueParkExplorer, {
          src: MINI_URL,
          lang: lang.value,
          onSelect: (detail: ParkMapSelectDetail) => selects.push(detail),
        }),
    });
    app.mount(container);
    const element = await exercise(container, selects, async (next) => {
      lang.value = next;
      await nextTick();
    });
    expect(element.map).toBeDefined();
    app.unmount();
    expect(element.isConnected).toBe(false);
    expect(element.map).toBeUndefined();
  });
});
