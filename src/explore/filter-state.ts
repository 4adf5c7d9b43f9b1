// What the user chose in the filters: the state the element, the URL and the filter code share. The
// code that applies it (filter.ts) loads with the list, after the first render; this stays small.
import { STATUSES, type Kind, type Status } from '../data/types.js';

/**
 * A status choice: one of the schema's statuses, or `none` for features that state no status
 * (zones, and items the seeds mention without one). `none` is the same word the map layers use.
 */
export type StatusChoice = Status | 'none';
export const STATUS_CHOICES: readonly StatusChoice[] = [...STATUSES, 'none'];

/** A closed interval; a missing end is open. Both ends are inclusive. */
export interface NumberRange {
  min?: number;
  max?: number;
}

/**
 * What the user chose. An empty list means "no constraint on that facet". Within a facet the choices
 * are OR-ed, across facets AND-ed.
 */
export interface FilterState {
  statuses: readonly StatusChoice[];
  /** Matched case-insensitively after NFKC normalisation, against the feature's own `industries`. */
  industries: readonly string[];
  /**
   * Sectors (data/sectors.ts: `electronics`, `ai-data`, …, `other`): a feature passes if one of its
   * `industries` is in one of them. OR-ed with `industries` (one facet).
   */
  sectors?: readonly string[];
  /** Ids of zone or park features: a feature passes if it is one of them or lies inside one. */
  zones: readonly string[];
  kinds: readonly Kind[];
  /** Yuan. Features that do not state `investment` fail an active range. */
  investment?: NumberRange;
  /** m². Features that do not state `floorArea` fail an active range. */
  floorArea?: NumberRange;
}

export const EMPTY_FILTER: FilterState = Object.freeze({
  statuses: Object.freeze([]) as readonly StatusChoice[],
  industries: Object.freeze([]) as readonly string[],
  zones: Object.freeze([]) as readonly string[],
  kinds: Object.freeze([]) as readonly Kind[],
});
