import { describe, expect, test } from 'vitest';
import { decodeParkDataText, locateJsonError } from '../../src/data/decode';
import { describeIssue } from '../../src/data/issue-messages';

const FC = '{"type":"FeatureCollection","features":[]}';
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('decodeParkDataText: text that loads', () => {
  test('plain UTF-8: no warnings', () => {
    expect(decodeParkDataText(utf8(FC))).toEqual({
      ok: true,
      json: { type: 'FeatureCollection', features: [] },
      warnings: [],
    });
  });

  test('an ArrayBuffer is accepted as well', () => {
    const bytes = utf8(FC);
    const buffer = new ArrayBuffer(bytes.byteLength);
    new Uint8Array(buffer).set(bytes);
    expect(decodeParkDataText(buffer).ok).toBe(true);
  });

  test('UTF-8 with a BOM: loads, with a note', () => {
    const result = decodeParkDataText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(FC)]));
    expect(result.ok && result.json).toEqual({ type: 'FeatureCollection', features: [] });
    expect(result.warnings).toEqual([
      {
        path: '',
        code: 'utf8-bom',
        severity: 'warning',
        params: {},
        reason:
          'The file starts with a byte-order mark (BOM); it was ignored and the file was read as UTF-8. To avoid this notice, save it as "UTF-8" without BOM.',
      },
    ]);
  });

  test('UTF-16LE with a BOM: decoded, with a note', () => {
    const text = '{"name":"园区"}';
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
    const result = decodeParkDataText(bytes);
    expect(result.ok && result.json).toEqual({ name: '园区' });
    expect(result.warnings[0]?.reason).toBe(
      'The file is UTF-16LE text; it was read as such. Save it as "UTF-8" so that every tool reads it.',
    );
  });

  test('UTF-16BE with a BOM: decoded', () => {
    const le = Buffer.from('{"a":1}', 'utf16le');
    const be = Buffer.from(le).swap16();
    const result = decodeParkDataText(new Uint8Array([0xfe, 0xff, ...be]));
    expect(result.ok && result.json).toEqual({ a: 1 });
    expect(result.warnings[0]?.params).toEqual({ encoding: 'UTF-16BE' });
  });

  test('GBK (a Chinese Excel export): read as GBK, with a note', () => {
    // GBK code table: 园 U+56ED = D4 B0, 区 U+533A = C7 F8; these bytes are not valid UTF-8.
    const bytes = new Uint8Array([...utf8('{"name":"'), 0xd4, 0xb0, 0xc7, 0xf8, ...utf8('"}')]);
    const result = decodeParkDataText(bytes);
    expect(result.ok && result.json).toEqual({ name: '园区' });
    expect(result.warnings.map((issue) => [issue.code, issue.severity])).toEqual([
      ['encoding-gbk', 'warning'],
    ]);
    expect(result.warnings[0]?.reason).toBe(
      'The file is GBK-encoded (typical of a Chinese Excel export); it was read as GBK. Save it as "UTF-8" so that every tool reads it.',
    );
    expect(describeIssue(result.warnings[0]!, 'zh-CN')).toBe(
      '文件是 GBK 编码（中文版 Excel 导出的常见情况），已按 GBK 读取。请另存为“UTF-8”，以便各种工具都能读取。',
    );
  });

  test('a JSON body served as text/html still loads (a mislabelled server)', () => {
    expect(decodeParkDataText(utf8(FC), { contentType: 'text/html; charset=utf-8' }).ok).toBe(true);
  });
});

