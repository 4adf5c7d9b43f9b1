// What the validation modules share: the issue drafts and the feature they are about, and values
// as messages quote them (cut to a length, JSON written by a loop, property paths).
import { cutName, withReason } from '../issue-messages.js';
import type { DataIssue, ParkFeature } from '../types.js';

export type Params = Record<string, string | number>;
export type IssueDraft = Omit<DataIssue, 'reason' | 'params'> & { params?: Params };

export function makeIssue(draft: IssueDraft): DataIssue {
  return withReason({ ...draft, params: draft.params ?? {} });
}

export interface CheckedFeature {
  index: number;
  id?: string;
  name?: string;
  /** The copy to output, when id, properties and geometry could be read at all. */
  feature?: ParkFeature;
  /** True when an error leaves the feature out. */
  dropped: boolean;
  issues: IssueDraft[];
}

export function featureRef(check: { id?: string; index: number }): {
  featureId?: string;
  index: number;
} {
  return check.id === undefined
    ? { index: check.index }
    : { featureId: check.id, index: check.index };
}

export function nameParam(check: { name?: string }): Params {
  return check.name === undefined ? {} : { name: cutName(check.name) };
}

export type Add = (
  path: string,
  code: string,
  severity: 'error' | 'warning',
  params?: Params,
) => void;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function describeFound(value: unknown): Params {
  if (value === null) return { found: 'null' };
  if (Array.isArray(value)) return { found: 'array' };
  if (isRecord(value)) {
    if (value['type'] === 'Feature') return { found: 'feature' };
    return typeof value['type'] === 'string'
      ? { found: 'object', type: value['type'] }
      : { found: 'object' };
  }
  return { found: typeof value };
}

/** A value shown in a message: text as is, anything else as JSON, cut to 200 characters. */
export function displayValue(value: unknown): string {
  return typeof value === 'string' ? cutName(value, VALUE_LIMIT) : previewJson(value);
}

/** Longest value (and name) a message quotes: a 50 MB name must not make a 50 MB message. */
export const VALUE_LIMIT = 200;

type PreviewFrame =
  | { list: readonly unknown[]; index: number }
  | { object: Record<string, unknown>; keys: string[]; index: number; wrote: boolean };

/**
 * A value as JSON for a message, cut to 200 characters. Written by a loop, not by recursion or
 * JSON.stringify, so that a value nested 100 000 levels deep cannot overflow the stack, and it
 * stops once it has enough text. Infinity and NaN (JSON.parse gives Infinity for 1e400) are
 * written as such, not as JSON.stringify's "null".
 */
export function previewJson(value: unknown): string {
  let out = '';
  const frames: PreviewFrame[] = [];
  const write = (item: unknown): void => {
    if (Array.isArray(item)) {
      out += '[';
      frames.push({ list: item, index: 0 });
    } else if (typeof item === 'object' && item !== null) {
      if (typeof (item as { toJSON?: unknown }).toJSON === 'function') {
        out += scalarJson(safeStringify(item));
        return;
      }
      out += '{';
      const object = item as Record<string, unknown>;
      frames.push({ object, keys: Object.keys(object), index: 0, wrote: false });
    } else {
      out += scalarJson(item);
    }
  };
  write(value);
  while (frames.length > 0 && out.length <= VALUE_LIMIT) {
    const frame = frames[frames.length - 1] as PreviewFrame;
    if ('list' in frame) {
      if (frame.index >= frame.list.length) {
        out += ']';
        frames.pop();
        continue;
      }
      if (frame.index > 0) out += ',';
      const item = frame.list[frame.index];
      frame.index++;
      write(item === undefined ? null : item);
    } else {
      if (frame.index >= frame.keys.length) {
        out += '}';
        frames.pop();
        continue;
      }
      const key = frame.keys[frame.index] as string;
      frame.index++;
      const item = frame.object[key];
      if (item === undefined) continue;
      out += `${frame.wrote ? ',' : ''}${scalarJson(key)}:`;
      frame.wrote = true;
      write(item);
    }
  }
  // The loop stops early only once past the limit, so this cut also marks unfinished text.
  return cutName(out, VALUE_LIMIT);
}

function scalarJson(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(cutName(value, VALUE_LIMIT + 1));
  if (typeof value === 'number')
    return Number.isFinite(value) ? JSON.stringify(value) : String(value);
  if (typeof value === 'bigint') return `${String(value)}n`;
  if (value === null || typeof value === 'boolean') return String(value);
  return typeof value === 'symbol' ? value.toString() : typeof value;
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

export function pathKey(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}
