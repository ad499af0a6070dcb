// Shared reading of the built site for the build checks: every HTML page, parsed once.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

export const clientDir = join(process.cwd(), 'dist', 'client');

export interface BuiltPage {
  /** Site path of the page, e.g. /advice/ or /404.html */
  path: string;
  file: string;
  html: string;
  root: HTMLElement;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    if (d.isDirectory()) return d.name === 'pagefind' ? [] : walk(p);
    return [p];
  });
}

export function builtFiles(): string[] {
  if (!existsSync(clientDir)) throw new Error('dist/client is missing: run `npm run build` first.');
  return walk(clientDir);
}

export function sitePathOf(file: string): string {
  const rel = '/' + relative(clientDir, file).split(sep).join('/');
  return rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel;
}

let pages: BuiltPage[] | undefined;
export function builtPages(): BuiltPage[] {
  pages ??= builtFiles()
    .filter((f) => f.endsWith('.html'))
    .map((file) => {
      const html = readFileSync(file, 'utf8');
      return { path: sitePathOf(file), file, html, root: parse(html) };
    });
  return pages;
}

/** The file a site path is served from by the production server (src/server/http/static-files.ts), or undefined when it would 404. */
export function fileForPath(pathname: string): string | undefined {
  const direct = join(clientDir, decodeURIComponent(pathname));
  if (existsSync(direct) && !direct.endsWith(sep) && !pathname.endsWith('/')) return direct;
  const index = join(direct, 'index.html');
  return existsSync(index) ? index : undefined;
}

/** Paths listed in the sitemap, relative to the site. */
export function sitemapPaths(): string[] {
  const index = readFileSync(join(clientDir, 'sitemap-index.xml'), 'utf8');
  const maps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
  return maps.flatMap((m) => {
    const xml = readFileSync(join(clientDir, m), 'utf8');
    return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((x) => new URL(x[1]).pathname);
  });
}