describe('decodeParkDataText: text that does not load', () => {
  test('an HTML error page: says so, with its title and the URL', () => {
    const page =
      '<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body>…</body></html>';
    const result = decodeParkDataText(utf8(page), {
      contentType: 'text/html',
      url: 'data/parks.geojson',
    });
    expect(result).toMatchObject({
      ok: false,
      issue: {
        code: 'html-instead-of-json',
        severity: 'error',
        reason:
          'The server answered with a web page ("404 Not Found") instead of GeoJSON. Check the URL (data/parks.geojson): it may be wrong, or the file may have moved or need a login.',
      },
    });
  });

  test('HTML recognised by its start alone (no content type)', () => {
    const result = decodeParkDataText(utf8('  <html><body>登录</body></html>'));
    expect(!result.ok && result.issue.code).toBe('html-instead-of-json');
  });

  test('a text/html answer that is not JSON', () => {
    const result = decodeParkDataText(utf8('Service Unavailable'), { contentType: 'text/html' });
    expect(!result.ok && result.issue.code).toBe('html-instead-of-json');
  });

  test('XML that is not KML (GPX): XML, not GeoJSON', () => {
    const result = decodeParkDataText(utf8('<?xml version="1.0"?><gpx></gpx>'));
    expect(!result.ok && result.issue.reason).toBe(
      'The file is XML but not KML (GPX?), so it cannot be read. Convert it to GeoJSON or KML first, for example with QGIS or geojson.io.',
    );
  });

  test.each([new Uint8Array([]), utf8(' \n\t ')])('empty body', (bytes) => {
    const result = decodeParkDataText(bytes);
    expect(!result.ok && result.issue.reason).toBe(
      'The file is empty. Check the URL or export the data again.',
    );
  });

  test('neither UTF-8 nor GBK', () => {
    // 0xFF never occurs in UTF-8, nor as a GB18030 lead byte.
    const result = decodeParkDataText(new Uint8Array([0x7b, 0xff, 0x7d]));
    expect(!result.ok && result.issue.code).toBe('unknown-encoding');
  });

  test('broken JSON: line and column, with a hint', () => {
    const text = '{\n  "type": "FeatureCollection",\n  "features": [1, 2,]\n}';
    const result = decodeParkDataText(utf8(text));
    // Line 3 is `  "features": [1, 2,]`; counting: 2 spaces, "features" (10),
    // ":", " ", "[", "1", ",", " ", "2", ","; so the "]" is the 21st character.
    expect(!result.ok && result.issue.reason).toBe(
      'The file is not valid JSON: unexpected "]" at line 3, column 21. Remove the comma before it.',
    );
  });
});

describe('locateJsonError', () => {
  test.each([
    [
      '{"a": 1',
      1,
      8,
      'unexpected end of file',
      'The file may be cut short: check that every { and [ is closed.',
    ],
    [
      "{'a': 1}",
      1,
      2,
      `unexpected "'"`,
      'JSON needs double quotes (") around text, not single quotes.',
    ],
    ['{"a": 1 "b": 2}', 1, 9, `unexpected '"'`, 'A comma may be missing before it.'],
    [
      '{"a"：1}',
      1,
      5,
      'unexpected "："',
      'Use straight ASCII punctuation (" , :) instead of Chinese full-width marks.',
    ],
    ['// comment\n{}', 1, 1, 'unexpected "/"', 'JSON does not allow comments; remove it.'],
    ['{"a": NaN}', 1, 7, 'unexpected "N"', ''],
  ])('%j → line %i column %i', (text, line, column, problem, hint) => {
    expect(locateJsonError(text)).toMatchObject({ line, column, problem, hint });
  });
});

describe('locateJsonError on deep nesting (a loop, not recursion)', () => {
  test('100 000 open brackets: cut short at the end, no stack overflow', () => {
    const text = `{"features":${'['.repeat(100_000)}`;
    expect(locateJsonError(text)).toMatchObject({
      line: 1,
      column: text.length + 1,
      problem: 'unexpected end of file',
    });
  });

  test('an error 100 000 levels deep is found where it is', () => {
    const text = `${'['.repeat(100_000)}1,]${']'.repeat(99_999)}`;
    expect(locateJsonError(text)).toMatchObject({
      column: 100_003,
      problem: 'unexpected "]"',
      hint: 'Remove the comma before it.',
    });
  });

  test('nested objects and lists: the error is located exactly', () => {
    expect(locateJsonError('{"a": [{"b": [1, 2]}, {"c" 3}]}')).toMatchObject({
      column: 28,
      problem: 'unexpected "3"',
    });
    expect(locateJsonError('[[1, 2], [3, 4]] x')).toMatchObject({ column: 18 });
    expect(locateJsonError('{"a": {}, "b": []  "c": 1}')).toMatchObject({
      column: 20,
      hint: 'A comma may be missing before it.',
    });
  });

  test('decodeParkDataText gives not-json with line and column for deep broken JSON', () => {
    const bytes = new TextEncoder().encode(
      `{"type":"FeatureCollection","features":${'['.repeat(100_000)}`,
    );
    const result = decodeParkDataText(bytes);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issue.code).toBe('not-json');
    expect(!result.ok && result.issue.reason).toContain(
      'unexpected end of file at line 1, column 100040',
    );
  });
});
