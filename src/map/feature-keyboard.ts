// The map's features by keyboard (as MapML does): with the map canvas focused, `]` and `[` move a
// keyboard focus to the next and previous feature in view, in reading order (top to bottom, then
// left to right, by the centre of each one's box); from there the arrow keys move it to the
// nearest feature that way on screen (nearest-in-direction.ts), the map easing to one whose centre
// is out of view. The focused feature is outlined (the hover outline, a ring for a point) and its
// name announced (in a live region of its own in the map: heard with `no-list` too); Enter opens
// its details (as a click does); Escape, or focus leaving the map, drops it. Without a focus the
// arrow keys, + and - stay MapLibre's own: pan and zoom. A hidden hint, the canvas's
// aria-describedby, says which keys do what. Loaded with MapLibre (map chunk).
import type { Map as MapLibreMap } from 'maplibre-gl';
import { bboxOf } from '../data/bbox.js';
import type { ParkFeature } from '../data/types.js';
import { resolveLang } from '../i18n/lang.js';
import { MAP_KEYBOARD_TEXT } from '../i18n/map-keyboard.js';
import { kindLabel, statusLabel } from '../i18n/strings.js';
import type { MapContext, MapPart } from './map-part.js';
import type { NameTooltip } from './name-tooltip.js';
import { arrowDirection, nearestInDirection, type Direction } from './nearest-in-direction.js';

/** A shown feature, the centre of its box on the map and on screen (CSS pixels). */
interface Placed {
  feature: ParkFeature;
  centre: [number, number];
  x: number;
  y: number;
}

/** Makes each hint's id unique in its shadow root, across maps made again. */
let hints = 0;

export class FeatureKeyboard implements MapPart {
  /** The feature with the keyboard focus, or null. */
  private focusedId: string | null = null;

  /** What the focus says, for screen readers. */
  private readonly region = document.createElement('p');

  /** Which keys do what, for screen readers: the canvas's description. */
  private readonly hint = document.createElement('p');

  /** `onOpen`: Enter on a feature (as a click on it). */
  constructor(
    private readonly context: MapContext,
    private readonly onOpen: (id: string) => void,
    private readonly tooltip?: NameTooltip,
  ) {
    this.region.className = 'visually-hidden map-key-status';
    this.region.setAttribute('role', 'status');
    this.hint.className = 'visually-hidden map-key-hint';
    this.hint.id = `park-map-keyboard-hint-${++hints}`;
  }

  onAdd(map: MapLibreMap): void {
    const canvas = map.getCanvas();
    // On the canvas, MapLibre's keyboard handler on its container only hears what bubbles past.
    canvas.addEventListener('keydown', this.keyDown);
    canvas.addEventListener('blur', this.blur);
    canvas.setAttribute('aria-describedby', this.hint.id);
    this.langChanged();
    map.getContainer().append(this.region, this.hint);
  }

  onRemove(map: MapLibreMap): void {
    const canvas = map.getCanvas();
    canvas.removeEventListener('keydown', this.keyDown);
    canvas.removeEventListener('blur', this.blur);
    canvas.removeAttribute('aria-describedby');
    map.off('moveend', this.moved);
    this.region.remove();
    this.hint.remove();
    this.drop();
  }

  /** The element's language changed: the hint in it. */
  langChanged(): void {
    this.hint.textContent = MAP_KEYBOARD_TEXT[resolveLang(this.context.host.lang)].hint;
  }

  /**
   * Sets the live region's text. The same message again would change nothing, and screen readers
   * announce changes only: a repeat alternates a trailing no-break space so it is heard again.
   */
  private say(text: string): void {
    this.region.textContent = this.region.textContent === text ? `${text}\u00a0` : text;
  }

  /** A feature's box centre, on the map and on screen; undefined for a feature with no box. */
  private place(feature: ParkFeature): Placed | undefined {
    const { map, camera } = this.context;
    const box = bboxOf([camera.asDrawn(feature) ?? feature]);
    if (!box) return undefined;
    const centre: [number, number] = [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2];
    const { x, y } = map.project(centre);
    return { feature, centre, x, y };
  }

  /** Every shown feature, placed on screen (out of view too), in reading order. */
  private placed(): Placed[] {
    const placed: Placed[] = [];
    for (const feature of this.context.store.shown) {
      const entry = this.place(feature);
      if (entry) placed.push(entry);
    }
    placed.sort((a, b) => a.y - b.y || a.x - b.x);
    return placed;
  }

