import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { builtPages, fileForPath, type BuiltPage } from './dist';

// Routes that run on the server (prerender = false) and have no file in dist/client.
const onDemandRoutes = [
  '/api/newsletter/subscribe',
  '/newsletter/confirm/',
  '/newsletter/unsubscribe/',
  '/newsletter/preferences/',
  '/newsletter/check-your-inbox/',
];
const site = new URL(process.env.SITE_URL ?? 'http://localhost:4321');

function idsOf(page: BuiltPage): Set<string> {
  return new Set(page.root.querySelectorAll('[id]').map((e) => e.getAttribute('id')!));
}

describe('internal links', () => {
  const pages = builtPages();
  const byPath = new Map(pages.map((p) => [p.path, p]));

  it('every internal link, script, stylesheet and anchor resolves', () => {
    const broken: string[] = [];
    for (const page of pages) {
      const refs = [
        ...page.root.querySelectorAll('a[href], link[href]').map((e) => e.getAttribute('href')!),
        ...page.root.querySelectorAll('script[src], img[src]').map((e) => e.getAttribute('src')!),
      ];
      for (const ref of refs) {
        const url = new URL(ref, new URL(page.path, site));
        if (url.origin !== site.origin) continue;
        const isServerRoute = onDemandRoutes.some((r) => url.pathname === r || url.pathname === `${r}/`);
        if (isServerRoute) continue;
        const file = fileForPath(url.pathname);
        if (!file) {
          broken.push(`${page.path} -> ${ref}`);
          continue;
        }
        if (url.hash && file.endsWith('.html')) {
          const target = byPath.get(url.pathname) ?? page;
          const id = decodeURIComponent(url.hash.slice(1));
          if (!idsOf(target).has(id)) broken.push(`${page.path} -> ${ref} (no element with id "${id}")`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('the on-demand routes the links rely on exist in src/pages', () => {
    const pagesDir = 'src/pages';
    const exists = (r: string) =>
      existsSync(`${pagesDir}${r.replace(/\/$/, '')}.ts`) ||
      existsSync(`${pagesDir}${r.replace(/\/$/, '')}.astro`) ||
      (existsSync(`${pagesDir}${r}`) && readdirSync(`${pagesDir}${r}`).some((f) => f.startsWith('index.')));
    const linked = onDemandRoutes.filter((r) => pages.some((p) => p.html.includes(`"${r}`)));
    expect(linked.filter((r) => !exists(r))).toEqual([]);
  });
});
