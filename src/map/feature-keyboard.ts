// The map's features by keyboard (as MapML does): with the map canvas focused, `]` and `[` move a
// keyboard focus to the next and previous feature in view, in reading order (top to bottom, then
// left to right, by the centre of each one's box); the focused feature is outlined (the hover
// outline) and its name announced (in a live region of its own in the map: heard with `no-list`
// too); Enter opens its details (as a click does); Escape, or focus
// leaving the map, drops it. The arrow keys, + and - stay MapLibre's own: pan and zoom.
// Loaded with MapLibre (map chunk).
import type { Map as MapLibreMap } from 'maplibre-gl';
import { bboxOf } from '../data/bbox.js';
import type { ParkFeature } from '../data/types.js';
import { resolveLang } from '../i18n/lang.js';
import { MAP_KEYBOARD_TEXT } from '../i18n/map-keyboard.js';
import { kindLabel, statusLabel } from '../i18n/strings.js';
import type { MapContext, MapPart } from './map-part.js';
import type { NameTooltip } from './name-tooltip.js';

export class FeatureKeyboard implements MapPart {
  /** The feature with the keyboard focus, or null. */
  private focusedId: string | null = null;

  /** What the focus says, for screen readers. */
  private readonly region = document.createElement('p');

  /** `onOpen`: Enter on a feature (as a click on it). */
  constructor(
    private readonly context: MapContext,
    private readonly onOpen: (id: string) => void,
    private readonly tooltip?: NameTooltip,
  ) {
    this.region.className = 'visually-hidden map-key-status';
    this.region.setAttribute('role', 'status');
  }

  onAdd(map: MapLibreMap): void {
    const canvas = map.getCanvas();
    canvas.addEventListener('keydown', this.keyDown);
    canvas.addEventListener('blur', this.blur);
    map.getContainer().append(this.region);
  }

  onRemove(map: MapLibreMap): void {
    const canvas = map.getCanvas();
    canvas.removeEventListener('keydown', this.keyDown);
    canvas.removeEventListener('blur', this.blur);
    this.region.remove();
    this.drop();
  }

  private say(text: string): void {
    this.region.textContent = text;
  }

  /** The shown features whose centre is in view, in reading order. */
  private inView(): { feature: ParkFeature; x: number; y: number }[] {
    const { map, store, camera } = this.context;
    const canvas = map.getCanvas();
    const width = canvas.clientWidth;
    const height = canvas.clientHeight;
    const placed: { feature: ParkFeature; x: number; y: number }[] = [];
    for (const feature of store.shown) {
      const box = bboxOf([camera.asDrawn(feature) ?? feature]);
      if (!box) continue;
      const { x, y } = map.project([(box[0] + box[2]) / 2, (box[1] + box[3]) / 2]);
      if (x >= 0 && y >= 0 && x <= width && y <= height) placed.push({ feature, x, y });
    }
    placed.sort((a, b) => a.y - b.y || a.x - b.x);
    return placed;
  }

  private readonly keyDown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === ']' || event.key === '[') {
      const features = this.inView();
      const lang = resolveLang(this.context.host.lang);
      event.preventDefault();
      event.stopPropagation();
      if (features.length === 0) {
        this.drop();
        this.say(MAP_KEYBOARD_TEXT[lang].noneInView);
        return;
      }
      const at = features.findIndex((entry) => entry.feature.id === this.focusedId);
      const step = event.key === ']' ? 1 : -1;
      const index =
        at === -1
          ? step === 1
            ? 0
            : features.length - 1
          : (at + step + features.length) % features.length;
      const { feature, x, y } = features[index]!;
      this.focusedId = feature.id;
      this.context.store.hover(feature.id);
      // Its name beside it, as the pointer's hover shows it.
      this.tooltip?.show(feature.id, { x, y });
      const { kind, status } = feature.properties;
      const name =
        (lang === 'en' ? feature.properties['name:en'] : undefined) ?? feature.properties.name;
      const label = `${name}, ${kindLabel(kind, lang)}${status ? `, ${statusLabel(status, lang)}` : ''}`;
      this.say(MAP_KEYBOARD_TEXT[lang].focused(label, index + 1, features.length));
    } else if (event.key === 'Enter' && this.focusedId !== null) {
      event.preventDefault();
      event.stopPropagation();
      this.onOpen(this.focusedId);
    } else if (event.key === 'Escape' && this.focusedId !== null) {
      event.stopPropagation();
      this.drop();
    }
  };

  private readonly blur = () => this.drop();

  private drop(): void {
    if (this.focusedId === null) return;
    this.tooltip?.hide();
    if (this.context.store.hovered === this.focusedId) this.context.store.hover(null);
    this.focusedId = null;
  }
}
