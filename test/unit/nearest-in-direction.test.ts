// nearestInDirection: which feature an arrow key moves the map's keyboard focus to. Expected values
// are worked by hand (screen pixels, y downwards; score = distance + 2 × offset across).
import { describe, expect, it } from 'vitest';
import {
  arrowDirection,
  nearestInDirection,
  type Direction,
} from '../../src/map/nearest-in-direction.js';

const at = (name: string, x: number, y: number) => ({ name, x, y });
const origin = { x: 0, y: 0 };
const nameOf = (
  candidates: readonly { name: string; x: number; y: number }[],
  direction: Direction,
  from = origin,
) => nearestInDirection(from, candidates, direction)?.name;

describe('nearestInDirection', () => {
  const cross = [at('east', 10, 0), at('west', -10, 0), at('south', 0, 10), at('north', 0, -10)];

  it.each([
    ['right', 'east'],
    ['left', 'west'],
    ['down', 'south'], // y grows downwards on screen
    ['up', 'north'],
  ] as const)('%s goes to the one %s', (direction, expected) => {
    expect(nameOf(cross, direction)).toBe(expected);
  });

  it('each arrow key names its direction; other keys none', () => {
    expect(
      ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'].map((key) => arrowDirection(key)),
    ).toEqual(['left', 'right', 'up', 'down']);
    for (const key of ['Left', 'Enter', ']', 'a', 'constructor', 'toString', '']) {
      expect(arrowDirection(key)).toBeUndefined();
    }
  });

  it('works from any point, not only the origin', () => {
    const from = { x: 400, y: 250 };
    const candidates = [at('a', 300, 250), at('b', 520, 260), at('c', 405, 100)];
    expect(nameOf(candidates, 'right', from)).toBe('b');
    expect(nameOf(candidates, 'left', from)).toBe('a');
    expect(nameOf(candidates, 'up', from)).toBe('c');
    expect(nameOf(candidates, 'down', from)).toBeUndefined();
  });

  it('takes the ±45° cone with its edges: exactly 45° is in, a hair beyond is out', () => {
    expect(nameOf([at('edge', 10, 10)], 'right')).toBe('edge');
    expect(nameOf([at('edge', 10, -10)], 'right')).toBe('edge');
    expect(nameOf([at('edge', 10, 10)], 'down')).toBe('edge'); // on both cones' edge
    expect(nameOf([at('beyond', 10, 10.01)], 'right')).toBeUndefined();
    expect(nameOf([at('beyond', 10, 10.01)], 'down')).toBe('beyond');
    expect(nameOf([at('beyond', -10.01, -10)], 'up')).toBeUndefined();
    expect(nameOf([at('beyond', -10.01, -10)], 'left')).toBe('beyond');
  });

  it('gives nothing when nothing lies that way', () => {
    const leftOnly = [at('a', -5, 0), at('b', -20, 3), at('c', 2, 40)];
    expect(nameOf(leftOnly, 'right')).toBeUndefined();
    expect(nameOf([], 'up')).toBeUndefined();
    // One at the point itself is not ahead in any direction.
    for (const direction of ['left', 'right', 'up', 'down'] as const) {
      expect(nameOf([at('here', 0, 0)], direction)).toBeUndefined();
    }
  });

  it('weighs an offset across the direction more: straight ahead beats nearer but aside', () => {
    // aside (10, 9): distance 13.45 + 2 × 9 = 31.45; ahead (30, 0): 30. Ahead wins though farther.
    expect(nameOf([at('aside', 10, 9), at('ahead', 30, 0)], 'right')).toBe('ahead');
    // aside (10, 5): 11.18 + 2 × 5 = 21.18 < 30: near enough to the axis, it wins.
    expect(nameOf([at('aside', 10, 5), at('ahead', 30, 0)], 'right')).toBe('aside');
    // Without the weight, plain distance would pick the other one: 13.45 < 30.
    expect(Math.hypot(10, 9)).toBeLessThan(30);
  });

  it('takes the nearer of two straight ahead', () => {
    expect(nameOf([at('far', 0, 80), at('near', 0, 20)], 'down')).toBe('near');
  });

  it('breaks a tie by the smaller offset across, whichever is listed first', () => {
    // (4, 3): distance 5 + 2 × 3 = 11; (11, 0): 11 + 0 = 11. The same score.
    expect(nameOf([at('aside', 4, 3), at('ahead', 11, 0)], 'right')).toBe('ahead');
    expect(nameOf([at('ahead', 11, 0), at('aside', 4, 3)], 'right')).toBe('ahead');
  });

  it('breaks a full tie by the order given (the caller lists in reading order)', () => {
    const mirrored = [at('above', 10, -4), at('below', 10, 4)];
    expect(nameOf(mirrored, 'right')).toBe('above');
    expect(nameOf([...mirrored].reverse(), 'right')).toBe('below');
  });

  it('returns the candidate itself and leaves the list as it was', () => {
    const candidates = Object.freeze([at('b', 5, 0), at('a', 9, 1)]);
    expect(nearestInDirection(origin, candidates, 'right')).toBe(candidates[0]);
    expect(candidates.map((candidate) => candidate.name)).toEqual(['b', 'a']);
  });
});
