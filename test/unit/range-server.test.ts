// The benchmark's static server answers range requests as a CDN does (PMTiles reads nothing else).
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PMTiles } from 'pmtiles';
import { parseRange, sendFile } from '../../bench/range.mjs';

let server: Server;
let origin = '';
const directory = mkdtempSync(join(tmpdir(), 'park-map-range-'));
const file = join(directory, 'bytes.bin');
const bytes = Uint8Array.from({ length: 1000 }, (_, i) => i % 251);

beforeAll(async () => {
  writeFileSync(file, bytes);
  server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const target = path === '/mini.pmtiles' ? 'test/fixtures/mini-parks.pmtiles' : file;
    sendFile(request, response, target, { 'content-type': 'application/octet-stream' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('sendFile', () => {
  it('answers bytes=a-b with 206, Content-Range and exactly those bytes', async () => {
    const response = await fetch(`${origin}/`, { headers: { range: 'bytes=10-19' } });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe('bytes 10-19/1000');
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([...bytes.slice(10, 20)]);
  });

  it('clips a range past the end, and refuses one that starts past it with 416', async () => {
    const clipped = await fetch(`${origin}/`, { headers: { range: 'bytes=990-5000' } });
    expect(clipped.status).toBe(206);
    expect(clipped.headers.get('content-range')).toBe('bytes 990-999/1000');
    expect([...new Uint8Array(await clipped.arrayBuffer())]).toEqual([...bytes.slice(990)]);
    const refused = await fetch(`${origin}/`, { headers: { range: 'bytes=1000-1001' } });
    expect(refused.status).toBe(416);
    expect(refused.headers.get('content-range')).toBe('bytes */1000');
  });

  it('sends the whole file with 200 when no range is asked for', async () => {
    const response = await fetch(`${origin}/`);
    expect(response.status).toBe(200);
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([...bytes]);
  });

  it('serves an archive the pmtiles reader can read', async () => {
    const archive = new PMTiles(`${origin}/mini.pmtiles`);
    expect((await archive.getHeader()).maxZoom).toBe(14);
    // The same tile as read from the file itself, byte for byte.
    const stored = readFileSync('test/fixtures/mini-parks.pmtiles');
    const local = new PMTiles({
      getKey: () => 'local',
      getBytes: async (offset: number, length: number) => ({
        data: stored.buffer.slice(stored.byteOffset + offset, stored.byteOffset + offset + length),
      }),
    });
    const served = await archive.getZxy(14, 13316, 6920);
    const expected = await local.getZxy(14, 13316, 6920);
    expect(expected?.data.byteLength).toBeGreaterThan(0);
    expect(new Uint8Array(served!.data)).toEqual(new Uint8Array(expected!.data));
  });
});

describe('parseRange', () => {
  it('reads the forms a reader sends', () => {
    expect(parseRange('bytes=0-16383', 100)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=5-', 100)).toEqual({ start: 5, end: 99 });
    expect(parseRange(undefined, 100)).toBeNull();
    expect(parseRange('bytes=1-2,5-6', 100)).toBeNull();
    expect(parseRange('bytes=7-3', 100)).toBe('unsatisfiable');
  });
});
