// The seed reports (shared/seeds, beside the repository, or the folder PARK_MAP_SEEDS names) for the
// tests that check data/parks.geojson against their words, and how numbers are said in them. Without
// the folder, `seedsDir` is undefined, `seeds` empty and the tests that need them say so and skip.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');

/** The folder of the seed reports, or undefined when neither place has it. */
function findSeeds(): string | undefined {
  const named = process.env['PARK_MAP_SEEDS'];
  if (named) {
    if (!existsSync(named)) throw new Error(`PARK_MAP_SEEDS=${named}: no such folder`);
    return named;
  }
  const beside = path.resolve(repo, '../shared/seeds');
  return existsSync(beside) ? beside : undefined;
}
export const seedsDir = findSeeds();

/** The seed reports by file name (empty without the folder). */
export const seeds = new Map<string, string>(
  seedsDir
    ? readdirSync(seedsDir)
        .filter((f) => f.endsWith('.txt'))
        .map((f) => [f, readFileSync(path.join(seedsDir, f), 'utf8')])
    : [],
);
/** Why a test that needs the reports skips without them. */
export const SKIPPED_WITHOUT_SEEDS =
  'the seed reports are not beside the repository (../shared/seeds) and PARK_MAP_SEEDS is unset';
// ---------------------------------------------------------------- numbers said in Chinese text

const CN_DIGITS: Record<string, number> = {
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
};
const MU_M2 = 10000 / 15; // 1 亩 = 666.67 m²

/** Every number a text says, in the base units it may stand for ('2.73万' → 27300, '260多亩' → m²). */
export function numbersSaid(text: string): number[] {
  const out: number[] = [];
  const re = /(\d+(?:\.\d+)?|[一二两三四五六七八九十])(余|多)?(万|亿)?(余|多)?(亩)?/g;
  for (const m of text.matchAll(re)) {
    const raw = m[1] ?? '';
    const n = CN_DIGITS[raw] ?? Number(raw);
    const mult = m[3] === '万' ? 1e4 : m[3] === '亿' ? 1e8 : 1;
    out.push(n, n * mult);
    if (m[5]) out.push(n * mult * MU_M2);
  }
  return out;
}

export const near = (a: number, b: number): boolean =>
  Math.abs(a - b) <= Math.max(1e-9 * Math.abs(b), 1e-9) ||
  (Math.abs(b) > 1000 && Math.abs(a - b) < 1);
