// The defensive copy of user input: plain JSON-like data copied without `__proto__`, `constructor`
// or `prototype` keys and no deeper than MAX_DEPTH levels, each left-out member reported.
import type { ParkFeature, ParkFeatureCollection } from '../types.js';
import {
  featureRef,
  isRecord,
  nameParam,
  pathKey,
  previewJson,
  type CheckedFeature,
  type IssueDraft,
  type Params,
} from './shared.js';

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * How many levels of lists and objects a property may hold. Real park data needs three or four
 * (tenants → tenant → name); the limit keeps copying (and everything after it) off the call
 * stack's edge. Deeper properties are left out with a `too-deeply-nested` warning.
 */
export const MAX_DEPTH = 64;
const TOO_DEEP: unique symbol = Symbol('too deep');

type UnsafeReport = (path: string, key: string, value: unknown) => void;

/**
 * A deep copy of plain JSON-like data, leaving out unsafe keys (reported through `onUnsafe`), or
 * TOO_DEEP when lists and objects nest more than MAX_DEPTH levels (counting `value` as level
 * `depth`). Own enumerable keys only; assignment to a fresh object cannot reach a prototype
 * because the unsafe names never get assigned. Recursion is bounded by MAX_DEPTH.
 */
function copySafely(value: unknown, path: string, onUnsafe: UnsafeReport, depth: number): unknown {
  const isList = Array.isArray(value);
  if (!isList && !isRecord(value)) return value;
  if (depth > MAX_DEPTH) return TOO_DEEP;
  // Paths are written only on the way into a list or object (where a report may come from): not
  // for each of the millions of plain values in a large file.
  if (isList) {
    // Exactly as long as the list: one grown by `push` keeps room for 17 entries, which for a
    // file's 100 000 short lists (industries, tenants) is megabytes the page holds for nothing.
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      const member: unknown = value[i];
      if (member === null || typeof member !== 'object') {
        out[i] = member;
        continue;
      }
      const item = copySafely(member, `${path}[${i}]`, onUnsafe, depth + 1);
      if (item === TOO_DEEP) return TOO_DEEP;
      out[i] = item;
    }
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const member = value[key];
    if (UNSAFE_KEYS.has(key)) {
      onUnsafe(`${path}${pathKey(key)}`, key, member);
      continue;
    }
    if (member === null || typeof member !== 'object') {
      out[key] = member;
      continue;
    }
    const item = copySafely(member, `${path}${pathKey(key)}`, onUnsafe, depth + 1);
    if (item === TOO_DEEP) return TOO_DEEP;
    out[key] = item;
  }
  return out;
}

/**
 * Copies the members of `from` (other than `known`) to `to`, each with copySafely. A member
 * nested too deeply is left out whole (its unsafe keys are not reported then); its key is
 * returned for the caller to report.
 */
export function copyMembers(
  from: Record<string, unknown>,
  known: Set<string>,
  to: Record<string, unknown>,
  base: string,
  onUnsafe: UnsafeReport,
): string[] {
  const tooDeep: string[] = [];
  // Unsafe keys inside a member are reported only once the member is known to be kept.
  const reports: Parameters<UnsafeReport>[] = [];
  const collect: UnsafeReport = (path, key, value) => {
    reports.push([path, key, value]);
  };
  for (const key of Object.keys(from)) {
    if (known.has(key)) continue;
    const member = from[key];
    if (!UNSAFE_KEYS.has(key) && (member === null || typeof member !== 'object')) {
      to[key] = member;
      continue;
    }
    const keyPath = base === '' ? key : `${base}${pathKey(key)}`;
    if (UNSAFE_KEYS.has(key)) {
      onUnsafe(keyPath, key, member);
      continue;
    }
    const reportedBefore = reports.length;
    const copy = copySafely(member, keyPath, collect, 1);
    if (copy === TOO_DEEP) {
      reports.length = reportedBefore;
      tooDeep.push(key);
      continue;
    }
    to[key] = copy;
  }
  for (const report of reports) onUnsafe(...report);
  return tooDeep;
}

/** Copies members other than `known` from `from` to `to`, safely. */
export function copyForeignMembers(
  from: Record<string, unknown>,
  known: Set<string>,
  to: Record<string, unknown> | ParkFeature | ParkFeatureCollection,
  base: string,
  check: CheckedFeature | undefined,
  emit: (draft: IssueDraft) => void,
): void {
  const ref = (): Params => (check ? nameParam(check) : {});
  const tooDeep = copyMembers(
    from,
    known,
    to as Record<string, unknown>,
    base,
    (path, key, value) =>
      emit({
        ...(check ? featureRef(check) : {}),
        path,
        code: 'unsafe-key',
        severity: 'warning',
        params: { ...ref(), key, value: previewJson(value) },
      }),
  );
  for (const key of tooDeep) {
    emit({
      ...(check ? featureRef(check) : {}),
      path: base === '' ? key : `${base}${pathKey(key)}`,
      code: 'too-deeply-nested',
      severity: 'warning',
      params: { ...ref(), field: key, limit: MAX_DEPTH },
    });
  }
}
