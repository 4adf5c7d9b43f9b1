// Filters that show their result: when what passes the filters changes, the map eases to frame it
// (three parks are not left as specks, nor six matches outside the view). The reader's own view
// wins: once they have moved the map since it was last framed, it is framed again only when
// nothing that passes is in view. A cleared filter frames everything on the same terms. With
// vector tiles the loaded features are only those of the tiles in view: nothing is framed. Loaded
// with MapLibre.
import type { Map as MapLibreMap, MapLibreEvent } from 'maplibre-gl';
import { bboxOf } from '../data/bbox.js';
import type { ParkFeature } from '../data/types.js';
import type { MapContext, MapPart } from './map-part.js';

export class FilterFraming implements MapPart {
  /** The reader moved the map (a drag, a wheel, a key) since it was last framed. */
  private moved: boolean;
  /** What passed when the filters last changed (null: no filter). */
  private last: ReadonlySet<string> | null = null;

  constructor(private readonly context: MapContext) {
    // A camera from the page or its URL is the reader's view too.
    this.moved = context.camera.given;
    this.last = context.store.passing;
  }

  onAdd(map: MapLibreMap): void {
    map.on('movestart', this.onMoveStart);
  }

  onRemove(map: MapLibreMap): void {
    map.off('movestart', this.onMoveStart);
  }

  /** Only a reader's move has an original DOM event; the element's own camera moves have none. */
  private readonly onMoveStart = (event: MapLibreEvent<unknown>): void => {
    if (event.originalEvent) this.moved = true;
  };

  /** The filters' result changed (or the data did: the same result is not framed again). */
  filterChanged(): void {
    const { store, camera, tiled } = this.context;
    const passing = store.passing;
    const was = this.last;
    this.last = passing;
    // A new as-of date leaves the camera where it is (features come and go in place).
    if (store.dateChanging) return;
    if (tiled || passing === was || (passing === null && was === null)) return;
    const shown = passing === null ? store.features : store.shown;
    if (shown.length === 0) return;
    if (this.moved && this.someInView(shown)) return;
    this.moved = false;
    camera.fitTo(shown, true);
  }

  /** True when a feature's box meets the view (as drawn: shifted into the basemap's system). */
  private someInView(features: readonly ParkFeature[]): boolean {
    const view = this.context.map.getBounds();
    const [west, south, east, north] = [
      view.getWest(),
      view.getSouth(),
      view.getEast(),
      view.getNorth(),
    ];
    for (const feature of this.context.camera.shift(features)) {
      const box = bboxOf([feature]);
      if (box && box[0] <= east && box[2] >= west && box[1] <= north && box[3] >= south) {
        return true;
      }
    }
    return false;
  }
}
