// At most this many features side by side (a table still readable on a phone): the selection
// controller keeps no more, the comparison (compare.ts) says so.
export const COMPARE_LIMIT = 3;
