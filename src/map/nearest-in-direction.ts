// Which feature an arrow key moves the map's keyboard focus to (feature-keyboard.ts): the nearest
// one in that direction on screen, as spatial navigation picks the next element. Pure.

/** An arrow key's direction on screen. */
export type Direction = 'left' | 'right' | 'up' | 'down';

/** A position on screen, in CSS pixels: x to the right, y downwards (as MapLibre's `project`). */
export interface ScreenPoint {
  readonly x: number;
  readonly y: number;
}

/** The direction an arrow key (its `KeyboardEvent.key`) moves, or undefined for any other key. */
export function arrowDirection(key: string): Direction | undefined {
  switch (key) {
    case 'ArrowLeft':
      return 'left';
    case 'ArrowRight':
      return 'right';
    case 'ArrowUp':
      return 'up';
    case 'ArrowDown':
      return 'down';
    default:
      return undefined;
  }
}

/**
 * How much an offset across the direction counts against a candidate, beside one along it: a
 * feature straight ahead wins over one nearer but off to the side, as in the W3C's and WebKit's
 * spatial navigation, which both weigh the orthogonal distance more.
 */
export const OFF_AXIS_WEIGHT = 2;

/** `to` as seen from `from`: how far along `direction` and how far across it. */
function offsets(
  from: ScreenPoint,
  to: ScreenPoint,
  direction: Direction,
): { along: number; across: number } {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  switch (direction) {
    case 'right':
      return { along: dx, across: Math.abs(dy) };
    case 'left':
      return { along: -dx, across: Math.abs(dy) };
    case 'down':
      return { along: dy, across: Math.abs(dx) };
    case 'up':
      return { along: -dy, across: Math.abs(dx) };
  }
}

/**
 * The candidate nearest to `from` in `direction`, or undefined when none lies that way. A candidate
 * lies that way when it is ahead and within ±45° of the direction (the cone's edges included); of
 * those, the one with the smallest distance plus {@link OFF_AXIS_WEIGHT} × its offset across the
 * direction wins. Ties go to the smaller offset across, then to the one listed first (callers list
 * in reading order). A candidate at `from` itself is never ahead: leave the focused one in or out.
 */
export function nearestInDirection<T extends ScreenPoint>(
  from: ScreenPoint,
  candidates: readonly T[],
  direction: Direction,
): T | undefined {
  let best: T | undefined;
  let bestScore = Infinity;
  let bestAcross = Infinity;
  for (const candidate of candidates) {
    const { along, across } = offsets(from, candidate, direction);
    if (!(along > 0) || across > along) continue;
    const score = Math.hypot(along, across) + OFF_AXIS_WEIGHT * across;
    if (score < bestScore || (score === bestScore && across < bestAcross)) {
      best = candidate;
      bestScore = score;
      bestAcross = across;
    }
  }
  return best;
}
