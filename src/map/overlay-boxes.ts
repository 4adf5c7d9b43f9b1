// The boxes of the element's own controls and panels over the map (toolbar, zoom buttons, basemap
// switch, scale bar, view buttons, legend, details panel, bottom sheet), in CSS pixels on the map's
// container: data is framed clear of them (camera.ts) and names are not placed under them
// (name-labels.ts): fitPadding. Read from the page's layout, so call it when the layout is settled, not on
// every frame. Loaded with MapLibre (map chunk).
import { FIT_PADDING, type Box, type Padding } from './camera.js';

/** The boxes over `container` (the map's), from its siblings in the stage and MapLibre's controls. */
export function overlayBoxes(container: HTMLElement): Box[] {
  const stage = container.parentElement;
  if (!stage) return [];
  const origin = container.getBoundingClientRect();
  const boxes: Box[] = [];
  const add = (element: Element): void => {
    const style = getComputedStyle(element);
    if (style.display === 'none' || style.visibility === 'hidden') return;
    const rect = element.getBoundingClientRect();
    // A wrapper that is no box of its own (display: contents) or lets clicks through to the map
    // (the measuring layer): its children are the boxes.
    if ((rect.width === 0 && rect.height === 0) || style.pointerEvents === 'none') {
      for (const child of element.children) add(child);
      if (element.shadowRoot) for (const child of element.shadowRoot.children) add(child);
      return;
    }
    // Visually hidden text (1 px) is no box.
    if (rect.width <= 2 || rect.height <= 2) return;
    const box = {
      left: rect.left - origin.left,
      top: rect.top - origin.top,
      right: rect.right - origin.left,
      bottom: rect.bottom - origin.top,
    };
    if (box.right <= 0 || box.bottom <= 0 || box.left >= origin.width || box.top >= origin.height) {
      return;
    }
    // Over most of the map (a message while it loads): not a control at a side.
    const area = (box.right - box.left) * (box.bottom - box.top);
    if (area > 0.5 * origin.width * origin.height) return;
    boxes.push(box);
  };
  for (const child of stage.children) if (child !== container) add(child);
  for (const control of container.querySelectorAll('.maplibregl-ctrl')) add(control);
  return boxes;
}

/**
 * The padding that frames data clear of the controls over the map: at least room for the
 * measuring toolbar and the zoom buttons at the top (two toolbar rows on a narrow map), the
 * 2D/3D and list buttons and the legend button at the bottom, the zoom buttons at the right;
 * more where `overlays` (the controls and panels actually shown: overlay-boxes.ts) reach further
 * in from the side each is nearest to (the open legend, an open details panel, a bottom sheet).
 * The top and bottom are each at most a fifth of the map's height, the sides a third of its width
 * on a desk (a legend in English is wide: 204 px in from the right on a 690 px map), a quarter on a phone, so a small map still frames its data.
 */
export function fitPadding(container: HTMLElement, overlays: readonly Box[] = []): Padding {
  const width = container.clientWidth;
  const height = container.clientHeight;
  const cap = (value: number, size: number, part = 5): number =>
    Math.max(8, Math.min(value, Math.floor(size / part)));
  const padding: Padding = {
    top: width <= 720 ? 104 : 72,
    bottom: 56,
    left: FIT_PADDING,
    right: 56,
  };
  for (const box of overlays) {
    // How far in from each side the box reaches; it is the nearest side's.
    const reach = {
      top: box.bottom,
      bottom: height - box.top,
      left: box.right,
      right: width - box.left,
    };
    const side = (Object.keys(reach) as (keyof typeof reach)[]).reduce((a, b) =>
      reach[b] < reach[a] ? b : a,
    );
    padding[side] = Math.max(padding[side], Math.ceil(reach[side]) + 8);
  }
  // A third of a desk map's width (the English legend is wide), a quarter of a phone's, whose
  // controls at the sides would otherwise leave the data a sliver.
  const sides = width > 600 ? 3 : 4;
  return {
    top: cap(padding.top, height),
    bottom: cap(padding.bottom, height),
    left: cap(padding.left, width, sides),
    right: cap(padding.right, width, sides),
  };
}
