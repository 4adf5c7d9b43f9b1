// Turns the bytes a data URL (or a file) answered with into parsed JSON, recognising the usual
// ways it goes wrong: an HTML error page, a byte-order mark, UTF-16, GBK text from a Chinese
// Excel export, an empty body, broken JSON (with line and column).

import { withReason } from './issue-messages';
import type { DataIssue } from './types';

export interface DecodeInfo {
  contentType?: string | null;
  url?: string;
}

/**
 * `warnings` are notes about how the text was read (BOM, UTF-16, GBK): the data still loads,
 * but the element should show them beside the validation issues.
 */
export type DecodeResult =
  | { ok: true; json: unknown; warnings: DataIssue[] }
  | { ok: false; issue: DataIssue; warnings: DataIssue[] };

type IssueDraft = Omit<DataIssue, 'reason'>;

export function decodeParkDataText(
  bytes: ArrayBuffer | Uint8Array,
  info: DecodeInfo = {},
): DecodeResult {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const make = (draft: IssueDraft): DataIssue => withReason(draft);
  const warnings: DataIssue[] = [];
  const fail = (draft: Omit<IssueDraft, 'severity'>): DecodeResult => ({
    ok: false,
    issue: make({ ...draft, severity: 'error' }),
    warnings,
  });

  const read = readText(data);
  if (read.kind === 'unknown') {
    return fail({ path: '', code: 'unknown-encoding', params: {} });
  }
  if (read.note) {
    warnings.push(
      make({ path: '', code: read.note.code, params: read.note.params, severity: 'warning' }),
    );
  }
  const text = read.text;

  if (text.trim() === '') return fail({ path: '', code: 'empty-file', params: {} });

  const start = text.trimStart().slice(0, 200).toLowerCase();
  const isHtmlType = /^\s*(text\/html|application\/xhtml)/i.test(info.contentType ?? '');
  const looksHtml = /^<(!doctype\s+html|html|head|body|meta|title|script|!--)/.test(start);
  const looksXml = /^<\?xml|^<(kml|gpx)\b/.test(start) && !looksHtml;
  const htmlIssue = (): DecodeResult =>
    fail({
      path: '',
      code: 'html-instead-of-json',
      params: {
        ...(info.url ? { url: info.url } : {}),
        ...(pageTitle(text) ? { title: pageTitle(text) } : {}),
      },
    });
  if (looksXml && !/<html[\s>]/i.test(text.slice(0, 2000))) {
    return fail({ path: '', code: 'xml-instead-of-json', params: {} });
  }
  if (looksHtml || (start.startsWith('<') && isHtmlType)) return htmlIssue();

  try {
    return { ok: true, json: JSON.parse(text), warnings };
  } catch {
    if (isHtmlType || start.startsWith('<')) return htmlIssue();
    return fail({ path: '', code: 'not-json', params: { ...locateJsonError(text) } });
  }
}

export type ReadText =
  | { kind: 'text'; text: string; note?: { code: string; params: Record<string, string> } }
  | { kind: 'unknown' };

/**
 * Bytes as text: a BOM (UTF-8, UTF-16) read and noted, else UTF-8, else GB18030 (GBK), noted.
 * Also what CSV and KML files are read with (src/data/formats/).
 */
export function readText(data: Uint8Array): ReadText {
  // ignoreBOM keeps the mark in the text, so it is us, not the decoder, who decides about it.
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) {
    const text = decodeStrict('utf-8', data.subarray(3));
    if (text === undefined) return { kind: 'unknown' };
    return { kind: 'text', text, note: { code: 'utf8-bom', params: {} } };
  }
  for (const [b0, b1, encoding, label] of [
    [0xff, 0xfe, 'utf-16le', 'UTF-16LE'],
    [0xfe, 0xff, 'utf-16be', 'UTF-16BE'],
  ] as const) {
    if (data[0] === b0 && data[1] === b1) {
      const text = decodeStrict(encoding, data.subarray(2));
      if (text === undefined) return { kind: 'unknown' };
      return { kind: 'text', text, note: { code: 'encoding-utf16', params: { encoding: label } } };
    }
  }
  const utf8 = decodeStrict('utf-8', data);
  if (utf8 !== undefined) return { kind: 'text', text: utf8 };
  // Not UTF-8: GB18030 is a superset of GBK and GB2312, what a Chinese Windows/Excel writes.
  const gbk = decodeStrict('gb18030', data);
  if (gbk !== undefined)
    return { kind: 'text', text: gbk, note: { code: 'encoding-gbk', params: {} } };
  return { kind: 'unknown' };
}

function decodeStrict(encoding: string, data: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(data);
  } catch {
    return undefined;
  }
}

function pageTitle(html: string): string {
  const match = /<title[^>]*>([^<]*)<\/title>/i.exec(html.slice(0, 5000));
  return match?.[1]?.replace(/\s+/g, ' ').trim().slice(0, 80) ?? '';
}

