// Snapping for the measuring tools: the vertices of parks, plots and buildings in a grid of
// 0.001° cells (≈ 100 m), so a pointer move looks at a few cells, not every vertex. Pure.
import type { ParkFeature, Position } from '../data/types.js';

const CELL_DEGREES = 0.001;
const SNAP_KINDS = new Set(['park', 'plot', 'building', 'project']);

export interface VertexIndex {
  cells: Map<string, Position[]>;
}

const cellKey = (column: number, row: number) => `${column}:${row}`;

/** Indexes every ring vertex of the polygon parks, plots, buildings and projects (not zones). */
export function buildVertexIndex(features: readonly ParkFeature[]): VertexIndex {
  const cells = new Map<string, Position[]>();
  const add = (position: Position) => {
    const [lon, lat] = position;
    if (lon === undefined || lat === undefined) return;
    const key = cellKey(Math.floor(lon / CELL_DEGREES), Math.floor(lat / CELL_DEGREES));
    const cell = cells.get(key);
    if (cell) cell.push(position);
    else cells.set(key, [position]);
  };
  for (const feature of features) {
    if (!SNAP_KINDS.has(feature.properties.kind)) continue;
    const geometry = feature.geometry;
    if (geometry.type === 'Polygon') geometry.coordinates.forEach((ring) => ring.forEach(add));
    else if (geometry.type === 'MultiPolygon') {
      geometry.coordinates.forEach((polygon) => polygon.forEach((ring) => ring.forEach(add)));
    }
  }
  return { cells };
}

/**
 * The indexed vertex nearest to the pointer on screen, if within `maxPixels`; `project` maps
 * lon/lat to screen pixels. Looks at the pointer's cell and its neighbours sized to `maxPixels`.
 */
export function nearestVertex(
  index: VertexIndex,
  pointerLngLat: Position,
  pointerPixels: { x: number; y: number },
  project: (lng: number, lat: number) => { x: number; y: number },
  maxPixels: number,
): Position | undefined {
  const [lon, lat] = pointerLngLat;
  if (lon === undefined || lat === undefined) return undefined;
  // How many degrees maxPixels spans here, from the screen scale one cell away.
  const east = project(lon + CELL_DEGREES, lat);
  const pixelsPerCell = Math.max(
    Math.hypot(east.x - pointerPixels.x, east.y - pointerPixels.y),
    1e-9,
  );
  const reach = Math.min(Math.ceil(maxPixels / pixelsPerCell), 50);
  const column = Math.floor(lon / CELL_DEGREES);
  const row = Math.floor(lat / CELL_DEGREES);
  let best: Position | undefined;
  let bestDistance = maxPixels;
  for (let dx = -reach; dx <= reach; dx++) {
    for (let dy = -reach; dy <= reach; dy++) {
      const cell = index.cells.get(cellKey(column + dx, row + dy));
      if (!cell) continue;
      for (const vertex of cell) {
        const screen = project(vertex[0]!, vertex[1]!);
        const distance = Math.hypot(screen.x - pointerPixels.x, screen.y - pointerPixels.y);
        if (distance <= bestDistance) {
          bestDistance = distance;
          best = vertex;
        }
      }
    }
  }
  return best ? [best[0]!, best[1]!] : undefined;
}
