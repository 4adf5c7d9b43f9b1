// Vector tiles: the filter on the map. What the filter expression leaves out is hidden through
// feature state (the `hidden` state the layers' opacities read), in every tile MapLibre holds, drawn
// or kept aside for later (it brings a kept tile back without an event), and in each tile as it
// comes in, before its first frame; a layer filter would make MapLibre's workers cut every tile
// again. Where that is not exact or not cheap (TileHiding), the layers get the expression as a
// filter instead, until the next filter change. Loaded with MapLibre (the map chunk).
import type { FilterSpecification, Map as MapLibreMap, MapSourceDataEvent } from 'maplibre-gl';
import { TileHiding, idsLeftOut } from './hidden-features.js';
import { EXTRUSION_LAYER, HIDDEN_STATE, SOURCE_ID } from './layer-ids.js';
import { SOURCE_LAYER, TILE_ID_PROPERTY } from './tile-source.js';

type TilePiece = ReturnType<MapLibreMap['querySourceFeatures']>[number];
type TileQueryParams = NonNullable<Parameters<MapLibreMap['querySourceFeatures']>[1]>;

/**
 * What this code reads of MapLibre's tile (`event.tile`, typed `any`): its state and its own query.
 * Were either to go in a later MapLibre, readTiles says so and the filter falls back to layers.
 */
interface HeldTile {
  state?: string;
  querySourceFeatures?(result: TilePiece[], params: TileQueryParams): void;
}

/** How many of MapLibre's tiles are held before the unloaded ones are first let go. */
const HELD_TILES_SWEEP = 64;

export class TileFilter {
  /** The expression in force (null: nothing is filtered). */
  private expression: FilterSpecification | null = null;
  private readonly hiding = new TileHiding();
  /** The layers carry the expression (feature state could not hide what it leaves out). */
  private layersFiltered = false;
  /** MapLibre's tiles of the source, drawn or kept (see take). */
  private readonly held = new Set<HeldTile>();
  /** The size of `held` at which unloaded tiles are next let go. */
  private sweepAt = HELD_TILES_SWEEP;

  /**
   * `baseFilters`: each filterable layer's own filter, read when needed (the caller fills it as
   * the layers are added, after this is made). The 3D layer, whose opacity can not read feature
   * state, is the caller's: it gets the expression as a layer filter while it shows.
   */
  constructor(
    private readonly map: MapLibreMap,
    private readonly baseFilters: ReadonlyMap<string, FilterSpecification>,
  ) {}

  /** How many of MapLibre's tiles this holds on to (those it unloaded go at the next sweep). */
  get heldCount(): number {
    return this.held.size;
  }

  /** The feature is drawn unseen: feature state hides it. */
  isHidden(id: string): boolean {
    return this.hiding.hidden.has(id);
  }

  /** Shows only what the expression passes (null: everything). */
  apply(expression: FilterSpecification | null): void {
    this.expression = expression;
    const read = expression
      ? this.read([...this.held], expression)
      : { toHide: new Set<string>(), seen: [] };
    const plan = read && this.hiding.plan(read.toHide, read.seen);
    if (plan) {
      this.setHidden(plan.hide, plan.show);
      if (this.layersFiltered) this.setLayerFilters(false);
    } else this.fallBack();
  }

  /**
   * MapLibre's `sourcedata` event: its tile (`event.tile`) is held until MapLibre unloads it. One
   * that loaded while a filter is on gets its left-out features hidden before it is first drawn
   * (MapLibre sends this event before the next frame).
   */
  take(event: MapSourceDataEvent): void {
    if (event.sourceId !== SOURCE_ID || !event.tile) return;
    const tile = event.tile as HeldTile;
    this.held.add(tile);
    // Let go of the tiles MapLibre unloaded, now and then (each time the set doubles).
    if (this.held.size > this.sweepAt) {
      for (const kept of this.held) if (kept.state === 'unloaded') this.held.delete(kept);
      this.sweepAt = Math.max(HELD_TILES_SWEEP, 2 * this.held.size);
    }
    if (!this.expression || this.layersFiltered) return;
    const read = this.read([tile], this.expression);
    const fresh = read && this.hiding.add(read.toHide, read.seen);
    if (fresh) this.setHidden(fresh, []);
    else this.fallBack();
  }

  private fallBack(): void {
    this.setHidden([], this.hiding.clear());
    this.setLayerFilters(true);
  }

  /**
   * Of the features in these tiles, the ids seen and those `filter` leaves out (MapLibre
   * evaluates it, as a layer filter would). Tiles MapLibre unloaded are let go; undefined when a
   * tile can not be read (not MapLibre's tile as this code knows it).
   */
  private read(
    tiles: readonly HeldTile[],
    filter: FilterSpecification,
  ): { toHide: Set<string>; seen: Set<string> } | undefined {
    const all: TilePiece[] = [];
    const passing: TilePiece[] = [];
    for (const tile of tiles) {
      if (typeof tile.querySourceFeatures !== 'function') return undefined;
      if (tile.state === 'unloaded') {
        this.held.delete(tile);
        continue;
      }
      tile.querySourceFeatures(all, { sourceLayer: SOURCE_LAYER });
      tile.querySourceFeatures(passing, { sourceLayer: SOURCE_LAYER, filter });
    }
    const seen = new Set<string>();
    for (const { properties } of all) {
      const id = properties[TILE_ID_PROPERTY];
      if (typeof id === 'string') seen.add(id);
    }
    return { toHide: idsLeftOut(all, passing, TILE_ID_PROPERTY), seen };
  }

  private setHidden(hide: Iterable<string>, show: Iterable<string>): void {
    const target = (id: string) => ({ source: SOURCE_ID, sourceLayer: SOURCE_LAYER, id });
    for (const id of show) this.map.removeFeatureState(target(id), HIDDEN_STATE);
    for (const id of hide) this.map.setFeatureState(target(id), { [HIDDEN_STATE]: true });
  }

  /** Every layer filtered by the expression too (`on`), or by its own filter only. */
  private setLayerFilters(on: boolean): void {
    this.layersFiltered = on;
    for (const [layer, base] of this.baseFilters) {
      if (layer === EXTRUSION_LAYER || !this.map.getLayer(layer)) continue;
      const filter = on && this.expression ? ['all', base, this.expression] : base;
      this.map.setFilter(layer, filter as FilterSpecification);
    }
  }
}