export interface JsonErrorLocation {
  [key: string]: string | number;
  line: number;
  column: number;
  /** What was found, in English ("unexpected "}"", "unexpected end of file"). */
  problem: string;
  hint: string;
  hintZh: string;
}

/**
 * Where `JSON.parse` fails, found by our own small scanner: engines word (and locate) the error
 * differently (Node 20 often gives no position at all). Lines and columns count from 1.
 */
export function locateJsonError(text: string): JsonErrorLocation {
  let pos = 0;
  class Stop extends Error {
    constructor(
      readonly at: number,
      readonly expected: string,
    ) {
      super(expected);
    }
  }
  const ws = (): void => {
    while (pos < text.length && ' \t\n\r'.includes(text[pos] as string)) pos++;
  };
  const stop = (expected: string): never => {
    throw new Stop(pos, expected);
  };
  const literal = (word: string): void => {
    if (text.startsWith(word, pos)) pos += word.length;
    else stop('value');
  };
  const string = (): void => {
    pos++; // opening quote
    while (pos < text.length) {
      const ch = text[pos] as string;
      if (ch === '"') {
        pos++;
        return;
      }
      if (ch === '\\') {
        const next = text[pos + 1] ?? '';
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) stop('escape');
          pos += 6;
        } else if ('"\\/bfnrt'.includes(next) && next !== '') pos += 2;
        else stop('escape');
      } else if (ch < ' ') stop('string-end');
      else pos++;
    }
    stop('string-end');
  };
  const number = (): void => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(pos, pos + 400));
    if (!match) stop('value');
    pos += (match as RegExpExecArray)[0].length;
  };
  // One loop with an explicit stack of open containers, not one call per level: broken JSON
  // nested 100 000 levels deep must get a message, not a stack overflow.
  const open: ('{' | '[')[] = [];
  const key = (): void => {
    ws();
    if (text[pos] !== '"') stop('key');
    string();
    ws();
    if (text[pos] !== ':') stop('colon');
    pos++;
  };
  /**
   * Reads one value up to its end when it is a scalar or empty, else up to its first member:
   * containers it opens stay on `open` (a loop, so "[[[[…" does not recurse).
   */
  const valueStart = (): void => {
    for (;;) {
      ws();
      const ch = text[pos];
      if (ch === '{' || ch === '[') {
        const close = ch === '{' ? '}' : ']';
        pos++;
        ws();
        if (text[pos] === close) {
          pos++;
          return;
        }
        open.push(ch);
        if (ch === '{') key();
        continue;
      }
      if (ch === '"') string();
      else if (ch === 't') literal('true');
      else if (ch === 'f') literal('false');
      else if (ch === 'n') literal('null');
      else if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) number();
      else stop('value');
      return;
    }
  };
  const scan = (): void => {
    valueStart();
    for (;;) {
      const container = open[open.length - 1];
      if (container === undefined) return;
      // After a member's value: a comma and the next member, or the closing bracket.
      ws();
      const ch = text[pos];
      const close = container === '{' ? '}' : ']';
      if (ch === ',') {
        pos++;
        if (container === '{') key();
        valueStart();
      } else if (ch === close) {
        pos++;
        open.pop();
      } else {
        stop(container === '{' ? 'comma-or-brace' : 'comma-or-bracket');
      }
    }
  };

  let at = text.length;
  let expected = 'end';
  try {
    scan();
    ws();
    if (pos < text.length) stop('end');
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    at = error.at;
    expected = error.expected;
  }

  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const column = at - (before.lastIndexOf('\n') + 1) + 1;
  const found = text[at];
  const problem =
    found === undefined
      ? 'unexpected end of file'
      : found === '"'
        ? `unexpected '"'`
        : `unexpected "${String.fromCodePoint(text.codePointAt(at) ?? 0)}"`;

  let hint = '';
  let hintZh = '';
  const previous = before.trimEnd().at(-1);
  if ((found === '}' || found === ']') && previous === ',') {
    hint = 'Remove the comma before it.';
    hintZh = '请删去它前面多余的逗号。';
  } else if (found === "'") {
    hint = 'JSON needs double quotes (") around text, not single quotes.';
    hintZh = 'JSON 中的文本必须用英文双引号（"）括起来，不能用单引号。';
  } else if (found === '/' && (text[at + 1] === '/' || text[at + 1] === '*')) {
    hint = 'JSON does not allow comments; remove it.';
    hintZh = 'JSON 不允许注释，请删去。';
  } else if (found !== undefined && '“”，：'.includes(found)) {
    hint = 'Use straight ASCII punctuation (" , :) instead of Chinese full-width marks.';
    hintZh = '请使用英文半角标点（" , :），不要用中文全角标点。';
  } else if (found === undefined) {
    hint = 'The file may be cut short: check that every { and [ is closed.';
    hintZh = '文件可能不完整：请检查每个 { 和 [ 是否都已闭合。';
  } else if (expected === 'comma-or-brace' || expected === 'comma-or-bracket') {
    hint = 'A comma may be missing before it.';
    hintZh = '它前面可能缺少逗号。';
  }
  return { line, column, problem, hint, hintZh };
}
