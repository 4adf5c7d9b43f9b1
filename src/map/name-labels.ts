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
  /** The markers shown, with the zoom range each shows in. */
  private labels: { spec: LabelSpec; marker: Marker }[] = [];
  private frame: number | undefined;

  /** `displayed`: the GeoJSON features as drawn (shifted into the basemap's system). */
  constructor(
    private readonly context: MapContext,
    private readonly displayed: () => readonly ParkFeature[],
  ) {}

  onAdd(map: MapLibreMap): void {
    map.on('zoom', this.showForZoom);
    map.on('pitch', this.showForZoom);
    if (this.context.tiled) map.on('moveend', this.schedule);
  }

  onLoad(): void {
    this.update();
  }

  onRemove(map: MapLibreMap): void {
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    this.frame = undefined;
    map.off('zoom', this.showForZoom);
    map.off('pitch', this.showForZoom);
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
      marker.addTo(map);
      this.labels.push({ spec, marker });
    }
    this.showForZoom();
  }

  private remove(): void {
    for (const { marker } of this.labels) marker.remove();
    this.labels = [];
  }

  /**
   * Shows the labels of this zoom that pass the filters, dropping any that would overlap one
   * already placed (zones first, then in data order): names stay readable where zones crowd.
   */
  readonly showForZoom = (): void => {
    const { map, store } = this.context;
    const zoom = map.getZoom();
    const passing = store.passing;
    const placed: { left: number; right: number; top: number; bottom: number }[] = [];
    // All sizes first, then the class changes: reading a size after a change would make the
    // browser lay out again, once per label on every zoom frame. (Hiding is `visibility`, so sizes
    // do not depend on it.)
    const sizes = this.labels.map(({ marker }) => {
      const element = marker.getElement();
      return { width: element.offsetWidth, height: element.offsetHeight };
    });
    for (const [index, { spec, marker }] of this.labels.entries()) {
      const element = marker.getElement();
      const size = sizes[index]!;
      let visible =
        zoom >= spec.minZoom && zoom < spec.maxZoom && (passing === null || passing.has(spec.id));
      if (visible) {
        const { x, y } = map.project(spec.position);
        const halfWidth = size.width / 2 + 2;
        const halfHeight = size.height / 2 + 1;
        const box = {
          left: x - halfWidth,
          right: x + halfWidth,
          top: y - halfHeight,
          bottom: y + halfHeight,
        };
        const overlaps = placed.some(
          (other) =>
            box.left < other.right &&
            other.left < box.right &&
            box.top < other.bottom &&
            other.top < box.bottom,
        );
        if (overlaps) visible = false;
        else placed.push(box);
      }
      element.classList.toggle('park-map-label-hidden', !visible);
    }
  };
}
