import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtPages, fileForPath, sitemapPaths } from './dist';
import { pngSize } from './png-header';

const site = process.env.SITE_URL ?? 'http://localhost:4321';

describe('every page in the sitemap', () => {
  const paths = sitemapPaths();
  const pages = new Map(builtPages().map((p) => [p.path, p]));

  it('lists the contract pages', () => {
    for (const p of ['/', '/advice/', '/advice/interview-follow-through/']) expect(paths).toContain(p);
  });

  it.each(paths)('%s has a title, a description, its canonical URL, social tags and exactly one h1', (path) => {
    const page = pages.get(path);
    expect(page, `${path} is in the sitemap but not built`).toBeDefined();
    const root = page!.root;
    expect(root.querySelector('title')?.text.trim().length).toBeGreaterThan(5);
    expect(root.querySelector('meta[name="description"]')?.getAttribute('content')?.trim().length ?? 0).toBeGreaterThan(
      30,
    );
    expect(root.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(new URL(path, site).href);
    expect(root.querySelector('meta[property="og:title"]')).not.toBeNull();
    expect(root.querySelector('meta[name="twitter:card"]')).not.toBeNull();
    expect(root.querySelectorAll('h1')).toHaveLength(1);
  });

  it('titles and descriptions are unique', () => {
    const titles = paths.map((p) => pages.get(p)?.root.querySelector('title')?.text);
    const descriptions = paths.map((p) =>
      pages.get(p)?.root.querySelector('meta[name="description"]')?.getAttribute('content'),
    );
    expect(new Set(titles).size).toBe(paths.length);
    expect(new Set(descriptions).size).toBe(paths.length);
  });
});

/** Pages with a social card of their own: articles, jobs, newsletter issues and the planner. */
const ownCard = (path: string) =>
  /^\/advice\/(?!\d+\/)[^/]+\/$/.test(path) ||
  /^\/jobs\/(?!location\/|function\/)[^/]+\/$/.test(path) ||
  /^\/newsletter\/\d{4}-\d{2}-\d{2}\/$/.test(path) ||
  path === '/tools/follow-up-planner/';

describe('social cards in the head', () => {
  const pages = new Map(builtPages().map((p) => [p.path, p]));
  const paths = sitemapPaths();

  it('every page of a kind with cards is in the sitemap list checked here', () => {
    expect(paths.filter(ownCard).length).toBeGreaterThan(25);
  });

  it.each(paths)('%s points og:image at its card: 1200 x 630, at most 60 kB, with its alt text', (path) => {
    const root = pages.get(path)!.root;
    const meta = (property: string) => root.querySelector(`meta[property="${property}"]`)?.getAttribute('content');
    const image = new URL(meta('og:image') ?? '');
    expect(image.origin).toBe(new URL(site).origin);
    const expected = ownCard(path) ? `${path}card.png` : '/card.png';
    expect(image.pathname).toBe(expected);
    const file = fileForPath(image.pathname);
    expect(file, `${image.pathname} was not built`).toBeDefined();
    const png = readFileSync(file!);
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
    expect(statSync(file!).size).toBeLessThanOrEqual(60 * 1024);
    expect(meta('og:image:width')).toBe('1200');
    expect(meta('og:image:height')).toBe('630');
    expect(meta('og:image:alt')?.length ?? 0).toBeGreaterThan(20);
    expect(root.querySelector('meta[name="twitter:card"]')?.getAttribute('content')).toBe('summary_large_image');
  });
});
