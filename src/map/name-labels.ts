// The names of zones and parks on the map, as HTML markers (text, not glyphs: basemap="none" needs
// no font server): those of this zoom that pass the filters, minus any that would overlap one
// already placed. With tiles, only the names in view, remade when the view stops. Loaded with
// MapLibre; labels.ts says which features get a name, where and from which zoom.
import type { Map as MapLibreMap, Marker } from 'maplibre-gl';
import type { ParkFeature } from '../data/types.js';
import { resolveLang } from '../i18n/lang.js';
import { labelSpecs, tileLabelSpecs, type LabelSpec } from './labels.js';
import type { MapContext, MapPart } from './map-part.js';

export class NameLabels implements MapPart {
  /**
   * The markers, with the zoom range each shows in, its size (read once, when it is made) and
   * whether it is on the map: only the names shown are, so MapLibre moves (and the browser styles)
   * those alone on every frame, not hundreds of hidden ones.
   */
  private labels: {
    spec: LabelSpec;
    marker: Marker;
    size?: { width: number; height: number };
    attached: boolean;
  }[] = [];
  private frame: number | undefined;

  /** `displayed`: the GeoJSON features as drawn (shifted into the basemap's system). */
  constructor(
    private readonly context: MapContext,
    private readonly displayed: () => readonly ParkFeature[],
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
    const { map, maplibre, store, host, tiled } = this.context;
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
    } else specs = labelSpecs(this.displayed(), lang);
    this.remove();
    for (const spec of specs) {
      const element = document.createElement('div');
      element.className = `park-map-label park-map-label-${spec.kind}`;
      // Text from data is text: textContent, never HTML.
      element.textContent = spec.text;
      element.lang = spec.textLang;
      element.setAttribute('aria-hidden', 'true');
      const marker = new maplibre.Marker({ element, anchor: 'center' }).setLngLat(spec.position);
      // On the map until its size is read (showForZoom), all in one layout.
      marker.addTo(map);
      this.labels.push({ spec, marker, attached: true });
    }
    this.showForZoom();
  }

  private remove(): void {
    for (const { marker, attached } of this.labels) if (attached) marker.remove();
    this.labels = [];
  }

  /**
   * Shows the labels of this zoom, in view, that pass the filters, dropping any that would overlap
   * one already placed (zones first, then in data order): names stay readable where zones crowd.
   * A name not shown leaves the map; one shown again comes back.
   */
  readonly showForZoom = (): void => {
    const { map, store } = this.context;
    const zoom = map.getZoom();
    const passing = store.passing;
    // The canvas's pixels (no layout read): the view in CSS pixels.
    const canvas = map.getCanvas();
    const width = canvas.width / map.getPixelRatio();
    const height = canvas.height / map.getPixelRatio();
    const placed: { left: number; right: number; top: number; bottom: number }[] = [];
    // Sizes are read once, all before any change: reading one after a change would make the
    // browser lay out again, once per label. (Hiding is `visibility`, so sizes do not depend on it.)
    for (const label of this.labels) {
      if (label.size) continue;
      const element = label.marker.getElement();
      label.size = { width: element.offsetWidth, height: element.offsetHeight };
    }
    for (const label of this.labels) {
      const { spec, marker, size } = label;
      let visible =
        zoom >= spec.minZoom && zoom < spec.maxZoom && (passing === null || passing.has(spec.id));
      if (visible) {
        const { x, y } = map.project(spec.position);
        const halfWidth = size!.width / 2 + 2;
        const halfHeight = size!.height / 2 + 1;
        const box = {
          left: x - halfWidth,
          right: x + halfWidth,
          top: y - halfHeight,
          bottom: y + halfHeight,
        };
        const inView = box.right > 0 && box.left < width && box.bottom > 0 && box.top < height;
        const overlaps = placed.some(
          (other) =>
            box.left < other.right &&
            other.left < box.right &&
            box.top < other.bottom &&
            other.top < box.bottom,
        );
        if (!inView || overlaps) visible = false;
        else placed.push(box);
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
