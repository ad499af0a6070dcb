// Static files as a careless proxy and an attacker meet them (issue 16, items 1, 3, 7 and 8): the
// cache rule follows the response and the file, encoded dot segments reach nothing, redirects stay
// on this host, Accept-Encoding q-values count, and revalidation answers 304.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest, serveStaticSite, type StaticSite } from './static-site.ts';

const big = 'x'.repeat(4096);
let site: StaticSite;

beforeAll(async () => {
  site = await serveStaticSite({
    'index.html': `<!doctype html><title>Home</title>${big}`,
    '404.html': '<!doctype html><title>Not found</title>',
    'advice/index.html': '<!doctype html><title>Advice</title>',
    '_astro/app.Ab12Cd34.js': `console.log(1);${big}`,
    'pagefind/pagefind.js': `export {};${big}`,
  });
});
afterAll(() => site.close());

const get = (path: string, headers: Record<string, string> = {}) =>
  rawRequest(site.port, `GET ${path} HTTP/1.1`, headers);

describe('Cache-Control follows the response and the file', () => {
  it('a hashed asset that exists is immutable', async () => {
    const res = await get('/_astro/app.Ab12Cd34.js');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('a missing asset under /_astro/ is a 404 nobody stores', async () => {
    const res = await get('/_astro/doesnotexist.js');
    expect(res.status).toBe(404);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('encoded dot segments under /_astro/ reach no other file and are never immutable', async () => {
    for (const path of ['/_astro/..%2f404.html', '/_astro/..%2F..%2fadvice/', '/_astro/%5c..%5c404.html']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.headers['cache-control'], path).toBe('no-store');
    }
    // The URL standard reads %2e%2e as "..", so this is the home page, served as the home page.
    const dots = await get('/_astro/%2e%2e/index.html');
    expect(dots.status).toBe(200);
    expect(dots.body).toContain('<title>Home</title>');
    expect(dots.headers['cache-control']).toBe('no-cache');
  });

  it('pages are revalidated', async () => {
    expect((await get('/')).headers['cache-control']).toBe('no-cache');
  });
});

describe('redirects never leave this host', () => {
  it.each(['/.//evil.com/x/..%2f..%2fadvice', '//evil.com/advice', '/.//evil.com/advice', '/%2fevil.com/advice'])(
    '%s',
    async (path) => {
      const res = await get(path);
      const location = res.headers.location;
      if (location !== undefined) {
        expect(location).toMatch(/^\/(?![/\\])/);
        expect(new URL(location, 'http://localhost').host).toBe('localhost');
      }
    },
  );

  it('a directory without its slash still gets one', async () => {
    const res = await get('/advice');
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe('/advice/');
  });
});

describe('Accept-Encoding with q-values', () => {
  it.each([
    ['br;q=0, gzip', 'gzip'],
    ['br, gzip', 'br'],
    ['gzip;q=0.5, br;q=0.9', 'br'],
    ['br;q=0.0, gzip;q=0', undefined],
    ['*;q=0, identity', undefined],
    ['*', 'br'],
    ['br;q=0, *', 'gzip'],
    ['', undefined],
  ])('%j -> %s', async (acceptEncoding, expected) => {
    const res = await get('/pagefind/pagefind.js', { 'Accept-Encoding': acceptEncoding });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe(expected);
  });
});

describe('conditional requests', () => {
  it('a strong ETag and Last-Modified on every static file', async () => {
    for (const path of ['/', '/pagefind/pagefind.js', '/_astro/app.Ab12Cd34.js']) {
      const res = await get(path, { 'Accept-Encoding': 'gzip' });
      expect(res.headers.etag, path).toMatch(/^"[^"]+"$/);
      expect(Date.parse(res.headers['last-modified']), path).not.toBeNaN();
    }
  });

  it('each encoding has its own ETag', async () => {
    const plain = await get('/');
    const gzip = await get('/', { 'Accept-Encoding': 'gzip' });
    expect(plain.headers.etag).not.toBe(gzip.headers.etag);
  });

  it('If-None-Match with the current ETag answers 304 without a body', async () => {
    const first = await get('/', { 'Accept-Encoding': 'br' });
    const again = await get('/', { 'Accept-Encoding': 'br', 'If-None-Match': `"other", ${first.headers.etag}` });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(again.headers['cache-control']).toBe('no-cache');
    const changed = await get('/', { 'Accept-Encoding': 'br', 'If-None-Match': '"other"' });
    expect(changed.status).toBe(200);
  });

  it('If-Modified-Since answers 304 unless the file is newer', async () => {
    const first = await get('/pagefind/pagefind.js');
    expect((await get('/pagefind/pagefind.js', { 'If-Modified-Since': first.headers['last-modified'] })).status).toBe(
      304,
    );
    const earlier = new Date(Date.parse(first.headers['last-modified']) - 60_000).toUTCString();
    expect((await get('/pagefind/pagefind.js', { 'If-Modified-Since': earlier })).status).toBe(200);
  });

  it('a 404 never answers 304', async () => {
    expect((await get('/missing/', { 'If-None-Match': '*' })).status).toBe(404);
  });
});
