// Without WebGL (old machines, locked-down browsers) the map cannot draw: the widget says so, and
// the list still gives every feature and its details.
import { afterEach, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { SEED_URL, collect, mount, shadow, text } from './helpers.js';

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

it('says WebGL is unavailable, and the list still reaches every feature and its details', async () => {
  const getContext = HTMLCanvasElement.prototype.getContext;
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (
    this: HTMLCanvasElement,
    type: string,
    ...rest: unknown[]
  ) {
    if (type.startsWith('webgl')) return null;
    return (getContext as (...args: unknown[]) => RenderingContext | null).call(
      this,
      type,
      ...rest,
    );
  } as typeof getContext);
  let errors: ReturnType<typeof collect<'park-map-error'>> = [];
  const { element, loaded } = await mount(
    { src: SEED_URL },
    (el) => {
      errors = collect(el, 'park-map-error');
    },
    true,
  );
  await element.updateComplete;
  const root = shadow(element);
  expect(loaded.features).toHaveLength(127);
  expect(errors.map((event) => event.detail.code)).toContain('webgl-unavailable');
  expect(text(root, '.overlay .message')).toBe('此浏览器无法显示地图（WebGL 不可用）');
  expect(text(root, '.shown-count')).toBe('显示 127 / 127 项');
  await userEvent.click(
    root.querySelector<HTMLButtonElement>('.item[data-id="hy-software"] .choose')!,
  );
  await element.updateComplete;
  expect(text(root, '.details h2')).toBe('湘南湘西软件产业园');
});
