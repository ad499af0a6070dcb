// Static files of the build: lookup inside dist/client only, content types, caching, validators
// and compression. Text is compressed once per file and kept in memory (the built site is small and
// never changes while the server runs), so repeat requests cost a map lookup.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chooseEncoding, type Encoding } from './accept-encoding.ts';

export const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
  '.ics': 'text/calendar',
};

// Pagefind's .pf_* files are gzip inside already; images and fonts are compressed formats.
const compressible = new Set(['.html', '.css', '.js', '.mjs', '.json', '.xml', '.txt', '.svg', '.wasm', '.ics']);

interface CachedFile {
  mtimeMs: number;
  raw: Buffer;
  /** A hash of the content, computed once per version of the file: the base of its strong ETags. */
  hash: string;
  br?: Buffer;
  gzip?: Buffer;
}

export interface StaticFiles {
  /**
   * The file a URL path names inside root, or undefined (directories -> index.html). A path must name
   * its file literally: encoded slashes and dot segments name nothing, so no spelling reaches a file
   * outside the folder its path shows.
   */
  find(pathname: string): string | undefined;
  /**
   * Sends a file with its type, validators and caching rule, answering 304 to a matching conditional
   * request. The rule follows the response and the file, never the URL: only a 200 of a file inside
   * _astro/ (fingerprinted) is immutable, other files are revalidated, and an error page is not stored.
   */
  send(req: IncomingMessage, res: ServerResponse, file: string, status?: number): void;
}

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Whether an If-None-Match list names `etag` (the weak comparison RFC 9110 asks for here). */
function matchesETag(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/** Serves the files under `root`, the absolute path of dist/client. */
export function createStaticFiles(root: string): StaticFiles {
  const cache = new Map<string, CachedFile>();
  const hashedAssets = join(root, '_astro') + sep;

  function find(pathname: string): string | undefined {
    if (/%2f|%5c|\\/i.test(pathname)) return undefined;
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return undefined;
    }
    if (decoded.includes('\0') || decoded.split('/').some((segment) => segment === '.' || segment === '..'))
      return undefined;
    const file = join(root, decoded);
    if (file !== root && !file.startsWith(root + sep)) return undefined;
    if (existsSync(file) && statSync(file).isFile()) return file;
    const index = join(file, 'index.html');
    return existsSync(index) ? index : undefined;
  }

  function cached(file: string): CachedFile {
    const mtimeMs = statSync(file).mtimeMs;
    let entry = cache.get(file);
    if (!entry || entry.mtimeMs !== mtimeMs) {
      const raw = readFileSync(file);
      entry = { mtimeMs, raw, hash: createHash('sha256').update(raw).digest('base64url').slice(0, 27) };
      cache.set(file, entry);
    }
    return entry;
  }

  /** The bytes for the encoding the client prefers, compressing on first use. */
  function body(file: string, entry: CachedFile, acceptEncoding: string): { bytes: Buffer; encoding?: Encoding } {
    if (!compressible.has(extname(file)) || entry.raw.length < 1024) return { bytes: entry.raw };
    const encoding = chooseEncoding(acceptEncoding);
    if (encoding === 'br') {
      entry.br ??= brotliCompressSync(entry.raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } });
      return { bytes: entry.br, encoding };
    }
    if (encoding === 'gzip') {
      entry.gzip ??= gzipSync(entry.raw, { level: 9 });
      return { bytes: entry.gzip, encoding };
    }
    return { bytes: entry.raw };
  }

  /** Whether the client's copy, named by its validators, is still the current one. */
  function notModified(req: IncomingMessage, etag: string, mtimeMs: number): boolean {
    const ifNoneMatch = req.headers['if-none-match'];
    if (ifNoneMatch !== undefined) return matchesETag(ifNoneMatch, etag);
    const since = Date.parse(req.headers['if-modified-since'] ?? '');
    return !Number.isNaN(since) && Math.floor(mtimeMs / 1000) * 1000 <= since;
  }

  function send(req: IncomingMessage, res: ServerResponse, file: string, status = 200): void {
    const entry = cached(file);
    const { bytes, encoding } = body(file, entry, String(req.headers['accept-encoding'] ?? ''));
    const headers: Record<string, string | number> = {
      'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream',
      'Content-Length': bytes.length,
      'Cache-Control': status !== 200 ? 'no-store' : file.startsWith(hashedAssets) ? IMMUTABLE : 'no-cache',
      Vary: 'Accept-Encoding',
    };
    if (encoding) headers['Content-Encoding'] = encoding;
    if (status === 200) {
      // A strong validator names one representation, so each encoding has its own.
      const etag = `"${entry.hash}${encoding ? `-${encoding}` : ''}"`;
      headers.ETag = etag;
      headers['Last-Modified'] = new Date(entry.mtimeMs).toUTCString();
      if (notModified(req, etag, entry.mtimeMs)) {
        delete headers['Content-Length'];
        delete headers['Content-Type'];
        res.writeHead(304, headers).end();
        return;
      }
    }
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : bytes);
  }

  return { find, send };
}
