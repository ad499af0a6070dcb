// Static files of the build: lookup inside dist/client only, content types, caching, and compression.
// Text is compressed once per file and kept in memory (the built site is small and never changes
// while the server runs), so repeat requests cost a map lookup.
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

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
  br?: Buffer;
  gzip?: Buffer;
}

export interface StaticFiles {
  /** The file a URL path names inside root, or undefined (no escaping root, directories -> index.html). */
  find(pathname: string): string | undefined;
  /**
   * Sends a file with its type and caching rules: fingerprinted /_astro/ assets are immutable,
   * everything else is revalidated.
   */
  send(req: IncomingMessage, res: ServerResponse, file: string, status?: number): void;
}

/** Serves the files under `root`, the absolute path of dist/client. */
export function createStaticFiles(root: string): StaticFiles {
  const cache = new Map<string, CachedFile>();

  function find(pathname: string): string | undefined {
    let rel: string;
    try {
      rel = normalize(decodeURIComponent(pathname));
    } catch {
      return undefined;
    }
    const file = join(root, rel);
    if (file !== root && !file.startsWith(root + sep)) return undefined;
    if (existsSync(file) && statSync(file).isFile()) return file;
    const index = join(file, 'index.html');
    return existsSync(index) ? index : undefined;
  }

  function cached(file: string): CachedFile {
    const mtimeMs = statSync(file).mtimeMs;
    let entry = cache.get(file);
    if (!entry || entry.mtimeMs !== mtimeMs) {
      entry = { mtimeMs, raw: readFileSync(file) };
      cache.set(file, entry);
    }
    return entry;
  }

  /** Picks the encoding the client accepts, compressing on first use. */
  function body(file: string, acceptEncoding: string): { bytes: Buffer; encoding: string | undefined } {
    const entry = cached(file);
    if (!compressible.has(extname(file)) || entry.raw.length < 1024) return { bytes: entry.raw, encoding: undefined };
    if (/\bbr\b/.test(acceptEncoding)) {
      entry.br ??= brotliCompressSync(entry.raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } });
      return { bytes: entry.br, encoding: 'br' };
    }
    if (/\bgzip\b/.test(acceptEncoding)) {
      entry.gzip ??= gzipSync(entry.raw, { level: 9 });
      return { bytes: entry.gzip, encoding: 'gzip' };
    }
    return { bytes: entry.raw, encoding: undefined };
  }

  function send(req: IncomingMessage, res: ServerResponse, file: string, status = 200): void {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    const { bytes, encoding } = body(file, String(req.headers['accept-encoding'] ?? ''));
    const headers: Record<string, string | number> = {
      'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream',
      'Content-Length': bytes.length,
      'Cache-Control': pathname.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      Vary: 'Accept-Encoding',
    };
    if (encoding) headers['Content-Encoding'] = encoding;
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : bytes);
  }

  return { find, send };
}
