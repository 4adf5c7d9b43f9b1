// A feature's `qualifiers` (and `targets.qualifiers`): per figure, 约 / 余 / 以上 / 可达 as data.
// A qualifier for a key that is no figure, a value not in the list, or a qualifier for a figure
// the feature does not state is told as a warning naming the key, and left out; the rest stays.
import { QUALIFIABLE_KEYS, QUALIFIERS } from '../qualifier-keys.js';
import { displayValue, isRecord, pathKey, previewJson, type Add } from './shared.js';
import { editDistance, suggest } from './suggestions.js';

/** Words a data editor may write for a qualifier (Chinese as the sources say it, English). */
export const QUALIFIER_WORDS: [string, string][] = [
  ['约', 'about'],
  ['大约', 'about'],
  ['近', 'about'],
  ['左右', 'about'],
  ['approximately', 'about'],
  ['approx', 'about'],
  ['around', 'about'],
  ['余', 'more_than'],
  ['多', 'more_than'],
  ['超', 'more_than'],
  ['超过', 'more_than'],
  ['逾', 'more_than'],
  ['over', 'more_than'],
  ['以上', 'at_least'],
  ['不少于', 'at_least'],
  ['不低于', 'at_least'],
  ['minimum', 'at_least'],
  ['可达', 'up_to'],
  ['最多', 'up_to'],
  ['maximum', 'up_to'],
];

/** The key of `keys` a mistyped key most likely meant (case, `_`, or two letters off). */
function closestKey(key: string, keys: readonly string[]): string | undefined {
  const lower = key.toLowerCase().replace(/[-_\s]/g, '');
  return (
    keys.find((candidate) => candidate.toLowerCase() === lower) ??
    keys.find((candidate) => editDistance(candidate.toLowerCase(), lower) <= 2)
  );
}

/**
 * Checks `input[key]` (the feature's properties, or its targets) for `qualifiers`, leaving out of
 * `output` what cannot be used. `figures` are the keys that may carry a qualifier here; a key of
 * them counts as stated when `input` holds a number (or a figure as text: its own warning says so).
 */
export function checkQualifiers(
  input: Record<string, unknown>,
  output: Record<string, unknown>,
  at: string,
  figures: readonly string[],
  add: Add,
): void {
  const given = output['qualifiers'];
  if (given === undefined || given === null) {
    delete output['qualifiers'];
    return;
  }
  const path = `${at}.qualifiers`;
  if (!isRecord(given)) {
    add(path, 'not-an-object', 'warning', {
      value: previewJson(given),
      example: '{"floorArea": "more_than"}',
    });
    delete output['qualifiers'];
    return;
  }
  const kept: Record<string, unknown> = {};
  for (const key of Object.keys(given)) {
    const value = given[key];
    const keyPath = `${path}${pathKey(key)}`;
    if (!figures.includes(key)) {
      const suggestion = closestKey(key, figures);
      add(keyPath, 'unknown-qualifier-key', 'warning', {
        key: displayValue(key),
        ...(suggestion ? { suggestion } : {}),
      });
      continue;
    }
    if (typeof value !== 'string' || !(QUALIFIERS as readonly string[]).includes(value)) {
      const suggestion =
        typeof value === 'string' ? suggest(value, QUALIFIERS, QUALIFIER_WORDS) : undefined;
      add(keyPath, 'unknown-qualifier', 'warning', {
        key,
        value: displayValue(value),
        ...(suggestion ? { suggestion } : {}),
      });
      continue;
    }
    const figure = Object.hasOwn(input, key) ? input[key] : undefined;
    if (figure === undefined || figure === null || figure === '') {
      add(keyPath, 'qualifier-without-figure', 'warning', { key, value });
      continue;
    }
    kept[key] = value;
  }
  if (Object.keys(kept).length === Object.keys(given).length) return;
  if (Object.keys(kept).length === 0) delete output['qualifiers'];
  else output['qualifiers'] = kept;
}

/** The keys a feature's `qualifiers` may name. */
export const PROPERTY_QUALIFIER_KEYS: readonly string[] = QUALIFIABLE_KEYS;

/** The keys `targets.qualifiers` may name: the figures, and every extension goal the targets give. */
export function targetQualifierKeys(targets: Record<string, unknown>): string[] {
  const extra = Object.keys(targets).filter(
    (key) => key !== 'qualifiers' && !(QUALIFIABLE_KEYS as readonly string[]).includes(key),
  );
  return [...QUALIFIABLE_KEYS, ...extra];
}