  private isInView({ x, y }: { x: number; y: number }): boolean {
    const canvas = this.context.map.getCanvas();
    return x >= 0 && y >= 0 && x <= canvas.clientWidth && y <= canvas.clientHeight;
  }

  private readonly keyDown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const direction = arrowDirection(event.key);
    // Shift with an arrow stays MapLibre's rotate and tilt.
    if (direction && !event.shiftKey && this.focusedId !== null) {
      if (this.arrow(direction)) {
        event.preventDefault();
        event.stopPropagation();
      }
    } else if (event.key === ']' || event.key === '[') {
      event.preventDefault();
      event.stopPropagation();
      this.step(event.key === ']' ? 1 : -1);
    } else if (event.key === 'Enter' && this.focusedId !== null) {
      event.preventDefault();
      event.stopPropagation();
      this.onOpen(this.focusedId);
    } else if (event.key === 'Escape' && this.focusedId !== null) {
      event.stopPropagation();
      this.drop();
    }
  };

  /** `]` (+1) and `[` (-1): the next or previous feature in view, round again at the ends. */
  private step(step: 1 | -1): void {
    const features = this.placed().filter((entry) => this.isInView(entry));
    const text = MAP_KEYBOARD_TEXT[resolveLang(this.context.host.lang)];
    if (features.length === 0) {
      this.drop();
      this.say(text.noneInView);
      return;
    }
    const at = features.findIndex((entry) => entry.feature.id === this.focusedId);
    const index =
      at === -1
        ? step === 1
          ? 0
          : features.length - 1
        : (at + step + features.length) % features.length;
    const entry = features[index]!;
    this.focus(entry);
    this.say(text.focused(this.label(entry.feature), index + 1, features.length));
  }

  /**
   * An arrow with a feature focused: the focus goes to the nearest feature that way. False when the
   * focused feature is no longer shown (filtered out): the focus is dropped, the arrow pans.
   */
  private arrow(direction: Direction): boolean {
    const placed = this.placed();
    const from = placed.find((entry) => entry.feature.id === this.focusedId);
    if (!from) {
      this.drop();
      return false;
    }
    const text = MAP_KEYBOARD_TEXT[resolveLang(this.context.host.lang)];
    const others = placed.filter((entry) => entry !== from);
    const target = nearestInDirection(from, others, direction);
    if (!target) {
      this.say(text.noneTowards[direction]);
      return true;
    }
    if (this.isInView(target)) this.focus(target);
    else {
      // Out of view: the map eases to it; its name shows beside it once there (moved()).
      this.focus(target, false);
      this.context.map.off('moveend', this.moved);
      this.context.map.once('moveend', this.moved);
      this.context.map.easeTo({ center: target.centre });
    }
    this.say(this.label(target.feature));
    return true;
  }

  /** The map finished easing to the focused feature: its name beside it. */
  private readonly moved = () => {
    const feature =
      this.focusedId === null ? undefined : this.context.store.byId.get(this.focusedId);
    const entry = feature && this.place(feature);
    if (entry) this.tooltip?.show(entry.feature.id, entry);
  };

  private focus(entry: Placed, showName = true): void {
    this.focusedId = entry.feature.id;
    this.context.store.hover(entry.feature.id);
    // Its name beside it, as the pointer's hover shows it.
    if (showName) this.tooltip?.show(entry.feature.id, entry);
    else this.tooltip?.hide();
  }

  /** "Name, kind, status", in the element's language (the English name where the data has one). */
  private label(feature: ParkFeature): string {
    const lang = resolveLang(this.context.host.lang);
    const { kind, status } = feature.properties;
    const name =
      (lang === 'en' ? feature.properties['name:en'] : undefined) ?? feature.properties.name;
    return `${name}, ${kindLabel(kind, lang)}${status ? `, ${statusLabel(status, lang)}` : ''}`;
  }

  private readonly blur = () => this.drop();

  private drop(): void {
    if (this.focusedId === null) return;
    this.context.map.off('moveend', this.moved);
    this.tooltip?.hide();
    if (this.context.store.hovered === this.focusedId) this.context.store.hover(null);
    this.focusedId = null;
  }
}
