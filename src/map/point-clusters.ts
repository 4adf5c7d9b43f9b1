// GeoJSON: the project points clustered at low zoom by MapLibre's own clustering (a source of their
// own, of those the filters pass), each cluster a circle with its count as an HTML label (text, not
// glyphs: basemap="none" needs no font server); a click on one zooms in until it comes apart.
// The main source's point layer then draws only the other points (parks). Loaded with MapLibre.
import type { GeoJSONSource, Map as MapLibreMap, Marker, PointLike } from 'maplibre-gl';
import type { Box } from './camera.js';
import { ID_PROPERTY } from './layer-ids.js';
import type { MapContext, MapPart } from './map-part.js';

export const CLUSTER_SOURCE_ID = 'park-map-clusters';
export const CLUSTER_LAYER = 'park-map-cluster';
export const CLUSTER_POINT_LAYER = 'park-map-cluster-point';
/** Clustered up to this zoom; each point on its own beyond it. */
const CLUSTER_MAX_ZOOM = 14;
/** A cluster's radius by its count (the circle layer's `step`), its white rim added in boxes(). */
const clusterRadius = (count: number): number => (count < 10 ? 13 : count < 50 ? 16 : 20);
const RIM = 2;

export class PointClusters implements MapPart {
  /** The count labels on the map, by cluster id, with each cluster's count. */
  private counts = new Map<number, { marker: Marker; count: number }>();

  /** `onChange`: the clusters drawn changed (names are placed clear of them again). */
  constructor(
    private readonly context: MapContext,
    private readonly onChange: () => void = () => {},
  ) {}

  onLoad(map: MapLibreMap): void {
    const { theme } = this.context;
    map.addSource(CLUSTER_SOURCE_ID, {
      type: 'geojson',
      data: this.points(),
      cluster: true,
      clusterMaxZoom: CLUSTER_MAX_ZOOM,
      clusterRadius: 48,
    });
    // The main source's points: all but the projects, which are drawn from here.
    map.setFilter('park-map-project-point', [
      'all',
      ['==', ['geometry-type'], 'Point'],
      ['!=', ['get', 'kind'], 'project'],
    ]);
    const below = map.getLayer('park-map-hover-line') ? 'park-map-hover-line' : undefined;
    map.addLayer(
      {
        id: CLUSTER_LAYER,
        type: 'circle',
        source: CLUSTER_SOURCE_ID,
        filter: ['has', 'point_count'],
        paint: {
          'circle-color': theme.hover,
          'circle-opacity': 0.85,
          'circle-radius': [
            'step',
            ['get', 'point_count'],
            clusterRadius(1),
            10,
            clusterRadius(10),
            50,
            clusterRadius(50),
          ],
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': RIM,
        },
      },
      below,
    );
    const point = map.getLayer('park-map-project-point');
    map.addLayer(
      {
        id: CLUSTER_POINT_LAYER,
        type: 'circle',
        source: CLUSTER_SOURCE_ID,
        filter: ['!', ['has', 'point_count']],
        paint: {
          'circle-color': point
            ? map.getPaintProperty('park-map-project-point', 'circle-color')
            : theme.noStatus,
          'circle-radius': 7,
          'circle-stroke-color': theme.buildingLine,
          'circle-stroke-width': 1.5,
        },
      } as Parameters<MapLibreMap['addLayer']>[0],
      below,
    );
    map.on('render', this.showCounts);
  }

  onRemove(map: MapLibreMap): void {
    map.off('render', this.showCounts);
    for (const { marker } of this.counts.values()) marker.remove();
    this.counts.clear();
  }

  /** The boxes of the clusters drawn, on the canvas (CSS pixels), rim included. */
  boxes(): Box[] {
    const map = this.context.map;
    const boxes: Box[] = [];
    for (const { marker, count } of this.counts.values()) {
      const { x, y } = map.project(marker.getLngLat());
      const r = clusterRadius(count) + RIM;
      boxes.push({ left: x - r, top: y - r, right: x + r, bottom: y + r });
    }
    return boxes;
  }

  /** The project points the filters pass, as drawn (shifted into the basemap's system). */
  private points() {
    const { store, camera } = this.context;
    const passing = store.passing;
    const features = [];
    for (const feature of camera.shift(store.features, true)) {
      const { kind, status } = feature.properties;
      if (kind !== 'project' || feature.geometry.type !== 'Point') continue;
      if (passing !== null && !passing.has(feature.id)) continue;
      features.push({
        type: 'Feature' as const,
        geometry: feature.geometry,
        properties: { [ID_PROPERTY]: feature.id, kind, status: status ?? 'none' },
      });
    }
    return { type: 'FeatureCollection' as const, features };
  }

  /** New data or a new filter outcome: the points again. */
  update(): void {
    this.context.map.getSource<GeoJSONSource>(CLUSTER_SOURCE_ID)?.setData(this.points());
  }

  /** The count of each cluster drawn, as a label on it; those no longer drawn go. */
  private readonly showCounts = (): void => {
    const { map, maplibre } = this.context;
    if (!map.getLayer(CLUSTER_LAYER)) return;
    const drawn = new Set<number>();
    let changed = false;
    for (const cluster of map.queryRenderedFeatures({ layers: [CLUSTER_LAYER] })) {
      const id = cluster.properties.cluster_id as number;
      if (drawn.has(id) || cluster.geometry.type !== 'Point') continue;
      drawn.add(id);
      const position = cluster.geometry.coordinates as [number, number];
      const shown = this.counts.get(id);
      if (!shown) {
        const count = cluster.properties.point_count as number;
        const element = document.createElement('div');
        element.className = 'park-map-cluster-count';
        element.setAttribute('aria-hidden', 'true');
        element.style.cssText =
          'pointer-events:none;font-size:12px;font-weight:600;color:#ffffff;line-height:1';
        element.textContent = String(count);
        const marker = new maplibre.Marker({ element, anchor: 'center' })
          .setLngLat(position)
          .addTo(map);
        this.counts.set(id, { marker, count });
        changed = true;
      } else shown.marker.setLngLat(position);
    }
    for (const [id, { marker }] of this.counts) {
      if (drawn.has(id)) continue;
      marker.remove();
      this.counts.delete(id);
      changed = true;
    }
    if (changed) this.onChange();
  };

  /** A cluster at this point: the map zooms in until it comes apart (true), else false. */
  expandAt(point: PointLike): boolean {
    const map = this.context.map;
    if (!map.getLayer(CLUSTER_LAYER)) return false;
    const [cluster] = map.queryRenderedFeatures(point, { layers: [CLUSTER_LAYER] });
    if (!cluster || cluster.geometry.type !== 'Point') return false;
    const center = cluster.geometry.coordinates as [number, number];
    const source = map.getSource<GeoJSONSource>(CLUSTER_SOURCE_ID)!;
    void source.getClusterExpansionZoom(cluster.properties.cluster_id as number).then((zoom) => {
      if (this.context.map.getSource(CLUSTER_SOURCE_ID)) map.easeTo({ center, zoom });
    });
    return true;
  }
}
