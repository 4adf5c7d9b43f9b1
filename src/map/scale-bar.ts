// The scale bar: MapLibre's own ScaleControl (metric), in the lower left corner above the element's
// view buttons. Its units are MapLibre's UI strings (`ScaleControl.Kilometers`…), which the map's
// locale gives (i18n/map-locale.ts): 公里/米 in Chinese, km/m in English.
import type { Map as MapLibreMap, ScaleControl } from 'maplibre-gl';
import { VIEW_BUTTONS_HEIGHT } from '../ui/map-stage.styles.js';
import type { MapContext, MapPart } from './map-part.js';

export class ScaleBar implements MapPart {
  private control: ScaleControl | undefined;

  constructor(private readonly context: MapContext) {}

  onAdd(map: MapLibreMap): void {
    this.control = new this.context.maplibre.ScaleControl({ unit: 'metric', maxWidth: 100 });
    map.addControl(this.control, 'bottom-left');
    // The corner is MapLibre's, made with each map: lifted above the 2D/3D and list buttons, which
    // sit in the same corner of the stage (inline: nothing added to the first load's stylesheet).
    const corner = map.getContainer().querySelector<HTMLElement>('.maplibregl-ctrl-bottom-left');
    if (corner) corner.style.bottom = VIEW_BUTTONS_HEIGHT;
  }

  onRemove(map: MapLibreMap): void {
    if (this.control) map.removeControl(this.control);
    this.control = undefined;
  }

  /** The language changed: the label written again with the map's new locale. */
  langChanged(): void {
    this.control?.setUnit('metric');
  }
}
