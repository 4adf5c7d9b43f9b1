// The key MapLibre files a feature's id under in the buffers it draws (its getNumericId): the number
// an id reads as, when it reads as a safe one, else the 32-bit MurmurHash3 of its text as the
// murmurhash-js package computes it (seed 0, the low byte of each UTF-16 unit). Feature state set for
// one id is applied to every feature whose key is the same: two string ids can share one. Pure.

/** MapLibre's key for a feature id in its drawn buffers. */
export function drawnKey(id: string): number {
  const number = +id;
  if (!Number.isNaN(number) && number <= Number.MAX_SAFE_INTEGER) return number;
  return murmur3(id);
}

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

/** MurmurHash3 (x86, 32 bits, seed 0) of the low bytes of the text's UTF-16 units. */
function murmur3(text: string): number {
  const length = text.length;
  const tail = length & 3;
  const body = length - tail;
  let hash = 0;
  let i = 0;
  while (i < body) {
    let block =
      (text.charCodeAt(i) & 0xff) |
      ((text.charCodeAt(i + 1) & 0xff) << 8) |
      ((text.charCodeAt(i + 2) & 0xff) << 16) |
      ((text.charCodeAt(i + 3) & 0xff) << 24);
    i += 4;
    block = Math.imul(block, C1);
    block = (block << 15) | (block >>> 17);
    block = Math.imul(block, C2);
    hash ^= block;
    hash = (hash << 13) | (hash >>> 19);
    hash = (Math.imul(hash, 5) + 0xe6546b64) | 0;
  }
  let last = 0;
  if (tail === 3) last ^= (text.charCodeAt(i + 2) & 0xff) << 16;
  if (tail >= 2) last ^= (text.charCodeAt(i + 1) & 0xff) << 8;
  if (tail >= 1) {
    last ^= text.charCodeAt(i) & 0xff;
    last = Math.imul(last, C1);
    last = (last << 15) | (last >>> 17);
    last = Math.imul(last, C2);
    hash ^= last;
  }
  hash ^= length;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}
