// The names of zones, parks, buildings and projects on the map, as HTML markers (text, not glyphs:
// basemap="none" needs no font server): those of this zoom that pass the filters, minus any that
// would overlap one already placed, at most LABEL_LIMIT. A marker is made only when its name is
// first due in view (a park of thousands of buildings makes none until zoomed in on). With tiles, only the names in view, remade when the view stops. Loaded with
// MapLibre; labels.ts says which features get a name, where and from which zoom.
import type { Map as MapLibreMap, Marker, PointLike } from 'maplibre-gl';
import type { ParkFeature } from '../data/types.js';
import { resolveLang, type Lang } from '../i18n/lang.js';
import { LABEL_LIMIT, labelSpecs, tileLabelSpecs, type LabelSpec } from './labels.js';
import type { Box } from './camera.js';
import type { MapContext, MapPart } from './map-part.js';
import { overlayBoxes } from './overlay-boxes.js';

/** One name: its marker once made, its size (read once, when made) and whether it is on the map. */
interface Label {
  spec: LabelSpec;
  /** Made the first time the name is due in view. */
  marker?: Marker;
  size?: { width: number; height: number };
  attached: boolean;
  /** Where it sits from its point: beside a cluster or a control, or pulled inside the canvas. */
  offset?: [number, number];
}

/** Clear space kept at the canvas's edges, in CSS pixels. */
const EDGE = 4;

const overlap = (a: Box, b: Box): boolean =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

export class NameLabels implements MapPart {
  /**
   * The markers, with the zoom range each shows in, its size (read once, when it is made) and
   * whether it is on the map: only the names shown are, so MapLibre moves (and the browser styles)
   * those alone on every frame, not hundreds of hidden ones.
   */
  private labels: Label[] = [];
  private frame: number | undefined;
  /**
   * The element's controls and panels over the map (overlay-boxes.ts): read when the camera is
   * still, kept while it moves (they do not move with it, and reading the layout on every frame
   * of a pan would cost a layout each).
   */
  private overlays: Box[] | undefined;

  /**
   * `displayed`: the GeoJSON features as drawn (shifted into the basemap's system); `avoid`: the
   * boxes of what else is drawn that a name must not hide (the cluster circles and counts);
   * `extra`: names placed after the data's, giving way to them (the context layer's towns).
   */
  constructor(
    private readonly context: MapContext,
    private readonly displayed: () => readonly ParkFeature[],
    private readonly avoid: () => readonly Box[] = () => [],
    private readonly extra: (lang: Lang) => LabelSpec[] = () => [],
  ) {}

  onAdd(map: MapLibreMap): void {
    // Every camera change (zoom, pitch, pan): names come into view and leave it.
    map.on('move', this.showForZoom);
    if (this.context.tiled) map.on('moveend', this.schedule);
  }

  onLoad(): void {
    this.update();
  }

  onRemove(map: MapLibreMap): void {
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    this.frame = undefined;
    map.off('move', this.showForZoom);
    map.off('moveend', this.schedule);
    this.remove();
  }

