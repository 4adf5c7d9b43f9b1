// Which features the filters hide on a GeoJSON map (through feature state), and what changes from
// one filter to the next: only the features whose visibility changed get a new state. Pure.

/** Ids of the features the filter leaves out (none when nothing is filtered). */
export function hiddenIds(
  features: Iterable<{ id: string }>,
  passing: ReadonlySet<string> | null,
): Set<string> {
  const hidden = new Set<string>();
  if (passing === null) return hidden;
  for (const { id } of features) if (!passing.has(id)) hidden.add(id);
  return hidden;
}

/** The ids to hide and to show again, to go from those hidden now to those to hide. */
export function visibilityChanges(
  hiddenNow: ReadonlySet<string>,
  toHide: ReadonlySet<string>,
): { hide: string[]; show: string[] } {
  const hide: string[] = [];
  const show: string[] = [];
  for (const id of toHide) if (!hiddenNow.has(id)) hide.push(id);
  for (const id of hiddenNow) if (!toHide.has(id)) show.push(id);
  return { hide, show };
}
