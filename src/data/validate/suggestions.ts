// "Did you mean": the valid kind, status or coordinate system a misspelt or translated value most
// likely meant (known words first, then the nearest by edit distance).
import type { CoordinateSystem } from '../types.js';

export function suggestCoordinateSystem(value: string): CoordinateSystem | undefined {
  const key = value.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (/^(wgs84|wgs1984|epsg4326|4326|gps)$/.test(key)) return 'wgs84';
  if (/^(gcj02|gcj|amap|gaode|tencent|qq|mars)$/.test(key) || /高德|腾讯|火星/.test(value))
    return 'gcj02';
  if (/^(bd09|bd09ll|baidu|bmap)$/.test(key) || /百度/.test(value)) return 'bd09';
  return undefined;
}

export const STATUS_WORDS: [string, string][] = [
  ['运营中', 'operating'],
  ['已运营', 'operating'],
  ['运营', 'operating'],
  ['已投产', 'operating'],
  ['投产', 'operating'],
  ['in operation', 'operating'],
  ['operational', 'operating'],
  ['在建', 'under_construction'],
  ['建设中', 'under_construction'],
  ['施工中', 'under_construction'],
  ['under construction', 'under_construction'],
  ['已封顶', 'topped_out'],
  ['封顶', 'topped_out'],
  ['装修', 'fitting_out'],
  ['竣工', 'completed'],
  ['已完工', 'completed'],
  ['完工', 'completed'],
  ['建成', 'completed'],
  ['已签约', 'signed'],
  ['签约', 'signed'],
  ['规划', 'planned'],
  ['拟建', 'planned'],
];

export const KIND_WORDS: [string, string][] = [
  ['开发区', 'zone'],
  ['高新区', 'zone'],
  ['经开区', 'zone'],
  ['园区', 'park'],
  ['产业园', 'park'],
  ['地块', 'plot'],
  ['宗地', 'plot'],
  ['项目', 'project'],
  ['厂房', 'building'],
  ['楼', 'building'],
  ['栋', 'building'],
];

/** The valid value `value` most likely meant: a known word, else the nearest by edit distance. */
export function suggest(
  value: string,
  valid: readonly string[],
  words: readonly [string, string][],
): string | undefined {
  const trimmed = value.trim();
  const lower = trimmed.toLowerCase();
  // Exact words first, then words contained in the value, longest first ("已投产运营" → 投产).
  const exact = words.find(([word]) => word === lower);
  if (exact) return exact[1];
  const contained = [...words]
    .sort((a, b) => b[0].length - a[0].length)
    .find(([word]) => lower.includes(word));
  if (contained) return contained[1];
  const normalized = lower.replace(/[\s-]+/g, '_');
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of valid) {
    const distance = editDistance(normalized, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  // Near only: a slip of one letter in four (`parc`, `buidling`), not another word (`path`).
  if (best !== undefined && bestDistance <= Math.max(1, Math.floor(best.length / 3))) return best;
  return undefined;
}

/** Levenshtein distance (insert, delete, substitute each cost 1). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] as number;
}
