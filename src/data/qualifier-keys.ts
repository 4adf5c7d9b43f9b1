// The qualifiers and the keys they may be about. A module of its own, not in types.ts (which the
// first load carries): only the lazy parts (validation, the panels, export, import) read these.
import { FIGURE_KEYS, type Qualifier } from './types.js';

/**
 * How a figure relates to the number the source gives: 约 (about), 余/多/超 (more than), 以上
 * (at least), 可达 (up to). The number stays the stated one; the qualifier says what it bounds.
 */
export const QUALIFIERS: readonly Qualifier[] = ['about', 'more_than', 'at_least', 'up_to'];

/**
 * The numeric properties a qualifier may be about: the figures, the progress, and the extension
 * counts and measures of data/README.md (companies hosted, workers on site, …).
 */
export const QUALIFIABLE_KEYS = [
  ...FIGURE_KEYS,
  'progress',
  'companies',
  'workers',
  'liveStudios',
  'products',
  'graduates',
  'mentors',
  'passengerLifts',
  'fireLifts',
  'renovatedArea',
  'length',
] as const;
