// What a sum says when some of its parts are qualified (data/README.md, "Qualifiers"). Pure.
import type { Qualifier } from '../data/types.js';

/**
 * The qualifier of a sum of figures, from the qualifiers of its parts (undefined: a plain figure).
 * Exact parts change nothing. Lower bounds add up to a lower bound, upper bounds to an upper one:
 * - any `about` → `about` (the sum is an approximation);
 * - lower bounds (`more_than`, `at_least`) and upper bounds (`up_to`) mixed → `about`;
 * - only upper bounds → `up_to`;
 * - only lower bounds → `more_than` if any part is `more_than`, else `at_least`;
 * - none → undefined.
 */
export function sumQualifier(parts: Iterable<Qualifier | undefined>): Qualifier | undefined {
  let about = false;
  let moreThan = false;
  let atLeast = false;
  let upTo = false;
  for (const part of parts) {
    if (part === 'about') about = true;
    else if (part === 'more_than') moreThan = true;
    else if (part === 'at_least') atLeast = true;
    else if (part === 'up_to') upTo = true;
  }
  const lower = moreThan || atLeast;
  if (about || (lower && upTo)) return 'about';
  if (upTo) return 'up_to';
  if (moreThan) return 'more_than';
  if (atLeast) return 'at_least';
  return undefined;
}
