// The name of the feature under the pointer, or with the keyboard focus (feature-keyboard.ts), in a
// small tooltip beside it: in English in lang="en" where the data has `name:en`, as text. It never
// takes the pointer and never covers a control: it goes to whichever side of the point is clear of
// them, or does not show. Loaded with MapLibre (map chunk); styled inline (nothing on first load).
import type { Map as MapLibreMap } from 'maplibre-gl';
import { resolveLang } from '../i18n/lang.js';
import type { MapContext, MapPart } from './map-part.js';

/** What the tooltip must not cover: MapLibre's controls and the element's own panels and buttons. */
const CONTROLS =
  '.maplibregl-ctrl, [part~="view-controls"], [part~="legend"], [part~="legend-toggle"], ' +
  '[part~="toolbar"], [part~="measure"], [part~="issues"], [part~="details"], [part~="sheet"]';

/** Pixels between the point and the tooltip. */
const GAP = 12;

export class NameTooltip implements MapPart {
  readonly element = document.createElement('div');
  /** The feature named, or null. */
  private shownId: string | null = null;

  constructor(private readonly context: MapContext) {
    const element = this.element;
    element.className = 'park-map-tooltip';
    // The keyboard's focus is announced in its own live region: the tooltip is for the eye.
    element.setAttribute('aria-hidden', 'true');
    element.style.cssText =
      'position:absolute;left:0;top:0;z-index:1;pointer-events:none;white-space:nowrap;' +
      'padding:2px 6px;border-radius:4px;font-size:12px;' +
      'background:var(--park-map-panel-background,rgba(255,255,255,0.97));' +
      'color:var(--park-map-text,#1f1f1f);box-shadow:0 1px 3px rgba(0,0,0,0.3);display:none';
  }

  onAdd(map: MapLibreMap): void {
    map.getContainer().append(this.element);
    map.on('movestart', this.hide);
    map.getCanvas().addEventListener('mouseleave', this.hide);
  }

  onRemove(map: MapLibreMap): void {
    map.off('movestart', this.hide);
    map.getCanvas().removeEventListener('mouseleave', this.hide);
    this.element.remove();
  }

  /** The feature under this point of the map's container (CSS pixels), or null for none. */
  show(id: string | null, point: { x: number; y: number }): void {
    const feature = id === null ? undefined : this.context.store.byId.get(id);
    if (!feature) {
      this.hide();
      return;
    }
    const element = this.element;
    if (this.shownId !== id) {
      const english = feature.properties['name:en'];
      const inEnglish = resolveLang(this.context.host.lang) === 'en' && Boolean(english);
      // Text from data is text: textContent, never HTML.
      element.textContent = inEnglish ? english! : feature.properties.name;
      element.lang = inEnglish ? 'en' : 'zh-CN';
      this.shownId = id;
    }
    element.style.display = 'block';
    this.place(point);
  }

  readonly hide = (): void => {
    this.shownId = null;
    this.element.style.display = 'none';
  };

  /** Beside the point, on the first side clear of every control (or hidden if none is). */
  private place(point: { x: number; y: number }): void {
    const { map, host } = this.context;
    const container = map.getContainer();
    const frame = container.getBoundingClientRect();
    const width = this.element.offsetWidth;
    const height = this.element.offsetHeight;
    const controls = [...host.renderRoot.querySelectorAll<HTMLElement>(CONTROLS)]
      .map((control) => control.getBoundingClientRect())
      .filter((box) => box.width > 0 && box.height > 0);
    const sides = [
      [point.x + GAP, point.y + GAP],
      [point.x - GAP - width, point.y + GAP],
      [point.x + GAP, point.y - GAP - height],
      [point.x - GAP - width, point.y - GAP - height],
    ] as const;
    for (const [left, top] of sides) {
      if (left < 0 || top < 0 || left + width > frame.width || top + height > frame.height)
        continue;
      const x = frame.left + left;
      const y = frame.top + top;
      const covers = controls.some(
        (box) => x < box.right && box.left < x + width && y < box.bottom && box.top < y + height,
      );
      if (covers) continue;
      this.element.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
      return;
    }
    this.hide();
  }
}
