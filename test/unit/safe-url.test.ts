// Contact links from data: only http(s) and tel: become links (Lit escapes text, not URL schemes).
import { describe, expect, it } from 'vitest';
import { safeContactUrl } from '../../src/ui/safe-url';

describe('safeContactUrl', () => {
  it.each([
    ['http://example.com', 'http://example.com/'],
    ['https://hy.gov.cn/gxq/', 'https://hy.gov.cn/gxq/'],
    ['HTTPS://EXAMPLE.COM/A', 'https://example.com/A'],
    ['  https://example.com/a  ', 'https://example.com/a'],
    ['tel:+867348888888', 'tel:+867348888888'],
    // Reserved characters are escaped by the URL parser, so they cannot break out of href="…".
    ['https://example.com/?q="><script>', 'https://example.com/?q=%22%3E%3Cscript%3E'],
  ])('allows %j', (input, expected) => {
    expect(safeContactUrl(input)).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    '\tjavascript:alert(1)',
    '\njavascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0000javascript:alert(1)',
    'javascript://example.com/%0aalert(1)',
    'data:text/html,<script>alert(1)</script>',
    'DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'blob:https://example.com/uuid',
    'mailto:a@example.com',
    'ftp://example.com/',
    '//evil.com',
    '/relative/path',
    'relative/path',
    '#anchor',
    'www.example.com',
    '',
    '   ',
  ])('rejects %j', (input) => {
    expect(safeContactUrl(input)).toBeUndefined();
  });

  it('rejects null and undefined', () => {
    expect(safeContactUrl(null)).toBeUndefined();
    expect(safeContactUrl(undefined)).toBeUndefined();
  });

  it('rejects a value that is not text without throwing', () => {
    expect(safeContactUrl(12345 as unknown as string)).toBeUndefined();
    expect(safeContactUrl({ href: 'https://x' } as unknown as string)).toBeUndefined();
  });
});