  /**
   * Tiles: the names in view are remade in the next frame, once for any number of calls (new
   * tiles read back, the view stopped): not inside the read-back or `park-map-load`.
   */
  readonly schedule = (): void => {
    if (this.frame !== undefined) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = undefined;
      this.update();
    });
  };

  /** Replaces the labels with those of the current features and language. */
  update(): void {
    const { map, store, host, tiled } = this.context;
    const lang = resolveLang(host.lang);
    // Tiles: thousands of parks may be loaded; only those in view at this zoom get a name, remade
    // when the view moves (HTML labels for all of them would be slow).
    let specs: LabelSpec[];
    if (tiled) {
      const view = map.getBounds();
      specs = tileLabelSpecs(
        store.features,
        lang,
        [view.getWest(), view.getSouth(), view.getEast(), view.getNorth()],
        map.getZoom(),
      );
      // The same names where they were: nothing to remake.
      const same =
        specs.length === this.labels.length &&
        specs.every(({ id, text, position }, i) => {
          const shown = this.labels[i]!.spec;
          return (
            shown.id === id &&
            shown.text === text &&
            shown.position[0] === position[0] &&
            shown.position[1] === position[1]
          );
        });
      if (same) {
        this.showForZoom();
        return;
      }
    } else specs = [...labelSpecs(this.displayed(), lang), ...this.extra(lang)];
    this.remove();
    for (const spec of specs) this.labels.push({ spec, attached: false });
    this.showForZoom();
  }

  /** The marker of a name due in view for the first time: on the map until its size is read. */
  private make(spec: LabelSpec): Marker {
    const { map, maplibre } = this.context;
    const element = document.createElement('div');
    element.className = `park-map-label park-map-label-${spec.kind}`;
    // Text from data is text: textContent, never HTML.
    element.textContent = spec.text;
    element.lang = spec.textLang;
    element.setAttribute('aria-hidden', 'true');
    return new maplibre.Marker({ element, anchor: 'center' }).setLngLat(spec.position).addTo(map);
  }

  private remove(): void {
    for (const { marker, attached } of this.labels) if (attached) marker?.remove();
    this.labels = [];
  }

  /**
   * Shows the labels of this zoom, in view, that pass the filters, dropping any that would overlap
   * one already placed (zones, parks, buildings, projects, in data order within each), at most
   * LABEL_LIMIT: names stay readable where features crowd. A name not shown leaves the map; one
   * shown again comes back.
   */
  readonly showForZoom = (): void => {
    const { map, store } = this.context;
    const zoom = map.getZoom();
    const passing = store.passing;
    // The canvas's pixels (no layout read): the view in CSS pixels.
    const canvas = map.getCanvas();
    const width = canvas.width / map.getPixelRatio();
    const height = canvas.height / map.getPixelRatio();
    // Buildings and projects are many: those far outside the view are passed over without
    // projecting them (a quarter of the view's size around it, for names that stick out).
    const view = map.getBounds();
    const margin = Math.max(view.getEast() - view.getWest(), view.getNorth() - view.getSouth()) / 4;
    const near = (position: [number, number]): boolean =>
      position[0] > view.getWest() - margin &&
      position[0] < view.getEast() + margin &&
      position[1] > view.getSouth() - margin &&
      position[1] < view.getNorth() + margin;
    // The names due in view, with their point on the canvas.
    const due: { label: Label; x: number; y: number }[] = [];
    for (const label of this.labels) {
      const { spec } = label;
      if (zoom < spec.minZoom || zoom >= spec.maxZoom) continue;
      if (passing !== null && !spec.context && !passing.has(spec.id)) continue;
      if (spec.kind !== 'zone' && spec.kind !== 'park' && !near(spec.position)) continue;
      const { x, y } = map.project(spec.position);
      // Far off the canvas: not even worth a marker.
      if (x < -width / 2 || x > width * 1.5 || y < -height / 2 || y > height * 1.5) continue;
      due.push({ label, x, y });
      // Placing stops at the limit, so no more need be due than a generous multiple of it.
      if (due.length >= LABEL_LIMIT * 4) break;
    }
    // Markers for names due for the first time (all made, then all sizes read: one layout).
    const made: Label[] = [];
    for (const { label } of due) {
      if (label.marker) continue;
      label.marker = this.make(label.spec);
      label.attached = true;
      made.push(label);
    }
    // Sizes are read once, all before any change: reading one after a change would make the
    // browser lay out again, once per label. (Hiding is `visibility`, so sizes do not depend on it.)
    for (const label of made) {
      const element = label.marker!.getElement();
      label.size = { width: element.offsetWidth, height: element.offsetHeight };
    }
    if (!this.overlays || !map.isMoving()) this.overlays = overlayBoxes(map.getContainer());
    // Names are not placed over the controls and panels, nor over the clusters' circles.
    const blocked = [...this.overlays, ...this.avoid()];
    const placed: Box[] = [];
    const shown = new Set<Label>();
    for (const { label, x, y } of due) {
      if (placed.length >= LABEL_LIMIT) break;
      const size = label.size!;
      const halfWidth = size.width / 2 + 2;
      const halfHeight = size.height / 2 + 1;
      // On its point; else just below or above it, clear of a cluster's circle there.
      const step = halfHeight + 24;
      for (const dy of [0, step, -step]) {
        // A name that would be cut at a side of the canvas is pulled inside, as long as it still
        // reaches its point (else it is not shown).
        let dx = 0;
        if (x - halfWidth < EDGE) dx = EDGE - (x - halfWidth);
        else if (x + halfWidth > width - EDGE) dx = width - EDGE - (x + halfWidth);
        if (Math.abs(dx) > halfWidth) continue;
        const box = {
          left: x + dx - halfWidth,
          right: x + dx + halfWidth,
          top: y + dy - halfHeight,
          bottom: y + dy + halfHeight,
        };
        // A name on another name's place is dropped (the first placed wins, as ever); one under
        // a control or a cluster, or cut at the top or bottom, moves below or above its point.
        if (placed.some((other) => overlap(box, other))) {
          if (dy === 0) break;
          continue;
        }
        if (box.top < EDGE || box.bottom > height - EDGE) continue;
        if (blocked.some((other) => overlap(box, other))) continue;
        placed.push(box);
        shown.add(label);
        label.offset = [dx, dy];
        break;
      }
    }
    for (const label of this.labels) {
      const marker = label.marker;
      if (!marker) continue;
      const visible = shown.has(label);
      if (visible) {
        const [dx, dy] = label.offset!;
        const now = marker.getOffset();
        if (now.x !== dx || now.y !== dy) marker.setOffset([dx, dy] as PointLike);
      }
      marker.getElement().classList.toggle('park-map-label-hidden', !visible);
      if (visible !== label.attached) {
        if (visible) marker.addTo(map);
        else marker.remove();
        label.attached = visible;
      }
    }
  };
}
