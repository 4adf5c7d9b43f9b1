// drawnKey against MapLibre's own source of the hash: the murmurhash-js package its getNumericId
// calls (a devDependency here, for this comparison only), and a pair of ids known to share a key.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { drawnKey } from '../../src/map/drawn-key.js';

const murmur3 = createRequire(import.meta.url)('murmurhash-js') as (text: string) => number;

describe('drawnKey', () => {
  it('is the murmurhash-js hash of a string id, at every length and for any text', () => {
    const ids = [
      '',
      'a',
      'ab',
      'abc',
      'abcd',
      'abcde',
      'b-4487',
      't-building-a',
      'hengyang-high-tech-zone',
      '衡阳高新区',
      '湘乡经开区·电子信息产业园',
      'zone/park#3 ✓',
      '\u0000\uffff\ud83d\ude00',
    ];
    for (let length = 0; length < 40; length++) ids.push('x'.repeat(length) + String(length));
    for (const id of ids) {
      if (Number.isNaN(+id)) expect(drawnKey(id), id).toBe(murmur3(id));
    }
  });

  it('gives two ids MapLibre files alike one key (a pair found among 100 000 ids)', () => {
    expect(drawnKey('b-4487')).toBe(894555700);
    expect(drawnKey('b-115654')).toBe(894555700);
  });

  it('reads an id that is a safe number as that number, as getNumericId does', () => {
    expect(drawnKey('42')).toBe(42);
    expect(drawnKey('042')).toBe(42);
    expect(drawnKey(' 7 ')).toBe(7);
    expect(drawnKey('')).toBe(0);
    expect(drawnKey('1e3')).toBe(1000);
    expect(drawnKey('0x10')).toBe(16);
    expect(drawnKey('9007199254740993')).toBe(murmur3('9007199254740993'));
    expect(drawnKey('-5')).toBe(-5);
  });
});
